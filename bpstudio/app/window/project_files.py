"""Save and Save As for the window, the unsaved-changes marker in the title, and the question before
unsaved work is discarded (opening another project, closing the window).

A project is saved with where training has got to (format version 2, ``state``): the iteration, the
stage, the weights and momentum, the training log. Reopened, every number is as it was, and Reset still
returns to the project's own starting weights. The file is written atomically and the version it replaces
is kept as ``<name>.bak``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bpstudio.app.widgets.step_actions import make_action
from bpstudio.engine import BPStudioError, Project, save_project
from bpstudio.engine.examples import shown_name
from bpstudio.engine.project_state import ProjectState

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

if TYPE_CHECKING:
    from .main_window import MainWindow

SUFFIX = ".bpsproj"


class ProjectFiles(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None  # the file the project was opened from or saved to
        self._saved: tuple | None = None  # (undo index, iteration, position) when last saved or opened
        self.save_action = make_action(window, self.tr("Save"), ["Ctrl+S"], self.tr(
            "Save the project where training has got to (Ctrl+S); the previous version is kept as .bak"),
            "saveProject")
        self.save_as_action = make_action(window, self.tr("Save as…"), ["Ctrl+Shift+S"], self.tr(
            "Save the project where training has got to, under a new name (Ctrl+Shift+S)"), "saveProjectAs")
        self.save_action.triggered.connect(self.save)
        self.save_as_action.triggered.connect(self.save_as)
        window.undo_stack.indexChanged.connect(self.update_title)

    # ----- state ------------------------------------------------------------------------
    def _mark(self) -> tuple | None:
        w = self.window
        if w.state is None:
            return None
        snap = w.state.snapshot
        return (w.undo_stack.index(), snap.iteration, snap.position, w.state.project)

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
        try:
            self._update_title()
        except RuntimeError:  # the window is being destroyed (its undo stack says so on the way out)
            pass

    def _update_title(self) -> None:
        w = self.window
        if self._saved is None:
            self._saved = self._mark()
        project = w.state.project if w.state is not None else None
        name = shown_name(project.name) if project is not None else ""
        where = f" ({self.path.name})" if self.path is not None else ""
        w.setWindowTitle(translate("MainWindow", "BP Studio — {name}{where}").format(name=name, where=where)
                         + (" *" if self.dirty else ""))

    # ----- saving -----------------------------------------------------------------------
    def current_project(self) -> Project | None:
        """The project with where training has got to (asked of the engine, which pauses a run for it)."""
        w = self.window
        if w.state is None:
            return None
        state = w.controller.fetch("state")
        if not isinstance(state, ProjectState):
            w.show_error(self.tr("The engine did not say where training had got to; nothing was saved."))
            return None
        return w.state.project.with_state(state)

    @Slot()
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    @Slot()
    def save_as(self) -> bool:
        start = str(self.path) if self.path is not None else str(Path.home() / "untitled.bpsproj")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start,
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
        except (OSError, BPStudioError) as exc:  # the work stays in the window, unsaved and marked so
            self.window.show_error(self.tr("Could not save {path}: {error}").format(path=path.name, error=exc))
            return False
        self.path = path
        self._saved = self._mark()
        self.update_title()
        self.window.remember_file(path)
        self.window.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 6000)
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
        return QMessageBox.question(self.window, self.tr("Unsaved changes"), self.tr(
            "The project has changes (edits or training) that are not saved. Save them first?"),
            buttons, QMessageBox.StandardButton.Save)
