"""Autosave: while the window has unsaved changes or a run trains, the project — with where training has got to —
is written every minute, and soon after a structural edit, to the user's data folder (``session.crash_recovery``).
A running run is not paused for it: the engine asks the run for its state and the autosave is written when that
comes (``TakeState``), so a kill loses at most a minute of training. A failed autosave says so in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.engine import Project
from bpstudio.engine.project_state import ProjectState
from bpstudio.session import crash_recovery

from .project_files import ProjectFiles

INTERVAL_MS = 60_000  # every minute while there are unsaved changes
AFTER_EDIT_MS = 2_000  # and this soon after an edit of the network or the data


def data_dir() -> Path:
    """The user's data folder for BP Studio (tests point it to a temporary folder via XDG_DATA_HOME)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)) / "bpstudio"


class Autosave(QObject):
    errorOccurred = Signal(str)  # noqa: N815 - Qt's naming

    def __init__(self, files: ProjectFiles, undo_stack: QUndoStack, controller: EngineController) -> None:
        super().__init__(files)
        self.files, self.controller = files, controller
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.save_now)
        self._soon = QTimer(self, singleShot=True, interval=AFTER_EDIT_MS)
        self._soon.timeout.connect(self.save_now)
        self._written = False
        self._finished = False
        undo_stack.indexChanged.connect(self._edited)
        controller.stateTaken.connect(self._write)
        crash_recovery.begin(data_dir())
        self._timer.start()

    @Slot(int)
    def _edited(self, _index: int) -> None:
        self._soon.start()

    @Slot()
    def save_now(self) -> bool:
        """Write the autosave if there is unsaved work or a run trains: the engine is asked for where training
        has got to (a run goes on). True when it was written now (the engine answers at once when it runs in
        this thread without a run); otherwise it is written when the answer comes."""
        if not self.files.dirty and not self.controller.running:  # (nothing shown yet: nothing dirty)
            return False
        self._written = False
        self.controller.take_state()
        return self._written

    @Slot(object, object)
    def _write(self, project: Project, state: ProjectState) -> None:
        if self._finished:  # an answer still on its way when the window closed cleanly: nothing to recover
            return
        try:
            crash_recovery.save(data_dir(), project.with_state(state))
        except Exception as exc:  # noqa: BLE001 - said in the window; the work goes on, the next minute tries again
            self._written = False
            self.errorOccurred.emit(self.tr(
                "Could not save your work automatically to {path}: {error}").format(
                    path=crash_recovery.autosave_file(data_dir()), error=exc))
            return
        self._written = True

    def finish(self) -> None:
        """A clean exit: nothing to recover next time."""
        self._finished = True
        self._timer.stop()
        self._soon.stop()
        crash_recovery.end(data_dir())
