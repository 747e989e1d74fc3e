"""The graph of one number drawn: a column per step of the chain (the parameter, then z and a of every later
layer, then the loss), a box per node with its value and ∂Lₛ/∂node, a line per edge with its local derivative and
number, and a grey box for the units of a layer that are folded away (their count and the sum of their paths).

Edge labels are written on the edges when the two columns have few edges between them; otherwise they show when
a node is hovered, with its edges drawn thicker. Sizes follow the widget's font (presentation mode) and lines
``presentation.line_scale()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from bpstudio.app.look import presentation
from bpstudio.engine.chain_graph import LOSS, ChainGraph, Edge, Node
from bpstudio.engine.text import chain_text as ct
from bpstudio.engine.text.notation import format_number

translate = QCoreApplication.translate
MAX_ROWS = 3  # a chain too wide for the view wraps onto at most this many rows
LABELLED_EDGES = 6  # at most this many edges between two columns carry their labels all the time
START_GROUND = QColor("#ffe9a8")
LOSS_GROUND = QColor("#fde2e1")
REST_GROUND = QColor("#eeeeee")
BOX_INK = QColor("#1a1a1a")
HOT = QColor("#d9480f")


class NodeBox(QGraphicsRectItem):
    """One node: its name and value, and ∂Lₛ/∂node under it."""

    def __init__(self, node: Node | None, lines: list[str], font: QFont, ground: QColor, hub: SceneHub) -> None:
        super().__init__()
        self.node, self.hub = node, hub
        self.text = QGraphicsSimpleTextItem("\n".join(lines), self)
        self.text.setFont(font)
        self.text.setBrush(QBrush(BOX_INK))
        pad = QFontMetricsF(font).height() * 0.35
        r = self.text.boundingRect()
        self.setRect(QRectF(0, 0, r.width() + 2 * pad, r.height() + 2 * pad))
        self.text.setPos(pad, pad)
        self.setBrush(QBrush(ground))
        self.setPen(QPen(BOX_INK, presentation.line_scale()))
        self.setAcceptHoverEvents(node is not None)
        self.setZValue(2)
        if node is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt's name
        self.hub.hover(self.node)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt's name
        self.hub.hover(None)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.hub.activated.emit(self.node)
            event.accept()


class SceneHub(QObject):
    """What the scene says: a node hovered (None: none) or clicked."""

    hovered = Signal(object)
    activated = Signal(object)

    def __init__(self, on_hover: Callable[[Node | None], None]) -> None:
        super().__init__()
        self._on_hover = on_hover

    def hover(self, node: Node | None) -> None:
        self._on_hover(node)
        self.hovered.emit(node)


class ChainScene(QGraphicsScene):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = SceneHub(self._hover)
        self.boxes: dict[str, NodeBox] = {}
        self.edge_items: list[tuple[Edge, QGraphicsLineItem, QGraphicsSimpleTextItem, bool]] = []
        self.rest_boxes: list[NodeBox] = []
        self.notation = "column"
        self.step: dict[str, int] = {}  # node id → the column (step of the chain) it is drawn in
        self.row: dict[str, int] = {}  # node id → the row of a wrapped chain

    def show_graph(self, graph: ChainGraph, font: QFont, palette: QPalette, digits: int, notation: str,
                   room: tuple[float, float] | None = None) -> None:
        """Draw ``graph``, its columns left to right; when ``room`` (width, height) is given and the chain is wider,
        wrapped onto as many rows (up to MAX_ROWS) as let it be drawn largest."""
        self.clear()
        self.boxes, self.edge_items, self.rest_boxes = {}, [], []
        self.notation = notation
        n = lambda v: format_number(v, digits)  # noqa: E731
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        loss = ct.loss_name(graph)
        columns: list[list[NodeBox]] = []
        if graph.ref.parameter is not None:
            node = graph.nodes[graph.start]
            columns.append([self._box(graph, node, [f"{ct.node_name(graph, node, notation)} = {n(node.value)}",
                                                    f"∂L/∂ = {n(graph.mean)}"], font, START_GROUND)])
        for fold in graph.folds:
            column = []
            many = len(fold.shown) + fold.rest_count > 1
            for i in fold.shown:
                node = graph.nodes[i]
                lines = [f"{ct.node_name(graph, node, notation)} = {n(node.value)}", f"∂{loss}/∂ = {n(node.grad)}"]
                if many:
                    lines.append(translate("ChainView", "paths: {value}").format(value=n(node.contribution)))
                ground = START_GROUND if i == graph.start else palette.color(QPalette.ColorRole.Base)
                column.append(self._box(graph, node, lines, font, ground))
            if fold.rest_count:
                rest = NodeBox(None, [translate("ChainView", "+ {count} more").format(count=fold.rest_count),
                                      translate("ChainView", "paths: {value}").format(value=n(fold.rest_sum))],
                               font, REST_GROUND, self.hub)
                rest.setToolTip(translate("ChainView", "The other units of this layer, folded: the sum of the "
                                          "products of every path through them"))
                self.addItem(rest)
                self.rest_boxes.append(rest)
                column.append(rest)
            columns.append(column)
        node = graph.nodes[LOSS]
        columns.append([self._box(graph, node, [f"{loss} = {n(node.value)}",
                                                f"∂{loss}/∂x = {n(graph.total)}"], font, LOSS_GROUND)])
        metrics = QFontMetricsF(small)
        widest = max((max(metrics.horizontalAdvance(t) for t in self._label(graph, e, digits)) for e in graph.edges),
                     default=0.0)
        line = QFontMetricsF(font).height()
        best = (0.0, 1)
        for rows in range(1, min(MAX_ROWS, (len(columns) + 1) // 2) + 1 if room else 2):
            self._place(columns, line, widest, rows)
            size = self.itemsBoundingRect()
            scale = min(1.0, room[0] / size.width(), room[1] / size.height()) if room else 1.0
            if scale > best[0] + 0.12:  # another row only for a clearly larger drawing
                best = (scale, rows)
        self._place(columns, line, widest, best[1])
        self._draw_edges(graph, small, palette, digits, notation)

    def _label(self, graph: ChainGraph, e: Edge, digits: int) -> tuple[str, ...]:
        """("σ′(z²₁)", "0.2368"): the edge's local derivative and its number, written above and under the edge."""
        formula, value = ct.edge_formula(graph, e, self.notation).split(" = ")[0], format_number(e.value, digits)
        return formula, value

    def _box(self, graph: ChainGraph, node: Node, lines: list[str], font: QFont, ground: QColor) -> NodeBox:
        box = NodeBox(node, lines, font, ground, self.hub)
        box.setToolTip(translate("ChainView", "{name}: value {value}; ∂L/∂ this node {grad}; ∂ this node/∂x "
                                 "{tangent}. Click: show it in the matrices and on the canvas.").format(
            name=ct.node_name(graph, node, self.notation), value=format_number(node.value, 6),
            grad=format_number(node.grad, 6), tangent=format_number(node.tangent, 6)))
        self.addItem(box)
        self.boxes[node.id] = box
        return box

    def _place(self, columns: list[list[NodeBox]], line: float, label: float, rows: int = 1) -> None:
        """Columns side by side, each centred on its row; the gap between columns fits the widest edge label. With
        ``rows`` > 1 the chain wraps: consecutive columns on each row, the rows one under the other."""
        gap_x, gap_y, row_gap = max(line * 3, label + line), line * 0.9, line * 2.6
        widths = [max(b.rect().width() for b in c) for c in columns]
        heights = [sum(b.rect().height() for b in c) + gap_y * (len(c) - 1) for c in columns]
        total = sum(widths) + gap_x * (len(columns) - 1)
        groups: list[list[int]] = [[]]
        used = 0.0
        for i, w in enumerate(widths):
            left = len(columns) - i  # columns still to place, rows still to start
            if groups[-1] and (used + w > total / rows or left < rows - len(groups) + 1) and len(groups) < rows:
                groups.append([])
                used = 0.0
            groups[-1].append(i)
            used += w + gap_x
        self.step, self.row = {}, {}
        y = 0.0
        for r, group in enumerate(groups):
            tallest = max(heights[i] for i in group)
            x = 0.0
            for i in group:
                top = y + (tallest - heights[i]) / 2
                for box in columns[i]:
                    box.setPos(x + (widths[i] - box.rect().width()) / 2, top)
                    top += box.rect().height() + gap_y
                    if box.node is not None:
                        self.step[box.node.id], self.row[box.node.id] = i, r
                x += widths[i] + gap_x
            y += tallest + row_gap

    def _draw_edges(self, graph: ChainGraph, font: QFont, palette: QPalette, digits: int, notation: str) -> None:
        per_pair: dict[tuple[int, int], int] = {}
        for e in graph.edges:
            key = (self.step[e.source], self.step[e.target])
            per_pair[key] = per_pair.get(key, 0) + 1
        ink = palette.color(QPalette.ColorRole.Text)
        counts: dict[str, int] = {}
        for e in graph.edges:
            a, b = self.boxes[e.source], self.boxes[e.target]
            ra, rb = a.rect(), b.rect()
            if self.row.get(e.source) != self.row.get(e.target):  # to the next row of a wrapped chain
                p = a.mapToScene(QPointF(ra.center().x(), ra.bottom()))
                q = b.mapToScene(QPointF(rb.center().x(), 0))
            else:
                p = a.mapToScene(QPointF(ra.right(), ra.center().y()))
                q = b.mapToScene(QPointF(0, rb.center().y()))
            line = QGraphicsLineItem(p.x(), p.y(), q.x(), q.y())
            line.setPen(QPen(ink, presentation.line_scale()))
            line.setZValue(0)
            texts = self._label(graph, e, digits)
            label = QGraphicsSimpleTextItem(texts[0])
            for text in texts[1:]:  # the number, under the edge, centred under the formula
                under = QGraphicsSimpleTextItem(text, label)
                under.setFont(font)
                under.setBrush(QBrush(ink))
                width = QFontMetricsF(font).horizontalAdvance(texts[0])
                under.setPos((width - under.boundingRect().width()) / 2, under.boundingRect().height() + 2)
            label.setFont(font)
            label.setBrush(QBrush(ink))
            label.setZValue(3)
            counts[e.target] = counts.get(e.target, 0) + 1
            pair = per_pair[(self.step[e.source], self.step[e.target])]
            t = 0.5 if pair == 1 else 0.3 + 0.4 * ((counts[e.target] % 3) / 2)
            mid = p + (q - p) * t
            r = label.boundingRect()
            label.setPos(mid.x() - r.width() / 2, mid.y() - r.height() - 1)
            tip = f"{ct.edge_symbol(graph, e, notation)} = {ct.edge_formula(graph, e, notation)} = " \
                  f"{format_number(e.value, 6)}"
            line.setToolTip(tip)
            label.setToolTip(tip)
            always = pair <= LABELLED_EDGES
            label.setVisible(always)
            self.addItem(line)
            self.addItem(label)
            self.edge_items.append((e, line, label, always))

    def _hover(self, node: Node | None) -> None:
        for e, line, label, always in self.edge_items:
            hot = node is not None and node.id in (e.source, e.target)
            pen = line.pen()
            pen.setWidthF(presentation.line_scale() * (2.5 if hot else 1.0))
            pen.setColor(HOT if hot else label.brush().color())
            line.setPen(pen)
            label.setVisible(always or hot)
            if hot:
                label.setZValue(4)
        for box in self.boxes.values():
            pen = box.pen()
            pen.setColor(HOT if node is not None and box.node is node else BOX_INK)
            pen.setWidthF(presentation.line_scale() * (2.5 if node is not None and box.node is node else 1.0))
            box.setPen(pen)

    def labels(self) -> list[str]:
        """The texts of the edge labels on show (for tests and the view's checks)."""
        return [" = ".join([label.text(), *(c.text() for c in label.childItems()
                                            if isinstance(c, QGraphicsSimpleTextItem))])
                for _, _, label, _ in self.edge_items if label.isVisible()]

    def item_at_node(self, node_id: str) -> QGraphicsItem | None:
        return self.boxes.get(node_id)
