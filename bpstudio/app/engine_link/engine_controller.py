"""The engine runs in a worker thread; the window talks to it only through this controller.

``EngineWorker`` lives in a ``QThread`` and owns the ``StudioSession``: it executes each command that arrives and
sends the reports back as signals; a timer calls the session again when something is due (a held result, a run's
reports). The controller (GUI thread) sends typed commands and passes on the ``EngineResult``s (immutable
snapshots, already throttled: ``session.throttle``). A synchronous mode (no thread) makes tests deterministic."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

from PySide6.QtCore import QEventLoop, QObject, QSocketNotifier, Qt, QThread, QTimer, Signal, Slot

from bpstudio.engine import Project
from bpstudio.engine.decision_field import DecisionField
from bpstudio.engine.run_settings import RUNNING, RunSettings, RunStatus
from bpstudio.engine.training_log import TrainingLog
from bpstudio.session import commands as do
from bpstudio.session.commands import EngineResult
from bpstudio.session.studio_session import StudioSession

__all__ = ["EngineController", "EngineResult", "EngineWorker"]
_RUNNING: set[QThread] = set()  # engine threads not yet shut down (tests check none is left)


def running_engine_threads() -> int:
    return sum(1 for t in _RUNNING if t.isRunning())


class EngineWorker(QObject):
    """Every slot runs in the worker thread (or inline in synchronous mode)."""

    reported = Signal(object)  # EngineResult, RunProgress or Failure
    finished = Signal(int)  # command ident, after its report or failure

    def __init__(self, project: Project, marks: do.CancelMark) -> None:
        super().__init__()
        self.session = StudioSession(project, marks)  # may raise for an invalid project
        self._timer = QTimer(self, singleShot=True)  # a child: it moves to the engine thread with the worker
        self._timer.timeout.connect(self._tick)
        self._reports: QSocketNotifier | None = None  # the run's pipe: its reports wake the engine thread

    @Slot(object)
    def execute(self, cmd: do.Command) -> None:
        self._send(self.session.execute(cmd))
        self.finished.emit(cmd.ident)

    @Slot()
    def _tick(self) -> None:
        self._send(self.session.tick())

    def _send(self, reports: list[do.Report]) -> None:
        for report in reports:
            self.reported.emit(report)
        self._follow(self.session.runs.channel)
        wait = self.session.wake_in()
        if wait is not None:  # (rounded up: a timer due before the deadline would only look for nothing)
            self._timer.start(math.ceil(wait * 1000))

    def _follow(self, channel: int | None) -> None:
        """Wake when the training child reports, rather than look every few ms (200 wake-ups a second took 3 % of
        a core from a full-speed run on 784-128-64-10)."""
        if self._reports is not None and self._reports.socket() != channel:
            self._reports.setEnabled(False)
            self._reports.deleteLater()
            self._reports = None
        if channel is not None and self._reports is None:
            self._reports = QSocketNotifier(channel, QSocketNotifier.Type.Read, self)
            self._reports.activated.connect(self._tick)

    @Slot()
    def stop_timer(self) -> None:
        """In the engine thread as it ends (a timer is stopped in its own thread)."""
        self._timer.stop()
        self._follow(None)


class EngineController(QObject):
    """GUI-thread handle on the engine: commands in, results out."""

    stateChanged = Signal(object)  # EngineResult, the latest
    errorOccurred = Signal(str, int)  # message, ident of the command that failed
    busyChanged = Signal(bool)
    runStatusChanged = Signal(object)  # RunStatus, at once
    logChanged = Signal()  # ``log`` has new rows (or started over), or ``field`` is new
    gradcheckReady = Signal(object, str)  # GradCheckResult, what was checked
    exportReady = Signal(str, object)  # what ("example", "torch", "state"), the text or the ProjectState
    stateTaken = Signal(object, object)  # Project, ProjectState: the answer to take_state (a run goes on)
    _submit = Signal(object)  # Command → worker (queued across threads)
    _look = Signal()  # → worker: look at the run now (Esc: it no longer looks every few ms by itself)

    def __init__(self, project: Project, threaded: bool = True, parent: QObject | None = None,
                 start: bool = True) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self.tokens = itertools.count(1)  # names for engines kept by undoable edits
        self._pending: set[int] = set()
        self._marks = do.CancelMark()
        self._last_ident = 0
        self._worker = EngineWorker(project, self._marks)  # may raise for an invalid project
        self._thread: QThread | None = None
        self.threaded = threaded
        if threaded:
            self._thread = QThread()
            self._thread.setObjectName("bpstudio-engine")
            self._worker.moveToThread(self._thread)
            self._thread.finished.connect(self._worker.stop_timer, Qt.ConnectionType.DirectConnection)
            self._thread.start()
            _RUNNING.add(self._thread)
        self._submit.connect(self._worker.execute)
        self._look.connect(self._worker._tick)
        self._worker.reported.connect(self._on_report)
        self._worker.finished.connect(self._on_finished)
        self.latest: EngineResult | None = None  # the newest result (it may not have been shown yet)
        self._waiting: tuple[int, QEventLoop] | None = None  # (command, loop) fetch() waits in
        self.log = TrainingLog(project.network.depth)  # follows the engine's log (no copy)
        self.field: DecisionField | None = None
        self.run_status = RunStatus()
        if start:  # a listener connected later asks with refresh() (in synchronous mode it must)
            self.refresh()

    # ----- commands ---------------------------------------------------------------------
    def send(self, cmd: do.Command) -> int:
        """Number ``cmd`` and send it to the engine; returns its number."""
        ident = next(self._ids)
        self._last_ident = self._marks.sent = ident
        self._pending.add(ident)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self._submit.emit(replace(cmd, ident=ident))
        return ident

    # one method per command (the commands are in session.commands)
    def refresh(self) -> int: return self.send(do.Refresh())
    def step(self) -> int: return self.send(do.Step())
    def step_forward_layer(self) -> int: return self.send(do.StepForwardLayer())
    def step_backward_layer(self) -> int: return self.send(do.StepBackwardLayer())
    def step_back(self) -> int: return self.send(do.StepBack())
    def finish_iteration(self) -> int: return self.send(do.FinishIteration())
    def goto(self, position: int) -> int: return self.send(do.Goto(position))
    def reset(self) -> int: return self.send(do.Reset())
    def run_iterations(self, count: int) -> int: return self.send(do.RunIterations(count))
    def set_speed(self, speed: int) -> int: return self.send(do.SetSpeed(speed))
    def choose_map_inputs(self, first: int, second: int) -> int: return self.send(do.ChooseMapInputs(first, second))
    def gradcheck(self) -> int: return self.send(do.GradCheck())
    def take_state(self) -> int: return self.send(do.TakeState())  # answered by stateTaken, a run not paused

    def set_parameter(self, layer: int, name: str, index: tuple[int, int], value: float) -> int:
        return self.send(do.SetParameter(layer, name, (int(index[0]), int(index[1])), float(value)))

    def set_project(self, project: Project, save_as: int | None = None, restore: int | None = None,
                    exact: bool = False) -> int:
        """Switch to ``project``; keep the current engine under ``save_as``; return to the engine kept
        under ``restore`` if it is still there (see ProjectEditCommand); ``exact``: a project opened or
        restored, shown exactly as saved (an edit of training settings alone carries on from the weights)."""
        return self.send(do.SetProject(project, save_as, restore, exact))

    def run(self, settings: RunSettings, resume: bool = False) -> int:
        """Train toward ``settings.goal``; ``resume`` goes on with a paused run's goal."""
        return self.send(do.Run(settings, resume))

    def pause(self) -> int: return self.send(do.Pause())  # at the next stage boundary; it can be resumed
    def stop(self) -> int: return self.send(do.Stop())

    def export(self, what: str, fmt: str = "md", digits: int = 4, notation: str = "column", entry: str = "",
               sample: int = 0) -> int:
        return self.send(do.Export(what, fmt, digits, notation, entry, sample))

    def fetch(self, what: str, timeout: float = 10.0) -> object | None:
        """Ask the engine for an export and wait for it (a save needs the engine's state now). None when
        the engine does not answer in time or fails."""
        ident = self.export(what)
        if ident in self._pending:  # (threaded) this event loop takes the answer and quits when it is done
            loop = QEventLoop()
            self._waiting = (ident, loop)
            QTimer.singleShot(round(timeout * 1000), loop.quit)
            loop.exec()
            self._waiting = None
        answer = self.latest.answer if self.latest is not None and self.latest.ident == ident else None
        return answer.value if isinstance(answer, do.Exported) else None

    @property
    def running(self) -> bool:
        return self.run_status.state == RUNNING

    def cancel(self) -> None:
        """Stop what runs and what is queued, at the next stage or iteration boundary; commands sent
        after this are not affected."""
        self._marks.upto = self._last_ident
        self._look.emit()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Stop the worker cleanly: cancel what runs, drop what is queued, join the thread."""
        self._marks.upto = 1 << 62
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            _RUNNING.discard(self._thread)
            self._thread = None
        else:
            self._worker.stop_timer()  # (the engine thread does it as it ends) no pipe watched once it is closed
        self._worker.session.close()  # the run's process (this thread, now that the worker's has stopped)

    # ----- reports ----------------------------------------------------------------------
    @Slot(object)
    def _on_report(self, report: do.Report) -> None:
        if isinstance(report, do.Failure):
            self.errorOccurred.emit(report.message, report.ident)
            return
        if isinstance(report, do.StateTaken):
            self.stateTaken.emit(report.project, report.state)
            return
        assert isinstance(report, (EngineResult, do.RunProgress))
        changed = report.field is not self.field or (report.log is not None and report.log is not self.log.view)
        if report.log is not None:
            self.log.follow(report.log)
        self.field = report.field
        if report.run != self.run_status:
            self.run_status = report.run
            self.runStatusChanged.emit(report.run)
        if isinstance(report, EngineResult):
            self.latest = report
            if isinstance(report.answer, do.GradCheckAnswer):
                self.gradcheckReady.emit(report.answer.result, report.answer.where)
            elif isinstance(report.answer, do.Exported):
                self.exportReady.emit(report.answer.what, report.answer.value)
            self.stateChanged.emit(report)
        if changed:  # after the state: the views know the project the rows and the field belong to
            self.logChanged.emit()

    @Slot(int)
    def _on_finished(self, ident: int) -> None:
        self._pending.discard(ident)
        if self._waiting is not None and self._waiting[0] == ident:
            self._waiting[1].quit()
        if not self._pending:
            self.busyChanged.emit(False)
