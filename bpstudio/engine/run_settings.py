"""What a training run is asked to do, and what it reports: plain frozen records that cross threads."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import finite, require, whole
from .i18n import translate


@dataclass(frozen=True)
class Speed:
    label: str
    iterations_per_second: float | None  # None: as fast as the engine goes
    animated: bool  # every stage shown in turn (else whole iterations)


SPEEDS = (
    Speed("1 iteration per second, every stage", 1.0, True),
    Speed("4 iterations per second, every stage", 4.0, True),
    Speed("10 iterations per second", 10.0, False),
    Speed("30 iterations per second", 30.0, False),
    Speed("100 iterations per second", 100.0, False),
    Speed("1000 iterations per second", 1000.0, False),
    Speed("as fast as the engine goes", None, False),
)
FASTEST = len(SPEEDS) - 1

GOALS = ("epochs", "loss", "forever")


@dataclass(frozen=True)
class RunGoal:
    """When a run ends by itself: after ``epochs`` more epochs, once the training loss is below
    ``target_loss``, or never (until Stop)."""

    kind: str = "epochs"
    epochs: int = 100
    target_loss: float = 0.01

    def validate(self) -> RunGoal:
        require(self.kind in GOALS, "goal", translate("RunSettings", "must be one of {choices}, got {value!r}"),
                choices=", ".join(GOALS), value=self.kind)
        _at_least_one("goal.epochs", self.epochs)
        _positive("goal.target_loss", self.target_loss)
        return self


@dataclass(frozen=True)
class Breakpoints:
    """Pause (the run can go on) when the training loss falls below ``loss_below``, when any number
    becomes NaN or infinite, or when epoch ``at_epoch`` (counted from 1) is complete."""

    loss_below: float | None = None
    nonfinite: bool = True
    at_epoch: int | None = None

    def validate(self) -> Breakpoints:
        if self.loss_below is not None:
            _positive("breakpoints.loss_below", self.loss_below)
        if self.at_epoch is not None:
            _at_least_one("breakpoints.at_epoch", self.at_epoch)
        return self


@dataclass(frozen=True)
class RunSettings:
    goal: RunGoal = field(default_factory=RunGoal)
    breakpoints: Breakpoints = field(default_factory=Breakpoints)
    speed: int = FASTEST  # index into SPEEDS

    def validate(self) -> RunSettings:
        self.goal.validate()
        self.breakpoints.validate()
        require(whole(self.speed) and 0 <= self.speed < len(SPEEDS), "speed",
                translate("RunSettings", "must be 0 … {most}, got {value!r}"), most=FASTEST, value=self.speed)
        return self


@dataclass(frozen=True)
class Divergence:
    """Where NaN or ∞ first appeared: the stage (as in ``Stage.name``) and the quantity's snapshot
    key (``L2/z``, ``losses``, ``L1/W`` …) of iteration ``iteration`` (0-based)."""

    iteration: int
    stage: str
    layer: int | None
    quantity: str


# RunStatus.state values
IDLE, RUNNING, PAUSED, FINISHED, DIVERGED = "idle", "running", "paused", "finished", "diverged"


@dataclass(frozen=True)
class RunStatus:
    state: str = IDLE
    reason: str = ""  # why it paused or finished, in English; "" while running
    goal_left: str = ""  # e.g. "12 of 100 epochs" while a goal is active
    divergence: Divergence | None = None


def _positive(where: str, value: object) -> None:
    require(finite(value) and value > 0, where, translate("RunSettings", "must be a number > 0, got {value!r}"),
            value=value)


def _at_least_one(where: str, value: object) -> None:
    require(whole(value) and value >= 1, where, translate("RunSettings", "must be a whole number ≥ 1, got {value!r}"),
            value=value)
