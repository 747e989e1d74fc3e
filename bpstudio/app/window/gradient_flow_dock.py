"""The Gradient flow dock (why gradients vanish): a tab beside the bottom plots' Gradient size, fed by the
controller's training log (refreshed when on screen, as the other plots) and by every state (its numbers)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.training.gradient_flow_plot import GradientFlowPlot
from bpstudio.app.training.gradient_plot import GradientPlot
from bpstudio.session.view_state import ViewState

from .window_layout import make_dock

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)
SHORTCUT = "Ctrl+Shift+V"  # V for vanish: shows the tab, in front
BESIDE = "gradientDock"  # the tab it joins, placed by the window after the chain docks are made
IN_FRONT = "lossDock"  # stays the bottom row's front tab, as before


class GradientFlowDock(QObject):
    def __init__(self, window: QMainWindow, controller: EngineController, notation: Callable[[], str]) -> None:
        super().__init__(window)
        self.window, self.controller = window, controller
        self.view = GradientFlowPlot(notation)
        self.view.set_log(controller.log)
        self.dock = make_dock(translate("GradientFlow", "Gradient flow"), "gradientFlowDock", self.view, window)
        self.dock.hide()  # until placed (a saved layout may place it first)
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setShortcut(QKeySequence(SHORTCUT))
        self.toggle.triggered.disconnect()  # Qt's own would close a tab that is open but behind another
        self.toggle.triggered.connect(self._toggled)
        self._state: ViewState | None = None
        self.shown_state: ViewState | None = None  # the state whose numbers the tab shows
        self._dirty = True
        self._timer = QTimer(self, singleShot=True, interval=0)  # a burst of log reports: one refresh
        self._timer.timeout.connect(self._refresh)
        controller.logChanged.connect(self._timer.start)
        self.dock.visibilityChanged.connect(lambda shown: self._timer.start() if shown else None)
        window.installEventFilter(self)

    def set_state(self, state: ViewState) -> None:
        """The numbers of the state shown, computed only when the tab is on screen."""
        self._state, self._dirty = state, True
        if self._on_screen():
            self._refresh()

    def _toggled(self, _checked: bool = False) -> None:
        """View ▸ Gradient flow, or its key: in front if it is not on screen (closed, or behind another tab);
        closed if it is."""
        if self._on_screen():
            self.dock.close()
        else:
            self.dock.show()
            self.dock.raise_()
        self.toggle.setChecked(not self.dock.isHidden())

    def _on_screen(self) -> bool:
        return self.view.isVisible() and not self.view.visibleRegion().isEmpty()

    def _refresh(self) -> None:
        if not self._on_screen():
            return
        self.view.refresh()
        if self._dirty and self._state is not None:
            self._dirty = False
            self.view.set_state(self._state)
            self.shown_state = self._state

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Placed when the window is polished to be shown: its docks are all made and a saved layout restored,
        and nothing is on screen yet."""
        if watched is self.window and event.type() in (QEvent.Type.Polish, QEvent.Type.Show) \
                and self.window.findChild(QDockWidget, BESIDE) is not None:
            self.window.removeEventFilter(self)
            self._follow_x_axis()
            self._place()
        return False

    def _follow_x_axis(self) -> None:
        """Iterations or epochs, as the other plots (Ctrl+Shift+E), both ways."""
        beside = self.window.findChild(QDockWidget, BESIDE)
        sizes = None if beside is None else beside.widget()
        if isinstance(sizes, GradientPlot):
            sizes.xAxisChanged.connect(self.view.set_x_axis)
            self.view.xAxisChanged.connect(sizes.set_x_axis)

    def _place(self) -> None:
        """A tab beside Gradient size, unless a saved layout has put the dock somewhere already."""
        w, dock = self.window, self.dock
        beside = w.findChild(QDockWidget, BESIDE)
        if beside is None or dock.isFloating() or w.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea:
            return
        w.tabifyDockWidget(beside, dock)
        dock.show()
        front = w.findChild(QDockWidget, IN_FRONT)
        (front or beside).raise_()
