"""The message line under a form (network form, data panel): a refusal in red, a note in blue."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "QLabel { color: #b3261e; background: #fdecea; border: 1px solid #f3b5ae; padding: 4px; }"
INFO_STYLE = "QLabel { color: #174ea6; background: #e8f0fe; border: 1px solid #aecbfa; padding: 4px; }"


def show_message(label: QLabel, text: str, error: bool) -> None:
    label.setText(("⚠ " if error else "ℹ ") + text)
    label.setProperty("kind", "error" if error else "info")
    label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
    label.show()


def clear_message(label: QLabel) -> None:
    label.clear()
    label.setProperty("kind", None)
    label.hide()


def typed_number(text: str) -> float:
    """A number as typed (a decimal comma is accepted); NaN when it is none."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return math.nan
