"""How numbers and indices are written, everywhere they appear (panels, equations, tooltips, trace),
so the same quantity reads the same in every place."""

from __future__ import annotations

import math

# the short names the formulas' f-strings use, for the one implementation in indices
from .indices import subscript as sub  # noqa: F401
from .indices import superscript as sup  # noqa: F401


def format_number(x: float, precision: int = 4) -> str:
    """``precision`` decimals, trailing zeros dropped (0.4, 0.5866, 1); scientific notation for
    values so small that fewer than two digits would show, or ≥ 10⁶."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0.0:
        return "0"
    p = max(1, int(precision))
    ax = abs(x)
    if 10.0 ** (1 - max(p, 2)) <= ax < 1e6:
        text = f"{x:.{p}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    mantissa, exponent = f"{x:.{max(p - 1, 1)}e}".split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{exponent}"
