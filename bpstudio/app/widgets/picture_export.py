"""A widget as a picture: PNG at a chosen resolution (for projectors and print) or SVG.

Both draw the widget again through a scaled ``QPainter`` rather than grabbing the screen, so a
1920-pixel PNG of a 600-pixel canvas has sharp lines and text. A ``QGraphicsView`` (the network
canvas, a pyqtgraph plot) renders its scene straight into the target; any other widget renders
itself and its children. A widget may define ``picture_rect()`` (a QRect in its own coordinates)
to leave out its controls: the training plots show only their plots; and ``whole_picture()``, a context
in which it is drawn whole: a matrix box shows every row and column, not what is scrolled into view.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView, QWidget

MAX_SIDE = 16384  # pixels: beyond this QImage allocations fail or take gigabytes


def picture_rect(widget: QWidget) -> QRect:
    """What of ``widget`` the picture shows, in its own coordinates (never empty)."""
    method = getattr(widget, "picture_rect", None)
    rect = method() if callable(method) else widget.rect()
    return rect if rect.width() > 0 and rect.height() > 0 else QRect(0, 0, max(1, widget.width()),
                                                                       max(1, widget.height()))


def picture_size(widget: QWidget, width: int, height: int | None = None) -> QSize:
    """The PNG's size: ``width`` × ``height``, or the widget's shape at that width."""
    if width < 1 or (height is not None and height < 1):
        raise ValueError("a picture is at least 1 × 1 pixel")
    source = picture_rect(widget)
    if height is None:
        height = max(1, round(width * source.height() / source.width()))
    if max(width, height) > MAX_SIDE:
        raise ValueError(f"at most {MAX_SIDE} pixels a side")
    return QSize(width, height)


def background(widget: QWidget) -> QColor:
    """The colour around the picture when the requested size has another shape."""
    if isinstance(widget, QGraphicsView):
        brush = widget.backgroundBrush()
        if brush.style() != Qt.BrushStyle.NoBrush:
            return brush.color()
    return widget.palette().window().color()


def _fitted(source: QRect, target: QRectF) -> QRectF:
    """``source``'s shape scaled to fit ``target``, centred."""
    scale = min(target.width() / source.width(), target.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF(target.x() + (target.width() - w) / 2, target.y() + (target.height() - h) / 2, w, h)


def paint_widget(widget: QWidget, painter: QPainter, target: QRectF) -> None:
    """Draw the widget's picture into ``target`` (painter coordinates), keeping its aspect ratio."""
    source = picture_rect(widget)
    fitted = _fitted(source, target)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    if isinstance(widget, QGraphicsView) and source == widget.rect():
        # the scene itself at the target's resolution: vector-sharp, without the frame or scroll bars
        widget.render(painter, fitted, widget.viewport().rect(), Qt.AspectRatioMode.KeepAspectRatio)
        return
    painter.save()
    painter.translate(fitted.topLeft())
    painter.scale(fitted.width() / source.width(), fitted.height() / source.height())
    QWidget.render(widget, painter, QPoint(0, 0), QRegion(source))
    painter.restore()


def _write(path: str | os.PathLike, write: Callable[[str], bool]) -> None:
    """``write(temporary path)``, then the file renamed over ``path``: a failed write leaves the old file."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.part")
    try:
        if not write(str(temp)) or not temp.exists():
            raise OSError(f"could not write {target}")
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def whole(widget: QWidget) -> AbstractContextManager[None]:
    """The widget's ``whole_picture()`` context, or none."""
    method = getattr(widget, "whole_picture", None)
    return method() if callable(method) else nullcontext()


def save_png(widget: QWidget, path: str | os.PathLike, width: int, height: int | None = None) -> QSize:
    """Write the widget as a PNG of ``width`` × ``height`` pixels (height from the widget's shape if
    not given; a different shape is centred on its background colour). Returns the size written."""
    with whole(widget):
        return _save_png(widget, path, width, height)


def _save_png(widget: QWidget, path: str | os.PathLike, width: int, height: int | None) -> QSize:
    size = picture_size(widget, width, height)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background(widget))
    painter = QPainter(image)
    try:
        paint_widget(widget, painter, QRectF(image.rect()))
    finally:
        painter.end()
    # the stub wants bytes for the format, but PySide6 takes a str here (and fails with bytes)
    _write(path, lambda temp: image.save(temp, "PNG"))  # type: ignore[call-overload]
    return size


def save_svg(widget: QWidget, path: str | os.PathLike, title: str = "") -> None:
    """Write the widget as an SVG drawing of its on-screen size (lines and text stay vectors)."""
    with whole(widget):
        _save_svg(widget, path, title)


def _save_svg(widget: QWidget, path: str | os.PathLike, title: str) -> None:
    size = picture_rect(widget).size()
    area = QRectF(0, 0, size.width(), size.height())

    def draw(temp: str) -> bool:
        generator = QSvgGenerator()
        generator.setFileName(temp)
        generator.setSize(size)
        generator.setViewBox(area)
        generator.setTitle(title or Path(path).stem)
        generator.setDescription("BP Studio")
        painter = QPainter()
        if not painter.begin(generator):
            return False
        try:
            painter.fillRect(area, QBrush(background(widget)))
            paint_widget(widget, painter, area)
        finally:
            painter.end()
        return True

    _write(path, draw)
