"""The window's menus, toolbars and actions (built once, in MainWindow's constructor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from bpstudio.app.widgets.step_actions import make_action, step_actions
from bpstudio.engine.resource_files import examples_dir

from .export_actions import ExportActions
from .project_files import ProjectFiles
from .recent_menu import RecentFilesMenu

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_actions(w: MainWindow) -> None:
    """The stepping actions and keys, and the File, Edit, Step and View menus."""
    w.actions_ = step_actions(w)
    a = w.actions_
    a.step.triggered.connect(lambda: w.controller.step())
    a.forward.triggered.connect(lambda: w.controller.step_forward_layer())
    a.backward.triggered.connect(lambda: w.controller.step_backward_layer())
    a.back.triggered.connect(lambda: w.controller.step_back())
    a.finish.triggered.connect(lambda: w.controller.finish_iteration())
    a.reset.triggered.connect(lambda: w.controller.reset())
    a.stop.triggered.connect(lambda: w.controller.cancel())
    a.stop.setEnabled(False)
    a.back.setEnabled(False)

    w.undo_action = w.undo_stack.createUndoAction(w, translate("MainWindow", "Undo"))
    w.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    w.undo_action.setToolTip(translate("MainWindow", "Undo the last edit of the network or a weight (Ctrl+Z)"))
    w.redo_action = w.undo_stack.createRedoAction(w, translate("MainWindow", "Redo"))
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    w.redo_action.setToolTip(translate("MainWindow", "Redo the edit just undone (Ctrl+Shift+Z)"))
    w.open_action = make_action(w, translate("MainWindow", "Open project…"), ["Ctrl+O"],
                                   translate("MainWindow", "Open a BP Studio project (.bpsproj)"), "openProject")
    w.open_action.triggered.connect(w.open_dialog)
    w.new_action = make_action(w, translate("MainWindow", "New project"), ["Ctrl+N"], translate("MainWindow",
        "Start a new, untitled project: seed 003's 2-2-1 network, to change at will (Ctrl+N)"), "newProject")
    w.new_action.triggered.connect(w.new_project)
    w.open_snapshot_action = make_action(w, translate("MainWindow", "Open snapshot…"), [], translate("MainWindow",
        "Open a snapshot (.npz) saved with File ▸ Export: its project at its stage, every number as saved"),
        "openSnapshot")
    w.open_snapshot_action.triggered.connect(w._open_snapshot_dialog)
    w.quit_action = make_action(w, translate("MainWindow",
                                             "Quit"), ["Ctrl+Q"], translate("MainWindow", "Close BP Studio"), "quit")
    w.quit_action.triggered.connect(w.close)
    w.prev_layer = make_action(w, translate("MainWindow", "Previous layer"), ["Ctrl+PgUp"],
                                  translate("MainWindow", "Show the matrices of the layer below"), "previousLayer")
    w.prev_layer.triggered.connect(lambda: w.select_layer(w._layer - 1))
    w.next_layer = make_action(w, translate("MainWindow", "Next layer"), ["Ctrl+PgDown"],
                                  translate("MainWindow", "Show the matrices of the layer above"), "nextLayer")
    w.next_layer.triggered.connect(lambda: w.select_layer(w._layer + 1))
    w.more_digits = make_action(w, translate("MainWindow", "More digits"), ["Ctrl+="],
                                   translate("MainWindow",
                                             "Show one more digit after the decimal point everywhere"), "moreDigits")
    w.more_digits.triggered.connect(lambda: w.matrices.set_precision(w.matrices.precision() + 1))
    w.fewer_digits = make_action(w, translate("MainWindow", "Fewer digits"), ["Ctrl+-"],
                                    translate("MainWindow", "Show one digit fewer after the decimal point everywhere"),
                                    "fewerDigits")
    w.fewer_digits.triggered.connect(lambda: w.matrices.set_precision(w.matrices.precision() - 1))

    w.files = ProjectFiles(w)
    file_menu = w.file_menu = w.menuBar().addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(w.new_action)
    file_menu.addAction(w.open_action)
    w.recent_menu = RecentFilesMenu(w)
    w.recent_menu.fileChosen.connect(w.open_path)
    file_menu.addMenu(w.recent_menu)
    file_menu.addAction(w.open_snapshot_action)
    # after ProjectFiles' own handlers (connected first): a save that succeeded leaves a clean file
    for action in (w.files.save_action, w.files.save_as_action):
        action.triggered.connect(w._remember_saved_file)
    file_menu.addAction(w.files.save_action)
    file_menu.addAction(w.files.save_as_action)
    w._export_place = file_menu.addSeparator()  # File ▸ Export goes here, once the engine exists
    examples = file_menu.addMenu(translate("MainWindow", "Open &example"))
    for path in sorted(examples_dir().glob("*.bpsproj")):
        action = QAction(path.stem, w)
        action.setToolTip(translate("MainWindow", "Open the built-in example {name}").format(name=path.stem))
        action.triggered.connect(lambda _=False, p=path: w.open_path(p))
        examples.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)
    edit_menu = w.menuBar().addMenu(translate("MainWindow", "&Edit"))
    edit_menu.addAction(w.undo_action)
    edit_menu.addAction(w.redo_action)
    step_menu = w.menuBar().addMenu(translate("MainWindow", "&Step"))
    toolbar = w.stepping_toolbar = QToolBar(translate("MainWindow", "Stepping"))
    toolbar.setObjectName("steppingToolbar")
    for action in w.actions_.all():
        step_menu.addAction(action)
        if action is not w.actions_.stop:  # Esc stays in the menu; the Training toolbar has Stop
            toolbar.addAction(action)
        if action is w.actions_.finish:
            step_menu.addSeparator()
            toolbar.addSeparator()
    w.addToolBar(toolbar)
    view_menu = w.view_menu = w.menuBar().addMenu(translate("MainWindow", "&View"))
    view_menu.addAction(w.prev_layer)
    view_menu.addAction(w.next_layer)
    view_menu.addAction(w.more_digits)
    view_menu.addAction(w.fewer_digits)
    view_menu.addSeparator()
    for dock in (w.form_dock, w.data_source_dock, w.parameter_dock, w.equation_dock, w.stage_dock):
        toggle = dock.toggleViewAction()
        toggle.setToolTip(translate("MainWindow", "Show or hide the {title} panel").format(title=dock.windowTitle()))
        view_menu.addAction(toggle)
    for action in (w.undo_action, w.redo_action, w.open_action, w.quit_action,
                   w.files.save_action, w.files.save_as_action, w.new_action,
                   w.prev_layer, w.next_layer, w.more_digits, w.fewer_digits):
        w.addAction(action)


def build_training(w: MainWindow) -> None:
    """File ▸ Export and the File toolbar; the Train menu and toolbar; the training docks; the plots' switches."""
    w.exports = ExportActions(w)
    w.exports.menu(w.file_menu, w._export_place)
    files = w.file_toolbar = QToolBar(translate("MainWindow", "File"), w)
    files.setObjectName("fileToolbar")
    for action in (w.new_action, w.open_action, w.files.save_action, w.exports.snapshot_action):
        files.addAction(action)
    w.insertToolBar(w.stepping_toolbar, files)  # first, as usual
    t = w.training
    docks = t.build_docks()
    w.tabifyDockWidget(w.form_dock, t.run_dock)
    w.tabifyDockWidget(w.stage_dock, t.gradcheck_dock)
    w.form_dock.raise_()
    w.stage_dock.raise_()
    w.resizeDocks([t.loss_dock, t.data_dock], [700, 360], Qt.Orientation.Horizontal)
    w.resizeDocks([t.loss_dock], [280], Qt.Orientation.Vertical)
    w.check_gradients = make_action(w, translate("MainWindow", "Check gradients"), ["Ctrl+G"], translate("MainWindow",
        "Compare backprop's ∂L/∂W and ∂L/∂b with finite differences for the current weights"), "checkGradients")
    w.check_gradients.triggered.connect(w._check_gradients)
    menu = w.menuBar().addMenu(translate("MainWindow", "&Train"))
    toolbar = QToolBar(translate("MainWindow", "Training"))
    toolbar.setObjectName("trainingToolbar")
    for action in t.actions.all():
        menu.addAction(action)
        toolbar.addAction(action)
        w.addAction(action)
    menu.addSeparator()
    menu.addAction(w.check_gradients)
    w.addAction(w.check_gradients)
    w.addToolBar(toolbar)
    w.view_menu.addSeparator()
    for action in t.plot_actions:
        w.view_menu.addAction(action)
        w.addAction(action)
    w.view_menu.addSeparator()
    for dock in docks:
        toggle = dock.toggleViewAction()
        toggle.setToolTip(translate("MainWindow", "Show or hide the {title} panel").format(title=dock.windowTitle()))
        w.view_menu.addAction(toggle)
