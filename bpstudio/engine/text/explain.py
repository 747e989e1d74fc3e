"""How one entry of a matrix was computed, written out with the engine's own numbers.

``explain(snap, plan, η, "z", layer, row, col)`` gives a few lines of plain text: the
equation for that entry (column convention of TEACHING.md, indices shown 1-based), the
terms with their values, and the result, which is the entry itself formatted by
``format_number`` — the formatter the matrix panels use, so tooltip and cell always agree.
Arguments are 0-based indices of the engine's array (row = unit j, col = sample s for z, a, δ;
col = unit k for W, ∂L/∂W). With ``convention="row"`` the text first names the entry where the row
convention shows it (W²[k, j], Z²[s, j]: the transposed position) and writes weights as W[k, j] and the
matrix equations in the row order; the numbers are the same.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from bpstudio.engine.activations import Activation
from bpstudio.engine.backprop import Plan
from bpstudio.engine.i18n import translate
from bpstudio.engine.snapshot import QUANTITIES, Snapshot, key
from bpstudio.engine.stages import UPDATE, stage_computing

from . import convention as conv
from .indices import idx
from .notation import format_number, sub, sup

MAX_TERMS = 8  # sums with more terms are shortened to their first SHOWN_TERMS and a count
SHOWN_TERMS = 4
EXP_LIMIT = 50.0  # softmax is written with e^(z − max z) when some z exceeds this (e^z would overflow)

Array = np.ndarray


def explain(
    snap: Snapshot,
    plan: Plan,
    learning_rate: float,
    quantity: str,
    layer: int,
    row: int,
    col: int,
    precision: int = 4,
    convention: str = conv.COLUMN,
) -> str:
    """Plain text, several lines, saying how entry (row, col) of ``quantity`` of ``layer`` was computed.
    ``row``, ``col`` index the engine's (column-convention) array; ``convention`` is how it is displayed."""
    if quantity not in QUANTITIES:
        raise ValueError(f"unknown quantity {quantity!r}; choose one of {', '.join(QUANTITIES)}")
    if not 1 <= layer <= plan.spec.depth:
        raise ValueError(f"layer must be from 1 to {plan.spec.depth}, got {layer}")
    x = _Explainer(snap, plan, float(learning_rate), layer, precision, conv.check(convention))
    value = snap.get(quantity, layer)
    name = conv.entry_name(quantity, layer, row, col, x.convention)
    if value is None:
        stage = stage_computing(quantity, layer)
        return translate("Explain", "{name} is not computed yet in this iteration: it is computed at stage "
                         "{stage}.").format(name=name, stage=stage.label)
    if not (0 <= row < value.shape[0] and 0 <= col < value.shape[1]):
        raise IndexError(f"({row}, {col}) is outside {quantity} of layer {layer}, shape {value.shape}")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # a diverged run is still explained
        lines = getattr(x, f"_{quantity}")(row, col)
    if x.row:
        lines = [x.where(quantity, row, col, value.shape), *lines]
    return "\n".join(lines)


def _joined(terms: Sequence[str], count: int | None = None) -> str:
    """'t1 + t2 + t3', shortened to the first few and '… (n terms)' when there are many."""
    n = len(terms) if count is None else count
    if n <= MAX_TERMS:
        return " + ".join(terms)
    return " + ".join([*terms[:SHOWN_TERMS], translate("Explain", "… ({n} terms)").format(n=n)])


class _Explainer:
    def __init__(self, snap: Snapshot, plan: Plan, lr: float, layer: int, precision: int,
                 convention: str = conv.COLUMN) -> None:
        self.snap, self.plan, self.lr, self.l, self.p = snap, plan, lr, layer, precision
        self.convention = convention
        self.row = conv.transposed(convention)  # the row convention: entries named where it shows them
        self.L = plan.spec.depth
        self.m = snap.batch_size
        # after the update stage W and b are the new ones, while z, a, δ and the gradients of this
        # iteration were computed with the old ones; "fresh" means no edit by hand came after it
        self.after_update = snap.stage is not None and snap.stage.kind == UPDATE
        params = {key(q, i) for i in range(1, self.L + 1) for q in ("W", "b")}
        self.fresh_update = self.after_update and snap.changed >= params

    # ----- formatting -----------------------------------------------------------------
    def n(self, x: float) -> str:
        return format_number(x, self.p)

    def op(self, x: float) -> str:
        """A number as an operand: negative ones in parentheses."""
        s = self.n(x)
        return f"({s})" if s.startswith("-") else s

    def times(self, a: float, b: float) -> str:
        return f"{self.op(a)}×{self.op(b)}"

    def minus(self, a: float, b: float) -> str:
        return f"{self.op(a)} − {self.op(b)}"

    def sample(self, s: int) -> str:
        if self.m > 1:
            return translate("Explain", "sample {s} of {m}").format(s=s + 1, m=self.m)
        return translate("Explain", "the one sample")

    def w(self, layer: int, j: int | str, k: int | str) -> str:
        """Weight (j, k) of layer ``layer`` (unit k of layer − 1 → unit j): w²₁₂, or W²[2, 1] in the row
        convention. An index given as text (ₖ, ᵢ) is a summation index."""
        def one(i: int | str, subscript: bool) -> str:
            if isinstance(i, str):
                return i if subscript else {"ₖ": "k", "ᵢ": "i"}.get(i, i)
            return sub(i + 1) if subscript else str(i + 1)
        if self.row:
            return f"W{sup(layer)}[{one(k, False)}, {one(j, False)}]"
        if isinstance(j, int) and isinstance(k, int):
            return f"w{sup(layer)}{idx(j, k)}"
        return f"w{sup(layer)}{one(j, True)}{one(k, True)}"

    def where(self, quantity: str, row: int, col: int, shape: tuple[int, ...]) -> str:
        """The row convention's first line: the entry where it is displayed, and what its row and column are."""
        r, c = conv.display_index(row, col, self.convention)
        rows, cols = conv.display_shape(shape, self.convention)
        name = conv.entry_name(quantity, self.l, row, col, self.convention)
        if quantity in ("W", "dW"):
            what = translate("Explain", "row {r} = from {source}, column {c} = unit {c} of layer {l}").format(
                r=r + 1, source=self.source(col), c=c + 1, l=self.l)
        elif quantity in ("b", "db"):
            what = translate("Explain", "column {c} = unit {c} of layer {l}").format(c=c + 1, l=self.l)
        else:
            what = translate("Explain", "row {r} = {sample}, column {c} = unit {c} of layer {l}").format(
                r=r + 1, sample=self.sample(col), c=c + 1, l=self.l)
        return translate("Explain", "{name} (row convention, {rows} × {cols}; {what}):").format(
            name=name, rows=rows, cols=cols, what=what)

    def a_name(self, layer: int, k: int) -> str:
        return f"a{sup(layer)}{idx(k)}"

    def source(self, k: int, layer: int | None = None) -> str:
        """What unit k of layer l − 1 is, in words."""
        below = (self.l if layer is None else layer) - 1
        if below == 0:
            return translate("Explain", "input {k} (x{sk})").format(k=k + 1, sk=sub(k + 1))
        return translate("Explain", "unit {k} of layer {l}").format(k=k + 1, l=below)

    # ----- the arrays -------------------------------------------------------------------
    def get(self, quantity: str, layer: int | None = None) -> Array:
        arr = self.snap.get(quantity, self.l if layer is None else layer)
        assert arr is not None
        return arr

    def a_prev(self, layer: int | None = None) -> Array:
        below = (self.l if layer is None else layer) - 1
        return self.snap.arrays["input"] if below == 0 else self.get("a", below)

    def params_used(self, layer: int) -> tuple[Array, Array] | None:
        """Wˡ, bˡ as this iteration's forward and backward passes used them: the current ones, or
        after the update W + η ∂L/∂W (the update subtracted exactly that)."""
        W, b = self.get("W", layer), self.get("b", layer)
        if not self.after_update:
            return W, b
        dW, db = self.snap.get("dW", layer), self.snap.get("db", layer)
        if dW is None or db is None:
            return None
        return W + self.lr * dW, b + self.lr * db

    def update_note(self, layer: int) -> list[str]:
        if not self.after_update:
            return []
        return ["  " + translate("Explain", "(computed before this iteration's update, with W{l} and b{l} as they "
                                 "were then: W + η ∂L/∂W, η = {eta})").format(l=sup(layer), eta=self.n(self.lr))]

    def fprime(self, f: Activation, j: int, s: int) -> tuple[float, str]:
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

    # ----- z and a ----------------------------------------------------------------------
    def _forward_equation(self, l: int) -> str:
        L_, prev = sup(l), sup(l - 1)
        x_note = ", a⁰ = x" if l == 1 else ""
        if self.row:
            x_note = ", A⁰ = X" if l == 1 else ""
            return f"Z{L_} = A{prev} W{L_} + b{L_}{x_note}"
        return f"z{L_} = W{L_} a{prev} + b{L_}{x_note}"

    def _z(self, j: int, s: int) -> list[str]:
        l, L_ = self.l, sup(self.l)
        prev = sup(l - 1)
        z = float(self.get("z")[j, s])
        lines = [translate("Explain", "{name} = Σₖ {w} {a}ₖ + {b}   ({sample}; forward: {equation})").format(
            name=f"z{L_}{idx(j)}", w=self.w(l, j, "ₖ"), a=f"a{prev}", b=f"b{L_}{idx(j)}",
            sample=self.sample(s), equation=self._forward_equation(l))]
        used = self.params_used(l)
        a_prev = self.a_prev()
        if used is None or not _close(float(used[0][j] @ a_prev[:, s]) + float(used[1][j, 0]), z):
            lines.append("  " + translate("Explain", "(the weights it was computed with have been changed since, so "
                                          "its terms are not shown)"))
            lines.append(f"  = {self.n(z)}")
            return lines
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
        lines.append(f"  = {self.n(z)}")
        return lines

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
        lines.append(f"  = {ez(j)} / ({_joined([ez(i) for i in shown], n)})")
        lines.append(f"  = {self.n(e[j])} / ({_joined([self.n(e[i]) for i in shown], n)})")
        lines.append(f"  = {self.n(e[j])} / {self.n(total)}")
        lines.append(f"  = {self.n(av)}")
        return lines

    # ----- δ (BP1, BP2) -------------------------------------------------------------------
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
            lines.append(f"  = {self.minus(av, yv)}")
            lines.append(f"  = {self.n(delta)}")
            return lines
        grad = self.snap.arrays.get("grad_a")
        assert grad is not None
        g_expr = loss.gradient.split("=", 1)[1].strip()  # "a − y", "2(a − y)"
        if f.df is None:  # softmax with a loss it is not fused with: the Jacobian-vector product
            return self._softmax_jvp(j, s, grad, g_expr)
        gv = float(grad[j, s])
        d, fp_line = self.fprime(f, j, s)
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
            f"  Σₖ a{L_}ₖ gₖ = {_joined([self.times(ac[k], gc[k]) for k in shown], n)} = {self.n(total)}",
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
        d, fp_line = self.fprime(f, j, s)
        if used is None or not _close(float(used[0][:, j] @ d_up[:, s]) * d, delta):
            lines.append("  " + translate("Explain", "(W{up} has been changed since δ{l} was computed, so the terms "
                                          "are not shown)").format(up=up, l=L_))
            lines.append(f"  = {self.n(delta)}")
            return lines
        W = used[0]
        lines += self.update_note(l + 1)
        n_up = W.shape[0]
        shown = range(n_up) if n_up <= MAX_TERMS else range(SHOWN_TERMS)
        total = float(W[:, j] @ d_up[:, s])
        symbols = _joined([f"{self.w(l + 1, i, j)}·δ{up}{idx(i)}" for i in shown], n_up)
        values = _joined([self.times(W[i, j], d_up[i, s]) for i in shown], n_up)
        units = (translate("Explain", "the 1 unit") if n_up == 1 else
                 translate("Explain", "all {n} units").format(n=n_up))
        if self.row:
            entry = translate("Explain", "entry ({s}, {j}) of δ{up} (W{up})ᵀ").format(s=s + 1, j=j + 1, up=up)
        else:
            entry = translate("Explain", "entry {j} of (W{up})ᵀ δ{up}").format(j=j + 1, up=up)
        lines.append("  " + translate("Explain", "{sum} = {symbols}   ({entry}; unit {j} of layer {l} feeds {units} "
                                      "of layer {l1})").format(sum=w_sum, symbols=symbols, entry=entry, j=j + 1, l=l,
                                                               units=units, l1=l + 1))
        lines.append(f"  = {values}")
        lines.append(f"  = {self.n(total)}")
        lines.append(f"  {fp_line}")
        lines.append(f"  {name} = {self.times(total, d)}")
        lines.append(f"  = {self.n(delta)}")
        return lines

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
        terms = _joined([self.times(a_prev[k, s], delta[j, s]) for s in shown], m)
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
        terms = _joined([self.op(delta[j, s]) for s in shown], m)
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

    # ----- parameters -------------------------------------------------------------------
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


def _close(a: float, b: float) -> bool:
    """Equal up to the rounding of a re-computation in a different order (NaN equals NaN, ∞ equals ∞:
    once training has diverged the numbers are still the ones the stage computed)."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return a == b or (math.isnan(a) and math.isnan(b))
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
