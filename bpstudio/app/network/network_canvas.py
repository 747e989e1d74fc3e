"""The network drawn left to right: inputs, each layer's units, the weights between them, the loss.

Units show their activation for sample 1 once computed; weights are coloured by sign (blue
negative, red positive) and drawn thicker the larger they are; the layer the current stage
computes is highlighted, green going forward and orange going backward. Layers of more than
``COLLAPSE_ABOVE`` units are drawn as one block, and the weights to or from them as one band, so
a 784-128-64-10 network costs a few dozen items. The scene is laid out in pixels for the size
of the view (text stays at its real size), and scaled down only below ``MIN_SIZE``.
"""

from __future__ import annotations

import sys
from functools import partial

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene, QGraphicsView, QMenu, QWidget

from bpstudio.app.look import presentation
from bpstudio.app.widgets.export_menu import PictureExport
from bpstudio.engine.spec import NetworkSpec
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS, UPDATE
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState

from . import network_layout as geometry
from . import network_texts as texts
from .network_items import (
    INK,
    WHITE,
    BandItem,
    BiasItem,
    BlockItem,
    ColumnItem,
    EdgeItem,
    TextLines,
    UnitItem,
    blend,
    diverging,
    owner,
    pixel_font,
)
from .network_menu import LayerMenu

COLLAPSE_ABOVE = 16
MIN_SIZE = (420, 240)  # below this the laid-out scene is scaled down instead
FORWARD_BG = QColor(220, 240, 224)
BACKWARD_BG = QColor(253, 226, 198)
LOSS_BG = QColor(255, 240, 180)
UPDATE_BG = QColor(224, 234, 250)
FORWARD_INK = QColor(30, 110, 50)
BACKWARD_INK = QColor(170, 80, 0)
SCENE_BG = QColor(252, 252, 252)
SELECTION = QColor(255, 196, 0)


def _two(v: float) -> str:
    """A unit's value inside its circle: two decimals (the tooltip has the full 4)."""
    text = f"{v:.2f}"
    return "0.00" if text == "-0.00" else text


def _scale(values: np.ndarray) -> float:
    """The largest finite |value| (0 if none): colours span ±scale, so one NaN does not blank a layer."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size else 0.0


class NetworkCanvas(QGraphicsView):
    parameterClicked = Signal(int, str, int, int)  # layer, "W" or "b", row j, col k (0-based)
    layerSelected = Signal(int)
    insertLayerRequested = Signal(int)  # the new layer gets this index (1 … L); the ones from there move up
    removeLayerRequested = Signal(int)
    moveLayerRequested = Signal(int, int)  # layer, −1 (towards the input) or +1
    activationChangeRequested = Signal(int, str)  # layer, activation name as in the engine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(SCENE_BG))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 160)
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
        self.picture_export = PictureExport(self, "network")  # "Save picture as PNG/SVG…" in every context menu
        presentation.notifier().changed.connect(self._restyle)

    def _restyle(self, *_) -> None:
        """Presentation mode changed: build the items again (fonts and line widths are set as they are made)."""
        self._structure = None
        if self._state is not None:
            self.set_state(self._state)

    # ----- public -------------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        spec = state.snapshot.spec
        structure = (spec.sizes, tuple(layer.activation for layer in spec.layers))
        if structure != self._structure:
            self._build(spec)
            self._structure = structure
            self._laid_out = None
        self._state = state
        self._relayout()
        self._update_values()

    def highlighted_layer(self) -> int:
        """The layer the current stage computed (0 for the loss, the update, or before any stage)."""
        stage = None if self._state is None else self._state.snapshot.stage
        return 0 if stage is None else stage.layer

    def selected_parameter(self) -> tuple[int, str, int, int] | None:
        return self._selected

    def edge_item(self, layer: int, row: int, col: int) -> EdgeItem | None:
        edges = self.edges.get(layer)
        if not edges:
            return None
        n_prev = self._sizes[layer - 1]
        return edges[row * n_prev + col]

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

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._click(event.position().toPoint()):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # clicks are handled on press

    def context_menu(self, layer: int | None) -> QMenu:
        """The menu of a right-click: column ``layer``'s entries (if any), then saving the picture."""
        if layer is None or self._state is None:
            menu = QMenu(self)
        else:
            menu = self.layer_menu(layer)
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
        scene = self.scene()
        scene.clear()
        self._sizes = spec.sizes
        self._acts = [spec.activation(l) for l in range(1, spec.depth + 1)]
        self.units, self.biases, self.blocks, self.edges, self.bands = [], [], {}, {}, {}
        self.columns, self.labels = [], []
        collapsed = [n > COLLAPSE_ABOVE for n in self._sizes]
        for c, n in enumerate(self._sizes):
            column = ColumnItem(c)
            scene.addItem(column)
            self.columns.append(column)
            label = TextLines()
            scene.addItem(label)
            self.labels.append(label)
            if collapsed[c]:
                block = BlockItem(c)
                block.set_text(self.tr("{n}\nunits").format(n=n) if c else self.tr("{n}\ninputs").format(n=n))
                scene.addItem(block)
                self.blocks[c] = block
                self.units.append([])
                self.biases.append([])
                continue
            units = [UnitItem(c, j) for j in range(n)]
            for u in units:
                scene.addItem(u)
            self.units.append(units)
            biases = [BiasItem(c, j) for j in range(n)] if c else []
            for b in biases:
                scene.addItem(b)
            self.biases.append(biases)
        for l in range(1, len(self._sizes)):
            if collapsed[l] or collapsed[l - 1]:
                band = BandItem(l)
                scene.addItem(band)
                self.bands[l] = band
            else:
                edges = [EdgeItem(l, j, k) for j in range(self._sizes[l]) for k in range(self._sizes[l - 1])]
                for e in edges:
                    e.tip = partial(_edge_tip, e)
                for e in edges:
                    scene.addItem(e)
                self.edges[l] = edges
        self._halo = QGraphicsLineItem()  # under the selected weight
        self._halo.setZValue(-1)
        self._halo.setPen(QPen(SELECTION, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self._halo.setVisible(False)
        scene.addItem(self._halo)
        self._bias_halo = scene.addRect(QRectF(), QPen(SELECTION.darker(115), 3))  # around the selected bias
        self._bias_halo.setZValue(4)
        self._bias_halo.setVisible(False)
        self._header = scene.addSimpleText("")
        self._sample_note = scene.addSimpleText("")
        self._sample_note.setBrush(QBrush(QColor(110, 110, 110)))
        self._loss_box = scene.addRect(QRectF(), QPen(QColor(110, 110, 110), 1.2), QBrush(WHITE))
        self._loss_box.setZValue(2)
        self._loss_text = TextLines()
        self._loss_text.setParentItem(self._loss_box)
        self._loss_arrow = scene.addLine(0, 0, 0, 0, QPen(QColor(150, 150, 150), 1.2, Qt.PenStyle.DashLine))
        if self._selected is not None and not self._selection_valid(self._selected):
            self._selected = None

    def _selection_valid(self, sel: tuple[int, str, int, int]) -> bool:
        layer, name, row, col = sel
        if not 1 <= layer < len(self._sizes) or not row < self._sizes[layer]:
            return False
        return layer in self.edges and col < self._sizes[layer - 1] if name == "W" else layer < len(self.biases)

    # ----- layout (pixels) ----------------------------------------------------------------
    def _relayout(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        size = (float(max(vw, MIN_SIZE[0])), float(max(vh, MIN_SIZE[1])))
        if size != self._laid_out:
            self._layout(*size)
            self._laid_out = size
        self.resetTransform()
        s = min(vw / size[0], vh / size[1], 1.0)
        if s < 1.0:
            self.scale(s, s)
        self.centerOn(size[0] / 2, size[1] / 2)

    def _layout(self, W: float, H: float) -> None:
        self.scene().setSceneRect(0, 0, W, H)
        g = self._geometry = geometry.compute(self._sizes, set(self.blocks), W, H)
        self._xs, self._gap = list(g.xs), g.gap
        self._value_font = pixel_font(g.value_px / presentation.font_scale())  # sized to fit the unit's circle
        self._delta_font = pixel_font(11)
        for c, column in enumerate(self.columns):
            column.setRect(*g.column_rect(c))
        for c, block in self.blocks.items():
            block.place(g.xs[c], g.cy, *g.blocks[c], pixel_font(12, bold=True))
        for c, units in enumerate(self.units):
            for u, y in zip(units, g.ys[c], strict=True):
                u.value.setFont(self._value_font)
                u.place(g.xs[c], y, g.r, g.room_below)
        bs = g.bias_size
        for c, biases in enumerate(self.biases):
            for b in biases:
                b.setRect(g.xs[c] - bs / 2, g.ys[c][b.row] - g.r - bs * 0.55, bs, bs)
        for l, edges in self.edges.items():
            for e in edges:
                e.setLine(g.xs[l - 1], g.ys[l - 1][e.col], g.xs[l], g.ys[l][e.row])
        for l, band in self.bands.items():
            (hw0, t0, b0), (hw1, t1, b1) = g.extents[l - 1], g.extents[l]
            x0, x1 = g.xs[l - 1] + hw0, g.xs[l] - hw1
            band.setPolygon(QPolygonF([QPointF(x0, t0), QPointF(x1, t1), QPointF(x1, b1), QPointF(x0, b0)]))
        for c, label in enumerate(self.labels):
            self._set_label(c, g.gap - 10)
            label.centre_lines(g.xs[c], H - geometry.BOTTOM + 6)
        box = QRectF(*g.loss_box())  # the loss, right of the output layer
        self._loss_box.setRect(box)
        self._loss_arrow.setLine(g.xs[-1] + g.extents[-1][0] + 4, g.cy, box.left() - 2, g.cy)
        self._header.setFont(pixel_font(13, bold=True))
        self._header.setPos(geometry.SIDE - 8, 8)
        self._sample_note.setFont(pixel_font(11))
        self._place_loss_text()
        self._place_sample_note(W)
        self._show_selection()

    def _set_label(self, c: int, room: float) -> None:
        """"layer 2 · 3 units · σ" under a column, on two lines when one is too wide."""
        one, two = texts.column_label(c, self._sizes[c], self._acts[c - 1].label if c else "")
        label = self.labels[c]
        label.set_text(one, pixel_font(12))
        if label.text_size()[0] > room:
            label.set_text(two, pixel_font(12))

    def _place_loss_text(self) -> None:
        box = self._loss_box.rect()
        self._loss_text.centre_lines(box.center().x(), box.center().y() - self._loss_text.text_size()[1] / 2)

    def _place_sample_note(self, W: float) -> None:
        br = self._sample_note.boundingRect()
        self._sample_note.setPos(W - geometry.SIDE + 8 - br.width(), 10)
        header_end = self._header.pos().x() + self._header.boundingRect().width()
        self._sample_note.setVisible(header_end + 16 <= self._sample_note.pos().x())  # the stage comes first

    # ----- values -------------------------------------------------------------------------
    def _update_values(self) -> None:
        assert self._state is not None
        snap = self._state.snapshot
        stage = snap.stage
        L = len(self._sizes) - 1
        x = snap.arrays["input"]
        for c in range(L + 1):
            a = x if c == 0 else snap.get("a", c)
            self._update_units(c, a, snap)
        for l in range(1, L + 1):
            W, b = snap.get("W", l), snap.get("b", l)
            if W is None or b is None:
                continue
            if l in self.edges:
                self._update_edges(l, W)
            else:
                self._update_band(l, W)
            self._update_biases(l, b)
        # stage: highlighted column, header, loss
        kind = None if stage is None else stage.kind
        selected = max(1, min(self._state.layer, L))
        for c, column in enumerate(self.columns):
            colour = None
            if stage is not None and stage.layer == c and kind == FORWARD:
                colour = FORWARD_BG
            elif stage is not None and stage.layer == c and kind == BACKWARD:
                colour = BACKWARD_BG
            elif kind == UPDATE and c > 0:
                colour = UPDATE_BG
            column.setBrush(QBrush(colour) if colour is not None else QBrush(Qt.BrushStyle.NoBrush))
            pen = QPen(QColor(120, 120, 120), 1.2, Qt.PenStyle.DashLine) if c == selected else QPen(Qt.PenStyle.NoPen)
            column.setPen(pen)
            column.setToolTip(texts.column_tip(c))
        self._header.setText(texts.stage_line(stage, snap.next_stage, [f.label for f in self._acts],
                                              self._state.learning_rate))
        ink = BACKWARD_INK if kind == BACKWARD else FORWARD_INK if kind == FORWARD else INK
        self._header.setBrush(QBrush(ink))
        loss = snap.loss
        self._loss_text.set_text(self.tr("loss\n{v}").format(v="—" if loss is None else format_number(loss)),
                                 pixel_font(12))
        self._loss_box.setBrush(QBrush(LOSS_BG if kind == LOSS else WHITE))
        self._loss_box.setToolTip(texts.loss_tip(snap.spec.loss))
        self._place_loss_text()
        m = snap.batch_size
        self._sample_note.setText(self.tr("values shown: sample 1 of {m}").format(m=m) if m > 1 else "")
        self._place_sample_note(self.scene().sceneRect().width())

    def _update_units(self, c: int, a: np.ndarray | None, snap) -> None:
        b = snap.get("b", c) if c else None
        if c in self.blocks:
            self.blocks[c].setBrush(QBrush(WHITE if a is None else QColor(236, 236, 236)))
            self.blocks[c].setToolTip(texts.block_tip(c, self._sizes[c], a, b))
            return
        scale = 0.0 if a is None else _scale(a[:, 0])
        z = snap.get("z", c) if c else None
        delta = snap.get("delta", c) if c else None
        for u in self.units[c]:
            j = u.row
            if a is None:
                u.setBrush(QBrush(WHITE))
                u.setPen(QPen(QColor(170, 170, 170), 1.2, Qt.PenStyle.DashLine))
                u.set_value_text("", self._value_font)
            else:
                v = float(a[j, 0])
                u.setBrush(QBrush(blend(WHITE, diverging(v, scale, WHITE), 0.55)))
                ring = BACKWARD_INK if delta is not None else QColor(80, 80, 80)
                u.setPen(QPen(ring, (2.0 if delta is not None else 1.3) * presentation.line_scale()))
                u.set_value_text(_two(v), self._value_font)
            d = "" if delta is None else f"δ = {format_number(delta[j, 0])}"
            u.set_delta_text(d, self._delta_font, BACKWARD_INK)
            u.setToolTip(texts.unit_tip(c, j, a, z, delta, b))

    def _update_edges(self, l: int, W: np.ndarray) -> None:
        scale = _scale(W)
        flat = W.ravel()
        finite = np.isfinite(flat)
        t = np.where(finite, np.minimum(np.abs(flat) / scale, 1.0), 0.0) if scale > 0 else np.zeros_like(flat)
        # a style a person can tell apart: 1/64 of the colour scale, 1/8 px; an edge whose style stays the
        # same is left alone (hundreds of edges, refreshed while a run goes)
        keys = np.where(finite, np.round(t * np.sign(flat) * 64), 999).astype(int) * 100 + np.round(t * 28)
        for e, w, key, tt in zip(self.edges[l], flat.tolist(), keys.tolist(), t.tolist(), strict=True):
            e.weight = w  # the tooltip is written from it when hovered
            if e.style_key != key:
                e.style_key = key
                e.set_weight_style(diverging(w, scale), 0.6 + 3.6 * tt)

    def _update_band(self, l: int, W: np.ndarray) -> None:
        band = self.bands[l]
        mean = float(np.mean(W))
        scale = _scale(W)
        colour = diverging(mean, scale)
        colour.setAlpha(110)
        band.setBrush(QBrush(colour))
        band.setToolTip(texts.band_tip(l, W))

    def _update_biases(self, l: int, b: np.ndarray) -> None:
        if not self.biases[l]:  # a collapsed layer: its block's tooltip has the range of b
            return
        scale = _scale(b)
        for item in self.biases[l]:
            v = float(b[item.row, 0])
            item.setBrush(QBrush(diverging(v, scale, WHITE)))
            item.setToolTip(texts.bias_tip(l, item.row, v))

    def _show_selection(self) -> None:
        if not hasattr(self, "_halo"):
            return
        sel = self._selected
        valid = sel is not None and self._selection_valid(sel)
        self._halo.setVisible(valid and sel[1] == "W")  # type: ignore[index]
        self._bias_halo.setVisible(valid and sel[1] == "b")  # type: ignore[index]
        if not valid:
            return
        layer, name, row, col = sel  # type: ignore[misc]
        if name == "W":
            item = self.edge_item(layer, row, col)
            assert item is not None
            self._halo.setLine(item.line())
        else:
            self._bias_halo.setRect(self.biases[layer][row].rect().adjusted(-3, -3, 3, 3))


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import preview

    sys.exit(preview(NetworkCanvas))


def _edge_tip(edge: EdgeItem) -> str:
    return texts.edge_tip(edge.layer, edge.row, edge.col, edge.weight)
