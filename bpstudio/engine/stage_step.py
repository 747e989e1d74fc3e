"""One stage of a training iteration, as ``Stepper.step`` takes it: forward l, loss, backward l, or the update.

A stage computes only its own quantities (``backprop.forward_layer``, the loss and ∇ₐL, ``backprop.backward_layer``
or ``backprop.update_layers``) from what the iteration's earlier stages left in the state's cache. What it makes
is read-only, and its size is what keeping the state for step back costs.
"""

from __future__ import annotations

import numpy as np

from . import backprop as bp
from .mistake_ops import ops_of
from .readonly import read_only, read_only_pairs
from .snapshot import key
from .spec import TrainingSpec
from .stages import BACKWARD, FORWARD, LOSS, UPDATE, Stage
from .step_history import State
from .update_ledger import appended, ledger_entry

Array = np.ndarray


def take_stage(plan: bp.Plan, training: TrainingSpec, stage: Stage, s: State, x: Array, y: Array) -> State:
    """The state after ``stage``, taken from ``s`` on the batch (x, y)."""
    cache, params, loss, moments, ledger = dict(s.cache), s.params, s.loss, s.moments, s.ledger
    o = ops_of(plan)  # backprop's own functions, unless a mistake is planted
    L, l = len(params), stage.layer
    out: dict[str, Array]
    if stage.kind == FORWARD:
        a_prev = x if l == 1 else cache[key("a", l - 1)]
        W, b = params[l - 1]
        z, a = o.forward(W, b, a_prev, plan.activations[l - 1])
        out = {key("z", l): z, key("a", l): a}
    elif stage.kind == LOSS:
        z_out, a_out = cache[key("z", L)], cache[key("a", L)]
        losses = o.losses(plan, z_out, a_out, y)
        loss = o.mean(losses)
        out = {"losses": losses, "grad_a": o.grad_a(plan, a_out, y, z_out)}
    elif stage.kind == BACKWARD:
        zs = [cache[key("z", i)] for i in range(1, L + 1)]
        activations = [x, *(cache[key("a", i)] for i in range(1, L + 1))]
        delta, dW, db = o.backward_layer(plan, params, l, zs, activations, y, cache["grad_a"],
                                          cache.get(key("delta", l + 1)))
        out = {key("delta", l): delta, key("db", l): db, key("dW", l): dW}
    else:
        assert stage.kind == UPDATE
        new, moved = s.writable(training.optimizer)
        o.update(new, [(cache[key("dW", i)], cache[key("db", i)]) for i in range(1, L + 1)], moved, training)
        out = {key(q, i): v for i, pair in enumerate(new, start=1) for q, v in zip(("W", "b"), pair, strict=True)}
        params, moments = read_only_pairs(new), moved.frozen(not training.plain)
        grads = [(cache[key("dW", i)], cache[key("db", i)]) for i in range(1, L + 1)]
        assert loss is not None
        ledger = appended(ledger, ledger_entry(training, s.iteration, grads, s.params, params, x, y, loss))
    for k, v in out.items():
        if not k.endswith(("/W", "/b")):
            cache[k] = read_only(v, copy=False)
    cost = sum(v.nbytes for v in out.values())
    if moments is not s.moments and moments is not None:
        cost += moments.nbytes  # v and s are as large as the new weights
    return State(params, s.position + 1, s.iteration, s.epoch, s.batch, cache, loss, stage, frozenset(out), cost,
                 moments, ledger)
