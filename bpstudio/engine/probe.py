"""Measurements of the whole training and test sets for the training log: loss, accuracy, and the
mean size of ∂L/∂W per layer. Nothing is changed; the same BP functions as training are used."""

from __future__ import annotations

import numpy as np

from . import backprop as bp
from .metrics import accuracy_of, is_classification
from .training_log import columns

Array = np.ndarray


def probe_row(plan: bp.Plan, params, iteration: int, batches_per_epoch: int,
              train: tuple[Array, Array], test: tuple[Array, Array] | None) -> Array:
    """One training-log row (see ``training_log``); x and y in column convention."""
    row = np.full(len(columns(len(params))), np.nan)
    row[0] = iteration
    row[1] = iteration / max(1, batches_per_epoch)
    x, y = train
    zs, acts = [], [x]
    for (W, b), f in zip(params, plan.activations, strict=True):
        z, a = bp.forward_layer(W, b, acts[-1], f)
        zs.append(z)
        acts.append(a)
    row[2] = float(np.mean(bp.loss_per_sample(plan, zs[-1], acts[-1], y)))
    classes = is_classification(y)
    if classes:
        row[4] = accuracy_of(acts[-1], y)
    grad_a = None if plan.fused else bp.grad_output(plan, acts[-1], y)
    delta = bp.output_delta(plan, zs[-1], acts[-1], y, grad_a)
    for l in range(len(params) - 1, -1, -1):  # BP4's mean |∂L/∂W| per layer, BP2 to go down
        row[6 + l] = float(np.mean(np.abs(bp.weight_gradient(delta, acts[l]))))
        if l:
            delta = bp.hidden_delta(params[l][0], delta, zs[l - 1], acts[l], plan.activations[l - 1])
    if test is not None:
        tx, ty = test
        z = a = tx
        for (W, b), f in zip(params, plan.activations, strict=True):
            z, a = bp.forward_layer(W, b, a, f)
        row[3] = float(np.mean(bp.loss_per_sample(plan, z, a, ty)))
        if classes and is_classification(ty):
            row[5] = accuracy_of(a, ty)
    return row
