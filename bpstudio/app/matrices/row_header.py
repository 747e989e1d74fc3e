"""The width of a table's row header, remembered by what fixes its labels: asking the header for its size hint
reads every label again (Python calls into the model), which every box did on every state of a run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView


class RowHeaderWidth:
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._width = 0

    def of(self, table: QTableView, rows: int) -> int:
        """For ``rows`` rows of ``table``'s model, labelled as its last row is (the longest label)."""
        model = table.model()
        last = model.headerData(rows - 1, Qt.Orientation.Vertical) if rows and model is not None else ""
        key = (rows, last, table.font().pointSizeF(), table.verticalHeader().font().pointSizeF())
        if key != self._key:
            self._key, self._width = key, table.verticalHeader().sizeHint().width()
        return self._width
