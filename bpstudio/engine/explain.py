"""How one entry of a matrix was computed, written out with the engine's own numbers.

``explain(snap, plan, η, "z", layer, row, col)`` gives a few lines of plain text: the
equation for that entry (column convention of TEACHING.md, indices shown 1-based), the
terms with their values, and the result, which is the entry itself formatted by
``format_number`` — the formatter the matrix panels use, so tooltip and cell always agree.
Arguments are 0-based (row = unit j, col = sample s for z, a, δ; col = unit k for W, ∂L/∂W).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .activations import Activation
from .backprop import Plan
from .notation import SUB, format_number, sub, sup  # noqa: F401 - format_number, sub: re-exported
from .snapshot import QUANTITIES, Snapshot, key
from .stages import BACKWARD, FORWARD, UPDATE, Stage

MAX_TERMS = 8  # sums with more terms are shortened to their first SHOWN_TERMS and a count
SHOWN_TERMS = 4
EXP_LIMIT = 50.0  # softmax is written with e^(z − max z) when some z exceeds this (e^z would overflow)

Array = np.ndarray


def idx(*zero_based: int) -> str:
    """Subscript indices shown 1-based: w²₁₂; with a comma once one has two digits: w¹₁,₁₂."""
    shown = [n + 1 for n in zero_based]
    return ("," if any(n >= 10 for n in shown) else "").join(sub(n) for n in shown)


def stage_computing(quantity: str, layer: int) -> Stage:
    """The stage of an iteration that computes ``quantity`` of ``layer``."""
    return Stage(FORWARD if quantity in ("z", "a") else BACKWARD, layer)


def explain(
    snap: Snapshot,
    plan: Plan,
    learning_rate: float,
    quantity: str,
    layer: int,
    row: int,
    col: int,
    precision: int = 4,
) -> str:
    """Plain text, several lines, saying how entry (row, col) of ``quantity`` of ``layer`` was computed."""
    if quantity not in QUANTITIES:
        raise ValueError(f"unknown quantity {quantity!r}; choose one of {', '.join(QUANTITIES)}")
    if not 1 <= layer <= plan.spec.depth:
        raise ValueError(f"layer must be from 1 to {plan.spec.depth}, got {layer}")
    x = _Explainer(snap, plan, float(learning_rate), layer, precision)
    value = snap.get(quantity, layer)
    name = x.entry_name(quantity, row, col)
    if value is None:
        stage = stage_computing(quantity, layer)
        return f"{name} is not computed yet in this iteration: it is computed at stage {stage.name}."
    if not (0 <= row < value.shape[0] and 0 <= col < value.shape[1]):
        raise IndexError(f"({row}, {col}) is outside {quantity} of layer {layer}, shape {value.shape}")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # a diverged run is still explained
        lines = getattr(x, f"_{quantity}")(row, col)
    return "\n".join(lines)


def _joined(terms: Sequence[str], count: int | None = None) -> str:
    """'t1 + t2 + t3', shortened to the first few and '… (n terms)' when there are many."""
    n = len(terms) if count is None else count
    if n <= MAX_TERMS:
        return " + ".join(terms)
    return " + ".join([*terms[:SHOWN_TERMS], f"… ({n} terms)"])


class _Explainer:
    def __init__(self, snap: Snapshot, plan: Plan, lr: float, layer: int, precision: int) -> None:
        self.snap, self.plan, self.lr, self.l, self.p = snap, plan, lr, layer, precision
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
        return f"sample {s + 1} of {self.m}" if self.m > 1 else "the one sample"

    def a_name(self, layer: int, k: int) -> str:
        return f"a{sup(layer)}{idx(k)}"

    def entry_name(self, quantity: str, j: int, k: int) -> str:
        l = sup(self.l)
        return {
            "W": f"w{l}{idx(j, k)}", "b": f"b{l}{idx(j)}", "z": f"z{l}{idx(j)}", "a": f"a{l}{idx(j)}",
            "delta": f"δ{l}{idx(j)}", "dW": f"∂L/∂w{l}{idx(j, k)}", "db": f"∂L/∂b{l}{idx(j)}",
        }[quantity]

    def source(self, k: int, layer: int | None = None) -> str:
        """What unit k of layer l − 1 is, in words."""
        below = (self.l if layer is None else layer) - 1
        return f"input {k + 1} (x{sub(k + 1)})" if below == 0 else f"unit {k + 1} of layer {below}"

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
        return [f"  (computed before this iteration's update, with W{sup(layer)} and b{sup(layer)} as they were "
                f"then: W + η ∂L/∂W, η = {self.n(self.lr)})"]

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
            return d, f"{head} = 1 (linear) = {self.n(d)}"
        if f.name == "relu":
            why = "z > 0" if zv > 0 else "z ≤ 0"
            return d, f"{head} = {self.n(d)}, because {why} (z = {self.n(zv)})"
        why = "z > 0" if zv > 0 else "z ≤ 0"
        return d, f"{head} = {self.n(d)}, because {why} (z = {self.n(zv)}; slope {self.n(0.01)} below 0)"

    # ----- z and a ----------------------------------------------------------------------
    def _z(self, j: int, s: int) -> list[str]:
        l, L_ = self.l, sup(self.l)
        prev = sup(l - 1)
        z = float(self.get("z")[j, s])
        x_note = ", a⁰ = x" if l == 1 else ""
        lines = [f"z{L_}{idx(j)} = Σₖ w{L_}{sub(j + 1)}ₖ a{prev}ₖ + b{L_}{idx(j)}   "
                 f"({self.sample(s)}; forward: z{L_} = W{L_} a{prev} + b{L_}{x_note})"]
        used = self.params_used(l)
        a_prev = self.a_prev()
        if used is None or not _close(float(used[0][j] @ a_prev[:, s]) + float(used[1][j, 0]), z):
            lines.append("  (the weights it was computed with have been changed since, so its terms are not shown)")
            lines.append(f"  = {self.n(z)}")
            return lines
        W, b = used
        lines += self.update_note(l)
        n_in = W.shape[1]
        shown = range(n_in) if n_in <= MAX_TERMS else range(SHOWN_TERMS)
        symbols = [f"w{L_}{idx(j, k)}·{self.a_name(l - 1, k)}" for k in shown]
        values = [self.times(W[j, k], a_prev[k, s]) for k in shown]
        bias = float(b[j, 0])
        if n_in <= MAX_TERMS:
            lines.append(f"  = {' + '.join(symbols)} + b{L_}{idx(j)}")
            lines.append(f"  = {' + '.join(values)} + {self.op(bias)}")
        else:
            last = f"w{L_}{idx(j, n_in - 1)}·{self.a_name(l - 1, n_in - 1)}"
            lines.append(f"  = {' + '.join(symbols)} + … + {last} + b{L_}{idx(j)}")
            lines.append(f"  = {' + '.join(values)} + … ({n_in} terms) + {self.op(bias)}")
            total = float(W[j] @ a_prev[:, s])
            lines.append(f"  = {self.n(total)} + {self.op(bias)}   (the sum of all {n_in} products is {self.n(total)})")
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
        formula = "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)" if f.name == "tanh" else f.formula
        head = f"{name} = {f.label}({zname})   ({self.sample(s)}; {formula})"
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
        lines = [f"a{L_}{idx(j)} = e^(z{L_}{idx(j)}) / Σᵢ e^(z{L_}ᵢ)   "
                 f"({self.sample(s)}; softmax over the {n} units of layer {self.l})"]
        if shift:
            lines.append(f"  (written as e^(zᵢ − M) with M = max z = {self.n(shift)}, the same ratio without overflow)")

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
            lines = [f"{name} = ∂L/∂z{L_}{idx(j)} = a{L_}{idx(j)} − y{idx(j)}   "
                     f"({self.sample(s)}; BP1 for {f.name} + {loss.name.replace('_', ' ')})"]
            if f.name == "softmax":
                lines.append("  why: softmax's Jacobian ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) is not diagonal, so BP1's ⊙ does not "
                             "apply as written;")
                lines.append("  with ∂L/∂aₖ = −yₖ/aₖ the product collapses: ∂L/∂zᵢ = Σₖ (−yₖ/aₖ)·aₖ(1[k=i] − aᵢ) "
                             "= aᵢ Σₖ yₖ − yᵢ = aᵢ − yᵢ, as the yₖ sum to 1")
            else:
                lines.append("  why: ∂L/∂a = −y/a + (1 − y)/(1 − a) and σ′(z) = a(1 − a); their product is "
                             "−y(1 − a) + (1 − y)a = a − y")
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
            f"{name} = ∂L/∂a{L_}{idx(j)} · {f.label}′(z{L_}{idx(j)})   "
            f"({self.sample(s)}; BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ), the output layer is L = {self.L})",
            f"  ∂L/∂a{L_}{idx(j)} = {g_expr} = {self._grad_numbers(av, yv)} = {self.n(gv)}   "
            f"(∇ₐL for {loss.formula})",
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
            f"{name} = a{L_}{idx(j)} (g{idx(j)} − Σₖ a{L_}ₖ gₖ) with g = ∇ₐL   "
            f"({self.sample(s)}; BP1 for softmax: δᴸ = a ⊙ (g − Σₖ aₖ gₖ))",
            "  why: softmax's Jacobian ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) is not diagonal, so ∇ₐL ⊙ f′(z) is replaced by "
            "the Jacobian-vector product",
            f"  g{idx(j)} = ∂L/∂a{L_}{idx(j)} = {g_expr} = {self._grad_numbers(av, float(y[j, s]))} = {self.n(gv)}",
            f"  Σₖ a{L_}ₖ gₖ = {_joined([self.times(ac[k], gc[k]) for k in shown], n)} = {self.n(total)}",
            f"  {name} = {self.op(av)}×({self.minus(gv, total)})",
            f"  = {self.n(float(self.get('delta')[j, s]))}",
        ]

    def _hidden_delta(self, j: int, s: int) -> list[str]:
        l, L_, up = self.l, sup(self.l), sup(self.l + 1)
        f = self.plan.activations[l - 1]
        delta = float(self.get("delta")[j, s])
        d_up = self.get("delta", l + 1)
        name = f"δ{L_}{idx(j)}"
        lines = [f"{name} = (Σᵢ w{up}ᵢ{sub(j + 1)} δ{up}ᵢ) · {f.label}′(z{L_}{idx(j)})   "
                 f"({self.sample(s)}; BP2: δ{L_} = ((W{up})ᵀ δ{up}) ⊙ f′(z{L_}))"]
        used = self.params_used(l + 1)
        assert f.df is not None  # softmax only on the output layer
        d, fp_line = self.fprime(f, j, s)
        if used is None or not _close(float(used[0][:, j] @ d_up[:, s]) * d, delta):
            lines.append(f"  (W{up} has been changed since δ{L_} was computed, so the terms are not shown)")
            lines.append(f"  = {self.n(delta)}")
            return lines
        W = used[0]
        lines += self.update_note(l + 1)
        n_up = W.shape[0]
        shown = range(n_up) if n_up <= MAX_TERMS else range(SHOWN_TERMS)
        total = float(W[:, j] @ d_up[:, s])
        symbols = _joined([f"w{up}{idx(i, j)}·δ{up}{idx(i)}" for i in shown], n_up)
        values = _joined([self.times(W[i, j], d_up[i, s]) for i in shown], n_up)
        lines.append(f"  Σᵢ w{up}ᵢ{sub(j + 1)} δ{up}ᵢ = {symbols}   (entry {j + 1} of (W{up})ᵀ δ{up}; "
                     f"unit {j + 1} of layer {l} feeds {_units(n_up)} of layer {l + 1})")
        lines.append(f"  = {values}")
        lines.append(f"  = {self.n(total)}")
        lines.append(f"  {fp_line}")
        lines.append(f"  {name} = {self.times(total, d)}")
        lines.append(f"  = {self.n(delta)}")
        return lines

    # ----- parameter gradients (BP3, BP4) -------------------------------------------------
    def _dW(self, j: int, k: int) -> list[str]:
        l, L_, prev = self.l, sup(self.l), sup(self.l - 1)
        dW = float(self.get("dW")[j, k])
        a_prev, delta = self.a_prev(), self.get("delta")
        a_sym, d_sym = f"a{prev}{idx(k)}", f"δ{L_}{idx(j)}"
        head = f"∂L/∂w{L_}{idx(j, k)}"
        where = f"  w{L_}{idx(j, k)} is the weight from {self.source(k)} to unit {j + 1} of layer {l}"
        if self.m == 1:
            return [f"{head} = {a_sym}·{d_sym}   (BP4 with one sample: ∂L/∂W{L_} = δ{L_} (a{prev})ᵀ)", where,
                    f"  = {self.times(a_prev[k, 0], delta[j, 0])}", f"  = {self.n(dW)}"]
        m = self.m
        shown = range(m) if m <= MAX_TERMS else range(SHOWN_TERMS)
        terms = _joined([self.times(a_prev[k, s], delta[j, s]) for s in shown], m)
        total = float(delta[j] @ a_prev[k])
        return [
            f"{head} = (1/m) Σₛ {a_sym}·{d_sym}   (BP4: ∂L/∂W{L_} = (1/m) δ{L_} (a{prev})ᵀ, "
            f"the mean over the m = {m} samples)",
            where,
            f"  = (1/{m})({a_sym}·{d_sym} for sample 1 + … + {a_sym}·{d_sym} for sample {m})",
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
            return [f"∂L/∂b{L_}{idx(j)} = {d_sym}   (BP3 with one sample)", f"  = {self.n(db)}"]
        m = self.m
        shown = range(m) if m <= MAX_TERMS else range(SHOWN_TERMS)
        terms = _joined([self.op(delta[j, s]) for s in shown], m)
        total = float(np.sum(delta[j]))
        return [
            f"∂L/∂b{L_}{idx(j)} = (1/m) Σₛ {d_sym}   (BP3: ∂L/∂b{L_} = the mean of δ{L_} over the m = {m} samples)",
            f"  = (1/{m})({terms})",
            f"  = (1/{m})({self.n(total)})",
            f"  = {self.n(db)}",
        ]

    # ----- parameters -------------------------------------------------------------------
    def _W(self, j: int, k: int) -> list[str]:
        l, L_, prev = self.l, sup(self.l), sup(self.l - 1)
        W = self.get("W")
        name = f"w{L_}{idx(j, k)}"
        n_l, n_prev = W.shape
        lines = [
            f"{name}: the weight from {self.source(k)} to unit {j + 1} of layer {l}",
            f"  row {j + 1}, column {k + 1} of W{L_}, shape (n{L_}, n{prev}) = {n_l} × {n_prev}; "
            f"it multiplies {self.a_name(l - 1, k)} in z{L_}{idx(j)} = Σₖ w{L_}{sub(j + 1)}ₖ a{prev}ₖ + b{L_}{idx(j)}",
        ]
        return lines + self._updated(name, "W", float(W[j, k]), j, k)

    def _b(self, j: int, _col: int) -> list[str]:
        L_ = sup(self.l)
        name = f"b{L_}{idx(j)}"
        lines = [f"{name}: the bias of unit {j + 1} of layer {self.l}, added to z{L_}{idx(j)} for every sample",
                 f"  row {j + 1} of b{L_}, shape (n{L_}, 1) = {self.get('b').shape[0]} × 1"]
        return lines + self._updated(name, "b", float(self.get("b")[j, 0]), j, 0)

    def _updated(self, name: str, param: str, value: float, j: int, k: int) -> list[str]:
        grad = self.snap.get("d" + param, self.l)
        if self.after_update and not self.fresh_update:
            return ["  (a weight or bias was set by hand after this iteration's update)", f"  {name} = {self.n(value)}"]
        if not self.fresh_update or grad is None:
            return [f"  {name} = {self.n(value)}"]
        g = float(grad[j, k])
        old = value + self.lr * g  # the value before the update, which subtracted exactly η·g
        return [
            f"  just updated: {param} ← {param} − η ∂L/∂{param} with η = {self.n(self.lr)}, "
            f"∂L/∂{name} = {self.n(g)}",
            f"  {name} = {self.op(old)} − {self.times(self.lr, g)}",
            f"  = {self.n(value)}",
        ]


def _units(n: int) -> str:
    return "the 1 unit" if n == 1 else f"all {n} units"


def _close(a: float, b: float) -> bool:
    """Equal up to the rounding of a re-computation in a different order (NaN equals NaN, ∞ equals ∞:
    once training has diverged the numbers are still the ones the stage computed)."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return a == b or (math.isnan(a) and math.isnan(b))
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
