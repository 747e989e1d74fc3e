"""The studio: the network canvas and matrix panels in the middle, the network form on the left,
the equations and the stages of the iteration on the right, stepping in the toolbar.

The window owns no numbers: it sends commands to the engine controller and renders every
``EngineResult`` it gets back into a ``ViewState`` for the views.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.engine_link.engine_controller import EngineController, EngineResult
from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.app.equations.stage_list import StageList
from bpstudio.app.forms.data_panel import DataPanel
from bpstudio.app.forms.network_form import NetworkForm
from bpstudio.app.lessons.lesson_panel import install_lessons
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.matrices.parameter_editor import ParameterEditor
from bpstudio.app.network.network_canvas import NetworkCanvas
from bpstudio.app.widgets import app_settings
from bpstudio.engine import BPStudioError, Project, load_project, load_snapshot
from bpstudio.engine.examples import DEFAULT_EXAMPLE
from bpstudio.engine.resource_files import example_path, examples_dir
from bpstudio.engine.snapshot_io import project_at_snapshot
from bpstudio.engine.text.explain import format_number
from bpstudio.session.view_state import ViewState

from .autosave import Autosave
from .classroom import install_classroom
from .edit_commands import ParameterEditCommand, ProjectEditCommand
from .language_menu import install_language_menu
from .message_bar import MessageBar
from .notation_menu import install_notation
from .training_ui import TrainingUi
from .window_menus import build_actions, build_training


class MainWindow(QMainWindow):
    def __init__(self, project: Project, threaded: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else None
        self.resize(min(1440, room.width()) if room else 1440, min(900, room.height()) if room else 900)
        self.undo_stack = QUndoStack(self)
        self.state: ViewState | None = None
        self.result: EngineResult | None = None
        self._layer = 1
        self._follow_stage = True
        # each view renders in an event-loop slice of its own, apart from the paint it causes, so no
        # slice blocks the loop for long; results that arrive meanwhile restart the round
        self._render_queue: list = []
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_next)

        self.messages = MessageBar()
        self.canvas = NetworkCanvas()
        self.matrices = MatrixPanel()
        self.equations = EquationPanel()
        self.stages = StageList()
        self.form = NetworkForm()
        self.parameter_editor = ParameterEditor()
        self.data_panel = DataPanel()
        self.views = [self.canvas, self.matrices, self.equations, self.stages, self.form, self.parameter_editor,
                      self.data_panel]
        # the costly views get a slice each; the cheap ones share one
        self.render_slices = [[self.matrices], [self.canvas, self.stages, self.form, self.parameter_editor,
                                                self.data_panel], [self.equations]]
        self._build_layout()
        self._build_actions()

        self.controller = EngineController(project, threaded=threaded, parent=self, start=False)
        self.controller.stateChanged.connect(self.show_result)
        self.controller.errorOccurred.connect(self.show_error)
        self.controller.busyChanged.connect(self._busy_changed)
        self.training = TrainingUi(self)
        self._build_training()
        self._connect_views()
        self._opening: Project | None = None
        self._opening_path: Path | None = None
        self._fit_pending = False
        app_settings.restore_window_state(self)  # the size and dock layout of last time, if stored
        self.autosave = Autosave(self)
        self.language_menu = install_language_menu(self)
        self.controller.refresh()  # the first state, now that the window listens
        self.notation_menu = install_notation(self)  # View ▸ Notation: column or row convention
        self.lessons = install_lessons(self)  # the Lesson dock and the Lessons menu (F1)
        install_classroom(self)  # View ▸ Presentation mode (F12), Theme, Go to (Ctrl+1…9); accessible names

    # ----- construction -----------------------------------------------------------------
    def _build_layout(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("centreSplit")
        split.addWidget(self.canvas)
        split.addWidget(self.matrices)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.messages)
        layout.addWidget(split, 1)
        self.setCentralWidget(centre)

        self.form_dock = self.make_dock(self.tr("Network"), "networkDock", self.form,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.parameter_dock = self.make_dock(self.tr("Selected weight"), "parameterDock", self.parameter_editor,
                                         Qt.DockWidgetArea.LeftDockWidgetArea)
        self.data_source_dock = self.make_dock(self.tr("Data"), "dataSourceDock", self.data_panel,
                                               Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.form_dock, self.data_source_dock)
        self.splitDockWidget(self.form_dock, self.parameter_dock, Qt.Orientation.Vertical)
        self.parameter_dock.hide()  # shown when a weight or bias is clicked
        self.equation_dock = self.make_dock(self.tr("Equations"), "equationDock", self.equations,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.stage_dock = self.make_dock(self.tr("Stages"), "stageDock", self.stages,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.equation_dock, self.stage_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.form_dock, self.equation_dock], [280, 400], Qt.Orientation.Horizontal)
        self.resizeDocks([self.equation_dock, self.stage_dock], [560, 200], Qt.Orientation.Vertical)

        self.where = QLabel()
        self.where.setObjectName("whereLabel")
        self.statusBar().addWidget(self.where, 1)
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)

    def make_dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        build_actions(self)

    def _build_training(self) -> None:
        build_training(self)

    @Slot()
    def _check_gradients(self) -> None:
        dock = self.training.gradcheck_dock
        dock.show()
        dock.raise_()
        self.training.gradcheck_view.check_button.click()

    def _connect_views(self) -> None:
        self.canvas.layerSelected.connect(self.select_layer)
        self.canvas.parameterClicked.connect(self.edit_parameter)
        self.matrices.layerSelected.connect(self.select_layer)
        self.matrices.parameterClicked.connect(self.edit_parameter)
        # one precision for every place a number is written, so the same quantity reads the same
        self.matrices.precision_spin.valueChanged.connect(self._precision_changed)
        self.matrices.set_precision(app_settings.precision())
        self.stages.stageRequested.connect(self.controller.goto)
        self.form.projectEditRequested.connect(self.edit_project)
        self.data_panel.projectEditRequested.connect(self.edit_project)
        self.parameter_editor.valueEntered.connect(self._parameter_entered)
        self.canvas.insertLayerRequested.connect(self.form.insert_hidden_layer)
        self.canvas.removeLayerRequested.connect(self.form.remove_hidden_layer)
        self.canvas.moveLayerRequested.connect(self.form.move_hidden_layer)
        self.canvas.activationChangeRequested.connect(self.form.set_activation)

    # ----- results ----------------------------------------------------------------------
    @Slot(object)
    def show_result(self, result: EngineResult) -> None:
        old_depth = self.state.depth if self.state else None
        if self.result is None or result.project is not self.result.project:
            self._fit_pending = True  # the dock is fitted once the form shows the new project's fields
        opened = self._opening is not None and result.project is self._opening
        if opened:
            self._opening = None
            self.undo_stack.clear()
        self.result = result
        if result.info:
            self.statusBar().showMessage(result.info, 6000)
        stage = result.snapshot.stage
        depth = result.project.network.depth
        if self._follow_stage and stage is not None:
            self._layer = stage.layer or (depth if stage.kind == "loss" else self._layer)
        if old_depth is not None and old_depth != depth:
            self._layer = min(self._layer, depth)
        self.state = ViewState(result.project, result.snapshot, max(1, min(self._layer, depth)), result.can_step_back)
        self.training.show_project(result.project)
        if opened:
            self.files.opened(self._opening_path)
            if getattr(self, "_recovering", False):
                self._recovering = False
                self.files.mark_unsaved()
            if self._opening_path is not None:
                self.remember_file(self._opening_path)
        self.files.update_title()
        self._warn_if_diverged(result)
        if self.controller.threaded:
            self._render_status()
            self._render_queue = list(self.render_slices)
            self._render_timer.start()
        else:
            self._render()

    @property
    def render_pending(self) -> bool:
        return bool(self._render_queue)

    @Slot()
    def _render_next(self) -> None:
        if self._render_queue and self.state is not None:
            views = self._render_queue.pop(0)
            for view in views:
                view.set_state(self.state)
            if self.form in views:
                self._fit_after_form()
        if self._render_queue:
            self._render_timer.start()

    def _render(self) -> None:
        """Every view at once (synchronous mode, and a layer chosen by the user)."""
        self._render_timer.stop()
        self._render_queue = []
        assert self.state is not None
        for view in self.views:
            view.set_state(self.state)
        self._fit_after_form()
        self._render_status()

    def _render_status(self) -> None:
        assert self.state is not None
        self.where.setText(self.where_text())
        self.actions_.back.setEnabled(self.state.can_step_back)
        self.prev_layer.setEnabled(self.state.layer > 1)
        self.next_layer.setEnabled(self.state.layer < self.state.depth)

    def where_text(self) -> str:
        """"Backward · layer 2 of 3 · iteration 4 · epoch 1" — counted from 1 for people."""
        assert self.state is not None
        snap, depth = self.state.snapshot, self.state.depth
        stage = snap.stage
        i, e = snap.iteration + 1, snap.epoch + 1
        if stage is None:
            return self.tr("Ready · next: forward, layer 1 · iteration {i} · epoch {e}").format(i=i, e=e)
        kinds = {"forward": self.tr("Forward"), "backward": self.tr("Backward"),
                 "loss": self.tr("Loss"), "update": self.tr("Update")}
        if stage.layer:
            return self.tr("{kind} · layer {l} of {L} · iteration {i} · epoch {e}").format(
                kind=kinds[stage.kind], l=stage.layer, L=depth, i=i, e=e)
        text = self.tr("{kind} · iteration {i} · epoch {e}").format(kind=kinds[stage.kind], i=i, e=e)
        if stage.kind == "loss" and snap.loss is not None:
            text += self.tr(" · L = {loss}").format(loss=format_number(snap.loss, self.matrices.precision()))
        return text

    def _warn_if_diverged(self, result: EngineResult) -> None:
        """Say so when the stage just taken produced NaN or ∞ (a learning rate too large, usually)."""
        snap = result.snapshot
        for key in sorted(snap.changed):
            values = snap.arrays.get(key)
            if values is not None and not np.all(np.isfinite(values)):
                stage = snap.stage.label if snap.stage else ""
                self.messages.show_message(self.tr(
                    "Training has diverged: {key} holds NaN or infinite values after stage {stage} of iteration "
                    "{i}. Step back (Shift+F11) to the last finite numbers, or lower the learning rate η and reset."
                ).format(key=key, stage=stage, i=snap.iteration + 1), "error")
                return

    def _fit_after_form(self) -> None:
        if self._fit_pending:
            self._fit_pending = False
            QTimer.singleShot(0, self._fit_form_dock)  # after the form's own layout has settled

    @Slot()
    def _fit_form_dock(self) -> None:
        """The dock keeps the minimum it first measured; the form's fields decide it (no side scroll bar)."""
        self.form_dock.setMinimumWidth(self.form.minimumSizeHint().width() + 4)

    @Slot(int)
    def _precision_changed(self, digits: int) -> None:
        self.equations.set_precision(digits)
        if digits != app_settings.precision():
            app_settings.set_precision(digits)
        if self.state is not None:
            self._render_status()

    @Slot(str)
    def show_error(self, message: str) -> None:
        self.messages.show_message(message, "error")
        self.statusBar().showMessage(message, 8000)

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        self.actions_.stop.setEnabled(busy or self.controller.running)
        self.busy_label.setText(self.tr("computing…") if busy else "")

    # ----- requests from the views ------------------------------------------------------
    @Slot(int)
    def select_layer(self, layer: int) -> None:
        if self.state is None or not 1 <= layer <= self.state.depth or layer == self.state.layer:
            return
        self._layer = layer
        self.state = self.state.with_layer(layer)
        self._render()

    @Slot(object, str)
    def edit_project(self, project: Project, description: str) -> None:
        assert self.state is not None
        self.undo_stack.push(ProjectEditCommand(self.controller.set_project, self.state.project, project, description,
                                                tokens=self.controller.tokens))

    @Slot(int, str, int, int)
    def edit_parameter(self, layer: int, name: str, row: int, col: int) -> None:
        if self.state is None:
            return
        current = float(self.state.snapshot.arrays[f"L{layer}/{name}"][row, col])
        self.parameter_editor.set_target(layer, name, row, col, current)
        self.canvas.mark_parameter(layer, name, row, col)
        self.select_layer(layer)
        self.parameter_dock.show()
        self.parameter_editor.value_edit.setFocus()
        self.parameter_editor.value_edit.selectAll()

    @Slot(int, str, int, int, float)
    def _parameter_entered(self, layer: int, name: str, row: int, col: int, value: float) -> None:
        assert self.state is not None
        old = float(self.state.snapshot.arrays[f"L{layer}/{name}"][row, col])
        self.undo_stack.push(ParameterEditCommand(self.controller.set_parameter, layer, name, (row, col), old, value))

    # ----- files ------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), str(examples_dir()),
                                              self.tr("BP Studio projects (*.bpsproj);;All files (*)"))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        if not self.files.confirm_discard():
            return
        try:
            project = load_project(path)
        except (BPStudioError, OSError) as exc:  # the current work stays as it is
            self.show_error(self.tr("Could not open {path}: {error}").format(path=path.name, error=exc))
            return
        self.open_project(project, None if path.parent == examples_dir() else path)  # an example is not overwritten

    def open_project(self, project: Project, path: Path | None = None) -> None:
        """Show ``project`` (from ``path``, which Save then writes; None: untitled). The title and the undo
        history change once the engine accepts it. Unsaved work must have been asked about already."""
        self._opening = project
        self._opening_path = path
        self.controller.set_project(project)

    def remember_file(self, path: Path) -> None:
        """Put a project file just opened or saved at the top of File ▸ Open recent (never a built-in example)."""
        if Path(path).parent != examples_dir():
            app_settings.add_recent_file(path)

    @Slot()
    def _remember_saved_file(self) -> None:
        if self.files.path is not None and not self.files.dirty:
            self.remember_file(self.files.path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.files.confirm_discard():
            event.ignore()
            return
        app_settings.save_window_state(self)
        self.controller.shutdown()
        self.autosave.finish()  # a clean exit: nothing to recover next time
        super().closeEvent(event)

    def new_project(self) -> None:
        if not self.files.confirm_discard():
            return
        project = replace(load_project(example_path(DEFAULT_EXAMPLE)), name=self.tr("Untitled"), description="")
        self._opening = project
        self._opening_path = None
        self.controller.set_project(project)

    def _open_snapshot_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open snapshot"), str(Path.home()),
                                              self.tr("BP Studio snapshots (*.npz);;All files (*)"))
        if path:
            self.open_snapshot(Path(path))

    def open_snapshot(self, path: Path) -> None:
        if not self.files.confirm_discard():
            return
        try:
            project = project_at_snapshot(load_snapshot(path))
        except (BPStudioError, OSError) as exc:  # the current work stays as it is
            self.show_error(self.tr("Could not open {path}: {error}").format(path=path.name, error=exc))
            return
        self.open_recovered(project)

    def open_recovered(self, project: Project) -> None:
        """Work restored from an autosave: shown as unsaved (it has no file of its own yet)."""
        self._recovering = True
        self.open_project(project)
