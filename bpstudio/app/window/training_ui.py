"""The training side of the window: the run panel and its actions, the plots, the data view and the
gradient check, wired to the engine controller.

The plots read the controller's training log and are refreshed, those on screen, when the engine reports new
rows or a new decision field (a run at most 40 times a second: see session.throttle).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.forms.run_panel import RunPanel
from bpstudio.app.network.network_texts import LOSS_FORMULAS
from bpstudio.app.training.data_view import DataView
from bpstudio.app.training.gradcheck_view import GradCheckView
from bpstudio.app.training.gradient_plot import GradientPlot
from bpstudio.app.training.loss_plot import LossPlot
from bpstudio.app.widgets.form_fields import scrolled
from bpstudio.app.widgets.run_actions import make_run_actions
from bpstudio.app.widgets.step_actions import make_action
from bpstudio.engine import GradCheckResult, Project
from bpstudio.engine.losses import get_loss
from bpstudio.engine.run_settings import DIVERGED, FINISHED, PAUSED, RUNNING, RunSettings, RunStatus
from bpstudio.engine.snapshot import key
from bpstudio.session.commands import EngineResult
from bpstudio.session.divergence_texts import STALLED_ROWS, describe_divergence, stalled_text

from .window_layout import make_dock


class TrainingUi(QObject):
    errorOccurred = Signal(str)  # noqa: N815 - Qt's naming
    statusMessage = Signal(str, int)  # noqa: N815 - the text, for how many milliseconds

    def __init__(self, host: QWidget, controller: EngineController, stop: QAction,
                 panels_drawing: Callable[[], bool] = lambda: False) -> None:
        """``host``: the window (the parent of the docks and actions); ``stop``: its Stop (Esc), enabled while a
        run goes; ``panels_drawing``: whether the panels are drawing a state (the plots then wait their turn)."""
        super().__init__(host)
        self.host, self.controller, self.stop, self.panels_drawing = host, controller, stop, panels_drawing
        self.actions = make_run_actions(host)
        self.run_panel = RunPanel(actions=self.actions)
        self.loss_plot = LossPlot()
        self.gradient_plot = GradientPlot()
        self.data_view = DataView()
        self.gradcheck_view = GradCheckView()
        self.loss_plot.set_log(self.controller.log)
        self.gradient_plot.set_log(self.controller.log)
        self._data_of: object = None  # the project data the data view shows
        self._log_dirty = True
        self._stalled = False  # the last rows logged say the network has stopped learning (said once)
        self._field_shown: object = None
        self.plot_refreshes = 0  # counted for the benchmark
        self._checking = 0  # the ident of the gradient check under way (0: none)
        self._checked: tuple[int, tuple] | None = None  # (updates done, weights) of the check shown
        self._checking_at: tuple[int, tuple] | None = None
        # the plots redraw in event-loop slices of their own, after the panels' round: a plot's repaint added
        # to a panel's in one slice would hold the event loop twice as long
        self._plots_timer = QTimer(self, singleShot=True, interval=0)
        self._plots_timer.timeout.connect(self.refresh_plots)
        self._field_timer = QTimer(self, singleShot=True, interval=0)
        self._field_timer.timeout.connect(self._refresh_field)
        self._connect()
        self._plot_actions()
        self._make_docks()

    def _plot_actions(self) -> None:
        """Shortcuts for the plots' switches (window-wide: the plots' own Alt letters would clash)."""
        w = self.host
        self.log_loss_action = make_action(w, self.tr("Loss on a log scale"), ["Ctrl+Shift+L"], self.tr(
            "Show the loss on a logarithmic axis (late, small improvements stay visible)"), "logLoss")
        self.epochs_action = make_action(w, self.tr("Plot against epochs"), ["Ctrl+Shift+E"], self.tr(
            "Put epochs instead of iterations on the plots' x axes"), "plotEpochs")
        self.log_gradient_action = make_action(w, self.tr("Gradient sizes on a log scale"), ["Ctrl+Shift+G"],
                                               self.tr("Show mean |∂L/∂Wˡ| on a logarithmic axis"), "logGradients")
        for action in (self.log_loss_action, self.epochs_action, self.log_gradient_action):
            action.setCheckable(True)
        self.log_gradient_action.setChecked(self.gradient_plot.is_log_scale())
        for action, plot in ((self.log_loss_action, self.loss_plot), (self.log_gradient_action, self.gradient_plot)):
            action.toggled.connect(plot.set_log_scale)
            plot.log_box.toggled.connect(action.setChecked)
        self.epochs_action.toggled.connect(lambda on: self.loss_plot.set_x_axis("epoch" if on else "iteration"))
        self.loss_plot.xAxisChanged.connect(lambda column: self.epochs_action.setChecked(column == "epoch"))
        for box, action in ((self.loss_plot.log_box, self.log_loss_action),
                            (self.gradient_plot.log_box, self.log_gradient_action),
                            (self.loss_plot.x_box, self.epochs_action),
                            (self.gradient_plot.x_box, self.epochs_action)):
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            box.setToolTip(f"{box.toolTip()} ({key})")

    @property
    def plot_actions(self) -> list[QAction]:
        return [self.log_loss_action, self.epochs_action, self.log_gradient_action]

    def _make_docks(self) -> None:
        """The docks, which the window places."""
        w = self.host
        self.loss_dock = make_dock(self.tr("Loss and accuracy"), "lossDock", self.loss_plot, w)
        self.gradient_dock = make_dock(self.tr("Gradient size"), "gradientDock", self.gradient_plot, w)
        self.data_dock = make_dock(self.tr("Data and decision boundary"), "dataViewDock", self.data_view, w)
        for dock in (self.loss_dock, self.gradient_dock, self.data_dock):
            dock.visibilityChanged.connect(self._dock_shown)
        run = scrolled(self.run_panel, up_and_down=True)  # a short screen scrolls it
        self.run_dock = make_dock(self.tr("Training"), "runDock", run, w)
        # the tables and notes need more height than a short dock has
        self.gradcheck_dock = make_dock(self.tr("Gradient check"), "gradcheckDock", scrolled(self.gradcheck_view), w)

    @property
    def docks(self) -> list[QDockWidget]:
        return [self.run_dock, self.loss_dock, self.gradient_dock, self.data_dock, self.gradcheck_dock]

    def _connect(self) -> None:
        c, p = self.controller, self.run_panel
        p.runRequested.connect(self._run)
        p.pauseRequested.connect(c.pause)
        p.stopRequested.connect(c.stop)
        p.speedChanged.connect(c.set_speed)
        c.runStatusChanged.connect(self.show_status)
        c.logChanged.connect(self._log_changed)
        c.gradcheckReady.connect(self._gradcheck_ready)
        c.stateChanged.connect(self._gradcheck_age)
        c.errorOccurred.connect(self._error)
        self.gradcheck_view.checkRequested.connect(self._check)
        self.loss_plot.xAxisChanged.connect(self.gradient_plot.set_x_axis)
        self.gradient_plot.xAxisChanged.connect(self.loss_plot.set_x_axis)

    # ----- run control --------------------------------------------------------------------
    @Slot(object)
    def _run(self, settings: RunSettings) -> None:
        self.controller.run(settings, resume=self.controller.run_status.state == PAUSED)

    @Slot(object)
    def show_status(self, status: RunStatus) -> None:
        self.run_panel.set_status(status)
        self.stop.setEnabled(self.controller.busy or status.state == RUNNING)
        self.loss_plot.mark_divergence(status.divergence.iteration if status.divergence else None)
        if status.state == DIVERGED and status.divergence is not None:
            self.errorOccurred.emit(self.tr(
                "Training diverged and was paused: {where}. Usually the learning rate η is too large: each step "
                "overshoots and the numbers grow until they overflow. The panels show the last stage whose numbers "
                "are all finite (the next step makes the infinite ones); the loss curve marks where. Lower η and "
                "reset (Ctrl+R)."
            ).format(where=describe_divergence(status.divergence)))
        elif status.state in (FINISHED, PAUSED) and status.reason:
            self.statusMessage.emit(self.run_panel.status_text(status), 8000)

    # ----- plots and data -----------------------------------------------------------------
    @Slot()
    def _log_changed(self) -> None:
        self._log_dirty = True
        self._plots_timer.start()
        self._check_stalled()

    def _check_stalled(self) -> None:
        """Say once when the network stops learning (every gradient 0 in the last rows logged), and again only
        after it learnt meanwhile."""
        log, latest = self.controller.log, self.controller.latest
        if latest is None or len(log) < STALLED_ROWS:
            self._stalled = False
            return
        layers = range(1, latest.project.network.depth + 1)
        sizes = np.column_stack([log.column(f"grad_{l}")[-STALLED_ROWS:] for l in layers])
        text = stalled_text(latest.snapshot, sizes)
        if text is not None and not self._stalled:
            self.errorOccurred.emit(text)
        self._stalled = text is not None

    @Slot()
    def refresh_plots(self) -> None:
        """Redraw what is on screen (a dock in a hidden tab is 'visible' to Qt, but shows nothing)."""
        if self._after_panels(self._plots_timer):
            return
        if self._log_dirty:
            self._log_dirty = False
            for plot in (self.loss_plot, self.gradient_plot):
                if on_screen(plot):
                    plot.refresh()
                else:
                    self._log_dirty = True  # refreshed when shown
            self.plot_refreshes += 1
        if self.controller.field is not self._field_shown:
            self._field_timer.start(0)

    @Slot()
    def _refresh_field(self) -> None:
        """The decision field (a run makes 5 a second: a repaint of the whole map), in a slice of its own."""
        if self._after_panels(self._field_timer):
            return
        field = self.controller.field
        if field is not self._field_shown and on_screen(self.data_view):
            self._field_shown = field
            self.data_view.set_field(field)

    def _after_panels(self, timer: QTimer) -> bool:
        """True while the panels draw a state: ``timer`` tries again shortly, after their round."""
        if self.panels_drawing():
            timer.start(4)
            return True
        return False

    @Slot(bool)
    def _dock_shown(self, visible: bool) -> None:
        if visible:
            self._log_dirty = True
            self._field_shown = None
            self._plots_timer.start(0)  # once the tab's widget has its place on screen

    def show_project(self, project: Project) -> None:
        """The data view follows the project's data; the run panel its epochs; the loss plot names the loss."""
        loss = get_loss(project.network.loss).name
        form = LOSS_FORMULAS.get(loss, loss)
        if getattr(self.loss_plot, "loss_form", None) != form:
            self.loss_plot.set_loss_form(form)
        if project.data is not self._data_of:
            self._data_of = project.data
            try:
                train, test = project.split()
            except Exception:  # noqa: BLE001 - the engine accepted it; a view must not take the window down
                return
            data = project.data if isinstance(project.data, dict) else {}
            classes, names = data.get("classes"), data.get("features")
            self.data_view.set_data(train, test, tuple(classes) if classes else None,
                                    tuple(str(n) for n in names) if names else ())
            self._field_shown = None
            self.gradcheck_view.clear()
            self._checked = None
            self.run_panel.set_default_epochs(project.training.epochs)

    # ----- gradient check -----------------------------------------------------------------
    @Slot()
    def check_gradients(self) -> None:
        """Train ▸ Check gradients: the Gradient check dock in front, checking."""
        self.gradcheck_dock.show()
        self.gradcheck_dock.raise_()
        self.gradcheck_view.check_button.click()

    @Slot()
    def _check(self) -> None:
        self.gradcheck_view.show_busy()
        latest = self.controller.latest
        self._checking_at = None if latest is None else weights_at(latest)
        self._checking = self.controller.gradcheck()  # the command whose answer (or failure) the view waits for

    @Slot(object, str)
    def _gradcheck_ready(self, result: GradCheckResult, where: str) -> None:
        self._checking = 0
        self.gradcheck_view.show_result(result, where)
        self._checked = self._checking_at

    @Slot(object)
    def _gradcheck_age(self, result: EngineResult) -> None:
        """The check shown: about the weights shown now, or how many updates ago (stale, and it says so)."""
        if self._checked is None:
            return
        done, weights = self._checked
        now, shown = weights_at(result)
        if now == done and all(a is b or np.array_equal(a, b) for a, b in zip(weights, shown, strict=False)) \
                and len(weights) == len(shown):
            self.gradcheck_view.show_age(None)
        else:
            self.gradcheck_view.show_age(now - done if now > done else 0)

    @Slot(str, int)
    def _error(self, message: str, ident: int) -> None:
        if ident and ident == self._checking:
            self._checking = 0
            self.gradcheck_view.show_error(message)


def weights_at(result: EngineResult) -> tuple[int, tuple]:
    """(updates done, the weights and biases) of a state: what a gradient check is about."""
    snap = result.snapshot
    done = snap.iteration + (1 if result.stages and snap.position == len(result.stages) else 0)
    arrays = tuple(snap.arrays[key(name, layer)] for layer in range(1, snap.spec.depth + 1) for name in "Wb")
    return done, arrays


def on_screen(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
