"""Measurements of the whole training and test sets for the training log: loss, accuracy, the
mean size of ∂L/∂W per layer, and how δ shrinks or grows from layer to layer (``gradient_flow``).
Nothing is changed; the same BP functions as training are used."""

from __future__ import annotations

import numpy as np

from . import backprop as bp
from . import gradient_flow as flow
from .metrics import accuracy_of, is_classification
from .mistake_ops import batch_loss
from .training_log import columns

Array = np.ndarray


def probe_row(plan: bp.Plan, params, iteration: int, batches_per_epoch: int,
              train: tuple[Array, Array], test: tuple[Array, Array] | None) -> Array:
    """One training-log row (see ``training_log``); x and y in column convention."""
    row = np.full(len(columns(len(params))), np.nan)
    row[0] = iteration
    row[1] = iteration / max(1, batches_per_epoch)
    x, y = train
    zs, activations = bp.forward(plan, params, x)
    row[2] = bp.mean_loss(plan, zs, activations, y) if not plan.mistake else batch_loss(plan, params, x, y)
    classes = is_classification(y)
    if classes:
        row[4] = accuracy_of(activations[-1], y)
    deltas: list[Array] = []
    for l, (dW, _) in enumerate(bp.backward(plan, params, zs, activations, y, deltas)):
        row[6 + l] = float(np.mean(np.abs(dW)))
    row[6 + len(params):] = flow.flow_row(flow.network_flow(plan, params, zs, activations, deltas))
    if test is not None:
        tx, ty = test
        zs, activations = bp.forward(plan, params, tx)
        row[3] = bp.mean_loss(plan, zs, activations, ty)
        if classes and is_classification(ty):
            row[5] = accuracy_of(activations[-1], ty)
    return row
