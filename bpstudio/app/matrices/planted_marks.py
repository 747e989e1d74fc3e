"""The entries of a matrix box that a planted mistake (``engine.planted``) made wrong: where the buggy value differs
from the correct one, both computed by the engine and carried by the snapshot. A marked cell is underlined on an
amber ground (not a colour of the blue–white–red value scale, and as wide as before: the columns stay), and its
tooltip gives the correct value."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.explain import format_number

WRONG_RGB = (255, 196, 0)
WRONG_BACKGROUND = QBrush(QColor(*WRONG_RGB))
WRONG_FOREGROUND = QBrush(QColor(20, 20, 20))


def _font(bold: bool) -> QFont:
    font = QFont()
    font.setUnderline(True)
    font.setBold(bold)
    return font


WRONG_FONTS = {False: _font(False), True: _font(True)}  # by whether the stage just computed the box (bold)


class PlantedMarks:
    """One box's marks: the mask and the correct values, as the engine holds them and as displayed."""

    def __init__(self) -> None:
        self.mask: np.ndarray | None = None  # engine orientation
        self.correct: np.ndarray | None = None
        self.shown: np.ndarray | None = None  # displayed orientation
        self.shown_correct: np.ndarray | None = None

    def update(self, snap: Snapshot, made: str, array: np.ndarray | None, notation: str) -> bool:
        """Take ``snap``'s marks for ``made``; True when they differ from those held."""
        mask = snap.planted.wrong(made, array) if snap.planted is not None else None
        if mask is not None and not mask.any():
            mask = None
        changed = not (mask is None and self.mask is None) and not (
            mask is not None and self.mask is not None and np.array_equal(mask, self.mask))
        self.mask = mask
        self.correct = None if mask is None or snap.planted is None else snap.planted.correct.get(made)
        self.orient(notation)
        return changed

    def orient(self, notation: str) -> None:
        self.shown, self.shown_correct = conv.orient(self.mask, notation), conv.orient(self.correct, notation)

    @property
    def count(self) -> int:
        return 0 if self.mask is None else int(self.mask.sum())

    def at(self, row: int, col: int) -> bool:
        return self.shown is not None and bool(self.shown[row, col])

    def tip(self, row: int, col: int, precision: int) -> str:
        """The correct value of a marked entry, for the top of its tooltip ("" for one not marked)."""
        if not self.at(row, col) or self.shown_correct is None:
            return ""
        value = format_number(float(self.shown_correct[row, col]), precision)
        return QCoreApplication.translate("MatrixModel", "Planted bug: the correct value is {value}").format(
            value=value) + "\n\n"
