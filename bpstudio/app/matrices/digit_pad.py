"""A pad of 8×8 pixels the learner draws a digit on with the mouse: left button inks, right button erases."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from bpstudio.session.drawn_sample import INK


class DigitPad(QWidget):
    """``pixels()`` are the 64 values (0 … 16, row by row from the top left) drawn so far."""

    drawn = Signal()  # a pixel changed

    def __init__(self, rows: int = 8, cols: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitPad")
        self.rows, self.cols = rows, cols
        self._pixels = [0] * (rows * cols)
        self.setFixedSize(self.sizeHint())  # 16 px a pixel: a layout short of room scrolls, never squashes it
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit: click or drag with the left mouse button to ink a pixel (16), with "
                                "the right button to erase it (0). The 64 pixels, divided by 16, are the input x."))
        self.setAccessibleName(self.tr("Digit drawing pad"))

    def pixels(self) -> list[int]:
        return list(self._pixels)

    def set_pixels(self, pixels: list[int]) -> None:
        self._pixels = [max(0, min(INK, int(p))) for p in pixels][: self.rows * self.cols]
        self.update()

    def clear(self) -> None:
        self.set_pixels([0] * (self.rows * self.cols))
        self.drawn.emit()

    def cell_size(self) -> int:
        return max(6, min(self.width() // self.cols, self.height() // self.rows))

    def cell_rect(self, row: int, col: int) -> QRect:
        side = self.cell_size()
        return QRect(col * side, row * side, side, side)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.cols * 16 + 1, self.rows * 16 + 1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(QColor("#c0c0c0"))
        for i, value in enumerate(self._pixels):
            grey = 255 - round(value * 255 / INK)
            painter.setBrush(QColor(grey, grey, grey))
            painter.drawRect(self.cell_rect(i // self.cols, i % self.cols).adjusted(0, 0, -1, -1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._paint_at(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._paint_at(event)

    def _paint_at(self, event: QMouseEvent) -> None:
        buttons = event.buttons()
        if not buttons & (Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton):
            return
        pos: QPoint = event.position().toPoint()
        side = self.cell_size()
        row, col = pos.y() // side, pos.x() // side
        if not (0 <= row < self.rows and 0 <= col < self.cols):
            return
        value = 0 if buttons & Qt.MouseButton.RightButton else INK
        if self._pixels[row * self.cols + col] != value:
            self._pixels[row * self.cols + col] = value
            self.update()
            self.drawn.emit()
