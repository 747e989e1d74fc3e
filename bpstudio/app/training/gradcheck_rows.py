"""The gradient check's tables: rows of text, pale green (passed) or pale red (failed), and how their
numbers are written."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from bpstudio.app.widgets.styles import DARK_TEXT

PASS_COLOUR, FAIL_COLOUR = QColor("#e6f4ea"), QColor("#fce8e6")  # pale: the text stays readable
ModelIndex = QModelIndex | QPersistentModelIndex


def format_error(x: float) -> str:
    """A relative error in scientific notation with 2 significant digits: 3.2e-10, 7.6e-1."""
    return "0" if x == 0 else _short_exponent(f"{x:.1e}")


def format_tolerance(x: float) -> str:
    return _short_exponent(f"{x:g}")


def format_gradient(x: float) -> str:
    """Enough digits to see where backprop and the difference quotient part."""
    return _short_exponent(f"{x:.6g}")


def _short_exponent(text: str) -> str:
    """1e-07 → 1e-7, as people write it."""
    mantissa, e, exponent = text.partition("e")
    if not e:
        return text
    sign, digits = (exponent[0], exponent[1:]) if exponent[0] in "+-" else ("", exponent)
    return f"{mantissa}e{'-' if sign == '-' else ''}{digits.lstrip('0') or '0'}"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    values: tuple[object, ...]  # the numbers behind the cells (UserRole), for tests and copying
    passed: bool
    tip: str = ""


class RowsModel(QAbstractTableModel):
    """Read-only rows of text, each row pale green (passed) or pale red (failed)."""

    def __init__(self, headers: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers  # (title, tooltip)
        self._rows: list[Row] = []
        self.centred: set[str] = set()  # cell texts shown centred (pass, fail)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        try:
            self._rows = rows
        finally:
            self.endResetModel()

    def rowCount(self, parent: ModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.values[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return PASS_COLOUR if row.passed else FAIL_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(DARK_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            centred = row.cells[index.column()] in self.centred
            return int((Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignRight)
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._headers[section][1]
        return None
