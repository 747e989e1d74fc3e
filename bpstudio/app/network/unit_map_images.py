"""Numbers → pictures for the units' maps: each unit's activation over the input plane on the panels' blue–white–red
scale, spanning ±max|a| over that unit's map (as a matrix panel spans ±max|x|: the unit's shape shows even when a
neighbour's values are ten times larger; a dead unit stays white), the output units with the decision boundary drawn
in, and the item that shows a map inside a unit's circle. Pure colouring, no engine."""

from __future__ import annotations

import functools

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from bpstudio.app.widgets.diverging import colour_indices, diverging_lut, symmetric_limit
from bpstudio.engine.unit_fields import MAPPED_UNITS, UnitFields, grid_points

from .network_items import UnitItem

LUT = diverging_lut()
BOUNDARY = np.array([40, 40, 40], dtype=np.uint8)  # the decision boundary's pixels in an output unit's map
CLASSIFIERS = ("sigmoid", "softmax")  # output activations whose maps carry the decision boundary


def rgb_image(rgb: np.ndarray) -> QImage:
    """(rows, cols, 3) uint8, row 0 at the bottom (y grows upwards on the plane) → a QImage of its own."""
    data = np.ascontiguousarray(rgb[::-1])
    rows, cols = data.shape[:2]
    return QImage(data.data, cols, rows, 3 * cols, QImage.Format.Format_RGB888).copy()


def boundary_mask(outputs: np.ndarray) -> np.ndarray:
    """(rows, cols) True where the predicted class (aᴸ ≥ ½ for one unit, else the largest) changes to a neighbour."""
    cls = outputs[..., 0] >= 0.5 if outputs.shape[-1] == 1 else np.argmax(outputs, axis=-1)
    edge = np.zeros(cls.shape, dtype=bool)
    edge[:, 1:] |= cls[:, 1:] != cls[:, :-1]
    edge[1:, :] |= cls[1:, :] != cls[:-1, :]
    return edge


def layer_colours(a: np.ndarray, boundary: bool) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols, n) activations → (rows, cols, n, 3) RGB, each unit on its own ±max|a|, and those limits (n,)."""
    limit = np.array([symmetric_limit(a[..., j]) for j in range(a.shape[-1])])
    rgb = LUT[colour_indices(a, limit)]
    if boundary:
        rgb[boundary_mask(a)] = BOUNDARY
    return rgb, limit


def input_maps(fields: UnitFields) -> np.ndarray:
    """The inputs' own maps, (rows, cols, n⁰): the grid's points themselves (a ramp across or up for the chosen
    inputs, the held value for the others), as the engine made them."""
    rows = 1 if fields.ys is None else len(fields.ys)
    return grid_points(fields.plane, len(fields.xs))[2].T.reshape(rows, len(fields.xs), -1)


def render_maps(fields: UnitFields, output_activation: str) -> dict[tuple[int, int], tuple[QImage, float]]:
    """(column, unit) → (its picture, its layer's colour limit) for every column mapped (0 = the inputs)."""
    images: dict[tuple[int, int], tuple[QImage, float]] = {}
    # inputs drawn as one block (784 of them) get no maps either: 784 pictures a field stalled the window 30 ms
    layers = (input_maps(fields) if fields.plane.inputs <= MAPPED_UNITS else None, *fields.layers)
    last = len(layers) - 1
    for c, a in enumerate(layers):
        if a is None:
            continue
        rgb, limit = layer_colours(a, c == last and output_activation in CLASSIFIERS)
        for j in range(a.shape[-1]):
            images[c, j] = (rgb_image(rgb[..., j, :]), float(limit[j]))
    return images


class UnitMapItem(QGraphicsItem):
    """A unit's map inside its circle: a child of the unit, under its value (which keeps a light backing)."""

    def __init__(self, unit: UnitItem) -> None:
        super().__init__(unit)
        self.unit = unit
        self.image: QImage | None = None
        self._round: QImage | None = None  # the map cut to a disc once per new map, not clipped at every paint
        self.limit = 1.0
        self._rect = QRectF()
        self.setZValue(-1)  # above the unit's fill, below its value text
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def fit(self) -> None:
        """Follow the unit's circle (the canvas lays units out again when it is resized)."""
        rect = self.unit.rect()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def set_image(self, image: QImage | None, limit: float = 1.0) -> None:
        self.image, self.limit = image, limit
        self._round = None if image is None else round_image(image)
        self.setVisible(image is not None)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.image is None or self._rect.isEmpty():
            return
        inset = self.unit.pen().widthF() / 2 + 0.5  # the ring (a stage's colour) stays visible
        inner = self._rect.adjusted(inset, inset, -inset, -inset)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(inner, self._round if self._round is not None else self.image)
        value = self.unit.value
        if value.isVisible():  # the number stays readable over any colour
            box = value.mapRectToParent(value.boundingRect()).adjusted(-2, 0, 2, 0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(255, 255, 255, 200)))
            painter.drawRoundedRect(box, 3, 3)
        painter.restore()


def round_image(image: QImage) -> QImage:
    """``image`` inside a disc (transparent around it), cut once per new map: a clip path at every paint of a
    canvas of 37 maps cost 5–12 ms a repaint. The disc's mask is made once per size."""
    out = image.convertToFormat(QImage.Format.Format_ARGB32)
    out.setAlphaChannel(_disc(image.width(), image.height()))
    return out


@functools.cache
def _disc(width: int, height: int) -> QImage:
    mask = QImage(width, height, QImage.Format.Format_Grayscale8)
    mask.fill(0)
    painter = QPainter(mask)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255))
    painter.drawEllipse(QRectF(mask.rect()))
    painter.end()
    return mask


def marked_pixmap_image(image: QImage, size: int, point: tuple[float, float] | None) -> QImage:
    """``image`` scaled to ``size`` px square, with a ring at ``point`` (fractions of the width and height from the
    bottom-left; None: no ring) — where the sample shown lies on the plane."""
    big = image.scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                       Qt.TransformationMode.SmoothTransformation).convertToFormat(QImage.Format.Format_RGB32)
    if point is not None and all(0.0 <= v <= 1.0 for v in point):
        painter = QPainter(big)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(point[0] * size, (1.0 - point[1]) * size)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(255, 255, 255), 4))
        painter.drawEllipse(centre, 6, 6)
        painter.setPen(QPen(QColor(20, 20, 20), 2))
        painter.drawEllipse(centre, 6, 6)
        painter.end()
    return big
