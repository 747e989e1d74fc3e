"""Docks stacked as tabs show their whole titles: Qt elides them to fit ("Gradient …" for both Gradient size and
Gradient flow), which leaves a learner guessing; whole titles scroll with the tab bar's arrows instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QTabBar


class WholeTabTitles(QObject):
    """Watches the window for the tab bars Qt makes when docks are stacked (it makes them when needed, eliding)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._soon = QTimer(self, singleShot=True, interval=0)  # after Qt has set a new bar up (eliding)
        self._soon.timeout.connect(self.apply)
        window.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # (the child itself is not looked at: when it is added it is not yet built, not yet a QTabBar)
        if event.type() == QEvent.Type.ChildAdded:
            self._soon.start()
        return False

    def apply(self) -> None:
        for bar in self._window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if bar.elideMode() != Qt.TextElideMode.ElideNone:
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)
