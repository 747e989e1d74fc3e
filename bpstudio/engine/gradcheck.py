"""Numerical gradient check: backprop's ∂L/∂W, ∂L/∂b against central differences.

The numeric derivative uses the fourth-order central difference
    (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h
whose truncation error is O(h⁴), so float64 agreement to ~1e-9 is expected.
Relative error = |backprop − numeric| / max(|backprop|, |numeric|, floor): gradients smaller
than ``floor`` are compared absolutely (a relative error of two near-zero numbers means nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import backprop as bp

Array = np.ndarray
STEP = 1e-4
FLOOR = 1e-6
TOLERANCE = 1e-7


@dataclass(frozen=True)
class GradCheckEntry:
    layer: int  # 1-based
    name: str  # "W" or "b"
    index: tuple[int, int]
    backprop: float
    numeric: float
    rel_error: float


@dataclass(frozen=True)
class GradCheckResult:
    loss: float
    entries: tuple[GradCheckEntry, ...]
    tolerance: float

    @property
    def max_error(self) -> float:
        return max((e.rel_error for e in self.entries), default=0.0)

    @property
    def passed(self) -> bool:
        return self.max_error < self.tolerance

    def worst(self, count: int = 5) -> list[GradCheckEntry]:
        return sorted(self.entries, key=lambda e: e.rel_error, reverse=True)[:count]

    def per_parameter(self) -> list[tuple[int, str, float, bool]]:
        """(layer, W|b, max relative error, passed) for each parameter array."""
        out: dict[tuple[int, str], float] = {}
        for e in self.entries:
            out[(e.layer, e.name)] = max(out.get((e.layer, e.name), 0.0), e.rel_error)
        return [(l, n, err, err < self.tolerance) for (l, n), err in sorted(out.items())]


def gradient_check(
    plan: bp.Plan,
    params: tuple[tuple[Array, Array], ...] | list[tuple[Array, Array]],
    x: Array,
    y: Array,
    step: float = STEP,
    tolerance: float = TOLERANCE,
    max_entries_per_array: int | None = None,
    seed: int = 0,
) -> GradCheckResult:
    """Check every entry (or a seeded sample of ``max_entries_per_array`` per array)."""
    loss, grads = bp.full_gradients(plan, list(params), x, y)
    rng = np.random.default_rng(seed)
    entries = []
    for l, ((W, b), (dW, db)) in enumerate(zip(params, grads, strict=True), start=1):
        for name, value, grad in (("W", W, dW), ("b", b, db)):
            indices = list(np.ndindex(*value.shape))
            if max_entries_per_array is not None and len(indices) > max_entries_per_array:
                pick = rng.choice(len(indices), max_entries_per_array, replace=False)
                indices = [indices[i] for i in sorted(pick)]
            for idx in indices:
                numeric = _numeric(plan, params, x, y, l, name, idx, step)
                analytic = float(grad[idx])
                scale = max(abs(analytic), abs(numeric), FLOOR)
                entries.append(
                    GradCheckEntry(l, name, (int(idx[0]), int(idx[1])), analytic, numeric,
                                   abs(analytic - numeric) / scale)
                )
    return GradCheckResult(loss, tuple(entries), tolerance)


def _numeric(plan: bp.Plan, params, x: Array, y: Array, layer: int, name: str, idx, h: float) -> float:
    def loss_at(delta: float) -> float:
        perturbed = []
        for l, (W, b) in enumerate(params, start=1):
            if l == layer:
                target = (W if name == "W" else b).copy()
                target[idx] += delta
                W, b = (target, b) if name == "W" else (W, target)
            perturbed.append((W, b))
        return bp.batch_loss(plan, perturbed, x, y)

    return (-loss_at(2 * h) + 8 * loss_at(h) - 8 * loss_at(-h) + loss_at(-2 * h)) / (12 * h)
