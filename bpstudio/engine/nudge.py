"""Nudge one weight or bias by Δ and watch the nudge travel to the loss (seed 004, 3Blue1Brown's way):

    w → zˡ → aˡ → zˡ⁺¹ → … → aᴸ → L,        ΔL (a forward pass)  beside  (∂L/∂w)·Δ (the chain rule)

Everything is computed on copies: the parameters given are never written to, so nudging changes neither the
project nor the training. The layers below the nudged one do not change and are reused; from the nudged layer on,
the engine's own ``backprop.forward`` runs with the one parameter changed, so the nudged loss is the very number a
fresh forward pass gives. ∂L/∂w is the engine's own gradient (``backprop.backward``) at the same parameters.

The curve of ΔL against Δ runs every Δ of the curve through ``forward`` as one batch: zˡ moves by Δ·aˡ⁻¹ₖ in row j
for a weight wˡⱼₖ (by Δ for a bias bˡⱼ) — exact in arithmetic, since z is linear in w — and the layers above see the
moved zˡ side by side, one block of m columns per Δ. Engine indices: layer 1 … L, row and column 0-based, column
convention (Wˡ is nˡ × nˡ⁻¹).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .backprop import Plan, backward, forward, loss_per_sample
from .snapshot import Snapshot, key

Array = np.ndarray
LIMIT = 1000.0  # |Δ| above this is refused: a nudge, not a new network
CURVE_POINTS = 31  # Δ values of the curve, the ends included


@dataclass(frozen=True)
class Target:
    """The parameter nudged: Wˡ[row, col] (name "W") or bˡ[row] (name "b", col 0)."""

    layer: int
    name: str
    row: int
    col: int = 0

    def check(self, params: Sequence[tuple[Array, Array]]) -> Target:
        """This target, with col 0 for a bias; ValueError if the network has no such parameter."""
        if self.name not in ("W", "b"):
            raise ValueError(f"name must be W or b, got {self.name!r}")
        if not 1 <= self.layer <= len(params):
            raise ValueError(f"layer {self.layer} is not one of 1 … {len(params)}")
        col = self.col if self.name == "W" else 0
        array = params[self.layer - 1][0 if self.name == "W" else 1]
        if not (0 <= self.row < array.shape[0] and 0 <= col < array.shape[1]):
            raise ValueError(f"{self.name}{self.layer}[{self.row}, {col}] is outside {array.shape}")
        return replace(self, col=col)

    def value(self, params: Sequence[tuple[Array, Array]]) -> float:
        return float(params[self.layer - 1][0 if self.name == "W" else 1][self.row, self.col])


@dataclass(frozen=True)
class Base:
    """The un-nudged batch, computed once per parameters, batch and target: what every nudge is compared with."""

    plan: Plan
    params: tuple[tuple[Array, Array], ...]
    x: Array
    y: Array
    target: Target
    zs: tuple[Array, ...]  # z¹ … zᴸ
    activations: tuple[Array, ...]  # a⁰ = x, a¹ … aᴸ
    losses: Array  # per sample, (m,)
    loss: float  # L, the batch mean
    gradient: float  # ∂L/∂w at these parameters: the engine's backward pass (BP1–BP4)

    @property
    def value(self) -> float:
        return self.target.value(self.params)


@dataclass(frozen=True)
class Nudge:
    """What Δ did. ``dz[i]``, ``da[i]`` belong to layer ``target.layer + i`` (the layers below do not change):
    nˡ × m arrays, one column per sample. ``dlosses`` per sample, ``dloss`` = ΔL of the batch mean."""

    base: Base
    delta: float
    dz: tuple[Array, ...]
    da: tuple[Array, ...]
    dlosses: Array
    loss: float  # L with the nudge
    dloss: float  # ΔL = L(w + Δ) − L(w)

    @property
    def target(self) -> Target:
        return self.base.target

    @property
    def predicted(self) -> float:
        """The chain rule's first-order prediction (∂L/∂w)·Δ."""
        return self.base.gradient * self.delta

    @property
    def layers(self) -> range:
        return range(self.target.layer, self.target.layer + len(self.dz))


def check_delta(delta: float) -> float:
    """Δ as a float; ValueError for NaN, ±∞ or a magnitude over ``LIMIT``."""
    delta = float(delta)
    if not math.isfinite(delta) or abs(delta) > LIMIT:
        raise ValueError(f"Δ must be a finite number of magnitude at most {LIMIT:g}, got {delta!r}")
    return delta


def base(plan: Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array, target: Target) -> Base:
    """The batch (x, y: one column per sample) through the engine's forward and backward passes."""
    params = tuple((W, b) for W, b in params)
    target = target.check(params)
    zs, activations = forward(plan, params, x)
    losses = loss_per_sample(plan, zs[-1], activations[-1], y)
    grads = backward(plan, params, zs, activations, y)  # what full_gradients does, without a second forward
    gradient = float(grads[target.layer - 1][0 if target.name == "W" else 1][target.row, target.col])
    return Base(plan, params, x, y, target, tuple(zs), tuple(activations), losses, float(np.mean(losses)), gradient)


def nudged_params(params: Sequence[tuple[Array, Array]], target: Target, delta: float) -> list[tuple[Array, Array]]:
    """The parameters with the target moved by Δ: a new array for the one changed, the others shared (unchanged)."""
    out = list(params)
    W, b = out[target.layer - 1]
    changed = (W if target.name == "W" else b).copy()
    changed[target.row, target.col] += delta
    out[target.layer - 1] = (changed, b) if target.name == "W" else (W, changed)
    return out


def above(plan: Plan, layer: int) -> Plan:
    """The plan of layers ``layer`` … L: ``forward`` runs them from aˡ⁻¹."""
    return replace(plan, activations=plan.activations[layer - 1:])


def nudge(b: Base, delta: float) -> Nudge:
    """One forward pass on the batch with the target moved by Δ, from its layer up."""
    delta = check_delta(delta)
    l = b.target.layer
    params = nudged_params(b.params, b.target, delta)
    zs, acts = forward(above(b.plan, l), params[l - 1:], b.activations[l - 1])
    losses = loss_per_sample(b.plan, zs[-1], acts[-1], b.y)
    dz = tuple(z1 - z0 for z1, z0 in zip(zs, b.zs[l - 1:], strict=True))
    da = tuple(a1 - a0 for a1, a0 in zip(acts[1:], b.activations[l:], strict=True))
    loss = float(np.mean(losses))
    return Nudge(b, delta, dz, da, losses - b.losses, loss, loss - b.loss)


def curve(b: Base, deltas: Array) -> Array:
    """True ΔL for every Δ in ``deltas``, all Δs in one forward pass (one block of m columns per Δ)."""
    deltas = np.asarray(deltas, dtype=float).ravel()
    t, l, m, k = b.target, b.target.layer, b.x.shape[1], deltas.size
    z = np.tile(b.zs[l - 1], (1, k))
    shift = b.activations[l - 1][t.col] if t.name == "W" else np.ones(m)  # ∂zˡⱼ/∂w per sample
    z[t.row] += np.repeat(deltas, m) * np.tile(shift, k)
    a = b.plan.activations[l - 1].f(z)
    if l < len(b.params):
        zs, acts = forward(above(b.plan, l + 1), b.params[l:], a)
        z, a = zs[-1], acts[-1]
    losses = loss_per_sample(b.plan, z, a, np.tile(b.y, (1, k))).reshape(k, m)
    return losses.mean(axis=1) - b.loss


def curve_deltas(reach: float, points: int = CURVE_POINTS) -> Array:
    """Δ from −reach to +reach, 0 included (an odd number of points)."""
    return np.linspace(-reach, reach, points | 1)


def reach_for(delta: float, reach: float) -> float:
    """The curve's half-width: ``reach``, or the power of ten that holds Δ once Δ is beyond it."""
    delta = abs(delta)
    return reach if delta <= reach else float(10.0 ** math.ceil(math.log10(delta)))


def from_snapshot(snapshot: Snapshot, target: Target) -> Base:
    """The base for a snapshot's parameters and batch (its input and target), the snapshot left as it is."""
    params = [(snapshot.arrays[key("W", l)], snapshot.arrays[key("b", l)]) for l in range(1, snapshot.spec.depth + 1)]
    return base(Plan.of(snapshot.spec), params, snapshot.arrays["input"], snapshot.arrays["target"], target)
