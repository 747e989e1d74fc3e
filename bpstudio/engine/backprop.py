"""The equations, one function each. Column convention: samples are columns.

    forward:  zˡ = Wˡ aˡ⁻¹ + bˡ,   aˡ = fˡ(zˡ)
    BP1:      δᴸ = ∇ₐL ⊙ f′(zᴸ)          (δᴸ = a − y for softmax+CE and sigmoid+BCE)
    BP2:      δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)
    BP3:      ∂L/∂bˡ = mean of δˡ over the batch
    BP4:      ∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ
    update:   W ← W − η ∂L/∂W,  b ← b − η ∂L/∂b
              with momentum μ and L2 λ:  v ← μv − η(∂L/∂W + λW),  W ← W + v  (biases: no λ)

The stepper and the fast path both call these, so they produce bit-identical numbers.
Arrays are never modified in place: every function returns new arrays, except ``update_in_place``,
which the fast path uses on its own copies of the weights (the same numbers, no new arrays).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import Activation
from .losses import Loss
from .spec import NetworkSpec

Array = np.ndarray
Params = list[tuple[Array, Array]]


@dataclass(frozen=True)
class Plan:
    """A spec resolved once into the objects the hot loops need."""

    spec: NetworkSpec
    activations: tuple[Activation, ...]  # f¹ … fᴸ
    loss: Loss
    fused: bool

    @staticmethod
    def of(spec: NetworkSpec) -> Plan:
        acts = tuple(spec.activation(l) for l in range(1, spec.depth + 1))
        return Plan(spec, acts, spec.loss_fn, spec.fused_output)


def forward_layer(W: Array, b: Array, a_prev: Array, f: Activation) -> tuple[Array, Array]:
    z = W @ a_prev + b
    return z, f.f(z)


def loss_per_sample(plan: Plan, z_out: Array, a_out: Array, y: Array) -> Array:
    """Per-sample loss (m,); from z via log-sum-exp when the output is fused (never log 0)."""
    if plan.fused and plan.loss.stable_per_sample is not None:
        return plan.loss.stable_per_sample(z_out, y)
    return plan.loss.per_sample(a_out, y)


def grad_output(plan: Plan, a_out: Array, y: Array) -> Array:
    """∇ₐL per sample: one column per sample, never averaged."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return plan.loss.grad(a_out, y)


def output_delta(plan: Plan, z_out: Array, a_out: Array, y: Array, grad_a: Array | None) -> Array:
    """BP1. ``grad_a`` may be None when fused (it is not needed then)."""
    if plan.fused:
        return a_out - y
    assert grad_a is not None
    return plan.activations[-1].backward(z_out, a_out, grad_a)


def hidden_delta(W_next: Array, delta_next: Array, z: Array, a: Array, f: Activation) -> Array:
    """BP2."""
    return f.backward(z, a, W_next.T @ delta_next)


def bias_gradient(delta: Array) -> Array:
    """BP3, averaged over the m samples (columns)."""
    return np.sum(delta, axis=1, keepdims=True) / delta.shape[1]


def weight_gradient(delta: Array, a_prev: Array) -> Array:
    """BP4, averaged over the m samples."""
    return (delta @ a_prev.T) / delta.shape[1]


def update(W: Array, b: Array, dW: Array, db: Array, lr: float) -> tuple[Array, Array]:
    return W - lr * dW, b - lr * db


def update_in_place(W: Array, b: Array, dW: Array, db: Array, lr: float) -> None:
    """``update`` written into W and b: element by element the same subtraction, so the same numbers."""
    W -= lr * dW
    b -= lr * db


def update_momentum(W: Array, b: Array, dW: Array, db: Array, vW: Array, vb: Array,
                    lr: float, momentum: float, l2: float) -> tuple[Array, Array, Array, Array]:
    """The update with momentum and L2 weight decay: returns (W, b, vW, vb), all new arrays."""
    vW = momentum * vW - lr * (dW + l2 * W)
    vb = momentum * vb - lr * db
    return W + vW, b + vb, vW, vb


def update_momentum_in_place(W: Array, b: Array, dW: Array, db: Array, vW: Array, vb: Array,
                             lr: float, momentum: float, l2: float) -> None:
    """``update_momentum`` written into W, b, vW and vb: the same operations, so the same numbers."""
    vW[...] = momentum * vW - lr * (dW + l2 * W)
    vb[...] = momentum * vb - lr * db
    W += vW
    b += vb


def full_gradients(plan: Plan, params: Params, x: Array, y: Array) -> tuple[float, Params]:
    """Batch loss and [(∂L/∂W¹, ∂L/∂b¹), …] for the given parameters (no update)."""
    zs, acts = [], [x]
    for (W, b), f in zip(params, plan.activations, strict=True):
        z, a = forward_layer(W, b, acts[-1], f)
        zs.append(z)
        acts.append(a)
    loss = float(np.mean(loss_per_sample(plan, zs[-1], acts[-1], y)))
    grad_a = None if plan.fused else grad_output(plan, acts[-1], y)
    delta = output_delta(plan, zs[-1], acts[-1], y, grad_a)
    grads: Params = []
    for l in range(len(params) - 1, -1, -1):
        if l < len(params) - 1:
            delta = hidden_delta(params[l + 1][0], delta, zs[l], acts[l + 1], plan.activations[l])
        grads.append((weight_gradient(delta, acts[l]), bias_gradient(delta)))
    grads.reverse()
    return loss, grads


def batch_loss(plan: Plan, params: Params, x: Array, y: Array) -> float:
    a = x
    z = x
    for (W, b), f in zip(params, plan.activations, strict=True):
        z, a = forward_layer(W, b, a, f)
    return float(np.mean(loss_per_sample(plan, z, a, y)))
