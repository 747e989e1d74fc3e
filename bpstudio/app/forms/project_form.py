"""What the network form and the data panel share: they show a project and ask for edits of it, never
changing it themselves, and explain a refused or noteworthy edit in their message line — below their controls, so
a message appearing never moves a field under the mouse, and gone once the user steps or trains on (it was about
the state before)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from bpstudio.app.widgets.form_fields import clear_message, show_message, shown_message, shows_error, wrapped_label
from bpstudio.engine import Project
from bpstudio.session.view_state import ViewState


class ProjectForm(QWidget):
    """``set_state`` calls ``_take``; an edit goes out through ``_ask``, and the main window pushes an undo
    command and calls ``set_state`` with the result."""

    projectEditRequested = Signal(object, str)  # (the new Project, a description used as the undo text)

    def __init__(self, parent: QWidget | None = None, message_name: str = "") -> None:
        super().__init__(parent)
        self.project: Project | None = None  # the project shown: the last one given to ``set_state``
        self._pending: Project | None = None  # the project last requested: its message stays when it arrives
        self.message_label = wrapped_label(name=message_name, selectable=True, hidden=True)  # for show_message
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # nor wider
        self._at: tuple[int, int] | None = None  # (iteration, stage) of the last state shown

    def message(self) -> str:
        """The message line's text, or "" when it is hidden."""
        return shown_message(self.message_label)

    def message_is_error(self) -> bool:
        return shows_error(self.message_label)

    def _show_message(self, text: str, error: bool) -> None:
        show_message(self.message_label, text, error)

    def _clear_message(self) -> None:
        clear_message(self.message_label)

    def set_state(self, state: ViewState) -> None:
        raise NotImplementedError

    def edit_declined(self, state: ViewState) -> None:
        """The edit asked for was not made (the user kept the training): show the project as it is again."""
        self._pending = None
        self.project = None
        self.set_state(state)

    def _moved_on(self, state: ViewState) -> None:
        """A step or a run went on from the state a message was about (same project): it no longer applies."""
        at = (state.snapshot.iteration, state.snapshot.position)
        if self._at is not None and at != self._at and state.project is self.project:
            self._clear_message()
        self._at = at

    def _take(self, project: Project) -> bool:
        """Show ``project`` from now on; False when it is the one shown already."""
        if self.project is not None and (project is self.project or project == self.project):
            return False
        if not (self._pending is not None and (project is self._pending or project == self._pending)):
            self._clear_message()  # a project from elsewhere (open, undo): the old message no longer applies
        self._pending = None
        self.project = project
        return True

    def _ask(self, project: Project, description: str) -> None:
        self._pending = project
        self.projectEditRequested.emit(project, description)
