"""A digit the learner draws, as the one sample the panels show: a project edit (undoable like any other).

The drawn digit replaces the project's data by one sample, x = the 64 pixels / 16 (as the shipped digits are
scaled) and y = the digit chosen, one-hot; the network keeps the weights it has now, so stepping the drawn digit
forward shows what the trained network computes for it. Undo gives back the data and the exact training state.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bpstudio.engine import Project, ValidationError
from bpstudio.engine.builtin_datasets import image_shape
from bpstudio.engine.i18n import translate
from bpstudio.engine.snapshot import Snapshot

INK = 16  # a pixel's most ink, as in the digits file; the input is pixel / INK


def drawn_project(project: Project, snapshot: Snapshot, pixels: Sequence[int], digit: int) -> Project:
    """``project`` with the drawn ``pixels`` (row by row, 0 … 16) as its only sample, target ``digit``, and the
    weights of ``snapshot`` as its starting weights."""
    net = project.network
    shape = image_shape(net.input_size)
    outputs = net.layers[-1].units
    if shape is None or len(pixels) != shape[0] * shape[1]:
        raise ValidationError("data", translate(
            "DrawnSample", "a drawn digit has 64 pixels, but the network has {n} inputs").format(n=net.input_size))
    if not 0 <= digit < outputs:
        raise ValidationError("data", translate(
            "DrawnSample", "the digit must be from 0 to {most}: the output layer has {n} units").format(
            most=outputs - 1, n=outputs))
    x = [float(p) / INK for p in pixels]
    y = [1.0 if k == digit else 0.0 for k in range(outputs)]
    params = tuple((np.array(snapshot.get("W", l)), np.array(snapshot.get("b", l))) for l in range(1, net.depth + 1))
    return Project(net, {"x": [x], "y": [y]}, project.training, project.init, None, project.name,
                   project.description, runs=project.runs).with_parameters(params)


def drawn_pixels(project: Project) -> list[int] | None:
    """The pixels of a project whose only sample is a drawn digit (back to 0 … 16), or None."""
    data, shape = project.data, image_shape(project.network.input_size)
    x = data.get("x")
    if shape is None or "generator" in data or "dataset" in data or not isinstance(x, list) or len(x) != 1:
        return None
    return [int(round(float(v) * INK)) for v in x[0]]
