"""The update stage of the equation panel with RMSProp or Adam: the general rule with its hyper-parameters, and
the worked update of one layer from the engine's numbers — g, the moments v and s after the update, Adam's bias
corrections 1 − β₁ᵗ and 1 − β₂ᵗ with t, v̂ and ŝ, the step and the new weights.

The step and v̂, ŝ are the very NumPy expressions of ``engine.optimizers`` on the snapshot's moments, so the
old weights + the step are the new ones to the bit when the panel saw the old ones (else they are recovered).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.engine.optimizers import bias_correction
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.spec import TrainingSpec
from bpstudio.engine.text.indices import superscript as sup
from bpstudio.engine.text.notation import format_number

from .matrix_text import EQ, Block, T, Term


class Panel(Protocol):
    """What this module uses of ``equation_numbers.StageNumbers`` (which imports it)."""

    training: TrainingSpec
    snap: Snapshot
    L: int

    def _m(self, name: str, arr: np.ndarray | None, batch: bool = False) -> Block: ...

    def _eq(self, lead: str, terms: list[Term]) -> None: ...

    def _text(self, s: str) -> None: ...

    def g(self, q: str, l: int) -> np.ndarray | None: ...

    def _seen_before(self, q: str, l: int) -> np.ndarray | None: ...

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

ADAM = ("gˡ = ∂L/∂Wˡ + λWˡ;  vˡ ← β₁vˡ + (1 − β₁)gˡ,  sˡ ← β₂sˡ + (1 − β₂)(gˡ)²;  "
        "v̂ˡ = vˡ/(1 − β₁ᵗ),  ŝˡ = sˡ/(1 − β₂ᵗ);  Wˡ ← Wˡ − η v̂ˡ/(√ŝˡ + ε)   (bˡ alike, with g = ∂L/∂bˡ)")
RMSPROP = ("gˡ = ∂L/∂Wˡ + λWˡ;  sˡ ← αsˡ + (1 − α)(gˡ)²;  Wˡ ← Wˡ − η gˡ/(√sˡ + ε)   "
           "(bˡ alike, with g = ∂L/∂bˡ)")


def adaptive_general(t: TrainingSpec, eta: float) -> tuple[str, str]:
    """(equation, meaning) of the update with RMSProp or Adam."""
    if t.optimizer == "adam":
        return ADAM, translate("EquationPanel",
            "Adam with β₁ = {b1}, β₂ = {b2}, ε = {eps}, η = {eta}, L2 λ = {lam}: v is a running mean of the gradients "
            "(momentum), s of their squares; both start at 0, so dividing by 1 − βᵗ (t = updates so far) corrects "
            "their pull towards 0. Each weight steps about η against its own gradient's sign, whatever its "
            "size").format(b1=format_number(t.beta1), b2=format_number(t.beta2), eps=format_number(t.eps),
                           eta=format_number(eta), lam=format_number(t.l2))
    return RMSPROP, translate("EquationPanel",
        "RMSProp with α = {alpha}, ε = {eps}, η = {eta}, L2 λ = {lam}: s is a running mean of the squared gradients "
        "(starting at 0); dividing by √s gives every weight a step of its own size").format(
        alpha=format_number(t.alpha), eps=format_number(t.eps), eta=format_number(eta), lam=format_number(t.l2))


def write_adaptive_update(n: Panel, l: int) -> None:
    """Layer l's update with the snapshot's moments, written into the panel ``n``."""
    s, t, moments = sup(l), n.training, n.snap.moments
    adam = t.optimizer == "adam"
    if moments is None or moments.s is None or moments.optimizer != t.optimizer or (adam and moments.v is None):
        n._text(translate("EquationPanel", "This update was made with other settings than the ones now chosen; "
                          "these are the current values, used by the next iteration."))
        for q in ("W", "b"):
            n._eq(f"{q}{s}", [EQ, n._m(f"{q}{s}", n.g(q, l))])
        return
    step_t = moments.t
    if adam:
        c1, c2 = bias_correction(t.beta1, step_t), bias_correction(t.beta2, step_t)
        for name, beta, c in (("1 − β₁ᵗ", t.beta1, c1), ("1 − β₂ᵗ", t.beta2, c2)):
            n._eq(name, [EQ, T(f"1 − {format_number(beta, 6)}{sup(step_t)}"), EQ, T(format_number(c, 6))])
    exact = True
    for i, (q, dq) in enumerate((("W", "dW"), ("b", "db"))):
        new, grad, old = n.g(q, l), n.g(dq, l), n._seen_before(q, l)
        if new is None or grad is None:
            continue
        decay = t.l2 if q == "W" else 0.0  # L2 on the weights only
        sq, name = moments.s[l - 1][i], f"d{q}{s}"  # v_dWˡ, s_dWˡ, v_dbˡ, s_dbˡ as in Ng's course
        seen = old is not None and old.shape == new.shape
        before = old if old is not None and seen else new  # replaced below when not seen
        if adam:
            v = moments.v[l - 1][i]  # type: ignore[index]
            v_hat, s_hat = v / c1, sq / c2
            step = t.learning_rate * v_hat / (np.sqrt(s_hat) + t.eps)
            if not seen:
                before = new + step
        else:  # RMSProp's step is η g/(√s + ε) with g = ∂L/∂W + λW(before): recover W(before) when not seen
            d = np.sqrt(sq) + t.eps
            if not seen:
                before = (new + t.learning_rate * grad / d) / (1 - t.learning_rate * decay / d)
            step = t.learning_rate * (grad + decay * before if decay else grad) / d
        exact = exact and seen and np.array_equal(before - step, new, equal_nan=True)
        g = grad + decay * before if decay else grad
        gname = f"g{s}" if q == "W" else f"∂L/∂b{s}"
        if q == "W":
            lead = [T(f"∂L/∂W{s} + λW{s}"), EQ, n._m(f"∂L/∂W{s}", grad), T("+"), T(format_number(decay, 6)), T("·"),
                    n._m(f"W{s}", before)] if decay else [T(f"∂L/∂W{s}")]
            n._eq(gname, [EQ, *lead, EQ, n._m(gname, g)])
        if adam:
            n._eq(f"v_{name}", [T("←"), T(f"β₁v_{name} + (1 − β₁){gname}"), EQ, n._m(f"v_{name}", v)])
            n._eq(f"s_{name}", [T("←"), T(f"β₂s_{name} + (1 − β₂)({gname})²"), EQ, n._m(f"s_{name}", sq)])
            n._eq(f"v̂_{name}", [EQ, T(f"v_{name}/(1 − β₁ᵗ)"), EQ, n._m(f"v̂_{name}", v_hat)])
            n._eq(f"ŝ_{name}", [EQ, T(f"s_{name}/(1 − β₂ᵗ)"), EQ, n._m(f"ŝ_{name}", s_hat)])
            rule = f"{q}{s} − η v̂_{name}/(√ŝ_{name} + ε)"
        else:
            n._eq(f"s_{name}", [T("←"), T(f"αs_{name} + (1 − α)({gname})²"), EQ, n._m(f"s_{name}", sq)])
            rule = f"{q}{s} − η {gname}/(√s_{name} + ε)"
        n._eq(f"{q}{s}", [T("←"), T(rule), EQ, n._m(f"{q}{s}", before), T("−"), n._m("step", step), EQ,
                          n._m(f"{q}{s}", new)])
    n._text(translate("EquationPanel", "v and s are shown after this update (t = {t}); all {L} layers are updated "
                      "in this stage, this is layer {l}.").format(t=step_t, L=n.L, l=l) if adam else translate(
        "EquationPanel", "s is shown after this update; all {L} layers are updated in this stage, this is layer "
        "{l}.").format(L=n.L, l=l))
    if not exact:
        n._text(translate("EquationPanel", "(The values before the update are recovered as the new value + the step.)"))
