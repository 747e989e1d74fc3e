"""What the network canvas writes: column labels, the stage line, tooltips of units, weights, biases.

Numbers go through the matrix panels' formatter and indices are written as in the equations
(w²₁₂: unit 2 of layer 1 → unit 1 of layer 2; 1-based, a comma once an index has two digits),
so a weight reads the same on the canvas, in a matrix cell and in the equation panel. In the row
convention (``set_notation("row")``, set by View ▸ Notation for the whole app) a weight is W²[2, 1] —
row 2, column 1 of the transposed matrix — and the forward line reads Z = A W + b; in the deeplearning.ai
notation every text is the column one with Ng's names (w^[2]₁₂, Z^[2], dZ^[2], α).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS, Stage
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.explain import idx
from bpstudio.engine.text.indices import parameter_symbol, subscript, superscript
from bpstudio.engine.text.notation import format_number

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

_notation = conv.COLUMN  # how the canvas names weights: one choice for the app (View ▸ Notation)


def set_notation(notation: str) -> None:
    """"column" (w²₁₂) or "row" (W²[2, 1]) for the canvas texts made from now on."""
    global _notation
    _notation = conv.check(notation)


def notation() -> str:
    return _notation


def in_notation(text: str) -> str:
    """The text as the notation on show names things (W^[l], dZ^[l], α in the deeplearning.ai one)."""
    return conv.written(text, _notation)


_w = in_notation


LOSS_FORMULAS = {
    "squared_error": "½‖y − a‖²", "squared_error_no_half": "‖a − y‖²", "cross_entropy": "−Σ y log a",
    "binary_cross_entropy": "−Σ [y log a + (1 − y) log(1 − a)]",
}


def column_label(c: int, n: int, activation_label: str) -> tuple[str, str]:
    """"layer 2 · 3 units · σ" on one line, and the same on two lines for narrow columns."""
    if c == 0:
        one = (translate("NetworkCanvas", "input · {n} values").format(n=n) if n != 1
           else translate("NetworkCanvas", "input · 1 value"))
        return one, translate("NetworkCanvas", "input\n{n} values").format(n=n)
    units = translate("NetworkCanvas", "{n} units").format(n=n) if n != 1 else translate("NetworkCanvas", "1 unit")
    return ((translate("NetworkCanvas", "layer {l} · {units} · {f}").format(l=c, units=units, f=activation_label),
            translate("NetworkCanvas", "layer {l}\n{units} · {f}").format(l=c, units=units, f=activation_label)))


def stage_line(stage: Stage | None, next_stage: Stage, activation_labels: list[str], eta: float,
               optimizer: str = "sgd") -> str:
    """The line above the network: which way the computation goes and what it computes."""
    if stage is None:
        return _w(translate("NetworkCanvas", "ready · next: {stage}").format(stage=next_stage.label))
    l = stage.layer
    if stage.kind == FORWARD:
        text = translate("NetworkCanvas", "→ forward · layer {l}: Z{s} = A{p}W{s} + b{s}, A{s} = {f}(Z{s})") \
            if _notation == conv.ROW else \
            translate("NetworkCanvas", "→ forward · layer {l}: z{s} = W{s}a{p} + b{s}, a{s} = {f}(z{s})")
        return _w(text.format(l=l, s=superscript(l), p=superscript(l - 1), f=activation_labels[l - 1]))
    if stage.kind == BACKWARD:
        return _w(translate("NetworkCanvas", "← backward (δ) · layer {l}: δ{s}, ∂L/∂W{s}, ∂L/∂b{s}").format(
            l=l, s=superscript(l)))
    if stage.kind == LOSS:
        return _w(translate("NetworkCanvas", "→ loss: L and ∇ₐL at the output"))
    if optimizer == "adam":
        text = translate("NetworkCanvas", "Adam update: W ← W − η v̂/(√ŝ + ε) (η = {eta})")
    elif optimizer == "rmsprop":
        text = translate("NetworkCanvas", "RMSProp update: W ← W − η g/(√s + ε) (η = {eta})")
    else:
        text = translate("NetworkCanvas", "update: W ← W − η ∂L/∂W in every layer (η = {eta})")
    return _w(text.format(eta=format_number(eta, 6)))


def loss_tip(loss_name: str) -> str:
    return translate("NetworkCanvas",
                     "Batch loss {f}: the mean of the per-sample losses"
                     ).format(f=LOSS_FORMULAS.get(loss_name, loss_name))


def column_tip(c: int) -> str:
    if c == 0:
        return _w(translate("NetworkCanvas", "The inputs a⁰ = x"))
    return translate("NetworkCanvas", "Layer {l}: click to select it, right-click to change the network").format(l=c)


def unit_tip(c: int, j: int, a, z, delta, b) -> str:
    """Unit j (0-based) of column c for sample 1: z, a, δ as far as computed, and its bias."""
    if c == 0:
        v = "—" if a is None else format_number(a[j, 0])
        return translate("NetworkCanvas", "input x{j} = {v} (sample 1)").format(j=subscript(j + 1), v=v)
    parts = [translate("NetworkCanvas", "unit {j} of layer {l}, sample 1").format(j=j + 1, l=c)]
    for name, arr in (("z", z), ("a", a), ("δ", delta)):
        if arr is not None:
            parts.append(f"{name}{superscript(c)}{idx(j)} = {format_number(arr[j, 0])}")
    if b is not None:
        parts.append(f"{parameter_symbol(c, 'b', j)} = {format_number(b[j, 0])}")
    return _w("\n".join(parts))


def block_tip(c: int, n: int, a: np.ndarray | None, b: np.ndarray | None) -> str:
    lines = [translate("NetworkCanvas", "layer {l}: {n} units").format(l=c, n=n) if c else
        translate("NetworkCanvas", "{n} inputs").format(n=n)]
    if a is not None:
        col = a[:, 0]
        lines.append(translate("NetworkCanvas", "sample 1: values from {lo} to {hi}").format(
            lo=format_number(col.min()), hi=format_number(col.max())))
    if b is not None:
        lines.append(translate("NetworkCanvas", "b{s}: from {lo} to {hi}").format(
            s=superscript(c), lo=format_number(b.min()), hi=format_number(b.max())))
    return _w("\n".join(lines))


def edge_tip(l: int, j: int, k: int, w: float) -> str:
    """"w²₁₂ = 0.45 (unit 2 of layer 1 → unit 1 of layer 2)" for W^l[j, k], 0-based j, k."""
    source = translate("NetworkCanvas", "input x{k}").format(k=subscript(k + 1)) if l == 1 else \
        translate("NetworkCanvas", "unit {k} of layer {p}").format(k=k + 1, p=l - 1)
    return _w(translate("NetworkCanvas", "{name} = {v} ({source} → unit {j} of layer {l})").format(
        name=conv.entry_name("W", l, j, k, _notation), v=format_number(w), source=source, j=j + 1, l=l))


def band_tip(l: int, W: np.ndarray) -> str:
    return _w(translate("NetworkCanvas", "W{s} ({r} × {c}): {n} weights from {lo} to {hi}, mean |w| {mabs}").format(
        s=superscript(l), r=W.shape[int(_notation == conv.ROW)], c=W.shape[int(_notation != conv.ROW)], n=W.size,
        lo=format_number(W.min()), hi=format_number(W.max()), mabs=format_number(np.mean(np.abs(W)))))


def bias_tip(l: int, j: int, v: float) -> str:
    return _w(translate("NetworkCanvas", "b{s}{j} = {v} (bias of unit {u} of layer {l})").format(
        s=superscript(l), j=idx(j), v=format_number(v), u=j + 1, l=l))
