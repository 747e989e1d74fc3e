"""Classroom screens (issue 14, items 3 and 4): at 1280 × 800 and 1024 × 768, in the normal layout and in
presentation mode, with the lessons open at a prediction and the gradient check open, the window, every dock and
every toolbar lie on the screen; no toolbar hides buttons behind "»"; the Lesson panel's controls get their full
height and end inside its dock — also after a 10-class import. Each screen is a real (offscreen) screen of that
size, in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from bpstudio.app.look import presentation

PROBE = Path(__file__).with_name("screen_fit_probe.py")
SCREENS = [(1280, 800), (1024, 768)]


def probe(tmp_path: Path, width: int, height: int, mode: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "classroom", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, str(PROBE), mode], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("mode", ["normal", "presentation"])
@pytest.mark.parametrize("width, height", SCREENS)
def test_every_layout_fits_a_classroom_screen(tmp_path, width, height, mode):
    report = probe(tmp_path, width, height, mode)
    for moment, seen in report.items():
        where = f"{width}×{height} {mode}, {moment}"
        assert seen["screen"] == [width, height]
        if mode == "presentation":  # larger fonts, as large as the screen allows
            assert seen["scale"] == presentation.fitting_scale(width, height) > 1.15, where
        min_w, min_h = seen["window minimum"]
        assert min_w <= width and min_h <= height, f"{where}: the window needs {min_w}×{min_h}"
        assert seen["window"][2] <= width and seen["window"][3] <= height, f"{where}: the window is {seen['window']}"
        shown = {moment[len("with "):]} if moment.startswith("with ") else {"lossDock", "networkDock"}
        assert {"lessonDock", "gradcheckDock", "equationDock", *shown} <= set(seen["docks"]), where
        for name, dock in seen["docks"].items():
            assert inside(dock["rect"], seen["window"]), f"{where}: {name} at {dock['rect']}"
            assert dock["rect"][2] >= dock["minimum"][0] and dock["rect"][3] >= dock["minimum"][1], (where, name)
        assert set(seen["toolbars"]) == {"fileToolbar", "steppingToolbar", "trainingToolbar"}
        for name, bar in seen["toolbars"].items():
            assert inside(bar["rect"], seen["window"]), f"{where}: {name} at {bar['rect']}"
            assert not bar["hidden buttons"], f"{where}: {name} shows » (buttons it has no room for)"
        viewport = seen["lesson viewport"]
        for name, control in seen["lesson controls"].items():
            if control["shown"]:
                x, y, w, h = control["rect"]
                assert h >= control["needs height"], f"{where}: {name} is {h} px high, needs {control['needs height']}"
                assert viewport[0] <= x and x + w <= viewport[0] + viewport[2], f"{where}: {name} cut off at the right"
    assert {"with chainGraphDock", "with nudgeDock", "with ledgerDock", "with gradientFlowDock",
            "with codeDock"} <= set(report)
    assert report["before"]["lesson controls"]["lessonAnswer"]["shown"]
    assert report["before"]["lesson controls"]["lessonFeedback"]["shown"]


def test_presentation_fonts_follow_the_screen():
    assert presentation.fitting_scale(1920, 1080) == presentation.FONT_SCALE == 1.5
    assert presentation.fitting_scale(1440, 900) == 1.5
    assert presentation.fitting_scale(1280, 800) == 1.33
    assert presentation.fitting_scale(1024, 768) == presentation.MIN_FONT_SCALE == 1.2
    screen = QApplication.primaryScreen().availableGeometry() if QApplication.instance() else None
    if screen is not None:
        assert presentation.screen_scale() == presentation.fitting_scale(screen.width(), screen.height())
