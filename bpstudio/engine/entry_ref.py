"""One number of the network, named: a quantity (W, b, z, a, delta, dW, db), its layer and its position.

``EntryRef.row`` and ``EntryRef.col`` are 0-based and always in the engine's column convention: Wˡ is
nˡ × nˡ⁻¹, so W²[j, k] is wˡⱼₖ (row j = unit j of layer 2, column k = unit k of layer 1); bˡ is nˡ × 1 (col 0);
zˡ, aˡ, δˡ are nˡ × m, so their column is the sample. dW and db are ∂L/∂W and ∂L/∂b: the same positions.

Labels are what the panels show, 1-based: ``"W2[1,2]"`` is row 1, column 2 of the displayed W² — in the column
convention the engine's (0, 1), i.e. w²₁₂ (unit 2 of layer 1 to unit 1 of layer 2). In the row convention every
array is displayed transposed, so the same label ``"W2[1,2]"`` means displayed row 1, column 2 of the n¹ × n²
matrix: the engine's (1, 0), the weight from unit 1 of layer 1 to unit 2 of layer 2. ``"z2[3,5]"`` (column) is
unit 3 of sample 5; in the row convention the sample comes first: ``"Z2[5,3]"``. A bias or a batch quantity may
be written with one index (``"b2[1]"``, ``"z2[3]"``: unit 3, the sample said apart). Symbols accepted: W, b, z or
Z, a or A, delta or δ, dW or ∂L/∂W, db or ∂L/∂b (case of W/b as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ValidationError
from .i18n import translate

PARAMETERS = ("W", "b")
GRADIENTS = {"dW": "W", "db": "b"}
BATCH = ("z", "a", "delta")
QUANTITIES = ("W", "b", "z", "a", "delta", "dW", "db")
_SYMBOLS = {"w": "W", "b": "b", "z": "z", "a": "a", "delta": "delta", "δ": "delta", "d": "delta",
            "dw": "dW", "db": "db", "∂l/∂w": "dW", "∂l/∂b": "db", "dz": "delta"}
_LABEL = re.compile(r"^\s*([^\d\s\[]+?)\s*\^?\s*(\d+)\s*\[\s*(\d+)\s*(?:,\s*(\d+)\s*)?\]\s*$")


@dataclass(frozen=True)
class EntryRef:
    quantity: str  # one of QUANTITIES
    layer: int  # 1 … L
    row: int  # 0-based, engine (column-convention) row: the unit of layer ``layer``
    col: int = 0  # 0-based, engine column: unit of layer − 1 for W/dW, 0 for b/db, the sample for z/a/delta

    def __post_init__(self) -> None:
        if self.quantity not in QUANTITIES:
            raise ValueError(f"unknown quantity {self.quantity!r}")

    @property
    def parameter(self) -> str | None:
        """"W" or "b" when the entry is a parameter or its gradient, else None."""
        return GRADIENTS.get(self.quantity, self.quantity if self.quantity in PARAMETERS else None)

    @property
    def batch(self) -> bool:
        """True for z, a, δ: one number per sample (``col`` is the sample)."""
        return self.quantity in BATCH

    @property
    def unit(self) -> int:
        return self.row

    def with_sample(self, sample: int) -> EntryRef:
        """The same entry of another sample (only batch quantities change)."""
        return EntryRef(self.quantity, self.layer, self.row, sample) if self.batch else self

    def label(self, convention: str = "column") -> str:
        """``"W2[1,2]"``: the 1-based position as the panel of ``convention`` shows it (see the module)."""
        r, c = (self.col, self.row) if convention == "row" else (self.row, self.col)
        name = {"delta": "delta"}.get(self.quantity, self.quantity)
        if convention == "row" and self.quantity in ("z", "a"):
            name = name.upper()
        return f"{name}{self.layer}[{r + 1},{c + 1}]"

    def check(self, sizes: tuple[int, ...], batch_size: int | None = None) -> EntryRef:
        """Itself when it names an entry of a network with layer sizes ``sizes`` (n⁰ … nᴸ); else ValidationError."""
        depth = len(sizes) - 1
        if not 1 <= self.layer <= depth:
            raise ValidationError("entry", translate("EntryRef", "layer {l} does not exist (layers 1 … {L})").format(
                l=self.layer, L=depth))
        rows = sizes[self.layer]
        cols = {"W": sizes[self.layer - 1], "b": 1}.get(self.parameter or "", batch_size)
        if not 0 <= self.row < rows or self.col < 0 or (cols is not None and self.col >= cols):
            raise ValidationError("entry", translate("EntryRef", "{label} is outside the array ({rows} × {cols})")
                                  .format(label=self.label(), rows=rows, cols=cols if cols is not None else "m"))
        return self


def parse_entry(text: str, convention: str = "column") -> EntryRef:
    """The entry a label names (see the module); ValidationError when it is not one."""
    m = _LABEL.match(text or "")
    symbol = m.group(1).strip().rstrip("^") if m else ""
    quantity = _SYMBOLS.get(symbol.lower()) if symbol else None
    if m is None or quantity is None:
        raise ValidationError("entry", translate("EntryRef", "not an entry: {text!r} (write it like W2[1,2], b2[1], "
                                                 "z2[1], a2[1], delta2[1], dW2[1,2])").format(text=text))
    layer, first = int(m.group(2)), int(m.group(3))
    second = int(m.group(4)) if m.group(4) is not None else None
    if first < 1 or (second is not None and second < 1):
        raise ValidationError("entry", translate("EntryRef", "indices start at 1: {text!r}").format(text=text))
    row_convention = convention == "row"
    if second is None:
        if quantity in ("W", "dW"):
            raise ValidationError("entry", translate("EntryRef", "a weight needs two indices: {text!r}").format(
                text=text))
        return EntryRef(quantity, layer, first - 1, 0)
    r, c = (second - 1, first - 1) if row_convention else (first - 1, second - 1)
    if quantity in ("b", "db") and c != 0:
        raise ValidationError("entry", translate("EntryRef", "a bias has one column: {text!r}").format(text=text))
    return EntryRef(quantity, layer, r, c)
