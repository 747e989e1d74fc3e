"""What crosses between the window and the engine: typed commands in, results out (frozen records holding
read-only arrays), and the marks the window sets to interrupt long work.

Every command carries ``ident``, a number the controller gives it; the result, an answer or the failure of
a command carries it back, so the window can tell which command a message is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bpstudio.engine import GradCheckResult, Project, Snapshot
from bpstudio.engine.decision_field import DecisionField
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.run_settings import RunSettings, RunStatus
from bpstudio.engine.training_log import LogView


@dataclass(frozen=True, kw_only=True)
class Command:
    ident: int = 0


@dataclass(frozen=True)
class Refresh(Command): ...  # send the current state again (a listener connected late asks so)


@dataclass(frozen=True)
class Step(Command): ...  # one stage


@dataclass(frozen=True)
class StepForwardLayer(Command): ...  # to the end of the next forward stage


@dataclass(frozen=True)
class StepBackwardLayer(Command): ...  # to the end of the next backward stage


@dataclass(frozen=True)
class StepBack(Command): ...


@dataclass(frozen=True)
class FinishIteration(Command): ...


@dataclass(frozen=True)
class Goto(Command):
    position: int  # a stage of the current iteration


@dataclass(frozen=True)
class Reset(Command): ...


@dataclass(frozen=True)
class SetParameter(Command):
    layer: int
    name: str  # "W" or "b"
    index: tuple[int, int]
    value: float


@dataclass(frozen=True)
class ChooseMapInputs(Command):  # the inputs the units' maps span: ``first`` across, ``second`` up (0-based)
    first: int
    second: int


@dataclass(frozen=True)
class SetProject(Command):  # keep the current engine under ``save_as``; go back to the one under ``restore``
    project: Project
    save_as: int | None = None
    restore: int | None = None
    exact: bool = False  # opened or restored: exactly the project's own state, never the current engine's


@dataclass(frozen=True)
class RunIterations(Command):
    count: int


@dataclass(frozen=True)
class Run(Command):
    """Train toward ``settings.goal``; ``resume`` goes on with a paused run's goal."""

    settings: RunSettings
    resume: bool = False


@dataclass(frozen=True)
class Pause(Command): ...


@dataclass(frozen=True)
class Stop(Command): ...


@dataclass(frozen=True)
class SetSpeed(Command):
    speed: int  # index into SPEEDS


@dataclass(frozen=True)
class PlantMistake(Command):  # train a copy with a typical mistake (``engine.mistakes``); "" switches it off
    mistake: str


@dataclass(frozen=True)
class GradCheck(Command): ...


@dataclass(frozen=True)
class Export(Command):
    what: str  # "example" (a worked example of this iteration), "torch" (a PyTorch training program),
    # "torch_gradients" (a PyTorch script of this batch's gradients), "numpy" (a NumPy training script), "state"
    fmt: str = "md"
    digits: int = 4
    notation: str = "column"
    entry: str = ""  # an example with the chain rule behind this entry (a label in ``notation``, e.g. "W2[1,2]")
    sample: int = 0  # … for this sample (0-based)


@dataclass(frozen=True)
class TakeState(Command):
    """Where training has got to, for an autosave, without pausing a run: a running run is asked for its state
    and the answer (``StateTaken``) comes with it."""


RUN_COMMANDS = (Run, Pause, Stop, SetSpeed, Refresh, TakeState)  # the commands that leave a run going


@dataclass(frozen=True)
class GradCheckAnswer:
    result: GradCheckResult
    where: str  # what was checked, for people


@dataclass(frozen=True)
class Exported:
    what: str
    value: object  # the text, or the ProjectState


@dataclass(frozen=True)
class Report:
    """What the engine says about ``command`` (for a run's reports: the ``Run`` that started it)."""

    command: Command

    @property
    def ident(self) -> int:
        return self.command.ident


@dataclass(frozen=True)
class EngineResult(Report):  # the engine's state after the command
    project: Project
    snapshot: Snapshot
    can_step_back: bool
    batches_per_epoch: int = 1
    info: str = ""  # a note for the status bar (e.g. "stopped after 120 iterations")
    stages: tuple[str, ...] = field(default_factory=tuple)
    run: RunStatus = field(default_factory=RunStatus)
    log: LogView | None = None  # the training log as it is now
    field: DecisionField | None = None  # the network's output over its input space (1 or 2 inputs)
    answer: GradCheckAnswer | Exported | None = None


@dataclass(frozen=True)
class RunProgress(Report):  # what a run has measured since its last report (no snapshot: cheap)
    run: RunStatus
    log: LogView
    field: DecisionField | None


@dataclass(frozen=True)
class StateTaken(Report):  # the answer to TakeState
    project: Project  # the project the state belongs to
    state: ProjectState


@dataclass(frozen=True)
class Failure(Report):
    message: str  # why the command failed, for people


class CancelMark:
    """Commands numbered up to ``upto`` are cancelled. Written by the GUI thread, read by the worker
    (an int assignment is atomic); a command sent after Esc is not affected, unlike a shared flag
    that the next command would have to clear. ``sent``: the newest command sent."""

    def __init__(self) -> None:
        self.upto = self.sent = 0
