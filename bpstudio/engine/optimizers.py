"""Adam and RMSProp beside SGD with momentum: each update's formula, and what an optimizer remembers between updates.

With g = ∂L/∂W + λW for a weight (g = ∂L/∂b for a bias: biases are not decayed), all element-wise:

    SGD, momentum μ:  v ← μv − ηg,                           W ← W + v
    RMSProp α, ε:     s ← αs + (1 − α)g²,                     W ← W − η g / (√s + ε)
    Adam β₁, β₂, ε:   v ← β₁v + (1 − β₁)g,  s ← β₂s + (1 − β₂)g²,  t ← t + 1,
                      v̂ = v / (1 − β₁ᵗ),  ŝ = s / (1 − β₂ᵗ),  W ← W − η v̂ / (√ŝ + ε)

v and s start at zero; Adam's bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ undo that start's pull towards zero. These
are PyTorch's ``torch.optim.RMSprop`` and ``torch.optim.Adam`` (``weight_decay`` = λ, on the weights only) and
Ng's course notation (v, s, β₁, β₂; the course's RMSProp β is α here, as PyTorch names it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .readonly import read_only_pairs

Array = np.ndarray
Pairs = tuple[tuple[Array, Array], ...]  # one (for W, for b) per layer, read-only
ADAPTIVE = ("rmsprop", "adam")  # the optimizers that keep s


@dataclass(frozen=True)
class Moments:
    """What ``optimizer`` remembers between updates: ``v`` (momentum's velocity, Adam's first moment), ``s`` (the
    running mean of g², RMSProp and Adam) and ``t`` (the updates Adam has taken). Never modified in place."""

    optimizer: str
    v: Pairs | None = None
    s: Pairs | None = None
    t: int = 0

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes + c.nbytes for pairs in (self.v or (), self.s or ()) for a, c in pairs)


class Buffers:
    """Private copies of the moments (zeros for an optimizer that has none yet) for updates to write into."""

    def __init__(self, optimizer: str, params: Sequence[tuple[Array, Array]], moments: Moments | None) -> None:
        mine = moments if moments is not None and moments.optimizer == optimizer else None
        self.optimizer, self.t = optimizer, mine.t if mine is not None else 0
        self.v = _copies(params, None if mine is None else mine.v)
        self.s = _copies(params, None if mine is None else mine.s)

    def frozen(self, keep: bool) -> Moments | None:
        """The moments as a state keeps them (None when ``keep`` is False: plain descent remembers nothing)."""
        if not keep:
            return None
        s = read_only_pairs(self.s) if self.optimizer in ADAPTIVE else None
        v = read_only_pairs(self.v) if self.optimizer != "rmsprop" else None
        return Moments(self.optimizer, v, s, self.t)


def _copies(params: Sequence[tuple[Array, Array]], saved: Pairs | None) -> list[tuple[Array, Array]]:
    if saved is None:
        return [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]
    return [(v.copy(), u.copy()) for v, u in saved]


def rmsprop_step(p: Array, g: Array, s: Array, lr: float, alpha: float, eps: float) -> None:
    """s ← αs + (1 − α)g², p ← p − η g / (√s + ε), written into p and s."""
    s[...] = alpha * s + (1 - alpha) * (g * g)
    p -= lr * g / (np.sqrt(s) + eps)


def adam_step(p: Array, g: Array, v: Array, s: Array, lr: float, beta1: float, beta2: float, eps: float,
              t: int) -> None:
    """Adam's update of one array at step t (from 1), written into p, v and s."""
    v[...] = beta1 * v + (1 - beta1) * g
    s[...] = beta2 * s + (1 - beta2) * (g * g)
    v_hat, s_hat = v / bias_correction(beta1, t), s / bias_correction(beta2, t)
    p -= lr * v_hat / (np.sqrt(s_hat) + eps)


def bias_correction(beta: float, t: int) -> float:
    """1 − βᵗ: what dividing by undoes the zero start of a running mean after t updates."""
    return 1.0 - beta ** t if t > 0 else math.nan


def adaptive_update(params: Sequence[tuple[Array, Array]], grads: Sequence[tuple[Array, Array]], buffers: Buffers,
                    lr: float, l2: float, beta1: float, beta2: float, alpha: float, eps: float) -> None:
    """RMSProp's or Adam's update of every layer (``buffers.optimizer``), written into params and buffers."""
    adam = buffers.optimizer == "adam"
    if adam:
        buffers.t += 1
    for (W, b), (dW, db), (vW, vb), (sW, sb) in zip(params, grads, buffers.v, buffers.s, strict=True):
        gW = dW + l2 * W if l2 else dW  # L2 on the weights only
        for p, g, v, s in ((W, gW, vW, sW), (b, db, vb, sb)):
            if adam:
                adam_step(p, g, v, s, lr, beta1, beta2, eps, buffers.t)
            else:
                rmsprop_step(p, g, s, lr, alpha, eps)
