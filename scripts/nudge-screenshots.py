"""The Nudge dock (issue 15, item 2) for the guide: seed 004's chain with w² nudged, in English and in Chinese, into
docs/screenshots/nudge.png and nudge-zh.png. The dock is floated at a readable size; settings go to a throwaway home.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/nudge-screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = tempfile.mkdtemp(prefix="bpstudio-")

from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox  # noqa: E402

from bpstudio.app.look.language import CHINESE, ENGLISH, install_language  # noqa: E402
from bpstudio.app.window.main_window import MainWindow  # noqa: E402
from bpstudio.app.window.project_files import ProjectFiles  # noqa: E402
from bpstudio.engine import load_project  # noqa: E402
from bpstudio.engine.resource_files import example_path  # noqa: E402

ProjectFiles.ask = lambda self: QMessageBox.StandardButton.Discard  # windows here close without asking
SIZE = (460, 900)  # the floated dock


def shot(app: QApplication, path: Path, language: str) -> Path:
    install_language(language)
    try:
        window = MainWindow(load_project(example_path("seed004_chain_1-1-1")), threaded=False)
        window.resize(1440, 900)
        window.show()
        dock = window.findChild(QDockWidget, "nudgeDock")
        dock.setFloating(True)
        dock.show()
        dock.resize(*SIZE)
        window.canvas.select_parameter(2, "W", 0, 0)  # a click on w²
        view = window.chain.nudge.view
        view.set_delta(0.5)
        for _ in range(20):
            app.processEvents()
        dock.grab().save(str(path))
        window.close()
        return path
    finally:
        install_language(ENGLISH)


if __name__ == "__main__":
    application = QApplication.instance() or QApplication(sys.argv)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for written in (shot(application, out / "nudge.png", ENGLISH), shot(application, out / "nudge-zh.png", CHINESE)):
        print(written)
