"""Steps training one stage at a time, keeps a bounded history to step back, runs fast on request.

State is a small record of references to arrays that are never modified in place, so a
history entry costs only the arrays its stage created; the history is a bounded deque, so
memory stays bounded however long a run goes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from . import backprop as bp
from .errors import HistoryError, ValidationError
from .i18n import translate
from .initializers import initial_parameters
from .readonly import read_only
from .snapshot import Snapshot, key
from .spec import InitSpec, NetworkSpec, TrainingSpec
from .stages import BACKWARD, FORWARD, LOSS, UPDATE, Stage, iteration_stages

Array = np.ndarray
ParamTuple = tuple[tuple[Array, Array], ...]
Observer = Callable[[int, list[Array], list[Array]], None]
HISTORY_LIMIT = 512  # stages kept for step back
HISTORY_BYTES = 256 * 2**20  # and at most about this much memory of arrays kept only for stepping back


def divergence_is_data() -> np.errstate:
    """A diverging run overflows to inf and NaN: the numbers are what the learner must see, not a warning."""
    return np.errstate(over="ignore", invalid="ignore", divide="ignore")


@dataclass(frozen=True)
class _State:
    params: ParamTuple
    position: int  # stages of this iteration already done
    iteration: int
    epoch: int
    batch: int
    cache: dict[str, Array] = field(default_factory=dict)  # z, a, delta, dW, db, grad_a, losses
    loss: float | None = None
    last: Stage | None = None
    changed: frozenset[str] = frozenset()
    cost: int = 0  # bytes of the arrays this state's stage created (what keeping it in history costs)
    velocity: ParamTuple | None = None  # momentum's (vW, vb) per layer; None means zeros (or plain descent)


class Stepper:
    """Owns a network, its data and its training state. Not thread-safe: one owner at a time.

    Data is in column convention: ``x`` (n⁰, N), ``y`` (nᴸ, N).
    """

    def __init__(
        self,
        spec: NetworkSpec,
        x: Array,
        y: Array,
        training: TrainingSpec | None = None,
        init: InitSpec | None = None,
        params: Sequence[tuple[Array, Array]] | None = None,
        history_limit: int = HISTORY_LIMIT,
        history_bytes: int = HISTORY_BYTES,
    ) -> None:
        self.spec = spec.validate()
        self.training = (training or TrainingSpec()).validate()
        self.init = (init or InitSpec()).validate()
        if params is None and self.init.method == "explicit":
            raise ValidationError("init.method", translate(
                "Stepper", "explicit initialisation needs the weights and biases"))
        self.plan = bp.Plan.of(spec)
        self.x, self.y = check_data(spec, x, y)
        self.stages = iteration_stages(spec.depth)
        self._initial = None if params is None else check_parameters(spec, params)
        self._history: deque[_State] = deque()
        self._history_limit, self._history_budget, self._history_bytes = history_limit, history_bytes, 0
        self.reset()

    # ----- data and batches -----------------------------------------------------------
    @property
    def samples(self) -> int:
        return int(self.x.shape[1])

    @property
    def batch_size(self) -> int:
        bs = self.training.batch_size
        return self.samples if bs == 0 or bs >= self.samples else bs

    @property
    def batches_per_epoch(self) -> int:
        return -(-self.samples // self.batch_size)

    def _epoch_order(self, epoch: int) -> Array:
        """The order of the samples in epoch ``epoch``: shuffled from (seed, epoch), so any batch
        can be rebuilt without replaying a random stream."""
        n = self.samples
        if self.training.shuffle and self.batch_size < n:
            return np.random.default_rng([self.training.seed, epoch]).permutation(n)
        return np.arange(n)

    def _batch_columns(self, epoch: int, batch: int) -> Array:
        """Columns of batch ``batch`` in epoch ``epoch``."""
        bs = self.batch_size
        return self._epoch_order(epoch)[batch * bs : (batch + 1) * bs]

    def _batch(self, epoch: int, batch: int) -> tuple[Array, Array]:
        if self.batch_size == self.samples:  # full batch: never shuffled, order as given
            return self.x, self.y
        cols = self._batch_columns(epoch, batch)
        return read_only(self.x[:, cols], copy=False), read_only(self.y[:, cols], copy=False)

    def _following(self, epoch: int, batch: int) -> tuple[int, int]:
        batch += 1
        return (epoch + 1, 0) if batch == self.batches_per_epoch else (epoch, batch)

    # ----- control ----------------------------------------------------------------------
    def reset(self) -> Snapshot:
        """Back to the initial weights (the explicit ones, or drawn from the seed), iteration 0."""
        if self._initial is not None:
            params: ParamTuple = self._initial
        else:
            rng = np.random.default_rng(self.training.seed)
            params = _frozen(initial_parameters(self.spec, self.init, rng))
        self._state = _State(params=params, position=0, iteration=0, epoch=0, batch=0)
        self._xy = self._batch(0, 0)
        self._forget_history()
        return self.snapshot()

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
        assert isinstance(checkpoint, _State)
        self._state = checkpoint
        self._xy = self._batch(checkpoint.epoch, checkpoint.batch)
        self._forget_history()
        for state in history:
            assert isinstance(state, _State)
            self._remember(state)

    def recent(self, stages: int) -> tuple[object, ...]:
        """The last ``stages`` states step back would return to, oldest first (for ``restore``)."""
        return tuple(self._history)[-stages:] if stages > 0 else ()

    def all_finite(self) -> bool:
        """No NaN or infinity in any weight or bias."""
        return all(np.isfinite(W).all() and np.isfinite(b).all() for W, b in self._state.params)

    @property
    def epoch(self) -> int:
        return self._state.epoch

    def step(self) -> Snapshot:
        """Advance exactly one stage and return the state after it."""
        self._remember(self._state)
        with divergence_is_data():
            self._state = self._advance(self._state)
        return self.snapshot()

    def step_back(self) -> Snapshot:
        if not self._history:
            raise HistoryError(translate("Stepper", "no earlier stage is kept"))
        self._state = self._history.pop()
        self._history_bytes -= self._state.cost
        self._xy = self._batch(self._state.epoch, self._state.batch)
        return self.snapshot()

    def finish_iteration(self) -> Snapshot:
        """Run the remaining stages of this iteration (a whole one if at its start)."""
        self.step()
        while not self.complete:
            self.step()
        return self.snapshot()

    def finish_epoch(self) -> Snapshot:
        self.finish_iteration()
        while self._state.batch != self.batches_per_epoch - 1:
            self.finish_iteration()
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
            self.finish_iteration()
            done = 1
        if count - done > 1:
            with divergence_is_data():
                done += self._run_fast(count - done - 1, should_stop, observe)
            if should_stop is not None and should_stop():
                return done
        if done < count:
            self.finish_iteration()
            done += 1
        return done

    def run_epochs(self, count: int, should_stop: Callable[[], bool] | None = None) -> int:
        """Complete ``count`` epochs, the current one counting if partly done. Returns iterations run."""
        s, per = self._state, self.batches_per_epoch
        if self.complete:
            left = per - 1 - s.batch  # batches still to come in the current epoch
        else:
            left = per - s.batch
        iterations = left + (count - 1 if left else count) * per
        return self.run_iterations(iterations, should_stop)

    # ----- edits ------------------------------------------------------------------------
    def set_parameter(self, layer: int, name: str, index: tuple[int, int], value: float) -> Snapshot:
        """Set one entry of Wˡ or bˡ. The current iteration restarts (its numbers depended on the
        old value); step back undoes the edit."""
        if not _whole(layer) or not 1 <= layer <= self.spec.depth:
            raise ValidationError("layer", translate("Stepper", "must be from 1 to {depth}, got {value!r}").format(
                depth=self.spec.depth, value=layer))
        if name not in ("W", "b"):
            raise ValidationError("name", translate("Stepper", "must be W or b, got {value!r}").format(value=name))
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not np.isfinite(value):
            raise ValidationError(key(name, layer), translate(
                "Stepper", "must be a finite number, got {value!r}").format(
                value=value))
        W, b = self._state.params[layer - 1]
        target = W if name == "W" else b
        if not isinstance(index, (tuple, list)) or len(index) != 2 or not all(_whole(i) for i in index):
            raise ValidationError(key(name, layer), translate(
                "Stepper", "index must be two whole numbers (row, column), got {index!r}").format(index=index))
        j, k = index
        if not (0 <= j < target.shape[0] and 0 <= k < target.shape[1]):
            raise ValidationError(key(name, layer), translate(
                "Stepper", "index {index} is outside shape {shape}").format(index=index, shape=target.shape))
        new = target.copy()
        new[j, k] = value
        pair = (read_only(new, copy=False), b) if name == "W" else (W, read_only(new, copy=False))
        params = tuple(pair if i == layer - 1 else p for i, p in enumerate(self._state.params))
        self._remember(self._state)
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
        self._state = _State(params=checked, position=0, iteration=0, epoch=0, batch=0)
        self._xy = self._batch(0, 0)
        self._forget_history()
        return self.snapshot()

    def resume(self, params: Sequence[tuple[Array, Array]], iteration: int, epoch: int, batch: int,
               position: int, velocity: Sequence[tuple[Array, Array]] | None = None) -> Snapshot:
        """Be where a saved project was: iteration ``iteration`` (epoch, batch) from these weights and
        momentum, with its first ``position`` stages taken again — so every number is as it was."""
        if batch >= self.batches_per_epoch:
            raise ValidationError("state.batch", translate(
                "Stepper", "an epoch here has {batches} batches, got {batch}").format(
                batches=self.batches_per_epoch, batch=batch))
        if position > len(self.stages):
            raise ValidationError("state.position", translate(
                "Stepper", "an iteration has {stages} stages, got {position}").format(
                stages=len(self.stages), position=position))
        checked = check_parameters(self.spec, params)
        moved = None if velocity is None else check_parameters(self.spec, velocity)
        self._state = _State(params=checked, position=0, iteration=iteration, epoch=epoch, batch=batch,
                             velocity=moved)
        self._xy = self._batch(epoch, batch)
        self._forget_history()
        for _ in range(position):
            self.step()
        return self.snapshot()

    def saved_state(self) -> tuple[ParamTuple, int, int, int, int, ParamTuple | None]:
        """(params, iteration, epoch, batch, position, velocity) for ``resume``: the start of this iteration
        when its stages are kept (else, right after a fast run, the start of the next one)."""
        s = self._state
        if s.position < len(self.stages):  # weights and momentum change only at the update
            return s.params, s.iteration, s.epoch, s.batch, s.position, s.velocity
        earlier = self.recent(len(self.stages))
        start = earlier[0] if len(earlier) == len(self.stages) else None
        if isinstance(start, _State) and start.position == 0:
            return start.params, start.iteration, start.epoch, start.batch, len(self.stages), start.velocity
        if isinstance(start, _State) and start.position == len(self.stages):  # the end of the one before
            epoch, batch = self._following(start.epoch, start.batch)
            return start.params, start.iteration + 1, epoch, batch, len(self.stages), start.velocity
        epoch, batch = self._following(s.epoch, s.batch)
        return s.params, s.iteration + 1, epoch, batch, 0, s.velocity

    def continue_from(self, other: Stepper) -> Snapshot:
        """Take over ``other``'s place — weights, momentum, the iteration, its stage and numbers — when only
        settings that do not change the batches differ (learning rate, momentum, L2, epochs): training goes
        on from there, counted on. Otherwise (another batch size or shuffling) ``replace_parameters``."""
        t, u = self.training, other.training
        if (t.batch_size, t.shuffle, t.seed) != (u.batch_size, u.shuffle, u.seed):
            return self.replace_parameters(other.parameters)
        check_parameters(self.spec, other.parameters)
        self._state = other._state
        self._xy = self._batch(self._state.epoch, self._state.batch)
        self._forget_history()
        return self.snapshot()

    def _remember(self, state: _State) -> None:
        """Keep ``state`` for step back, dropping the oldest stages beyond the count and memory limits
        (a 4096-unit layer makes every update cost hundreds of MB)."""
        self._history.append(state)
        self._history_bytes += state.cost
        while self._history and (len(self._history) > self._history_limit
                                 or self._history_bytes > self._history_budget):
            self._history_bytes -= self._history.popleft().cost

    def _forget_history(self) -> None:
        self._history.clear()
        self._history_bytes = 0

    # ----- one stage --------------------------------------------------------------------
    def _advance(self, s: _State) -> _State:
        if s.position == len(self.stages):  # the previous iteration is complete: begin the next
            epoch, batch = self._following(s.epoch, s.batch)
            s = _State(s.params, 0, s.iteration + 1, epoch, batch, velocity=s.velocity)
            self._xy = self._batch(epoch, batch)
        stage = self.stages[s.position]
        x, y = self._xy
        cache, params, loss, velocity = dict(s.cache), s.params, s.loss, s.velocity
        L, l = self.spec.depth, stage.layer
        out: dict[str, Array]
        if stage.kind == FORWARD:
            a_prev = x if l == 1 else cache[key("a", l - 1)]
            W, b = params[l - 1]
            z, a = bp.forward_layer(W, b, a_prev, self.plan.activations[l - 1])
            out = {key("z", l): z, key("a", l): a}
        elif stage.kind == LOSS:
            z_out, a_out = cache[key("z", L)], cache[key("a", L)]
            losses = bp.loss_per_sample(self.plan, z_out, a_out, y)
            loss = float(np.mean(losses))
            out = {"losses": losses, "grad_a": bp.grad_output(self.plan, a_out, y)}
        elif stage.kind == BACKWARD:
            zs = [cache[key("z", i)] for i in range(1, L + 1)]
            activations = [x, *(cache[key("a", i)] for i in range(1, L + 1))]
            delta, dW, db = bp.backward_layer(self.plan, params, l, zs, activations, y, cache["grad_a"],
                                              cache.get(key("delta", l + 1)))
            out = {key("delta", l): delta, key("db", l): db, key("dW", l): dW}
        else:
            assert stage.kind == UPDATE
            t = self.training
            new, out, moved = [], {}, []
            for i, (W, b) in enumerate(params, start=1):
                dW, db = cache[key("dW", i)], cache[key("db", i)]
                if t.plain:
                    W2, b2 = bp.update(W, b, dW, db, t.learning_rate)
                else:
                    vW, vb = velocity[i - 1] if velocity is not None else (np.zeros_like(W), np.zeros_like(b))
                    W2, b2, vW, vb = bp.update_momentum(W, b, dW, db, vW, vb, t.learning_rate, t.momentum, t.l2)
                    moved.append((vW, vb))
                new.append((W2, b2))
                out[key("W", i)], out[key("b", i)] = W2, b2
            params = _frozen(new)
            velocity = _frozen(moved) if moved else None
        for k, v in out.items():
            if not k.endswith(("/W", "/b")):
                cache[k] = read_only(v, copy=False)
        cost = sum(v.nbytes for v in out.values())
        if velocity is not s.velocity:
            cost *= 2  # the velocities are as large as the new weights
        return _State(params, s.position + 1, s.iteration, s.epoch, s.batch, cache, loss, stage, frozenset(out),
                      cost, velocity)

    def _run_fast(self, count: int, should_stop: Callable[[], bool] | None, observe: Observer | None = None) -> int:
        """``count`` whole iterations from an iteration boundary, keeping no intermediates.

        The same functions as the stages, called in the same order, so the weights end bit-identical
        to stepping; only the bookkeeping is lighter (one shuffle per epoch, no stage records, the
        update written into private copies of the weights rather than into new arrays)."""
        s = self._state
        plan, lr = self.plan, self.training.learning_rate
        plain, mu, lam = self.training.plain, self.training.momentum, self.training.l2
        Ws = [W.copy() for W, _ in s.params]  # the state's arrays are shared and read-only
        bs = [b.copy() for _, b in s.params]
        if s.velocity is not None:
            vWs, vbs = [v.copy() for v, _ in s.velocity], [v.copy() for _, v in s.velocity]
        else:
            vWs, vbs = [np.zeros_like(W) for W in Ws], [np.zeros_like(b) for b in bs]
        params = list(zip(Ws, bs, strict=True))  # the same arrays: the updates write into them
        epoch, batch, iteration = s.epoch, s.batch, s.iteration
        begun = self.complete  # the batch at (epoch, batch) has been used already
        size, per = self.batch_size, self.batches_per_epoch
        full = size == self.samples
        x_all, y_all = self.x, self.y
        order, order_epoch = np.arange(0), -1  # the samples' order in epoch order_epoch
        done = 0
        while done < count:
            if begun:
                batch += 1
                if batch == per:
                    epoch, batch = epoch + 1, 0
                iteration += 1
            begun = True
            if full:
                x, y = x_all, y_all
            else:
                if epoch != order_epoch:
                    order, order_epoch = self._epoch_order(epoch), epoch
                cols = order[batch * size : (batch + 1) * size]
                x, y = x_all[:, cols], y_all[:, cols]
            zs, activations = bp.forward(plan, params, x)
            grads = bp.backward(plan, params, zs, activations, y)
            for (W, b), (dW, db), vW, vb in zip(params, grads, vWs, vbs, strict=True):
                if plain:
                    bp.update_in_place(W, b, dW, db, lr)
                else:
                    bp.update_momentum_in_place(W, b, dW, db, vW, vb, lr, mu, lam)
            done += 1
            if observe is not None:
                observe(iteration + 1, Ws, bs)
            if should_stop is not None and should_stop():
                break
        velocity = None if plain else _frozen(zip(vWs, vbs, strict=True))
        self._state = _State(_frozen(params), len(self.stages), iteration, epoch, batch, velocity=velocity)
        self._xy = self._batch(epoch, batch)
        self._forget_history()  # the fast iterations kept no stages to step back into
        return done

    # ----- read-out ---------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        s = self._state
        x, y = self._xy
        arrays: dict[str, Array] = {"input": x, "target": y}
        for l, (W, b) in enumerate(s.params, start=1):
            arrays[key("W", l)] = W
            arrays[key("b", l)] = b
        arrays.update(s.cache)
        return Snapshot.build(
            self.spec, s.last, self.next_stage, s.position, s.iteration, s.epoch, s.batch,
            arrays, s.loss, s.changed,
        )

    def current_batch(self) -> tuple[Array, Array]:
        """(A⁰, Y) that the next forward stage will use."""
        if self.complete:
            return self._batch(*self._following(self._state.epoch, self._state.batch))
        return self._xy


def _frozen(pairs: Iterable[tuple[Array, Array]]) -> ParamTuple:
    """(W, b) or (vW, vb) pairs just made, marked read-only."""
    return tuple((read_only(W, copy=False), read_only(b, copy=False)) for W, b in pairs)


def _whole(x: object) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, bool)


def check_parameters(
    spec: NetworkSpec, params: Sequence[tuple[Array, Array]], field: str = "parameters"
) -> ParamTuple:
    """Validate explicit (W, b) pairs against the spec; returns read-only float64 copies."""
    if len(params) != spec.depth:
        raise ValidationError(field, translate(
            "Stepper", "{count} layers of parameters given, the network has {depth}").format(
            count=len(params), depth=spec.depth))
    out = []
    sizes = spec.sizes
    for l, (W_in, b_in) in enumerate(params, start=1):
        where = f"{field}[{l - 1}]"
        try:
            W, b = read_only(W_in), read_only(b_in)
        except (TypeError, ValueError) as exc:
            raise ValidationError(where, translate(
                "Stepper", "must hold numbers in rectangular lists ({reason})").format(reason=exc)) from None
        if b.ndim == 1:
            b = b.reshape(-1, 1)
        if W.shape != (sizes[l], sizes[l - 1]):
            raise ValidationError(f"{where}.W", translate(
                "Stepper", "has shape {shape}, but W{l} must be (n{l}, n{previous}) = {expected}").format(
                shape=W.shape, l=l, previous=l - 1, expected=(sizes[l], sizes[l - 1])))
        if b.shape != (sizes[l], 1):
            raise ValidationError(f"{where}.b", translate("Stepper", "needs {count} values, got shape {shape}").format(
                count=sizes[l], shape=b.shape))
        for name, arr in (("W", W), ("b", b)):
            if not np.all(np.isfinite(arr)):
                raise ValidationError(f"{where}.{name}", translate("Stepper", "contains NaN or infinity"))
        out.append((W, b))
    return tuple(out)


def check_data(spec: NetworkSpec, x: Array, y: Array) -> tuple[Array, Array]:
    """Validate data in column convention, x (n⁰, N) and y (nᴸ, N); returns read-only copies."""
    try:
        x, y = read_only(x), read_only(y)
    except (TypeError, ValueError) as exc:
        raise ValidationError("data", translate(
            "Stepper", "must hold numbers in rectangular lists ({reason})").format(reason=exc)) from None
    if x.ndim != 2 or y.ndim != 2:
        raise ValidationError("data", translate("Stepper", "inputs and targets must be 2-D (features × samples)"))
    if x.shape[1] == 0:
        raise ValidationError("data.x", translate("Stepper", "there are no samples"))
    if x.shape[0] != spec.input_size:
        raise ValidationError("data.x", translate(
            "Stepper", "samples have {count} features, but the network's input size is {size}").format(
            count=x.shape[0], size=spec.input_size))
    n_out = spec.layers[-1].units
    if y.shape[0] != n_out:
        raise ValidationError("data.y", translate(
            "Stepper", "targets have {count} values, but the output layer has {units} units").format(
            count=y.shape[0], units=n_out))
    if y.shape[1] != x.shape[1]:
        raise ValidationError("data.y", translate("Stepper", "{targets} targets for {samples} samples").format(
            targets=y.shape[1], samples=x.shape[1]))
    for name, arr in (("x", x), ("y", y)):
        bad = np.argwhere(~np.isfinite(arr))
        if len(bad):
            sample, value = bad[0][1] + 1, bad[0][0] + 1  # counted from 1, for people
            raise ValidationError(f"data.{name}", translate(
                "Stepper", "sample {sample} has NaN or infinity (in value {value})").format(sample=sample, value=value))
    loss = spec.loss_fn
    if loss.fused_with is not None:
        if np.any(y < 0) or np.any(y > 1):
            raise ValidationError("data.y", translate("Stepper", "{loss} needs targets between 0 and 1").format(
                loss=loss.name))
        if loss.name == "cross_entropy" and not np.allclose(y.sum(axis=0), 1.0):
            raise ValidationError("data.y", translate(
                "Stepper", "cross_entropy needs each target to sum to 1 (one-hot or probabilities)"))
    return x, y
