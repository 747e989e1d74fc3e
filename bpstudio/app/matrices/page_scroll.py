"""The matrix pages in a scroll area that asks for their whole height where the screen has room: at the default
size a small matrix (a 4 × 4 z²) shows whole, without a scroll bar; on a small screen (1024 × 768) the boxes
scroll rather than making the window taller than the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import fill

SCREEN_SHARE = 0.4  # at most this share of the screen's height is asked for, on a screen TALL or taller;
SMALL_SHARE, TALL = 0.2, 880  # on a smaller one (1280 × 800, 1024 × 768) everything else needs its room


class PageScroll(QScrollArea):
    def __init__(self, pages: QWidget) -> None:
        super().__init__(widgetResizable=True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        holder = _AtLeastMinimum()
        fill(QVBoxLayout(holder), pages, margins=(0, 0, 0, 0))
        self.setWidget(holder)
        self._hint = QSize()
        holder.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint, pages = super().minimumSizeHint(), self.widget()
        screen = self.screen()
        if pages is None or screen is None:
            return hint
        height = screen.availableGeometry().height()
        room = int(height * (SCREEN_SHARE if height >= TALL else SMALL_SHARE))
        return QSize(hint.width(), max(hint.height(), min(pages.minimumSizeHint().height(), room)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:  # other boxes, other sizes?
            hint = self.minimumSizeHint()
            if hint != self._hint:  # only then: the centre and the window would be laid out again for nothing
                self._hint = hint
                self.updateGeometry()
        return super().eventFilter(watched, event)


class _AtLeastMinimum(QWidget):
    """As tall as the viewport, or its minimum where that is taller: never the (taller) preferred height the
    scroll area would take from the boxes' wrapped placeholders — that would scroll for nothing."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return -1
