"""A CSV file's first rows as a table, numbered as in the file, with the row or cell at fault marked; and
where an import problem is."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView, QWidget

from bpstudio.app.widgets.styles import ERROR_GROUND
from bpstudio.engine import ValidationError
from bpstudio.engine.csv_import import CsvTable, raw_rows

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

PREVIEW_ROWS = 50
BAD = QBrush(QColor("#f9d0cc"))
BAD_ROW = QBrush(QColor(ERROR_GROUND))
Index = QModelIndex | QPersistentModelIndex


def located(exc: ValidationError, header: list[str]) -> tuple[str, int | None, int | None]:
    """(message, file row, column index) of an import problem: the row and column the preview marks."""
    where = exc.field
    line = re.fullmatch(r"row (\d+)", where)
    named = exc.column  # the message may be translated: the column comes apart from it
    column = header.index(named) if named is not None and named in header else None
    if where in ("file", "features", "columns", "kind"):
        text = exc.message
    elif line:  # the field is a key ("row 7"); the reader gets it in the UI's language
        text = translate("CsvImportDialog", "Row {row}: {message}").format(row=line.group(1), message=exc.message)
    else:
        text = f"{where}: {exc.message}"
    if "." not in text.split(" ", 1)[0]:  # a message that starts with a file's name keeps its case
        text = text[0].upper() + text[1:]
    return text, int(line.group(1)) if line else None, column


class CsvPreviewModel(QAbstractTableModel):
    """The first rows of a file as text; rows are numbered as in the file, and a bad row or cell is marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._rows: list[list[str]] = []
        self._lines: list[int] = []
        self._width = 0
        self._bad: tuple[int | None, int | None] = (None, None)  # (file line, column index)
        self._bad_text = ""

    def set_rows(self, header: list[str], rows: list[list[str]], lines: list[int]) -> None:
        self.beginResetModel()
        try:
            self._header, self._rows, self._lines = header, rows, lines
            self._width = max([len(header), *(len(r) for r in rows)])
            self._bad, self._bad_text = (None, None), ""
        finally:
            self.endResetModel()

    def mark(self, line: int | None, column: int | None, text: str = "") -> None:
        """Mark a row (and a cell in it), or a whole column when only the column is known."""
        self._bad, self._bad_text = (line, column), text
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self._width - 1))

    def row_of(self, line: int) -> int | None:
        """The preview row showing file line ``line`` (None when it is not among the rows shown)."""
        return self._lines.index(line) if line in self._lines else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._width

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        row = self._rows[r]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[c] if c < len(row) else None
        line, column = self._bad
        bad_row = line is not None and self._lines[r] == line
        bad_cell = c == column and (bad_row or line is None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return BAD if bad_cell else BAD_ROW if bad_row else None
        if role == Qt.ItemDataRole.ToolTipRole and (bad_cell or (bad_row and column is None)):
            return self._bad_text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._lines[section]) if section < len(self._lines) else None
        return self._header[section] if section < len(self._header) else self.tr("column {n}").format(n=section + 1)


class CsvPreview(QTableView):
    """A file's first ``PREVIEW_ROWS`` rows; ``mark`` marks the row or cell at fault and brings it into view."""

    def __init__(self) -> None:
        super().__init__()
        self.rows = CsvPreviewModel(self)
        self.setModel(self.rows)
        self.setToolTip(translate("CsvImportDialog", "The file's first {n} rows, numbered as in the file; a row or "
                                  "cell at fault is marked red.").format(n=PREVIEW_ROWS))
        self.verticalHeader().setDefaultSectionSize(22)

    def show_table(self, table: CsvTable) -> None:
        shown = min(len(table.rows), PREVIEW_ROWS)
        self.rows.set_rows(list(table.header), [list(r) for r in table.rows[:shown]],
                           [table.line(r) for r in range(shown)])
        self.resizeColumnsToContents()

    def show_text(self, text: str) -> None:
        """The raw cells of a file that is not a table, so the row named in the message can be seen."""
        rows = [[c.strip() for c in r] for r in raw_rows(text, partial=True)[:PREVIEW_ROWS]] if text else []
        self.rows.set_rows([], rows, list(range(1, len(rows) + 1)))
        self.resizeColumnsToContents()

    def mark(self, row: int | None, column: int | None, text: str) -> None:
        self.rows.mark(row, column, text)
        r = self.rows.row_of(row) if row is not None else None
        if r is not None or column is not None:
            self.scrollTo(self.rows.index(r or 0, column or 0))
