"""What every hover derivation (``explain``) is written with: numbers formatted as the panels format them,
entries named as the chosen convention names them, and the arrays the stage used."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from bpstudio.engine.backprop import Plan
from bpstudio.engine.i18n import translate
from bpstudio.engine.snapshot import Snapshot, key
from bpstudio.engine.stages import UPDATE

from . import convention as conv
from .indices import idx
from .notation import format_number, sub, sup

MAX_TERMS = 8  # sums with more terms are shortened to their first SHOWN_TERMS and a count
SHOWN_TERMS = 4

Array = np.ndarray


def joined(terms: Sequence[str], count: int | None = None) -> str:
    """'t1 + t2 + t3', shortened to the first few and '… (n terms)' when there are many."""
    n = len(terms) if count is None else count
    if n <= MAX_TERMS:
        return " + ".join(terms)
    return " + ".join([*terms[:SHOWN_TERMS], translate("Explain", "… ({n} terms)").format(n=n)])


class Terms:
    def __init__(self, snap: Snapshot, plan: Plan, lr: float, layer: int, precision: int,
                 convention: str = conv.COLUMN) -> None:
        self.snap, self.plan, self.lr, self.l, self.p = snap, plan, lr, layer, precision
        self.convention = convention
        self.row = conv.transposed(convention)  # the row convention: entries named where it shows them
        self.L, self.m = plan.spec.depth, snap.batch_size
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


def close(a: float, b: float) -> bool:
    """Equal up to the rounding of a re-computation in a different order (NaN equals NaN, ∞ equals ∞:
    once training has diverged the numbers are still the ones the stage computed)."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return a == b or (math.isnan(a) and math.isnan(b))
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))

