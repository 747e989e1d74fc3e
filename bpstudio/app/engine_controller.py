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
import traceback
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from ..engine import BPStudioError, Project, Snapshot, Stepper
from ..engine.stages import BACKWARD, FORWARD

MIN_REFRESH_INTERVAL = 0.016  # s: at most ~60 refreshes a second
KEPT_ENGINES = 16  # engines kept so that undoing an edit returns to exactly where it was
_RUNNING: set[QThread] = set()  # engine threads not yet shut down (tests check none is left)


def running_engine_threads() -> int:
    return sum(1 for t in _RUNNING if t.isRunning())


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[Any, ...] = ()
    ident: int = 0


@dataclass(frozen=True)
class EngineResult:
    project: Project
    snapshot: Snapshot
    can_step_back: bool
    command: str
    ident: int
    batches_per_epoch: int = 1
    info: str = ""  # a note for the status bar (e.g. "stopped after 120 iterations")
    stages: tuple[str, ...] = field(default_factory=tuple)


class CancelMark:
    """Commands numbered up to ``upto`` are cancelled. Written by the GUI thread, read by the worker
    (an int assignment is atomic); a command sent after Esc is not affected, unlike a shared flag
    that the next command would have to clear."""

    def __init__(self) -> None:
        self.upto = 0


def _tr(text: str) -> str:
    return QCoreApplication.translate("EngineController", text)


class EngineWorker(QObject):
    """Owns the engine. Every slot runs in the worker thread (or inline in synchronous mode)."""

    resultReady = Signal(object)  # EngineResult
    failed = Signal(str, int)  # message, command ident
    finished = Signal(int)  # command ident, after resultReady or failed

    def __init__(self, project: Project, cancel: CancelMark) -> None:
        super().__init__()
        self._project = project
        self._stepper: Stepper = project.stepper()
        self._cancel = cancel
        self._ident = 0  # the command being run
        self._kept: dict[int, tuple[Project, Stepper]] = {}  # engines left by edits, for undo/redo

    def _stopped(self) -> bool:
        return self._cancel.upto >= self._ident

    @Slot(object)
    def execute(self, cmd: Command) -> None:
        self._ident = cmd.ident
        try:
            info = self._run(cmd)
            self.resultReady.emit(self._result(cmd, info))
        except BPStudioError as exc:
            self.failed.emit(str(exc), cmd.ident)
        except MemoryError:
            self.failed.emit(_tr("Not enough memory for this network and data; nothing was changed."), cmd.ident)
        except Exception as exc:  # noqa: BLE001 - a bug must reach the user as a message, not kill the thread
            traceback.print_exc()
            self.failed.emit(_tr("Internal error in the engine: {error}").format(error=f"{type(exc).__name__}: {exc}"),
                             cmd.ident)
        finally:
            self.finished.emit(cmd.ident)

    def _result(self, cmd: Command, info: str) -> EngineResult:
        s = self._stepper
        return EngineResult(self._project, s.snapshot(), s.can_step_back, cmd.name, cmd.ident,
                            s.batches_per_epoch, info, tuple(st.name for st in s.stages))

    def _run(self, cmd: Command) -> str:
        s = self._stepper
        name, args = cmd.name, cmd.args
        if name == "snapshot":
            return ""
        if name == "step":
            s.step()
        elif name in ("forward_layer", "backward_layer"):
            kind = FORWARD if name == "forward_layer" else BACKWARD
            while True:  # run to the end of the next stage of that kind
                snap = s.step()
                assert snap.stage is not None
                if snap.stage.kind == kind or self._stopped():
                    break
        elif name == "step_back":
            s.step_back()
        elif name == "finish_iteration":  # stage by stage, so Esc (and closing) can stop it between stages
            s.step()
            while not s.complete and not self._stopped():
                s.step()
        elif name == "goto":  # a stage of the current iteration, by position
            (target,) = args
            pos = s.snapshot().position
            while pos > target and s.can_step_back:
                pos = s.step_back().position
            while pos < target and not self._stopped():
                pos = s.step().position
        elif name == "reset":
            s.reset()
        elif name == "set_parameter":
            layer, pname, index, value = args
            s.set_parameter(layer, pname, index, value)
        elif name == "set_project":
            project, save_as, restore = args
            self._set_project(project, save_as, restore)
        elif name == "run_iterations":
            (count,) = args
            done = s.run_iterations(count, should_stop=self._stopped)
            if done < count:
                return _tr("Stopped after {n} iteration(s).").format(n=done)
        else:
            raise BPStudioError(f"unknown command {name!r}")
        return ""

    def _set_project(self, project: Project, save_as: int | None = None, restore: int | None = None) -> None:
        """Switch to ``project``: to the engine kept under ``restore`` if there is one (undo and redo
        return to exact states), else to a new one. The new engine is built first, so an invalid
        project leaves the current one untouched. The current engine is kept under ``save_as``."""
        kept = self._kept.pop(restore, None) if restore is not None else None
        if kept is not None and kept[0] is project:
            stepper = kept[1]
        else:
            old, stepper = self._project, project.stepper()
            same_start = (project.network == old.network and project.init == old.init
                          and project.data == old.data and _same_parameters(project, old)
                          and project.training.seed == old.training.seed)  # a new seed: new random weights
            if same_start:  # only training settings changed: carry on from the current weights
                stepper.replace_parameters(self._stepper.parameters)
        if save_as is not None:
            self._kept[save_as] = (self._project, self._stepper)
            while len(self._kept) > KEPT_ENGINES:  # the oldest undo steps fall back to rebuilding
                self._kept.pop(next(iter(self._kept)))
        self._project, self._stepper = project, stepper


def _same_parameters(a: Project, b: Project) -> bool:
    if a.parameters is None or b.parameters is None:
        return a.parameters is b.parameters
    return all((Wa == Wb).all() and (ba == bb).all()
               for (Wa, ba), (Wb, bb) in zip(a.parameters, b.parameters, strict=True))


class EngineController(QObject):
    """GUI-thread handle on the engine: commands in, throttled results out."""

    stateChanged = Signal(object)  # EngineResult, the latest
    errorOccurred = Signal(str)
    busyChanged = Signal(bool)
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
            _RUNNING.add(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.resultReady.connect(self._on_result)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)
        self._latest: EngineResult | None = None
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
            self._thread.quit()
            self._thread.wait()
            _RUNNING.discard(self._thread)
            self._thread = None

    # ----- results ----------------------------------------------------------------------
    @Slot(object)
    def _on_result(self, result: EngineResult) -> None:
        self._latest = result
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
