"""Loss and accuracy of a network on a set of samples (training or test), without changing anything."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import backprop as bp

Array = np.ndarray


@dataclass(frozen=True)
class Evaluation:
    loss: float  # mean per-sample loss
    accuracy: float | None  # fraction of samples classified right; None for a regression target


def is_classification(y: Array) -> bool:
    """Targets (nᴸ, N) that are 0/1 in one row, or one-hot columns."""
    return bool(np.all((y == 0) | (y == 1))) and (y.shape[0] == 1 or bool(np.all(y.sum(axis=0) == 1)))


def predict(plan: bp.Plan, params, x: Array) -> Array:
    return bp.forward(plan, params, x)[1][-1]


def evaluate(plan: bp.Plan, params, x: Array, y: Array) -> Evaluation:
    """x (n⁰, N) and y (nᴸ, N), column convention."""
    zs, activations = bp.forward(plan, params, x)
    loss = bp.mean_loss(plan, zs, activations, y)
    return Evaluation(loss, accuracy_of(activations[-1], y) if is_classification(y) else None)


def accuracy_of(a: Array, y: Array) -> float:
    """Fraction right: one output unit is class 1 when aᴸ ≥ 0.5; several, the largest output."""
    if y.shape[0] == 1:
        right = (a[0] >= 0.5) == (y[0] == 1)
    else:
        right = np.argmax(a, axis=0) == np.argmax(y, axis=0)
    return float(np.mean(right))
