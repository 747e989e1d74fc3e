"""The worked stage in the row convention: every matrix written transposed and every product in the row
order — (AB)ᵀ = BᵀAᵀ, so Wˡ aˡ⁻¹ becomes Aˡ⁻¹ Wˡ: the same numbers, transposed, with a row per sample."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.engine.text.indices import superscript as sup

from .equation_numbers import Arr, StageNumbers
from .matrix_text import EQ, Paren, T

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


class RowStageNumbers(StageNumbers):
    Z_A = ("Z", "A")

    @staticmethod
    def _oriented(engine: np.ndarray) -> np.ndarray:
        return engine.T

    def _sample_heading(self) -> str:
        return translate("EquationPanel", "Sample 1 (row 1 of {m}):").format(m=self.m)

    def _weighted_input(self, s: str, zn: str, pname: str, a_prev: Arr, W: Arr, b: Arr, Wa: Arr, z: Arr) -> None:
        """Zˡ = Aˡ⁻¹ Wˡ + bˡ: (Wˡ aˡ⁻¹)ᵀ = (aˡ⁻¹)ᵀ (Wˡ)ᵀ."""
        self._eq(zn, [
            EQ, T(f"{pname} W{s} + b{s}"),
            EQ, self._m(pname, a_prev, True), T("·"), self._m(f"W{s}", W), T("+"), self._m(f"b{s}", b),
            EQ, self._m(f"{pname}W{s}", Wa, True), T("+"), self._m(f"b{s}", b),
            EQ, self._m(zn, z, True),
        ])
        self._text(translate("EquationPanel", "b{s} is added to every row (every sample); A⁰ = X, the inputs, "
                             "one row per sample.").format(s=s))

    def _bp2(self, l: int, s: str, fname: str, fp: Arr, delta: Arr, derivative: str) -> None:
        """δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(zˡ), with W the row convention's nˡ × nˡ⁺¹ matrix."""
        u = sup(l + 1)
        W_up, d_up = self.g("W", l + 1), self.g("delta", l + 1)
        WTd = None if W_up is None or d_up is None else W_up.T @ d_up
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
            "between layers {l} and {l1}{seed}; {d}.").format(
                u=u, l1=l + 1, l=l, r=n[l], c=n[l + 1], d=derivative, seed=self.seed_000_bp2()))

    def _weight_gradient(self, s: str, m: int, pname: str, a_prev: Arr, delta: Arr, dA: Arr, dW: Arr) -> None:
        """∂L/∂Wˡ = (1/m) (Aˡ⁻¹)ᵀ δˡ."""
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
