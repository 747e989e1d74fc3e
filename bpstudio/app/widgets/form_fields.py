"""Fields the side panels share: whole-number boxes over a C int's range, a fixed number, labels that wrap,
a section title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QSpinBox

from .styles import READ_ONLY_STYLE, SECTION_STYLE

INT_MAX = 2_147_483_647  # a QSpinBox holds a C int


def spin_box(low: int, high: int = INT_MAX, tip: str = "", value: int | None = None, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setToolTip(tip)
    box.setSuffix(suffix)
    if value is not None:
        box.setValue(value)
    return box


def read_only_spin() -> QSpinBox:
    """A number that is shown like the editable ones but fixed (by the data)."""
    box = spin_box(0, 1_000_000)
    box.setReadOnly(True)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    box.setStyleSheet(READ_ONLY_STYLE)  # looks fixed, not like a box to type in
    return box


def wrapped_label(text: str = "", name: str = "", tip: str = "", style: str = "", selectable: bool = False) -> QLabel:
    """A label that wraps: a hint, a note, a status line."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setToolTip(tip)
    label.setStyleSheet(style)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def section_title(text: str, tip: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(SECTION_STYLE)
    label.setToolTip(tip)
    return label
