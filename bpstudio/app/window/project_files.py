"""The window's project files: New, Open (a project, an example, a recent file, a snapshot), Save and Save As,
the unsaved-changes marker in the title, and the question before unsaved work is discarded (opening another
project, closing the window).

A project is saved with where training has got to (format version 2, ``state``): the iteration, the
stage, the weights and momentum, the training log. Reopened, every number is as it was, and Reset still
returns to the project's own starting weights. The file is written atomically and the version it replaces
is kept as ``<name>.bak``. A project being opened becomes the window's (its title, a fresh undo history)
only once the engine has accepted it: the window says so with ``shown``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.widgets import app_settings
from bpstudio.app.widgets.step_actions import make_action
from bpstudio.engine import BPStudioError, Project, save_project
from bpstudio.engine.examples import new_project, shown_name
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.resource_files import examples_dir
from bpstudio.session.file_check import read_project_file, read_snapshot_file
from bpstudio.session.view_state import ViewState

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

SUFFIX = ".bpsproj"


def remember_file(path: Path) -> None:
    """Put a project file just opened or saved at the top of File ▸ Open recent (never a built-in example)."""
    if Path(path).parent != examples_dir():
        app_settings.add_recent_file(path)


class ProjectFiles(QObject):
    titleChanged = Signal(str)  # noqa: N815 - Qt's naming
    errorOccurred = Signal(str)  # noqa: N815
    statusMessage = Signal(str, int)  # noqa: N815 - the text, for how many milliseconds

    def __init__(self, host: QWidget, controller: EngineController, undo_stack: QUndoStack,
                 state: Callable[[], ViewState | None]) -> None:
        """``host``: the window (the parent of dialogs, the owner of the Save keys); ``state``: what it shows."""
        super().__init__(host)
        self.host, self.controller, self.undo_stack, self.state = host, controller, undo_stack, state
        self.path: Path | None = None  # the file the project was opened from or saved to
        self._saved: tuple | None = None  # (undo index, iteration, position) when last saved or opened
        self._opening: Project | None = None  # sent to the engine, not shown yet
        self._opening_path: Path | None = None
        self._recovering = False
        self.save_action = make_action(host, self.tr("Save"), ["Ctrl+S"], self.tr(
            "Save the project where training has got to (Ctrl+S); the previous version is kept as .bak"),
            "saveProject")
        self.save_as_action = make_action(host, self.tr("Save as…"), ["Ctrl+Shift+S"], self.tr(
            "Save the project where training has got to, under a new name (Ctrl+Shift+S)"), "saveProjectAs")
        self.save_action.triggered.connect(self.save)
        self.save_as_action.triggered.connect(self.save_as)
        undo_stack.indexChanged.connect(self.update_title)

    # ----- state ------------------------------------------------------------------------
    def _mark(self) -> tuple | None:
        state = self.state()
        if state is None:
            return None
        snap = state.snapshot
        return (self.undo_stack.index(), snap.iteration, snap.position, state.project)

    @property
    def dirty(self) -> bool:
        """Edits or training since the project was opened or saved."""
        mark = self._mark()
        return mark is not None and self._saved is not None and mark != self._saved

    def opened(self, path: Path | None) -> None:
        """A project was opened (``path``, or None for a built-in example): nothing unsaved yet."""
        self.path = path
        self._saved = None  # set by the first state shown
        self.update_title()

    def mark_unsaved(self) -> None:
        """What is shown is not in any file (work restored from an autosave)."""
        self._saved = ("unsaved",)
        self.update_title()

    @Slot()
    def update_title(self) -> None:
        with suppress(RuntimeError):  # the window is being destroyed (its undo stack says so on the way out)
            if self._saved is None:
                self._saved = self._mark()
            state = self.state()
            name = shown_name(state.project.name) if state is not None else ""
            where = f" ({self.path.name})" if self.path is not None else ""
            self.titleChanged.emit(translate("MainWindow", "BP Studio — {name}{where}").format(name=name, where=where)
                                   + (" *" if self.dirty else ""))

    # ----- opening ----------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.host, translate("MainWindow", "Open project"),
                                              str(examples_dir()),
                                              translate("MainWindow", "BP Studio projects (*.bpsproj);;All files (*)"))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        project = self._read(path, read_project_file)
        if project is not None:  # an example is not overwritten: Save asks where
            self.open_project(project, None if path.parent == examples_dir() else path)

    def _read(self, path: Path, load: Callable[[Path], Project]) -> Project | None:
        """The project in ``path``: the file is checked first (what it is not, in plain words), and only a good one
        asks about unsaved work; None: the work on screen stays."""
        try:
            project = load(path)
        except (BPStudioError, OSError) as exc:
            self.errorOccurred.emit(str(exc))
            return None
        return project if self.confirm_discard() else None

    def open_project(self, project: Project, path: Path | None = None) -> None:
        """Show ``project`` (from ``path``, which Save then writes; None: untitled). The title and the undo
        history change once the engine accepts it. Unsaved work must have been asked about already."""
        self._opening = project
        self._opening_path = path
        self.controller.set_project(project, exact=True)  # exactly as saved, even if it looks like the open one

    def replace_project(self, project: Project) -> bool:
        """Show ``project``, untitled, once unsaved work has been asked about; False when the user kept it."""
        if not self.confirm_discard():
            return False
        self.open_project(project)
        return True

    def new_project(self) -> None:
        """File ▸ New: a small clean template (engine.examples.new_project), never a copy of the open project."""
        if self.confirm_discard():
            self.open_project(new_project(translate("MainWindow", "Untitled")))

    def open_snapshot_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.host, translate("MainWindow", "Open snapshot"), str(Path.home()),
                                              translate("MainWindow", "BP Studio snapshots (*.npz);;All files (*)"))
        if path:
            self.open_snapshot(Path(path))

    def open_snapshot(self, path: Path) -> None:
        project = self._read(path, read_snapshot_file)
        if project is not None:
            self.open_recovered(project)

    def open_recovered(self, project: Project) -> None:
        """Work restored from an autosave: shown as unsaved (it has no file of its own yet)."""
        self._recovering = True
        self.open_project(project)

    def shown(self, project: Project) -> None:
        """The window shows a state of ``project``: one being opened is now the window's."""
        if self._opening is not None and project is self._opening:
            self._opening = None
            self.undo_stack.clear()
            self.opened(self._opening_path)
            if self._recovering:
                self._recovering = False
                self.mark_unsaved()
            if self._opening_path is not None:
                remember_file(self._opening_path)
        self.update_title()

    # ----- saving -----------------------------------------------------------------------
    def current_project(self) -> Project | None:
        """The project with where training has got to (asked of the engine, which pauses a run for it)."""
        state = self.state()
        if state is None:
            return None
        progress = self.controller.fetch("state")
        if not isinstance(progress, ProjectState):
            self.errorOccurred.emit(self.tr("The engine did not say where training had got to; nothing was saved."))
            return None
        return state.project.with_state(progress)

    @Slot()
    def save(self) -> bool:
        return self.save_as() if self.path is None else self.save_to(self.path)

    @Slot()
    def save_as(self) -> bool:
        start = str(self.path) if self.path is not None else str(Path.home() / "untitled.bpsproj")
        path, _ = QFileDialog.getSaveFileName(self.host, self.tr("Save project"), start,
                                              self.tr("BP Studio projects (*.bpsproj)"))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        project = self.current_project()
        if project is None:
            return False
        try:
            save_project(path, project, backup=True)
        except Exception as exc:  # noqa: BLE001 - any failure is said; the work stays in the window, marked unsaved
            self.errorOccurred.emit(self.tr("Could not save {path}: {error}").format(path=path.name, error=exc))
            return False
        self.path = path
        self._saved = self._mark()
        self.update_title()
        remember_file(path)
        self.statusMessage.emit(self.tr("Saved {path}").format(path=path), 6000)
        return True

    # ----- before unsaved work goes -----------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when the current work may be replaced: nothing unsaved, saved now, or the user says so."""
        if not self.dirty:
            return True
        answer = self.ask()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask(self) -> QMessageBox.StandardButton:
        """The question (tests replace it: no dialog may wait for a person there)."""
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(self.host, self.tr("Unsaved changes"), self.tr(
            "The project has changes (edits or training) that are not saved. Save them first?"),
            buttons, QMessageBox.StandardButton.Save)
