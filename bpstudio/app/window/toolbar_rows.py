"""The toolbars in as many rows as the window's width needs: on a small screen (1024 × 768) or in presentation
mode a toolbar that does not fit beside the others starts a new row, so no toolbar hides its buttons behind "»".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QMainWindow, QToolBar

from bpstudio.app.look import presentation


class ToolbarRows(QObject):
    """Keeps ``bars`` (in their order along the top) in rows that fit ``w``'s width, after every resize and
    every change of presentation mode."""

    def __init__(self, w: QMainWindow, bars: list[QToolBar]) -> None:
        super().__init__(w)
        self.w, self.bars = w, bars
        self._timer = QTimer(self, singleShot=True, interval=0)  # once the new sizes have settled
        self._timer.timeout.connect(self.arrange)
        w.installEventFilter(self)
        presentation.notifier().changed.connect(self._mode_changed)  # (a method: let go when the window goes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.w and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    @Slot(bool)
    def _mode_changed(self, _on: bool) -> None:
        self._timer.start()

    @Slot()
    def arrange(self) -> None:
        """A break before each toolbar that would not fit in the row so far (and none where it would)."""
        room = self.w.width()
        used = 0
        for bar in self.bars:
            if bar.isHidden():
                continue
            need = bar.sizeHint().width() + 4  # the handle's and the area's margins
            breaks = used > 0 and used + need > room
            if breaks != self.w.toolBarBreak(bar):
                if breaks:
                    self.w.insertToolBarBreak(bar)
                else:
                    self.w.removeToolBarBreak(bar)
            used = need if breaks or used == 0 else used + need

    def rows(self) -> int:
        """How many rows the toolbars take now."""
        return 1 + sum(1 for bar in self.bars if not bar.isHidden() and self.w.toolBarBreak(bar))
