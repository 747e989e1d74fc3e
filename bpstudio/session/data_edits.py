"""Giving a project new data, with a network that fits it. Qt-free, like ``project_edits``.

The input size becomes the data's width. The output layer is kept when it fits the targets (so a worked
example keeps its explicit weights); otherwise it is replaced: k > 2 classes → k softmax units with
cross-entropy, 2 classes → one sigmoid unit with binary cross-entropy (two softmax units with cross-entropy when
the output was softmax: one-hot targets stay one-hot), values → identity units with
squared error. Hidden layers are kept. Explicit weights go when a layer size changes.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Project, ValidationError, get_activation, get_loss
from bpstudio.engine.builtin_datasets import builtin_classes
from bpstudio.engine.datasets import MULTICLASS, REGRESSION
from bpstudio.engine.project import load_data
from bpstudio.engine.stepper import check_data

from .project_edits import FALLBACK_INIT, Edit, validate_project

# the values an output activation can produce; an output fits targets only inside its range
REACH = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0), "relu": (0.0, math.inf)}
PROBABILITY = {"sigmoid", "softmax"}  # classes need outputs that read as probabilities
SQUARED = {"squared_error", "squared_error_no_half"}


def target_classes(data: dict[str, Any]) -> int | None:
    """How many classes the data's targets stand for; None for values (regression, a typed target)."""
    if "generator" in data:
        name = data["generator"]
        if name in REGRESSION:
            return None
        if name not in MULTICLASS:
            return 2  # xor, circles, moons (an unknown name is refused when the data is built)
        params = data.get("params") or {}
        k = params.get("classes", 3) if isinstance(params, dict) else 3
        if isinstance(k, bool) or not isinstance(k, int) or not 2 <= k <= 50:
            raise ValidationError("data.params.classes", f"must be a whole number from 2 to 50, got {k!r}")
        return k
    if "dataset" in data:
        return builtin_classes(str(data["dataset"]))
    classes = data.get("classes")
    return len(classes) if isinstance(classes, list) and classes else None


def source_of(data: dict[str, Any]) -> str:
    """A generator's name, a dataset's name, "csv" (an imported table), "sample" (one row) or "table"."""
    if "generator" in data or "dataset" in data:
        return str(data.get("generator", data.get("dataset")))
    if "features" in data:
        return "csv"
    x = data.get("x")
    return "sample" if isinstance(x, list) and len(x) == 1 else "table"


def project_with_data(project: Project, data: dict[str, Any]) -> Edit:
    """``project`` with ``data`` and a network adapted to it, validated. Raises ``ValidationError`` (naming the
    data field at fault) when the data cannot be used; the project passed in is never changed."""
    classes = target_classes(data)
    y_width = _width(data.get("y")) if _inline(data) else 1
    units = [1, 2] if classes == 2 else [classes] if classes else [y_width]  # encodings the targets allow
    d_in = _input_width(data, units[0])
    error: ValidationError | None = None
    for network in _candidates(project.network, d_in, classes, y_width, units):
        new = _with_network(project, network, _encoded(data, classes, network.layers[-1].units))
        try:
            y = _check(new)
        except ValidationError as exc:
            error = exc  # the standard output's reason is the one to show
            continue
        if _reaches(network, y, classes):
            validate_project(new.project, valid=new.project)  # the data was just checked; this checks the rest
            return new
        error = ValidationError("data.y", f"the targets lie outside what a {network.layers[-1].activation} "
                                          "output layer can produce")
    assert error is not None
    raise error


def _candidates(old: NetworkSpec, d_in: int, classes: int | None, y_width: int,
                units: list[int]) -> list[NetworkSpec]:
    """Networks to try, in order: the current output layer, then (values) its activation with the data's
    width, then the standard output for the targets."""
    out, hidden = old.layers[-1], old.layers[:-1]
    tried = []
    if out.units in units:
        tried.append(replace(old, input_size=d_in))
    if classes is None and get_activation(out.activation).name != "softmax":
        tried.append(NetworkSpec(d_in, (*hidden, LayerSpec(y_width, out.activation)), old.loss))
        if get_loss(old.loss).name not in SQUARED:
            tried.append(NetworkSpec(d_in, (*hidden, LayerSpec(y_width, out.activation)), "squared_error"))
    if classes is None:
        loss = get_loss(old.loss).name
        tried.append(NetworkSpec(d_in, (*hidden, LayerSpec(y_width, "identity")),
                                 loss if loss in SQUARED else "squared_error"))
    elif classes == 2:
        if get_activation(out.activation).name == "softmax":  # one-hot targets stay one-hot
            tried.append(NetworkSpec(d_in, (*hidden, LayerSpec(2, "softmax")), "cross_entropy"))
        tried.append(NetworkSpec(d_in, (*hidden, LayerSpec(1, "sigmoid")), "binary_cross_entropy"))
    else:
        tried.append(NetworkSpec(d_in, (*hidden, LayerSpec(classes, "softmax")), "cross_entropy"))
    return tried


def _with_network(old: Project, network: NetworkSpec, data: dict[str, Any]) -> Edit:
    parameters, init, dropped = old.parameters, old.init, False
    shapes_changed = network.sizes != old.network.sizes
    if shapes_changed and (parameters is not None or init.method == "explicit"):
        parameters, init, dropped = None, InitSpec(FALLBACK_INIT, init.scale), True
    return Edit(replace(old, network=network, data=data, init=init, parameters=parameters, state=None),
                dropped, dropped)


def _check(edit: Edit) -> np.ndarray:
    """Build the data once for this network and check it as the stepper will; the targets (N, k)."""
    project = edit.project
    project.network.validate()
    ds = project.dataset()
    check_data(project.network, ds.x.T, ds.y.T)
    return ds.y


def _reaches(network: NetworkSpec, y: np.ndarray, classes: int | None) -> bool:
    name = get_activation(network.layers[-1].activation).name
    if classes is not None and name not in PROBABILITY:
        return False  # a linear or tanh output on class targets trains, but its outputs are no probabilities
    low, high = REACH.get(name, (-math.inf, math.inf))
    return bool(np.all(y >= low) and np.all(y <= high))


def _inline(data: dict[str, Any]) -> bool:
    return "generator" not in data and "dataset" not in data


def _width(rows: object) -> int:
    """Values per row of an inline table (a flat list is one value per row)."""
    if isinstance(rows, list) and rows and isinstance(rows[0], list):
        return max(1, len(rows[0]))
    return 1


def _input_width(data: dict[str, Any], units: int) -> int:
    if _inline(data):
        return _width(data.get("x"))
    probe = NetworkSpec(1, (LayerSpec(units, "identity"),))  # generated inputs do not depend on the network
    return int(load_data(data, probe).x.shape[1])


def _encoded(data: dict[str, Any], classes: int | None, units: int) -> dict[str, Any]:
    """Inline two-class targets for ``units`` outputs: a 0/1 column for one unit, one-hot for two."""
    if classes != 2 or not _inline(data) or _width(data.get("y")) == units:
        return data
    try:
        rows = [r if isinstance(r, list) else [r] for r in data["y"]]
        y = [[r[1]] for r in rows] if units == 1 else [[1 - r[0], r[0]] for r in rows]
    except (TypeError, IndexError, KeyError):
        return data  # malformed: building the data names the problem
    return {**data, "y": y}
