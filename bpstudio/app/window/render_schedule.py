"""When the window's views draw a new state, so that drawing never holds the event loop (or the engine) for long.

Each costly view renders in an event-loop slice of its own, apart from the paint it causes; results that arrive
meanwhile restart the round. While a run goes, the panels follow a few times a second: each render holds the
interpreter for milliseconds that the engine thread would otherwise train in (the plots keep 30 a second).
Timer-driven work calls ``mark_busy`` (the engine controller's): the engine yields to the window meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget

from bpstudio.engine.run_settings import RUNNING
from bpstudio.session.commands import EngineResult
from bpstudio.session.view_state import ViewState


class StateView(Protocol):
    def set_state(self, state: ViewState) -> None: ...


class RenderSlices(QObject):
    """Renders a state into the views, one group of views per event-loop slice (or all at once). A new project's
    form decides the width of its dock once it shows (the dock keeps the minimum it first measured)."""

    sliceRendered = Signal(object)  # noqa: N815 - Qt's naming: the views (a list) that have just drawn

    def __init__(self, views: Sequence[StateView], slices: Sequence[Sequence[StateView]], form_dock: QDockWidget,
                 mark_busy: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.views = views
        self.slices = slices
        self.form_dock = form_dock
        self.mark_busy = mark_busy
        self.fit_pending = False  # a new project: fit the form's dock once the form has shown it
        self._queue: list[Sequence[StateView]] = []
        self._state: ViewState | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
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
        self.mark_busy()
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


class RunThrottle(QObject):
    """Passes results on (``due``), but those of a running training only an interval after the last one (the
    newest held comes out when the interval is over); ``interval`` in ms, 0: every one."""

    due = Signal(object)  # EngineResult

    def __init__(self, interval: Callable[[], int], mark_busy: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.interval = interval
        self.mark_busy = mark_busy
        self._held: EngineResult | None = None
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._release)

    @Slot(object)
    def offer(self, result: EngineResult) -> None:
        interval = self.interval()
        if result.command == "run_tick" and result.run.state == RUNNING and interval:
            wait = interval - (time.perf_counter() - self._last) * 1000
            if wait > 0:  # shown a moment ago: the newest is shown when the interval is over
                self._held = result
                if not self._timer.isActive():
                    self._timer.start(int(wait))
                return
            self._last = time.perf_counter()
        self._held = None
        self.due.emit(result)

    @Slot()
    def _release(self) -> None:
        self.mark_busy()
        self._last = time.perf_counter()
        if self._held is not None:
            result, self._held = self._held, None
            self.due.emit(result)
