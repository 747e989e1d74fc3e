"""Render the main window offscreen at several stages into docs/screenshots/ (1280×800).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from bpstudio.app.main_window import MainWindow  # noqa: E402
from bpstudio.engine import load_project  # noqa: E402
from bpstudio.resources_path import example_path  # noqa: E402

SHOTS = [  # (file, example, stages to take, selected layer or None to follow the stage)
    ("01-start", "seed003_2-2-1", 0, None),
    ("02-forward-1", "seed003_2-2-1", 1, None),
    ("03-loss", "seed003_2-2-1", 3, None),
    ("04-backward-2-BP1", "seed003_2-2-1", 4, None),
    ("05-backward-1-BP2", "seed003_2-2-1", 5, None),
    ("06-update", "seed003_2-2-1", 6, None),
    ("07-softmax-cross-entropy", "spiral_softmax", 5, None),
    ("08-seed000-output-layer", "seed000_output_layer", 3, None),
]


def render(out: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, example, stages, layer in SHOTS:
        window = MainWindow(load_project(example_path(example)), threaded=False)
        window.resize(1280, 800)
        window.show()
        for _ in range(stages):
            window.actions_.step.trigger()
        if layer:
            window.select_layer(layer)
        app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)
        window.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    for p in render(target):
        print(p)
