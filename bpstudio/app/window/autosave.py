"""Autosave: while the window has unsaved changes, the project — with where training has got to — is written
every minute, and soon after a structural edit, to the user's data folder (``session.crash_recovery``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Slot
from PySide6.QtGui import QUndoStack

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.session import crash_recovery

from .project_files import ProjectFiles

INTERVAL_MS = 60_000  # every minute while there are unsaved changes
AFTER_EDIT_MS = 2_000  # and this soon after an edit of the network or the data


def data_dir() -> Path:
    """The user's data folder for BP Studio (tests point it to a temporary folder via XDG_DATA_HOME)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)) / "bpstudio"


class Autosave(QObject):
    def __init__(self, files: ProjectFiles, undo_stack: QUndoStack, controller: EngineController) -> None:
        super().__init__(files)
        self.files, self.controller = files, controller
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.save_now)
        self._soon = QTimer(self, singleShot=True, interval=AFTER_EDIT_MS)
        self._soon.timeout.connect(self.save_now)
        undo_stack.indexChanged.connect(self._edited)
        crash_recovery.begin(data_dir())
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
        return project is not None and crash_recovery.save(data_dir(), project)

    def finish(self) -> None:
        """A clean exit: nothing to recover next time."""
        self._timer.stop()
        self._soon.stop()
        crash_recovery.end(data_dir())
