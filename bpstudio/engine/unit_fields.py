"""What every unit computes over the input plane: its activation aˡⱼ at each point of a small grid.

The grid spans two chosen inputs over the data's extent (the decision field's, ``decision_field.input_plane``);
any other input is held at its mean over the data. One call of ``backprop.forward`` on the grid's points gives
every layer's activations at once. One input: the grid is a line (one row). The canvas draws each unit's map in
its circle; the output units' maps are the network's outputs, the decision field on a coarser grid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from . import backprop as bp
from .readonly import read_only

Array = np.ndarray
UNIT_RESOLUTION = 24  # grid points per side: 576 points, a small fraction of the decision field's 6 400
COARSE_RESOLUTION = 12  # for inputs drawn as one block (MAPPED_UNITS), whose maps cost the most
MAPPED_UNITS = 16  # a layer wider than this has no maps: the canvas draws it as one block (its COLLAPSE_ABOVE)


@dataclass(frozen=True)
class InputPlane:
    """The plane the maps span: ``features`` (one or two input indices, 0-based) over ``extent`` (every input's
    (low, high)); every other input held at ``held`` (every input's mean)."""

    extent: tuple[tuple[float, float], ...]
    held: tuple[float, ...]
    features: tuple[int, ...] = (0, 1)

    @property
    def inputs(self) -> int:
        return len(self.extent)

    def choosing(self, first: int, second: int) -> InputPlane:
        """The same data with inputs ``first`` (across) and ``second`` (up); out-of-range or equal: unchanged."""
        n = self.inputs
        if n < 2 or not (0 <= first < n and 0 <= second < n) or first == second:
            return self
        return replace(self, features=(first, second))


@dataclass(frozen=True)
class UnitFields:
    """``layers[l − 1]``: aˡ on the grid, (rows, R, nˡ) indexed [row = y, column = x] (one row for one input), or
    None for a layer wider than ``MAPPED_UNITS``. ``xs`` (R,) and ``ys`` (rows,) the grid's coordinates in the
    chosen inputs' units (``ys`` None for a line). Read-only arrays, safe to hand to another thread."""

    plane: InputPlane
    xs: Array
    ys: Array | None
    layers: tuple[Array | None, ...]

    def unit(self, layer: int, j: int) -> Array | None:
        """Unit j (0-based) of layer ``layer`` (1 … L): its map (rows, R), or None."""
        a = self.layers[layer - 1]
        return None if a is None else a[..., j]


def grid_points(plane: InputPlane, resolution: int = UNIT_RESOLUTION) -> tuple[Array, Array | None, Array]:
    """(xs, ys, x) with x (n⁰, points) in the column convention, row-major over [y, x]."""
    (i, *rest) = plane.features if plane.inputs >= 2 else (0,)
    xs = np.linspace(*plane.extent[i], resolution)
    if plane.inputs == 1:
        return xs, None, xs[None, :]
    k = rest[0]
    ys = np.linspace(*plane.extent[k], resolution)
    gx, gy = np.meshgrid(xs, ys)
    x = np.repeat(np.asarray(plane.held, dtype=np.float64)[:, None], gx.size, axis=1)
    x[i], x[k] = gx.ravel(), gy.ravel()
    return xs, ys, x


def unit_fields(plan: bp.Plan, params, plane: InputPlane, resolution: int = UNIT_RESOLUTION) -> UnitFields:
    """Every unit's activation over ``plane``: one forward pass of the grid through ``params``."""
    xs, ys, x = grid_points(plane, resolution)
    rows = 1 if ys is None else len(ys)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        activations = bp.forward(plan, params, x)[1][1:]
    layers = tuple(None if a.shape[0] > MAPPED_UNITS else read_only(a.T.reshape(rows, len(xs), -1), copy=False)
                   for a in activations)
    return UnitFields(plane, read_only(xs), None if ys is None else read_only(ys), layers)
