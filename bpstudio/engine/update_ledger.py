"""The update ledger: what each update did to the loss, beside what the gradient promised.

For an update θ → θ + Δθ made with the gradient g = ∂L/∂θ of the batch loss, the first-order prediction of the
loss change is gᵀΔθ, which for plain descent (Δθ = −ηg) is −η‖g‖². The real change is the batch loss after
minus before, on the same batch (and, beside it, on the whole training set). The loss along the update
direction, L(θ + tΔθ) for t from 0 to 2.5, shows why they differ: where the line's lowest point is (the best
step on that line) and where the step taken, t = 1, landed. A step that overshoots the valley lands past the
bottom, uphill: the real change is positive where the prediction is negative, and the best t is well below 1.

Cheap at every update (``ledger_entry``: dot products over the parameters, no forward pass); the real changes and
the line (forward passes on the batch and the training set) are filled in later (``LedgerDetails``), from the
parameters the entry keeps by reference (the stepper's arrays are never changed in place, so this copies
nothing). Those references stay in their process: an entry sent to another process carries its numbers only.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from . import backprop as bp
from .metrics import evaluate
from .spec import TrainingSpec

Array = np.ndarray
LEDGER_SIZE = 12  # updates kept
LINE_T = tuple(k / 10 for k in range(26))  # t = 0, 0.1, …, 2.5 along the step (1.0 exactly at k = 10)
STEP_INDEX = 10  # LINE_T[STEP_INDEX] == 1.0: the step taken
OVERSHOOT_T = 0.75  # a best t below this (and a loss that rose) is a step past the valley's bottom


@dataclass(frozen=True)
class Basis:
    """What the line and the training-set losses are computed from: θ before and after, the batch."""

    before: tuple[tuple[Array, Array], ...]
    after: tuple[tuple[Array, Array], ...]
    x: Array
    y: Array


@dataclass(frozen=True)
class LedgerEntry:
    iteration: int  # 0-based: the update of iteration ``iteration + 1``
    predicted: float  # gᵀΔθ (−η‖g‖² for plain descent)
    batch_before: float  # the batch loss the engine reported before the update
    batch_after: float | None = None  # the same batch's loss after it (None: not measured yet)
    train_before: float | None = None  # the training set's loss before and after (None: not measured yet)
    train_after: float | None = None
    line: tuple[float, ...] = ()  # the batch loss at θ + tΔθ for t in LINE_T (empty: not measured yet)
    basis: Basis | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict:  # numbers only across processes: the parameters stay where they are
        return {**self.__dict__, "basis": None}

    @property
    def batch_change(self) -> float | None:
        return None if self.batch_after is None else self.batch_after - self.batch_before

    @property
    def train_change(self) -> float | None:
        if self.train_before is None or self.train_after is None:
            return None
        return self.train_after - self.train_before

    @property
    def ratio(self) -> float | None:
        """Real change on the batch over the predicted one: 1 when the first-order picture holds."""
        change = self.batch_change
        return None if self.predicted == 0 or change is None else change / self.predicted

    @property
    def measured(self) -> bool:
        return bool(self.line)

    @property
    def best_t(self) -> float | None:
        """The t of the lowest finite loss on the line (the first, on a tie)."""
        values = np.asarray(self.line, dtype=float)
        if not values.size or not np.isfinite(values).any():
            return None
        return LINE_T[int(np.nanargmin(np.where(np.isfinite(values), values, np.nan)))]

    @property
    def overshot(self) -> bool:
        """The step went past the valley's bottom: the loss rose where it was predicted to fall, and (when the
        line is measured) its lowest point lies well before t = 1."""
        if self.batch_after is None:
            return False  # not measured yet
        rose = not (self.batch_after <= self.batch_before) and self.predicted < 0  # a NaN after counts as rising
        best = self.best_t
        return rose and (best is None or best < OVERSHOOT_T)


def predicted_change(training: TrainingSpec, grads: Sequence[tuple[Array, Array]],
                     before: Sequence[tuple[Array, Array]], after: Sequence[tuple[Array, Array]]) -> float:
    """−η‖g‖² for plain descent; gᵀΔθ with Δθ the parameters' actual change otherwise (momentum, L2, RMSProp,
    Adam: whatever the rule, the first-order change of the loss along the step taken)."""
    if training.plain:
        return -training.learning_rate * sum(float(np.vdot(dW, dW) + np.vdot(db, db)) for dW, db in grads)
    return sum(float(np.vdot(dW, W1 - W0) + np.vdot(db, b1 - b0))
               for (dW, db), (W0, b0), (W1, b1) in zip(grads, before, after, strict=True))


def ledger_entry(training: TrainingSpec, iteration: int, grads: Sequence[tuple[Array, Array]],
                 before: tuple[tuple[Array, Array], ...], after: tuple[tuple[Array, Array], ...], x: Array, y: Array,
                 loss_before: float) -> LedgerEntry:
    """What an update's entry costs at the update: the prediction (dot products over the parameters), the loss
    before (the engine's) and references to what the rest is measured from."""
    return LedgerEntry(iteration, predicted_change(training, grads, before, after), loss_before,
                       basis=Basis(before, after, x, y))


def appended(ledger: tuple[LedgerEntry, ...], entry: LedgerEntry) -> tuple[LedgerEntry, ...]:
    """The last LEDGER_SIZE entries with ``entry`` the newest (entries of its iteration or later, from a run that
    went back and on again, dropped)."""
    kept = tuple(e for e in ledger if e.iteration < entry.iteration)
    return (*kept, entry)[-LEDGER_SIZE:]


def line_losses(plan: bp.Plan, basis: Basis) -> tuple[float, ...]:
    """L(θ + tΔθ) on the batch for t in LINE_T; at t = 0 and t = 1 the parameters themselves (θ + 1·Δθ is θ after,
    without rounding)."""
    out = []
    for t in LINE_T:
        if t == 0.0:
            params = basis.before
        elif t == 1.0:
            params = basis.after
        else:
            params = tuple((W0 + t * (W1 - W0), b0 + t * (b1 - b0))
                           for (W0, b0), (W1, b1) in zip(basis.before, basis.after, strict=True))
        out.append(bp.batch_loss(plan, params, basis.x, basis.y))
    return tuple(out)


class LedgerDetails:
    """Fills in the line and the training-set losses of ledger entries that keep their basis, remembering what it
    computed (entries are immutable: a filled-in copy is handed out for the same entry every time). With ``share``,
    the newest entry is measured only while measuring takes at most 1/share of the time (a run at full speed)."""

    def __init__(self, plan: bp.Plan, train: tuple[Array, Array], share: float = 0.0,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.plan, self.train, self.share, self.clock = plan, train, share, clock
        self._done: dict[int, tuple[LedgerEntry, LedgerEntry]] = {}  # id(entry) → (entry, filled in)
        self._train: list[tuple[object, float]] = []  # (parameters, training-set loss), the newest last
        self._next = 0.0

    def fill(self, ledger: tuple[LedgerEntry, ...], force: int = 0) -> tuple[LedgerEntry, ...]:
        """``ledger`` with its entries measured: all of them without a share; with one, the newest when the time
        allows, and the newest ``force`` ones in any case."""
        out = []
        for i, entry in enumerate(ledger):
            known = self._done.get(id(entry))
            if known is not None and known[0] is entry:
                entry = known[1]
            elif entry.basis is not None and not entry.measured and self._due(len(ledger) - i, force):
                t0 = self.clock()
                filled = self.measure(entry)
                cost = self.clock() - t0
                self._next = self.clock() + self.share * cost
                self._done[id(entry)] = (entry, filled)
                entry = filled
            out.append(entry)
        keep = {id(e) for e in ledger}
        self._done = {k: v for k, v in self._done.items() if k in keep}
        return tuple(out)

    def known(self, ledger: tuple[LedgerEntry, ...]) -> tuple[LedgerEntry, ...]:
        """``ledger`` with the entries measured before filled in, the others as they are (nothing measured now)."""
        out = []
        for entry in ledger:
            known = self._done.get(id(entry))
            out.append(known[1] if known is not None and known[0] is entry else entry)
        return tuple(out)

    @staticmethod
    def unmeasured(ledger: tuple[LedgerEntry, ...]) -> bool:
        """Whether an entry could be measured here and is not yet (one made in this process, its basis kept)."""
        return any(entry.basis is not None and not entry.measured for entry in ledger)

    def _due(self, age: int, force: int) -> bool:
        return self.share <= 0 or age <= force or (age == 1 and self.clock() >= self._next)

    def measure(self, entry: LedgerEntry) -> LedgerEntry:
        basis = entry.basis
        assert basis is not None
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # a diverging step is data
            line, before, after = line_losses(self.plan, basis), basis.before, basis.after
            return replace(entry, batch_after=line[STEP_INDEX], train_before=self._train_loss(before),
                           train_after=self._train_loss(after), line=line)

    def _train_loss(self, params: object) -> float:
        """The training set's loss (as the training log's metrics compute it), once per set of parameters."""
        for p, loss in self._train:
            if p is params:
                return loss
        loss = evaluate(self.plan, params, *self.train).loss
        self._train = [*self._train[-3:], (params, loss)]
        return loss
