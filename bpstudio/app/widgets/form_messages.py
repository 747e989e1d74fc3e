"""The message line under a form (network form, data panel): a refusal in red, a note in blue."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from .styles import ERROR_STYLE, INFO_STYLE


def message_line(name: str = "") -> QLabel:
    """A hidden, selectable, wrapping line for ``show_message``."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


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
