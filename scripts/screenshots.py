"""Render the main window offscreen at several stages, and training, into docs/screenshots/ (1440×900).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# a throwaway home for settings and autosaves: the pictures and timings never depend on (or change) the user's
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = tempfile.mkdtemp(prefix="bpstudio-")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from bpstudio.app.forms.csv_import_dialog import CsvImportDialog  # noqa: E402
from bpstudio.app.window.main_window import MainWindow  # noqa: E402
from bpstudio.app.window.project_files import ProjectFiles  # noqa: E402

ProjectFiles.ask = lambda self: QMessageBox.StandardButton.Discard  # windows here close without asking
from bpstudio.engine import load_project  # noqa: E402
from bpstudio.engine.resource_files import example_path  # noqa: E402
from bpstudio.engine.run_settings import RUNNING  # noqa: E402

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
        window.resize(*SIZE)
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
    written += training_shots(app, out)
    written.append(lesson_shot(app, out))
    written += classroom_shots(app, out)
    written += chinese_shots(app, out)
    return written


def front_tabs(window: MainWindow) -> None:
    """The panels a first look wants in front of their tab groups: network, stages, loss."""
    for dock in (window.form_dock, window.stage_dock, window.training.loss_dock):
        dock.raise_()


def chinese_shots(app: QApplication, out: Path) -> list[Path]:
    """The studio in Simplified Chinese at seed 003's backward pass through layer 1, and lesson 2 in Chinese."""
    from bpstudio.app.look.language import CHINESE, ENGLISH, install_language

    install_language(CHINESE)
    try:
        window = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
        window.resize(*SIZE)
        window.show()
        for _ in range(5):
            window.actions_.step.trigger()
        front_tabs(window)
        wait(app, 0.5)
        path = out / "chinese.png"
        window.grab().save(str(path))
        window.close()
        return [path, lesson_shot(app, out, "chinese-lesson")]
    finally:
        install_language(ENGLISH)


SIZE = (1440, 900)


def wait(app: QApplication, seconds: float, until=lambda: False) -> None:
    """Run the event loop until ``until()`` or the time is up; an error in ``until`` ends the script."""
    loop, end, failed = QEventLoop(), time.perf_counter() + seconds, []

    def tick() -> None:
        try:
            done = until() or time.perf_counter() > end
        except Exception as exc:  # noqa: BLE001 - raised again below, outside Qt's event loop
            failed.append(exc)
            done = True
        if done:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    loop.exec()
    timer.stop()
    if failed:
        raise failed[0]


def open_window(app: QApplication, example: str) -> MainWindow:
    window = MainWindow(load_project(example_path(example)), threaded=True)
    window.resize(*SIZE)
    window.show()
    wait(app, 5, lambda: window.state is not None and not window.controller.busy and not window.render_pending)
    return window


def training_shots(app: QApplication, out: Path) -> list[Path]:
    """Training in progress, paused on a breakpoint, diverged, the gradient check and the data sources."""
    shots = []

    def save(window, name: str) -> None:
        wait(app, 0.3)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    w = open_window(app, "spiral_softmax")  # running, at full speed
    w.training.run_dock.raise_()
    w.training.run_panel.forever_radio.setChecked(True)
    w.training.actions.run.trigger()
    wait(app, 2.5)
    assert w.controller.run_status.state == RUNNING
    save(w, "09-training-spiral-running")
    w.training.actions.pause.trigger()
    wait(app, 3, lambda: not w.controller.running and not w.controller.busy and not w.render_pending)
    w.training.gradient_dock.raise_()
    save(w, "10-training-paused-gradient-sizes")
    w.training.gradcheck_dock.raise_()
    w.window_actions.check_gradients.trigger()
    wait(app, 20, lambda: w.training.gradcheck_view.summary_label.text().startswith("All"))
    save(w, "11-gradient-check")
    w.close()

    w = open_window(app, "sine_regression")  # a learning rate far too large
    w.form.learning_rate_box.setText("20")
    w.form.learning_rate_box.setModified(True)
    w.form.learning_rate_box.editingFinished.emit()
    wait(app, 3, lambda: w.state.project.training.learning_rate == 20.0 and not w.controller.busy)
    w.training.actions.run.trigger()
    wait(app, 10, lambda: w.controller.run_status.state == "diverged" and not w.controller.busy)
    save(w, "12-diverged")
    w.close()

    w = open_window(app, "xor_tanh")  # the data sources, and a moons run with a test set
    w.data_source_dock.raise_()
    panel = w.data_panel
    panel.set_source("moons")
    panel.test_box.setValue(25)
    panel.apply_button.click()
    wait(app, 5, lambda: w.state.project.data.get("generator") == "moons" and not w.controller.busy)
    w.training.actions.run.trigger()
    wait(app, 20, lambda: w.controller.run_status.state == "finished")
    wait(app, 3, lambda: not w.controller.busy and not w.render_pending)
    save(w, "13-data-moons-test-set")
    w.close()

    dialog = CsvImportDialog()
    dialog.resize(760, 560)
    dialog.load_path(Path(__file__).resolve().parents[1] / "resources" / "datasets" / "iris.csv")
    dialog.show()
    wait(app, 0.3)
    path = out / "14-csv-import.png"
    dialog.grab().save(str(path))
    shots.append(path)
    dialog.close()
    return shots


def lesson_shot(app: QApplication, out: Path, name: str = "lesson") -> Path:
    """Lesson 2 (BP1 on seed 000), step 4: δ₂ predicted right, then revealed by Shift+F10 in the outlined panel."""
    w = open_window(app, "seed003_2-2-1")
    lessons = w.lessons
    next(a for a in lessons.start_actions if a.objectName() == "startLesson_02_bp1_output_error").trigger()
    panel = lessons.panel
    idle = lambda: panel.course.loaded and not w.controller.busy and not w.render_pending  # noqa: E731
    wait(app, 5, idle)
    lessons.next_action.trigger()
    for action, answer in ((w.actions_.forward, None), (w.actions_.step, "-0.2"), (None, "0.063")):
        if answer is not None:
            panel.answer.setText(answer)
            panel.check()
        if action is not None:
            action.trigger()
            wait(app, 5, lambda: idle() and panel.course.can_go_next())
            lessons.next_action.trigger()
    w.actions_.backward.trigger()
    wait(app, 5, lambda: idle() and panel.course.can_go_next())
    front_tabs(w)
    wait(app, 1.5)  # the outline has finished flashing
    path = out / f"{name}.png"
    w.grab().save(str(path))
    w.close()
    return path


def classroom_shots(app: QApplication, out: Path) -> list[Path]:
    """The dark theme, and presentation mode (F12), at seed 003's backward pass through layer 1 after a few
    iterations of training (so the plots have curves)."""
    from bpstudio.app.look import presentation, theme

    shots = []
    for name, look in (("dark", "dark"), ("presentation", "presentation")):
        if look == "dark":
            theme.apply_theme("dark")
        window = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
        window.resize(*SIZE)
        window.show()
        if look == "presentation":
            window.classroom.presentation_action.trigger()  # F12, as in class
        for _ in range(4):
            window.actions_.finish.trigger()
        for _ in range(5):
            window.actions_.step.trigger()
        window.training.refresh_plots()
        wait(app, 0.5)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)
        window.close()
        theme.apply_theme("system")
        presentation.set_presentation(False)
    return shots


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    for p in render(target):
        print(p)
