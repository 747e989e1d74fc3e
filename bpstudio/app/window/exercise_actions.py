"""File ▸ Open exercise… and File ▸ Export ▸ Exercise sheets…: the window's side of the exercises feature
(app/exercises holds the dialogs, engine/text/exercise_sheets writes the files).

The sheets are written by a thread of their own (finding nice numbers takes some 100 candidates a variant: 30
variants take a second or two) and never touch the engine thread's network; the window polls it and reports.
A sheet in another language than the UI's is written with that language's translator, in that thread only."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from bpstudio.app.exercises.exercise_sheet_dialog import ExerciseSheetDialog
from bpstudio.app.exercises.open_exercise_dialog import OpenExerciseDialog
from bpstudio.app.look.language import current_language, engine_translator
from bpstudio.app.widgets.step_actions import make_action
from bpstudio.engine import BPStudioError
from bpstudio.engine.i18n import translating
from bpstudio.engine.project import Project
from bpstudio.engine.text.exercise_sheets import SheetRequest, write_sheets
from bpstudio.session.view_state import ViewState


class ExerciseActions(QObject):
    written = Signal(list)  # the files, once a sheet's thread is done (empty: it failed, and said why)

    def __init__(self, host: QWidget, state: Callable[[], ViewState | None], notation: Callable[[], str],
                 open_project: Callable[[Project], bool], error: Callable[[str], None],
                 status: Callable[[str, int], None]) -> None:
        """``open_project``: show a project untitled once unsaved work is asked about (False: the user kept it);
        ``error``, ``status``: where messages go (the window's error box and status bar)."""
        super().__init__(host)
        self.host, self.state, self.notation = host, state, notation
        self.open_project, self.error, self.status = open_project, error, status
        self.folder = str(Path.home() / "bpstudio-exercises")
        self.open_action = make_action(host, self.tr("Open exerc&ise…"), [], self.tr(
            "Open the exercise variant a code on an exercise sheet names, to check your answers stage by stage"),
            "openExercise")
        self.open_action.triggered.connect(self.open_dialog)
        self.export_action = make_action(host, self.tr("Exercise sheets with answer keys…"), [], self.tr(
            "Exercises with nice numbers on a small network like this one, for students, and a key with every "
            "answer and its worked steps, for you (Markdown, HTML, LaTeX)"), "exportExercises")
        self.export_action.triggered.connect(self.export_dialog)
        self.dialog: QDialog | None = None  # the one open, for tests and screenshots
        self._job: threading.Thread | None = None
        self._result: dict[str, object] = {}
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check)

    def open_dialog(self) -> None:
        dialog = OpenExerciseDialog(self.host)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            project = dialog.project()
            if project is not None:
                self.open_project(project)
        self.dialog = None

    def export_dialog(self) -> None:
        state = self.state()
        if state is None:
            return
        dialog = ExerciseSheetDialog(state.project.network, self.notation(), current_language(), self.folder,
                                     self.host)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.folder = str(dialog.target())
            self.write(dialog.request(), dialog.target())
        self.dialog = None

    def write(self, request: SheetRequest, folder: Path) -> None:
        """Write the sheets in a thread of their own; ``written`` says when they are there."""
        if self._job is not None:
            return
        translator = engine_translator(request.language)
        result: dict[str, object] = {}

        def work() -> None:
            try:
                with translating(translator):
                    result["paths"] = write_sheets(folder, request)
            except (BPStudioError, OSError) as exc:
                result["error"] = str(exc)

        self._result, self._request, self._folder = result, request, folder
        self._job = threading.Thread(target=work, name="exercise-sheets", daemon=True)
        self.export_action.setEnabled(False)
        self._job.start()
        self._poll.start()
        self.status(self.tr("Writing {count} exercise(s)…").format(count=request.count), 0)

    def _check(self) -> None:
        if self._job is None or self._job.is_alive():
            return
        self._poll.stop()
        self._job = None
        self.export_action.setEnabled(True)
        paths = self._result.get("paths")
        if not isinstance(paths, list):
            self.error(self.tr("The exercise sheets could not be written: {reason}").format(
                reason=self._result.get("error", "?")))
            self.written.emit([])
            return
        self.status(self.tr("{count} exercise(s) written to {folder}: exercises.* for students, answer-key.* for "
                            "you").format(count=self._request.count, folder=self._folder), 8000)
        self.written.emit(paths)
