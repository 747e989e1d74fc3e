"""A training run at full speed in a process of its own.

In one process, Python code takes turns on one interpreter lock: a run of small iterations (pure
Python between tiny NumPy calls) and the window's drawing (Python too) slow each other down. A child
process has its own interpreter, so the run keeps a core and the window the other. The child runs the
same ``TrainingRun`` on a ``Stepper`` restored to the parent's state, so its numbers are bit-identical;
it streams training-log rows and decision fields, and once a second its state, and at the end hands the
state back. Messages go through a ``multiprocessing`` pipe (pickled in memory, never to a file).

Parent → child: ("run", Job) · ("halt",) · ("quit",)
Child → parent: ("progress", rows, field, completed) · ("state", state) ·
                ("done", outcome | None, (state, recent history), rows, field, bookkeeping) · ("error", text)
"""

from __future__ import annotations

import multiprocessing as mp
import time
import traceback
from dataclasses import dataclass
from typing import Any

import numpy as np

from bpstudio.engine.i18n import translate
from bpstudio.engine.run_settings import RunSettings
from bpstudio.engine.spec import InitSpec, NetworkSpec, TrainingSpec
from bpstudio.engine.stepper import Stepper
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import TrainingRun

Array = np.ndarray
PROGRESS_INTERVAL = 1 / 40  # s between progress messages
STATE_INTERVAL = 1.0  # s between states sent for the panels
POLL_INTERVAL = 0.005  # s between looks for a message from the parent


@dataclass(frozen=True)
class Job:
    spec: NetworkSpec
    training: TrainingSpec
    x: Array  # the training data the stepper trains on (column convention)
    y: Array
    state: Any  # Stepper.checkpoint()
    settings: RunSettings
    bookkeeping: dict[str, Any]
    train: tuple[Array, Array]
    test: tuple[Array, Array] | None
    extent: tuple[tuple[float, float], ...] | None
    last_row: Array | None  # the parent's last training-log row (a loss breakpoint looks at it)


def serve(conn) -> None:
    """The child's loop: one run at a time until told to quit."""
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message[0] == "quit":
            return
        if message[0] == "run":
            try:
                if _run(conn, message[1]):
                    return  # told to quit while running (the window closed)
            except Exception:  # noqa: BLE001 - reported to the parent, which shows it
                conn.send(("error", traceback.format_exc()))


def _run(conn, job: Job) -> bool:
    """One run; True when the parent said quit meanwhile."""
    stepper = Stepper(job.spec, job.x, job.y, job.training, InitSpec("explicit"), params=job.state.params)
    stepper.restore(job.state)
    log = TrainingLog(job.spec.depth)
    if job.last_row is not None:
        log.append(job.last_row)
    sent = len(log)
    run = TrainingRun(stepper, job.settings, job.train, job.test, log, extent=job.extent)
    run.adopt(job.bookkeeping)
    last_progress = last_state = time.perf_counter()
    outcome, field_sent = None, None
    polled = [0.0]

    def asked() -> bool:  # between iterations; looking into the pipe costs a system call: every 5 ms
        now = time.perf_counter()
        if now - polled[0] < POLL_INTERVAL:
            return False
        polled[0] = now
        return conn.poll()

    while True:
        outcome = run.advance(asked)
        if outcome is not None:
            break
        if conn.poll():
            said = conn.recv()[0]
            if said == "quit":
                return True
            if said == "halt":
                break
        now = time.perf_counter()
        if now - last_progress >= PROGRESS_INTERVAL:
            field = None if run.field is field_sent else run.field  # 19 kB a field: only new ones travel
            conn.send(("progress", log.rows(sent), field, stepper.completed_iterations))
            sent, last_progress, field_sent = len(log), now, run.field
        if now - last_state >= STATE_INTERVAL:
            conn.send(("state", stepper.checkpoint()))
            last_state = now
    run.finish()
    # with the stages of the last iteration, so that step back works in the window as after a run there
    history = stepper.recent(len(stepper.stages))
    conn.send(("done", outcome, (stepper.checkpoint(), history), log.rows(sent), run.field, run.bookkeeping()))
    return False


class RunProcess:
    """The parent's handle on the child process (started once, reused for every run)."""

    def __init__(self) -> None:
        ctx = mp.get_context("spawn")  # never fork a process that has threads (Qt's, the engine's)
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=serve, args=(child,), name="bpstudio-run", daemon=True)
        self._process.start()
        child.close()
        self.running = False

    def start(self, job: Job) -> None:
        self._conn.send(("run", job))
        self.running = True

    def halt(self) -> None:
        if self.running:
            self._conn.send(("halt",))

    def messages(self, wait: float = 0.0) -> list[tuple]:
        """Messages waiting (after up to ``wait`` seconds for the first)."""
        out: list[tuple] = []
        try:
            if self._conn.poll(wait):
                while self._conn.poll():
                    out.append(self._conn.recv())
        except (EOFError, OSError):  # the child is gone (killed, out of memory)
            out.append(("error", translate("RunProcess", "the training process ended unexpectedly")))
        for m in out:
            if m[0] in ("done", "error"):
                self.running = False
        return out

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def close(self) -> None:
        try:
            self._conn.send(("quit",))
        except (OSError, ValueError):
            pass
        deadline = time.perf_counter() + 2
        while self._process.is_alive() and time.perf_counter() < deadline:
            try:  # a child blocked on a full pipe reads "quit" only once its messages are taken
                while self._conn.poll():
                    self._conn.recv()
            except (EOFError, OSError):
                pass
            self._process.join(0.02)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(2)
        self._conn.close()
