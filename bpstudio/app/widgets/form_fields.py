"""Fields the side panels share: whole-number boxes over a C int's range, a fixed number, narrow combos with
item tooltips, labels that wrap, rows and columns of widgets, titled sections of forms, one label column, a scroll
area; and the message line under a form (network form, data panel): a refusal in red, a note in blue."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .styles import ERROR_STYLE, INFO_STYLE, READ_ONLY_STYLE, SECTION_STYLE

INT_MAX = 2_147_483_647  # a QSpinBox holds a C int


def spin_box(low: int, high: int = INT_MAX, tip: str = "", value: int | None = None, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setToolTip(tip)
    box.setSuffix(suffix)
    if value is not None:
        box.setValue(value)
    return box


def shrinkable_combo(length: int = 8) -> QComboBox:
    """A combo as narrow as ``length`` characters (the default is as wide as its longest item)."""
    return QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon,
                     minimumContentsLength=length)


def add_items(box: QComboBox, items: Iterable[tuple[str, object, str]]) -> None:
    """(text, data, tooltip) items."""
    for text, data, tip in items:
        box.addItem(text, data)
        box.setItemData(box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)


def push_button(text: str, slot) -> QPushButton:
    """A button that calls ``slot`` (or emits it, a signal) when clicked."""
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button


def read_only_spin() -> QSpinBox:
    """A number that is shown like the editable ones but fixed (by the data)."""
    box = spin_box(0, 1_000_000)
    box.setReadOnly(True)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    box.setStyleSheet(READ_ONLY_STYLE)  # looks fixed, not like a box to type in
    return box


def wrapped_label(text: str = "", name: str = "", tip: str = "", style: str = "", selectable: bool = False,
                  hidden: bool = False) -> QLabel:
    """A label that wraps: a hint, a note, a status line (``hidden`` until there is one to show). Plain text:
    what it shows may come from a file (a name, a CSV cell), never to be read as HTML."""
    label = QLabel(text, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
    label.setObjectName(name)
    label.setToolTip(tip)
    label.setStyleSheet(style)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if hidden:
        label.hide()
    return label


def section_title(text: str, tip: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(SECTION_STYLE)
    label.setToolTip(tip)
    return label


def fill(layout: QBoxLayout, *items: QWidget | QLayout | int | None | tuple[QWidget | QLayout | None, int],
         margins: tuple[int, int, int, int] | None = None, spacing: int | None = None) -> QBoxLayout:
    """Lay ``items`` out in order: a widget or a layout, or (it, stretch); an int is a gap in pixels, None a
    stretch ((None, n): of factor n)."""
    if margins is not None:
        layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    for item in items:
        thing, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(thing, int):
            layout.addSpacing(thing)
        elif thing is None:
            layout.addStretch(stretch)
        elif isinstance(thing, QLayout):
            layout.addLayout(thing, stretch)
        else:
            layout.addWidget(thing, stretch)
    return layout


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label whose mnemonic (the letter after &) focuses ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def titled_section(title: str) -> tuple[QWidget, QVBoxLayout]:
    """A titled section; plain headers rather than group boxes, whose frames cost a narrow panel width."""
    section = QWidget()
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 4, 0, 4)
    layout.addWidget(section_title(title))
    return section, layout


def scrolled(widget: QWidget, up_and_down: bool = False) -> QScrollArea:
    """``widget`` in a frameless scroll area that gives it the width there is; ``up_and_down``: it scrolls
    only up and down, and is never narrower than the widget needs (nothing cut off at its right edge)."""
    scroll = UpAndDownScroll(widgetResizable=True) if up_and_down else QScrollArea(widgetResizable=True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    if up_and_down:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(scroll)
    return scroll


class UpAndDownScroll(QScrollArea):
    """A scroll area as wide as its widget's minimum and a vertical scroll bar."""

    def minimumSizeHint(self) -> QSize:
        hint, inner = super().minimumSizeHint(), self.widget()
        if inner is None:
            return hint
        width = inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:  # a text or a font changed
            self._fit_height()
            self.updateGeometry()  # (its minimum width follows the widget's)
        return super().eventFilter(watched, event)

    def _fit_height(self) -> None:
        """Wrapped text is as tall as its width makes it: the widget scrolls rather than squeezing its controls."""
        inner = self.widget()
        layout = inner.layout() if inner is not None else None
        if inner is not None and layout is not None and layout.hasHeightForWidth():
            inner.setMinimumHeight(layout.totalMinimumHeightForWidth(self.viewport().width()))


def growing_form() -> QFormLayout:
    """A form whose fields take the width there is."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def align_labels(forms: list[QFormLayout], margin: int = 0) -> None:
    """One label column for several forms (or rows that come and go), so the fields line up."""
    items = [form.itemAt(i, QFormLayout.ItemRole.LabelRole) for form in forms for i in range(form.rowCount())]
    labels = [label for item in items if item is not None and (label := item.widget()) is not None]
    width = max(label.sizeHint().width() for label in labels) + margin
    for label in labels:
        label.setMinimumWidth(width)


def show_message(label: QLabel, text: str, error: bool) -> None:
    label.setText(("⚠ " if error else "ℹ ") + text)
    label.setProperty("kind", "error" if error else "info")
    label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
    label.show()


def clear_message(label: QLabel) -> None:
    label.clear()
    label.setProperty("kind", None)
    label.hide()


def shown_message(label: QLabel) -> str:
    """The line's text, or "" when it is hidden."""
    return "" if label.isHidden() else label.text()


def shows_error(label: QLabel) -> bool:
    return not label.isHidden() and label.property("kind") == "error"


def typed_number(text: str) -> float:
    """A number as typed (a decimal comma is accepted); NaN when it is none."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return math.nan


def message_box(parent: QWidget | None, title: str, text: str, details: str = "",
                icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A message box, open without waiting (the app goes on), whose text is shown as it is: it may hold a file's
    name or contents, never to be read as HTML. ``details``: text to copy (Show Details…)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
