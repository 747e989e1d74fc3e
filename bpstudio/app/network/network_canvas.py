"""The network drawn left to right: inputs, each layer's units, the weights between them, the loss.

Units show their activation for sample 1 once computed; weights are coloured by sign (blue
negative, red positive) and drawn thicker the larger they are; the layer the current stage
computes is highlighted, green going forward and orange going backward (``network_scene``). The
items are laid out in pixels for the size of the view (text stays at its real size), and scaled down
only below ``MIN_SIZE``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QWidget

from bpstudio.app.look import presentation
from bpstudio.app.widgets.export_menu import PictureExport
from bpstudio.engine.spec import NetworkSpec
from bpstudio.session.view_state import ViewState

from .network_editing import CanvasEditing
from .network_items import BandItem, BiasItem, BlockItem, ColumnItem, EdgeItem, TextLines, UnitItem, owner
from .network_menu import LayerMenu
from .network_scene import NetworkItems
from .unit_maps import UnitMaps

MIN_SIZE = (400, 220)  # below this the laid-out scene is scaled down instead
SCENE_BG = QColor(252, 252, 252)
SETTLE_MS = 250  # after the last fast change of the weights, their picture is drawn smooth again (see DRAFT_WITHIN)


class NetworkCanvas(QGraphicsView):
    parameterClicked = Signal(int, str, int, int)  # layer, "W" or "b", row j, col k (0-based)
    layerSelected = Signal(int)
    unitClicked = Signal(int, int)  # layer (0 = inputs), unit (0-based): a click on a unit (before what it selects)
    insertLayerRequested = Signal(int)  # the new layer gets this index (1 … L); the ones from there move up
    removeLayerRequested = Signal(int)
    moveLayerRequested = Signal(int, int)  # layer, −1 (towards the input) or +1
    activationChangeRequested = Signal(int, str)  # layer, activation name as in the engine
    unitsChangeRequested = Signal(int, int)  # layer 1 … L, the units asked for (0 too: the form says why not)
    lossChangeRequested = Signal(str)  # loss name as in the engine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scene = QGraphicsScene(self)
        # every value, δ and map changes at each state: an index of item positions would be rebuilt for each (the
        # scene's default BSP tree suits still scenes); a few hundred items are searched quickly without one
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(SCENE_BG))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 120)  # (small screens: the window must fit 1024 × 768)
        self._state: ViewState | None = None
        self._structure: tuple | None = None
        self._laid_out: tuple[float, float] | None = None
        self._selected: tuple[int, str, int, int] | None = None
        self._sizes: tuple[int, ...] = ()
        self._xs: list[float] = []
        self._gap = 1.0
        self.units: list[list[UnitItem]] = []  # per column (0 = inputs); empty when collapsed
        self.biases: list[list[BiasItem]] = []
        self.blocks: dict[int, BlockItem] = {}
        self.edges: dict[int, list[EdgeItem]] = {}  # layer → its weights, row-major (j, k)
        self.bands: dict[int, BandItem] = {}
        self.columns: list[ColumnItem] = []
        self.labels: list[TextLines] = []
        self.drawn: NetworkItems | None = None  # the items of the network shown
        self.picture_export = PictureExport(self, "network")  # "Save picture as PNG/SVG…" in every context menu
        self.editing = CanvasEditing(self, self)  # the buttons on the diagram, their keys and notes, zoom
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # for the editing keys
        self.unit_maps = UnitMaps(self)  # each unit's map over the input plane (the window hands it the fields)
        presentation.notifier().changed.connect(self._restyle)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Tall enough for the buttons, units and labels at their real size."""
        return QSize(600, 300)

    def _restyle(self, *_) -> None:
        """Presentation mode changed: build the items again (fonts and line widths are set as they are made)."""
        self._structure = None
        if self._state is not None:
            self.set_state(self._state)

    # ----- public -------------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        for _ in self.state_steps(state):
            pass

    def state_steps(self, state: ViewState) -> Iterator[None]:
        """``set_state`` in steps (the window draws a run's states so): the units and the stage, then the weights."""
        spec = state.snapshot.spec
        structure = (spec.sizes, tuple(layer.activation for layer in spec.layers), spec.loss)
        if structure != self._structure:
            self._build(spec)
            self._structure = structure
            self._laid_out = None
        self._state = state
        self._relayout()
        self.unit_maps.set_state(state)
        assert self.drawn is not None
        yield from self.drawn.show_steps(state.snapshot, max(1, min(state.layer, len(self._sizes) - 1)),
                                         state.learning_rate, self.scene().sceneRect().width())
        if any(layer.draft for layer in self.drawn.edge_layers.values()):
            self._settle.start()  # smooth again once the weights stop changing

    @Slot()
    def _settled(self) -> None:
        if self.drawn is not None:
            for layer in self.drawn.edge_layers.values():
                layer.settle()

    def highlighted_layer(self) -> int:
        """The layer the current stage computed (0 for the loss, the update, or before any stage)."""
        stage = None if self._state is None else self._state.snapshot.stage
        return 0 if stage is None else stage.layer

    def selected_layer(self) -> int:
        """The layer selected (the matrices show it): the one the editing keys act on."""
        return 1 if self._state is None else self._state.layer

    def show_note(self, text: str, error: bool = True, network: NetworkSpec | None = None) -> None:
        """A message on the diagram next to the button that asked last (a refused edit: why)."""
        self.editing.show_note(text, error, network)

    def selected_parameter(self) -> tuple[int, str, int, int] | None:
        return self._selected

    def edge_item(self, layer: int, row: int, col: int) -> EdgeItem | None:
        edges = self.edges.get(layer)
        return edges[row * self._sizes[layer - 1] + col] if edges else None

    def bias_item(self, layer: int, row: int) -> BiasItem | None:
        biases = self.biases[layer] if layer < len(self.biases) else []
        return biases[row] if row < len(biases) else None

    def unit_items(self) -> list[UnitItem]:
        return [u for column in self.units for u in column]

    def layer_at(self, view_pos) -> int | None:
        """The column (0 = inputs, 1 … L) under a point of the viewport, or None."""
        if not self._xs:
            return None
        x = self.mapToScene(view_pos).x()
        c = int(np.argmin([abs(x - cx) for cx in self._xs]))
        return c if abs(x - self._xs[c]) <= self._gap / 2 else None

    def layer_menu(self, layer: int) -> LayerMenu:
        """The context menu of column ``layer`` (0 = inputs): its actions only emit requests."""
        acts = self._structure[1] if self._structure else ()
        return LayerMenu(self, layer, acts, self.insertLayerRequested.emit, self.removeLayerRequested.emit,
                         self.moveLayerRequested.emit, self.activationChangeRequested.emit)

    # ----- events -------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._state is not None:
            self._relayout()

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip:  # a unit's or weight's tooltip is written when asked for
            for item in self.items(event.pos()):
                if isinstance(item, (UnitItem, EdgeItem)):
                    item.setToolTip(item.toolTip())
        return super().viewportEvent(event)

    def mousePressEvent(self, event) -> None:
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self.editing.press(self.items(pos)):
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self._click(pos):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # clicks are handled on press

    def keyPressEvent(self, event) -> None:
        if not self.editing.key(event):
            super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if not self.editing.wheel(ctrl, event.angleDelta().y()):
            super().wheelEvent(event)

    def context_menu(self, layer: int | None) -> QMenu:
        """The menu of a right-click: column ``layer``'s entries (if any), then saving the picture."""
        if layer is None or self._state is None:
            menu = QMenu(self)
        else:
            menu = self.layer_menu(layer)
            menu.addSeparator()
        menu.addActions(self.editing.actions())
        menu.addSeparator()
        menu.addActions(self.picture_export.actions())
        return menu

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(self.layer_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _click(self, pos) -> bool:
        """A weight, a bias or a layer under ``pos`` (viewport coordinates): select it. True if any."""
        scene_pos = self.mapToScene(pos)
        found = [owner(i) for i in self.items(pos)]
        unit = next((i for i in found if isinstance(i, UnitItem)), None)
        if unit is not None:
            self.unitClicked.emit(unit.layer, unit.row)
        bias = next((i for i in found if isinstance(i, BiasItem)), None)
        edges = [i for i in found if isinstance(i, EdgeItem)]
        if bias is not None:
            self.select_parameter(bias.layer, "b", bias.row, 0)
            return True
        if edges:
            edge = min(edges, key=lambda e: e.distance_to(scene_pos))
            self.select_parameter(edge.layer, "W", edge.row, edge.col)
            return True
        layer = next((getattr(i, "layer", None) for i in found if i is not None), None)
        if layer:
            self.layerSelected.emit(layer)
            return True
        return False

    def select_parameter(self, layer: int, name: str, row: int, col: int) -> None:
        """Mark a weight or bias as selected and announce it (what a click on it does)."""
        self.mark_parameter(layer, name, row, col)
        self.parameterClicked.emit(layer, name, row, col)

    def mark_parameter(self, layer: int, name: str, row: int, col: int) -> None:
        """Mark a weight or bias as selected without announcing it (selection made elsewhere)."""
        self._selected = (layer, name, row, col)
        self._show_selection()

    # ----- building -----------------------------------------------------------------------
    def _build(self, spec: NetworkSpec) -> None:
        self._sizes = spec.sizes
        labels = [spec.activation(l).label for l in range(1, spec.depth + 1)]
        net = self.drawn = NetworkItems(self.scene(), spec.sizes, labels)
        self.units, self.biases, self.blocks, self.edges = net.units, net.biases, net.blocks, net.edges
        self.bands, self.columns, self.labels = net.bands, net.columns, net.labels
        self.editing.build(spec)
        if self._selected is not None and not self._selection_valid(self._selected):
            self._selected = None

    def _selection_valid(self, sel: tuple[int, str, int, int]) -> bool:
        layer, name, row, col = sel
        if not 1 <= layer < len(self._sizes) or not row < self._sizes[layer]:
            return False
        return layer in self.edges and col < self._sizes[layer - 1] if name == "W" else layer < len(self.biases)

    # ----- layout (pixels) ----------------------------------------------------------------
    def relayout(self) -> None:
        if self._state is not None:
            self._relayout()

    def _relayout(self) -> None:
        """Laid out for the view's size over the zoom (never below ``MIN_SIZE``), then scaled to fill the view."""
        vw, vh, z = self.viewport().width(), self.viewport().height(), self.editing.zoom
        size = (float(max(round(vw / z), MIN_SIZE[0])), float(max(round(vh / z), MIN_SIZE[1])))
        if size != self._laid_out:
            self._layout(*size)
            self._laid_out = size
        self.resetTransform()
        s = min(vw / size[0], vh / size[1])
        if s != 1.0:
            self.scale(s, s)
        self.centerOn(size[0] / 2, size[1] / 2)

    def _layout(self, W: float, H: float) -> None:
        assert self.drawn is not None
        self.scene().setSceneRect(0, 0, W, H)
        g = self.drawn.place(W, H, self.editing.one_row_gap())
        self._xs, self._gap = list(g.xs), g.gap
        self.editing.place(g)
        self._show_selection()
        self.unit_maps.place(self.drawn)

    def _show_selection(self) -> None:
        sel = self._selected if self._selected is not None and self._selection_valid(self._selected) else None
        if self.drawn is not None:
            self.drawn.mark(self.edge_item(sel[0], sel[2], sel[3]) if sel and sel[1] == "W" else None,
                            self.biases[sel[0]][sel[2]] if sel and sel[1] == "b" else None)


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(NetworkCanvas)
