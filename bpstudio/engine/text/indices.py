"""Indices written as people read them: w²₁₂, b²₁, n¹ — Unicode super- and subscripts, 1-based.

Arrays are 0-based; everything a person reads is 1-based (w²₁₂ is W²[0, 1]: unit 2 of layer 1
to unit 1 of layer 2). Qt-free, so tests and any view can use it.
"""

from __future__ import annotations

_SUPER = str.maketrans("0123456789-+()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾")
_SUB = str.maketrans("0123456789-+()", "₀₁₂₃₄₅₆₇₈₉₋₊₍₎")


def superscript(n: int | str) -> str:
    return str(n).translate(_SUPER)


def subscript(n: int | str) -> str:
    return str(n).translate(_SUB)


def idx(*zero_based: int) -> str:
    """Subscript indices shown 1-based: ₁₂ for (0, 1); with a comma once one has two digits (₁₂,₁ is not ₁,₂₁)."""
    shown = [n + 1 for n in zero_based]
    return ("," if any(n >= 10 for n in shown) else "").join(subscript(n) for n in shown)


def parameter_symbol(layer: int, name: str, row: int, col: int = 0) -> str:
    """w²₁₂ for W² at 0-based (row 0, col 1), b²₁ for b² at row 0. ``layer`` is 1-based, as in the engine."""
    return f"b{superscript(layer)}{idx(row)}" if name == "b" else f"w{superscript(layer)}{idx(row, col)}"


def input_name(k: int, names: tuple[str, ...] = ()) -> str:
    """x₁ for input 0, or "x₁ (sepal length)" when the data names its features."""
    x = f"x{subscript(k + 1)}"
    return f"{x} ({names[k]})" if k < len(names) and names[k] else x


def format_value(x: float) -> str:
    """The shortest text that reads back as exactly the same float (0.15, not 0.15000000000000002)."""
    return repr(float(x))
