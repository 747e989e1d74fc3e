"""The worked example's update with RMSProp or Adam: the rule with its hyper-parameters, then per layer the
moments after the update (v, s), Adam's bias corrections, and the step from the old weights to the new ones."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from bpstudio.engine.i18n import translate
from bpstudio.engine.optimizers import bias_correction
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.spec import TrainingSpec

from .notation import sup
from .worked_example_formats import Block, Eq, M, Para, Sub


def adaptive_update_blocks(t: TrainingSpec, depth: int, snap: Snapshot, before: Snapshot,
                           m: Callable[[str, np.ndarray | None], M]) -> list[Block]:
    """``m(name, array)`` writes a matrix as the example's Writer does."""
    moments, adam = snap.moments, t.optimizer == "adam"
    if adam:
        rule: tuple[str, ...] = (
            "gˡ = ∂L/∂Wˡ + λWˡ,   vˡ ← β₁vˡ + (1 − β₁)gˡ,   sˡ ← β₂sˡ + (1 − β₂)(gˡ)²",
            "v̂ˡ = vˡ/(1 − β₁ᵗ),   ŝˡ = sˡ/(1 − β₂ᵗ),   Wˡ ← Wˡ − η v̂ˡ/(√ŝˡ + ε)",
            f"η = {t.learning_rate:g},  β₁ = {t.beta1:g},  β₂ = {t.beta2:g},  ε = {t.eps:g},  λ = {t.l2:g}")
    else:
        rule = ("gˡ = ∂L/∂Wˡ + λWˡ,   sˡ ← αsˡ + (1 − α)(gˡ)²,   Wˡ ← Wˡ − η gˡ/(√sˡ + ε)",
                f"η = {t.learning_rate:g},  α = {t.alpha:g},  ε = {t.eps:g},  λ = {t.l2:g}")
    out: list[Block] = [Eq(rule), Para(translate(
        "WorkedExample", "The biases are updated alike with g = ∂L/∂bˡ (no decay). v and s start at 0 and are "
        "shown after this update."))]
    if moments is None or moments.s is None or moments.optimizer != t.optimizer:
        return out
    if adam:
        c1, c2 = bias_correction(t.beta1, moments.t), bias_correction(t.beta2, moments.t)
        out.append(Para(translate("WorkedExample", "t = {t} updates so far: 1 − β₁ᵗ = {c1}, 1 − β₂ᵗ = {c2}.").format(
            t=moments.t, c1=f"{c1:.6g}", c2=f"{c2:.6g}")))
    for l in range(1, depth + 1):
        s = sup(l)
        for i, q in enumerate(("W", "b")):
            old, new = before.get(q, l), snap.get(q, l)
            assert old is not None and new is not None
            sq = moments.s[l - 1][i]
            if adam and moments.v is not None:
                out.append(Sub(f"v_d{q}{s}", ("=", m(f"v_d{q}{s}", moments.v[l - 1][i]))))
            out.append(Sub(f"s_d{q}{s}", ("=", m(f"s_d{q}{s}", sq))))
            before_name = translate("WorkedExample", "{q} (before)").format(q=f"{q}{s}")
            after_name = translate("WorkedExample", "{q} (after)").format(q=f"{q}{s}")
            step = old - new  # the step just taken: η v̂/(√ŝ + ε) or η g/(√s + ε)
            out.append(Sub(f"{q}{s}", ("←", m(before_name, old), "−", m(translate("WorkedExample", "step"), step),
                                       "=", m(after_name, new))))
    return out
