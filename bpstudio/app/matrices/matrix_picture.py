"""A matrix box drawn whole for a picture: "Save picture as PNG/SVG…" on a box shows every row and column of its
table — none scrolled out of sight, no scroll bars — whatever part of it the panel shows on screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QTableView, QWidget

QWIDGETSIZE_MAX = (1 << 24) - 1
OFF = Qt.ScrollBarPolicy.ScrollBarAlwaysOff


@contextmanager
def whole_table(view: QWidget, table: QTableView, shown: bool) -> Iterator[None]:
    """While inside: the box ``view`` as large as its whole ``table`` (if ``shown``), scrolled to the start, without
    scroll bars; then back as it was (size, limits, scroll bars and where they were)."""
    if not shown:
        yield
        return
    bars = (table.horizontalScrollBar(), table.verticalScrollBar())
    kept = (view.size(), view.minimumSize(), view.maximumSize(), table.horizontalScrollBarPolicy(),
            table.verticalScrollBarPolicy(), [bar.value() for bar in bars])
    header, rows = table.horizontalHeader(), table.verticalHeader()
    frame = 2 * table.frameWidth()
    whole = QSize(rows.sizeHint().width() + header.length() + frame, header.height() + rows.length() + frame)
    around = QSize(view.width() - table.width(), view.height() - table.height())  # the title and margins
    try:
        table.setHorizontalScrollBarPolicy(OFF)
        table.setVerticalScrollBarPolicy(OFF)
        view.setMinimumSize(0, 0)
        view.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        view.resize(whole + around)
        for bar in bars:
            bar.setValue(0)
        yield
    finally:
        size, minimum, maximum, horizontal, vertical, values = kept
        table.setHorizontalScrollBarPolicy(horizontal)
        table.setVerticalScrollBarPolicy(vertical)
        view.setMinimumSize(minimum)
        view.setMaximumSize(maximum)
        view.resize(size)
        for bar, value in zip(bars, values, strict=True):
            bar.setValue(value)
