"""The network's output over its input space, for the decision-boundary view.

Two inputs: the outputs on a grid over the plane around the data (a heat map). One input: the
outputs along a line over the data's range (the fitted curve). Other input sizes have no picture.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import backprop as bp
from .metrics import predict
from .readonly import read_only

Array = np.ndarray
RESOLUTION = 80  # grid cells per side: 6 400 forward passes, well under a millisecond for small nets
CURVE_POINTS = 200
MARGIN = 0.15  # of the data's range, on each side


@dataclass(frozen=True)
class DecisionField:
    """``xs`` (R,) and, for a plane, ``ys`` (R,): the grid coordinates in input units.
    ``outputs``: aᴸ at each grid point, (R, R, nᴸ) for a plane indexed [row = y, column = x],
    (R, nᴸ) for a curve. Arrays are read-only copies, safe to hand to another thread."""

    kind: str  # "plane" or "curve"
    xs: Array
    ys: Array | None
    outputs: Array


def field_extent(x_rows: Array) -> tuple[tuple[float, float], ...]:
    """(low, high) per input, around the samples (rows (N, d)) with a margin; never empty."""
    lo, hi = x_rows.min(axis=0), x_rows.max(axis=0)
    pad = np.maximum((hi - lo) * MARGIN, 0.5 * (hi == lo) + 1e-9)
    return tuple((float(a), float(b)) for a, b in zip(lo - pad, hi + pad, strict=True))


def decision_field(plan: bp.Plan, params, extent: tuple[tuple[float, float], ...],
                   resolution: int = RESOLUTION) -> DecisionField | None:
    """None when the network has neither one nor two inputs."""
    if len(extent) == 1:
        xs = np.linspace(*extent[0], CURVE_POINTS)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            out = predict(plan, params, xs[None, :]).T
        return DecisionField("curve", read_only(xs), None, read_only(out))
    if len(extent) != 2:
        return None
    xs = np.linspace(*extent[0], resolution)
    ys = np.linspace(*extent[1], resolution)
    gx, gy = np.meshgrid(xs, ys)  # [row = y, column = x]
    grid = np.vstack([gx.ravel(), gy.ravel()])
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        out = predict(plan, params, grid)
    return DecisionField("plane", read_only(xs), read_only(ys), read_only(out.T.reshape(resolution, resolution, -1)))
