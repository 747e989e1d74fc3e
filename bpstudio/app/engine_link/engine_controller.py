"""The engine runs in a worker thread; the window talks to it only through this controller.

``EngineWorker`` lives in a ``QThread`` and owns the ``Stepper``. The controller (GUI thread)
sends it ``Command``s through a queued signal and receives ``EngineResult``s holding
immutable snapshots (read-only copies). Refreshes are throttled: when results arrive faster
than the screen needs, only the latest is shown. A synchronous mode (no thread) makes tests
deterministic; the threaded path is tested separately.
"""

from __future__ import annotations

import itertools
import sys
import time
from typing import Any

from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop, QObject, QThread, QTimer, Signal, Slot

from bpstudio.engine import Project
from bpstudio.engine.decision_field import DecisionField
from bpstudio.engine.run_settings import RUNNING, RunSettings, RunStatus
from bpstudio.engine.training_log import TrainingLog
from bpstudio.session.commands import CancelMark, Command, EngineResult, RunProgress

from .engine_worker import KEPT_ENGINES, EngineWorker

__all__ = ["CancelMark", "Command", "EngineController", "EngineResult", "EngineWorker", "KEPT_ENGINES"]
MIN_REFRESH_INTERVAL = 0.016  # s: at most ~60 refreshes a second
BEAT_MS = 20  # the window's heartbeat for the engine thread (see EngineWorker: a late beat makes a run wait)
_RUNNING: set[QThread] = set()  # engine threads not yet shut down (tests check none is left)


def running_engine_threads() -> int:
    return sum(1 for t in _RUNNING if t.isRunning())


class EngineController(QObject):
    """GUI-thread handle on the engine: commands in, throttled results out."""

    stateChanged = Signal(object)  # EngineResult, the latest
    errorOccurred = Signal(str)
    busyChanged = Signal(bool)
    runStatusChanged = Signal(object)  # RunStatus, at once (not throttled)
    logChanged = Signal()  # rows were added to (or the log was restarted in) ``log``
    gradcheckReady = Signal(object, str)  # GradCheckResult, what was checked
    exportReady = Signal(str, object)  # what ("example", "torch", "state"), the text or the ProjectState
    _submit = Signal(object)  # Command → worker (queued across threads)

    def __init__(self, project: Project, threaded: bool = True, parent: QObject | None = None,
                 start: bool = True) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self.tokens = itertools.count(1)  # names for engines kept by undoable edits
        self._pending: set[int] = set()
        self._cancel = CancelMark()
        self._last_ident = 0
        self._worker = EngineWorker(project, self._cancel)  # may raise for an invalid project
        self._thread: QThread | None = None
        self.threaded = threaded
        if threaded:
            self._thread = QThread()
            self._thread.setObjectName("bpstudio-engine")
            self._worker.moveToThread(self._thread)
            # the worker's Python code holds the GIL for up to the switch interval at a time; 1 ms
            # instead of 5 keeps the window's event loop from waiting behind it
            sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
            self._thread.start()
            # Python code in both threads takes turns on one interpreter lock, and every call between
            # Qt and Python in the window hands it over: a run's fast iterations, pure Python, would win
            # nearly every turn. The window beats every few ms; when the beat is late, the run waits.
            self._beat_timer = QTimer(self)
            self._beat_timer.setInterval(BEAT_MS)
            self._beat_timer.timeout.connect(self._beat)
            self._beat_timer.start()
            self._beat()
            # and while the window's event loop is handling events, a run waits: the window then works at
            # full speed, in short bursts, and the run trains while the window sleeps (awake comes before
            # posted events, such as paints; timers fire after aboutToBlock, so their handlers mark_busy)
            self._dispatcher = QAbstractEventDispatcher.instance(QThread.currentThread())
            if self._dispatcher is not None:
                self._dispatcher.awake.connect(self._awake)
                self._dispatcher.aboutToBlock.connect(self._about_to_block)
        self._submit.connect(self._worker.execute)
        self._worker.resultReady.connect(self._on_result)
        self._worker.progressReady.connect(self._on_progress)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)
        self._latest: EngineResult | None = None
        self.log = TrainingLog(project.network.depth)  # the window's copy, rows added as results arrive
        self.field: DecisionField | None = None
        self.run_status = RunStatus()
        self._shown_ident = 0
        self._queued: EngineResult | None = None
        self._last_emit = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        if start:  # a listener connected later asks with send("snapshot") (in synchronous mode it must)
            self.send("snapshot")

    # ----- commands ---------------------------------------------------------------------
    def send(self, name: str, *args: Any) -> int:
        ident = next(self._ids)
        self._last_ident = ident
        self._pending.add(ident)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self._submit.emit(Command(name, args, ident))
        return ident

    def step(self) -> int:
        return self.send("step")

    def step_forward_layer(self) -> int:
        return self.send("forward_layer")

    def step_backward_layer(self) -> int:
        return self.send("backward_layer")

    def step_back(self) -> int:
        return self.send("step_back")

    def finish_iteration(self) -> int:
        return self.send("finish_iteration")

    def goto(self, position: int) -> int:
        return self.send("goto", position)

    def reset(self) -> int:
        return self.send("reset")

    def set_parameter(self, layer: int, name: str, index: tuple[int, int], value: float) -> int:
        return self.send("set_parameter", layer, name, tuple(index), float(value))

    def set_project(self, project: Project, save_as: int | None = None, restore: int | None = None) -> int:
        """Switch to ``project``; keep the current engine under ``save_as``; return to the engine kept
        under ``restore`` if it is still there (see ProjectEditCommand)."""
        return self.send("set_project", project, save_as, restore)

    def run_iterations(self, count: int) -> int:
        return self.send("run_iterations", count)

    def run(self, settings: RunSettings, resume: bool = False) -> int:
        """Train toward ``settings.goal``; ``resume`` goes on with a paused run's goal."""
        return self.send("run", settings, resume)

    def pause(self) -> int:
        """Halt the run at the next stage boundary; it can be resumed."""
        self._cancel.pause = True  # interrupts the slice being trained now, not only the next one
        return self.send("pause")

    def stop(self) -> int:
        self._cancel.pause = True
        return self.send("stop")

    def set_speed(self, speed: int) -> int:
        return self.send("speed", speed)

    def gradcheck(self) -> int:
        return self.send("gradcheck")

    def fetch(self, what: str, timeout: float = 10.0) -> object | None:
        """Ask the engine for an export and wait for it (a save needs the engine's state now). None when
        the engine does not answer in time or fails."""
        got: list = []

        def take(kind: str, value: object) -> None:
            if kind == what:
                got.append(value)

        self.exportReady.connect(take)
        try:
            ident = self.send("export", what)
            if self.threaded and not got:
                # a GUI-thread timer watches for the answer (or the command's end, or the time limit): the
                # worker's own signals would run a plain function in the worker's thread
                loop, check, deadline = QEventLoop(), QTimer(), time.perf_counter() + timeout
                check.setInterval(5)
                check.timeout.connect(lambda: loop.quit() if got or ident not in self._pending
                                      or time.perf_counter() > deadline else None)
                check.start()
                loop.exec()
                check.stop()
        finally:
            self.exportReady.disconnect(take)
        return got[0] if got else None

    @property
    def running(self) -> bool:
        return self.run_status.state == RUNNING

    def cancel(self) -> None:
        """Stop what runs and what is queued, at the next stage or iteration boundary; commands sent
        after this are not affected."""
        self._cancel.upto = self._last_ident

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def latest(self) -> EngineResult | None:
        """The newest result received (it may not have been shown yet)."""
        return self._latest

    def shutdown(self) -> None:
        """Stop the worker cleanly: cancel what runs, drop what is queued, join the thread."""
        self._cancel.upto = 1 << 62
        self._timer.stop()
        if self._thread is not None:
            self._beat_timer.stop()
            if self._dispatcher is not None:
                self._dispatcher.awake.disconnect(self._awake)
                self._dispatcher.aboutToBlock.disconnect(self._about_to_block)
            self._cancel.gui_busy = False
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            _RUNNING.discard(self._thread)
            self._thread = None
        self._worker.close()

    @Slot()
    def _beat(self) -> None:
        self._cancel.heartbeat = time.perf_counter()

    @Slot()
    def _awake(self) -> None:
        self._cancel.gui_busy = True

    def mark_busy(self) -> None:
        """Called by the window's timer-driven work: timers fire after the event loop has said it is
        about to block, so they would count as idle; the next pass's paint events are covered too."""
        self._cancel.gui_busy = True

    @Slot()
    def _about_to_block(self) -> None:
        self._cancel.gui_busy = False

    # ----- results ----------------------------------------------------------------------
    @Slot(object)
    def _on_progress(self, progress: RunProgress) -> None:
        self._absorb(self.log.layers, progress.log_reset, progress.log_rows, progress.field, progress.run)

    def _absorb(self, depth: int, reset: bool, rows, field: DecisionField | None, run: RunStatus) -> None:
        """Every report's log rows and run status count, even when its refresh is coalesced away."""
        if reset or depth != self.log.layers:
            self.log.reset(depth)
        if rows is not None and len(rows):
            self.log.append(rows)
        if reset or (rows is not None and len(rows)):
            self.logChanged.emit()
        self.field = field
        if run != self.run_status:
            self.run_status = run
            self.runStatusChanged.emit(run)

    @Slot(object)
    def _on_result(self, result: EngineResult) -> None:
        self._latest = result
        self._absorb(result.project.network.depth, result.log_reset, result.log_rows, result.field, result.run)
        if result.gradcheck is not None:
            self.gradcheckReady.emit(result.gradcheck, result.gradcheck_where)
        if result.exported is not None:
            self.exportReady.emit(*result.exported)
        if not self.threaded:
            self._emit(result)
            return
        wait = MIN_REFRESH_INTERVAL - (time.perf_counter() - self._last_emit)
        if wait <= 0 and not self._timer.isActive():
            self._emit(result)
        else:  # coalesce: show only the newest when the interval has passed
            self._queued = result
            if not self._timer.isActive():
                self._timer.start(max(1, int(wait * 1000)))

    @Slot()
    def _flush(self) -> None:
        if self._queued is not None:
            result, self._queued = self._queued, None
            self._emit(result)

    def _emit(self, result: EngineResult) -> None:
        self._last_emit = time.perf_counter()
        self._shown_ident = result.ident
        self.stateChanged.emit(result)

    @Slot(str, int)
    def _on_failed(self, message: str, ident: int) -> None:
        self.errorOccurred.emit(message)

    @Slot(int)
    def _on_finished(self, ident: int) -> None:
        self._pending.discard(ident)
        if not self._pending:
            self._flush()  # the last state is shown without waiting for the timer
            self.busyChanged.emit(False)
