"""One loaded engine: a project's stepper with its data, training log and decision field, kept together so that
undoing an edit returns to exactly where it was."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import Project
from bpstudio.engine.backprop import Plan
from bpstudio.engine.decision_field import DecisionField, input_plane
from bpstudio.engine.i18n import translate
from bpstudio.engine.mistakes import mistake
from bpstudio.engine.planted import PlantedStepper
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.stepper import Stepper
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
        self.exact: tuple[Stepper, np.ndarray, DecisionField | None] | None = None  # kept while a mistake is planted

    @property
    def mistake(self) -> str:
        """The mistake planted in the code panel ("" for none)."""
        return self.stepper.plan.mistake

    def plant(self, mistake: str) -> None:
        """Train a copy with ``mistake`` (``planted``), the project's own stepper, log and field kept untouched;
        "" goes back to them exactly."""
        if self.exact is not None:
            self.stepper, rows, self.field = self.exact
            self.exact = None
            self.log.clear()
            if len(rows):
                self.log.append(rows)
        if mistake:
            self.exact = (self.stepper, self.log.rows(), self.field)
            self.stepper = PlantedStepper(self.stepper, mistake)
            c = self.stepper.completed_iterations  # the rows from here on are the bug's (a row at the start too)
            self.log.truncate(c - 1 if self.stepper.at_iteration_start else c)

    def planted_note(self) -> str:
        """What a gradient check says of a planted mistake ("" without one)."""
        if not self.mistake:
            return ""
        return translate("EngineController", "; with the planted bug “{name}”: its loss, and the gradients its "
                         "update follows").format(name=mistake(self.mistake).title)

    def saved_state(self) -> ProjectState:
        """Where the project's own training has got to, with its log (for a save; a planted mistake's copy aside)."""
        stepper, rows = (self.stepper, self.log.rows()) if self.exact is None else self.exact[:2]
        params, iteration, epoch, batch, position, moments = stepper.saved_state()
        rows = rows[rows[:, 0] <= stepper.completed_iterations] if len(rows) else rows  # (a run's later rows: not)
        return ProjectState(iteration, epoch, batch, position, params, moments, rows if len(rows) else None)

    def choose_map_inputs(self, first: int, second: int) -> None:
        """The units' maps over inputs ``first`` (across) and ``second`` (up), drawn again at the next measure (inputs
        out of range or the same twice: unchanged)."""
        self.plane, self.field = self.plane.choosing(first, second), None
