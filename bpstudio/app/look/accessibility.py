"""Accessible names and descriptions for every control a keyboard can reach, so a screen reader says
what a field is ("Learning rate η", not "edit text").

A control's name comes from, in order: a name set on purpose, its label (a buddy or a form row), its own
text, its placeholder, the first sentence of its tooltip, or the panel it sits in and what kind of control
it is. Its tooltip becomes its description. ``name_widgets`` only fills what is missing, so it can run
again after views create new controls.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def focusable(widget: QWidget) -> bool:
    """Reached by Tab (or shortcut-focused): what a keyboard user lands on."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def plain(text: str) -> str:
    """Rich text as plain text, mnemonics ("&Apply") and a trailing colon left out."""
    if "<" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split()).rstrip(":").strip()


def first_sentence(text: str, limit: int = 80) -> str:
    text = plain(text)
    cut = re.split(r"(?<=[.;:!?])\s", text, maxsplit=1)[0].rstrip(".;:")
    return cut if len(cut) <= limit else cut[: limit - 1].rstrip() + "…"


def labels_of(root: QWidget) -> dict[QWidget, str]:
    """Each labelled control under ``root``: its label's text (buddies and form rows)."""
    found: dict[QWidget, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            found.setdefault(buddy, plain(label.text()))
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            items = form.itemAt(row, QFormLayout.ItemRole.LabelRole), form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            caption, field = (item.widget() if item is not None else None for item in items)
            text = plain(caption.text()) if isinstance(caption, QLabel) else ""
            if text and field is not None:
                found.setdefault(field, text)
    return found


def _kind(widget: QWidget) -> str:
    kinds = (
        (QScrollArea, translate("Accessibility", "scrolling area")),
        (QAbstractItemView, translate("Accessibility", "list or table")),
        (QTextEdit, translate("Accessibility", "text")),
        (QGraphicsView, translate("Accessibility", "picture")),
        (QAbstractSlider, translate("Accessibility", "slider")),
        (QTabBar, translate("Accessibility", "tabs")),
        (QLineEdit, translate("Accessibility", "text field")),
        (QAbstractButton, translate("Accessibility", "button")),
    )
    return next((text for cls, text in kinds if isinstance(widget, cls)), translate("Accessibility", "control"))


def _panel(widget: QWidget) -> str:
    """The name of the nearest panel around ``widget``: a named ancestor or a dock's title."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent.accessibleName():
            return parent.accessibleName()
        if isinstance(parent, QDockWidget):
            return plain(parent.windowTitle())
        parent = parent.parentWidget()
    return translate("Accessibility", "BP Studio")  # not the window title: it holds the project's name


def name_for(widget: QWidget, labels: dict[QWidget, str]) -> str:
    parent = widget.parentWidget()
    if isinstance(parent, (QAbstractSpinBox, QComboBox)) and isinstance(widget, QLineEdit):
        return parent.accessibleName() or name_for(parent, labels)  # the line edit inside a spin box
    if widget in labels:
        return labels[widget]
    if isinstance(widget, QAbstractButton) and plain(widget.text()):
        return plain(widget.text())
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return plain(widget.placeholderText())
    if widget.toolTip():
        return first_sentence(widget.toolTip())
    panel = _panel(widget)
    if panel:
        return translate("Accessibility", "{panel}: {kind}").format(panel=panel, kind=_kind(widget))
    return _kind(widget)


def name_widgets(root: QWidget) -> int:
    """Give every focusable control under ``root`` (and ``root``) an accessible name and, from its tooltip,
    a description, where it has none yet; how many were named."""
    labels = labels_of(root)
    named = 0
    for widget in [root, *root.findChildren(QWidget)]:
        if not focusable(widget):
            continue
        if not widget.accessibleName():
            widget.setAccessibleName(name_for(widget, labels))
            named += 1
        if widget.toolTip() and not widget.accessibleDescription():
            widget.setAccessibleDescription(plain(widget.toolTip()))
    return named


def unnamed(root: QWidget) -> list[QWidget]:
    """Visible, focusable controls without an accessible name (for tests)."""
    return [w for w in [root, *root.findChildren(QWidget)] if focusable(w) and w.isVisible() and not w.accessibleName()]


def add_missing_mnemonics(actions: list) -> None:
    """Give each action (a menu bar's menus) without an Alt+letter the first letter of its text that no other
    one uses (menus added by other modules as well)."""
    used = {a.text()[a.text().index("&") + 1].lower() for a in actions
            if "&" in a.text() and a.text().index("&") + 1 < len(a.text())}
    for action in actions:
        text = action.text()
        if "&" in text:
            continue
        at = next((i for i, c in enumerate(text) if c.isalpha() and c.isascii() and c.lower() not in used), None)
        if at is not None:
            used.add(text[at].lower())
            action.setText(text[:at] + "&" + text[at:])
