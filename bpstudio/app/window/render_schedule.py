"""When the window's views draw a new state, so that drawing never holds the event loop (or the engine) for long.

Each costly view renders in an event-loop slice of its own, apart from the paint it causes; a view that offers
``state_steps`` (the matrix panel: one box at a time) renders over several. A result that arrives meanwhile does
not start the round again: the groups take turns, each drawing the newest state when its turn comes, so every
view keeps up however fast results come. How often they come is decided once, by the session's throttle.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
        self._stale: list[bool] = [False] * len(slices)  # per slice group: a newer state to draw
        self._group = -1  # the group drawing now (or last), by index into ``slices``
        self._steps_left: Iterator[None] | None = None  # its steps still to take
        self._stepped = False
        self._painted = True  # the last slice has had an event-loop turn of its own to paint (see _turn)
        self._state: ViewState | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._turn)

    @property
    def pending(self) -> bool:
        return self._steps_left is not None or any(self._stale)

    def start(self, state: ViewState, stepped: bool = False) -> None:
        """Render ``state``, a group of views per slice; ``stepped``: a view that offers steps takes a slice per
        step (shorter slices, a later end: for the states of a run)."""
        self._state, self._stepped = state, stepped
        if not self.pending:
            self._group = -1  # a new round starts with the first group (the matrix panel)
        self._stale = [True] * len(self.slices)
        self._timer.start()

    def render_all(self, state: ViewState) -> None:
        """Every view at once (synchronous mode, and a layer chosen by the user)."""
        self._timer.stop()
        self._stale, self._steps_left = [False] * len(self.slices), None
        for view in self.views:
            view.set_state(state)
        self._fit_after(self.views)

    @Slot()
    def _turn(self) -> None:
        """The next slice; in a run's round, after a turn of the event loop of its own for the paint (and the
        layout) the last slice asked for: else the network scene's next update would paint every view made dirty
        since, in one event (on the spiral: 11 ms, the tables with the canvas, where the canvas alone takes 6)."""
        if self._painted:
            self._next()
        elif self.pending:
            self._painted = True
            self._timer.start()

    def _next(self) -> None:
        if not self.pending:
            return
        self._painted = not self._stepped  # a step the user takes is drawn soonest, its paints together
        try:
            if self._steps_left is None:  # the next group with a newer state, in turn
                n = len(self.slices)
                self._group = next(g % n for g in range(self._group + 1, self._group + 1 + n) if self._stale[g % n])
                self._stale[self._group] = False
                assert self._state is not None
                self._steps_left = self._steps(self.slices[self._group], self._state, self._stepped)
            if next(self._steps_left, True):  # that group is done
                self._steps_left = None
                views = self.slices[self._group]
                self._fit_after(views)
                self.sliceRendered.emit(views)
        except Exception:
            self._steps_left = None  # a view that failed does not hold the others up (the error is shown)
            raise
        finally:
            if self.pending:
                self._timer.start()

    @staticmethod
    def _steps(views: Sequence[StateView], state: ViewState, stepped: bool) -> Iterator[None]:
        """The views' rendering as steps: one for the whole group, and one per piece of a view that offers
        ``state_steps(state)`` (``set_state`` in pieces, each small enough to draw in one slice)."""
        for view in views:
            steps = getattr(view, "state_steps", None) if stepped else None
            if steps is None:
                view.set_state(state)
            else:
                yield from steps(state)

    def _fit_after(self, views: Sequence[StateView]) -> None:
        if self.fit_pending and self.form_dock.widget() in views:
            self.fit_pending = False
            QTimer.singleShot(0, self, self._fit_form_dock)  # after the form's own layout has settled

    @Slot()
    def _fit_form_dock(self) -> None:  # its fields decide the dock's width (no side scroll bar)
        self.form_dock.setMinimumWidth(self.form_dock.widget().minimumSizeHint().width() + 4)
