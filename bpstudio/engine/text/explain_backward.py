"""How an entry of δˡ, ∂L/∂Wˡ or ∂L/∂bˡ was computed: BP1 at the output layer, BP2 below it, BP3 and BP4."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.activations import Activation
from bpstudio.engine.i18n import translate

from .explain_terms import MAX_TERMS, SHOWN_TERMS, Array, Terms, close, joined
from .indices import idx
from .notation import sup


class BackwardTerms(Terms):
    def fprime_line(self, f: Activation, j: int, s: int) -> tuple[float, str]:
        """f′(zˡⱼ) for one entry, and the line that evaluates it with numbers."""
        assert f.df is not None
        z, a = self.get("z"), self.get("a")
        zz, aa = z[j : j + 1, s : s + 1], a[j : j + 1, s : s + 1]
        d = float(f.df(zz, aa)[0, 0])
        zv, av = float(zz[0, 0]), float(aa[0, 0])
        head = f"{f.label}′(z{sup(self.l)}{idx(j)})"
        if f.name == "sigmoid":
            return d, f"{head} = a(1 − a) = {self.op(av)}×(1 − {self.op(av)}) = {self.n(d)}"
        if f.name == "tanh":
            return d, f"{head} = 1 − a² = 1 − {self.op(av)}² = {self.n(d)}"
        if f.name == "identity":
            return d, translate("Explain", "{head} = 1 (linear) = {d}").format(head=head, d=self.n(d))
        why = "z > 0" if zv > 0 else "z ≤ 0"
        if f.name == "relu":
            return d, translate("Explain", "{head} = {d}, because {why} (z = {z})").format(
                head=head, d=self.n(d), why=why, z=self.n(zv))
        return d, translate("Explain", "{head} = {d}, because {why} (z = {z}; slope {slope} below 0)").format(
            head=head, d=self.n(d), why=why, z=self.n(zv), slope=self.n(0.01))

    def _delta(self, j: int, s: int) -> list[str]:
        return self._output_delta(j, s) if self.l == self.L else self._hidden_delta(j, s)

    def _output_delta(self, j: int, s: int) -> list[str]:
        l, L_ = self.l, sup(self.l)
        f, loss = self.plan.activations[l - 1], self.plan.loss
        a, y = self.get("a"), self.snap.arrays["target"]
        delta = float(self.get("delta")[j, s])
        av, yv = float(a[j, s]), float(y[j, s])
        name = f"δ{L_}{idx(j)}"
        if self.plan.fused:
            lines = [translate("Explain", "{name} = ∂L/∂{z} = {a} − {y}   ({sample}; BP1 for {f} + {loss})").format(
                name=name, z=f"z{L_}{idx(j)}", a=f"a{L_}{idx(j)}", y=f"y{idx(j)}", sample=self.sample(s),
                f=f.title, loss=loss.title)]
            if f.name == "softmax":
                lines.append("  " + translate("Explain", "why: softmax's Jacobian ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) is not "
                                              "diagonal, so BP1's ⊙ does not apply as written;"))
                lines.append("  " + translate("Explain", "with ∂L/∂aₖ = −yₖ/aₖ the product collapses: ∂L/∂zᵢ = "
                                              "Σₖ (−yₖ/aₖ)·aₖ(1[k=i] − aᵢ) = aᵢ Σₖ yₖ − yᵢ = aᵢ − yᵢ, as the yₖ "
                                              "sum to 1"))
            else:
                lines.append("  " + translate("Explain", "why: ∂L/∂a = −y/a + (1 − y)/(1 − a) and σ′(z) = a(1 − a); "
                                              "their product is −y(1 − a) + (1 − y)a = a − y"))
            return [*lines, f"  = {self.minus(av, yv)}", f"  = {self.n(delta)}"]
        grad = self.snap.arrays.get("grad_a")
        assert grad is not None
        g_expr = loss.gradient.split("=", 1)[1].strip()  # "a − y", "2(a − y)"
        if f.df is None:  # softmax with a loss it is not fused with: the Jacobian-vector product
            return self._softmax_jvp(j, s, grad, g_expr)
        gv = float(grad[j, s])
        d, fp_line = self.fprime_line(f, j, s)
        return [
            translate("Explain", "{name} = ∂L/∂{a} · {f}′({z})   ({sample}; BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ), the output "
                      "layer is L = {L})").format(name=name, a=f"a{L_}{idx(j)}", f=f.label, z=f"z{L_}{idx(j)}",
                                                  sample=self.sample(s), L=self.L),
            "  " + translate("Explain", "{d} = {expr} = {numbers} = {value}   (∇ₐL for {loss})").format(
                d=f"∂L/∂a{L_}{idx(j)}", expr=g_expr, numbers=self._grad_numbers(av, yv), value=self.n(gv),
                loss=loss.formula),
            f"  {fp_line}",
            f"  {name} = {self.times(gv, d)}",
            f"  = {self.n(delta)}",
        ]

    def _grad_numbers(self, av: float, yv: float) -> str:
        name = self.plan.loss.name
        if name == "squared_error_no_half":
            return f"2×({self.minus(av, yv)})"
        if name == "cross_entropy":
            return f"−{self.op(yv)} / {self.op(av)}"
        if name == "binary_cross_entropy":
            return f"−{self.op(yv)} / {self.op(av)} + (1 − {self.op(yv)}) / (1 − {self.op(av)})"
        return self.minus(av, yv)

    def _softmax_jvp(self, j: int, s: int, grad: Array, g_expr: str) -> list[str]:
        L_ = sup(self.l)
        a, y = self.get("a"), self.snap.arrays["target"]
        ac, gc = a[:, s], grad[:, s]
        n = ac.shape[0]
        total = float(np.sum(ac * gc))
        av, gv = float(ac[j]), float(gc[j])
        shown = range(n) if n <= MAX_TERMS else range(SHOWN_TERMS)
        name = f"δ{L_}{idx(j)}"
        return [
            translate("Explain", "{name} = {a} (g{j} − Σₖ a{l}ₖ gₖ) with g = ∇ₐL   ({sample}; BP1 for softmax: "
                      "δᴸ = a ⊙ (g − Σₖ aₖ gₖ))").format(name=name, a=f"a{L_}{idx(j)}", j=idx(j), l=L_,
                                                         sample=self.sample(s)),
            "  " + translate("Explain", "why: softmax's Jacobian ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) is not diagonal, so "
                             "∇ₐL ⊙ f′(z) is replaced by the Jacobian-vector product"),
            f"  g{idx(j)} = ∂L/∂a{L_}{idx(j)} = {g_expr} = {self._grad_numbers(av, float(y[j, s]))} = {self.n(gv)}",
            f"  Σₖ a{L_}ₖ gₖ = {joined([self.times(ac[k], gc[k]) for k in shown], n)} = {self.n(total)}",
            f"  {name} = {self.op(av)}×({self.minus(gv, total)})",
            f"  = {self.n(float(self.get('delta')[j, s]))}",
        ]

    def _bp2_equation(self, l: int) -> str:
        L_, up = sup(l), sup(l + 1)
        if self.row:
            return f"δ{L_} = (δ{up} (W{up})ᵀ) ⊙ f′(z{L_})"
        return f"δ{L_} = ((W{up})ᵀ δ{up}) ⊙ f′(z{L_})"

    def _hidden_delta(self, j: int, s: int) -> list[str]:
        l, L_, up = self.l, sup(self.l), sup(self.l + 1)
        f = self.plan.activations[l - 1]
        delta = float(self.get("delta")[j, s])
        d_up = self.get("delta", l + 1)
        name = f"δ{L_}{idx(j)}"
        w_sum = f"Σᵢ {self.w(l + 1, 'ᵢ', j)} δ{up}ᵢ"
        lines = [translate("Explain", "{name} = ({sum}) · {f}′({z})   ({sample}; BP2: {equation})").format(
            name=name, sum=w_sum, f=f.label, z=f"z{L_}{idx(j)}", sample=self.sample(s),
            equation=self._bp2_equation(l))]
        used = self.params_used(l + 1)
        assert f.df is not None  # softmax only on the output layer
        d, fp_line = self.fprime_line(f, j, s)
        if used is None or not close(float(used[0][:, j] @ d_up[:, s]) * d, delta):
            return [*lines, "  " + translate("Explain", "(W{up} has been changed since δ{l} was computed, so the "
                                             "terms are not shown)").format(up=up, l=L_), f"  = {self.n(delta)}"]
        W = used[0]
        lines += self.update_note(l + 1)
        n_up = W.shape[0]
        shown = range(n_up) if n_up <= MAX_TERMS else range(SHOWN_TERMS)
        total = float(W[:, j] @ d_up[:, s])
        symbols = joined([f"{self.w(l + 1, i, j)}·δ{up}{idx(i)}" for i in shown], n_up)
        values = joined([self.times(W[i, j], d_up[i, s]) for i in shown], n_up)
        units = (translate("Explain", "the 1 unit") if n_up == 1 else
                 translate("Explain", "all {n} units").format(n=n_up))
        if self.row:
            entry = translate("Explain", "entry ({s}, {j}) of δ{up} (W{up})ᵀ").format(s=s + 1, j=j + 1, up=up)
        else:
            entry = translate("Explain", "entry {j} of (W{up})ᵀ δ{up}").format(j=j + 1, up=up)
        lines.append("  " + translate("Explain", "{sum} = {symbols}   ({entry}; unit {j} of layer {l} feeds {units} "
                                      "of layer {l1})").format(sum=w_sum, symbols=symbols, entry=entry, j=j + 1, l=l,
                                                               units=units, l1=l + 1))
        return [*lines, f"  = {values}", f"  = {self.n(total)}", f"  {fp_line}", f"  {name} = {self.times(total, d)}",
                f"  = {self.n(delta)}"]

    # ----- parameter gradients (BP3, BP4) -------------------------------------------------
    def _bp4_equation(self) -> str:
        L_, prev = sup(self.l), sup(self.l - 1)
        if self.row:
            return f"∂L/∂W{L_} = (1/m) (A{prev})ᵀ δ{L_}"
        return f"∂L/∂W{L_} = (1/m) δ{L_} (a{prev})ᵀ"

    def _dW(self, j: int, k: int) -> list[str]:
        l, L_, prev = self.l, sup(self.l), sup(self.l - 1)
        dW = float(self.get("dW")[j, k])
        a_prev, delta = self.a_prev(), self.get("delta")
        a_sym, d_sym = f"a{prev}{idx(k)}", f"δ{L_}{idx(j)}"
        head = f"∂L/∂{self.w(l, j, k)}"
        where = "  " + translate("Explain", "{w} is the weight from {source} to unit {j} of layer {l}").format(
            w=self.w(l, j, k), source=self.source(k), j=j + 1, l=l)
        if self.m == 1:
            one = self._bp4_equation().replace("(1/m) ", "")
            return [translate("Explain", "{head} = {a}·{d}   (BP4 with one sample: {equation})").format(
                head=head, a=a_sym, d=d_sym, equation=one), where,
                    f"  = {self.times(a_prev[k, 0], delta[j, 0])}", f"  = {self.n(dW)}"]
        m = self.m
        shown = range(m) if m <= MAX_TERMS else range(SHOWN_TERMS)
        terms = joined([self.times(a_prev[k, s], delta[j, s]) for s in shown], m)
        total = float(delta[j] @ a_prev[k])
        return [
            translate("Explain", "{head} = (1/m) Σₛ {a}·{d}   (BP4: {equation}, the mean over the m = {m} "
                      "samples)").format(head=head, a=a_sym, d=d_sym, equation=self._bp4_equation(), m=m),
            where,
            "  = " + translate("Explain", "(1/{m})({a}·{d} for sample 1 + … + {a}·{d} for sample {m})").format(
                m=m, a=a_sym, d=d_sym),
            f"  = (1/{m})({terms})",
            f"  = (1/{m})({self.n(total)})",
            f"  = {self.n(dW)}",
        ]

    def _db(self, j: int, _col: int) -> list[str]:
        L_ = sup(self.l)
        db = float(self.get("db")[j, 0])
        delta = self.get("delta")
        d_sym = f"δ{L_}{idx(j)}"
        if self.m == 1:
            return [translate("Explain", "{name} = {d}   (BP3 with one sample)").format(
                name=f"∂L/∂b{L_}{idx(j)}", d=d_sym), f"  = {self.n(db)}"]
        m = self.m
        shown = range(m) if m <= MAX_TERMS else range(SHOWN_TERMS)
        terms = joined([self.op(delta[j, s]) for s in shown], m)
        total = float(np.sum(delta[j]))
        if self.row:
            bp3 = translate("Explain", "BP3: ∂L/∂b{l} = the mean of δ{l} over its m = {m} rows").format(l=L_, m=m)
        else:
            bp3 = translate("Explain", "BP3: ∂L/∂b{l} = the mean of δ{l} over the m = {m} samples").format(l=L_, m=m)
        return [
            f"∂L/∂b{L_}{idx(j)} = (1/m) Σₛ {d_sym}   ({bp3})",
            f"  = (1/{m})({terms})",
            f"  = (1/{m})({self.n(total)})",
            f"  = {self.n(db)}",
        ]

