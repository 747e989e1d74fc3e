"""Runs side by side (issue 17, item 3): the Kept runs tab (each finished or paused run's curves stay, drawn over
the loss and accuracy plots, saved with the project) and the Lockstep tab (Compare with…: A and B, one setting
apart, stepped together). Both are tabs of the plots along the bottom, so nothing else moves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.runs.lockstep_runner import LockstepRunner
from bpstudio.app.runs.lockstep_view import LockstepView
from bpstudio.app.runs.run_overlay import RunOverlay
from bpstudio.app.runs.runs_view import RunsView
from bpstudio.app.training.loss_plot import LossPlot
from bpstudio.app.widgets.form_fields import scrolled
from bpstudio.engine.atomic_file import write_text_atomically
from bpstudio.engine.kept_runs import KeptRuns, kept_from_log
from bpstudio.engine.run_settings import DIVERGED, FINISHED, PAUSED, RUNNING, RunStatus
from bpstudio.session.view_state import ViewState

from .bottom_tab import BottomTab
from .window_layout import BOTTOM, BOTTOM_TAB, make_dock

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)
KEYS = {"keptRunsDock": "Ctrl+Shift+K", "lockstepDock": "Ctrl+Shift+A"}
ENDED = {FINISHED: "finished", PAUSED: "paused", DIVERGED: "diverged"}


class RunsDocks(QObject):
    def __init__(self, window: QMainWindow, controller: EngineController) -> None:
        super().__init__(window)
        self.window, self.controller = window, controller
        self.runs_view, self.lockstep_view = RunsView(), LockstepView()
        self.runner = LockstepRunner(self)
        self.runs_dock = self._dock(translate("MainWindow", "Kept runs"), "keptRunsDock", self.runs_view)
        self.runs_dock.setProperty(BOTTOM_TAB, True)  # placed with the plots (window_layout.place_training_docks)
        # the boxes need height: a tab of the plots that, first shown, grows the bottom row (as the graph's)
        self.lockstep_dock = self._dock(translate("MainWindow", "Lockstep A/B"), "lockstepDock", self.lockstep_view)
        BottomTab(window, self.lockstep_dock)
        self.docks = [self.runs_dock, self.lockstep_dock]
        self.runs = KeptRuns()  # the project's list, as shown
        self.state: ViewState | None = None
        self.overlay: RunOverlay | None = None
        self.loss_plot: LossPlot | None = None
        self._was = controller.run_status.state
        v = self.runs_view
        v.visibilityRequested.connect(self._set_visible)
        v.deleteRequested.connect(self._delete)
        v.clearRequested.connect(self._clear)
        v.csvRequested.connect(lambda: self.save_csv())
        v.pngRequested.connect(lambda: self.loss_plot.picture_menu.pictures.save_png() if self.loss_plot else None)
        v.svgRequested.connect(lambda: self.loss_plot.picture_menu.pictures.save_svg() if self.loss_plot else None)
        lv, r = self.lockstep_view, self.runner
        lv.startRequested.connect(lambda setting, text: self.state and r.start(self.state.project, setting, text))
        lv.stepRequested.connect(r.step)
        lv.untilRequested.connect(r.until_parted)
        r.ready.connect(lv.set_lockstep)
        controller.runStatusChanged.connect(self._status)
        window.installEventFilter(self)

    def _dock(self, title: str, name: str, widget) -> QDockWidget:
        dock = make_dock(title, name, scrolled(widget), self.window)  # a short bottom row scrolls it
        self.window.addDockWidget(BOTTOM, dock)
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(KEYS[name]))
        toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        toggle.triggered.connect(lambda on: dock.raise_() if on else None)
        front = QShortcut(QKeySequence(KEYS[name]), self.window)  # the key brings the tab to the front
        front.activated.connect(dock.show)
        front.activated.connect(dock.raise_)
        return dock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The overlay joins the loss plot once the window has made it (its docks come after these)."""
        if watched is self.window and event.type() in (QEvent.Type.Polish, QEvent.Type.Show):
            dock = self.window.findChild(QDockWidget, "lossDock")
            plot = None if dock is None else dock.widget()
            if isinstance(plot, LossPlot):
                self.window.removeEventFilter(self)
                self.loss_plot = plot
                self.overlay = RunOverlay(plot.loss_plot, plot.accuracy_plot)
                plot.xAxisChanged.connect(lambda _x: self.refresh())
                self.refresh()
        return False

    # ----- the kept runs ----------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self.state = state
        if state.project.runs is not self.runs:  # another project opened (an edit keeps its list)
            self.runs = state.project.runs
            self.refresh()
        self.lockstep_view.set_state(state)

    @Slot(object)
    def _status(self, status: RunStatus) -> None:
        """A run that stops (finished, paused, diverged) is kept; its last rows arrive with the status."""
        was, self._was = self._was, status.state
        if was == RUNNING and status.state in ENDED:
            QTimer.singleShot(0, self, lambda: self.keep(ENDED[status.state]))

    def keep(self, outcome: str) -> None:
        latest, log = self.controller.latest, self.controller.log
        if latest is None or not len(log):
            return
        project = latest.project
        self.runs = project.runs
        self.runs.keep(kept_from_log(project.network, project.training, project.init, log.rows(), log.names,
                                     outcome))
        self.refresh()

    def refresh(self) -> None:
        runs, labels = list(self.runs), self.runs.labels()
        self.runs_view.set_runs(labels, [r.visible for r in runs], [r.outcome for r in runs])
        if self.overlay is not None and self.loss_plot is not None:
            self.overlay.show(runs, labels, self.loss_plot.x_column())

    def _set_visible(self, index: int, visible: bool) -> None:
        self.runs.set_visible(index, visible)
        self.refresh()

    def _delete(self, index: int) -> None:
        self.runs.delete(index)
        self.refresh()

    def _clear(self) -> None:
        self.runs.clear()
        self.refresh()

    def save_csv(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, translate("MainWindow", "Export kept runs as CSV"),
                                                  str(Path.home() / "runs.csv"),
                                                  translate("MainWindow", "CSV files (*.csv)"))
        if not path:
            return False
        write_text_atomically(path, self.runs.csv())
        return True
