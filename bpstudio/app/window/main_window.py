"""The studio: the network canvas and matrix panels in the middle, the network form on the left,
the equations and the stages of the iteration on the right, stepping in the toolbar.

The window owns no numbers: it sends commands to the engine controller and renders every ``EngineResult`` it
gets back into a ``ViewState`` for the views. It assembles its parts; each gets what it uses and reports back
by signals.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMainWindow

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.app.equations.stage_list import StageList
from bpstudio.app.forms.data_panel import DataPanel
from bpstudio.app.forms.network_form import NetworkForm
from bpstudio.app.lessons.lesson_dock import Lessons
from bpstudio.app.lessons.lesson_highlight import PanelTargets
from bpstudio.app.lessons.lesson_panel import LessonPanel
from bpstudio.app.matrices.digits_view import DigitsView
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.matrices.parameter_editor import ParameterEditor
from bpstudio.app.network import network_texts
from bpstudio.app.network.network_canvas import NetworkCanvas
from bpstudio.app.widgets import app_settings
from bpstudio.app.widgets.step_actions import step_actions
from bpstudio.engine import Project
from bpstudio.engine.run_settings import RUNNING
from bpstudio.engine.snapshot import key
from bpstudio.session.commands import EngineResult
from bpstudio.session.divergence_texts import divergence_text
from bpstudio.session.view_state import ViewState

from .autosave import Autosave
from .canvas_edits import wire_canvas_edits
from .chain_docks import ChainDocks
from .classroom import Classroom, name_main_views
from .digits_dock import DigitsDock
from .edit_commands import UndoableEdits
from .export_actions import ExportActions
from .guidance import Guidance
from .language_menu import LanguageMenu
from .message_bar import MessageBar
from .notation_menu import NotationMenu
from .project_files import ProjectFiles
from .render_schedule import RenderSlices, StateView
from .status_line import StatusLine
from .status_notes import StatusNotes, clear_first
from .training_ui import TrainingUi
from .window_layout import centre, give_lesson_room, place_lesson_dock, place_training_docks, side_docks
from .window_menus import build_menus, connect_actions, window_actions


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
        self._layer = 1  # the layer shown: the stage's, unless the user chose one

        # the views: messages, canvas and matrices in the middle, the others in docks
        self.messages = MessageBar()
        self.canvas = NetworkCanvas()
        self.matrices = MatrixPanel()
        self.equations = EquationPanel()
        self.stages = StageList()
        self.form = NetworkForm()
        self.parameter_editor = ParameterEditor()
        self.data_panel = DataPanel()
        self.digits = DigitsView()
        self.views: list[StateView] = [self.canvas, self.matrices, self.equations, self.stages, self.form,
                                       self.parameter_editor, self.data_panel, self.digits]
        self.setCentralWidget(centre(self.messages, self.canvas, self.matrices))
        self.form_dock, self.parameter_dock, self.data_source_dock, self.equation_dock, self.stage_dock = side_docks(
            self, self.form, self.parameter_editor, self.data_panel, self.equations, self.stages)

        # the engine, and the parts that work with it
        self.controller = EngineController(project, threaded=threaded, parent=self, start=False)
        self.chain = ChainDocks(self, self.controller, self.canvas, self.matrices, self.equations)
        self.views += self.chain.views
        self.renderer = RenderSlices(self.views, [[self.matrices], [self.canvas], [self.stages, self.form,
                                     self.parameter_editor, self.data_panel], [self.equations, self.digits],
                                     self.chain.views], self.form_dock, self)
        self.digits_dock = DigitsDock(self, self.digits, self.equation_dock, self.controller).dock
        self.edits = UndoableEdits(self.undo_stack, self.controller, self.view_state)
        self.actions_ = step_actions(self)
        self.notes = StatusNotes(self.statusBar())  # short notes, gone at the next step
        clear_first(self.actions_.all(), self.notes.clear, self.messages.clear)
        self.window_actions = w = window_actions(self, self.undo_stack)
        self.status_line = StatusLine(self, self.actions_.back, w.previous_layer, w.next_layer, self.actions_.stop,
                                      lambda: self.controller.running, self.matrices.precision)
        self.where = self.status_line.where
        self.files = ProjectFiles(self, self.controller, self.undo_stack, self.view_state)
        self.exports = ExportActions(self, self.controller, self.view_state,
                                     lambda: (self.matrices.precision(), self.matrices.notation()))
        self.training = t = TrainingUi(self, self.controller, self.actions_.stop, lambda: self.renderer.pending)
        place_training_docks(self, self.form_dock, self.stage_dock, t.loss_dock, t.gradient_dock, t.data_dock,
                             t.run_dock, t.gradcheck_dock)
        self.menus = build_menus(self, self.actions_, self.window_actions, self.files, self.exports, t, [
            self.form_dock, self.data_source_dock, self.parameter_dock, self.equation_dock, self.stage_dock,
            self.digits_dock, *self.chain.docks])
        app_settings.restore_window_state(self)  # size and docks of last time
        self.autosave = Autosave(self.files, self.undo_stack, self.controller)
        self.language_menu = LanguageMenu(self.menus.view, self, lambda: self.files.path)
        self.notation_menu = NotationMenu(self.menus.view, self)  # column or row convention

        # the Lesson dock and menu (F1); presentation mode (F12), Theme and Go to (Ctrl+1…9) in View
        panels: PanelTargets = {
            "network": (None, self.canvas), "matrices": (None, self.matrices),
            "equations": (self.equation_dock, self.equations), "stages": (self.stage_dock, self.stages),
            "form": (self.form_dock, self.form), "data": (self.data_source_dock, self.data_panel),
            "parameter": (self.parameter_dock, self.parameter_editor), "training": (t.run_dock, t.run_panel),
            "plots": (t.loss_dock, t.loss_plot), "gradients": (t.gradient_dock, t.gradient_plot),
            "decision": (t.data_dock, t.data_view), **self.chain.targets}
        self.lessons = Lessons(LessonPanel(self.view_state, self.matrices.notation, self.files.replace_project,
                                           panels), self)
        place_lesson_dock(self, self.lessons.dock)
        self.menuBar().addMenu(self.lessons.menu)
        self.guidance = Guidance(self, t.actions, self.actions_.back, self.lessons.show_action, self.show_error)
        self.classroom = Classroom(self, self.menus.view, panels, self.form_dock, [t.loss_dock, t.data_dock])
        name_main_views(self.canvas, self.matrices, self.equations, self.stages, t)
        self._connect()
        self._notation_changed(self.notation_menu.notation())
        self.controller.refresh()  # the first state, now that the window listens
        self.classroom.name_controls()

    def view_state(self) -> ViewState | None:
        return self.state

    def _connect(self) -> None:
        c, w, t, lesson = self.controller, self.window_actions, self.training, self.lessons.panel
        c.stateChanged.connect(self.show_result)
        c.errorOccurred.connect(self.show_error)
        c.busyChanged.connect(self.status_line.busy_changed)
        c.stateChanged.connect(lesson.engine_changed)
        c.stateChanged.connect(self.classroom.name_soon)
        connect_actions(self.actions_, w, c, self.files)
        w.quit.triggered.connect(self.close)
        w.previous_layer.triggered.connect(lambda: self.select_layer(self._layer - 1))
        w.next_layer.triggered.connect(lambda: self.select_layer(self._layer + 1))
        w.more_digits.triggered.connect(lambda: self.matrices.set_precision(self.matrices.precision() + 1))
        w.fewer_digits.triggered.connect(lambda: self.matrices.set_precision(self.matrices.precision() - 1))
        w.check_gradients.triggered.connect(t.check_gradients)
        self.files.titleChanged.connect(self.setWindowTitle)
        for error in (self.files.errorOccurred, self.exports.errorOccurred, lesson.errorOccurred,
                      self.autosave.errorOccurred):
            error.connect(self.show_error)
        t.errorOccurred.connect(self.messages.show_message)
        for status in (self.files.statusMessage, self.exports.statusMessage, t.statusMessage,
                       self.notation_menu.statusMessage):
            status.connect(self.notes.show)
        self.notation_menu.notationChanged.connect(self._notation_changed)
        lesson.layerRequested.connect(self.select_layer)
        self.lessons.roomWanted.connect(lambda: give_lesson_room(self, t.loss_dock, t.data_dock, self.lessons.dock))
        self.classroom.rerenderRequested.connect(self._rerender)

        for view in (self.canvas, self.matrices):
            view.layerSelected.connect(self.select_layer)
            view.parameterClicked.connect(self.edit_parameter)
        # one precision for every place a number is written, so the same quantity reads the same
        self.matrices.precision_spin.valueChanged.connect(self._precision_changed)
        self.matrices.set_precision(app_settings.precision())
        self.stages.stageRequested.connect(c.goto)
        for form in (self.form, self.data_panel, self.digits):
            form.projectEditRequested.connect(self.edits.edit_project)
        self.parameter_editor.valueEntered.connect(self.edits.set_parameter)
        wire_canvas_edits(self.canvas, self.form, self.menus.view)
        self.canvas.unit_maps.follow(c.logChanged, lambda: c.field, c.choose_map_inputs)

    # ----- results ----------------------------------------------------------------------
    @Slot(object)
    def show_result(self, result: EngineResult) -> None:
        old_depth = self.state.depth if self.state else None
        if self.result is None or result.project is not self.result.project:
            self.renderer.fit_pending = True  # the form's dock fits the new project's fields
        self.result = result
        if result.info:
            self.notes.show(result.info)
        stage, depth = result.snapshot.stage, result.project.network.depth
        if stage is not None:  # the layer follows the stage
            self._layer = stage.layer or (depth if stage.kind == "loss" else self._layer)
        if old_depth is not None and old_depth != depth:
            self._layer = min(self._layer, depth)
        self.state = ViewState(result.project, result.snapshot, max(1, min(self._layer, depth)), result.can_step_back)
        self.training.show_project(result.project)
        self.files.shown(result.project)
        diverged = divergence_text(result.snapshot)
        if diverged is not None:
            self.messages.show_message(diverged, "error")
        if self.controller.threaded:
            self._render_status()
            self.renderer.start(self.state, stepped=result.run.state == RUNNING)  # a run's: in short slices
        else:
            self._render()

    @property
    def render_pending(self) -> bool:
        return self.renderer.pending

    def _render(self) -> None:
        """Every view at once (synchronous mode, and a layer chosen by the user)."""
        assert self.state is not None
        self.renderer.render_all(self.state)
        self._render_status()

    @Slot()
    def _rerender(self) -> None:
        """Views that size or colour things once per state (the matrix columns, the equations) draw again."""
        if self.state is not None:
            self._render()

    def _render_status(self) -> None:
        assert self.state is not None
        self.status_line.show(self.state)

    @Slot(int)
    def _precision_changed(self, digits: int) -> None:
        self.equations.set_precision(digits)
        if digits != app_settings.precision():
            app_settings.set_precision(digits)
        if self.state is not None:
            self._render_status()

    @Slot(str)
    def _notation_changed(self, notation: str) -> None:
        network_texts.set_notation(notation)
        for view in (self.matrices, self.equations, self.parameter_editor, self.chain):
            view.set_notation(notation)
        if self.state is not None:
            self.canvas.set_state(self.state)  # its stage line and weight names
        self.lessons.panel.refresh()  # a lesson's indices follow the panels

    @Slot(str)
    def show_error(self, message: str) -> None:
        self.messages.show_message(message, "error")
        self.notes.show(message)

    # ----- requests from the views ------------------------------------------------------
    @Slot(int)
    def select_layer(self, layer: int) -> None:
        if self.state is None or not 1 <= layer <= self.state.depth or layer == self.state.layer:
            return
        self._layer = layer
        self.state = self.state.with_layer(layer)
        self._render()

    @Slot(int, str, int, int)
    def edit_parameter(self, layer: int, name: str, row: int, col: int) -> None:
        if self.state is None:
            return
        current = float(self.state.snapshot.arrays[key(name, layer)][row, col])
        self.parameter_editor.set_target(layer, name, row, col, current)
        self.canvas.mark_parameter(layer, name, row, col)
        self.select_layer(layer)
        self.parameter_dock.show()
        self.parameter_editor.value_edit.setFocus()
        self.parameter_editor.value_edit.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.files.confirm_discard():
            event.ignore()
            return
        app_settings.save_window_state(self)
        self.controller.shutdown()
        self.autosave.finish()  # a clean exit: nothing to recover next time
        super().closeEvent(event)
