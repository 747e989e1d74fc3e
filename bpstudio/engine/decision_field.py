"""The network's output over its input space, for the decision-boundary view.

Two inputs: the outputs on a grid over the plane around the data (a heat map). One input: the
outputs along a line over the data's range (the fitted curve). ``network_field`` adds every unit's map
(``unit_fields``) for the canvas, over two chosen inputs for any size; with more than two inputs its plane is the
output units' maps, a slice through the input space (the other inputs at their means), or, for an output layer
too wide to map, no picture ("units").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from . import backprop as bp
from .metrics import predict
from .readonly import read_only
from .unit_fields import COARSE_RESOLUTION, MAPPED_UNITS, UNIT_RESOLUTION, InputPlane, UnitFields, unit_fields

Array = np.ndarray
RESOLUTION = 80  # grid cells per side: 6 400 forward passes, well under a millisecond for small nets
CURVE_POINTS = 200
MARGIN = 0.15  # of the data's range, on each side


@dataclass(frozen=True)
class DecisionField:
    """``xs`` (R,) and, for a plane, ``ys`` (R,): the grid coordinates in input units.
    ``outputs``: aᴸ at each grid point, (R, R, nᴸ) for a plane indexed [row = y, column = x],
    (R, nᴸ) for a curve. Arrays are read-only copies, safe to hand to another thread. ``units``: every unit's
    map (kind "units": only those, for more than two inputs)."""

    kind: str  # "plane", "curve" or "units"
    xs: Array
    ys: Array | None
    outputs: Array
    units: UnitFields | None = None


def field_extent(x_rows: Array) -> tuple[tuple[float, float], ...]:
    """(low, high) per input, around the samples (rows (N, d)) with a margin; never empty."""
    lo, hi = x_rows.min(axis=0), x_rows.max(axis=0)
    pad = np.maximum((hi - lo) * MARGIN, 0.5 * (hi == lo) + 1e-9)
    return tuple((float(a), float(b)) for a, b in zip(lo - pad, hi + pad, strict=True))


def input_plane(x_rows: Array) -> InputPlane:
    """The plane of the units' maps for these samples (rows (N, d)): the two inputs that vary most (the first two
    of equals: a digit's corner pixels, always 0, would show a plane where nothing happens), the others at their
    means, over ``field_extent``."""
    plane = InputPlane(field_extent(x_rows), tuple(float(v) for v in x_rows.mean(axis=0)))
    if x_rows.shape[1] <= 2:
        return plane
    first, second = sorted(int(k) for k in np.argsort(-x_rows.var(axis=0), kind="stable")[:2])
    return plane.choosing(first, second)


def network_field(plan: bp.Plan, params, plane: InputPlane) -> DecisionField:
    """The decision field (one or two inputs) with every unit's map over ``plane``."""
    # inputs too many to draw one by one (784 pixels): a coarser grid, so the maps cost a quarter (a 24 × 24 grid
    # through 784-128-64-10 is 63 million multiply-adds, several training iterations)
    units = unit_fields(plan, params, plane, UNIT_RESOLUTION if plane.inputs <= MAPPED_UNITS else COARSE_RESOLUTION)
    field = decision_field(plan, params, plane.extent) if plane.inputs <= 2 else None
    if field is not None:
        return replace(field, units=units)
    outputs = units.layers[-1]
    if outputs is None or units.ys is None:
        return DecisionField("units", units.xs, units.ys, read_only(np.empty((0, 0))), units)
    return DecisionField("plane", units.xs, units.ys, outputs, units)  # a slice: the output units' maps


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
