"""The ways of writing the same numbers: the column convention (the engine's, TEACHING.md's default),
the row convention (seed 001, framework code) and the deeplearning.ai notation (seed 002, Andrew Ng's course:
the column convention's arrays with W^[l], dZ^[l], g^[l], α — see ``deeplearning``).

Column: Wˡ is nˡ × nˡ⁻¹, samples are columns (zˡ, aˡ, δˡ: nˡ × m), bˡ is nˡ × 1, zˡ = Wˡ aˡ⁻¹ + bˡ.
Row: W is n_in × n_out (= Wˡᵀ), samples are rows (Z, A, δ: m × nˡ), b is 1 × nˡ, Zˡ = Aˡ⁻¹ Wˡ + bˡ.

The engine always computes in the column convention. Every array shown in the row convention is the
engine's array transposed — nothing is recomputed — and a displayed (row, col) maps back to the
engine's (col, row). This module says how arrays, shapes, entries and equations are written in each.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.i18n import translate

from . import deeplearning as dl
from .indices import idx
from .notation import sub, sup

COLUMN = "column"
ROW = "row"
DEEPLEARNING = dl.NAME  # column-oriented: the column convention's arrays, Ng's names and equation forms
CONVENTIONS = (COLUMN, ROW, DEEPLEARNING)
BATCH = ("z", "a", "delta")


def check(convention: str) -> str:
    """``convention`` if it is one of column, row, deeplearning; else ValueError."""
    if convention not in CONVENTIONS:
        raise ValueError(f"notation must be one of {', '.join(CONVENTIONS)}, got {convention!r}")
    return convention


def transposed(convention: str) -> bool:
    return check(convention) == ROW


def written(text: str, convention: str) -> str:
    """A text written in the column convention (names, equations, numbers) as ``convention`` names things:
    itself, or in the deeplearning.ai notation. (The row convention's texts are written as such.)"""
    return dl.rewrite(text) if convention == DEEPLEARNING else text


def orient(array: np.ndarray | None, convention: str) -> np.ndarray | None:
    """The engine's (column-convention) array as displayed in ``convention``: itself, or its transpose
    (a view: the same numbers). A 1-D array is taken as a column first. None stays None."""
    if array is None:
        return None
    a = np.asarray(array)
    if a.ndim == 1:
        a = a[:, None]
    return a.T if transposed(convention) else a


def engine_index(row: int, col: int, convention: str) -> tuple[int, int]:
    """The engine entry (row, col) that displayed entry (row, col) of ``convention`` shows (0-based)."""
    return (col, row) if transposed(convention) else (row, col)


display_index = engine_index  # where engine entry (row, col) is displayed: the same swap, its own inverse


def display_shape(shape: tuple[int, ...], convention: str) -> tuple[int, int]:
    r, c = (int(shape[0]), int(shape[1]) if len(shape) > 1 else 1)
    return (c, r) if transposed(convention) else (r, c)


def shape_symbols(quantity: str, layer: int | None, convention: str) -> tuple[str, str]:
    """(rows, columns) of ``quantity`` in symbols: ("n²", "n¹") for W² in the column convention,
    ("n¹", "n²") in the row one; ``layer`` None writes the generic ˡ."""
    n, p = ("nˡ", "nˡ⁻¹") if layer is None else (f"n{sup(layer)}", f"n{sup(layer - 1)}")
    if quantity in ("W", "dW"):
        shape = (n, p)
    elif quantity in ("b", "db"):
        shape = (n, "1")
    elif quantity in BATCH:
        shape = (n, "m")
    else:
        raise ValueError(f"unknown quantity {quantity!r}")
    if convention == DEEPLEARNING:
        return (dl.rewrite(shape[0]), dl.rewrite(shape[1]))
    return (shape[1], shape[0]) if transposed(convention) else shape


def shape_label(quantity: str, layer: int | None, convention: str) -> str:
    """"nˡ × nˡ⁻¹", "nˡ⁻¹ × nˡ", "m × nˡ", "1 × nˡ" …"""
    r, c = shape_symbols(quantity, layer, convention)
    return f"{r} × {c}"


def shape_tuple_label(quantity: str, layer: int | None, convention: str) -> str:
    """"(n², n¹)" — the form the matrix panels' titles use."""
    r, c = shape_symbols(quantity, layer, convention)
    return f"({r}, {c})"


SYMBOLS = {"W": "W", "b": "b", "z": "z", "a": "a", "delta": "δ", "dW": "∂L/∂W", "db": "∂L/∂b"}
ROW_SYMBOLS = {"W": "W", "b": "b", "z": "Z", "a": "A", "delta": "δ", "dW": "∂L/∂W", "db": "∂L/∂b"}


def entry_name(quantity: str, layer: int, row: int, col: int, convention: str) -> str:
    """The name of the engine's entry (row, col) of ``quantity`` of ``layer`` (0-based) as written in
    ``convention``. Column: w²₁₂, b²₁, z²₁ (the sample is said apart), ∂L/∂w²₁₂. Row: the displayed
    position, 1-based: W²[2, 1] (from unit 2 of layer 1 to unit 1 of layer 2), Z²[s, j], b²[1, j]."""
    l = sup(layer)
    if convention == DEEPLEARNING:
        return dl.rewrite(entry_name(quantity, layer, row, col, COLUMN))
    if not transposed(convention):
        return {
            "W": f"w{l}{idx(row, col)}", "b": f"b{l}{idx(row)}", "z": f"z{l}{idx(row)}",
            "a": f"a{l}{idx(row)}", "delta": f"δ{l}{idx(row)}", "dW": f"∂L/∂w{l}{idx(row, col)}",
            "db": f"∂L/∂b{l}{idx(row)}",
        }[quantity]
    r, c = display_index(row, col, convention)
    return f"{ROW_SYMBOLS[quantity]}{l}[{r + 1}, {c + 1}]"


def weight_meaning(layer: int, j: int, k: int, convention: str) -> str:
    """What entry W^l[j, k] (engine indices, 0-based) is and where it sits in ``convention``."""
    if convention == DEEPLEARNING:
        return dl.rewrite(weight_meaning(layer, j, k, COLUMN))
    source = (translate("Convention", "input {k} (x{sk})").format(k=k + 1, sk=sub(k + 1)) if layer == 1 else
              translate("Convention", "unit {k} of layer {p}").format(k=k + 1, p=layer - 1))
    if transposed(convention):
        return translate("Convention", "W{l}[{k}, {j}]: row {k}, column {j} of W{l} (n{p} × n{l}); the weight from "
                         "{source} to unit {j} of layer {layer}").format(
            l=sup(layer), p=sup(layer - 1), k=k + 1, j=j + 1, source=source, layer=layer)
    return translate("Convention", "w{l}{jk}: row {j}, column {k} of W{l} (n{l} × n{p}); the weight from {source} "
                     "to unit {j} of layer {layer}").format(
        l=sup(layer), p=sup(layer - 1), jk=idx(j, k), j=j + 1, k=k + 1, source=source, layer=layer)


def equations(convention: str) -> dict[str, str]:
    """The general equations in ``convention``: forward, BP2, BP3, BP4, update (BP1 is element-wise and the
    same in both), and what a weight's indices mean."""
    if convention == DEEPLEARNING:  # the course's forms: dA^[l] named in BP2, := and α in the update
        return {**dl.EQUATIONS, "BP3": dl.rewrite(equations(COLUMN)["BP3"])}
    if transposed(convention):
        return {
            "forward": "Zˡ = Aˡ⁻¹ Wˡ + bˡ,   Aˡ = fˡ(Zˡ)",
            "BP1": "δᴸ = ∇ₐL ⊙ f′(Zᴸ)",  # the batch's arrays are capitals here, as in the forward line
            "BP2": "δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(Zˡ)",
            "BP3": translate("Convention", "∂L/∂bˡ = (1/m) Σ δˡ over the m rows"),
            "BP4": "∂L/∂Wˡ = (1/m) (Aˡ⁻¹)ᵀ δˡ",
            "update": "Wˡ ← Wˡ − η ∂L/∂Wˡ,   bˡ ← bˡ − η ∂L/∂bˡ",
            "weight": "W[k, j]",
        }
    return {
        "forward": "zˡ = Wˡ aˡ⁻¹ + bˡ,   aˡ = fˡ(zˡ)",
        "BP1": "δᴸ = ∇ₐL ⊙ f′(zᴸ)",
        "BP2": "δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)",
        "BP3": translate("Convention", "∂L/∂bˡ = (1/m) Σ δˡ over the m columns"),
        "BP4": "∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ",
        "update": "Wˡ ← Wˡ − η ∂L/∂Wˡ,   bˡ ← bˡ − η ∂L/∂bˡ",
        "weight": "wˡⱼₖ",
    }


def weight_index_meaning(convention: str) -> str:
    """One sentence: what a weight's two indices mean in ``convention``."""
    if convention == DEEPLEARNING:
        return dl.rewrite(weight_index_meaning(COLUMN))
    if transposed(convention):
        return translate("Convention", "W[k, j] (row k, column j of W, n_in × n_out) connects unit k of layer l−1 "
                         "to unit j of layer l.")
    return translate("Convention", "wˡⱼₖ (row j, column k of Wˡ, nˡ × nˡ⁻¹) connects unit k of layer l−1 to unit j "
                     "of layer l.")


def description(convention: str) -> str:
    """A sentence for legends and exports."""
    if convention == DEEPLEARNING:
        return translate("Convention", "deeplearning.ai notation (seed 002, Andrew Ng's course): samples are "
                         "columns as in the column convention, X = A^[0] is n^[0] × m, Z^[l] = W^[l] A^[l−1] + b^[l], "
                         "A^[l] = g^[l](Z^[l]); the derivatives are dZ^[l], dW^[l], db^[l], dA^[l]; α is the "
                         "learning rate. Same numbers as the column convention.")
    if transposed(convention):
        return translate("Convention", "Row convention (seed 001, framework code): W is nˡ⁻¹ × nˡ (the transpose "
                         "of the column convention's Wˡ); the m samples of a batch are the rows of Aˡ, Zˡ, δˡ "
                         "(m × nˡ); bˡ is 1 × nˡ. Same numbers, transposed.")
    return translate("Convention", "Column convention: Wˡ is nˡ × nˡ⁻¹; the m samples of a batch are the columns of "
                     "aˡ, zˡ, δˡ (nˡ × m); bˡ is nˡ × 1.")


def title(convention: str) -> str:
    """The menu's name for ``convention``."""
    if convention == DEEPLEARNING:
        return translate("Convention", "deeplearning.ai notation (W^[l], dZ^[l], samples as columns)")
    if transposed(convention):
        return translate("Convention", "Row convention (A W, samples as rows)")
    return translate("Convention", "Column convention (Wˡ aˡ⁻¹, samples as columns)")
