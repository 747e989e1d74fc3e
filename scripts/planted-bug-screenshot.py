"""A planted bug (issue 16, item 2) in the real window: seed 003 with "f′(a) instead of f′(z)" planted from the Code
panel and stepped to backward 1, the wrong entries of δ¹, ∂L/∂W¹, ∂L/∂b¹ marked. Sets the window up on the screen
and keeps it open, for a shot of the screen (docs/screenshots/planted-bug.png is taken so):

    /work/shared/tools/xvfb-shot docs/screenshots/planted-bug.png --wait 10 --size 1280x800 -- \
        .venv/bin/python scripts/planted-bug-screenshot.py [en|zh] [MISTAKE] [STAGES] [--presentation] [--size=WxH]
"""

from __future__ import annotations

import os
import sys
import tempfile

for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # a throwaway home: the user's settings stay as they are
    os.environ[_var] = tempfile.mkdtemp(prefix="bpstudio-")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea  # noqa: E402

from bpstudio.app.look import presentation  # noqa: E402
from bpstudio.app.look.language import CHINESE, install_language  # noqa: E402
from bpstudio.app.window.main_window import MainWindow  # noqa: E402
from bpstudio.app.window.project_files import ProjectFiles  # noqa: E402
from bpstudio.engine.examples import resolve_project  # noqa: E402

ProjectFiles.ask = lambda self: QMessageBox.StandardButton.Discard  # the window closes without asking


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    app = QApplication.instance() or QApplication(sys.argv)
    if args and args[0] == "zh":
        install_language(CHINESE)
    mistake = args[1] if len(args) > 1 else "fprime_of_a"
    stages = int(args[2]) if len(args) > 2 else 5
    if "--presentation" in sys.argv:
        presentation.set_presentation(True)
    window = MainWindow(resolve_project("seed003_2-2-1"), threaded=False)
    size = next((a[7:] for a in sys.argv if a.startswith("--size=")), "1280x800")
    window.resize(*(int(v) for v in size.split("x")))
    window.move(0, 0)
    window.show()
    code = window.chain.code

    def set_up() -> None:
        code.toggle.trigger()
        combo = code.view.bug_bar.combo
        index = combo.findData(mistake)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        for _ in range(stages):
            window.actions_.step.trigger()
        window.select_layer(1)
        QTimer.singleShot(1500, reveal)

    def reveal() -> None:  # the boxes of the backward stage in view: δ¹, ∂L/∂W¹, ∂L/∂b¹
        scroll = window.matrices.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(window.matrices.view("delta", 1), 0, 0)
            scroll.ensureWidgetVisible(window.matrices.view("dW", 1), 0, 0)

    QTimer.singleShot(500, set_up)
    app.exec()


if __name__ == "__main__":
    main()
