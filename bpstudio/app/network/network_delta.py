"""A unit's δ label: under the unit where there is room, else beside it on a light background (over the
weights), so every unit shows its δ during the backward pass, not only the units of one-unit layers."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

BACKGROUND = QColor(255, 255, 255, 225)


class DeltaLabel(QGraphicsSimpleTextItem):
    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.beside = False  # placed beside the unit (drawn on a background)
        self.left = False  # beside means left of the unit (the output layer: the loss box is on its right)
        # drawn once per new text: the canvas repaints whole for a unit's new map too (5 a second while training)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def place(self, rect: QRectF, room_below: float) -> None:
        """Under the unit ``rect`` when ``room_below`` (pixels) holds the text, else beside it."""
        br = super().boundingRect()  # the text's own box
        self.beside = br.height() + 2 > room_below
        if self.beside:
            # right of the unit and a little below its centre; left of it (the output layer) a little above, so
            # they miss the labels of the layer before, which lie right and below
            if self.left:
                self.setPos(rect.left() - 3 - br.width(), rect.center().y() - rect.height() * 0.15 - br.height())
            else:
                self.setPos(rect.right() + 3, rect.center().y() + rect.height() * 0.12)
        else:
            self.setPos(rect.center().x() - br.width() / 2, rect.bottom() + 1)
        self.setZValue(1 if self.beside else 0)
        self.setVisible(bool(self.text()))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return super().boundingRect().adjusted(-2, 0, 2, 0)  # (the background's margin: a cache keeps only this)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.beside:
            painter.setPen(QPen(QColor(0, 0, 0, 0)))
            painter.setBrush(QBrush(BACKGROUND))
            painter.drawRoundedRect(self.boundingRect(), 3, 3)
        super().paint(painter, option, widget)
