"""The panel a lesson step points at: raised, and outlined by a coloured frame that flashes a few times and
then stays until the step changes. The frame is a transparent child drawn over the panel (mouse clicks
pass through), so no panel's own style is touched."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QDockWidget, QWidget

# where each panel a lesson may point at is: its dock (shown and raised, None for the centre) and its widget
PanelTargets = Mapping[str, tuple[QDockWidget | None, QWidget]]
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
        self._timer = QTimer(self, interval=FLASH_MS)
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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FRAME_COLOUR)
        colour.setAlpha(255 if self.bright else 90)
        painter.setPen(QPen(colour, 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 6, 6)


class Highlighter:
    """Keeps at most one frame on screen."""

    def __init__(self, targets: PanelTargets) -> None:
        self.targets = targets
        self.frame: HighlightFrame | None = None
        self.panel: str | None = None

    def show(self, panel: str | None) -> None:
        self.clear()
        if panel is None or panel not in self.targets:
            return
        dock, widget = self.targets[panel]
        if dock is not None:
            dock.show()
            dock.raise_()
        self.panel = panel
        self.frame = HighlightFrame(widget if dock is None else dock)  # a dock is outlined whole, with its title
        self.frame.flash()

    def clear(self) -> None:
        if self.frame is not None:
            self.frame.target.removeEventFilter(self.frame)
            self.frame.hide()
            self.frame.deleteLater()
        self.frame = None
        self.panel = None
