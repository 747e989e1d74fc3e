"""The window's own actions (undo and redo, new, open and quit, the layer shown, the digits written, the gradient
check), what the stepping and file actions do, and the menu bar and toolbars: File, Edit, Step, View and Train,
each action in its place and every key bound to the window so it works with the menus closed. View ▸ Language,
Notation and the classroom entries, and the Lessons menu, are added after these by their own parts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.widgets.step_actions import StepActions, make_action
from bpstudio.engine.resource_files import examples_dir

from .exercise_actions import ExerciseActions
from .export_actions import ExportActions
from .project_files import ProjectFiles
from .recent_menu import RecentFilesMenu
from .toolbar_rows import ToolbarRows
from .training_ui import TrainingUi

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
            "MainWindow", "Start a new, untitled project from a small clean template: 2 inputs, 3 tanh units, "
            "1 sigmoid output, 200 moons points (Ctrl+N)"),
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


@dataclass(frozen=True)
class WindowMenus:
    file: QMenu
    recent: RecentFilesMenu
    view: QMenu
    toolbar_rows: ToolbarRows
    exercises: ExerciseActions


def build_menus(w: QMainWindow, step: StepActions, actions: WindowActions, files: ProjectFiles,
                exports: ExportActions, training: TrainingUi, docks: list[QDockWidget]) -> WindowMenus:
    """``docks``: the window's own, shown or hidden from View (the training docks follow them there)."""
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addActions([actions.new, actions.open])
    recent = RecentFilesMenu(w)
    recent.fileChosen.connect(files.open_path)
    file_menu.addMenu(recent)
    exercises = ExerciseActions(w, exports.state, lambda: exports.display()[1], files.replace_project,
                                exports.errorOccurred.emit, exports.statusMessage.emit)
    file_menu.addActions([actions.open_snapshot, exercises.open_action, files.save_action, files.save_as_action])
    export_menu = exports.menu(file_menu)
    export_menu.addSeparator()
    export_menu.addAction(exercises.export_action)
    file_menu.addSeparator()
    examples = file_menu.addMenu(translate("MainWindow", "Open &example"))
    for path in sorted(examples_dir().glob("*.bpsproj")):
        action = QAction(path.stem, w)
        action.setToolTip(translate("MainWindow", "Open the built-in example {name}").format(name=path.stem))
        action.triggered.connect(lambda _=False, p=path: files.open_path(p))
        examples.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    bar.addMenu(translate("MainWindow", "&Edit")).addActions([actions.undo, actions.redo])

    step_menu = bar.addMenu(translate("MainWindow", "&Step"))
    stepping = toolbar(w, translate("MainWindow", "Stepping"), "steppingToolbar")
    for action in step.all():
        step_menu.addAction(action)
        if action is not step.stop:  # Esc stays in the menu; the Training toolbar has Stop
            stepping.addAction(action)
        if action is step.finish:
            step_menu.addSeparator()
            stepping.addSeparator()

    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    view_menu.addActions([actions.previous_layer, actions.next_layer, actions.more_digits, actions.fewer_digits])
    view_menu.addSeparator()
    _add_toggles(view_menu, docks)

    train_menu = bar.addMenu(translate("MainWindow", "&Train"))
    training_bar = toolbar(w, translate("MainWindow", "Training"), "trainingToolbar")
    train_menu.addActions(training.actions.all())
    training_bar.addActions(training.actions.all())
    train_menu.addSeparator()
    train_menu.addAction(actions.check_gradients)
    train_menu.addActions([a for d in docks for a in d.actions()])  # a dock's own commands (Code: Plant a bug…)
    view_menu.addSeparator()
    view_menu.addActions(training.plot_actions)
    view_menu.addSeparator()
    _add_toggles(view_menu, training.docks)

    files_bar = toolbar(w, translate("MainWindow", "File"), "fileToolbar")
    files_bar.addActions([actions.new, actions.open, files.save_action, exports.snapshot_action])
    for each in (files_bar, stepping, training_bar):  # File first, as usual
        w.addToolBar(each)
    w.addActions([*actions.with_keys(), files.save_action, files.save_as_action, *training.actions.all(),
                  actions.check_gradients, *training.plot_actions])
    return WindowMenus(file_menu, recent, view_menu, ToolbarRows(w, [files_bar, stepping, training_bar]), exercises)


def toolbar(w: QMainWindow, title: str, name: str) -> QToolBar:
    bar = QToolBar(title, w)
    bar.setObjectName(name)
    return bar


def _add_toggles(menu: QMenu, docks: list[QDockWidget]) -> None:
    for dock in docks:
        toggle = dock.toggleViewAction()
        toggle.setToolTip(translate("MainWindow", "Show or hide the {title} panel").format(title=dock.windowTitle()))
        menu.addAction(toggle)
