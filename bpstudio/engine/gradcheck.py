"""Numerical gradient check: backprop's ∂L/∂W, ∂L/∂b against central differences.

The numeric derivative uses the fourth-order central difference
    (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h
whose truncation error is O(h⁴), so float64 agreement to ~1e-9 is expected.
Relative error = |backprop − numeric| / max(|backprop|, |numeric|, floor): gradients smaller
than ``floor`` are compared absolutely (a relative error of two near-zero numbers means nothing).

The floor is the larger of ``FLOOR`` and what the difference quotient can resolve: rounding
in each loss evaluation (a few ε times the size of the numbers the loss is computed from,
|L| + Σ|zᴸ| + Σ|aᴸ| + Σ|y| per sample) is divided by h, so the numeric derivative carries an
absolute error of up to ``ROUNDING``·ε·size/h (≈1e-11 for size 1). A gradient smaller than that
divided by ``TOLERANCE`` (≈1e-4 for size 1) cannot be checked to 1e-7 relatively by any float64
finite difference; it is checked absolutely against that rounding error instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import backprop as bp
from .mistake_ops import batch_loss, full_gradients

Array = np.ndarray
STEP = 1e-4
FLOOR = 1e-6
TOLERANCE = 1e-7
EPS = float(np.finfo(np.float64).eps)
ROUNDING = 4.0  # bound on the difference quotient's rounding error, in units of ε·size/h (measured ≤ 1)


@dataclass(frozen=True)
class GradCheckEntry:
    layer: int  # 1-based
    name: str  # "W" or "b"
    index: tuple[int, int]
    backprop: float
    numeric: float
    rel_error: float
    kink: bool = False  # the difference quotient's steps cross a ReLU kink (some z changes sign): not checkable


@dataclass(frozen=True)
class GradCheckResult:
    loss: float
    entries: tuple[GradCheckEntry, ...]
    tolerance: float

    @property
    def checked(self) -> tuple[GradCheckEntry, ...]:
        """The entries a finite difference can check (not those whose steps cross a kink)."""
        return tuple(e for e in self.entries if not e.kink)

    @property
    def kinks(self) -> int:
        return len(self.entries) - len(self.checked)

    @property
    def max_error(self) -> float:
        return max((e.rel_error for e in self.checked), default=0.0)

    @property
    def passed(self) -> bool:
        return self.max_error < self.tolerance

    def worst(self, count: int = 5) -> list[GradCheckEntry]:
        return sorted(self.checked, key=lambda e: e.rel_error, reverse=True)[:count]

    def per_parameter(self) -> list[tuple[int, str, float, bool]]:
        """(layer, W|b, max relative error, passed) for each parameter array, over its checkable entries."""
        out: dict[tuple[int, str], float] = {}
        for e in self.entries:
            err = out.get((e.layer, e.name), 0.0)
            out[(e.layer, e.name)] = err if e.kink else max(err, e.rel_error)
        return [(l, n, err, err < self.tolerance) for (l, n), err in sorted(out.items())]


def gradient_check(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array, step: float = STEP,
                   tolerance: float = TOLERANCE, max_entries_per_array: int | None = None, seed: int = 0
                   ) -> GradCheckResult:
    """Check every entry (or a seeded sample of ``max_entries_per_array`` per array)."""
    loss, grads = full_gradients(plan, params, x, y)  # a planted mistake's, if any
    # the default TOLERANCE, not ``tolerance``: the reported errors do not depend on the pass mark
    floor = max(FLOOR, ROUNDING * EPS * _loss_size(plan, params, x, y) / step / TOLERANCE)
    rng = np.random.default_rng(seed)
    entries = []
    for l, ((W, b), (dW, db)) in enumerate(zip(params, grads, strict=True), start=1):
        for name, value, grad in (("W", W, dW), ("b", b, db)):
            indices = list(np.ndindex(*value.shape))
            if max_entries_per_array is not None and len(indices) > max_entries_per_array:
                pick = rng.choice(len(indices), max_entries_per_array, replace=False)
                indices = [indices[i] for i in sorted(pick)]
            for idx in indices:
                numeric, kink = _numeric(plan, params, x, y, l, name, idx, step)
                analytic = float(grad[idx])
                scale = max(abs(analytic), abs(numeric), floor)
                entries.append(GradCheckEntry(l, name, (int(idx[0]), int(idx[1])), analytic, numeric,
                                              abs(analytic - numeric) / scale, kink))
    return GradCheckResult(loss, tuple(entries), tolerance)


def _numeric(plan: bp.Plan, params, x: Array, y: Array, layer: int, name: str, idx, h: float
             ) -> tuple[float, bool]:
    """(the fourth-order difference quotient, whether its steps cross a kink)."""
    def perturbed(delta: float) -> list[tuple[Array, Array]]:
        W, b = params[layer - 1]
        target = (W if name == "W" else b).copy()
        target[idx] += delta
        return [*params[: layer - 1], (target, b) if name == "W" else (W, target), *params[layer:]]

    def loss_at(delta: float) -> float:
        return batch_loss(plan, perturbed(delta), x, y)

    # differences first: L(θ+h) − L(θ−h) is exact in floating point when the two are close, and
    # is exactly 0 when the loss does not change (left to right, −L + 8L − 8L + L is not)
    value = (8 * (loss_at(h) - loss_at(-h)) - (loss_at(2 * h) - loss_at(-2 * h))) / (12 * h)
    kink = any(a.name in KINKED for a in plan.activations) and (
        _kink_signs(plan, perturbed(-2 * h), x) != _kink_signs(plan, perturbed(2 * h), x))
    return value, kink


KINKED = ("relu", "leaky_relu")  # not differentiable at z = 0


def _kink_signs(plan: bp.Plan, params, x: Array) -> bytes:
    """Which side of 0 every z of a kinked layer is on: when it differs between θ − 2h and θ + 2h,
    the loss is not smooth between them and the difference quotient is no derivative."""
    zs, _ = bp.forward(plan, params, x)
    return b"".join(np.packbits(z > 0).tobytes() for z, f in zip(zs, plan.activations, strict=True)
                    if f.name in KINKED)


def _loss_size(plan: bp.Plan, params, x: Array, y: Array) -> float:
    """|L| + mean over samples of Σ(|zᴸ| + |aᴸ| + |y|): the scale of the rounding in evaluating L
    (log-sum-exp and a − y cancel, so it is not ε·|L| alone)."""
    zs, activations = bp.forward(plan, params, x)
    loss = bp.mean_loss(plan, zs, activations, y)
    return abs(loss) + float(np.mean(np.sum(np.abs(zs[-1]) + np.abs(activations[-1]) + np.abs(y), axis=0)))
