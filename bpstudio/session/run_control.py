"""The engine's side of a training run, which trains in a child process (``run_process``) at every speed.

The engine keeps its ``Stepper``, training log and ``TrainingRun`` (the run's goal and breakpoints) as the truth:
the child's log rows and decision fields are added as they arrive, its state is taken whenever it sends one
(so the panels follow) and at the end, with the last iteration's stages for stepping back."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from bpstudio.engine.errors import BPStudioError
from bpstudio.engine.i18n import translate
from bpstudio.engine.run_settings import DIVERGED as DIVERGED_STATE
from bpstudio.engine.run_settings import FINISHED, IDLE, PAUSED, RUNNING, RunSettings, RunStatus
from bpstudio.engine.text.notation import format_number
from bpstudio.engine.training_run import (
    BREAK_EPOCH,
    BREAK_LOSS,
    DIVERGED,
    GOAL_EPOCHS,
    GOAL_LOSS,
    RunOutcome,
    TrainingRun,
)

from .commands import CancelMark, Command, Run
from .loaded_engine import Engine
from .run_process import ChangeSpeed, Crashed, Done, Halt, Progress, RunProcess, StartRun, WantState

HALT_WAIT = 1.0  # s: a halted child answers after its slice


@dataclass
class News:
    """What a look at the child found."""

    progress: bool = False  # new log rows or a new field
    state: bool = False  # the stepper took a state (the panels can follow)
    done: bool = False  # the run ended: halted, or by itself with ``outcome``
    outcome: RunOutcome | None = None
    error: str = ""


class RunControl:
    use_process = True  # False: the child's loop runs in a thread of this process

    def __init__(self, marks: CancelMark) -> None:
        self.marks = marks
        self.run: TrainingRun | None = None
        self.command: Command = Run(RunSettings())  # the run's command: its reports answer it
        self.status = RunStatus()
        self._child: RunProcess | None = None

    @property
    def training(self) -> bool:
        """The child is training (the engine thread looks at its reports)."""
        return self._child is not None and self._child.running

    @property
    def channel(self) -> int | None:
        """While training, the descriptor that turns readable when the child reports, for the engine thread to wait
        on rather than look every few ms (POSIX: a pipe; None elsewhere, and when not training)."""
        if self._child is None or not self._child.running or os.name != "posix":
            return None
        return self._child.fileno()

    # ----- commands -------------------------------------------------------------------------
    def start(self, engine: Engine, cmd: Run) -> None:
        if cmd.resume and self.run is not None and self.status.state == PAUSED:
            self.run.resume(cmd.settings)
        else:
            self.run = TrainingRun(engine.stepper, cmd.settings, engine.train, engine.test, engine.log,
                                   plane=engine.plane)
        self.command = cmd
        if self._child is None or not self._child.alive:
            self._child = RunProcess(self.use_process)
        s, log, run = engine.stepper, engine.log, self.run
        last = log.rows(len(log) - 1) if len(log) else None
        self._child.send(StartRun(cmd.ident, s.spec, s.training, s.x, s.y, s.checkpoint(), run.settings,
                                  run.bookkeeping(), engine.train, engine.test, engine.plane, last, engine.mistake))
        self.status = RunStatus(RUNNING, "", self._goal_text(engine))

    def pause(self, engine: Engine) -> None:
        if self.status.state == RUNNING:
            self.halt(engine, PAUSED)

    def stop(self, engine: Engine) -> None:
        if self.run is not None:
            self.halt(engine, IDLE, translate("EngineController", "Stopped."))
            self.run = None

    def set_speed(self, speed: int) -> None:
        if self.run is not None:
            self.run.set_speed(speed)
            if self._child is not None:
                self._child.send(ChangeSpeed(speed))

    def want_state(self) -> None:
        """Ask the child for its state after its next slice (for the panels)."""
        if self._child is not None:
            self._child.send(WantState())

    def end(self, engine: Engine) -> None:
        """No run any more (a reset, another project)."""
        if self.training:
            self._take(engine)
        self.run = None
        self.status = RunStatus()

    def halt(self, engine: Engine, state: str, reason: str = "") -> None:
        """End the run's training on a stage boundary where every panel has its numbers."""
        outcome = self._take(engine) if self.training else None
        if outcome is not None and state == PAUSED:  # it ended by itself meanwhile: say why
            self._conclude(engine, outcome)
        else:
            self.status = RunStatus(state, reason, self._goal_text(engine))

    def close(self) -> None:
        if self._child is not None:
            self._child.close()
            self._child = None

    # ----- the child's reports --------------------------------------------------------------
    def tick(self, engine: Engine) -> News:
        """Apply what the child has sent; on Esc, stop it."""
        news = News()
        if not self.training:
            return news
        if self.marks.upto >= self.command.ident:  # Esc
            self.stop(engine)
            news.state = True
            return news
        assert self._child is not None
        for message in self._child.messages(self.command.ident):
            self._apply(engine, message, news)
        if news.outcome is not None:
            self._conclude(engine, news.outcome)
        elif news.done:
            self.status = RunStatus(PAUSED, "", self._goal_text(engine))
        elif self.training and (news.progress or news.state):
            self.status = RunStatus(RUNNING, "", self._goal_text(engine))
        return news

    def _apply(self, engine: Engine, message: Progress | Crashed, news: News) -> None:
        if isinstance(message, Crashed):
            self.run, self.status = None, RunStatus()
            news.state, news.error = True, translate(
                "EngineController", "The training process failed: {error}").format(error=message.error)
            return
        engine.log.append(message.rows)
        engine.field = message.field or engine.field
        news.progress = True
        if message.state is not None:  # at the end with the last iteration's stages, for step back
            engine.stepper.restore(message.state, message.history if isinstance(message, Done) else ())
            news.state = True
        if isinstance(message, Done):
            assert self.run is not None
            self.run.adopt(message.bookkeeping)
            news.done, news.outcome = True, message.outcome

    def _take(self, engine: Engine) -> RunOutcome | None:
        """Halt the child and take over its state; its outcome if it ended by itself meanwhile."""
        child, news = self._child, News()
        assert child is not None
        child.send(Halt())
        while child.running:  # a slice is short: the answer comes soon (a child gone: its pipe ends)
            for message in child.messages(self.command.ident, wait=HALT_WAIT):
                self._apply(engine, message, news)
        if news.error:
            raise BPStudioError(news.error)
        return news.outcome

    # ----- texts ----------------------------------------------------------------------------
    def _conclude(self, engine: Engine, outcome: RunOutcome) -> None:
        # the reason says why; the run panel and the status bar put "Finished:" or "Paused:" before it
        assert self.run is not None
        state, reason = {
            GOAL_EPOCHS: (FINISHED, translate("EngineController", "{n} epoch(s) done.")),
            GOAL_LOSS: (FINISHED, translate(
                "EngineController", "the training loss {loss} is below the target {target}.")),
            BREAK_LOSS: (PAUSED, translate("EngineController", "the training loss {loss} fell below the breakpoint.")),
            BREAK_EPOCH: (PAUSED, translate("EngineController", "at the end of epoch {e}.")),
            DIVERGED: (DIVERGED_STATE, translate("EngineController", "Diverged: a number became NaN or infinite.")),
        }[outcome.reason]
        loss = "" if outcome.loss is None else format_number(outcome.loss, 6)
        reason = reason.format(n=outcome.epoch, e=outcome.epoch, loss=loss,
                               target=format_number(self.run.settings.goal.target_loss, 6))
        self.status = RunStatus(state, reason, self._goal_text(engine), outcome.divergence)
        if not outcome.pause:
            self.run = None

    def _goal_text(self, engine: Engine) -> str:
        run = self.run
        if run is None:
            return ""
        done = run.goal_epochs_done
        if done is not None:  # the epoch under way, counted as the status bar counts it, and in this run
            asked, total = done[1], engine.stepper.epoch + 1
            before = run.goal_iteration // engine.stepper.batches_per_epoch - asked if run.goal_iteration else 0
            return translate("EngineController", "epoch {done} of {asked} of this run ({total} in all)").format(
                done=max(0, min(total - before, asked)), asked=asked, total=total)
        if run.settings.goal.kind == "loss":
            last = engine.log.last
            target = format_number(run.settings.goal.target_loss, 6)
            if last is None or not np.isfinite(last["train_loss"]):
                return translate("EngineController", "target loss {target}").format(target=target)
            return translate("EngineController", "training loss {loss}, target {target}").format(
                loss=format_number(last["train_loss"], 6), target=target)
        return ""
