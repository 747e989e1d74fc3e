"""Matrix panels sized to their contents (issue 14 item 9), at the default window size on a 1440 × 900 screen with
the lessons open: a 4 × 4 z shows whole, without a scroll bar; one quantity across layers gives each layer's box
the width its table needs, so no box scrolls sideways while another has room to spare."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("matrix_fit_probe.py")


def probe(tmp_path: Path, *args: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1440, "height": 900,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, str(PROBE), *args], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_4_by_4_z_shows_whole_at_the_default_size(tmp_path):
    seen = probe(tmp_path, "xor_tanh", "1", "layer", "column")  # forward 1: z¹ and a¹, 4 units × 4 samples
    assert seen["window"] == [1440, 900]
    boxes = {b["quantity"]: b for b in seen["boxes"]}
    for q in ("z", "a"):
        box = boxes[q]
        assert box["shape"] == [4, 4] and box["mode"] == "table"
        assert not box["scrolls down"] and not box["scrolls sideways"], box
        assert box["size"][1] >= box["needs height"], box
    assert not seen["page scrolls"]


@pytest.mark.parametrize(("example", "stages", "quantity", "notation"), [
    ("seed003_2-2-1", 6, "delta", "column"), ("xor_tanh", 6, "delta", "row"), ("xor_tanh", 6, "W", "column")])
def test_across_layers_no_box_scrolls_sideways_beside_empty_room(tmp_path, example, stages, quantity, notation):
    seen = probe(tmp_path, example, str(stages), quantity, notation)
    boxes = seen["boxes"]
    assert len(boxes) >= 2 and all(b["mode"] == "table" for b in boxes)
    spare = [b["size"][0] - b["needs width"] for b in boxes]
    for box in boxes:
        if box["scrolls sideways"]:
            assert max(spare) <= 20, (box, spare)  # it scrolls only when no box has room to give
    widths = [b["size"][0] for b in boxes]
    needs = [b["needs width"] for b in boxes]
    assert all(w >= min(n, 150) for w, n in zip(widths, needs, strict=True))
    if sum(needs) <= sum(widths):  # room for all: each at least as wide as its table
        assert all(w >= n for w, n in zip(widths, needs, strict=True)), (widths, needs)


def test_column_headers_show_every_line_in_presentation_mode(window, qtbot):
    """"from unit 1" over a narrow column takes three lines when fonts are large: the header is that tall."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from bpstudio.app.look import presentation

    try:
        window.classroom.presentation_action.trigger()  # F12
        qtbot.waitUntil(lambda: window.matrices.view("W").table.font().pointSizeF() > 9)
        window.actions_.step.trigger()
        qtbot.wait(50)
        table = window.matrices.view("W").table
        header, model = table.horizontalHeader(), window.matrices.view("W").model
        metrics = QFontMetrics(header.font())
        needs = [metrics.boundingRect(0, 0, header.sectionSize(c) - 8, 999, Qt.TextFlag.TextWordWrap,
                                      str(model.headerData(c, Qt.Orientation.Horizontal))).height()
                 for c in range(model.columnCount())]
        assert header.height() >= max(needs) + 6, (header.height(), needs)
    finally:
        presentation.set_presentation(False)
