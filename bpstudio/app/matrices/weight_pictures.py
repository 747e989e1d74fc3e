"""The first layer's weights as pictures: row i of W¹ (unit i's 64 weights) drawn as the 8×8 image it weighs.

A unit is most excited by an input that is inked where its picture is red and blank where it is blue. One colour
scale for all the pictures, the W¹ panel's (max|W¹| rounded up to a nice number, as its colour bar shows), so the
pictures compare with each other and with the panel, or (``per_unit``) each picture's own ±max|row|, which shows
the pattern of a unit with small weights; drawn anew with every state.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QSize
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from bpstudio.app.widgets.diverging import colour_indices, diverging_lut, nice_limit, symmetric_limit
from bpstudio.engine.text.indices import format_value

GAP = 4  # px between pictures
SIDE = 30  # px, the smallest picture: as many a line as fit at least this wide, the lines as tall as they need
LUT = diverging_lut()


class WeightPictures(QWidget):
    """``set_weights(W¹, shape)`` draws one picture per row of W¹, as many per line as fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightPictures")
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._pictures = np.zeros((0, 8, 8))
        self._images: list[QImage] = []
        self.limit = 1.0
        self.per_unit = False

    def pictures(self) -> np.ndarray:
        """(units, rows, columns): the weights drawn, unit by unit."""
        return self._pictures

    def set_weights(self, weights: np.ndarray, shape: tuple[int, int]) -> None:
        self._pictures = np.asarray(weights, dtype=np.float64).reshape(len(weights), *shape)
        self.limit = nice_limit(symmetric_limit(self._pictures))  # the W¹ panel's colour bar
        self._draw()

    def set_per_unit(self, on: bool) -> None:
        self.per_unit = on
        self._draw()

    def unit_limit(self, unit: int) -> float:
        """The value drawn deepest red in ``unit``'s picture (−it deepest blue)."""
        return symmetric_limit(self._pictures[unit]) if self.per_unit else self.limit

    def _draw(self) -> None:
        shape = self._pictures.shape[1:]
        limits = np.array([self.unit_limit(u) for u in range(len(self._pictures))])[:, None, None]
        rgb = LUT[colour_indices(self._pictures / limits, 1.0)]  # (units, rows, columns, 3)
        self._images = [QImage(np.ascontiguousarray(unit).data, shape[1], shape[0], shape[1] * 3,
                               QImage.Format.Format_RGB888).copy() for unit in rgb]
        self.updateGeometry()
        self.update()

    def colour_at(self, unit: int, row: int, col: int) -> QColor:
        """The colour drawn for W¹[unit, row · columns + col]."""
        return self._images[unit].pixelColor(col, row)

    # ----- layout: square pictures filling the width, as many a line as fit ----
    def _grid(self, width: int) -> tuple[int, int, int]:
        """(columns, lines, side in px) at ``width``."""
        count = max(1, len(self._images))
        columns = max(1, min(count, (width + GAP) // (SIDE + GAP)))
        side = max(SIDE, (width - GAP * (columns - 1)) // columns)
        return columns, -(-count // columns), min(side, 3 * SIDE)

    def picture_rect(self, unit: int) -> QRect:
        columns, _, side = self._grid(self.width())
        return QRect((unit % columns) * (side + GAP), (unit // columns) * (side + GAP), side, side)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        _, lines, side = self._grid(width)
        return lines * (side + GAP)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, self.heightForWidth(240))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(SIDE, SIDE)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(QColor("#909090"))
        for unit, image in enumerate(self._images):
            rect = self.picture_rect(unit)
            painter.drawImage(rect, image)  # nearest pixels: each weight a sharp square
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tip_at(self, pos: QPoint) -> str:
        """Which weight is under ``pos``: its unit, its pixel and its value."""
        for unit in range(len(self._images)):
            rect = self.picture_rect(unit)
            if rect.contains(pos):
                rows, cols = self._pictures.shape[1:]
                r = min(rows - 1, (pos.y() - rect.y()) * rows // rect.height())
                c = min(cols - 1, (pos.x() - rect.x()) * cols // rect.width())
                return self.tr("Unit {i} of layer 1: W¹ row {i} as {rows}×{cols} pixels. Pixel (row {r}, column {c}) "
                               "is input {j}; its weight is {w}. Red: ink there excites the unit; blue: inhibits it. "
                               "Scale ±{limit}.").format(
                    i=unit + 1, rows=rows, cols=cols, r=r + 1, c=c + 1, j=r * cols + c + 1,
                    w=format_value(float(self._pictures[unit, r, c])), limit=format_value(self.unit_limit(unit)))
        return ""

