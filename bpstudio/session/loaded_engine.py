"""One loaded engine: a project's stepper with its data, training log and decision field, kept together so that
undoing an edit returns to exactly where it was."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import Project
from bpstudio.engine.backprop import Plan
from bpstudio.engine.decision_field import DecisionField, input_plane
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.update_ledger import LedgerDetails


class Engine:
    """One engine: the stepper, its data, its training log and decision field (kept together for undo)."""

    def __init__(self, project: Project) -> None:
        self.project, self.stepper = project, project.stepper()
        train, test = project.split()
        self.train = (train.x.T, train.y.T)
        self.test = None if test is None else (test.x.T, test.y.T)
        every = train.x if test is None else np.vstack([train.x, test.x])  # the data view shows both
        self.plane = input_plane(every)  # where the units' maps (and, for 1 or 2 inputs, the field) are drawn
        self.log = TrainingLog(project.network.depth)
        if project.state is not None and project.state.log is not None:  # the curves as they were saved
            self.log.append(project.state.log)
        self.field: DecisionField | None = None
        self.ledger = LedgerDetails(Plan.of(project.network), self.train)  # each update's line and training-set loss

    def choose_map_inputs(self, first: int, second: int) -> None:
        """The units' maps over inputs ``first`` (across) and ``second`` (up), drawn again at the next measure (inputs
        out of range or the same twice: unchanged)."""
        self.plane, self.field = self.plane.choosing(first, second), None
