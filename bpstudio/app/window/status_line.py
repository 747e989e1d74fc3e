"""The status bar's line: where the iteration is, what Back and the layer keys can do now, and whether the engine
is computing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from bpstudio.session.status_texts import where_text
from bpstudio.session.view_state import ViewState

from .window_layout import status_labels


class StatusLine(QObject):
    def __init__(self, window: QMainWindow, back: QAction, previous_layer: QAction, next_layer: QAction,
                 stop: QAction, running: Callable[[], bool], precision: Callable[[], int]) -> None:
        super().__init__(window)
        self.where, self.busy_label = status_labels(window)
        self._back, self._previous, self._next, self._stop = back, previous_layer, next_layer, stop
        self._running, self._precision = running, precision

    def show(self, state: ViewState) -> None:
        self.where.setText(where_text(state, self._precision()))
        self._back.setEnabled(state.can_step_back)
        self._previous.setEnabled(state.layer > 1)
        self._next.setEnabled(state.layer < state.depth)

    @Slot(bool)
    def busy_changed(self, busy: bool) -> None:
        self._stop.setEnabled(busy or self._running())
        self.busy_label.setText(self.tr("computing…") if busy else "")
