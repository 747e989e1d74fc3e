"""The Chain rule dock (View ▸ Chain rule, Ctrl+Shift+C), a tab of the plots at the bottom, and its links both
ways: a click on a matrix entry (any quantity), on a weight, a bias or a unit of the canvas, or a double-click on a
number of the equations or an entry's name there or in the derivation pane (``chain_text_links``) draws its graph;
hovering a node of the graph shows its matrix cell (selected) and its canvas unit or weight (outlined); clicking a
node also selects its layer. A single click updates the graph while the dock is on show; a double-click also
brings the dock forward.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QRectF, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QMainWindow
from shiboken6 import isValid

from bpstudio.app.chain.chain_view import ChainView
from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.matrices.matrix_view import MatrixView
from bpstudio.app.network.network_canvas import NetworkCanvas
from bpstudio.engine.text.convention import display_index, engine_index
from bpstudio.session.view_state import ViewState

from .bottom_tab import BottomTab
from .chain_text_links import NAME_CHARS, entry_from_number, entry_from_symbol, number_at
from .window_layout import make_dock

SHORTCUT = "Ctrl+Shift+C"
class ChainGraphDock(QObject):
    def __init__(self, w: QMainWindow, canvas: NetworkCanvas, matrices: MatrixPanel, equations: EquationPanel,
                 ) -> None:
        super().__init__(w)
        self.window, self.canvas, self.matrices, self.equations = w, canvas, matrices, equations
        self.view = ChainView()
        self.dock = make_dock(QCoreApplication.translate("MainWindow", "Chain rule"), "chainGraphDock", self.view, w)
        BottomTab(w, self.dock)  # until View ▸ Chain rule (Ctrl+Shift+C) or a double-click on an entry shows it
        toggle = self.dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(SHORTCUT))
        toggle.triggered.connect(lambda on: self.dock.raise_() if on else None)
        self._halo: QGraphicsEllipseItem | None = None
        self._unit_click = False  # a click on a unit (which may also select the weight under it) is in progress
        canvas.parameterClicked.connect(self._parameter_clicked)
        canvas.unitClicked.connect(self._unit_clicked)
        self.view.set_precision(matrices.precision())  # (no graph yet: nothing is drawn)
        matrices.precision_spin.valueChanged.connect(self.view.set_precision)
        self._texts = {equations.browser.viewport(): equations.browser, matrices.derivation.viewport():
                       matrices.derivation}  # where an entry's name can be double-clicked
        for viewport in self._texts:
            viewport.installEventFilter(self)
        self.view.nodeHovered.connect(self.highlight)
        self.view.nodeActivated.connect(self._node_activated)

    # ----- the view's state -------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self._hook_exports()
        self.view.set_state(state)  # (notation and digits reach the view as they change: each redraws the graph)

    def wire_box(self, box: MatrixView) -> None:
        """A new matrix box: its clicks open graphs."""
        box.table.clicked.connect(lambda index, b=box: self._cell(b, index, False))
        box.entryActivated.connect(lambda q, l, r, c, b=box: self._cell(b, b.table.model().index(r, c), True))

    # ----- into the graph ---------------------------------------------------------------------
    def _cell(self, box: MatrixView, index: QModelIndex, double: bool) -> None:
        if not index.isValid():
            return
        row, col = engine_index(index.row(), index.column(), self.matrices.notation())
        self._open(box.quantity, box.model.layer, row, col, double)

    def _hook_exports(self) -> None:
        """End File ▸ Export's worked examples with the chain on show (the window makes its exports after the
        docks, before its first state)."""
        exports = getattr(self.window, "exports", None)
        if exports is not None:
            exports.chain_entry = self.export_entry

    def export_entry(self) -> tuple[str, int] | None:
        """The entry (its label in the notation on show) and sample of the graph on show; None when the dock is
        closed."""
        ref = self.view.entry()
        if ref is None or not self.dock.isVisible():
            return None
        return ref.with_sample(self.view.sample()).label(self.matrices.notation()), self.view.sample()

    def _unit_clicked(self, layer: int, unit: int) -> None:
        if layer >= 1:  # (the inputs have no chain of their own)
            self._unit_click = True
            QTimer.singleShot(0, self, self._unit_click_over)
            self._open("z", layer, unit, self.view.sample(), False)

    def _unit_click_over(self) -> None:
        self._unit_click = False

    def _parameter_clicked(self, layer: int, name: str, row: int, col: int) -> None:
        if not self._unit_click:  # a click on a unit draws the unit's chain, not the weight's it lies on
            self._open(name, layer, row, col, False)

    def _open(self, quantity: str, layer: int, row: int, col: int, bring: bool) -> None:
        if bring:
            self.dock.show()
            self.dock.raise_()
        if bring or self.dock.isVisible() and not self.view.visibleRegion().isEmpty():
            self.view.show_entry(quantity, layer, row, col)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        text = self._texts.get(watched)  # type: ignore[call-overload]
        if text is not None and event.type() == QEvent.Type.MouseButtonDblClick:
            cursor = text.cursorForPosition(event.position().toPoint())  # type: ignore[attr-defined]
            block, at = cursor.block().text(), cursor.positionInBlock()
            start, end = at, at
            while start > 0 and block[start - 1] in NAME_CHARS:
                start -= 1
            while end < len(block) and block[end] in NAME_CHARS:
                end += 1
            word = block[start:end]
            found = entry_from_symbol(word[word.find("∂L/∂"):] if "∂L/∂" in word else word.lstrip("∂L/"))
            if found is not None and found[0] in ("z", "a", "delta"):  # a name: of the sample followed
                found = (*found[:3], self.view.sample())
            if found is None and self.view.state is not None:  # a number of a written-out matrix
                found = entry_from_number(number_at(block, at), self.view.state, self.matrices.precision())
            if found is not None:
                self._open(*found, True)
        return False

    # ----- out of the graph -------------------------------------------------------------------
    def highlight(self, quantity: str, layer: int, row: int, col: int) -> None:
        """Select the node's cell in the matrix panel (when its layer is on show) and outline it on the canvas."""
        self._mark_unit(None)
        if not quantity:
            return
        box = self._box(quantity, layer)
        if box is not None and box.mode == "table":
            r, c = display_index(row, col if quantity not in ("b",) else 0, self.matrices.notation())
            index = box.table.model().index(r, c)
            if index.isValid():
                box.table.setCurrentIndex(index)
                box.table.scrollTo(index)
        if quantity in ("W", "b", "dW", "db"):
            self.canvas.mark_parameter(layer, quantity.removeprefix("d"), row, col)
        else:
            self._mark_unit((layer, row))

    def _box(self, quantity: str, layer: int) -> MatrixView | None:
        try:
            return self.matrices.view(quantity, layer)
        except KeyError:
            return None

    def _mark_unit(self, where: tuple[int, int] | None) -> None:
        if self._halo is not None and isValid(self._halo) and self._halo.scene() is not None:
            self._halo.scene().removeItem(self._halo)
        self._halo = None
        if where is None or self.canvas.scene() is None:
            return
        unit = next((u for u in self.canvas.unit_items() if (u.layer, u.row) == where), None)
        if unit is None:
            return
        r = unit.sceneBoundingRect().adjusted(-5, -5, 5, 5)
        self._halo = QGraphicsEllipseItem(QRectF(r))
        self._halo.setPen(QPen(QColor("#d9480f"), 3))
        self._halo.setZValue(5)
        self.canvas.scene().addItem(self._halo)

    def _node_activated(self, quantity: str, layer: int, row: int, col: int) -> None:
        select = getattr(self.window, "select_layer", None)
        if quantity and select is not None:
            select(layer)
        self.highlight(quantity, layer, row, col)

    def unit_marked(self) -> tuple[int, int] | None:
        """The canvas unit outlined (layer, row), for tests."""
        if self._halo is None or not isValid(self._halo) or self._halo.scene() is None:
            return None
        centre = self._halo.rect().center()
        unit = next((u for u in self.canvas.unit_items() if u.sceneBoundingRect().contains(centre)), None)
        return None if unit is None else (unit.layer, unit.row)

