"""Run by test_matrix_fit.py in a process of its own, on an offscreen 1440 × 900 screen (the default window
size): the main window with the lessons open, an example stepped, a matrix mode chosen; prints each box's
size, what its table needs and whether it scrolls, as JSON.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python matrix_fit_probe.py EXAMPLE STAGES MODE NOTATION
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtWidgets import QApplication


def main(example: str, stages: int, mode: str, notation: str) -> None:
    app = QApplication(sys.argv)
    from bpstudio.app.matrices.box_room import content_height
    from bpstudio.app.window.main_window import MainWindow
    from bpstudio.engine import load_project
    from bpstudio.engine.resource_files import example_path

    w = MainWindow(load_project(example_path(example)), threaded=False)
    w.show()

    def settle() -> None:
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            app.processEvents()

    settle()
    w.lessons.show_panel()  # F1: the Lesson dock takes its room at the bottom
    w.notation_menu.set_notation(notation)
    settle()
    for _ in range(stages):
        w.actions_.step.trigger()
    combo = w.matrices.mode_combo
    combo.setCurrentIndex(combo.findData(mode))
    settle()
    panel = w.matrices
    views = panel.across_page.views if mode != "layer" else list(panel._grids[w.state.layer].views.values())
    scroll = panel.splitter.widget(0)  # the page scroll area
    print(json.dumps({
        "window": list(w.size().toTuple()),
        "page scrolls": scroll.verticalScrollBar().isVisible() or scroll.horizontalScrollBar().isVisible(),
        "boxes": [{"quantity": v.quantity, "layer": v.model.layer, "mode": v.mode, "size": list(v.size().toTuple()),
                   "shape": list(v.model.array.shape) if v.model.array is not None else None,
                   "needs width": v.content_width(with_title=False), "needs height": content_height(v),
                   "scrolls sideways": v.table.horizontalScrollBar().isVisible(),
                   "scrolls down": v.table.verticalScrollBar().isVisible()} for v in views]}), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
