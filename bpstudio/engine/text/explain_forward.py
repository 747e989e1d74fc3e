"""How an entry of Wˡ, bˡ, zˡ or aˡ was computed: the forward pass zˡ = Wˡ aˡ⁻¹ + bˡ, aˡ = fˡ(zˡ), and the
parameters it used (with the update that changed them, once it has)."""

from __future__ import annotations

import math

import numpy as np

from bpstudio.engine.i18n import translate

from .explain_terms import MAX_TERMS, SHOWN_TERMS, Terms, close, joined
from .indices import idx
from .notation import sup

EXP_LIMIT = 50.0  # softmax is written with e^(z − max z) when some z exceeds this (e^z would overflow)


class ForwardTerms(Terms):
    def _W(self, j: int, k: int) -> list[str]:
        l, L_, prev = self.l, sup(self.l), sup(self.l - 1)
        W = self.get("W")
        name = self.w(l, j, k)
        n_l, n_prev = W.shape
        z_sum = f"z{L_}{idx(j)} = Σₖ {self.w(l, j, 'ₖ')} a{prev}ₖ + b{L_}{idx(j)}"
        if self.row:
            place = translate("Explain", "row {k}, column {j} of W{l}, shape (n{p}, n{l}) = {rows} × {cols}").format(
                k=k + 1, j=j + 1, l=L_, p=prev, rows=n_prev, cols=n_l)
        else:
            place = translate("Explain", "row {j}, column {k} of W{l}, shape (n{l}, n{p}) = {rows} × {cols}").format(
                j=j + 1, k=k + 1, l=L_, p=prev, rows=n_l, cols=n_prev)
        lines = [
            translate("Explain", "{name}: the weight from {source} to unit {j} of layer {l}").format(
                name=name, source=self.source(k), j=j + 1, l=l),
            "  " + translate("Explain", "{place}; it multiplies {a} in {sum}").format(
                place=place, a=self.a_name(l - 1, k), sum=z_sum),
        ]
        return lines + self._updated(name, "W", float(W[j, k]), j, k)

    def _b(self, j: int, _col: int) -> list[str]:
        L_ = sup(self.l)
        name = f"b{L_}{idx(j)}"
        n = self.get("b").shape[0]
        if self.row:
            place = translate("Explain", "column {j} of b{l}, shape (1, n{l}) = 1 × {n}").format(j=j + 1, l=L_, n=n)
        else:
            place = translate("Explain", "row {j} of b{l}, shape (n{l}, 1) = {n} × 1").format(j=j + 1, l=L_, n=n)
        lines = [translate("Explain", "{name}: the bias of unit {j} of layer {l}, added to {z} for every "
                           "sample").format(name=name, j=j + 1, l=self.l, z=f"z{L_}{idx(j)}"),
                 "  " + place]
        return lines + self._updated(name, "b", float(self.get("b")[j, 0]), j, 0)

    def _updated(self, name: str, param: str, value: float, j: int, k: int) -> list[str]:
        grad = self.snap.get("d" + param, self.l)
        if self.after_update and not self.fresh_update:
            return ["  " + translate("Explain", "(a weight or bias was set by hand after this iteration's update)"),
                    f"  {name} = {self.n(value)}"]
        if not self.fresh_update or grad is None:
            return [f"  {name} = {self.n(value)}"]
        g = float(grad[j, k])
        old = value + self.lr * g  # the value before the update, which subtracted exactly η·g
        return [
            "  " + translate("Explain", "just updated: {p} ← {p} − η ∂L/∂{p} with η = {eta}, ∂L/∂{name} = "
                             "{g}").format(p=param, eta=self.n(self.lr), name=name, g=self.n(g)),
            f"  {name} = {self.op(old)} − {self.times(self.lr, g)}",
            f"  = {self.n(value)}",
        ]

    def _forward_equation(self, l: int) -> str:
        L_, prev, first = sup(l), sup(l - 1), l == 1
        if self.row:
            return f"Z{L_} = A{prev} W{L_} + b{L_}{', A⁰ = X' if first else ''}"
        return f"z{L_} = W{L_} a{prev} + b{L_}{', a⁰ = x' if first else ''}"

    def _z(self, j: int, s: int) -> list[str]:
        l, L_, prev = self.l, sup(self.l), sup(self.l - 1)
        z = float(self.get("z")[j, s])
        lines = [translate("Explain", "{name} = Σₖ {w} {a}ₖ + {b}   ({sample}; forward: {equation})").format(
            name=f"z{L_}{idx(j)}", w=self.w(l, j, "ₖ"), a=f"a{prev}", b=f"b{L_}{idx(j)}",
            sample=self.sample(s), equation=self._forward_equation(l))]
        used = self.params_used(l)
        a_prev = self.a_prev()
        if used is None or not close(float(used[0][j] @ a_prev[:, s]) + float(used[1][j, 0]), z):
            return [*lines, "  " + translate("Explain", "(the weights it was computed with have been changed since, "
                                             "so its terms are not shown)"), f"  = {self.n(z)}"]
        W, b = used
        lines += self.update_note(l)
        n_in = W.shape[1]
        shown = range(n_in) if n_in <= MAX_TERMS else range(SHOWN_TERMS)
        symbols = [f"{self.w(l, j, k)}·{self.a_name(l - 1, k)}" for k in shown]
        values = [self.times(W[j, k], a_prev[k, s]) for k in shown]
        bias = float(b[j, 0])
        if n_in <= MAX_TERMS:
            lines.append(f"  = {' + '.join(symbols)} + b{L_}{idx(j)}")
            lines.append(f"  = {' + '.join(values)} + {self.op(bias)}")
        else:
            last = f"{self.w(l, j, n_in - 1)}·{self.a_name(l - 1, n_in - 1)}"
            lines.append(f"  = {' + '.join(symbols)} + … + {last} + b{L_}{idx(j)}")
            lines.append("  = " + translate("Explain", "{values} + … ({n} terms) + {bias}").format(
                values=" + ".join(values), n=n_in, bias=self.op(bias)))
            total = float(W[j] @ a_prev[:, s])
            lines.append("  = " + translate("Explain", "{total} + {bias}   (the sum of all {n} products is "
                                            "{total})").format(total=self.n(total), bias=self.op(bias), n=n_in))
        return [*lines, f"  = {self.n(z)}"]

    def _a(self, j: int, s: int) -> list[str]:
        l, L_ = self.l, sup(self.l)
        f = self.plan.activations[l - 1]
        z, a = self.get("z"), self.get("a")
        zv, av = float(z[j, s]), float(a[j, s])
        name, zname = f"a{L_}{idx(j)}", f"z{L_}{idx(j)}"
        if f.name == "softmax":
            return self._softmax(j, s)
        formula = "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)" if f.name == "tanh" else f.formula_text
        head = translate("Explain", "{name} = {f}({z})   ({sample}; {formula})").format(
            name=name, f=f.label, z=zname, sample=self.sample(s), formula=formula)
        if f.name == "identity":
            return [head, f"  = {self.n(av)}"]
        if f.name == "sigmoid":
            e = math.exp(-zv) if -zv < 709 else math.inf
            return [head, f"  = 1 / (1 + e^({self.n(-zv)}))", f"  = 1 / (1 + {self.n(e)})", f"  = {self.n(av)}"]
        if f.name == "tanh":
            lines = [head, f"  = tanh({self.n(zv)})"]
            if abs(zv) <= 20:
                ep, em = math.exp(zv), math.exp(-zv)
                lines.append(f"  = ({self.n(ep)} − {self.n(em)}) / ({self.n(ep)} + {self.n(em)})")
            return [*lines, f"  = {self.n(av)}"]
        if f.name == "relu":
            return [head, f"  = max(0, {self.n(zv)})", f"  = {self.n(av)}"]
        # leaky ReLU
        if zv > 0:
            return [head, f"  = {self.n(zv)}   (z > 0)", f"  = {self.n(av)}"]
        return [head, f"  = {self.times(0.01, zv)}   (z ≤ 0)", f"  = {self.n(av)}"]

    def _softmax(self, j: int, s: int) -> list[str]:
        L_ = sup(self.l)
        zc = self.get("z")[:, s]
        av = float(self.get("a")[j, s])
        n = zc.shape[0]
        shift = float(np.max(zc)) if float(np.max(zc)) > EXP_LIMIT else 0.0
        e = np.exp(zc - shift)
        total = float(np.sum(e))
        lines = [translate("Explain", "{name} = e^({z}) / Σᵢ e^(z{l}ᵢ)   ({sample}; softmax over the {n} units of "
                           "layer {layer})").format(name=f"a{L_}{idx(j)}", z=f"z{L_}{idx(j)}", l=L_,
                                                    sample=self.sample(s), n=n, layer=self.l)]
        if shift:
            lines.append("  " + translate("Explain", "(written as e^(zᵢ − M) with M = max z = {m}, the same ratio "
                                          "without overflow)").format(m=self.n(shift)))

        def ez(i: int) -> str:
            return f"e^({self.n(zc[i])} − {self.op(shift)})" if shift else f"e^({self.n(zc[i])})"

        shown = range(n) if n <= MAX_TERMS else range(SHOWN_TERMS)
        return [*lines, f"  = {ez(j)} / ({joined([ez(i) for i in shown], n)})",
                f"  = {self.n(e[j])} / ({joined([self.n(e[i]) for i in shown], n)})",
                f"  = {self.n(e[j])} / {self.n(total)}", f"  = {self.n(av)}"]

