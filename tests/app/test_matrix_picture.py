"""A matrix saved as a picture from its box is the whole matrix (issue 14 item 8): every row and column, none
scrolled out, whatever the box shows on screen; the box is left as it was."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage


def test_a_scrolled_matrix_is_saved_whole_as_svg_and_png(qtbot, open_window, tmp_path):
    w = open_window("spiral_softmax", size=(1440, 900), stages=1)  # forward 1: z¹ is 16 × 32
    view = w.matrices.view("z")
    table, model = view.table, view.model
    assert view.mode == "table" and model.array.shape == (16, 32)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().isVisible())  # the box shows only part of it
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum() // 2)  # scrolled to the middle
    scrolled_to = table.horizontalScrollBar().value()
    size_before = view.size()
    first = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    last = model.data(model.index(15, 31), Qt.ItemDataRole.DisplayRole)
    last_header = model.headerData(31, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole).split()[-1]

    svg_path = tmp_path / "z1.svg"
    assert view.export_menu.pictures.save_svg(str(svg_path))
    svg = svg_path.read_text(encoding="utf-8")
    texts = re.findall(r">([^<>]+)</text>", svg)
    assert first in texts and last in texts and last_header in " ".join(texts)  # the first and the last entry
    svg_width = float(re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ', svg).group(1))  # in pixels
    whole_width = table.verticalHeader().sizeHint().width() + table.horizontalHeader().length()
    assert svg_width >= whole_width > table.viewport().width()  # wider than the box on screen

    png_path = tmp_path / "z1.png"
    assert view.export_menu.pictures.save_png(str(png_path), width=3000)
    image = QImage(str(png_path))
    whole_height = table.horizontalHeader().height() + table.verticalHeader().length()
    assert image.width() == 3000
    assert image.height() / image.width() < (whole_height + 60) / whole_width  # the whole table's shape, not the box's
    assert view.size() == size_before  # and the box is as it was
    assert table.horizontalScrollBar().value() == scrolled_to
    assert table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
