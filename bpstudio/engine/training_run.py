"""A training run: drives a ``Stepper`` toward a goal in small slices, so its owner (the run's process,
``session.run_process``) can report progress and take a pause request between any two slices.

Each ``advance()`` does one slice of work, sized by the speed: one stage (animated speeds), one whole
stepped iteration (up to 30 iterations a second), or a batch of fast iterations whose last one is
stepped, so that every panel has that iteration's numbers (faster speeds). After each slice the run
checks its goal and breakpoints, writes a training-log row when one is due, and catches NaN/∞: then it
replays the slice stage by stage to the first non-finite number and stops on the stage before it.
Qt-free; time comes from ``clock`` so tests can drive it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .decision_field import DecisionField, input_plane, network_field
from .nonfinite import first_nonfinite, replay
from .probe import probe_row
from .run_settings import SPEEDS, Divergence, RunSettings
from .stepper import Stepper, divergence_is_data
from .training_log import TrainingLog
from .unit_fields import InputPlane

Array = np.ndarray
TICK_BUDGET = 0.025  # s of training per slice at full speed: a pause is answered within it
REFRESH = 1 / 30  # s: the paced speeds' slices (up to 30 iterations a second, one each)
FIELD_INTERVAL = 0.2  # s between decision fields while running: the window repaints the map for each
ROW_INTERVAL = 0.002  # s at least between training-log rows: a short run still has a detailed curve
PROBE_SHARE = 40  # measuring takes at most 1/PROBE_SHARE of the time, however large the data

# why a run stopped (``RunOutcome.reason``)
GOAL_EPOCHS, GOAL_LOSS = "goal_epochs", "goal_loss"
BREAK_LOSS, BREAK_EPOCH, DIVERGED = "break_loss", "break_epoch", "diverged"


@dataclass(frozen=True)
class RunOutcome:
    """Why the run stopped, with what the message needs; ``pause`` keeps the goal."""

    reason: str
    pause: bool
    loss: float | None = None
    epoch: int | None = None
    divergence: Divergence | None = None


class TrainingRun:
    def __init__(self, stepper: Stepper, settings: RunSettings, train: tuple[Array, Array],
                 test: tuple[Array, Array] | None, log: TrainingLog,
                 clock: Callable[[], float] = time.perf_counter,
                 plane: InputPlane | None = None) -> None:
        self.stepper, self.settings = stepper, settings.validate()
        self.train, self.test, self.log, self.clock = train, test, log, clock
        self.plane = plane if plane is not None else input_plane(train[0].T)  # the units' maps (and the field)
        self.field: DecisionField | None = None
        self.outcome: RunOutcome | None = None
        per = stepper.batches_per_epoch
        c = stepper.completed_iterations
        goal = settings.goal
        self.goal_iteration = (c // per + goal.epochs) * per if goal.kind == "epochs" else None
        at = settings.breakpoints.at_epoch
        self.break_iteration = at * per if at is not None and at * per > c else None
        self._rate = 0.0  # measured fast iterations per second
        self._due = 0.0  # paced speeds: iterations owed by the clock
        self._last = clock()
        self._next_probe = self._next_field = self._probe_cost = 0.0
        self._hit = False  # a fast slice noticed its loss condition
        self._start: object = None  # where the last fast slice began
        self.shown_iteration = -1  # the completed-iteration count of the last log row written
        self._armed = self._loss_break_armed()

    def bookkeeping(self) -> dict:
        """What a run carries from slice to slice, beyond the stepper (for a run continued elsewhere)."""
        return {"goal_iteration": self.goal_iteration, "break_iteration": self.break_iteration,
                "armed": self._armed, "shown_iteration": self.shown_iteration, "rate": self._rate}

    def adopt(self, book: dict) -> None:
        self.goal_iteration, self.break_iteration = book["goal_iteration"], book["break_iteration"]
        self._armed, self.shown_iteration, self._rate = book["armed"], book["shown_iteration"], book["rate"]

    # ----- settings while running ----------------------------------------------------------
    def set_speed(self, speed: int) -> None:
        self.settings = RunSettings(self.settings.goal, self.settings.breakpoints, speed).validate()
        self._due, self._last = 0.0, self.clock()

    def resume(self, settings: RunSettings) -> None:
        """Go on toward the same goal, with possibly new breakpoints and speed."""
        c = self.stepper.completed_iterations
        at = settings.breakpoints.at_epoch
        per = self.stepper.batches_per_epoch
        self.settings = RunSettings(self.settings.goal, settings.breakpoints, settings.speed).validate()
        self.break_iteration = at * per if at is not None and at * per > c else None
        self.outcome = None
        self._due, self._last = 0.0, self.clock()
        self._armed = self._loss_break_armed()

    def _loss_break_armed(self) -> bool:
        """A loss breakpoint the loss is already below waits until the loss has been above it again."""
        last, below = self.log.last, self.settings.breakpoints.loss_below
        return below is None or last is None or not last["train_loss"] < below

    @property
    def goal_epochs_done(self) -> tuple[int, int] | None:
        """(epochs done, epochs asked) of an epochs goal."""
        if self.goal_iteration is None:
            return None
        per = self.stepper.batches_per_epoch
        asked = self.settings.goal.epochs
        return asked - (self.goal_iteration - self.stepper.completed_iterations) // per, asked

    # ----- one slice -----------------------------------------------------------------------
    def next_delay(self) -> float:
        """Seconds until ``advance`` should be called again."""
        speed = SPEEDS[self.settings.speed]
        rate = speed.iterations_per_second
        if rate is None:
            return 0.0
        if speed.animated:
            return 1.0 / (rate * len(self.stepper.stages))
        return max(1.0 / rate, REFRESH)

    def advance(self, should_stop: Callable[[], bool] | None = None) -> RunOutcome | None:
        """One slice of training; returns why the run stopped, or None to go on."""
        if self.outcome is None:
            self.outcome = self._limits_reached()
        if self.outcome is not None:
            return self.outcome
        speed = SPEEDS[self.settings.speed]
        if speed.animated:
            self._one_stage()
        elif speed.iterations_per_second is not None and speed.iterations_per_second <= 1 / REFRESH:
            self._iterations(1, should_stop)
        else:
            self._iterations(self._slice_size(speed.iterations_per_second), should_stop)
        if self.outcome is None and self.stepper.complete:
            self._probe_if_due()
            self.outcome = self._limits_reached()
        return self.outcome

    def finish(self) -> None:
        """Before handing over (pause, stop, goal): land where every panel has its numbers, and log it."""
        s = self.stepper
        if not s.intermediates_shown and (self.outcome is None or self.outcome.reason != DIVERGED):
            self._iterations(1, None)  # a fast slice stopped early: step one whole iteration to show
        if s.complete and self.shown_iteration != s.completed_iterations:
            self._probe(force_field=True)
        else:
            with divergence_is_data():
                self.field = network_field(s.plan, s.parameters, self.plane)

    def _slice_size(self, rate: float | None) -> int:
        now = self.clock()
        budget = TICK_BUDGET if self._rate <= 0 else self._rate * TICK_BUDGET
        if rate is None:
            n = budget
        else:
            self._due += rate * (now - self._last)
            n = min(self._due, max(budget, 1.0))
            self._due -= int(n)
        self._last = now
        return max(1, int(n))

    def _iterations(self, n: int, should_stop: Callable[[], bool] | None) -> None:
        s = self.stepper
        targets = [t - s.completed_iterations for t in (self.goal_iteration, self.break_iteration) if t is not None]
        n = max(min([n, *targets]), 1)  # never past an epoch target: they are exact (a partial iteration counts)
        start, t0 = s.checkpoint(), self.clock()
        earlier, self._start = self._start, start  # (a divergence early in a slice replays the one before)
        self._hit = False

        def stop() -> bool:
            return self._hit or (should_stop is not None and should_stop())

        done = s.run_iterations(n, stop, self._observe)
        if done < n and not s.intermediates_shown:
            s.run_iterations(1)
            done += 1
        elapsed = self.clock() - t0
        if elapsed > 0:  # the first slices (one stepped iteration) underestimate; the estimate climbs
            rate = done / elapsed
            self._rate = rate if self._rate <= 0 else 0.7 * self._rate + 0.3 * rate
        if self.settings.breakpoints.nonfinite and not s.all_finite():
            self._locate_divergence(start, earlier)
        elif self._hit or SPEEDS[self.settings.speed].iterations_per_second is not None:
            self._probe()  # paced: every slice is shown; a loss condition met: check it where the run stopped
        else:
            self._probe_if_due()

    def _observe(self, completed: int, Ws: list[Array], bs: list[Array]) -> None:
        """Called after every fast iteration: a log row when one is due, and a loss condition noticed
        there stops the slice (the slice then ends with one stepped iteration, checked again)."""
        if self.clock() < self._next_probe:
            return
        row = self._write_row(completed, list(zip(Ws, bs, strict=True)), False)
        goal, below = self.settings.goal, self.settings.breakpoints.loss_below
        loss = row[2]
        if (goal.kind == "loss" and loss < goal.target_loss) or (below is not None and self._armed and loss < below):
            self._hit = True

    def _one_stage(self) -> None:
        s = self.stepper
        snap = s.step()
        if self.settings.breakpoints.nonfinite and self._diverged(snap):
            return
        if s.complete:
            self._probe()

    def _locate_divergence(self, start: object, earlier: object) -> None:
        """Replay to the first NaN or ∞ and step back off it, the slice's rows written again (``replay``), from the
        slice before (``earlier``): the divergence may come early in this one, and the last LAST_ROWS iterations
        before it need their rows (those already written stay as they are)."""
        s, end = self.stepper, self.stepper.completed_iterations
        s.restore(start)
        self.log.truncate(s.completed_iterations)
        last = self.log.last
        if earlier is not None:
            s.restore(earlier)
        with divergence_is_data():
            replay(s, -1 if last is None else int(last["iteration"]), end, self._row, self._diverged)

    def _diverged(self, snap) -> bool:
        """Whether the stage just taken made a NaN or ∞; if so the run ends on the stage before it."""
        bad = first_nonfinite(snap.arrays, snap.changed)
        if bad is None:
            return False
        s = self.stepper
        stage = snap.stage
        assert stage is not None
        where = Divergence(snap.iteration, stage.name, stage.layer or None, bad)
        s.step_back()  # the last stage whose numbers are all finite
        if s.complete and self.shown_iteration != s.completed_iterations:
            self._probe()
        self.outcome = RunOutcome(DIVERGED, True, divergence=where)
        return True

    # ----- measuring -----------------------------------------------------------------------
    def _probe_if_due(self) -> None:
        if self.clock() >= self._next_probe and self.shown_iteration != self.stepper.completed_iterations:
            self._probe()

    def _probe(self, force_field: bool = False) -> None:
        """A training-log row for the weights now, and the decision field (inputs of 1 or 2)."""
        self._row(self.stepper.completed_iterations, self.stepper.parameters, force_field)

    def _row(self, completed: int, params: object, force_field: bool = False) -> None:
        self._write_row(completed, params, force_field)
        self.shown_iteration = completed

    def _write_row(self, completed: int, params, force_field: bool) -> Array:
        s = self.stepper
        t0 = self.clock()
        with divergence_is_data():
            row = probe_row(s.plan, params, completed, s.batches_per_epoch, self.train, self.test)
        self.log.append(row)
        t1 = self.clock()
        # a smoothed cost: the first calls pay for warming up and must not space the rows out for long
        self._probe_cost = 0.8 * self._probe_cost + 0.2 * (t1 - t0)
        self._next_probe = t1 + max(ROW_INTERVAL, PROBE_SHARE * self._probe_cost)
        if force_field or t1 >= self._next_field:
            with divergence_is_data():
                self.field = network_field(s.plan, params, self.plane)
            t2 = self.clock()
            self._next_field = t2 + max(FIELD_INTERVAL, PROBE_SHARE * (t2 - t1))
        return row

    def _limits_reached(self) -> RunOutcome | None:
        s = self.stepper
        if not s.at_iteration_start:
            return None
        c = s.completed_iterations
        last = self.log.last if self.shown_iteration == c else None
        loss = None if last is None else last["train_loss"]
        goal, bps = self.settings.goal, self.settings.breakpoints
        if self.goal_iteration is not None and c >= self.goal_iteration:
            return RunOutcome(GOAL_EPOCHS, False, loss, epoch=c // s.batches_per_epoch)
        if loss is not None and goal.kind == "loss" and loss < goal.target_loss:
            return RunOutcome(GOAL_LOSS, False, loss)
        if loss is not None and bps.loss_below is not None:
            if self._armed and loss < bps.loss_below:
                self._armed = False
                return RunOutcome(BREAK_LOSS, True, loss)
            self._armed = self._armed or not loss < bps.loss_below
        if self.break_iteration is not None and c >= self.break_iteration:
            self.break_iteration = None  # once: Resume goes on past it
            return RunOutcome(BREAK_EPOCH, True, loss, epoch=c // s.batches_per_epoch)
        return None
