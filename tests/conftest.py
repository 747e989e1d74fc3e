"""Shared test setup: headless Qt, and never the user's real settings or data folders."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# settings and autosaves go to a throwaway home for the whole session
_home = tempfile.mkdtemp(prefix="bpstudio-test-home-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_home, var.lower())


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def fresh_settings():
    """Every test starts from empty settings (in the throwaway home): a window closed by one test must not
    hand its layout, digits or recent files to the next."""
    from bpstudio.app.widgets.app_settings import settings

    store = settings()
    store.clear()
    store.sync()
    yield


@pytest.fixture(autouse=True)
def no_engine_thread_left_running():
    """A test must shut down every engine thread it starts (as the window does on close)."""
    yield
    from bpstudio.app.engine_link.engine_controller import _RUNNING, running_engine_threads

    left = running_engine_threads()
    for thread in list(_RUNNING):  # clean up so one leak does not fail every later test
        thread.quit()
        thread.wait()
    _RUNNING.clear()
    assert left == 0, f"{left} engine thread(s) left running"


@pytest.fixture(autouse=True)
def no_training_process_left():
    """Full-speed runs train in a child process; shutting the engine down must end it."""
    yield
    import multiprocessing

    left = [p for p in multiprocessing.active_children() if p.name == "bpstudio-run"]
    for p in left:
        p.terminate()
        p.join(2)
    assert not left, f"{len(left)} training process(es) left running"


@pytest.fixture(autouse=True)
def unsaved_work_is_discarded_without_asking(monkeypatch):
    """Closing a window with unsaved work asks in a modal dialog; in tests the answer is Discard (tests of
    the question itself replace it again)."""
    from PySide6.QtWidgets import QMessageBox

    from bpstudio.app.window.project_files import ProjectFiles

    monkeypatch.setattr(ProjectFiles, "ask", lambda self: QMessageBox.StandardButton.Discard)


@pytest.fixture(autouse=True)
def no_main_window_left_open():
    """A test closes the windows it opens: one left open stays active and takes focus and tooltips from the
    tests after it."""
    yield
    from PySide6.QtWidgets import QApplication

    from bpstudio.app.window.main_window import MainWindow

    app = QApplication.instance()
    left = [w for w in (app.topLevelWidgets() if app else []) if isinstance(w, MainWindow) and w.isVisible()]
    for w in left:
        w.hide()
        w.deleteLater()
    assert not left, f"{len(left)} main window(s) left open"
