"""Undo commands for the main window's ``QUndoStack``: a project edit, and one weight or bias; and
``UndoableEdits``, which turns the views' edit requests into them.

Each command only remembers both values and calls ``apply`` with one of them: ``redo`` applies the
new value, ``undo`` the old. ``QUndoStack.push`` calls ``redo`` at once, so the caller pushes the
command *instead of* applying the change itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.forms.project_form import ProjectForm
from bpstudio.engine import Project
from bpstudio.engine.snapshot import key
from bpstudio.engine.text.indices import format_value, parameter_symbol
from bpstudio.session.project_edits import continues_training
from bpstudio.session.view_state import ViewState

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def updates_done(state: ViewState) -> int:
    """Iterations whose update is done in the state shown (the training an edit that starts over sets aside)."""
    snap = state.snapshot
    return snap.iteration + (1 if snap.stage is not None and snap.stage.kind == "update" else 0)


class ProjectEditCommand(QUndoCommand):
    """Replace the project: ``apply(new)`` on redo, ``apply(old)`` on undo. ``text`` is the undo text,
    such as the network form's description "Set layer 2 units to 4".

    With ``tokens`` (numbers unique to the engine), the engine is asked to keep the state it leaves
    under one token and to return to the state kept under the other, so undo gives back the exact
    weights, stage and step-back history, not a fresh start: ``apply(project, save_as=…, restore=…)``."""

    def __init__(self, apply: Callable[..., object], old: Project, new: Project, text: str,
                 parent: QUndoCommand | None = None, tokens: Iterator[int] | None = None) -> None:
        super().__init__(text, parent)
        self._apply, self.old, self.new = apply, old, new
        self._tokens = None if tokens is None else (next(tokens), next(tokens))  # (before, after)
        self._done_once = False

    def redo(self) -> None:
        if self._tokens is None:
            self._apply(self.new)
            return
        before, after = self._tokens
        self._apply(self.new, save_as=before, restore=after if self._done_once else None)
        self._done_once = True

    def undo(self) -> None:
        if self._tokens is None:
            self._apply(self.old)
            return
        before, after = self._tokens
        self._apply(self.old, save_as=after, restore=before)


class ParameterEditCommand(QUndoCommand):
    """Set one entry of Wˡ or bˡ: ``apply(layer, name, index, new_value)`` on redo, the old value on undo.

    ``apply`` has the signature of ``Stepper.set_parameter``: layer l is 1-based, ``index`` is the
    0-based (row, column), column 0 for a bias.
    """

    def __init__(self, apply: Callable[[int, str, tuple[int, int], float], object], layer: int, name: str,
                 index: tuple[int, int], old_value: float, new_value: float) -> None:
        super().__init__(QCoreApplication.translate("ParameterEditCommand", "Set {symbol} to {value}").format(
            symbol=parameter_symbol(layer, name, index[0], index[1]), value=format_value(new_value)))
        self._apply, self.layer, self.name, self.index = apply, layer, name, (int(index[0]), int(index[1]))
        self.old_value, self.new_value = float(old_value), float(new_value)

    def redo(self) -> None:
        self._apply(self.layer, self.name, self.index, self.new_value)

    def undo(self) -> None:
        self._apply(self.layer, self.name, self.index, self.old_value)


class UndoableEdits(QObject):
    """The views' edit requests, each pushed on the undo stack as a command (which applies it at once)."""

    def __init__(self, undo_stack: QUndoStack, controller: EngineController,
                 state: Callable[[], ViewState | None]) -> None:
        super().__init__(undo_stack)
        self.undo_stack, self.controller, self.state = undo_stack, controller, state

    @Slot(object, str)
    def edit_project(self, project: Project, description: str) -> None:
        state = self.state()
        assert state is not None
        done = updates_done(state)
        if done and not continues_training(state.project, project) and not self.ask_start_over(done, description):
            form = self.sender()
            if isinstance(form, ProjectForm):
                form.edit_declined(state)  # its fields show the project as it is again
            return
        self.undo_stack.push(ProjectEditCommand(self.controller.set_project, state.project, project, description,
                                                tokens=self.controller.tokens))

    def ask_start_over(self, updates: int, description: str) -> bool:
        """Whether an edit that starts training over may set ``updates`` trained iterations aside (tests replace
        this: no dialog may wait for a person there)."""
        parent = self.undo_stack.parent()
        box = QMessageBox(QMessageBox.Icon.Question, translate("UndoableEdits", "Start training over?"), translate(
            "UndoableEdits", "“{edit}” changes the network, its data or its starting weights, so training starts "
            "over from the starting weights: the {n} iterations trained so far, with their loss curve, are set "
            "aside.\n\nUndo (Ctrl+Z) brings them back exactly as they are now.").format(edit=description, n=updates),
            QMessageBox.StandardButton.Cancel, parent if isinstance(parent, QWidget) else None)
        box.setTextFormat(Qt.TextFormat.PlainText)
        start = box.addButton(translate("UndoableEdits", "Start over"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is start

    @Slot(int, str, int, int, float)
    def set_parameter(self, layer: int, name: str, row: int, col: int, value: float) -> None:
        state = self.state()
        assert state is not None
        old = float(state.snapshot.arrays[key(name, layer)][row, col])
        self.undo_stack.push(ParameterEditCommand(self.controller.set_parameter, layer, name, (row, col), old, value))
