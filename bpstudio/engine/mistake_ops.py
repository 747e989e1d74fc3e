"""The equations of one training iteration as swappable operations, and the typical mistakes as swaps.

``Ops`` names the operations a stage calls (forward, the loss, ∇ₐL, BP1 … BP4, the update); ``CORRECT`` holds
``backprop``'s own functions, so a stage run through it is the engine, bit for bit. A planted mistake
(``mistakes``) is ``CORRECT`` with one or two operations swapped for the buggy NumPy a learner writes; the
stages (``stage_step``), the fast path, the gradient check and the training log look up the plan's
(``ops_of(plan)``): a plan whose ``mistake`` is "" runs exactly the engine's code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from . import backprop as bp
from .activations import Activation
from .optimizers import ADAPTIVE, Buffers, Moments
from .snapshot import key
from .spec import TrainingSpec

Array = np.ndarray
Grads = Sequence[tuple[Array, Array]]


def _mean(losses: Array) -> float:
    return float(np.mean(losses))


@dataclass(frozen=True)
class Ops:
    forward: Callable[[Array, Array, Array, Activation], tuple[Array, Array]] = bp.forward_layer
    losses: Callable[[bp.Plan, Array, Array, Array], Array] = bp.loss_per_sample  # (plan, z, a, y)
    mean: Callable[[Array], float] = _mean
    grad_a: Callable[..., Array] = bp.grad_output  # (plan, a, y, z)
    bp1: Callable[[bp.Plan, Array, Array, Array, Array | None], Array] = bp.output_delta  # (plan, z, a, y, ∇ₐL)
    bp2: Callable[[Array, Array, Array, Array, Activation], Array] = bp.hidden_delta  # (Wˡ⁺¹, δˡ⁺¹, z, a, f)
    bp4: Callable[[Array, Array], Array] = bp.weight_gradient  # (δ, aˡ⁻¹)
    bp3: Callable[[Array], Array] = bp.bias_gradient
    update: Callable[[Sequence[tuple[Array, Array]], Grads, Buffers, TrainingSpec], None] = bp.update_layers
    sign: float = 1.0  # −1: the update climbs, i.e. it follows −∂L/∂W (what the gradient check compares)

    def backward_layer(self, plan: bp.Plan, params: Sequence[tuple[Array, Array]], l: int, zs: Sequence[Array],
                       activations: Sequence[Array], y: Array, grad_a: Array | None,
                       delta_above: Array | None) -> tuple[Array, Array, Array]:
        """``backprop.backward_layer`` with these operations (the same calls in the same order)."""
        if l == len(params):
            delta = self.bp1(plan, zs[l - 1], activations[l], y, grad_a)
        else:
            assert delta_above is not None
            delta = self.bp2(params[l][0], delta_above, zs[l - 1], activations[l], plan.activations[l - 1])
        return delta, self.bp4(delta, activations[l - 1]), self.bp3(delta)


CORRECT = Ops()


# ----- the buggy operations ------------------------------------------------------------------------
def _no_fprime_bp1(plan: bp.Plan, z: Array, a: Array, y: Array, grad_a: Array | None) -> Array:
    return a - y if plan.fused or grad_a is None else grad_a.copy()


def _no_fprime_bp2(W_next: Array, delta_next: Array, z: Array, a: Array, f: Activation) -> Array:
    return W_next.T @ delta_next


AT_A = ("sigmoid", "tanh")  # f′ written through a: f′(a) differs from f′(z) (ReLU's sign of a is that of z)


def _at_a(f: Activation, z: Array, a: Array, grad: Array) -> Array:
    return f.backward(a, f.f(a), grad) if f.name in AT_A else f.backward(z, a, grad)


def _fprime_a_bp1(plan: bp.Plan, z: Array, a: Array, y: Array, grad_a: Array | None) -> Array:
    if plan.fused or grad_a is None:
        return a - y
    return _at_a(plan.activations[-1], z, a, grad_a)


def _fprime_a_bp2(W_next: Array, delta_next: Array, z: Array, a: Array, f: Activation) -> Array:
    return _at_a(f, z, a, W_next.T @ delta_next)


def _w_not_transposed(W_next: Array, delta_next: Array, z: Array, a: Array, f: Activation) -> Array:
    return f.backward(z, a, W_next @ delta_next)  # a NumPy shape error unless Wˡ⁺¹ is square


def _dw_no_mean(delta: Array, a_prev: Array) -> Array:
    return delta @ a_prev.T


def _db_no_mean(delta: Array) -> Array:
    return delta.sum(axis=1, keepdims=True)


def _dw_mean_twice(delta: Array, a_prev: Array) -> Array:
    return (delta @ a_prev.T) / delta.shape[1] / delta.shape[1]


def _db_mean_twice(delta: Array) -> Array:
    return delta.sum(axis=1, keepdims=True) / delta.shape[1] / delta.shape[1]


def _dw_delta_mean(delta: Array, a_prev: Array) -> Array:
    return delta.mean(axis=1, keepdims=True) @ a_prev.mean(axis=1, keepdims=True).T


def _dw_swapped(delta: Array, a_prev: Array) -> Array:
    return (a_prev @ delta.T) / delta.shape[1]  # (nˡ⁻¹, nˡ): the shape of W only when W is square


def _update_flipped(params: Sequence[tuple[Array, Array]], grads: Grads, buffers: Buffers,
                    training: TrainingSpec) -> None:
    lr, mu, l2 = training.learning_rate, training.momentum, training.l2
    if training.optimizer in ADAPTIVE:  # Adam, RMSProp: their own update of the gradient turned round
        bp.update_layers(params, [(-dW, -db) for dW, db in grads], buffers, training)
        return
    for (W, b), (dW, db), (vW, vb) in zip(params, grads, buffers.v, strict=True):
        if training.plain:
            W += lr * dW
            b += lr * db
        else:
            vW[...] = mu * vW + lr * (dW + l2 * W)
            vb[...] = mu * vb + lr * db
            W += vW
            b += vb


def _grad_y_minus_a(plan: bp.Plan, a: Array, y: Array, z: Array | None = None) -> Array:
    return y - a


def _bp1_y_minus_a(plan: bp.Plan, z: Array, a: Array, y: Array, grad_a: Array | None) -> Array:
    return y - a if plan.fused else plan.activations[-1].backward(z, a, y - a)


def _losses_no_half(plan: bp.Plan, z: Array, a: Array, y: Array) -> Array:
    return np.sum((y - a) ** 2, axis=0)


def _grad_no_two(plan: bp.Plan, a: Array, y: Array, z: Array | None = None) -> Array:
    return a - y  # for L = ‖y − a‖²: the 2 of 2(a − y) left out


def _sum_not_mean(losses: Array) -> float:
    return float(np.sum(losses))


def _no_bias(W: Array, b: Array, a_prev: Array, f: Activation) -> tuple[Array, Array]:
    z = W @ a_prev
    return z, f.f(z)


def _sigmoid_sign(W: Array, b: Array, a_prev: Array, f: Activation) -> tuple[Array, Array]:
    z = W @ a_prev + b
    if f.name != "sigmoid":
        return z, f.f(z)
    with np.errstate(over="ignore"):
        return z, 1.0 / (1.0 + np.exp(z))  # the exponent's sign flipped: σ(−z)


def _diagonal(f: Activation, z: Array, a: Array, grad: Array) -> Array:
    return grad * (a * (1.0 - a)) if f.name == "softmax" else f.backward(z, a, grad)


def _softmax_bp1(plan: bp.Plan, z: Array, a: Array, y: Array, grad_a: Array | None) -> Array:
    f = plan.activations[-1]
    if plan.fused and f.name == "softmax":  # ∂L/∂a = −y/a, times the Jacobian's diagonal a(1 − a) only
        with np.errstate(divide="ignore", invalid="ignore"):
            return (-y / a) * (a * (1.0 - a))
    return bp.output_delta(plan, z, a, y, grad_a) if grad_a is None else _diagonal(f, z, a, grad_a)


def _softmax_bp2(W_next: Array, delta_next: Array, z: Array, a: Array, f: Activation) -> Array:
    return _diagonal(f, z, a, W_next.T @ delta_next)


OPS: dict[str, Ops] = {
    "no_fprime_bp1": replace(CORRECT, bp1=_no_fprime_bp1),
    "no_fprime_bp2": replace(CORRECT, bp2=_no_fprime_bp2),
    "fprime_of_a": replace(CORRECT, bp1=_fprime_a_bp1, bp2=_fprime_a_bp2),
    "w_not_transposed": replace(CORRECT, bp2=_w_not_transposed),
    "no_mean": replace(CORRECT, bp4=_dw_no_mean, bp3=_db_no_mean),
    "mean_twice": replace(CORRECT, bp4=_dw_mean_twice, bp3=_db_mean_twice),
    "update_sign": replace(CORRECT, update=_update_flipped, sign=-1.0),
    "delta_mean_bp4": replace(CORRECT, bp4=_dw_delta_mean),
    "grad_y_minus_a": replace(CORRECT, grad_a=_grad_y_minus_a, bp1=_bp1_y_minus_a),
    "half_dropped": replace(CORRECT, losses=_losses_no_half),
    "two_forgotten": replace(CORRECT, grad_a=_grad_no_two),
    "sum_for_mean": replace(CORRECT, mean=_sum_not_mean),
    "bias_forgotten": replace(CORRECT, forward=_no_bias),
    "sigmoid_sign": replace(CORRECT, forward=_sigmoid_sign),
    "softmax_elementwise": replace(CORRECT, bp1=_softmax_bp1, bp2=_softmax_bp2),
    "order_swapped": replace(CORRECT, bp4=_dw_swapped),
}


def ops_of(plan: bp.Plan) -> Ops:
    """The operations ``plan`` runs: the engine's own, or those of its planted mistake."""
    return OPS[plan.mistake] if plan.mistake else CORRECT


# ----- a whole iteration through the operations ------------------------------------------------------
def iteration(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array,
              training: TrainingSpec | None = None, moments: Moments | None = None) -> dict[str, object]:
    """Every quantity of one iteration as ``plan`` computes it, keyed as in a snapshot ("L2/delta", "losses",
    "grad_a", "loss"); with ``training``, the update too ("L1/W" … after it: written into copies)."""
    o = ops_of(plan)
    out: dict[str, object] = {}
    zs, acts = [], [x]
    for l, ((W, b), f) in enumerate(zip(params, plan.activations, strict=True), start=1):
        z, a = o.forward(W, b, acts[-1], f)
        zs.append(z)
        acts.append(a)
        out[key("z", l)], out[key("a", l)] = z, a
    losses = o.losses(plan, zs[-1], acts[-1], y)
    out["losses"], out["loss"] = losses, o.mean(losses)
    grad_a = o.grad_a(plan, acts[-1], y, zs[-1])
    out["grad_a"] = grad_a
    delta: Array | None = None
    grads: list[tuple[Array, Array]] = []
    for l in range(len(params), 0, -1):
        delta, dW, db = o.backward_layer(plan, params, l, zs, acts, y, grad_a, delta)
        out[key("delta", l)], out[key("dW", l)], out[key("db", l)] = delta, dW, db
        grads.insert(0, (dW, db))
    if training is not None:
        new = [(W.copy(), b.copy()) for W, b in params]
        o.update(new, grads, Buffers(training.optimizer, params, moments), training)  # (copies of the moments)
        for l, (W, b) in enumerate(new, start=1):
            out[key("W", l)], out[key("b", l)] = W, b
    return out


def batch_loss(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array) -> float:
    """The batch loss as ``plan`` computes it (the engine's ``batch_loss`` when nothing is planted)."""
    if not plan.mistake:
        return bp.batch_loss(plan, params, x, y)
    o, a = ops_of(plan), x
    z = a
    for (W, b), f in zip(params, plan.activations, strict=True):
        z, a = o.forward(W, b, a, f)
    return o.mean(o.losses(plan, z, a, y))


def full_gradients(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array
                   ) -> tuple[float, bp.Params]:
    """(loss, [(∂L/∂W¹, ∂L/∂b¹), …]) as ``plan``'s update uses them: a flipped update follows −∂L/∂W."""
    if not plan.mistake:
        return bp.full_gradients(plan, params, x, y)
    got, s = iteration(plan, params, x, y), ops_of(plan).sign
    grads = [(s * np.asarray(got[key("dW", l)]), s * np.asarray(got[key("db", l)]))
             for l in range(1, len(params) + 1)]
    return float(got["loss"]), grads  # type: ignore[arg-type]


def run_iteration(plan: bp.Plan, params: list[tuple[Array, Array]], buffers: Buffers, x: Array, y: Array,
                  training: TrainingSpec) -> None:
    """One fast iteration of a planted plan, written into ``params`` (and the optimizer's ``buffers``)."""
    o = ops_of(plan)
    zs, acts = [], [x]
    for (W, b), f in zip(params, plan.activations, strict=True):
        z, a = o.forward(W, b, acts[-1], f)
        zs.append(z)
        acts.append(a)
    grad_a = o.grad_a(plan, acts[-1], y, zs[-1])
    grads: list[tuple[Array, Array]] = []
    delta: Array | None = None
    for l in range(len(params), 0, -1):
        delta, dW, db = o.backward_layer(plan, params, l, zs, acts, y, grad_a, delta)
        grads.insert(0, (dW, db))
    o.update(params, grads, buffers, training)
