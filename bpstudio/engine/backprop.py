"""Backpropagation as TEACHING.md writes it, one function per equation. Column convention: samples are columns.

    forward:  zˡ = Wˡ aˡ⁻¹ + bˡ,   aˡ = fˡ(zˡ)
    BP1:      δᴸ = ∇ₐL ⊙ f′(zᴸ)          (δᴸ = a − y for softmax+CE and sigmoid+BCE)
    BP2:      δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)
    BP3:      ∂L/∂bˡ = mean of δˡ over the batch
    BP4:      ∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ
    update:   W ← W − η ∂L/∂W,  b ← b − η ∂L/∂b
              with momentum μ and L2 λ:  v ← μv − η(∂L/∂W + λW),  W ← W + v  (biases: no λ)
              RMSProp and Adam: see ``optimizers``

Indices: l counts layers 1 … L, as the text does; the lists are those of Nielsen's ``backprop()``:
    activations[l] = aˡ (activations[0] = a⁰ = x),   zs[l − 1] = zˡ,
    params[l − 1] = (Wˡ, bˡ),   plan.activations[l − 1] = fˡ.

``forward_layer`` and ``backward_layer`` are one layer's stage each: the stepper calls them one stage at a
time. ``forward`` and ``backward`` call them in order for everyone else (the fast path, the training log's
probe, metrics, the gradient check, the decision field), and ``update_layers`` is the update stage of both the
stepper and the fast path, so every caller gets the same bits. Arrays are never modified in place, except by
the updates, which write into the (private) arrays they are given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .activations import Activation
from .losses import Loss
from .optimizers import ADAPTIVE, Buffers, adaptive_update
from .spec import NetworkSpec, TrainingSpec

Array = np.ndarray
Params = list[tuple[Array, Array]]
ParamTuple = tuple[tuple[Array, Array], ...]  # as states and snapshots hold them: read-only, one pair per layer


@dataclass(frozen=True)
class Plan:
    """A spec resolved once into the objects the hot loops need."""

    spec: NetworkSpec
    activations: tuple[Activation, ...]  # f¹ … fᴸ
    loss: Loss
    fused: bool
    mistake: str = ""  # a planted mistake's id (``mistake_ops``): "" runs the equations as they are

    @staticmethod
    def of(spec: NetworkSpec) -> Plan:
        acts = tuple(spec.activation(l) for l in range(1, spec.depth + 1))
        return Plan(spec, acts, spec.loss_fn, spec.fused_output)


# ----- forward ------------------------------------------------------------------------------------
def forward_layer(W: Array, b: Array, a_prev: Array, f: Activation) -> tuple[Array, Array]:
    """One layer: (zˡ, aˡ) from aˡ⁻¹."""
    z = W @ a_prev + b
    return z, f.f(z)


def forward(plan: Plan, params: Sequence[tuple[Array, Array]], x: Array) -> tuple[list[Array], list[Array]]:
    """(zs, activations) = ([z¹ … zᴸ], [a⁰ = x, a¹ … aᴸ])."""
    zs, activations = [], [x]
    for (W, b), f in zip(params, plan.activations, strict=True):
        z, a = forward_layer(W, b, activations[-1], f)
        zs.append(z)
        activations.append(a)
    return zs, activations


def loss_per_sample(plan: Plan, z_out: Array, a_out: Array, y: Array) -> Array:
    """Per-sample loss (m,); from z via log-sum-exp when the output is fused (never log 0)."""
    if plan.fused and plan.loss.stable_per_sample is not None:
        return plan.loss.stable_per_sample(z_out, y)
    return plan.loss.per_sample(a_out, y)


def mean_loss(plan: Plan, zs: Sequence[Array], activations: Sequence[Array], y: Array) -> float:
    """The batch loss: the mean of the per-sample losses."""
    return float(np.mean(loss_per_sample(plan, zs[-1], activations[-1], y)))


def batch_loss(plan: Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array) -> float:
    return mean_loss(plan, *forward(plan, params, x), y)


def grad_output(plan: Plan, a_out: Array, y: Array, z_out: Array | None = None) -> Array:
    """∇ₐL per sample: one column per sample, never averaged. When the output is fused and ``z_out`` is given,
    from z (``Loss.stable_grad``): a saturated output rounds a to exactly 1 or 0, where the formula in a would
    divide by 0 though the true value is finite (σ(40): (1 − y)/(1 − a) = 1 + e⁴⁰ ≈ 2.35e17, not ∞)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if plan.fused and z_out is not None and plan.loss.stable_grad is not None:
            return plan.loss.stable_grad(z_out, y)
        return plan.loss.grad(a_out, y)


# ----- backward -----------------------------------------------------------------------------------
def output_delta(plan: Plan, z_out: Array, a_out: Array, y: Array, grad_a: Array | None) -> Array:
    """BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ), or a − y when fused (``grad_a`` may be None then)."""
    if plan.fused:
        return a_out - y
    assert grad_a is not None
    return plan.activations[-1].backward(z_out, a_out, grad_a)


def hidden_delta(W_next: Array, delta_next: Array, z: Array, a: Array, f: Activation) -> Array:
    """BP2: δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)."""
    return f.backward(z, a, W_next.T @ delta_next)


def bias_gradient(delta: Array) -> Array:
    """BP3: ∂L/∂bˡ = (1/m) Σ δˡ over the m samples (columns)."""
    return delta.sum(axis=1, keepdims=True) / delta.shape[1]  # ndarray.sum: np.sum's sum, without its overhead


def weight_gradient(delta: Array, a_prev: Array) -> Array:
    """BP4: ∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ."""
    return (delta @ a_prev.T) / delta.shape[1]


def backward_layer(plan: Plan, params: Sequence[tuple[Array, Array]], l: int, zs: Sequence[Array],
                   activations: Sequence[Array], y: Array, grad_a: Array | None,
                   delta_above: Array | None) -> tuple[Array, Array, Array]:
    """Layer l's stage of the backward pass: (δˡ, ∂L/∂Wˡ, ∂L/∂bˡ). ``delta_above`` is δˡ⁺¹ (None for the
    output layer), ``grad_a`` is ∇ₐL (None will do when the output is fused)."""
    if l == len(params):
        delta = output_delta(plan, zs[l - 1], activations[l], y, grad_a)  # BP1
    else:  # BP2, with Wˡ⁺¹ as the forward pass used it (before its update)
        assert delta_above is not None
        delta = hidden_delta(params[l][0], delta_above, zs[l - 1], activations[l], plan.activations[l - 1])
    return delta, weight_gradient(delta, activations[l - 1]), bias_gradient(delta)  # BP4, BP3


def backward(plan: Plan, params: Sequence[tuple[Array, Array]], zs: Sequence[Array],
             activations: Sequence[Array], y: Array, deltas: list[Array] | None = None) -> Params:
    """[(∂L/∂W¹, ∂L/∂b¹), …, (∂L/∂Wᴸ, ∂L/∂bᴸ)], computed from the output layer down. An empty list
    ``deltas`` receives [δ¹ … δᴸ] on the way (what ``gradient_flow`` measures)."""
    grad_a = None if plan.fused else grad_output(plan, activations[-1], y)
    grads, delta = [], None
    for l in range(len(params), 0, -1):
        delta, dW, db = backward_layer(plan, params, l, zs, activations, y, grad_a, delta)
        grads.append((dW, db))
        if deltas is not None:
            deltas.insert(0, delta)
    grads.reverse()
    return grads


def full_gradients(plan: Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array) -> tuple[float, Params]:
    """Batch loss and [(∂L/∂W¹, ∂L/∂b¹), …] for the given parameters (no update)."""
    zs, activations = forward(plan, params, x)
    return mean_loss(plan, zs, activations, y), backward(plan, params, zs, activations, y)


# ----- update -------------------------------------------------------------------------------------
def update(W: Array, b: Array, dW: Array, db: Array, lr: float) -> None:
    """W ← W − η ∂L/∂W, b ← b − η ∂L/∂b, written into W and b."""
    W -= lr * dW
    b -= lr * db


def update_momentum(W: Array, b: Array, dW: Array, db: Array, vW: Array, vb: Array,
                    lr: float, momentum: float, l2: float) -> None:
    """With momentum and L2 weight decay, written into W, b and the velocities vW, vb."""
    vW[...] = momentum * vW - lr * (dW + l2 * W)
    vb[...] = momentum * vb - lr * db
    W += vW
    b += vb


def update_layers(params: Sequence[tuple[Array, Array]], grads: Sequence[tuple[Array, Array]], buffers: Buffers,
                  training: TrainingSpec) -> None:
    """The update stage: every layer's update, written into ``params`` (and the optimizer's ``buffers``)."""
    t = training
    if t.optimizer in ADAPTIVE:  # RMSProp or Adam (``optimizers``)
        adaptive_update(params, grads, buffers, t.learning_rate, t.l2, t.beta1, t.beta2, t.alpha, t.eps)
        return
    for (W, b), (dW, db), (vW, vb) in zip(params, grads, buffers.v, strict=True):
        if t.plain:
            update(W, b, dW, db, t.learning_rate)
        else:
            update_momentum(W, b, dW, db, vW, vb, t.learning_rate, t.momentum, t.l2)
