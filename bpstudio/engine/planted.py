"""A mistake planted in a copy: a stepper that runs the buggy operations (``mistake_ops``) from the state of the
project's own stepper, which it never touches, so switching the mistake off is going back to that stepper —
exactly where it was, with exactly its numbers.

The copy starts where the original is, with the current iteration's stages taken again the buggy way. Its
snapshots carry ``Planted``: for every quantity the iteration has computed, the correct value as the engine
computes it from the same weights, velocities and batch (the same stages, run with no mistake), so a panel can
mark every entry that differs.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import numpy as np

from .readonly import read_only
from .snapshot import Planted, Snapshot, key
from .stage_step import take_stage
from .step_history import State
from .stepper import Stepper, divergence_is_data

Array = np.ndarray


class PlantedStepper(Stepper):
    """``original``'s network, data, settings and place, training with mistake ``mistake``."""

    def __init__(self, original: Stepper, mistake: str) -> None:
        self._correct: tuple[object, dict[str, object]] | None = None  # (the start state's params, the values)
        super().__init__(original.spec, original.x, original.y, original.training, original.init,
                         params=original._initial)
        self.plan = replace(self.plan, mistake=mistake)
        params, iteration, epoch, batch, position, moments = original.saved_state()
        self.resume(params, iteration, epoch, batch, position, moments)  # the stages taken again, buggy

    @property
    def mistake(self) -> str:
        return self.plan.mistake

    def snapshot(self) -> Snapshot:
        snap = super().snapshot()
        return replace(snap, planted=self._planted(snap))

    def _start(self) -> State | None:
        """The state this iteration started from (for its weights and moments), if known."""
        s = self._state
        if s.position < len(self.stages):  # weights and velocities change only at the update
            return s
        earlier = self.recent(1)
        before = earlier[-1] if earlier else None
        if isinstance(before, State) and before.position == len(self.stages) - 1 and before.batch == s.batch:
            return before
        return None

    def _planted(self, snap: Snapshot) -> Planted:
        start = self._start()
        if start is None or (not self._state.cache and self._state.position):
            return Planted(self.mistake, MappingProxyType({}))
        if self._correct is None or self._correct[0] is not start.params or self._correct[1]["batch"] != (
                start.epoch, start.batch):
            self._correct = (start.params, self._correct_iteration(start))
        values = self._correct[1]
        done = snap.position == len(self.stages)
        keep = {k: v for k, v in values.items() if isinstance(v, np.ndarray) and k in snap.arrays
                and (done or not k.endswith(("/W", "/b")))}
        loss = values["loss"] if snap.loss is not None else None
        return Planted(self.mistake, MappingProxyType(keep), loss if isinstance(loss, float) else None)

    def _correct_iteration(self, start: State) -> dict[str, object]:
        """Every quantity of the iteration from ``start``'s weights on this batch, as the engine computes it."""
        plan = replace(self.plan, mistake="")
        x, y = self._xy
        s = State(start.params, 0, start.iteration, start.epoch, start.batch, moments=start.moments)
        with divergence_is_data():
            for stage in self.stages:
                s = take_stage(plan, self.training, stage, s, x, y)
        out: dict[str, object] = dict(s.cache)
        for l, (W, b) in enumerate(s.params, start=1):
            out[key("W", l)], out[key("b", l)] = read_only(W, copy=False), read_only(b, copy=False)
        out["loss"], out["batch"] = s.loss, (start.epoch, start.batch)
        return out
