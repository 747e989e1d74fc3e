"""The window's own actions (besides stepping, training, files and lessons): undo and redo, new, open and quit,
the layer shown, the digits written, the gradient check; and what the stepping and file actions do."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.widgets.step_actions import StepActions, make_action

from .project_files import ProjectFiles

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


@dataclass(frozen=True)
class WindowActions:
    undo: QAction
    redo: QAction
    new: QAction
    open: QAction
    open_snapshot: QAction
    quit: QAction
    previous_layer: QAction
    next_layer: QAction
    more_digits: QAction
    fewer_digits: QAction
    check_gradients: QAction

    def with_keys(self) -> list[QAction]:
        """The actions whose keys work anywhere in the window."""
        return [self.undo, self.redo, self.open, self.quit, self.new, self.previous_layer, self.next_layer,
                self.more_digits, self.fewer_digits]


def window_actions(host: QWidget, undo_stack: QUndoStack) -> WindowActions:
    undo = undo_stack.createUndoAction(host, translate("MainWindow", "Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setToolTip(translate("MainWindow", "Undo the last edit of the network or a weight (Ctrl+Z)"))
    redo = undo_stack.createRedoAction(host, translate("MainWindow", "Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setToolTip(translate("MainWindow", "Redo the edit just undone (Ctrl+Shift+Z)"))
    return WindowActions(
        undo=undo,
        redo=redo,
        open=make_action(host, translate("MainWindow", "Open project…"), ["Ctrl+O"],
                         translate("MainWindow", "Open a BP Studio project (.bpsproj)"), "openProject"),
        new=make_action(host, translate("MainWindow", "New project"), ["Ctrl+N"], translate(
            "MainWindow", "Start a new, untitled project: seed 003's 2-2-1 network, to change at will (Ctrl+N)"),
            "newProject"),
        open_snapshot=make_action(host, translate("MainWindow", "Open snapshot…"), [], translate(
            "MainWindow", "Open a snapshot (.npz) saved with File ▸ Export: its project at its stage, every number "
            "as saved"), "openSnapshot"),
        quit=make_action(host, translate("MainWindow", "Quit"), ["Ctrl+Q"], translate("MainWindow", "Close BP Studio"),
                         "quit"),
        previous_layer=make_action(host, translate("MainWindow", "Previous layer"), ["Ctrl+PgUp"],
                                   translate("MainWindow", "Show the matrices of the layer below"), "previousLayer"),
        next_layer=make_action(host, translate("MainWindow", "Next layer"), ["Ctrl+PgDown"],
                               translate("MainWindow", "Show the matrices of the layer above"), "nextLayer"),
        more_digits=make_action(host, translate("MainWindow", "More digits"), ["Ctrl+="], translate(
            "MainWindow", "Show one more digit after the decimal point everywhere"), "moreDigits"),
        fewer_digits=make_action(host, translate("MainWindow", "Fewer digits"), ["Ctrl+-"], translate(
            "MainWindow", "Show one digit fewer after the decimal point everywhere"), "fewerDigits"),
        check_gradients=make_action(host, translate("MainWindow", "Check gradients"), ["Ctrl+G"], translate(
            "MainWindow", "Compare backprop's ∂L/∂W and ∂L/∂b with finite differences for the current weights"),
            "checkGradients"),
    )


def connect_actions(step: StepActions, actions: WindowActions, controller: EngineController,
                    files: ProjectFiles) -> None:
    """What the stepping and file actions do (the window connects the others, which act on it)."""
    for action, command in ((step.step, controller.step), (step.forward, controller.step_forward_layer),
                            (step.backward, controller.step_backward_layer), (step.back, controller.step_back),
                            (step.finish, controller.finish_iteration), (step.reset, controller.reset),
                            (step.stop, controller.cancel)):
        action.triggered.connect(command)
    step.stop.setEnabled(False)
    step.back.setEnabled(False)
    actions.open.triggered.connect(files.open_dialog)
    actions.new.triggered.connect(files.new_project)
    actions.open_snapshot.triggered.connect(files.open_snapshot_dialog)
