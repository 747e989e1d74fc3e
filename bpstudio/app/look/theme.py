"""Light and dark themes: the Fusion style with a palette of our own, or the system's look ("system").

The plots, the equations and the matrix tables take their colours from the palette (or keep their own
dark text on their own light cells), and restyle when ``notifier().changed`` says the theme changed.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
DEFAULT_THEME = "system"
LINK_LIGHT, LINK_DARK = "#7b2cbf", "#c9a0ff"  # the equations' hover-me symbols, readable on either ground


class ThemeNotifier(QObject):
    changed = Signal(str)


_current = DEFAULT_THEME
_system: tuple[str, QPalette] | None = None  # the style's name and palette the application started with


@cache
def notifier() -> ThemeNotifier:
    return ThemeNotifier()


def current() -> str:
    return _current


def is_dark() -> bool:
    """Whether text is lighter than its background (a dark theme, ours or the system's)."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Base).lightness() < palette.color(QPalette.ColorRole.Text).lightness()


def apply_theme(name: str) -> None:
    """Switch the whole application to "system", "light" or "dark" (anything else counts as "system")."""
    global _current, _system
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    name = name if name in THEMES else DEFAULT_THEME
    first = _system is None
    if _system is None:
        _system = (app.style().name(), QPalette(app.palette()))
    if name == "system" and not first:  # (at the start, on the system's look, there is nothing to change)
        style_name, palette = _system
        style = QStyleFactory.create(style_name)
        if style is not None:
            app.setStyle(style)
        app.setPalette(palette)
    elif name != "system":
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if name == "dark" else light_palette())
    _current = name
    notifier().changed.emit(name)


def link_colour() -> str:
    """The equations' hover-me symbols are written into HTML, which no palette reaches."""
    return LINK_DARK if is_dark() else LINK_LIGHT


def _palette(colours: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.HighlightedText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    R = QPalette.ColorRole
    return _palette({
        R.Window: "#efefef", R.WindowText: "#1a1a1a", R.Base: "#ffffff", R.AlternateBase: "#f5f5f5",
        R.ToolTipBase: "#ffffdc", R.ToolTipText: "#1a1a1a", R.PlaceholderText: "#7a7a7a", R.Text: "#1a1a1a",
        R.Button: "#efefef", R.ButtonText: "#1a1a1a", R.BrightText: "#ffffff", R.Light: "#ffffff",
        R.Midlight: "#e3e3e3", R.Mid: "#b8b8b8", R.Dark: "#9f9f9f", R.Shadow: "#767676",
        R.Highlight: "#3073c6", R.HighlightedText: "#ffffff", R.Link: "#0b57a4", R.LinkVisited: "#6a3aa8",
    }, disabled="#9a9a9a")


def dark_palette() -> QPalette:
    R = QPalette.ColorRole
    return _palette({
        R.Window: "#2b2b2e", R.WindowText: "#e6e6e6", R.Base: "#1e1e20", R.AlternateBase: "#2b2b2e",
        R.ToolTipBase: "#3a3a3e", R.ToolTipText: "#f0f0f0", R.PlaceholderText: "#9a9a9a", R.Text: "#e6e6e6",
        R.Button: "#38383c", R.ButtonText: "#e6e6e6", R.BrightText: "#ff6b6b", R.Light: "#505055",
        R.Midlight: "#444448", R.Mid: "#303034", R.Dark: "#1a1a1c", R.Shadow: "#0e0e10",
        R.Highlight: "#3d8ee0", R.HighlightedText: "#ffffff", R.Link: "#6cb6ff", R.LinkVisited: "#c9a0ff",
    }, disabled="#7c7c7c")
