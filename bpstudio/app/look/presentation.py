"""Presentation mode, for projectors: every font 1.5 times as large (less on a screen smaller than 1440 × 900,
so that the window still fits it: 1.33 at 1280 × 800, 1.2 at 1024 × 768), every line of the canvas and the plots
twice as thick; one key (F12) switches it on and off, and off restores exactly the sizes there were.

The application font grows, so every widget that inherits it follows; widgets that set a size of their own
(the matrix tables, titles) are scaled one by one and given back their own font afterwards. Views that draw
with sizes of their own (the canvas, the plots, the equations) read ``font_scale()``/``line_scale()`` and
listen to ``notifier().changed``. The mode is remembered: a classroom laptop reopens as it was left.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

FONT_SCALE = 1.5  # on a screen of FULL_SCREEN or larger
FULL_SCREEN = (1440, 900)
MIN_FONT_SCALE = 1.2  # on the smallest screens
LINE_SCALE = 2.0
KEY = "F12"
SIZE_RESOLVED = 0x0002  # QFont::SizeResolved: the font sets its own size (PySide6 does not export the enum)
_OWN_FONT = "bpstudio_font_before_presentation"  # widget property: its font before the mode was on
_OWN_SECTION = "bpstudio_section_before_presentation"  # header property: its row height before


class PresentationNotifier(QObject):
    changed = Signal(bool)


_on = False
_app_font: QFont | None = None  # the application font before the mode was switched on
_scale = FONT_SCALE  # the font scale while the mode is on (chosen for the screen when it is switched on)


@cache
def notifier() -> PresentationNotifier:
    return PresentationNotifier()


def is_on() -> bool:
    return _on


def font_scale() -> float:
    return _scale if _on else 1.0


def fitting_scale(width: int, height: int) -> float:
    """The font scale for a screen of ``width`` × ``height``: FONT_SCALE on FULL_SCREEN and larger, in proportion
    on smaller screens, never under MIN_FONT_SCALE."""
    room = min(width / FULL_SCREEN[0], height / FULL_SCREEN[1], 1.0)
    return round(max(MIN_FONT_SCALE, FONT_SCALE * room), 2)


def screen_scale() -> float:
    """``fitting_scale`` for the primary screen's available area (FONT_SCALE when there is no screen)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return FONT_SCALE
    room = screen.availableGeometry()
    return fitting_scale(room.width(), room.height())


def line_scale() -> float:
    return LINE_SCALE if _on else 1.0


def set_presentation(on: bool) -> None:
    """Switch presentation mode on or off for the whole application (nothing happens if it already is)."""
    global _on, _app_font, _scale
    app = QApplication.instance()
    if on == _on or not isinstance(app, QApplication):
        return
    if on:
        _scale = screen_scale()
        _app_font = QFont(app.font())
        app.setFont(scaled(_app_font, _scale))
    elif _app_font is not None:
        app.setFont(_app_font)
    _on = on
    for widget in app.allWidgets():
        _scale_own_font(widget, on)
    notifier().changed.emit(on)


def scaled(font: QFont, factor: float) -> QFont:
    big = QFont(font)
    if font.pointSizeF() > 0:
        big.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        big.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return big


def _scale_own_font(widget: QWidget, on: bool) -> None:
    """A widget with a size of its own: scaled on, given back its own font off (one created while the
    mode was on, from the large font, is scaled back down)."""
    if isinstance(widget, QHeaderView):
        _scale_rows(widget, on)
    if widget.styleSheet():  # a style sheet fixes the font when it is applied: apply it again
        widget.setStyleSheet(widget.styleSheet())
    if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) or not widget.font().resolveMask() & SIZE_RESOLVED:
        return
    before = widget.property(_OWN_FONT)
    if on:
        widget.setProperty(_OWN_FONT, QFont(widget.font()))
        widget.setFont(scaled(widget.font(), _scale))
    elif isinstance(before, QFont):
        widget.setFont(before)
        widget.setProperty(_OWN_FONT, None)
    else:
        widget.setFont(scaled(widget.font(), 1 / _scale))


def _scale_rows(header: QHeaderView, on: bool) -> None:
    """Fixed row heights (the matrix tables) grow with their font."""
    if header.orientation() != Qt.Orientation.Vertical:
        return
    before = header.property(_OWN_SECTION)
    if on:
        header.setProperty(_OWN_SECTION, header.defaultSectionSize())
        header.setDefaultSectionSize(round(header.defaultSectionSize() * _scale))
    elif isinstance(before, int):
        header.setDefaultSectionSize(before)
        header.setProperty(_OWN_SECTION, None)
    else:
        header.setDefaultSectionSize(round(header.defaultSectionSize() / _scale))
