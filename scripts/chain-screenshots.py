"""The Chain rule dock (issue 15, item 1) in the real window, offscreen, at 1280×800, in English and Chinese:
docs/screenshots/chain-graph.png and chain-graph-zh.png (seed 003 after its backward pass, the graph of w¹₁₂).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/chain-screenshots.py [OUT_DIR] [EXAMPLE] [ENTRY] [WxH]

With ``--stay en|zh`` it sets the same window up on the real screen and keeps it open, for a screenshot of the
screen (the pictures in docs/ are taken so, on a virtual X screen):

    /work/shared/tools/xvfb-shot docs/screenshots/chain-graph.png --wait 8 --size 1280x800 -- \
        .venv/bin/python scripts/chain-screenshots.py --stay en
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # a throwaway home: the user's settings stay as they are
    os.environ[_var] = tempfile.mkdtemp(prefix="bpstudio-")

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from bpstudio.app.look.language import CHINESE, ENGLISH, install_language  # noqa: E402
from bpstudio.app.window.main_window import MainWindow  # noqa: E402
from bpstudio.app.window.project_files import ProjectFiles  # noqa: E402
from bpstudio.engine import load_project  # noqa: E402
from bpstudio.engine.entry_ref import parse_entry  # noqa: E402
from bpstudio.engine.examples import resolve_project  # noqa: E402

ProjectFiles.ask = lambda self: QMessageBox.StandardButton.Discard  # windows here close without asking


def shot(app: QApplication, path: Path | None, example: str, entry: str, size: tuple[int, int], stages: int = 5,
         sample: int = 2) -> None:
    project = resolve_project(example)
    window = MainWindow(load_project(project.path) if getattr(project, "path", None) else project, threaded=False)
    window.resize(*size)
    window.show()
    for _ in range(stages):
        window.actions_.step.trigger()
    app.processEvents()
    chain = window.chain.graph
    chain.dock.show()
    chain.dock.raise_()
    app.processEvents()
    ref = parse_entry(entry)
    chain.view.show_entry(ref.quantity, ref.layer, ref.row, ref.col)
    chain.view.sample_spin.setValue(min(sample, chain.view.sample_spin.maximum()))
    for _ in range(3):
        app.processEvents()
    if path is None:  # --stay: the screen is shot from outside
        window.move(0, 0)
        app.exec()
        return
    window.grab().save(str(path))
    window.close()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    if len(sys.argv) > 2 and sys.argv[1] == "--stay":
        if sys.argv[2] == "zh":
            install_language(CHINESE)
        size = sys.argv[3] if len(sys.argv) > 3 else "1280x800"
        w, h = (int(v) for v in size.split("x"))
        shot(app, None, "seed003_2-2-1", "W1[1,2]", (w, h))
        return
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    example = sys.argv[2] if len(sys.argv) > 2 else "seed003_2-2-1"
    entry = sys.argv[3] if len(sys.argv) > 3 else "W1[1,2]"
    w, h = (int(v) for v in (sys.argv[4] if len(sys.argv) > 4 else "1280x800").split("x"))
    out.mkdir(parents=True, exist_ok=True)
    shot(app, out / "chain-graph.png", example, entry, (w, h))
    install_language(CHINESE)
    try:
        shot(app, out / "chain-graph-zh.png", example, entry, (w, h))
    finally:
        install_language(ENGLISH)
    print(f"written: {out / 'chain-graph.png'}, {out / 'chain-graph-zh.png'}")


if __name__ == "__main__":
    main()
