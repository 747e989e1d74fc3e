"""The Code dock (View ▸ Code, Ctrl+Shift+P for program): a tab of the plots along the bottom, hidden until asked
for, so nothing moves before; shown, it comes in front with the bottom row grown (``BottomTab``, as the Chain rule
tab), the Equations and the matrices staying on show beside the code. It follows View ▸ Notation
and the matrices' digits; a click on a matrix box's title puts the line that made that quantity in front (when the
dock is open); hovering a variable in the code selects its layer and scrolls its box into view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QScrollArea

from bpstudio.app.code.code_view import CodeView
from bpstudio.app.code.mistake_bar import SHORTCUT as PLANT_SHORTCUT
from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.matrices.matrix_view import MatrixView
from bpstudio.engine.snapshot import key
from bpstudio.session.commands import PlantMistake
from bpstudio.session.view_state import ViewState

from .bottom_tab import BottomTab
from .window_layout import make_dock

SHORTCUT = "Ctrl+Shift+P"


class CodeDock(QObject):
    def __init__(self, window: QMainWindow, matrices: MatrixPanel, controller: EngineController) -> None:
        super().__init__(window)
        self.window, self.matrices, self.controller = window, matrices, controller
        self.view = CodeView(matrices.precision)
        self.view.set_notation(matrices.notation())
        self.dock = make_dock(QCoreApplication.translate("MainWindow", "Code"), "codeDock", self.view, window)
        BottomTab(window, self.dock)  # until View ▸ Code (Ctrl+Shift+P)
        self._state: ViewState | None = None
        self.dock.visibilityChanged.connect(self._shown)
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setShortcut(QKeySequence(SHORTCUT))
        self.toggle.triggered.connect(lambda on: self.dock.raise_() if on else None)
        self._titles: dict[QObject, MatrixView] = {}
        self.view.variableHovered.connect(self._hovered)
        self.revealed: MatrixView | None = None  # the box the last hover brought into view
        self.view.bug_bar.plantRequested.connect(self.plant)
        self.plant_action = QAction(QCoreApplication.translate("MainWindow", "Plant a bug…"), window)
        self.plant_action.setShortcut(QKeySequence(PLANT_SHORTCUT))
        self.plant_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Run one typical mistake in a copy of the network (Code panel)"))
        self.plant_action.triggered.connect(self.choose_bug)
        self.dock.addAction(self.plant_action)  # listed in Train (``build_menus``)

    def plant(self, mistake: str) -> None:
        """Train a copy with ``mistake`` ("" switches it off: the project's own numbers, exactly)."""
        self.controller.send(PlantMistake(mistake))

    def choose_bug(self) -> None:
        """The shortcut: the Code dock in front, its list of mistakes open."""
        self.dock.show()
        self.dock.raise_()
        QTimer.singleShot(0, self.view.bug_bar.popup)

    def set_state(self, state: ViewState) -> None:
        self._state = state
        if self.dock.isVisible():  # a hidden program costs nothing during a run: it is written when shown
            self.view.set_state(state)  # (the notation reaches the view as it changes)

    @Slot(bool)
    def _shown(self, visible: bool) -> None:
        if visible and self._state is not None:
            self.view.set_state(self._state)

    def wire_box(self, box: MatrixView) -> None:
        """A new matrix box: a click on its title shows the line that made it."""
        self._titles[box.title] = box
        box.title.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        box = self._titles.get(watched)
        if box is not None and event.type() == QEvent.Type.MouseButtonRelease and self.dock.isVisible():
            self.show_making(box.quantity, box.layer)
        return False

    def _hovered(self, made: str) -> None:
        """A variable of layer l under the mouse: the matrices show layer l, its box in view."""
        if not made.startswith("L") or "/" not in made:
            return
        where, quantity = made.split("/", 1)
        select = getattr(self.window, "select_layer", None)
        if select is not None:
            select(int(where[1:]))
        QTimer.singleShot(0, self, lambda: self._reveal(quantity, int(where[1:])))

    def _reveal(self, quantity: str, layer: int) -> None:
        try:
            box = self.matrices.view(quantity, layer)
        except KeyError:  # the panel shows one quantity across layers, not this one
            return
        scroll = self.matrices.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(box)
        self.revealed = box

    def show_making(self, quantity: str, layer: int) -> bool:
        """The line that computes ``quantity`` of ``layer``, in front (the dock raised)."""
        made = quantity if quantity in ("losses", "grad_a", "loss") else key(quantity, layer)
        if not self.view.show_making(made):
            return False
        self.dock.raise_()
        return True
