"""A training run in a process of its own, at every speed.

In one process, Python code takes turns on one interpreter lock: a run of small iterations (pure Python
between tiny NumPy calls) and the window's drawing (Python too) slow each other down. A child process has
its own interpreter, so the run keeps a core and the window the other. The child runs the same
``TrainingRun`` on a ``Stepper`` restored to the parent's state, so its numbers are bit-identical; it paces
itself by the speed (waiting between slices, answering messages meanwhile) and after each slice sends the
log rows and decision field it has made, with its state when the slice is one the screen shows or the parent
asked for one (see ``throttle``). At the end it hands back the state with the last iteration's stages, for
stepping back. Messages are frozen records through a ``multiprocessing`` pipe (pickled in memory).
When no process can be started, the same loop runs in a thread of this process.

The child gives way to the window: it runs at a lower scheduling priority (the window's thread takes a core
whenever it has something to draw, the run has every cycle left over), and its BLAS keeps to one thread. (Two
were measured slower in the window on 784-128-64-10: each product waits for both threads, and the window's
thread keeps taking one of the cores from them.)
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from bpstudio.engine.decision_field import DecisionField
from bpstudio.engine.i18n import translate
from bpstudio.engine.run_settings import FASTEST, RunSettings
from bpstudio.engine.spec import InitSpec, NetworkSpec, TrainingSpec
from bpstudio.engine.stepper import Stepper
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, RunOutcome, TrainingRun
from bpstudio.engine.unit_fields import InputPlane
from bpstudio.engine.update_ledger import LEDGER_SIZE, LedgerDetails

from .blas_threads import use_cores
from .throttle import every_slice_shown

Array = np.ndarray
LEDGER_SHARE = 100  # the updates' lines and training-set losses may take at most 1/LEDGER_SHARE of a run's time
LEDGER_AT_END = 3  # ... and at the end, the last updates' are measured in any case (all of them when it diverged)
POLL_INTERVAL = 0.005  # s between looks for a message from the parent while training
NICENESS = 10  # the child's scheduling priority below the window's (Unix niceness: 0 normal, 19 lowest)
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")  # read when NumPy is loaded


# parent → child
@dataclass(frozen=True)
class StartRun:
    ident: int  # of the Run command: every message about this run carries it
    spec: NetworkSpec
    training: TrainingSpec
    x: Array  # the training data the stepper trains on (column convention)
    y: Array
    state: Any  # Stepper.checkpoint()
    settings: RunSettings
    bookkeeping: dict[str, Any]
    train: tuple[Array, Array]
    test: tuple[Array, Array] | None
    plane: InputPlane  # the units' maps (and the decision field)
    last_row: Array | None  # the parent's last training-log row (a loss breakpoint looks at it)
    mistake: str = ""  # a mistake planted in the code panel: the run trains with it (``engine.mistake_ops``)


@dataclass(frozen=True)
class ChangeSpeed:
    speed: int


@dataclass(frozen=True)
class WantState: ...  # send the state after the next slice (for the panels)


@dataclass(frozen=True)
class Halt: ...  # stop at the next stage boundary and hand back the state


@dataclass(frozen=True)
class Quit: ...


# child → parent
@dataclass(frozen=True)
class Progress:
    ident: int
    rows: Array  # training-log rows written since the last message
    field: DecisionField | None  # a new decision field, or None
    state: Any  # a Stepper.checkpoint() for the panels (a slice shown, or asked for), or None


@dataclass(frozen=True)
class Done(Progress):
    history: tuple[Any, ...]  # the stages of the last iteration, for step back
    outcome: RunOutcome | None  # None: halted
    bookkeeping: dict[str, Any]


@dataclass(frozen=True)
class Crashed:
    ident: int
    error: str


def serve(conn, own_process: bool = False) -> None:
    """The child's loop: one run at a time until told to quit. ``own_process``: this is the child process, whose
    priority and BLAS threads are its own to set (a thread of the window's process leaves them alone)."""
    if own_process:
        with suppress(AttributeError, OSError):  # (no niceness on Windows: there the window competes as equals)
            os.nice(NICENESS)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if isinstance(message, Quit):
            return
        if isinstance(message, StartRun):
            try:
                if _run(conn, message, own_process):
                    return  # told to quit while running (the window closed)
            except Exception:  # noqa: BLE001 - reported to the parent, which shows it
                conn.send(Crashed(message.ident, traceback.format_exc()))


def _run(conn, job: StartRun, own_process: bool = False) -> bool:
    """One run; True when the parent said quit meanwhile."""
    if own_process:
        use_cores(job.settings.speed == FASTEST)
    stepper = Stepper(job.spec, job.x, job.y, job.training, InitSpec("explicit"), params=job.state.params)
    stepper.plan = replace(stepper.plan, mistake=job.mistake)  # (the checkpoint's stages were taken with it)
    stepper.restore(job.state)
    log = TrainingLog(job.spec.depth)  # the rows not sent yet, after the last one sent (the parent keeps the log)
    if job.last_row is not None:
        log.append(job.last_row)
    sent = len(log)
    run = TrainingRun(stepper, job.settings, job.train, job.test, log, plane=job.plane)
    run.adopt(job.bookkeeping)
    field_sent, wanted, due = run.field, False, time.perf_counter()
    ledger = LedgerDetails(stepper.plan, job.train, LEDGER_SHARE)  # the parameters the entries keep stay here
    polled = [0.0]

    def asked() -> bool:  # between iterations; looking into the pipe costs a system call: every 5 ms
        now = time.perf_counter()
        if now - polled[0] < POLL_INTERVAL:
            return False
        polled[0] = now
        return conn.poll()

    while (outcome := run.advance(asked)) is None:
        state = stepper.checkpoint() if wanted or every_slice_shown(run.settings.speed) else None
        if state is not None:
            state = _measured(state, ledger)
        field = None if run.field is field_sent else run.field  # with its units' maps: only new ones travel
        if state is not None or field is not None or len(log) > sent:
            conn.send(Progress(job.ident, log.rows(sent), field, state))
            field_sent, wanted = run.field, False
            last = log.rows(len(log) - 1)  # the only row the run reads again
            log.clear()
            log.append(last)
            sent = len(log)
        due = max(due + run.next_delay(), time.perf_counter())  # paced by the clock, not after each slice
        said = conn.recv() if conn.poll(max(0.0, due - time.perf_counter())) else None  # the next slice, or a message
        if isinstance(said, Quit):
            return True
        if isinstance(said, Halt):
            break
        if isinstance(said, WantState):
            wanted = True
        elif isinstance(said, ChangeSpeed):
            run.set_speed(said.speed)
            if own_process:
                use_cores(said.speed == FASTEST)
    run.finish()
    # with the stages of the last iteration, so that step back works in the window as after a run there
    history = stepper.recent(len(stepper.stages))
    diverged = outcome is not None and outcome.reason == DIVERGED  # the ledger's last good steps say why
    state = _measured(stepper.checkpoint(), ledger, LEDGER_SIZE if diverged else LEDGER_AT_END)
    conn.send(Done(job.ident, log.rows(sent), run.field, state, history, outcome, run.bookkeeping()))
    return False


def _measured(state: Any, ledger: LedgerDetails, force: int = 0) -> Any:
    """A state to send, with its ledger's updates measured (their parameters do not travel)."""
    return replace(state, ledger=ledger.fill(state.ledger, force))


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """A child started meanwhile starts on one core: its BLAS would run a large product on every core, and the
    window's thread, waiting for one, stalls (50 ms rather than 19 on 784-128-64-10 at 4 iterations a second).
    A run at full speed then takes both (``use_cores``)."""
    saved = {name: os.environ.get(name) for name in BLAS_THREADS}
    os.environ.update(dict.fromkeys(BLAS_THREADS, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class RunProcess:
    """The parent's handle on the child (started once, reused for every run); a thread of this process
    when ``in_process`` is False or no process can be started."""

    def __init__(self, in_process: bool = True) -> None:
        ctx = mp.get_context("spawn")  # never fork a process that has threads (Qt's, the engine's)
        self._conn, child = ctx.Pipe()
        self.running = False
        self.in_process = in_process
        if in_process:
            try:
                self._host: Any = ctx.Process(target=serve, args=(child, True), name="bpstudio-run", daemon=True)
                with _one_blas_thread():
                    self._host.start()
                child.close()
                return
            except (OSError, EOFError, RuntimeError):  # no child process to be had: train in a thread instead
                traceback.print_exc()
                self.in_process = False
        self._host = threading.Thread(target=serve, args=(child,), name="bpstudio-run", daemon=True)
        self._host.start()

    def send(self, message: StartRun | ChangeSpeed | WantState | Halt) -> None:
        if isinstance(message, StartRun):
            self.running = True
        if self.running:
            self._conn.send(message)

    def messages(self, ident: int, wait: float = 0.0) -> list[Progress | Crashed]:
        """The messages about run ``ident`` waiting (after up to ``wait`` seconds for the first)."""
        out: list[Progress | Crashed] = []
        try:
            if self._conn.poll(wait):
                while self._conn.poll():
                    out.append(self._conn.recv())
        except (EOFError, OSError):  # the child is gone (killed, out of memory)
            out.append(Crashed(ident, translate("RunProcess", "the training process ended unexpectedly")))
        out = [m for m in out if m.ident == ident]  # a run's last words after it was given up on
        if any(isinstance(m, (Done, Crashed)) for m in out):
            self.running = False
        return out

    @property
    def alive(self) -> bool:
        return self._host.is_alive()

    def fileno(self) -> int:
        return self._conn.fileno()

    def close(self) -> None:
        with suppress(OSError, ValueError):
            self._conn.send(Quit())
        deadline = time.perf_counter() + 2
        while self._host.is_alive() and time.perf_counter() < deadline:
            with suppress(EOFError, OSError):  # a child blocked on a full pipe reads Quit once its messages are taken
                while self._conn.poll():
                    self._conn.recv()
            self._host.join(0.02)
        if self._host.is_alive() and self.in_process:
            self._host.terminate()
            self._host.join(2)
        self._conn.close()
