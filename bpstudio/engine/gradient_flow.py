"""Why gradients vanish: BP2, δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ), read as two factors, for each layer l < L:

    ‖δˡ‖ / ‖δˡ⁺¹‖  =  ‖(Wˡ⁺¹)ᵀδˡ⁺¹‖ / ‖δˡ⁺¹‖  ·  ‖δˡ‖ / ‖(Wˡ⁺¹)ᵀδˡ⁺¹‖
        ratio           what the weights do       what the f′(zˡ) gate lets through

with the share of layer l's saturated units (sigmoid or tanh, f′(z) < 0.01) and of its dead ReLUs (f′ = 0 on
every sample of the set measured).

‖·‖ is the Frobenius norm over the whole set measured — every unit of the layer and every sample (column): the
training set for the training log, the batch for the stepped state. It is √m times the root-mean-square of the
per-sample norms, so the ratio does not depend on how many samples there are, and a sample whose δ is almost 0
weighs little instead of blowing up a mean of per-sample ratios. The training set, not the batch, for the log:
like the log's grad_ˡ, a curve that does not jump with the batch drawn.

The δ come from ``backprop.backward`` (its ``deltas`` list): no second backward loop here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass

import numpy as np

from . import backprop as bp
from .activations import Activation

Array = np.ndarray
SATURATED_BELOW = 0.01  # f′(z) under this: the unit passes on less than 1 % of what reaches it
SATURATING = ("sigmoid", "tanh")  # the activations that saturate (f′ → 0 on both sides)
DYING = ("relu",)  # the activations whose units can die (f′ = 0 for every z < 0)
KINDS = ("ratio", "weights", "gate", "saturated", "dead")  # the training log's columns: kind_l for l = 1 … L − 1


def columns(layers: int) -> tuple[str, ...]:
    """The training log's gradient-flow columns for a network of ``layers`` layers (none for one layer)."""
    return tuple(f"{kind}_{l}" for kind in KINDS for l in range(1, layers))


@dataclass(frozen=True)
class LayerFlow:
    """Layer l's share of the backward pass; NaN where a quantity does not apply (or δˡ⁺¹ is all 0)."""

    layer: int  # l: how δˡ⁺¹ became δˡ
    ratio: float  # ‖δˡ‖ / ‖δˡ⁺¹‖
    weights: float  # ‖(Wˡ⁺¹)ᵀδˡ⁺¹‖ / ‖δˡ⁺¹‖
    gate: float  # ‖δˡ‖ / ‖(Wˡ⁺¹)ᵀδˡ⁺¹‖
    saturated: float  # fraction of (unit, sample) pairs with f′(zˡ) < 0.01 (sigmoid, tanh), else NaN
    dead: float  # fraction of units with f′(zˡ) = 0 on every sample (ReLU), else NaN

    def values(self) -> tuple[float, ...]:
        """The numbers in the order of ``KINDS``."""
        return astuple(self)[1:]


def norm(x: Array) -> float:
    """The Frobenius norm over every unit and sample: √(Σᵢⱼ xᵢⱼ²)."""
    return float(np.sqrt(np.sum(np.square(x))))


def _over(top: float, bottom: float) -> float:
    return top / bottom if bottom > 0 and np.isfinite(bottom) else float("nan")


def unit_shares(f: Activation, z: Array, a: Array) -> tuple[float, float]:
    """(saturated, dead) for a layer with activation ``f``, pre-activations ``z`` and activations ``a``."""
    with np.errstate(over="ignore", invalid="ignore"):
        fp = f.fprime(z, a)
        if fp is None or fp.size == 0:
            return float("nan"), float("nan")
        saturated = float(np.mean(fp < SATURATED_BELOW)) if f.name in SATURATING else float("nan")
        dead = float(np.mean(np.all(fp == 0, axis=1))) if f.name in DYING else float("nan")
    return saturated, dead


def layer_flow(layer: int, W_next: Array, delta_next: Array, delta: Array, f: Activation, z: Array,
               a: Array) -> LayerFlow:
    """Layer l's numbers from Wˡ⁺¹ and δˡ⁺¹ (as BP2 used them), δˡ, and fˡ, zˡ, aˡ."""
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run: ∞ and NaN, not a warning
        below, upstream, above = norm(delta), norm(W_next.T @ delta_next), norm(delta_next)
    return LayerFlow(layer, _over(below, above), _over(upstream, above), _over(below, upstream),
                     *unit_shares(f, z, a))


def network_flow(plan: bp.Plan, params: Sequence[tuple[Array, Array]], zs: Sequence[Array],
                 activations: Sequence[Array], deltas: Sequence[Array]) -> list[LayerFlow]:
    """Every layer l < L, from the forward pass's (zs, activations) and the backward pass's [δ¹ … δᴸ]."""
    return [layer_flow(l, params[l][0], deltas[l], deltas[l - 1], plan.activations[l - 1], zs[l - 1],
                       activations[l]) for l in range(1, len(params))]


def measure(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array) -> list[LayerFlow]:
    """A forward and a backward pass on (x, y), measured (for a script, or a set no training pass went over)."""
    zs, activations = bp.forward(plan, params, x)
    deltas: list[Array] = []
    bp.backward(plan, params, zs, activations, y, deltas)
    return network_flow(plan, params, zs, activations, deltas)


def flow_row(flows: Sequence[LayerFlow]) -> Array:
    """The log's gradient-flow columns (``columns``), from every layer's numbers."""
    return np.array([flow.values()[k] for k in range(len(KINDS)) for flow in flows], dtype=np.float64)
