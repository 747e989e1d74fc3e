"""The worked stage of the equation panel: one stage written out with its numbers, as a derivation on paper.

Every matrix is the engine's own array from the snapshot; the intermediates (Wˡaˡ⁻¹, (Wˡ⁺¹)ᵀδˡ⁺¹,
f′(zˡ), Σδ, δ(aˡ⁻¹)ᵀ, η∂L/∂W) are the same NumPy expressions the engine evaluates, so they are the
same numbers. Small matrices are written out; larger ones appear by shape, with sample 1's column
when that is small enough to read. This class writes the column convention; ``RowStageNumbers`` the row one.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.engine.snapshot import key
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS
from bpstudio.engine.text.indices import superscript as sup
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState

from .equation_texts import EquationTexts
from .matrix_text import EQ, Derivation, Paren, T, Term
from .optimizer_update import write_adaptive_update

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

Arr = np.ndarray | None


class StageNumbers(EquationTexts):
    """What the panel writes for one ViewState: ``general`` equations, ``parts`` of the worked stage,
    ``notes``. ``width`` is the line length in characters of the monospaced derivations."""

    Z_A = ("z", "a")  # the names of zˡ and aˡ

    def __init__(self, state: ViewState, width: int, before_update: Mapping[int, tuple] | None = None,
                 precision: int = 4, notation: str = "column") -> None:
        super().__init__(state, notation)
        self._before = before_update
        self.doc = Derivation(width, precision, self._oriented, self._sample_heading(),
                              translate("EquationPanel", "{name} (not computed)"))
        self._m, self._eq, self._text = self.doc.matrix, self.doc.equation, self.doc.text
        self._build()

    def parts(self) -> list[tuple[str, str]]:
        """("math", monospaced derivation) and ("text", sentence) in reading order."""
        return self.doc.parts

    # ----- building blocks ----------------------------------------------------------------
    @staticmethod
    def _oriented(engine: np.ndarray) -> np.ndarray:
        """The engine's array as this convention writes it."""
        return engine

    def _sample_heading(self) -> str:
        return translate("EquationPanel", "Sample 1 (column 1 of {m}):").format(m=self.m)

    def g(self, q: str, l: int) -> np.ndarray | None:
        return self.snap.get(q, l)

    def _prev(self, l: int) -> tuple[str, np.ndarray | None]:
        a = self.Z_A[1]
        return (f"{a}⁰", self.snap.arrays["input"]) if l == 1 else (f"{a}{sup(l - 1)}", self.g("a", l - 1))

    def _za(self, s: str) -> tuple[str, str]:
        """The names of zˡ and aˡ: Zˡ, Aˡ in the row convention (a row per sample)."""
        return f"{self.Z_A[0]}{s}", f"{self.Z_A[1]}{s}"

    @staticmethod
    def _fprime(f, z: np.ndarray | None, a: np.ndarray | None) -> np.ndarray | None:
        return None if f.df is None or z is None or a is None else f.df(z, a)

    # ----- one stage ----------------------------------------------------------------------
    def _build(self) -> None:
        if self.stage is None:
            self._start()
        elif self.stage.kind == FORWARD:
            self._forward(self.layer)
        elif self.stage.kind == LOSS:
            self._loss()
        elif self.stage.kind == BACKWARD:
            self._backward(self.layer)
        else:
            self._update(self.layer)

    def _start(self) -> None:
        l = self.layer
        self._text(translate("EquationPanel", "Nothing is computed in this iteration yet; next: {stage}.").format(
            stage=self.snap.next_stage.label))
        self._eq(f"W{sup(l)}", [EQ, self._m(f"W{sup(l)}", self.g("W", l))])
        self._eq(f"b{sup(l)}", [EQ, self._m(f"b{sup(l)}", self.g("b", l))])

    def _forward(self, l: int) -> None:
        s, f = sup(l), self.plan.activations[l - 1]
        W, b, z, a = self.g("W", l), self.g("b", l), self.g("z", l), self.g("a", l)
        pname, a_prev = self._prev(l)
        Wa = None if W is None or a_prev is None else W @ a_prev
        zn, an = self._za(s)
        self._weighted_input(s, zn, pname, a_prev, W, b, Wa, z)
        self._eq(an, [EQ, T(f"{f.label}({zn})"), EQ, self._m(an, a, True)])
        self._text(translate("EquationPanel", "where {formula}").format(formula=f.formula_text))

    def _weighted_input(self, s: str, zn: str, pname: str, a_prev: Arr, W: Arr, b: Arr, Wa: Arr, z: Arr) -> None:
        self._eq(zn, [
            EQ, T(f"W{s} {pname} + b{s}"),
            EQ, self._m(f"W{s}", W), T("·"), self._m(pname, a_prev, True), T("+"), self._m(f"b{s}", b),
            EQ, self._m(f"W{s}{pname}", Wa, True), T("+"), self._m(f"b{s}", b),
            EQ, self._m(zn, z, True),
        ])
        self._text(translate("EquationPanel",
                             "b{s} is added to every column (every sample); a⁰ = x, the inputs.").format(s=s))

    def _loss(self) -> None:
        L, s = self.L, sup(self.L)
        a, y = self.g("a", L), self.snap.arrays["target"]
        losses, grad = self.snap.arrays.get("losses"), self.snap.arrays.get("grad_a")
        name = self.plan.loss.name
        self._text(" — ".join(self._loss_text()))
        self._eq(translate("EquationPanel", "L per sample"),
                 [EQ, self._m("L", None if losses is None else losses[None, :], True)])
        total = "—" if self.snap.loss is None else format_number(self.snap.loss, self.doc.precision + 2)
        self._eq(translate("EquationPanel", "batch L"), [EQ, T(
            translate("EquationPanel", "mean of the {m} values").format(m=self.m)), EQ, T(total)])
        terms: list[Term]
        if name == "squared_error":
            terms = [EQ, T(f"a{s} − y"), EQ, self._m(f"a{s}", a, True), T("−"), self._m("y", y, True)]
        elif name == "squared_error_no_half":
            terms = [EQ, T(f"2(a{s} − y)"), EQ, T("2"), T("·"), Paren("("), self._m(f"a{s}", a, True), T("−"),
                     self._m("y", y, True), Paren(")")]
        elif name == "cross_entropy":
            terms = [EQ, T(f"−y / a{s}")]
        else:
            terms = [EQ, T(f"−y / a{s} + (1 − y) / (1 − a{s})")]
        self._eq("∇ₐL", [*terms, EQ, self._m("∇ₐL", grad, True)])
        if self.plan.fused:
            self._text(translate("EquationPanel", "(With a fused output, BP1 does not need ∇ₐL: δᴸ = aᴸ − y, see "
                                 "the next stage.)"))

    def _backward(self, l: int) -> None:
        s, f = sup(l), self.plan.activations[l - 1]
        z, a, delta = self.g("z", l), self.g("a", l), self.g("delta", l)
        fp = self._fprime(f, z, a)
        fname = f"{f.label}′(z{s})"
        if l == self.L and self.plan.fused:
            y = self.snap.arrays["target"]
            self._eq(f"δ{s}", [EQ, T(f"a{s} − y"), EQ, self._m(f"a{s}", a, True), T("−"), self._m("y", y, True),
                               EQ, self._m(f"δ{s}", delta, True)])
            self._text(self.fused_explanation())
            self._fused_written = True
        elif l == self.L and f.df is None:
            grad = self.snap.arrays.get("grad_a")
            dot = None if a is None or grad is None else np.sum(a * grad, axis=0, keepdims=True)
            self._eq(f"δ{s}", [
                EQ, T(f"a{s} ⊙ (∇ₐL − Σₖ aₖ(∇ₐL)ₖ)"),
                EQ, self._m(f"a{s}", a, True), T("⊙"), Paren("("), self._m("∇ₐL", grad, True), T("−"),
                self._m("Σₖ aₖ(∇ₐL)ₖ", dot, True), Paren(")"), EQ, self._m(f"δ{s}", delta, True)])
            self._text(translate("EquationPanel", "Softmax's Jacobian is full, so BP1's ⊙ becomes this product; "
                                 "the column of sums is subtracted from every column.") if self.rows else
                       translate("EquationPanel", "Softmax's Jacobian is full, so BP1's ⊙ becomes this product; the "
                                 "row of sums is subtracted from every row."))
        elif l == self.L:
            grad = self.snap.arrays.get("grad_a")
            self._eq(f"δ{s}", [EQ, T(f"∇ₐL ⊙ {fname}"), EQ, self._m("∇ₐL", grad, True), T("⊙"),
                               self._m(fname, fp, True), EQ, self._m(f"δ{s}", delta, True)])
            self._text(translate("EquationPanel", "BP1, where {d}.").format(d=f.derivative_text))
        else:
            self._bp2(l, s, fname, fp, delta, f.derivative_text)
        self._gradients(l)

    def _bp2(self, l: int, s: str, fname: str, fp: Arr, delta: Arr, derivative: str) -> None:
        u = sup(l + 1)
        W_up, d_up = self.g("W", l + 1), self.g("delta", l + 1)
        WTd = None if W_up is None or d_up is None else W_up.T @ d_up
        self._eq(f"δ{s}", [
            EQ, T(f"((W{u})ᵀ δ{u}) ⊙ {fname}"),
            EQ, Paren("("), self._m(f"(W{u})ᵀ", None if W_up is None else W_up.T), T("·"),
            self._m(f"δ{u}", d_up, True), Paren(")"), T("⊙"), self._m(fname, fp, True),
            EQ, self._m(f"(W{u})ᵀδ{u}", WTd, True), T("⊙"), self._m(fname, fp, True),
            EQ, self._m(f"δ{s}", delta, True)])
        n = self.spec.sizes
        self._text(translate("EquationPanel",
            "BP2: W{u} is the weight matrix of layer {l1} ({r} × {c}), the weights between layers {l} and {l1}"
            "{seed}; {d}.").format(u=u, l1=l + 1, l=l, r=n[l + 1], c=n[l], d=derivative, seed=self.seed_000_bp2()))

    def _gradients(self, l: int) -> None:
        s, m = sup(l), self.m
        delta, db, dW = self.g("delta", l), self.g("db", l), self.g("dW", l)
        pname, a_prev = self._prev(l)
        total = None if delta is None else np.sum(delta, axis=1, keepdims=True)
        self._eq(f"∂L/∂b{s}", [EQ, T(f"(1/m) Σ δ{s}"), EQ, T(f"(1/{m})"), T("·"), self._m(f"Σ δ{s}", total),
                               EQ, self._m(f"∂L/∂b{s}", db)])
        dA = None if delta is None or a_prev is None else delta @ a_prev.T
        self._weight_gradient(s, m, pname, a_prev, delta, dA, dW)

    def _weight_gradient(self, s: str, m: int, pname: str, a_prev: Arr, delta: Arr, dA: Arr, dW: Arr) -> None:
        self._text(translate("EquationPanel",
                             "BP3: each row of δ{s} summed over the {m} samples, divided by m = {m}.").format(s=s, m=m))
        self._eq(f"∂L/∂W{s}", [
            EQ, T(f"(1/m) δ{s} ({pname})ᵀ"),
            EQ, T(f"(1/{m})"), T("·"), self._m(f"δ{s}", delta, True), T("·"),
            self._m(f"({pname})ᵀ", None if a_prev is None else a_prev.T),
            EQ, T(f"(1/{m})"), T("·"), self._m(f"δ{s}({pname})ᵀ", dA), EQ, self._m(f"∂L/∂W{s}", dW)])
        self._text(translate("EquationPanel",
                             "BP4: the product sums δ{s}ⱼ·{a}ₖ over the samples; 1/m makes it the mean.").format(
            s=s, a=pname))

    def _seen_before(self, q: str, l: int) -> Arr:
        """Wˡ or bˡ as the panel saw it before this update (None when it did not)."""
        return None if self._before is None else self._before.get(l, (None, None))[0 if q == "W" else 1]

    def _update_momentum(self, l: int) -> None:
        """With momentum the step depends on the earlier steps: show the gradient and the step taken."""
        s, t = sup(l), self.training
        for q, dq, v in (("W", "dW", "v"), ("b", "db", "u")):
            new, grad, old = self.g(q, l), self.g(dq, l), self._seen_before(q, l)
            if new is None or grad is None:
                continue
            if old is not None and old.shape == new.shape:
                self._eq(f"{q}{s}", [T("←"), T(f"{q}{s} + {v}{s}"), EQ, self._m(f"{q}{s}", old), T("+"),
                                     self._m(f"{v}{s}", new - old), EQ, self._m(f"{q}{s}", new)])
            else:
                self._eq(f"{q}{s}", [EQ, self._m(f"{q}{s}", new)])
            self._eq(f"∂L/∂{q}{s}", [EQ, self._m(f"∂L/∂{q}{s}", grad)])
        self._text(translate("EquationPanel", "With momentum μ = {mu} and L2 λ = {lam} the step vˡ also carries the "
                             "earlier steps, so it is shown as taken: vˡ = Wˡ(after) − Wˡ(before).").format(
            mu=format_number(t.momentum), lam=format_number(t.l2)))

    def _update(self, l: int) -> None:
        s, eta = sup(l), self.eta
        if not {key(q, i) for q in ("W", "b") for i in range(1, self.L + 1)} <= self.snap.changed:
            # a weight or bias was set by hand after the update: the update rule no longer links the numbers
            self._text(translate("EquationPanel", "A parameter was edited after this update; these are the current "
                                 "values, used by the next iteration."))
            self._eq(f"W{s}", [EQ, self._m(f"W{s}", self.g("W", l))])
            self._eq(f"b{s}", [EQ, self._m(f"b{s}", self.g("b", l))])
            return
        if self.training.optimizer != "sgd":
            return write_adaptive_update(self, l)
        if not self.training.plain:
            return self._update_momentum(l)
        exact = True
        for q, dq in (("W", "dW"), ("b", "db")):
            new, grad, old = self.g(q, l), self.g(dq, l), self._seen_before(q, l)
            if new is None or grad is None:
                continue
            step = eta * grad
            if old is None or old.shape != new.shape or not np.array_equal(old - step, new, equal_nan=True):
                old, exact = new + step, False  # not seen: recovered from the update rule
            self._eq(f"{q}{s}", [
                T("←"), T(f"{q}{s} − η ∂L/∂{q}{s}"),
                EQ, self._m(f"{q}{s}", old), T("−"), T(format_number(eta, 6)), T("·"), self._m(f"∂L/∂{q}{s}", grad),
                EQ, self._m(f"{q}{s}", old), T("−"), self._m(f"η∂L/∂{q}{s}", step),
                EQ, self._m(f"{q}{s}", new)])
        self._text(translate("EquationPanel", "All {L} layers are updated in this stage with η = {eta}; this is "
                             "layer {l} (select a layer to see another).").format(L=self.L, eta=format_number(eta),
                                                                                   l=l))
        if not exact:
            self._text(translate("EquationPanel",
                                 "(The values before the update are recovered as the new value + η ∂L/∂W.)"))
