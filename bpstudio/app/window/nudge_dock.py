"""The Nudge dock: made for ``ChainDocks``, a tab beside Selected weight (Ctrl+Shift+N), following the weight or
bias the user clicks on the canvas or in a matrix panel, the app's precision and its notation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.network.network_canvas import NetworkCanvas
from bpstudio.app.nudge.nudge_view import NudgeView
from bpstudio.session.view_state import ViewState

from .window_layout import make_dock

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

KEY = "Ctrl+Shift+N"


class NudgeDock:
    """The view (rendered through ``set_state``), its dock, and the wiring."""

    def __init__(self, window: QMainWindow, canvas: NetworkCanvas, matrices: MatrixPanel) -> None:
        self.window = window
        self.view = NudgeView()
        self.dock = make_dock(translate("MainWindow", "Nudge"), "nudgeDock", self.view, window)
        self.dock.toggleViewAction().setShortcut(QKeySequence(KEY))
        self.dock.toggleViewAction().triggered.connect(self._toggled)
        parameter = window.findChild(QDockWidget, "parameterDock")
        if parameter is not None:  # a tab beside Selected weight: nothing else moves when it shows
            window.tabifyDockWidget(parameter, self.dock)
        else:
            window.addDockWidget(window.dockWidgetArea(window.findChildren(QDockWidget)[0]), self.dock)
        self.dock.hide()
        self.view.set_precision(matrices.precision())
        matrices.precision_spin.valueChanged.connect(self.view.set_precision)
        self.view.set_notation(matrices.notation())
        for source in (canvas, matrices):
            source.parameterClicked.connect(self.parameter_clicked)

    def set_state(self, state: ViewState) -> None:
        self.view.set_state(state)  # (the notation reaches the view as it changes)

    @Slot(bool)
    def _toggled(self, shown: bool) -> None:
        if shown:  # in front of the tabs it shares, ready to type Δ
            self.dock.raise_()
            self.view.delta_edit.setFocus()

    @Slot(int, str, int, int)
    def parameter_clicked(self, layer: int, name: str, row: int, col: int) -> None:
        """Nudge what was clicked; when the Nudge tab was in front, it stays there (the window shows Selected
        weight on a click)."""
        self.view.set_target(layer, name, row, col)
        if self.dock.isVisible() and not self.view.visibleRegion().isEmpty():
            QTimer.singleShot(0, self.dock.raise_)
