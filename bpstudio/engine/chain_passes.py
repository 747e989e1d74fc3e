"""The two sweeps behind the graph of one number, for every sample of the batch at once (pure NumPy).

Reverse (the backward pass, ``sensitivities``): ∂Lₛ/∂aᴸ = ∇ₐL, ∂Lₛ/∂zˡ = the activation's Jacobian applied to
∂Lₛ/∂aˡ, ∂Lₛ/∂aˡ⁻¹ = (Wˡ)ᵀ ∂Lₛ/∂zˡ — at every unit, the sum over the paths that leave it (seed 003, case 2).
Forward (``tangents``): how much every later z and a moves per unit of the chosen number, ∂zᵐ/∂x and ∂aᵐ/∂x —
at every unit, the sum over the paths that reach it. For every layer, Σᵢ (∂zᵐᵢ/∂x)(∂Lₛ/∂zᵐᵢ) is the sum of the
products along every path from x to the loss (each path crosses the layer at exactly one unit): the total,
assembled from the layer-wise sums without enumerating the paths. Lₛ is sample s's loss; L is their mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import backprop as bp
from .activations import Activation

Array = np.ndarray


def jacobian_apply(f: Activation, z: Array, a: Array, t: Array) -> Array:
    """(∂a/∂z) t per column: f′(z) ⊙ t, or for softmax (diag(a) − a aᵀ) t = a ⊙ (t − aᵀt) (the Jacobian is
    symmetric, so this is also the backward product)."""
    if f.df is not None:
        return t * f.df(z, a)
    return a * (t - (a * t).sum(axis=0, keepdims=True))


def softmax_jacobian(a: Array) -> Array:
    """∂aₚ/∂zᵢ = aₚ(1[p=i] − aᵢ) for one sample's output a (a vector): row p, column i."""
    return np.diag(a) - np.outer(a, a)


@dataclass(frozen=True)
class Passes:
    """Everything about the batch the graph needs, column convention (units × samples)."""

    params: tuple[tuple[Array, Array], ...]
    zs: tuple[Array, ...]  # z¹ … zᴸ
    acts: tuple[Array, ...]  # a⁰ = x, a¹ … aᴸ
    y: Array
    losses: Array  # Lₛ, (m,)
    grad_a: Array  # ∇ₐL = ∂Lₛ/∂aᴸ, (nᴸ, m)
    g_z: dict[int, Array]  # layer → ∂Lₛ/∂zˡ (= δˡ), layers ≥ the chosen one
    g_a: dict[int, Array]  # layer → ∂Lₛ/∂aˡ


def run_passes(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array, lowest: int) -> Passes:
    """The forward pass and the backward sweep down to layer ``lowest`` (1 … L), with the engine's functions."""
    zs, acts = bp.forward(plan, params, x)
    L = len(params)
    losses = bp.loss_per_sample(plan, zs[-1], acts[-1], y)
    grad_a = bp.grad_output(plan, acts[-1], y, zs[-1])
    g_a: dict[int, Array] = {L: grad_a}
    g_z: dict[int, Array] = {}
    with np.errstate(invalid="ignore", over="ignore"):
        for l in range(L, lowest - 1, -1):
            g_z[l] = jacobian_apply(plan.activations[l - 1], zs[l - 1], acts[l], g_a[l])
            if l > lowest:
                g_a[l - 1] = params[l - 1][0].T @ g_z[l]
    return Passes(tuple((np.asarray(W), np.asarray(b)) for W, b in params), tuple(zs), tuple(acts), y, losses,
                  grad_a, g_z, g_a)


def tangents(plan: bp.Plan, passes: Passes, layer: int, unit: int, start: str, scale: Array
             ) -> tuple[dict[int, Array], dict[int, Array]]:
    """({m: ∂zᵐ/∂x}, {m: ∂aᵐ/∂x}) for every sample, x being unit ``unit`` of layer ``layer``'s z (``start`` "z")
    or a (``start`` "a"), moved by ``scale`` per sample (∂z/∂w = aˡ⁻¹ₖ for a weight, 1 for a bias or z)."""
    m = passes.y.shape[1]
    n = passes.zs[layer - 1].shape[0]
    t_z: dict[int, Array] = {}
    t_a: dict[int, Array] = {}
    e = np.zeros((n, m))
    e[unit, :] = scale
    if start == "a":
        t_a[layer] = e
    else:
        t_z[layer] = e
        t_a[layer] = jacobian_apply(plan.activations[layer - 1], passes.zs[layer - 1], passes.acts[layer], e)
    for l in range(layer + 1, len(passes.params) + 1):
        t_z[l] = passes.params[l - 1][0] @ t_a[l - 1]
        t_a[l] = jacobian_apply(plan.activations[l - 1], passes.zs[l - 1], passes.acts[l], t_z[l])
    return t_z, t_a


def path_count(sizes: Sequence[int], layer: int, start: str, softmax_out: bool) -> int:
    """How many paths lead from one unit of layer ``layer`` (its z, or its a when ``start`` is "a") to the loss:
    every later layer is crossed at one of its units, and a softmax output fans every z out to every a. Counted
    layer by layer (Sₗ = the paths reaching layer l's a, summed over its units), never enumerated."""
    L = len(sizes) - 1
    total = sizes[L] if (start != "a" and layer == L and softmax_out) else 1  # S at the start layer
    for l in range(layer + 1, L + 1):
        total *= sizes[l] * (sizes[l] if l == L and softmax_out else 1)
    return total
