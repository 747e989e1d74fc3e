"""The panel a lesson step points at: raised, and outlined by a coloured frame that flashes a few times and
then stays until the step changes. The frame is a transparent child drawn over the panel (mouse clicks
pass through), so no panel's own style is touched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from bpstudio.app.window.main_window import MainWindow

FRAME_COLOUR = QColor(255, 140, 0)  # the orange the panels use for "just computed", stronger
FLASHES = 3
FLASH_MS = 220


class HighlightFrame(QWidget):
    """A thick rounded frame over ``target``, following its size."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("lessonHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target = target
        self.bright = True
        self._flashes_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._flash)
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.target and event.type() in (QEvent.Type.Resize, QEvent.Type.Show,
                                                         QEvent.Type.ChildAdded):
            self.setGeometry(self.target.rect())
            self.raise_()
        return False

    def flash(self) -> None:
        self._flashes_left = 2 * FLASHES
        self.bright = True
        self._timer.start()
        self.show()
        self.raise_()

    def _flash(self) -> None:
        self._flashes_left -= 1
        self.bright = not self.bright
        if self._flashes_left <= 0:
            self.bright = True
            self._timer.stop()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FRAME_COLOUR)
        colour.setAlpha(255 if self.bright else 90)
        pen = QPen(colour, 4)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 6, 6)


def panel_target(window: MainWindow, panel: str) -> tuple[QDockWidget | None, QWidget | None]:
    """The dock (to show and raise) and the widget to outline for a lesson's highlight id."""
    t = getattr(window, "training", None)
    docks: dict[str, QDockWidget | None] = {
        "equations": window.equation_dock,
        "stages": window.stage_dock,
        "form": window.form_dock,
        "data": window.data_source_dock,
        "parameter": window.parameter_dock,
        "training": getattr(t, "run_dock", None),
        "plots": getattr(t, "loss_dock", None),
        "gradients": getattr(t, "gradient_dock", None),
        "decision": getattr(t, "data_dock", None),
    }
    if panel == "network":
        return None, window.canvas
    if panel == "matrices":
        return None, window.matrices
    dock = docks.get(panel)
    return dock, dock


class Highlighter:
    """Keeps at most one frame on screen."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.frame: HighlightFrame | None = None
        self.panel: str | None = None

    def show(self, panel: str | None) -> None:
        self.clear()
        if panel is None:
            return
        dock, widget = panel_target(self.window, panel)
        if widget is None:
            return
        if dock is not None:
            dock.show()
            dock.raise_()
        self.panel = panel
        self.frame = HighlightFrame(widget)
        self.frame.flash()

    def clear(self) -> None:
        if self.frame is not None:
            self.frame.target.removeEventFilter(self.frame)
            self.frame.hide()
            self.frame.deleteLater()
        self.frame = None
        self.panel = None
