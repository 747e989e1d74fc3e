"""Data and parameters checked against a network before the stepper takes them: shapes, numbers, ranges.
Every check returns read-only float64 copies; every failure is a ValidationError naming the field."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .backprop import ParamTuple
from .errors import ValidationError, require
from .i18n import translate
from .optimizers import Moments
from .readonly import read_only
from .snapshot import key
from .spec import OPTIMIZERS, NetworkSpec

Array = np.ndarray


def edited_parameters(spec: NetworkSpec, params: ParamTuple, layer: int, name: str, index: tuple[int, int],
                      value: float) -> ParamTuple:
    """``params`` with entry ``index`` of Wˡ or bˡ (``name``, ``layer``) set to ``value``, once the edit is checked."""
    require(_whole(layer) and 1 <= layer <= spec.depth, "layer",
            translate("Stepper", "must be from 1 to {depth}, got {value!r}"), depth=spec.depth, value=layer)
    require(name in ("W", "b"), "name", translate("Stepper", "must be W or b, got {value!r}"), value=name)
    require(not isinstance(value, bool) and isinstance(value, (int, float, np.number)) and np.isfinite(value),
            key(name, layer), translate("Stepper", "must be a finite number, got {value!r}"), value=value)
    W, b = params[layer - 1]
    target = W if name == "W" else b
    require(isinstance(index, (tuple, list)) and len(index) == 2 and all(_whole(i) for i in index), key(name, layer),
            translate("Stepper", "index must be two whole numbers (row, column), got {index!r}"), index=index)
    j, k = index
    require(0 <= j < target.shape[0] and 0 <= k < target.shape[1], key(name, layer),
            translate("Stepper", "index {index} is outside shape {shape}"), index=index, shape=target.shape)
    new = target.copy()
    new[j, k] = value
    pair = (read_only(new, copy=False), b) if name == "W" else (W, read_only(new, copy=False))
    return tuple(pair if i == layer - 1 else p for i, p in enumerate(params))


def _whole(x: object) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, bool)


def check_parameters(spec: NetworkSpec, params: Sequence[tuple[Array, Array]], field: str = "parameters") -> ParamTuple:
    """Validate explicit (W, b) pairs against the spec; returns read-only float64 copies."""
    require(len(params) == spec.depth, field, translate(
        "Stepper", "{count} layers of parameters given, the network has {depth}"), count=len(params), depth=spec.depth)
    out = []
    sizes = spec.sizes
    for l, (W_in, b_in) in enumerate(params, start=1):
        where = f"{field}[{l - 1}]"
        try:
            W, b = read_only(W_in), read_only(b_in)
        except (TypeError, ValueError) as exc:
            raise ValidationError(where, translate(
                "Stepper", "must hold numbers in rectangular lists ({reason})").format(reason=exc)) from None
        if b.ndim == 1:
            b = b.reshape(-1, 1)
        require(W.shape == (sizes[l], sizes[l - 1]), f"{where}.W", translate(
            "Stepper", "has shape {shape}, but W{l} must be (n{l}, n{previous}) = {expected}"),
            shape=W.shape, l=l, previous=l - 1, expected=(sizes[l], sizes[l - 1]))
        require(b.shape == (sizes[l], 1), f"{where}.b", translate("Stepper", "needs {count} values, got shape {shape}"),
                count=sizes[l], shape=b.shape)
        for name, arr in (("W", W), ("b", b)):
            require(np.all(np.isfinite(arr)), f"{where}.{name}", translate("Stepper", "contains NaN or infinity"))
        out.append((W, b))
    return tuple(out)


def check_data(spec: NetworkSpec, x: Array, y: Array) -> tuple[Array, Array]:
    """Validate data in column convention, x (n⁰, N) and y (nᴸ, N); returns read-only copies."""
    try:
        x, y = read_only(x), read_only(y)
    except (TypeError, ValueError) as exc:
        raise ValidationError("data", translate(
            "Stepper", "must hold numbers in rectangular lists ({reason})").format(reason=exc)) from None
    require(x.ndim == 2 and y.ndim == 2, "data",
            translate("Stepper", "inputs and targets must be 2-D (features × samples)"))
    require(x.shape[1] > 0, "data.x", translate("Stepper", "there are no samples"))
    require(x.shape[0] == spec.input_size, "data.x", translate(
        "Stepper", "samples have {count} features, but the network's input size is {size}"),
        count=x.shape[0], size=spec.input_size)
    n_out = spec.layers[-1].units
    require(y.shape[0] == n_out, "data.y", translate(
        "Stepper", "targets have {count} values, but the output layer has {units} units"),
        count=y.shape[0], units=n_out)
    require(y.shape[1] == x.shape[1], "data.y", translate("Stepper", "{targets} targets for {samples} samples"),
            targets=y.shape[1], samples=x.shape[1])
    for name, arr in (("x", x), ("y", y)):
        bad = np.argwhere(~np.isfinite(arr))
        if len(bad):
            sample, value = bad[0][1] + 1, bad[0][0] + 1  # counted from 1, for people
            raise ValidationError(f"data.{name}", translate(
                "Stepper", "sample {sample} has NaN or infinity (in value {value})").format(sample=sample, value=value))
    loss = spec.loss_fn
    if loss.fused_with is not None:
        require(not (np.any(y < 0) or np.any(y > 1)), "data.y",
                translate("Stepper", "{loss} needs targets between 0 and 1"), loss=loss.name)
        require(loss.name != "cross_entropy" or np.allclose(y.sum(axis=0), 1.0), "data.y", translate(
            "Stepper", "cross_entropy needs each target to sum to 1 (one-hot or probabilities)"))
    return x, y


def check_moments(spec: NetworkSpec, moments: Moments | None, field: str = "moments") -> Moments | None:
    """An optimizer's saved state checked as parameters are (and s ≥ 0, t a whole number ≥ 0)."""
    if moments is None:
        return None
    require(moments.optimizer in OPTIMIZERS, f"{field}.optimizer", translate(
        "Stepper", "must be one of {choices}, got {value!r}"), choices=", ".join(OPTIMIZERS), value=moments.optimizer)
    v = None if moments.v is None else check_parameters(spec, moments.v, f"{field}.v")
    s = None if moments.s is None else check_parameters(spec, moments.s, f"{field}.s")
    require(s is None or all((a >= 0).all() and (c >= 0).all() for a, c in s), f"{field}.s",
            translate("Stepper", "a mean of squares cannot be negative"))
    require(_whole(moments.t) and moments.t >= 0, f"{field}.t",
            translate("Stepper", "must be a whole number ≥ 0, got {value!r}"), value=moments.t)
    return Moments(moments.optimizer, v, s, moments.t)
