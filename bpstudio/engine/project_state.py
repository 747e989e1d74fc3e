"""Where training had got to, saved with a project (format version 2): the iteration, its batch, how many
of its stages were done, the weights (and momentum) at its start, and the training log (version 3: with the
gradient-flow columns; a log of version 2's columns is read with those columns empty). Version 4 saves the
optimizer's state as ``moments`` (v, s and t of SGD with momentum, RMSProp or Adam); an older file's
``velocity`` is read as SGD's v.

Opening such a project replays those stages from those weights, so every number on screen is exactly what
it was when it was saved. The project's own starting weights (or initialiser) stay as they were: Reset
still goes back to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .array_checks import check_moments, check_parameters
from .backprop import ParamTuple
from .errors import ValidationError, require, whole
from .i18n import translate
from .optimizers import Moments
from .project_data import number_rows  # the same number checks as the project file's
from .spec import NetworkSpec, reject_unknown_keys
from .training_log import columns, old_columns

Array = np.ndarray
MAX_SAVED_ROWS = 5000  # a longer log is thinned evenly (the last row always kept)
KEYS = {"iteration", "epoch", "batch", "position", "parameters", "velocity", "moments", "log"}
MOMENT_KEYS = {"optimizer", "t", "v", "s"}


@dataclass(frozen=True)
class ProjectState:
    iteration: int  # 0-based, as in the engine
    epoch: int
    batch: int
    position: int  # stages of this iteration done
    params: ParamTuple  # (W, b) per layer at the start of this iteration
    moments: Moments | None = None  # the optimizer's v, s and t at the start of this iteration
    log: Array | None = None  # training-log rows (see training_log.columns)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "iteration": self.iteration, "epoch": self.epoch, "batch": self.batch, "position": self.position,
            "parameters": [{"W": W.tolist(), "b": b[:, 0].tolist()} for W, b in self.params],
        }
        if self.moments is not None:
            m = self.moments
            d["moments"] = {"optimizer": m.optimizer, "t": m.t, **{name: [
                {"W": W.tolist(), "b": b[:, 0].tolist()} for W, b in pairs] for name, pairs in (("v", m.v), ("s", m.s))
                if pairs is not None}}
        if self.log is not None and len(self.log):
            rows = thinned(self.log)
            d["log"] = {"columns": list(columns(len(self.params))),
                        "rows": [[None if not np.isfinite(v) else float(v) for v in row] for row in rows]}
        return d


def thinned(rows: Array, most: int = MAX_SAVED_ROWS) -> Array:
    if len(rows) <= most:
        return rows
    keep = np.unique(np.r_[np.linspace(0, len(rows) - 1, most).round().astype(int), len(rows) - 1])
    return rows[keep]


def state_from_dict(d: object, network: NetworkSpec, where: str = "state") -> ProjectState:
    if not isinstance(d, dict):
        raise ValidationError(where, translate("ProjectState", "must be an object"))
    reject_unknown_keys(d, KEYS, where)
    counts = ("iteration", "epoch", "batch", "position")
    for key in counts:
        require(whole(d.get(key)) and d[key] >= 0, f"{where}.{key}", translate(
            "ProjectState", "must be a whole number ≥ 0, got {value!r}"), value=d.get(key))
    iteration, epoch, batch, position = (d[key] for key in counts)
    require(position <= 2 * network.depth + 2, f"{where}.position", translate(
        "ProjectState", "an iteration has {stages} stages, got {position}"),
        stages=2 * network.depth + 2, position=position)

    def pairs(key: str, d: dict = d, where: str = where) -> ParamTuple:
        raw = d.get(key)
        if not isinstance(raw, list):
            raise ValidationError(f"{where}.{key}", translate(
                "ProjectState", "must be a list with one {W, b} per layer"))
        out = []
        for i, item in enumerate(raw):
            at = f"{where}.{key}[{i}]"
            require(isinstance(item, dict) and set(item) == {"W", "b"}, at,
                    translate("ProjectState", "must be an object with W and b"))
            out.append((number_rows(item["W"], f"{at}.W"), number_rows(item["b"], f"{at}.b")))
        return check_parameters(network, out)

    params = pairs("parameters")
    moments = Moments("sgd", pairs("velocity")) if d.get("velocity") is not None else None  # versions 2 and 3
    if d.get("moments") is not None:
        raw, at = d["moments"], f"{where}.moments"
        require(isinstance(raw, dict), at, translate("ProjectState", "must be an object"))
        reject_unknown_keys(raw, MOMENT_KEYS, at)
        v, s = (pairs(k, raw, at) if raw.get(k) is not None else None for k in ("v", "s"))
        moments = check_moments(network, Moments(raw.get("optimizer"), v, s, raw.get("t", 0)), at)
    log = _log(d["log"], network.depth, f"{where}.log") if d.get("log") is not None else None
    return ProjectState(iteration, epoch, batch, position, params, moments, log)


def _log(d: object, depth: int, where: str) -> Array:
    if not isinstance(d, dict) or set(d) != {"columns", "rows"}:
        raise ValidationError(where, translate("ProjectState", "must be an object with columns and rows"))
    older = d["columns"] == list(old_columns(depth))  # saved before the gradient-flow columns: those stay empty
    require(older or d["columns"] == list(columns(depth)), f"{where}.columns",
            translate("ProjectState", "must be {columns}"), columns=list(columns(depth)))
    rows = d["rows"]
    require(isinstance(rows, list) and all(isinstance(r, list) and len(r) == len(d["columns"]) for r in rows),
            f"{where}.rows", translate("ProjectState", "must be rows of {count} numbers (null for none)"),
            count=len(d["columns"]))
    try:
        read = np.array([[np.nan if v is None else float(v) for v in r] for r in rows], dtype=np.float64)
    except (TypeError, ValueError):
        raise ValidationError(f"{where}.rows", translate("ProjectState", "must hold numbers or null")) from None
    out = np.full((len(rows), len(columns(depth))), np.nan)
    out[:, : len(d["columns"])] = read.reshape(len(rows), len(d["columns"]))
    return out
