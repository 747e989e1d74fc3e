"""The matrix panels: every quantity of the selected layer (W, b, z, a, δ, ∂L/∂W, ∂L/∂b), or one
quantity across all layers side by side, with a derivation pane that says how the entry under the
mouse was computed.

Refreshing is cheap: one ``MatrixGrid`` page per layer, built once per network, so following the
stepper from layer to layer switches pages, and only the page on show is refilled."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.app_settings import DEFAULT_PRECISION, PRECISION_RANGE
from bpstudio.app.widgets.flow_layout import flow_row
from bpstudio.app.widgets.form_fields import fill, shrinkable_combo, spin_box
from bpstudio.engine.snapshot import QUANTITIES
from bpstudio.engine.text.convention import COLUMN, SYMBOLS, check, transposed
from bpstudio.session.view_state import ViewState

from .across_layers import AcrossLayers
from .matrix_grid import MatrixGrid
from .matrix_model import MatrixModel
from .matrix_view import CHANGED_COLOUR, MatrixView
from .page_scroll import PageScroll

LAYER_MODE = "layer"
DERIVATION_LINES = 3
WARM_UP_LAYERS = 12  # when a network is opened, pages of up to this many layers are built and drawn ahead


class MatrixPanel(QWidget):
    """``set_state(state)`` shows ``state.layer``; ``model(q)`` / ``view(q)`` give the parts for a quantity."""

    layerSelected = Signal(int)  # the user picked a layer in the panel
    # layer, "W" or "b", row, col of the engine's array (whatever the notation): a double-click on a parameter
    parameterClicked = Signal(int, str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: ViewState | None = None
        self._mode = LAYER_MODE
        self._network: tuple | None = None  # the network the pages and the layer combo were built for
        self._notation = COLUMN  # how every box writes its matrix

        self.mode_combo = shrinkable_combo(8)
        self.mode_combo.setObjectName("matrixMode")
        self.mode_combo.addItem(self.tr("Layer l: all quantities"), LAYER_MODE)
        for q in QUANTITIES:
            self.mode_combo.addItem(self.tr("{q} across layers").format(q=SYMBOLS[q]), q)
        self.mode_combo.setToolTip(self.tr("Show every quantity of one layer, or one quantity of every layer "
                                           "side by side"))
        self.mode_combo.currentIndexChanged.connect(self._mode_picked)
        self.layer_combo = shrinkable_combo(8)
        self.layer_combo.setObjectName("matrixLayer")
        self.layer_combo.setToolTip(self.tr("The layer whose matrices are shown"))
        self.layer_combo.activated.connect(self._layer_picked)
        for combo in (self.mode_combo, self.layer_combo):  # let the bar shrink in a narrow dock
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.precision_spin = spin_box(*PRECISION_RANGE, self.tr(
            "Digits after the decimal point in the tables and derivations (1–10); values too small to show "
            "two digits switch to scientific notation"), DEFAULT_PRECISION, self.tr(" digits"))
        self.precision_spin.setObjectName("matrixPrecision")
        self.precision_spin.valueChanged.connect(self.set_precision)
        legend = QLabel(self.tr("● just computed"))
        legend.setObjectName("changedLegend")
        legend.setStyleSheet(f"color: {CHANGED_COLOUR};")
        legend.setToolTip(self.tr("Outlined boxes with bold numbers were computed by the stage just taken"))
        bar = flow_row(self.mode_combo, self.layer_combo, self.precision_spin, legend)

        self.derivation = QPlainTextEdit(readOnly=True, lineWrapMode=QPlainTextEdit.LineWrapMode.WidgetWidth,
                                         placeholderText=self.tr("Hover an entry to see how it was computed, with "
                                                                 "the numbers."))
        self.derivation.setObjectName("derivation")
        self.derivation.setToolTip(self.tr("How the entry under the mouse was computed, with its numbers"))
        font = self.derivation.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self.derivation.setFont(font)
        self.derivation.setMinimumHeight(self._derivation_height(2))

        self._grids: dict[int, MatrixGrid] = {}  # layer → its page
        self._ahead_pending = False  # the other layers' pages are still to be drawn ahead
        self.across_page = AcrossLayers()
        self.across_page.hovered.connect(self.derivation.setPlainText)
        self.across_page.entryActivated.connect(self._entry_activated)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.across_page)

        # the derivation pane can be dragged taller to read a long BP2 sum
        self.splitter = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        self.splitter.setObjectName("matrixSplitter")
        self.splitter.addWidget(PageScroll(self.pages))  # a small screen scrolls them
        self.splitter.addWidget(self.derivation)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, self._derivation_height(DERIVATION_LINES)])
        fill(QVBoxLayout(self), bar, (self.splitter, 1), margins=(4, 4, 4, 4), spacing=4)

    def sizeHint(self) -> QSize:
        return QSize(700, 450)  # a dock or splitter pane at 1280 × 800

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._ahead_pending and self._state is not None and self._mode == LAYER_MODE:
            self._draw_ahead(self._state)

    def _derivation_height(self, lines: int) -> int:
        return self.derivation.fontMetrics().lineSpacing() * lines + 2 * self.derivation.frameWidth() + 8

    # ----- the view interface ---------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self._state = state
        new_network = self._follow_network(state)
        self.derivation.clear()  # its numbers belonged to the previous state
        plan = state.plan
        if self._mode == LAYER_MODE:
            grid = self._grid(state.layer)
            grid.set_state(state, plan)
            self.pages.setCurrentWidget(grid)
            for view in grid.views.values():  # (boxes a stepped render left hidden, see state_steps)
                view.show()
            if new_network:
                self._draw_ahead(state)
        else:
            self.across_page.show_quantity(self._mode, state.depth, self.precision(), self._notation)
            self.across_page.set_state(state, plan)
            self.pages.setCurrentWidget(self.across_page)

    def state_steps(self, state: ViewState) -> Iterator[None]:
        """``set_state`` in steps the window draws in event-loop slices of their own, so that no slice holds a
        whole page's drawing: one box per step; a page that comes on screen is filled while hidden, shown with
        its boxes hidden (their room kept), and its boxes are shown one per step."""
        if self._mode != LAYER_MODE or _network_key(state) != self._network:
            self.set_state(state)  # another mode, or a new network (pages to build): at once
            return
        self._state = state
        self.derivation.clear()
        self._show_layer(state.layer)
        grid = self._grid(state.layer)
        yield from grid.state_steps(state, lambda: self.pages.currentWidget() is grid,
                                    lambda: self.pages.setCurrentWidget(grid),
                                    lambda: self._mode != LAYER_MODE or self._state is not state)

    def mode(self) -> str:
        """"layer", or the quantity shown across all layers."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        """"layer" for all quantities of the selected layer, or a quantity (W, b, z, a, delta, dW, db)."""
        index = self.mode_combo.findData(mode)
        if index < 0:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode_combo.setCurrentIndex(index)  # → _mode_picked

    def notation(self) -> str:
        """"column" (the engine's), "row" (transposed) or "deeplearning"."""
        return self._notation

    def set_notation(self, notation: str) -> None:
        """Show every matrix in the column or the row convention (the same numbers, transposed)."""
        notation = check(notation)
        if notation == self._notation:
            return
        self._notation = notation
        self.derivation.clear()  # it named the entries the other way
        for grid in self._grids.values():
            grid.set_notation(notation)
        self.across_page.set_notation(notation)

    def precision(self) -> int:
        return self.precision_spin.value()

    @Slot(int)
    def set_precision(self, precision: int) -> None:
        if self.precision_spin.value() != precision:
            self.precision_spin.setValue(precision)  # → back here through valueChanged
            return
        for grid in self._grids.values():
            grid.set_precision(precision)
        self.across_page.set_precision(precision)

    def views(self) -> list[MatrixView]:
        """The boxes on show, in layout order."""
        if self._mode != LAYER_MODE:
            return list(self.across_page.views)
        return [] if self._state is None else list(self._grid(self._state.layer).views.values())

    def view(self, quantity: str, layer: int | None = None) -> MatrixView:
        """The box of ``quantity``: of the selected layer, or, across layers, of ``layer``."""
        if quantity not in QUANTITIES:
            raise KeyError(quantity)
        selected = self._state.layer if self._state is not None else 1
        if self._mode == quantity:
            return self.across_page.views[(selected if layer is None else layer) - 1]
        if self._mode == LAYER_MODE and layer in (None, selected):
            return self._grid(selected).views[quantity]
        raise KeyError(f"{quantity} of layer {layer} is not on show in mode {self._mode!r}")

    def model(self, quantity: str, layer: int | None = None) -> MatrixModel:
        return self.view(quantity, layer).model

    # ----- pages ------------------------------------------------------------------------
    def _grid(self, layer: int) -> MatrixGrid:
        grid = self._grids.get(layer)
        if grid is None:
            grid = MatrixGrid(layer, self.precision())
            grid.set_notation(self._notation)
            grid.hovered.connect(self.derivation.setPlainText)
            grid.entryActivated.connect(self._entry_activated)
            self._grids[layer] = grid
            self.pages.addWidget(grid)
        return grid

    def _follow_network(self, state: ViewState) -> bool:
        """A new network (True): drop pages of layers it does not have and refill the layer combo."""
        net = state.project.network
        network = _network_key(state)
        new = network != self._network
        if new:
            self._network = network
            for layer in [l for l in self._grids if l > net.depth]:
                grid = self._grids.pop(layer)
                self.pages.removeWidget(grid)
                grid.deleteLater()
            with QSignalBlocker(self.layer_combo):
                self.layer_combo.clear()
                for l in range(1, net.depth + 1):
                    self.layer_combo.addItem(self.tr("Layer {l}: {a} → {b}, {f}").format(
                        l=l, a=net.sizes[l - 1], b=net.sizes[l], f=net.layers[l - 1].activation), l)
        self._show_layer(state.layer)
        return new

    def _show_layer(self, layer: int) -> None:
        if self.layer_combo.currentIndex() != layer - 1:
            with QSignalBlocker(self.layer_combo):
                self.layer_combo.setCurrentIndex(layer - 1)

    def _draw_ahead(self, state: ViewState) -> None:
        """Build and draw the other layers' pages now, when a network is opened, so that following the
        stepper to a layer for the first time costs no more than any later visit."""
        if not self.isVisible():
            self._ahead_pending = True  # sizes are not known yet: on show
            return
        self._ahead_pending = False
        plan = state.plan
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the page size as it will be shown
        shown = self.pages.currentWidget()
        area = shown.geometry() if shown is not None else self.pages.rect()
        for layer in range(1, min(state.depth, WARM_UP_LAYERS) + 1):
            if layer != state.layer:
                grid = self._grid(layer)
                grid.set_state(state.with_layer(layer), plan)
                grid.setGeometry(area)
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                grid.grab()  # lays the hidden page out and draws it once: axes and images are cached

    # ----- user choices -----------------------------------------------------------------
    @Slot(int)
    def _mode_picked(self, index: int) -> None:
        mode = self.mode_combo.itemData(index)
        if mode == self._mode:
            return
        self._mode = mode
        self.layer_combo.setToolTip(self.tr("The layer whose matrices are shown") if mode == LAYER_MODE
                                    else self.tr("The selected layer (the network canvas and equations follow it)"))
        if self._state is not None:
            self.set_state(self._state)

    @Slot(int)
    def _layer_picked(self, index: int) -> None:
        layer = self.layer_combo.itemData(index)
        if self._state is None or layer is None or layer == self._state.layer:
            return
        self.set_state(self._state.with_layer(layer))
        self.layerSelected.emit(layer)

    @Slot(str, int, int, int)
    def _entry_activated(self, quantity: str, layer: int, row: int, col: int) -> None:
        if transposed(self._notation):  # the signal carries the engine's indices
            row, col = col, row
        if quantity in ("W", "b"):
            self.parameterClicked.emit(layer, quantity, row, col)
        elif self._state is not None and layer != self._state.layer:
            self.layerSelected.emit(layer)


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(MatrixPanel)


def _network_key(state: ViewState) -> tuple:
    """What the pages and the layer combo are built for: the layer sizes and activations."""
    net = state.project.network
    return net.sizes, tuple(x.activation for x in net.layers)
