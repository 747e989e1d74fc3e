"""The graphics items of the network canvas: units, biases, weights, collapsed layers, bands.

Each item knows which parameter or layer it stands for, so the canvas can turn a click into
``parameterClicked(layer, "W", j, k)`` or ``layerSelected(layer)``. Colours are diverging: blue
for negative, red for positive, a light grey for zero, so a weight's sign and size read at a glance.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from bpstudio.app.look import presentation

from .network_delta import DeltaLabel

NEGATIVE = QColor(33, 102, 172)  # blue
POSITIVE = QColor(178, 24, 43)  # red
NEUTRAL = QColor(200, 200, 200)
WHITE = QColor(255, 255, 255)
INK = QColor(30, 30, 30)
HIT_WIDTH = 7.0  # an edge is clickable this many pixels across, however thin it is drawn
# weights that change again this soon (a run) are drawn without antialiasing, four times cheaper (3 ms of a state's
# 5 ms canvas paint on the spiral); drawn smooth again once they stop changing (the canvas's ``settle``)
DRAFT_WITHIN = 0.2  # s


def blend(a: QColor, b: QColor, t: float) -> QColor:
    t = min(max(t, 0.0), 1.0)
    return QColor(*(round(x + (y - x) * t) for x, y in ((a.red(), b.red()), (a.green(), b.green()),
                                                        (a.blue(), b.blue()))))


def diverging(value: float, scale: float, base: QColor = NEUTRAL) -> QColor:
    """``base`` at 0, pure blue at −scale, pure red at +scale."""
    if not math.isfinite(value) or scale <= 0 or not math.isfinite(scale):
        return QColor(base)
    return blend(base, NEGATIVE if value < 0 else POSITIVE, (abs(value) / scale) ** 0.75)


def pixel_font(px: float, bold: bool = False) -> QFont:
    """``px`` pixels high, 1.5 times that in presentation mode."""
    font = QFont()
    font.setPixelSize(max(1, round(px * presentation.font_scale())))
    font.setBold(bold)
    return font


class EdgeItem(QGraphicsLineItem):
    """The weight wˡⱼₖ: unit k of layer l−1 → unit j of layer l (0-based j, k)."""

    def __init__(self, layer: int, row: int, col: int) -> None:
        super().__init__()
        self.layer, self.row, self.col = layer, row, col
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._width = 1.0
        self._colour = QColor(NEUTRAL)
        self._hover = False
        self.style_pen = QPen(self._colour)
        self._hit: tuple[QPainterPath, QRectF] | None = None  # (shape, bounding rect) of the hit area
        self.tip: Callable[[], str] | None = None  # its tooltip, written when asked for (not on every update)
        self.weight = 0.0
        self.style_key: int | None = None  # the style last drawn (see NetworkCanvas._update_edges)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)  # its EdgeLayer draws it (but when hovered)

    def toolTip(self) -> str:  # noqa: N802 - Qt's name (the canvas sets Qt's copy when a tooltip is due)
        return self.tip() if self.tip is not None else super().toolTip()

    def set_weight_style(self, colour: QColor, width: float) -> None:
        if self._hit_width(width) != self._hit_width(self._width):
            self.prepareGeometryChange()  # the hit area follows the width (beyond HIT_WIDTH)
            self._hit = None
        self._width = width
        self._colour = colour
        self._apply()

    def setLine(self, *line) -> None:  # noqa: N802 - Qt's name
        self.prepareGeometryChange()
        self._hit = None
        super().setLine(*line)

    def _apply(self) -> None:
        width = self._width * presentation.line_scale()  # twice as thick in presentation mode
        self.style_pen = QPen(self._colour, width)  # as its layer's picture draws it (never the hovered look)
        self.style_pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # its ends lie under the units; round ones cost twice
        if self._hover:
            pen = QPen(self._colour.darker(130), width + 1.5)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            self.setPen(pen)
        else:
            self.setPen(self.style_pen)

    def _hit_area(self) -> tuple[QPainterPath, QRectF]:
        """(shape, bounding rect), made again only when the line or the width changes: the scene asks for them
        several times per item on every repaint."""
        if self._hit is None:
            line = self.line()
            path = QPainterPath(line.p1())
            path.lineTo(line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(self._hit_width(self._width))
            shape = stroker.createStroke(path)
            self._hit = (shape, shape.controlPointRect())
        return self._hit

    @staticmethod
    def _hit_width(width: float) -> float:
        return max(HIT_WIDTH, width * presentation.line_scale() + 2)

    def shape(self) -> QPainterPath:
        return self._hit_area()[0]

    def boundingRect(self):  # the hit area is wider than the pen
        return (self._hit or self._hit_area())[1]

    def distance_to(self, p: QPointF) -> float:
        line = self.line()
        d = QPointF(line.dx(), line.dy())
        length2 = d.x() ** 2 + d.y() ** 2
        if length2 == 0:
            return QLineF(line.p1(), p).length()
        t = ((p.x() - line.x1()) * d.x() + (p.y() - line.y1()) * d.y()) / length2
        t = min(max(t, 0.0), 1.0)
        return QLineF(line.p1() + d * t, p).length()

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, False)  # drawn darker on top of its layer
        self._apply()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self._apply()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        if self.scene() is not None:
            self.scene().update(self.sceneBoundingRect())  # (an item without contents asks for no repaint)
        super().hoverLeaveEvent(event)


class EdgeLayer(QGraphicsItem):
    """Every weight of one layer drawn in one go into a picture that is kept until a weight's look changes
    (``update``) or the lines move (``refit``): a stage that only colours a column again copies the picture
    rather than drawing hundreds of antialiased lines."""

    def __init__(self, edges: list[EdgeItem]) -> None:
        super().__init__()
        self.edges = edges
        self._rect = QRectF()
        self.setZValue(-0.5)  # over the selected weight's halo, under the weights when hovered and the units
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.draft = False
        self._restyled_at = -math.inf

    def refit(self) -> None:
        self.prepareGeometryChange()
        rect = QRectF()
        for e in self.edges:
            rect = rect.united(e.boundingRect())
        self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def restyled(self) -> bool:
        """A weight's look changed: drawn again, in draft while the weights change fast; True when in draft."""
        now = time.perf_counter()
        self.draft = now - self._restyled_at < DRAFT_WITHIN
        self._restyled_at = now
        self.update()
        return self.draft

    def settle(self) -> None:
        """Drawn smooth again (the weights have stopped changing)."""
        if self.draft:
            self.draft = False
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not self.draft)
        for e in self.edges:
            painter.setPen(e.style_pen)
            painter.drawLine(e.line())


class BiasItem(QGraphicsRectItem):
    """The bias bˡⱼ of one unit: a small square on top of the unit."""

    def __init__(self, layer: int, row: int) -> None:
        super().__init__()
        self.layer, self.row = layer, row
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(3)
        self.setPen(QPen(QColor(90, 90, 90), 0.8))


class UnitItem(QGraphicsEllipseItem):
    """Unit ``row`` of layer ``layer`` (layer 0: the inputs), with its value for sample 1 inside."""

    def __init__(self, layer: int, row: int) -> None:
        super().__init__()
        self.layer, self.row = layer, row
        self.setZValue(2)
        self.value = QGraphicsSimpleTextItem(self)
        self.value.setBrush(QBrush(INK))
        self.value.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.delta = DeltaLabel(self)  # δ for sample 1, under the unit (or beside it), once computed
        self.delta.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.delta.setVisible(False)
        self._room = 0.0
        self.look: tuple | None = None  # the numbers and sizes it was last painted with (see paint_units)
        self.tip: Callable[[], str] | None = None  # its tooltip, written when asked for (a run repaints units often)

    def toolTip(self) -> str:  # noqa: N802 - Qt's name (the canvas sets Qt's copy when a tooltip is due)
        return self.tip() if self.tip is not None else super().toolTip()

    def place(self, x: float, y: float, r: float, room: float) -> None:
        """Centre (x, y), radius r; ``room`` is the free height under the unit for its δ label."""
        self.setRect(x - r, y - r, 2 * r, 2 * r)
        self._room = room
        self._refresh()

    def set_value_text(self, text: str, font: QFont) -> None:
        if font != self.value.font():  # (a new font lays the text out again, even the same one)
            self.value.setFont(font)
        self.value.setText(text)
        self._refresh()

    def set_delta_text(self, text: str, font: QFont, colour: QColor) -> None:
        if font != self.delta.font():
            self.delta.setFont(font)
        self.delta.setBrush(QBrush(colour))
        self.delta.setText(text)
        self._refresh()

    def _refresh(self) -> None:
        """Labels centred, and shown only where they fit (the radius follows the size of the view)."""
        rect = self.rect()
        c, r = rect.center(), rect.width() / 2
        br = self.value.boundingRect()
        self.value.setPos(c.x() - br.width() / 2, c.y() - br.height() / 2)
        self.value.setVisible(bool(self.value.text()) and br.width() <= 2 * r - 1)
        self.delta.place(rect, self._room)


class TextLines(QGraphicsRectItem):
    """Lines of text, each centred on its own (QGraphicsSimpleTextItem aligns them left)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[QGraphicsSimpleTextItem] = []
        self.setPen(QPen(Qt.PenStyle.NoPen))

    def text(self) -> str:
        return "\n".join(line.text() for line in self.lines)

    def set_text(self, text: str, font: QFont | None = None) -> None:
        parts = text.split("\n")
        while len(self.lines) > len(parts):
            item = self.lines.pop()
            if item.scene() is not None:
                item.scene().removeItem(item)  # also detaches it from this item
        while len(self.lines) < len(parts):
            item = QGraphicsSimpleTextItem(self)
            item.setBrush(QBrush(INK))
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.lines.append(item)
        for item, part in zip(self.lines, parts, strict=True):
            item.setText(part)
            if font is not None:
                item.setFont(font)

    def text_size(self) -> tuple[float, float]:
        rects = [line.boundingRect() for line in self.lines]
        return max((r.width() for r in rects), default=0.0), sum(r.height() for r in rects)

    def centre_lines(self, x: float, top: float) -> None:
        for item in self.lines:
            br = item.boundingRect()
            item.setPos(x - br.width() / 2, top)
            top += br.height()


class BlockItem(TextLines):
    """A layer too large to draw unit by unit: one block with its unit count."""

    def __init__(self, layer: int) -> None:
        super().__init__()
        self.layer = layer
        self.setZValue(2)
        self.setPen(QPen(QColor(110, 110, 110), 1.2))

    def place(self, x: float, y: float, w: float, h: float, font: QFont) -> None:
        self.setRect(x - w / 2, y - h / 2, w, h)
        for item in self.lines:
            item.setFont(font)
        self.centre_lines(x, y - self.text_size()[1] / 2)


class BandItem(QGraphicsPolygonItem):
    """All the weights between two layers when either is collapsed: one band instead of thousands of lines."""

    def __init__(self, layer: int) -> None:
        super().__init__()
        self.layer = layer
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class ColumnItem(QGraphicsRectItem):
    """The background of one column (layer): highlighted when computed, a target for clicks."""

    def __init__(self, layer: int) -> None:
        super().__init__()
        self.layer = layer
        self.setZValue(-10)
        self.setPen(QPen(Qt.PenStyle.NoPen))


def owner(item: QGraphicsItem | None) -> QGraphicsItem | None:
    """The canvas item a child (a label inside a unit, say) belongs to."""
    while item is not None and not isinstance(
        item, EdgeItem | BiasItem | UnitItem | BlockItem | BandItem | ColumnItem
    ):
        item = item.parentItem()
    return item
