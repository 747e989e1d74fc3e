"""The app floor's setup: headless Qt, empty settings for every test, one way to open the main window, and
checks that a test leaves no engine thread or main window behind."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402
from window_helpers import settle  # noqa: E402

from bpstudio.app.engine_link.engine_controller import _RUNNING, EngineController, running_engine_threads  # noqa: E402
from bpstudio.app.widgets.app_settings import settings  # noqa: E402
from bpstudio.app.window.edit_commands import UndoableEdits  # noqa: E402
from bpstudio.app.window.main_window import MainWindow  # noqa: E402
from bpstudio.app.window.project_files import ProjectFiles  # noqa: E402
from bpstudio.engine import Project, load_project  # noqa: E402
from bpstudio.engine.resource_files import example_path  # noqa: E402


@pytest.fixture
def open_window(qtbot):
    """``open_window(example, threaded, size, stages)``: a main window on a built-in example, shown, with the
    first ``stages`` stages stepped and every result shown; closed at teardown."""
    opened: list[MainWindow] = []

    def open_(example: str = "seed003_2-2-1", threaded: bool = False, size: tuple[int, int] | None = None,
              stages: int = 0) -> MainWindow:
        w = MainWindow(load_project(example_path(example)), threaded=threaded)
        qtbot.addWidget(w)
        opened.append(w)
        if size is not None:
            w.resize(*size)
        w.show()
        settle(qtbot, w)
        for _ in range(stages):
            w.actions_.step.trigger()
        qtbot.waitUntil(lambda: w.state.snapshot.position == stages, timeout=10_000)
        settle(qtbot, w)
        return w

    yield open_
    for w in opened:
        w.close()


@pytest.fixture
def controllers(qtbot):
    """``controllers(project, threaded=True)``: an engine controller without a window, shut down at teardown."""
    made: list[EngineController] = []

    def make(project: Project, threaded: bool = True) -> EngineController:
        made.append(EngineController(project, threaded=threaded))
        return made[-1]

    yield make
    for c in made:
        c.shutdown()
        assert c._thread is None


@pytest.fixture
def window(open_window):
    """The example seed003_2-2-1 with the engine in this thread, shown and ready to step."""
    return open_window()


@pytest.fixture(autouse=True)
def fresh_settings():
    """Every test starts from empty settings (in the throwaway home): a window closed by one test must not
    hand its layout, digits or recent files to the next."""
    store = settings()
    store.clear()
    store.sync()
    yield


@pytest.fixture(autouse=True)
def no_engine_thread_left_running():
    """A test must shut down every engine thread it starts (as the window does on close)."""
    yield
    left = running_engine_threads()
    for thread in list(_RUNNING):  # clean up so one leak does not fail every later test
        thread.quit()
        thread.wait()
    _RUNNING.clear()
    assert left == 0, f"{left} engine thread(s) left running"


@pytest.fixture(autouse=True)
def unsaved_work_is_discarded_without_asking(monkeypatch):
    """Closing a window with unsaved work asks in a modal dialog; in tests the answer is Discard (tests of
    the question itself replace it again)."""
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: QMessageBox.StandardButton.Discard)


@pytest.fixture(autouse=True)
def an_edit_may_start_training_over(monkeypatch):
    """An edit that sets trained iterations aside asks first, in a modal dialog; in tests the answer is Start over
    (tests of the question itself replace it again)."""
    monkeypatch.setattr(UndoableEdits, "ask_start_over", lambda self, updates, description: True)


@pytest.fixture(autouse=True)
def no_main_window_left_open():
    """A test closes the windows it opens: one left open stays active and takes focus and tooltips from the
    tests after it."""
    yield
    app = QApplication.instance()
    left = [w for w in (app.topLevelWidgets() if app else []) if isinstance(w, MainWindow) and w.isVisible()]
    for w in left:
        w.hide()
        w.deleteLater()
    assert not left, f"{len(left)} main window(s) left open"
