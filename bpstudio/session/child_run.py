"""The engine thread's side of a full-speed run in a child process (see ``engine.run_process``).

The worker keeps its ``Stepper``, training log and ``TrainingRun`` as the truth; while the child trains,
its messages are applied to them: log rows and decision fields as they come, the child's state once a
second (so the panels follow) and at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpstudio.engine.i18n import translate
from bpstudio.engine.training_run import RunOutcome, TrainingRun

from .run_process import Job, RunProcess

POLL_MS = 10  # the engine thread looks at the child's messages this often


@dataclass
class ChildNews:
    progress: bool = False  # new log rows or a new field
    state: bool = False  # the stepper took the child's state (the panels can follow)
    done: bool = False
    outcome: RunOutcome | None = None
    error: str = ""


class ChildRunner:
    def __init__(self) -> None:
        self._process: RunProcess | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.running

    def start(self, engine, run: TrainingRun) -> None:
        if self._process is None or not self._process.alive:
            self._process = RunProcess()
        s, log = engine.stepper, engine.log
        last = log.rows(len(log) - 1) if len(log) else None
        self._process.start(Job(s.spec, s.training, s.x, s.y, s.checkpoint(), run.settings, run.bookkeeping(),
                                engine.train, engine.test, engine.extent, last))

    def poll(self, engine, run: TrainingRun, wait: float = 0.0) -> ChildNews:
        news = ChildNews()
        assert self._process is not None
        for message in self._process.messages(wait):
            kind = message[0]
            if kind == "progress":
                _, rows, field, _ = message
                engine.log.append(rows)
                engine.field = field or engine.field
                news.progress = True
            elif kind == "state":
                engine.stepper.restore(message[1])
                news.state = True
            elif kind == "done":
                _, outcome, (state, history), rows, field, book = message
                engine.stepper.restore(state, history)
                engine.log.append(rows)
                engine.field = field or engine.field
                run.adopt(book)
                run.field = engine.field
                news.done, news.outcome, news.state, news.progress = True, outcome, True, True
            elif kind == "error":
                news.done, news.error = True, message[1]
        return news

    def halt(self, engine, run: TrainingRun) -> ChildNews:
        """Stop the child at its next slice boundary and take its state (waits for it: a slice is short)."""
        assert self._process is not None
        self._process.halt()
        news = ChildNews()
        while not news.done:
            got = self.poll(engine, run, wait=5.0)
            news.progress |= got.progress
            news.done, news.outcome, news.error = got.done, got.outcome, got.error
            if not got.done and not self._process.alive:
                news.done, news.error = True, translate("RunProcess", "the training process ended unexpectedly")
        return news

    def close(self) -> None:
        if self._process is not None:
            self._process.close()
            self._process = None
