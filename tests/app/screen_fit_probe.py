"""Run by test_screen_fit.py in a process of its own, on an offscreen screen of the size asked for: the main
window as a classroom uses it (lessons open at a prediction with its hint, the gradient check open, presentation
mode on if asked), then again after a 10-class import; prints what lies where, as JSON.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python screen_fit_probe.py [presentation]
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QToolBar, QToolButton, QWidget


def main() -> None:
    app = QApplication(sys.argv)
    from bpstudio.app.window.main_window import MainWindow
    from bpstudio.engine import load_project
    from bpstudio.engine.resource_files import example_path
    from bpstudio.session.data_edits import project_with_data

    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    w.show()

    def settle() -> None:
        end = time.monotonic() + 0.6
        while time.monotonic() < end:
            app.processEvents()

    settle()
    lessons = w.lessons
    next(a for a in lessons.start_actions if a.objectName().startswith("startLesson_02")).trigger()
    lessons.next_action.trigger()
    w.actions_.forward.trigger()
    settle()
    lessons.next_action.trigger()  # a prediction step
    lessons.panel.answer.setText("0.2")
    lessons.panel.check()  # wrong: the hint shows
    w.window_actions.check_gradients.trigger()
    w.training.gradcheck_dock.raise_()
    settle()
    if "presentation" in sys.argv[1:]:
        w.classroom.presentation_action.trigger()  # F12
    settle()
    report = {"before": measure(app, w)}
    w.edits.edit_project(project_with_data(w.result.project, {"generator": "blobs",
                                                               "params": {"classes": 10}}).project, "ten classes")
    settle()
    report["ten classes"] = measure(app, w)
    for dock in w.chain.docks:  # the chain rule's docks, each open in front where it opens
        dock.show()
        dock.raise_()
        settle()
        report[f"with {dock.objectName()}"] = measure(app, w)
    print(json.dumps(report), flush=True)
    os._exit(0)  # (closing would ask about the unsaved import)


def rect(widget: QWidget) -> list[int]:
    """Where ``widget`` is on the screen: left, top, width, height."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def measure(app: QApplication, w: QWidget) -> dict:
    screen = app.primaryScreen().availableGeometry()
    frame = w.geometry()  # the window's own area (the offscreen screen adds a made-up frame)
    panel = w.lessons.panel
    controls = {}
    for c in (panel.picker, panel.start_button, panel.open_button, panel.title, panel.progress, panel.prev_button,
              panel.next_button, panel.answer, panel.check_button, panel.reveal_button, panel.feedback, panel.waiting):
        needs = c.heightForWidth(c.width()) if isinstance(c, QLabel) and c.wordWrap() else c.sizeHint().height()
        controls[c.objectName()] = {"rect": rect(c), "needs height": needs, "shown": c.isVisible()}
    return {
        "screen": [screen.width(), screen.height()],
        "scale": __import__("bpstudio.app.look.presentation", fromlist=["x"]).font_scale(),
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "window minimum": list(w.minimumSizeHint().toTuple()),
        "docks": {d.objectName(): {"rect": rect(d), "minimum": list(d.minimumSizeHint().toTuple())}
                  for d in w.findChildren(QDockWidget) if d.isVisible() and not d.visibleRegion().isEmpty()},
        "toolbars": {t.objectName(): {"rect": rect(t), "hidden buttons": any(
            b.isVisible() for b in t.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button")}
            for t in w.findChildren(QToolBar) if t.isVisible()},
        "lesson viewport": rect(panel.parentWidget()),
        "lesson controls": controls,
    }


if __name__ == "__main__":
    main()
