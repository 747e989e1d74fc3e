"""Steps training one stage at a time, keeps a bounded history to step back, runs fast on request.

Stages are taken by ``stage_step``, fast runs by ``fast_path``, batches drawn by ``batches``; ``step_history``
keeps the states step back returns to, and ``array_checks`` checks data and parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from . import backprop as bp
from .array_checks import check_data, check_moments, check_parameters, edited_parameters
from .backprop import ParamTuple
from .batches import Batches
from .errors import HistoryError, require
from .fast_path import Observer, run_fast
from .i18n import translate
from .initializers import initial_parameters
from .optimizers import Moments
from .readonly import read_only_pairs
from .snapshot import Snapshot, key
from .spec import InitSpec, NetworkSpec, TrainingSpec
from .stage_step import take_stage
from .stages import Stage, iteration_stages
from .step_history import HISTORY_BYTES, HISTORY_LIMIT, History, State

Array = np.ndarray


def divergence_is_data() -> np.errstate:
    """A diverging run overflows to inf and NaN: the numbers are what the learner must see, not a warning."""
    return np.errstate(over="ignore", invalid="ignore", divide="ignore")


class Stepper:
    """Owns a network, its data (columns: ``x`` (n⁰, N), ``y`` (nᴸ, N)) and its training state; not thread-safe."""

    def __init__(self, spec: NetworkSpec, x: Array, y: Array, training: TrainingSpec | None = None,
                 init: InitSpec | None = None, params: Sequence[tuple[Array, Array]] | None = None,
                 history_limit: int = HISTORY_LIMIT, history_bytes: int = HISTORY_BYTES) -> None:
        self.spec = spec.validate()
        self.training = (training or TrainingSpec()).validate()
        self.init = (init or InitSpec()).validate()
        require(params is not None or self.init.method != "explicit", "init.method",
                translate("Stepper", "explicit initialisation needs the weights and biases"))
        self.plan = bp.Plan.of(spec)
        self.x, self.y = check_data(spec, x, y)
        self.stages = iteration_stages(spec.depth)
        self._initial = None if params is None else check_parameters(spec, params)
        self._batches = Batches.of(self.x, self.y, self.training)
        self._history = History(history_limit, history_bytes)
        self._state: State
        self._xy: tuple[Array, Array]
        self.reset()

    # ----- data and batches ---------------------------------------------
    @property
    def samples(self) -> int:
        return int(self.x.shape[1])

    @property
    def batch_size(self) -> int:
        return self._batches.size

    @property
    def batches_per_epoch(self) -> int:
        return self._batches.per_epoch

    # ----- control ----------------------------------------------------------------------
    def reset(self) -> Snapshot:
        """Back to the initial weights (the explicit ones, or drawn from the seed), iteration 0."""
        params = self._initial if self._initial is not None else read_only_pairs(
            initial_parameters(self.spec, self.init, np.random.default_rng(self.training.seed)))
        return self._go(State(params=params, position=0, iteration=0, epoch=0, batch=0))

    @property
    def complete(self) -> bool:
        """True after the update stage: the next step begins a new iteration."""
        return self._state.position == len(self.stages)

    @property
    def next_stage(self) -> Stage:
        return self.stages[self._state.position % len(self.stages)]

    @property
    def at_iteration_start(self) -> bool:
        return self._state.position == 0 or self.complete

    @property
    def can_step_back(self) -> bool:
        return bool(self._history)

    @property
    def parameters(self) -> ParamTuple:
        return self._state.params

    @property
    def iteration(self) -> int:
        return self._state.iteration

    @property
    def completed_iterations(self) -> int:
        """Updates done so far (the current iteration counts once its update is done)."""
        return self._state.iteration + (1 if self.complete else 0)

    @property
    def intermediates_shown(self) -> bool:
        """False right after a fast run stopped early: the weights are there, z, a, δ … are not."""
        return bool(self._state.cache) or self._state.position == 0

    def checkpoint(self) -> object:
        """The current state, to ``restore`` later (states are immutable, so this costs nothing)."""
        return self._state

    def restore(self, checkpoint: object, history: Sequence[object] = ()) -> None:
        """Go to a ``checkpoint`` of this stepper (or of one on the same network and data, in another
        process); ``history``, from ``recent``, is what step back can return to from there."""
        assert isinstance(checkpoint, State)
        self._be(checkpoint)
        for state in history:
            assert isinstance(state, State)
            self._history.remember(state)

    def recent(self, stages: int) -> tuple[object, ...]:
        """The last ``stages`` states step back would return to, oldest first (for ``restore``)."""
        return self._history.recent(stages)

    def all_finite(self) -> bool:
        """No NaN or infinity in any weight or bias."""
        return all(np.isfinite(W).all() and np.isfinite(b).all() for W, b in self._state.params)

    @property
    def epoch(self) -> int:
        return self._state.epoch

    def step(self) -> Snapshot:
        """Advance exactly one stage and return the state after it."""
        self.advance_stage()
        return self.snapshot()

    def advance_stage(self) -> None:
        """``step`` without the snapshot, which copies every array: for stages nobody looks at."""
        self._history.remember(self._state)
        with divergence_is_data():
            self._state = self._advance(self._state)

    def step_back(self) -> Snapshot:
        if not self._history:
            raise HistoryError(translate("Stepper", "no earlier stage is kept"))
        return self._go(self._history.pop(), forget=False)

    def finish_iteration(self) -> Snapshot:
        """Run the remaining stages of this iteration (a whole one if at its start)."""
        self._to_iteration_end()
        return self.snapshot()

    def _to_iteration_end(self) -> None:
        self.advance_stage()
        while not self.complete:
            self.advance_stage()

    def finish_epoch(self) -> Snapshot:
        self._to_iteration_end()
        while self._state.batch != self.batches_per_epoch - 1:
            self._to_iteration_end()
        return self.snapshot()

    def run_iterations(self, count: int, should_stop: Callable[[], bool] | None = None,
                       observe: Observer | None = None) -> int:
        """Complete ``count`` iterations (a partly done one counts as one): fast, keeping no
        intermediates, except the last one, which is stepped so all of it is on show afterwards.
        ``should_stop`` is polled between iterations; ``observe(completed, Ws, bs)`` is called after each
        fast iteration with the weights as they are then (to measure, not to keep: they change in place).
        Returns how many iterations ran."""
        done = 0
        if count <= 0:
            return 0
        if not self.at_iteration_start:
            self._to_iteration_end()
            done = 1
        if count - done > 1:  # fast, from an iteration boundary, keeping no intermediates (see fast_path)
            with divergence_is_data():
                state, fast = run_fast(self.plan, self.training, self._batches, self._state, self.complete,
                                       count - done - 1, should_stop, observe, len(self.stages))
                self._be(state)  # the fast iterations kept no stages to step back into
            done += fast
            if should_stop is not None and should_stop():
                return done
        if done < count:
            self._to_iteration_end()
            done += 1
        return done

    def run_epochs(self, count: int, should_stop: Callable[[], bool] | None = None) -> int:
        """Complete ``count`` epochs, the current one counting if partly done. Returns iterations run."""
        per = self.batches_per_epoch
        left = per - self._state.batch - (1 if self.complete else 0)  # batches still to come in the current epoch
        iterations = left + (count - 1 if left else count) * per
        return self.run_iterations(iterations, should_stop)

    # ----- edits ------------------------------------------------------------------------
    def set_parameter(self, layer: int, name: str, index: tuple[int, int], value: float) -> Snapshot:
        """Set one entry of Wˡ or bˡ. The current iteration restarts (its numbers depended on the
        old value); step back undoes the edit."""
        params = edited_parameters(self.spec, self._state.params, layer, name, index, value)
        self._history.remember(self._state)
        s, changed = self._state, frozenset({key(name, layer)})
        if self.complete:  # after an update the edit simply applies to the next iteration
            self._state = replace(s, params=params, changed=changed)
        else:
            self._state = replace(s, params=params, position=0, cache={}, loss=None, last=None, changed=changed)
        return self.snapshot()

    def replace_parameters(self, params: Sequence[tuple[Array, Array]]) -> Snapshot:
        """Continue from these weights (e.g. after a hyper-parameter change): a fresh iteration 1,
        no history. ``reset`` still returns to the initial weights."""
        checked = check_parameters(self.spec, params)
        return self._go(State(params=checked, position=0, iteration=0, epoch=0, batch=0))

    def resume(self, params: Sequence[tuple[Array, Array]], iteration: int, epoch: int, batch: int,
               position: int, moments: Moments | None = None) -> Snapshot:
        """Be where a saved project was: iteration ``iteration`` (epoch, batch) from these weights and
        optimizer moments, with its first ``position`` stages taken again — so every number is as it was."""
        require(batch < self.batches_per_epoch, "state.batch", translate(
            "Stepper", "an epoch here has {batches} batches, got {batch}"), batches=self.batches_per_epoch, batch=batch)
        require(position <= len(self.stages), "state.position", translate(
            "Stepper", "an iteration has {stages} stages, got {position}"), stages=len(self.stages), position=position)
        checked = check_parameters(self.spec, params)
        moved = check_moments(self.spec, moments)
        self._be(State(params=checked, position=0, iteration=iteration, epoch=epoch, batch=batch, moments=moved))
        for _ in range(position):
            self.advance_stage()
        return self.snapshot()

    def saved_state(self) -> tuple[ParamTuple, int, int, int, int, Moments | None]:
        """(params, iteration, epoch, batch, position, moments) for ``resume``: the start of this iteration
        when its stages are kept (else, right after a fast run, the start of the next one)."""
        s = self._state
        if s.position < len(self.stages):  # weights and momentum change only at the update
            return s.params, s.iteration, s.epoch, s.batch, s.position, s.moments
        earlier = self.recent(len(self.stages))
        start = earlier[0] if len(earlier) == len(self.stages) else None
        if isinstance(start, State) and start.position == 0:
            return start.params, start.iteration, start.epoch, start.batch, len(self.stages), start.moments
        if isinstance(start, State) and start.position == len(self.stages):  # the end of the one before
            epoch, batch = self._batches.following(start.epoch, start.batch)
            return start.params, start.iteration + 1, epoch, batch, len(self.stages), start.moments
        epoch, batch = self._batches.following(s.epoch, s.batch)
        return s.params, s.iteration + 1, epoch, batch, 0, s.moments

    def continue_from(self, other: Stepper) -> Snapshot:
        """Take over ``other``'s place — weights, momentum, the iteration, its stage and numbers — when only
        settings that do not change the batches differ (learning rate, momentum, L2, epochs): training goes
        on from there, counted on, and step back still returns to the stages before. Otherwise (another batch
        size or shuffling) ``replace_parameters``."""
        t, u = self.training, other.training
        if (t.batch_size, t.shuffle, t.seed) != (u.batch_size, u.shuffle, u.seed):
            return self.replace_parameters(other.parameters)
        check_parameters(self.spec, other.parameters)
        # the stages before the change stay there to step back to (as they were computed, with the old settings)
        self.restore(other._state, other._history.recent(len(other._history)))
        return self.snapshot()

    def _go(self, state: State, forget: bool = True) -> Snapshot:
        """Be at ``state``, on its batch; with no stages kept for step back, unless ``forget`` is False."""
        self._be(state, forget)
        return self.snapshot()

    def _be(self, state: State, forget: bool = True) -> None:
        """``_go`` without the snapshot."""
        self._state, self._xy = state, self._batches.get(state.epoch, state.batch)
        if forget:
            self._history.clear()

    # ----- one stage --------------------------------------------------------------------
    def _advance(self, s: State) -> State:
        if s.position == len(self.stages):  # the previous iteration is complete: begin the next
            epoch, batch = self._batches.following(s.epoch, s.batch)
            s = State(s.params, 0, s.iteration + 1, epoch, batch, moments=s.moments, ledger=s.ledger)
            self._xy = self._batches.get(epoch, batch)
        return take_stage(self.plan, self.training, self.stages[s.position], s, *self._xy)

    # ----- read-out ---------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        s = self._state
        x, y = self._xy
        arrays: dict[str, Array] = {"input": x, "target": y}
        for l, (W, b) in enumerate(s.params, start=1):
            arrays[key("W", l)] = W
            arrays[key("b", l)] = b
        arrays.update(s.cache)
        return Snapshot.build(self.spec, s.last, self.next_stage, s.position, s.iteration, s.epoch, s.batch, arrays,
                              s.loss, s.changed, s.ledger, s.moments)

    def current_batch(self) -> tuple[Array, Array]:
        """(A⁰, Y) that the next forward stage will use."""
        if self.complete:
            return self._batches.get(*self._batches.following(self._state.epoch, self._state.batch))
        return self._xy
