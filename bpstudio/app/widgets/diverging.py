"""The blue–white–red diverging colour scale every panel shares (the matrix panels, the canvas's unit maps):
0 is white, −limit the darkest blue, +limit the darkest red, with the limit max|x| of what is coloured."""

from __future__ import annotations

import numpy as np

# ColorBrewer RdBu without its two darkest ends, blue for negative, red for positive
DIVERGING_STOPS = np.array([
    (33, 102, 172), (67, 147, 195), (146, 197, 222), (209, 229, 240), (247, 247, 247),
    (253, 219, 199), (244, 165, 130), (214, 96, 77), (178, 24, 43),
], dtype=np.float64)
LUT_SIZE = 257  # odd, so that 0 has its own entry (the white middle)


def diverging_lut(size: int = LUT_SIZE) -> np.ndarray:
    """(size, 3) uint8 RGB, blue → white → red."""
    pos = np.linspace(0.0, 1.0, len(DIVERGING_STOPS))
    t = np.linspace(0.0, 1.0, size)
    rgb = np.stack([np.interp(t, pos, DIVERGING_STOPS[:, c]) for c in range(3)], axis=1)
    return np.round(rgb).astype(np.uint8)


def colour_indices(values: np.ndarray, vmax: float | np.ndarray, size: int = LUT_SIZE) -> np.ndarray:
    """Index into the diverging table for every value; 0 maps to the middle, ±vmax to the ends (``vmax`` may be one
    limit per entry of the last axis)."""
    half = (size - 1) / 2
    scaled = np.nan_to_num(values / vmax, nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(np.rint(scaled * half + half), 0, size - 1).astype(np.intp)


def symmetric_limit(values: np.ndarray | None) -> float:
    """max|x| over the finite values, or 1 for an all-zero (or empty) matrix."""
    if values is None or values.size == 0:
        return 1.0
    finite = np.abs(values[np.isfinite(values)])
    v = float(finite.max()) if finite.size else 0.0
    return v if v > 0 else 1.0


def nice_limit(v: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 × 10ᵏ that is ≥ v: symmetric image levels that only
    change when the data grows or shrinks noticeably."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    scale = 10.0 ** np.floor(np.log10(v))
    for step in (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * scale >= v * (1 - 1e-12):
            return float(step * scale)
    return float(10 * scale)
