"""The texts of the equation panel: the general equations and one stage written out with its numbers.

Every matrix is the engine's own array from the snapshot; the intermediates (Wˡaˡ⁻¹, (Wˡ⁺¹)ᵀδˡ⁺¹,
f′(zˡ), Σδ, δ(aˡ⁻¹)ᵀ, η∂L/∂W) are the same NumPy expressions the engine evaluates, so they are the
same numbers. Small matrices are written out; larger ones appear by shape, with sample 1's column
when that is small enough to read.

In the row convention (``notation="row"``) every matrix is written transposed (``_m`` orients it) and
every product in the row order — (AB)ᵀ = BᵀAᵀ, so Wˡ aˡ⁻¹ becomes Aˡ⁻¹ Wˡ: the same numbers, transposed.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.engine.backprop import Plan
from bpstudio.engine.snapshot import key
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.indices import superscript as sup
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState

from .matrix_text import MAX_WRITTEN, Block, Paren, Term, matrix_block, text_block, wrap

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

EQ = text_block("=")
SAMPLE_ROWS = 12  # a batch too wide to write out shows sample 1's column when it has at most this many rows


def T(s: str) -> Block:
    return text_block(s)


class StageNumbers:
    """What the panel writes for one ViewState: ``general`` equations, ``parts`` of the worked stage,
    ``notes``. ``width`` is the line length in characters of the monospaced derivations."""

    def __init__(
        self, state: ViewState, width: int, before_update: Mapping[int, tuple] | None = None, precision: int = 4,
        notation: str = conv.COLUMN,
    ) -> None:
        self.notation = conv.check(notation)
        self.rows = self.notation == conv.ROW  # samples as rows: matrices transposed, products reversed
        snap = self.snap = state.snapshot
        self.spec = snap.spec
        self.plan = Plan.of(snap.spec)
        self.L = self.spec.depth
        self.m = snap.batch_size
        self.eta = state.learning_rate
        self.training = state.project.training
        self.width = width
        self.p = precision
        stage = self.stage = snap.stage
        if stage is not None and stage.kind == LOSS:
            self.layer = self.L
        elif stage is not None and stage.layer:
            self.layer = stage.layer
        else:
            self.layer = max(1, min(state.layer, self.L))
        self._before = before_update
        self._parts: list[tuple[str, str]] = []
        self._samples: list[tuple[str, np.ndarray]] = []
        self._fused_written = False
        self._build()

    # ----- the general equations ----------------------------------------------------------
    def label(self, name: str) -> str:
        return {"forward": translate("EquationPanel", "forward"), "loss":
            translate("EquationPanel", "loss"), "update": translate("EquationPanel", "update")}.get(name, name)

    def general(self, name: str) -> tuple[str, str]:
        """(equation, meaning) of one of forward, loss, BP1…BP4, update, as used by this network."""
        plan, out = self.plan, self.plan.activations[-1]
        eqs = conv.equations(self.notation)
        if name == "forward" and self.rows:
            return (eqs["forward"], translate(
                "EquationPanel", "weighted input, then the activation; one row per sample, A⁰ = X, and W is "
                "nˡ⁻¹ × nˡ; a weight W[k, j] connects unit k of layer l−1 to unit j of layer l"))
        if name == "forward":
            return ((eqs["forward"],
            translate("EquationPanel", "weighted input, then the activation; a⁰ = x, and Wˡ is nˡ × nˡ⁻¹")))
        if name == "loss":
            return self._loss_text()
        if name == "BP1":
            if plan.fused and out.name == "softmax":
                return ("δᴸ = aᴸ − y", translate("EquationPanel",
                    "BP1 for softmax + cross-entropy: softmax's Jacobian is not diagonal, so ∇ₐL ⊙ f′(zᴸ) "
                    "does not apply as written; the product collapses to aᴸ − y (why: see below)"))
            if plan.fused:
                return ("δᴸ = aᴸ − y", translate("EquationPanel",
                    "BP1 for sigmoid + binary cross-entropy: ∇ₐL ⊙ σ′(zᴸ) = (−y/a + (1 − y)/(1 − a))·a(1 − a) "
                    "= a − y"))
            if out.df is None:
                return ("δᴸ = (∂aᴸ/∂zᴸ)ᵀ ∇ₐL", translate("EquationPanel",
                    "BP1 with a softmax output: its Jacobian is full, so ⊙ becomes a product with the Jacobian: "
                    "δᵢ = aᵢ((∇ₐL)ᵢ − Σₖ aₖ(∇ₐL)ₖ)"))
            return (("δᴸ = ∇ₐL ⊙ f′(zᴸ)",
            translate("EquationPanel", "error of the output layer; here f′ is {d}").format(d=out.derivative_text)))
        if name == "BP2" and self.rows:
            return (eqs["BP2"], translate("EquationPanel",
                "error of layer l from the layer above; Wˡ⁺¹ is the matrix of layer l+1 (nˡ × nˡ⁺¹ in this "
                "convention), δ is m × nˡ"))
        if name == "BP3" and self.rows:
            return (eqs["BP3"], translate("EquationPanel",
                "bias gradient: per sample ∂L/∂bˡⱼ = δˡⱼ, then the mean over the batch (down each column)"))
        if name == "BP4" and self.rows:
            return (eqs["BP4"], translate("EquationPanel",
                "weight gradient: per sample ∂L/∂W[k, j] = aˡ⁻¹ₖ δˡⱼ, then the mean over the batch"))
        if name == "BP2":
            return ("δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)", translate("EquationPanel",
                "error of layer l from the layer above; Wˡ⁺¹ is the matrix of layer l+1 (nˡ⁺¹ × nˡ)"))
        if name == "BP3":
            return (eqs["BP3"], translate("EquationPanel",
                "bias gradient: per sample ∂L/∂bˡⱼ = δˡⱼ, then the mean over the batch"))
        if name == "BP4":
            return ("∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ", translate("EquationPanel",
                "weight gradient: per sample ∂L/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ, then the mean over the batch"))
        t = self.training
        if not t.plain:
            return ("vˡ ← μvˡ − η(∂L/∂Wˡ + λWˡ),  Wˡ ← Wˡ + vˡ;   uˡ ← μuˡ − η ∂L/∂bˡ,  bˡ ← bˡ + uˡ",
                    translate("EquationPanel",
                "gradient descent with momentum μ = {mu} (v remembers the previous steps) and L2 weight decay "
                "λ = {lam} (pulls weights towards 0), η = {eta}; v and u start at 0").format(
                    mu=format_number(t.momentum), lam=format_number(t.l2), eta=format_number(self.eta)))
        return (("Wˡ ← Wˡ − η ∂L/∂Wˡ,   bˡ ← bˡ − η ∂L/∂bˡ",
            translate("EquationPanel",
                      "one gradient-descent step for every layer, η = {eta}").format(eta=format_number(self.eta))))

    def _loss_text(self) -> tuple[str, str]:
        """(equation, which form is in use) — the batch loss is always the mean of the per-sample losses."""
        batch = translate("EquationPanel", "per sample,  batch L = mean over m samples")
        name = self.plan.loss.name
        if name == "squared_error":
            return (f"L = ½‖y − aᴸ‖² {batch}",
            translate("EquationPanel", "squared error with ½ (seed 000): ∇ₐL = aᴸ − y"))
        if name == "squared_error_no_half":
            return f"L = ‖aᴸ − y‖² {batch}", translate("EquationPanel",
                "squared error without ½, as in seed 004 (3Blue1Brown): ∇ₐL = 2(aᴸ − y)")
        if name == "cross_entropy":
            return (f"L = −Σᵢ yᵢ log aᴸᵢ {batch}",
            translate("EquationPanel", "cross-entropy with one-hot y: ∇ₐL = −y / aᴸ"))
        return f"L = −Σᵢ [yᵢ log aᴸᵢ + (1 − yᵢ) log(1 − aᴸᵢ)] {batch}", translate("EquationPanel",
            "binary cross-entropy: ∇ₐL = −y/a + (1 − y)/(1 − a) (seed 002's dAᴸ)")

    def detail(self, name: str) -> str:
        """More about an equation, shown while it is highlighted."""
        if name != "loss":
            return ""
        loss = self.plan.loss.name
        if loss == "squared_error":
            return translate("EquationPanel", "Seed 004 drops the ½ and gets 2(a − y). Seed 003 writes the sum over "
                "the "
                    "samples; "
                       "this app takes the mean, so the gradients carry 1/m.")
        if loss == "squared_error_no_half":
            return translate("EquationPanel", "Seed 000's form has ½ and gets ∇ₐL = aᴸ − y. Seed 003 writes the sum "
                "over "
                    "the samples; "
                       "this app takes the mean, so the gradients carry 1/m.")
        if loss == "binary_cross_entropy":
            return translate("EquationPanel",
                             "Computed from zᴸ as max(z, 0) − z·y + log(1 + e^(−|z|)), so never log 0.")
        return translate("EquationPanel", "Computed from zᴸ with log-sum-exp, so never log 0.")

    # ----- the worked stage ---------------------------------------------------------------
    def title(self) -> str:
        l = self.layer
        if self.stage is None:
            return translate("EquationPanel", "Layer {l} before this iteration").format(l=l)
        if self.stage.kind == LOSS:
            return translate("EquationPanel", "With the numbers: loss")
        if self.stage.kind == FORWARD:
            return translate("EquationPanel", "With the numbers: forward, layer {l}").format(l=l)
        if self.stage.kind == BACKWARD:
            return translate("EquationPanel", "With the numbers: backward, layer {l}").format(l=l)
        return translate("EquationPanel", "With the numbers: update, layer {l}").format(l=l)

    def parts(self) -> list[tuple[str, str]]:
        """("math", monospaced derivation) and ("text", sentence) in reading order."""
        return self._parts

    def notes(self) -> list[str]:
        notes = []
        if self.plan.fused and not self._fused_written:
            notes.append(self.fused_explanation())
        notes.append(self._bp2_note())
        if self.rows:
            notes.append(translate("EquationPanel",
                "Batch of m = {m}: ∇ₐL and δ are per sample — one row per sample, never averaged; ∂L/∂W and ∂L/∂b "
                "are averaged over the m samples (the 1/m of BP3 and BP4), and the batch loss is the mean of the "
                "per-sample losses.").format(m=self.m))
            return notes
        notes.append(translate("EquationPanel",
            "Batch of m = {m}: ∇ₐL and δ are per sample — one column per sample, never averaged; ∂L/∂W and ∂L/∂b "
            "are averaged over the m samples (the 1/m of BP3 and BP4), and the batch loss is the mean of the "
            "per-sample losses.").format(m=self.m))
        return notes

    def fused_explanation(self) -> str:
        if self.plan.activations[-1].name == "softmax":
            return translate("EquationPanel",
                "Why δᴸ = aᴸ − y with softmax and cross-entropy: softmax's Jacobian is not diagonal — every aₖ "
                "depends on every zᵢ, ∂aₖ/∂zᵢ = aₖ(1[i=k] − aᵢ). So BP1's ⊙, which pairs each aᵢ with its own zᵢ "
                "only, does not apply; the chain rule sums over all outputs: ∂L/∂zᵢ = Σₖ (∂L/∂aₖ)(∂aₖ/∂zᵢ) = "
                "Σₖ (−yₖ/aₖ)·aₖ(1[i=k] − aᵢ) = −yᵢ + aᵢ Σₖ yₖ = aᵢ − yᵢ, since Σₖ yₖ = 1 (one-hot y). The engine "
                "computes δᴸ = aᴸ − y directly (seed 001).")
        return translate("EquationPanel",
            "Why δᴸ = aᴸ − y with sigmoid and binary cross-entropy: ∇ₐL = −y/a + (1 − y)/(1 − a) (seed 002's dAᴸ) "
            "and σ′(z) = a(1 − a), so δᴸ = ∇ₐL ⊙ σ′(zᴸ) = (−y/a + (1 − y)/(1 − a))·a(1 − a) = −y(1 − a) + (1 − y)a "
            "= a − y. The engine computes a − y directly, which stays exact where a saturates to 0 or 1.")

    def _bp2_note(self) -> str:
        if self.rows:
            note = translate("EquationPanel",
                "BP2 and seed 000: seed 000 writes BP2 with (wˡ)ᵀ — an index slip; its own derivation uses the "
                "weights between layers l and l+1. Here Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ × nˡ⁺¹ in the "
                "row convention, it maps layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.")
        else:
            note = translate("EquationPanel",
                "BP2 and seed 000: seed 000 writes BP2 with (wˡ)ᵀ — an index slip; its own derivation uses the "
                "weights between layers l and l+1. Here Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ⁺¹ × nˡ, it maps "
                "layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.")
        if self.L >= 2:
            n = self.spec.sizes
            r, c = (n[1], n[2]) if self.rows else (n[2], n[1])  # W² as displayed
            note += " " + translate("EquationPanel",
                                    "In this network δ¹ is computed with W² ({r} × {c}).").format(r=r, c=c)
        return note

    # ----- building blocks ----------------------------------------------------------------
    def _m(self, name: str, arr: np.ndarray | None, batch: bool = False) -> Block:
        """A matrix written out, or its name and shape when it is too large to read."""
        if arr is None:
            return T(translate("EquationPanel", "{name} (not computed)").format(name=name))
        arr = np.atleast_2d(arr)
        if self.rows:
            arr = arr.T  # the engine's array as the row convention writes it
        if arr.shape[0] <= MAX_WRITTEN and arr.shape[1] <= MAX_WRITTEN:
            return matrix_block(arr, self.p)
        if self.rows:
            if batch and arr.shape[1] <= SAMPLE_ROWS and all(n != name for n, _ in self._samples):
                self._samples.append((name, arr[:1, :]))
        elif batch and arr.shape[0] <= SAMPLE_ROWS and all(n != name for n, _ in self._samples):
            self._samples.append((name, arr[:, :1]))
        return T(f"{name} ({arr.shape[0]} × {arr.shape[1]})")

    def _eq(self, lead: str, terms: list[Term]) -> None:
        rows = wrap(lead, terms, self.width)
        self._parts.append(("math", "\n".join(r.text() for r in rows)))
        if self._samples:
            if self.rows:
                self._text(translate("EquationPanel", "Sample 1 (row 1 of {m}):").format(m=self.m))
            else:
                self._text(translate("EquationPanel", "Sample 1 (column 1 of {m}):").format(m=self.m))
            width = max(len(n) for n, _ in self._samples)
            lines = [r.text() for n, col in self._samples for r in wrap(n.ljust(width), [EQ, matrix_block(col, self.p)],
                                                                         self.width)]
            self._parts.append(("math", "\n".join(lines)))
            self._samples = []

    def _text(self, s: str) -> None:
        self._parts.append(("text", s))

    def g(self, q: str, l: int) -> np.ndarray | None:
        return self.snap.get(q, l)

    def _prev(self, l: int) -> tuple[str, np.ndarray | None]:
        a = "A" if self.rows else "a"
        if l == 1:
            return f"{a}⁰", self.snap.arrays["input"]
        return f"{a}{sup(l - 1)}", self.g("a", l - 1)

    def _za(self, s: str) -> tuple[str, str]:
        """The names of zˡ and aˡ: Zˡ, Aˡ in the row convention (a row per sample)."""
        return (f"Z{s}", f"A{s}") if self.rows else (f"z{s}", f"a{s}")

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
        if self.rows:  # Zˡ = Aˡ⁻¹ Wˡ + bˡ: (Wˡ aˡ⁻¹)ᵀ = (aˡ⁻¹)ᵀ (Wˡ)ᵀ
            self._eq(zn, [
                EQ, T(f"{pname} W{s} + b{s}"),
                EQ, self._m(pname, a_prev, True), T("·"), self._m(f"W{s}", W), T("+"), self._m(f"b{s}", b),
                EQ, self._m(f"{pname}W{s}", Wa, True), T("+"), self._m(f"b{s}", b),
                EQ, self._m(zn, z, True),
            ])
            self._text(translate("EquationPanel", "b{s} is added to every row (every sample); A⁰ = X, the inputs, "
                                 "one row per sample.").format(s=s))
        else:
            self._eq(f"z{s}", [
                EQ, T(f"W{s} {pname} + b{s}"),
                EQ, self._m(f"W{s}", W), T("·"), self._m(pname, a_prev, True), T("+"), self._m(f"b{s}", b),
                EQ, self._m(f"W{s}{pname}", Wa, True), T("+"), self._m(f"b{s}", b),
                EQ, self._m(f"z{s}", z, True),
            ])
            self._text(
                translate("EquationPanel",
                          "b{s} is added to every column (every sample); a⁰ = x, the inputs.").format(s=s))
        self._eq(an, [EQ, T(f"{f.label}({zn})"), EQ, self._m(an, a, True)])
        self._text(translate("EquationPanel", "where {formula}").format(formula=f.formula_text))

    def _loss(self) -> None:
        L, s = self.L, sup(self.L)
        a, y = self.g("a", L), self.snap.arrays["target"]
        losses, grad = self.snap.arrays.get("losses"), self.snap.arrays.get("grad_a")
        name = self.plan.loss.name
        self._text(" — ".join(self._loss_text()))
        self._eq(
            translate("EquationPanel",
                      "L per sample"), [EQ, self._m("L", None if losses is None else losses[None, :], True)])
        total = "—" if self.snap.loss is None else format_number(self.snap.loss, self.p + 2)
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
            self._text(
                translate("EquationPanel", "(With a fused output, BP1 does not need ∇ₐL: δᴸ = aᴸ − y, see the next "
                    "stage.)"))

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
            if self.rows:
                self._text(translate("EquationPanel", "Softmax's Jacobian is full, so BP1's ⊙ becomes this product; "
                                     "the column of sums is subtracted from every column."))
            else:
                self._text(
                    translate("EquationPanel", "Softmax's Jacobian is full, so BP1's ⊙ becomes this product; the "
                              "row of sums is subtracted from every row."))
        elif l == self.L:
            grad = self.snap.arrays.get("grad_a")
            self._eq(f"δ{s}", [EQ, T(f"∇ₐL ⊙ {fname}"), EQ, self._m("∇ₐL", grad, True), T("⊙"),
                               self._m(fname, fp, True), EQ, self._m(f"δ{s}", delta, True)])
            self._text(translate("EquationPanel", "BP1, where {d}.").format(d=f.derivative_text))
        else:
            u = sup(l + 1)
            W_up, d_up = self.g("W", l + 1), self.g("delta", l + 1)
            WTd = None if W_up is None or d_up is None else W_up.T @ d_up
            if self.rows:  # δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(zˡ), with W the row convention's nˡ × nˡ⁺¹ matrix
                self._eq(f"δ{s}", [
                    EQ, T(f"(δ{u} (W{u})ᵀ) ⊙ {fname}"),
                    EQ, Paren("("), self._m(f"δ{u}", d_up, True), T("·"),
                    self._m(f"(W{u})ᵀ", None if W_up is None else W_up.T), Paren(")"), T("⊙"),
                    self._m(fname, fp, True),
                    EQ, self._m(f"δ{u}(W{u})ᵀ", WTd, True), T("⊙"), self._m(fname, fp, True),
                    EQ, self._m(f"δ{s}", delta, True)])
                n = self.spec.sizes
                self._text(translate("EquationPanel",
                    "BP2: W{u} is the weight matrix of layer {l1} ({r} × {c} in the row convention), the weights "
                    "between layers {l} and {l1} (seed 000's (wˡ)ᵀ means this matrix); {d}.").format(
                        u=u, l1=l + 1, l=l, r=n[l], c=n[l + 1], d=f.derivative_text))
                self._gradients(l)
                return
            self._eq(f"δ{s}", [
                EQ, T(f"((W{u})ᵀ δ{u}) ⊙ {fname}"),
                EQ, Paren("("), self._m(f"(W{u})ᵀ", None if W_up is None else W_up.T), T("·"),
                self._m(f"δ{u}", d_up, True), Paren(")"), T("⊙"), self._m(fname, fp, True),
                EQ, self._m(f"(W{u})ᵀδ{u}", WTd, True), T("⊙"), self._m(fname, fp, True),
                EQ, self._m(f"δ{s}", delta, True)])
            n = self.spec.sizes
            self._text(translate("EquationPanel",
                "BP2: W{u} is the weight matrix of layer {l1} ({r} × {c}), the weights between layers {l} and {l1} "
                "(seed 000's (wˡ)ᵀ means this matrix); {d}.").format(
                    u=u, l1=l + 1, l=l, r=n[l + 1], c=n[l], d=f.derivative_text))
        self._gradients(l)

    def _gradients(self, l: int) -> None:
        s, m = sup(l), self.m
        delta, db, dW = self.g("delta", l), self.g("db", l), self.g("dW", l)
        pname, a_prev = self._prev(l)
        total = None if delta is None else np.sum(delta, axis=1, keepdims=True)
        self._eq(f"∂L/∂b{s}", [EQ, T(f"(1/m) Σ δ{s}"), EQ, T(f"(1/{m})"), T("·"), self._m(f"Σ δ{s}", total),
                               EQ, self._m(f"∂L/∂b{s}", db)])
        dA = None if delta is None or a_prev is None else delta @ a_prev.T
        if self.rows:  # ∂L/∂Wˡ = (1/m) (Aˡ⁻¹)ᵀ δˡ
            self._text(translate("EquationPanel",
                                 "BP3: each column of δ{s} summed over the {m} samples (its rows), divided by "
                                 "m = {m}.").format(s=s, m=m))
            self._eq(f"∂L/∂W{s}", [
                EQ, T(f"(1/m) ({pname})ᵀ δ{s}"),
                EQ, T(f"(1/{m})"), T("·"), self._m(f"({pname})ᵀ", None if a_prev is None else a_prev.T), T("·"),
                self._m(f"δ{s}", delta, True),
                EQ, T(f"(1/{m})"), T("·"), self._m(f"({pname})ᵀδ{s}", dA), EQ, self._m(f"∂L/∂W{s}", dW)])
            self._text(translate("EquationPanel", "BP4: the product sums {a}ₖ·δ{s}ⱼ over the samples into entry "
                                 "[k, j]; 1/m makes it the mean.").format(s=s, a=pname))
            return
        self._text(
            translate("EquationPanel",
                      "BP3: each row of δ{s} summed over the {m} samples, divided by m = {m}.").format(s=s, m=m))
        dA = None if delta is None or a_prev is None else delta @ a_prev.T
        self._eq(f"∂L/∂W{s}", [
            EQ, T(f"(1/m) δ{s} ({pname})ᵀ"),
            EQ, T(f"(1/{m})"), T("·"), self._m(f"δ{s}", delta, True), T("·"),
            self._m(f"({pname})ᵀ", None if a_prev is None else a_prev.T),
            EQ, T(f"(1/{m})"), T("·"), self._m(f"δ{s}({pname})ᵀ", dA), EQ, self._m(f"∂L/∂W{s}", dW)])
        self._text(
            translate("EquationPanel",
                      "BP4: the product sums δ{s}ⱼ·{a}ₖ over the samples; 1/m makes it the mean.").format(
            s=s, a=pname))

    def _update_momentum(self, l: int) -> None:
        """With momentum the step depends on the earlier steps: show the gradient and the step taken."""
        s, t = sup(l), self.training
        for q, dq, v in (("W", "dW", "v"), ("b", "db", "u")):
            new, grad = self.g(q, l), self.g(dq, l)
            old = None if self._before is None else self._before.get(l, (None, None))[0 if q == "W" else 1]
            if new is None or grad is None:
                continue
            if old is not None and old.shape == new.shape:
                self._eq(f"{q}{s}", [T("←"), T(f"{q}{s} + {v}{s}"), EQ, self._m(f"{q}{s}", old), T("+"),
                                     self._m(f"{v}{s}", new - old), EQ, self._m(f"{q}{s}", new)])
            else:
                self._eq(f"{q}{s}", [EQ, self._m(f"{q}{s}", new)])
            self._eq(f"∂L/∂{q}{s}", [EQ, self._m(f"∂L/∂{q}{s}", grad)])
        self._text(
            translate("EquationPanel", "With momentum μ = {mu} and L2 λ = {lam} the step vˡ also carries the earlier "
                "steps, so it is "
                       "shown as taken: vˡ = Wˡ(after) − Wˡ(before).").format(
                           mu=format_number(t.momentum), lam=format_number(t.l2)))

    def _update(self, l: int) -> None:
        s, eta = sup(l), self.eta
        if not {key(q, i) for q in ("W", "b") for i in range(1, self.L + 1)} <= self.snap.changed:
            # a weight or bias was set by hand after the update: the update rule no longer links the numbers
            self._text(
                translate("EquationPanel", "A parameter was edited after this update; these are the current values, "
                    "used by "
                           "the next iteration."))
            self._eq(f"W{s}", [EQ, self._m(f"W{s}", self.g("W", l))])
            self._eq(f"b{s}", [EQ, self._m(f"b{s}", self.g("b", l))])
            return
        if not self.training.plain:
            self._update_momentum(l)
            return
        exact = True
        for q, dq in (("W", "dW"), ("b", "db")):
            new, grad = self.g(q, l), self.g(dq, l)
            old = None if self._before is None else self._before.get(l, (None, None))[0 if q == "W" else 1]
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
        self._text(
            translate("EquationPanel", "All {L} layers are updated in this stage with η = {eta}; this is layer {l} "
                "(select a layer "
                       "to see another).").format(L=self.L, eta=format_number(eta), l=l))
        if not exact:
            self._text(
                translate("EquationPanel", "(The values before the update are recovered as the new value + η ∂L/∂W.)"))
