"""Autosave and recovery: unsaved work survives a crash or ``kill -9``.

While the window has unsaved changes, the project — with where training has got to — is written every
minute, and soon after a structural edit, to ``autosave.bpsproj`` in the user's data folder. A lock file
with the process id marks a session as running; a clean exit removes both. On the next start, an autosave
left by a session that did not exit cleanly is offered for restoring.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Slot
from PySide6.QtGui import QUndoStack

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.engine import BPStudioError, Project, load_project, save_project

from .project_files import ProjectFiles

INTERVAL_MS = 60_000  # every minute while there are unsaved changes
AFTER_EDIT_MS = 2_000  # and this soon after an edit of the network or the data


def data_dir() -> Path:
    """The user's data folder for BP Studio (tests point it to a temporary folder via XDG_DATA_HOME)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / "bpstudio"


def autosave_path() -> Path:
    return data_dir() / "autosave.bpsproj"


def lock_path() -> Path:
    return data_dir() / "session.lock"


def left_by_a_crash() -> Path | None:
    """An autosave from a session that did not exit cleanly (its lock is still there, its process gone)."""
    path, lock = autosave_path(), lock_path()
    if not path.exists() or not lock.exists():
        return None
    try:
        pid = int(lock.read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        pid = 0
    if pid == os.getpid() or (pid and _alive(pid)):
        return None  # this session's own, or another BP Studio's that is running
    return path


def recovered_project(path: Path) -> Project | None:
    try:
        return load_project(path)
    except (BPStudioError, OSError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Autosave(QObject):
    def __init__(self, files: ProjectFiles, undo_stack: QUndoStack, controller: EngineController,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(files)
        self.files = files
        self.controller = controller
        self.saves = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_EDIT_MS)
        self._soon.timeout.connect(self.save_now)
        undo_stack.indexChanged.connect(self._edited)
        data_dir().mkdir(parents=True, exist_ok=True)
        lock_path().write_text(str(os.getpid()), encoding="utf-8")
        self._timer.start()

    @Slot(int)
    def _edited(self, _index: int) -> None:
        self._soon.start()

    @Slot()
    def save_now(self) -> bool:
        """Write the autosave if there is unsaved work (not while a run goes: asking the engine pauses it)."""
        if not self.files.dirty or self.controller.running:  # (nothing shown yet: nothing dirty)
            return False
        project = self.files.current_project()
        if project is None:
            return False
        try:
            save_project(autosave_path(), project)
        except OSError:
            return False  # a full disk must not interrupt the work; the next minute tries again
        self.saves += 1
        return True

    def finish(self) -> None:
        """A clean exit: nothing to recover next time."""
        self._timer.stop()
        self._soon.stop()
        for path in (autosave_path(), lock_path()):
            path.unlink(missing_ok=True)
