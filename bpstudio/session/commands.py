"""What crosses between the window and the engine thread: commands in, results out (frozen records
holding read-only arrays), and the marks the window sets to interrupt long work."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bpstudio.engine import GradCheckResult, Project, Snapshot
from bpstudio.engine.decision_field import DecisionField
from bpstudio.engine.run_settings import RunStatus


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
    run: RunStatus = field(default_factory=RunStatus)
    log_reset: bool = False  # the training log starts over with ``log_rows``
    log_rows: np.ndarray | None = None  # training-log rows written since the previous result
    field: DecisionField | None = None  # the network's output over its input space (1 or 2 inputs)
    gradcheck: GradCheckResult | None = None  # the answer to a "gradcheck" command
    gradcheck_where: str = ""
    exported: tuple[str, object] | None = None  # (what, text or state) answering an "export" command


@dataclass(frozen=True)
class RunProgress:
    """What a run has measured since the last report, sent many times a second (no snapshot: cheap)."""

    run: RunStatus
    log_reset: bool
    log_rows: np.ndarray
    field: DecisionField | None


class CancelMark:
    """Commands numbered up to ``upto`` are cancelled. Written by the GUI thread, read by the worker
    (an int assignment is atomic); a command sent after Esc is not affected, unlike a shared flag
    that the next command would have to clear. ``pause`` asks a run to halt at the next stage
    boundary; the "pause" command that follows it clears it."""

    def __init__(self) -> None:
        self.upto = 0
        self.pause = False
        self.heartbeat = 0.0  # perf_counter() when the window's event loop last ran its beat timer
        self.gui_busy = False  # the window's event loop is handling events (awake, not yet about to block)
