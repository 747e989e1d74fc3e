"""A project's data section: a named generator with its parameters, a shipped dataset, or inline rows
(one sample per row, as a person writes a table), with an optional seeded test split."""

from __future__ import annotations

import math

import numpy as np

from .builtin_datasets import builtin_dataset
from .datasets import DEFAULT_SAMPLES, MAX_SAMPLES, Dataset, generate
from .errors import ValidationError, require, whole
from .i18n import translate
from .spec import NetworkSpec, reject_unknown_keys

SPLIT_KEYS = {"test_fraction", "split_seed"}
MAX_VALUES = 10_000_000  # numbers in one inline table (x, y, or a layer's weights): 80 MB as float64


def load_data(data: object, network: NetworkSpec, where: str = "data") -> Dataset:
    """All the samples (training and test together)."""
    if not isinstance(data, dict):
        raise ValidationError(where, translate("Project", "must be an object with a generator, a dataset, or x and y"))
    split_settings(data, where)
    if "generator" in data:
        reject_unknown_keys(data, {"generator", "params"} | SPLIT_KEYS, where)
        params = data.get("params", {})
        require(isinstance(params, dict), f"{where}.params", translate("Project", "must be an object"))
        return generate(str(data["generator"]), params, network.layers[-1].units, where)
    if "dataset" in data:
        reject_unknown_keys(data, {"dataset", "standardize"} | SPLIT_KEYS, where)
        standardize = data.get("standardize", False)
        require(isinstance(standardize, bool), f"{where}.standardize",
                translate("Project", "must be true or false, got {value!r}"), value=standardize)
        return builtin_dataset(str(data["dataset"]), network.layers[-1].units, standardize, where)
    require("x" in data and "y" in data, where, translate("Project", "needs a generator, a dataset, or inline x and y"))
    reject_unknown_keys(data, {"x", "y", "features", "classes"} | SPLIT_KEYS, where)
    for key in ("features", "classes"):  # names for display only
        names = data.get(key)
        require(names is None or (isinstance(names, list) and all(isinstance(n, str) for n in names)), f"{where}.{key}",
                translate("Project", "must be a list of names"))
    x, y = number_rows(data["x"], f"{where}.x"), number_rows(data["y"], f"{where}.y")
    require(x.shape[1] == network.input_size, f"{where}.x", translate(
        "Project", "rows have {count} values, but the network's input size is {size}"),
        count=x.shape[1], size=network.input_size)
    n_out = network.layers[-1].units
    require(y.shape[1] == n_out, f"{where}.y", translate(
        "Project", "rows have {count} values, but the output layer has {units} units"), count=y.shape[1], units=n_out)
    require(y.shape[0] == x.shape[0], f"{where}.y", translate(
        "Project", "{targets} target rows for {inputs} input rows"), targets=y.shape[0], inputs=x.shape[0])
    return Dataset(x, y, None, "inline")


def sample_count(data: object) -> int | None:
    """How many samples a data section holds or asks for, read before they are made (None: not yet known)."""
    if not isinstance(data, dict):
        return None
    if "generator" in data:
        params = data.get("params", {})
        n = params.get("n", DEFAULT_SAMPLES) if isinstance(params, dict) else None
        return n if whole(n) and 1 <= n <= MAX_SAMPLES else None
    x = data.get("x")
    return len(x) if isinstance(x, list) and 1 <= len(x) <= MAX_SAMPLES else None


def split_settings(data: dict, where: str = "data") -> tuple[float, int]:
    """(test fraction, seed) of a data section; (0, 0) when it keeps no test set."""
    fraction, seed = data.get("test_fraction", 0.0), data.get("split_seed", 0)
    require(not isinstance(fraction, bool) and isinstance(fraction, (int, float)) and 0 <= fraction < 1,
            f"{where}.test_fraction", translate(
                "Project", "must be a number from 0 up to (not including) 1, got {value!r}"), value=fraction)
    require(whole(seed) and seed >= 0, f"{where}.split_seed", translate(
        "Project", "must be a whole number ≥ 0, got {value!r}"), value=seed)
    return float(fraction), seed


def number_rows(rows: object, where: str) -> np.ndarray:
    """Rows of numbers → (N, d) float64; a flat list of numbers is one column (one value per row)."""
    if not isinstance(rows, list) or not rows:
        raise ValidationError(where, translate("Project", "must be a non-empty list of rows"))
    require(len(rows) <= MAX_SAMPLES, where, translate(
        "Project", "has {count:,} rows; BP Studio takes up to {most:,}"), count=len(rows), most=MAX_SAMPLES)
    first = rows[0]
    require(not isinstance(first, list) or len(rows) * len(first) <= MAX_VALUES, where, translate(
        "Project", "has {count:,} numbers; BP Studio takes up to {most:,} in one table"),
        count=len(rows) * len(first) if isinstance(first, list) else 0, most=MAX_VALUES)
    if all(isinstance(r, (int, float)) and not isinstance(r, bool) for r in rows):
        rows = [[r] for r in rows]
    width = None
    for i, row in enumerate(rows):
        if not isinstance(row, list):  # (no require() in these loops: thousands of rows, no messages built)
            raise ValidationError(f"{where}[{i}]", translate("Project", "must be a list of numbers"))
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise ValidationError(f"{where}[{i}]", translate("Project", "has {count} values, row 0 has {width}").format(
                count=len(row), width=width))
        for j, v in enumerate(row):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValidationError(f"{where}[{i}][{j}]", translate(
                    "Project", "must be a number, got {value!r}").format(value=v))
            if not _finite(v):
                raise ValidationError(f"{where}[{i}][{j}]", translate("Project", "is NaN or infinity"))
    require(width, where, translate("Project", "rows are empty"))
    return np.array(rows, dtype=np.float64)


def _finite(v: float) -> bool:
    try:
        return math.isfinite(v)
    except OverflowError:  # a whole number beyond floats (given as a Python int, not read from JSON)
        return False
