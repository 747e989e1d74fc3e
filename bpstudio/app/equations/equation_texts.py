"""The equation panel's words: the general equations as this network uses them (forward, loss, BP1–BP4,
update) with what each means, the title of the worked stage and the notes under it.

In the row convention (``notation="row"``) the equations are the row convention's: Zˡ = Aˡ⁻¹ Wˡ + bˡ, and
BP2 with Wˡ⁺¹ transposed on the right.

Notes about the source articles (seed 000 …) appear only in the example projects built from them (their names
start "Seed 000:" …); elsewhere the same facts are said without them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from bpstudio.engine.backprop import Plan
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState

from .optimizer_update import adaptive_general

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


class EquationTexts:
    """The texts of one ViewState that need no arrays; ``StageNumbers`` adds the worked stage."""

    def __init__(self, state: ViewState, notation: str = conv.COLUMN) -> None:
        self.notation = conv.check(notation)
        self.rows = self.notation == conv.ROW  # samples as rows: matrices transposed, products reversed
        snap = self.snap = state.snapshot
        self.spec = snap.spec
        self.plan = Plan.of(snap.spec)
        self.L = self.spec.depth
        self.m = snap.batch_size
        self.eta = state.learning_rate
        self.training = state.project.training
        stage = self.stage = snap.stage
        if stage is not None and stage.kind == LOSS:
            self.layer = self.L
        elif stage is not None and stage.layer:
            self.layer = stage.layer
        else:
            self.layer = max(1, min(state.layer, self.L))
        self._fused_written = False  # the worked stage explained the fused BP1 itself
        found = re.match(r"\s*seed (\d{3})\b", state.project.name, re.IGNORECASE)
        self.seed = found.group(1) if found else ""  # the source article the example project is built from

    def seed_000_bp2(self) -> str:
        """After "the weights between layers l and l+1", in seed 000's project only."""
        return translate("EquationPanel", " (seed 000's (wˡ)ᵀ means this matrix)") if self.seed == "000" else ""

    # ----- the general equations ----------------------------------------------------------
    def label(self, name: str) -> str:
        return {"forward": translate("EquationPanel", "forward"), "loss":
            translate("EquationPanel", "loss"), "update": translate("EquationPanel", "update")}.get(name, name)

    def general(self, name: str) -> tuple[str, str]:
        """(equation, meaning) of one of forward, loss, BP1…BP4, update, as used by this network."""
        plan, out, t = self.plan, self.plan.activations[-1], self.training
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
        if name == "update" and t.optimizer != "sgd":
            return adaptive_general(t, self.eta)
        if name == "update" and not t.plain:
            return ("vˡ ← μvˡ − η(∂L/∂Wˡ + λWˡ),  Wˡ ← Wˡ + vˡ;   uˡ ← μuˡ − η ∂L/∂bˡ,  bˡ ← bˡ + uˡ",
                    translate("EquationPanel",
                "gradient descent with momentum μ = {mu} (v remembers the previous steps) and L2 weight decay "
                "λ = {lam} (pulls weights towards 0), η = {eta}; v and u start at 0").format(
                    mu=format_number(t.momentum), lam=format_number(t.l2), eta=format_number(self.eta)))
        if name == "update":
            return conv.equations(self.notation)["update"], translate(
                "EquationPanel", "one gradient-descent step for every layer, η = {eta}").format(
                eta=format_number(self.eta))
        meanings = {  # forward, BP2, BP3, BP4: the row convention's meanings, then the column convention's
            "forward": translate(
                "EquationPanel", "weighted input, then the activation; one row per sample, A⁰ = X, and W is "
                "nˡ⁻¹ × nˡ; a weight W[k, j] connects unit k of layer l−1 to unit j of layer l"),
            "BP2": translate("EquationPanel",
                "error of layer l from the layer above; Wˡ⁺¹ is the matrix of layer l+1 (nˡ × nˡ⁺¹ in this "
                "convention), δ is m × nˡ"),
            "BP3": translate("EquationPanel",
                "bias gradient: per sample ∂L/∂bˡⱼ = δˡⱼ, then the mean over the batch (down each column)"),
            "BP4": translate("EquationPanel",
                "weight gradient: per sample ∂L/∂W[k, j] = aˡ⁻¹ₖ δˡⱼ, then the mean over the batch"),
        } if self.rows else {
            "forward": translate("EquationPanel", "weighted input, then the activation; a⁰ = x, and Wˡ is nˡ × nˡ⁻¹"),
            "BP2": translate("EquationPanel",
                "error of layer l from the layer above; Wˡ⁺¹ is the matrix of layer l+1 (nˡ⁺¹ × nˡ)"),
            "BP3": translate("EquationPanel",
                "bias gradient: per sample ∂L/∂bˡⱼ = δˡⱼ, then the mean over the batch"),
            "BP4": translate("EquationPanel",
                "weight gradient: per sample ∂L/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ, then the mean over the batch"),
        }
        return conv.equations(self.notation)[name], meanings[name]

    def _loss_text(self) -> tuple[str, str]:
        """(equation, which form is in use) — the batch loss is always the mean of the per-sample losses."""
        batch = translate("EquationPanel", "per sample,  batch L = mean over m samples")
        name = self.plan.loss.name
        if name == "squared_error":
            return (f"L = ½‖y − aᴸ‖² {batch}", translate("EquationPanel", "squared error with ½: ∇ₐL = aᴸ − y"))
        if name == "squared_error_no_half" and self.seed == "004":
            return f"L = ‖aᴸ − y‖² {batch}", translate("EquationPanel",
                "squared error without ½, as seed 004 (after 3Blue1Brown's video) writes it: ∇ₐL = 2(aᴸ − y)")
        if name == "squared_error_no_half":
            return f"L = ‖aᴸ − y‖² {batch}", translate("EquationPanel",
                "squared error without ½: ∇ₐL = 2(aᴸ − y)")
        if name == "cross_entropy":
            return (f"L = −Σᵢ yᵢ log aᴸᵢ {batch}",
            translate("EquationPanel", "cross-entropy with one-hot y: ∇ₐL = −y / aᴸ"))
        return f"L = −Σᵢ [yᵢ log aᴸᵢ + (1 − yᵢ) log(1 − aᴸᵢ)] {batch}", translate("EquationPanel",
            "binary cross-entropy: ∇ₐL = −y/a + (1 − y)/(1 − a)")

    def detail(self, name: str) -> str:
        """More about an equation, shown while it is highlighted."""
        if name != "loss":
            return ""
        loss = self.plan.loss.name
        mean = translate("EquationPanel", " The batch loss is the mean over the samples, not their sum, so the "
                         "gradients carry 1/m.") if self.seed != "003" else translate(
            "EquationPanel", " Seed 003 writes the sum over the samples; BP Studio takes the mean, so the gradients "
            "carry 1/m.")
        if loss == "squared_error":
            return translate("EquationPanel", "Without the ½ the gradient would be 2(a − y).") + mean
        if loss == "squared_error_no_half":
            return translate("EquationPanel", "With a ½ in front the gradient would be a − y.") + mean
        if loss == "binary_cross_entropy":
            return translate("EquationPanel",
                             "Computed from zᴸ as max(z, 0) − z·y + log(1 + e^(−|z|)), so never log 0.")
        return translate("EquationPanel", "Computed from zᴸ with log-sum-exp, so never log 0.")

    # ----- the worked stage's title and notes ----------------------------------------------
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

    def notes(self) -> list[str]:
        notes = []
        if self.plan.fused and not self._fused_written:
            notes.append(self.fused_explanation())
        notes.append(self._bp2_note())
        notes.append((translate("EquationPanel",
            "Batch of m = {m}: ∇ₐL and δ are per sample — one row per sample, never averaged; ∂L/∂W and ∂L/∂b "
            "are averaged over the m samples (the 1/m of BP3 and BP4), and the batch loss is the mean of the "
            "per-sample losses.") if self.rows else translate("EquationPanel",
            "Batch of m = {m}: ∇ₐL and δ are per sample — one column per sample, never averaged; ∂L/∂W and ∂L/∂b "
            "are averaged over the m samples (the 1/m of BP3 and BP4), and the batch loss is the mean of the "
            "per-sample losses.")).format(m=self.m))
        return notes

    def fused_explanation(self) -> str:
        if self.plan.activations[-1].name == "softmax":
            return translate("EquationPanel",
                "Why δᴸ = aᴸ − y with softmax and cross-entropy: softmax's Jacobian is not diagonal — every aₖ "
                "depends on every zᵢ, ∂aₖ/∂zᵢ = aₖ(1[i=k] − aᵢ). So BP1's ⊙, which pairs each aᵢ with its own zᵢ "
                "only, does not apply; the chain rule sums over all outputs: ∂L/∂zᵢ = Σₖ (∂L/∂aₖ)(∂aₖ/∂zᵢ) = "
                "Σₖ (−yₖ/aₖ)·aₖ(1[i=k] − aᵢ) = −yᵢ + aᵢ Σₖ yₖ = aᵢ − yᵢ, since Σₖ yₖ = 1 (one-hot y). The engine "
                "computes δᴸ = aᴸ − y directly.")
        return translate("EquationPanel",
            "Why δᴸ = aᴸ − y with sigmoid and binary cross-entropy: ∇ₐL = −y/a + (1 − y)/(1 − a) "
            "and σ′(z) = a(1 − a), so δᴸ = ∇ₐL ⊙ σ′(zᴸ) = (−y/a + (1 − y)/(1 − a))·a(1 − a) = −y(1 − a) + (1 − y)a "
            "= a − y. The engine computes a − y directly, which stays exact where a saturates to 0 or 1.")

    def _bp2_note(self) -> str:
        if self.seed != "000":
            note = translate("EquationPanel",
                "BP2: Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ × nˡ⁺¹ in the row convention, it maps layer l to "
                "layer l+1), and its transpose carries δˡ⁺¹ back to layer l.") if self.rows else translate(
                "EquationPanel", "BP2: Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ⁺¹ × nˡ, it maps layer l to layer "
                "l+1), and its transpose carries δˡ⁺¹ back to layer l.")
            return note + self._bp2_here()
        note = translate("EquationPanel",
            "BP2 and seed 000: seed 000 writes BP2 with (wˡ)ᵀ — an index slip; its own derivation uses the "
            "weights between layers l and l+1. Here Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ × nˡ⁺¹ in the "
            "row convention, it maps layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.") \
            if self.rows else translate("EquationPanel",
            "BP2 and seed 000: seed 000 writes BP2 with (wˡ)ᵀ — an index slip; its own derivation uses the "
            "weights between layers l and l+1. Here Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ⁺¹ × nˡ, it maps "
            "layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.")
        return note + self._bp2_here()

    def _bp2_here(self) -> str:
        note = ""
        if self.L >= 2:
            n = self.spec.sizes
            r, c = (n[1], n[2]) if self.rows else (n[2], n[1])  # W² as displayed
            note += " " + translate("EquationPanel",
                                    "In this network δ¹ is computed with W² ({r} × {c}).").format(r=r, c=c)
        return note
