"""When the window's views draw a new state, so that drawing never holds the event loop (or the engine) for long.

Each costly view renders in an event-loop slice of its own, apart from the paint it causes; results that arrive
meanwhile restart the round. How often results arrive is decided once, by the session's throttle.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget

from bpstudio.session.view_state import ViewState


class StateView(Protocol):
    def set_state(self, state: ViewState) -> None: ...


class RenderSlices(QObject):
    """Renders a state into the views, one group of views per event-loop slice (or all at once). A new project's
    form decides the width of its dock once it shows (the dock keeps the minimum it first measured)."""

    sliceRendered = Signal(object)  # noqa: N815 - Qt's naming: the views (a list) that have just drawn

    def __init__(self, views: Sequence[StateView], slices: Sequence[Sequence[StateView]], form_dock: QDockWidget,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.views, self.slices, self.form_dock = views, slices, form_dock
        self.fit_pending = False  # a new project: fit the form's dock once the form has shown it
        self._queue: list[Sequence[StateView]] = []
        self._state: ViewState | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._next)

    @property
    def pending(self) -> bool:
        return bool(self._queue)

    def start(self, state: ViewState) -> None:
        self._state = state
        self._queue = list(self.slices)
        self._timer.start()

    def render_all(self, state: ViewState) -> None:
        """Every view at once (synchronous mode, and a layer chosen by the user)."""
        self._timer.stop()
        self._queue = []
        for view in self.views:
            view.set_state(state)
        self._fit_after(self.views)

    @Slot()
    def _next(self) -> None:
        if self._queue and self._state is not None:
            views = self._queue.pop(0)
            for view in views:
                view.set_state(self._state)
            self._fit_after(views)
            self.sliceRendered.emit(views)
        if self._queue:
            self._timer.start()

    def _fit_after(self, views: Sequence[StateView]) -> None:
        if self.fit_pending and self.form_dock.widget() in views:
            self.fit_pending = False
            QTimer.singleShot(0, self, self._fit_form_dock)  # after the form's own layout has settled

    @Slot()
    def _fit_form_dock(self) -> None:  # its fields decide the dock's width (no side scroll bar)
        self.form_dock.setMinimumWidth(self.form_dock.widget().minimumSizeHint().width() + 4)
