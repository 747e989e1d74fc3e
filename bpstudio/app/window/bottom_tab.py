"""A dock that opens as a tab of the plots along the bottom: hidden until asked for, so nothing moves before; the
first time it shows, it joins the Loss and accuracy tabs (unless the user put it elsewhere), comes in front, and the
bottom row grows to GROWN of the window's height (a graph or a program needs the width and the room)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow

from .window_layout import BOTTOM

BESIDE = "lossDock"
GROWN = 0.38  # of the window's height


class BottomTab(QObject):
    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.window, self.dock = window, dock
        self._placed = False
        window.addDockWidget(BOTTOM, dock)
        dock.hide()
        dock.visibilityChanged.connect(self._shown)

    @Slot(bool)
    def _shown(self, visible: bool) -> None:
        if not visible or self._placed:
            return
        self._placed = True
        w, beside = self.window, self.window.findChild(QDockWidget, BESIDE)
        if beside is None or self.dock.isFloating() or w.dockWidgetArea(self.dock) != BOTTOM:
            return
        if not w.tabifiedDockWidgets(self.dock):
            w.tabifyDockWidget(beside, self.dock)
        self.dock.raise_()
        QTimer.singleShot(0, self, self._grow)  # once the tab has its place

    @Slot()
    def _grow(self) -> None:
        w = self.window
        w.resizeDocks([self.dock], [max(self.dock.height(), int(w.height() * GROWN))], Qt.Orientation.Vertical)
