"""The items of one network in the canvas's scene: made once per network shape, placed in pixels for the
size of the view (``network_layout`` computes where), coloured by a step's numbers (``network_paint``), with
the marks of the selected weight or bias.

Layers of more than ``COLLAPSE_ABOVE`` units are one block, and the weights to or from them one band, so a
784-128-64-10 network costs a few dozen items.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene

from bpstudio.app.look import presentation
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS
from bpstudio.engine.text.notation import format_number

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
    EdgeLayer,
    TextLines,
    UnitItem,
    pixel_font,
)
from .network_paint import (
    BACKWARD_INK,
    FORWARD_INK,
    LOSS_BG,
    column_background,
    paint_band,
    paint_biases,
    paint_block,
    paint_edges,
    paint_units,
)

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

COLLAPSE_ABOVE = 16
SELECTION = QColor(255, 196, 0)


class NetworkItems:
    """Every item of a network with ``sizes`` (inputs first); ``activations`` are the layers' labels (σ …)."""

    def __init__(self, scene: QGraphicsScene, sizes: tuple[int, ...], activations: list[str]) -> None:
        scene.clear()
        self.sizes, self.activations = sizes, activations
        self.units: list[list[UnitItem]] = []  # per column (0 = inputs); empty when collapsed
        self.biases: list[list[BiasItem]] = []
        self.blocks: dict[int, BlockItem] = {}
        self.edges: dict[int, list[EdgeItem]] = {}  # layer → its weights, row-major (j, k)
        self.edge_layers: dict[int, EdgeLayer] = {}  # layer → the picture of its weights
        self.bands: dict[int, BandItem] = {}
        self.columns: list[ColumnItem] = []
        self.labels: list[TextLines] = []
        self.value_font = self.delta_font = QFont()  # set by ``place``
        collapsed = [n > COLLAPSE_ABOVE for n in sizes]
        for c, n in enumerate(sizes):
            self.columns.append(ColumnItem(c))
            self.labels.append(TextLines())
            scene.addItem(self.columns[c])
            scene.addItem(self.labels[c])
            if collapsed[c]:
                block = BlockItem(c)
                block.set_text(translate("NetworkCanvas", "{n}\nunits").format(n=n) if c else
                               translate("NetworkCanvas", "{n}\ninputs").format(n=n))
                scene.addItem(block)
                self.blocks[c] = block
                self.units.append([])
                self.biases.append([])
                continue
            self.units.append([UnitItem(c, j) for j in range(n)])
            self.biases.append([BiasItem(c, j) for j in range(n)] if c else [])
            for item in (*self.units[c], *self.biases[c]):
                scene.addItem(item)
        for u in self.units[-1]:
            u.delta.left = True  # beside an output unit is the loss box
        for l in range(1, len(sizes)):
            if collapsed[l] or collapsed[l - 1]:
                self.bands[l] = BandItem(l)
                scene.addItem(self.bands[l])
            else:
                self.edges[l] = [EdgeItem(l, j, k) for j in range(sizes[l]) for k in range(sizes[l - 1])]
                for e in self.edges[l]:
                    e.tip = lambda e=e: texts.edge_tip(e.layer, e.row, e.col, e.weight)
                    scene.addItem(e)
                self.edge_layers[l] = EdgeLayer(self.edges[l])
                scene.addItem(self.edge_layers[l])
        self.halo = QGraphicsLineItem()  # under the selected weight
        self.halo.setZValue(-1)
        self.halo.setPen(QPen(SELECTION, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self.halo.setVisible(False)
        scene.addItem(self.halo)
        self.bias_halo = scene.addRect(QRectF(), QPen(SELECTION.darker(115), 3))  # around the selected bias
        self.bias_halo.setZValue(4)
        self.bias_halo.setVisible(False)
        self.header = scene.addSimpleText("")
        self.sample_note = scene.addSimpleText("")
        self.sample_note.setBrush(QBrush(QColor(110, 110, 110)))
        self.loss_box = scene.addRect(QRectF(), QPen(QColor(110, 110, 110), 1.2), QBrush(WHITE))
        self.loss_box.setZValue(2)
        self.loss_text = TextLines()
        self.loss_text.setParentItem(self.loss_box)
        self.loss_arrow = scene.addLine(0, 0, 0, 0, QPen(QColor(150, 150, 150), 1.2, Qt.PenStyle.DashLine))

    def place(self, W: float, H: float, one_row_gap: float = geometry.ONE_ROW_GAP) -> geometry.Geometry:
        """Every item where it goes in a ``W`` × ``H`` scene."""
        g = geometry.compute(self.sizes, set(self.blocks), W, H, presentation.font_scale(), one_row_gap)
        self.value_font = pixel_font(g.value_px / presentation.font_scale())  # sized to fit the unit's circle
        self.delta_font = pixel_font(11)
        for c, column in enumerate(self.columns):
            column.setRect(*g.column_rect(c))
        for c, block in self.blocks.items():
            block.place(g.xs[c], g.cy, *g.blocks[c], pixel_font(12, bold=True))
        for c, units in enumerate(self.units):
            for u, y in zip(units, g.ys[c], strict=True):
                u.value.setFont(self.value_font)
                u.place(g.xs[c], y, g.r, g.room_below)
        bs = g.bias_size
        for c, biases in enumerate(self.biases):
            for b in biases:
                b.setRect(g.xs[c] - bs / 2, g.ys[c][b.row] - g.r - bs * 0.55, bs, bs)
        for l, edges in self.edges.items():
            for e in edges:
                e.setLine(g.xs[l - 1], g.ys[l - 1][e.col], g.xs[l], g.ys[l][e.row])
            self.edge_layers[l].refit()
        for l, band in self.bands.items():
            (hw0, t0, b0), (hw1, t1, b1) = g.extents[l - 1], g.extents[l]
            x0, x1 = g.xs[l - 1] + hw0, g.xs[l] - hw1
            band.setPolygon(QPolygonF([QPointF(x0, t0), QPointF(x1, t1), QPointF(x1, b1), QPointF(x0, b0)]))
        for c, label in enumerate(self.labels):
            self._set_label(c, g.gap - 10)
            label.centre_lines(g.xs[c], H - geometry.BOTTOM + 6)
        box = QRectF(*g.loss_box())  # the loss, right of the output layer
        self.loss_box.setRect(box)
        self.loss_arrow.setLine(g.xs[-1] + g.extents[-1][0] + 4, g.cy, box.left() - 2, g.cy)
        self.header.setFont(pixel_font(13, bold=True))
        self.header.setPos(geometry.SIDE - 8, 8)
        self.sample_note.setFont(pixel_font(11))
        self.place_loss_text()
        self.place_sample_note(W)
        return g

    def show(self, snap: Snapshot, selected: int, eta: float, width: float) -> None:
        """Every item coloured by ``snap``'s numbers; ``selected`` is the layer whose column is outlined, ``width``
        the scene's."""
        for _ in self.show_steps(snap, selected, eta, width):
            pass

    def show_steps(self, snap: Snapshot, selected: int, eta: float, width: float) -> Iterator[None]:
        """``show`` in two steps, each drawn in an event-loop slice of its own during a run: the units and the
        stage, then the weights (for a new iteration, hundreds of them and each layer's picture)."""
        L = len(self.sizes) - 1
        x = snap.arrays["input"]
        for c in range(L + 1):
            a, b = (x, None) if c == 0 else (snap.get("a", c), snap.get("b", c))
            if c in self.blocks:
                paint_block(self.blocks[c], c, self.sizes[c], a, b)
            else:
                z, delta = (snap.get("z", c), snap.get("delta", c)) if c else (None, None)
                paint_units(self.units[c], c, a, z, delta, b, self.value_font, self.delta_font)
        self._show_stage(snap, selected, eta, width)
        yield
        for l in range(1, L + 1):
            W, b = snap.get("W", l), snap.get("b", l)
            if W is None or b is None:
                continue
            if l in self.edges:
                if paint_edges(self.edges[l], W):
                    self.edge_layers[l].restyled()
            else:
                paint_band(self.bands[l], l, W)
            paint_biases(self.biases[l], l, b)  # none for a collapsed layer: its block's tooltip has b's range

    def _show_stage(self, snap: Snapshot, selected: int, eta: float, width: float) -> None:
        """The highlighted column, the header, the loss."""
        stage = snap.stage
        kind = None if stage is None else stage.kind
        for c, column in enumerate(self.columns):
            colour = column_background(stage, c)
            column.setBrush(QBrush(colour) if colour is not None else QBrush(Qt.BrushStyle.NoBrush))
            pen = QPen(QColor(120, 120, 120), 1.2, Qt.PenStyle.DashLine) if c == selected else QPen(Qt.PenStyle.NoPen)
            column.setPen(pen)
            column.setToolTip(texts.column_tip(c))
        made_by = snap.moments.optimizer if snap.moments is not None else "sgd"  # the optimizer of the moments
        self.header.setText(texts.stage_line(stage, snap.next_stage, self.activations, eta, made_by))
        self.header.setBrush(QBrush(BACKWARD_INK if kind == BACKWARD else FORWARD_INK if kind == FORWARD else INK))
        loss = "—" if snap.loss is None else format_number(snap.loss)
        self.loss_text.set_text(translate("NetworkCanvas", "loss\n{v}").format(v=loss), pixel_font(12))
        self.loss_box.setBrush(QBrush(LOSS_BG if kind == LOSS else WHITE))
        self.loss_box.setToolTip(texts.loss_tip(snap.spec.loss))
        self.place_loss_text()
        m = snap.batch_size
        self.sample_note.setText(translate("NetworkCanvas", "values shown: sample 1 of {m}").format(m=m)
                                 if m > 1 else "")
        self.place_sample_note(width)

    def _set_label(self, c: int, room: float) -> None:
        """"layer 2 · 3 units · σ" under a column, on two lines when one is too wide."""
        one, two = texts.column_label(c, self.sizes[c], self.activations[c - 1] if c else "")
        label = self.labels[c]
        label.set_text(one, pixel_font(12))
        for px in (12, 11, 10, 9):  # two lines; smaller only where even those would run into the next column's
            if label.text_size()[0] <= room:
                return
            label.set_text(two, pixel_font(px))
        if label.text_size()[0] > room:  # a narrow canvas: each line cut to its room (the whole in the form)
            metrics = QFontMetricsF(pixel_font(9))
            label.set_text("\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, max(room, 8.0))
                                      for line in two.split("\n")), pixel_font(9))

    def place_loss_text(self) -> None:
        box = self.loss_box.rect()
        self.loss_text.centre_lines(box.center().x(), box.center().y() - self.loss_text.text_size()[1] / 2)

    def place_sample_note(self, W: float) -> None:
        self.sample_note.setPos(W - geometry.SIDE + 8 - self.sample_note.boundingRect().width(), 10)
        header_end = self.header.pos().x() + self.header.boundingRect().width()
        self.sample_note.setVisible(header_end + 16 <= self.sample_note.pos().x())  # the stage comes first

    def mark(self, edge: EdgeItem | None, bias: BiasItem | None) -> None:
        """The selected weight's halo or the selected bias's frame (neither: no selection)."""
        self.halo.setVisible(edge is not None)
        self.bias_halo.setVisible(bias is not None)
        if edge is not None:
            self.halo.setLine(edge.line())
        if bias is not None:
            self.bias_halo.setRect(bias.rect().adjusted(-3, -3, 3, 3))
