"""Built-in data generators. Each returns samples as rows (N, d) with targets (N, k).

Classification generators also return integer labels; their targets are encoded for the
network's output layer by ``encode_labels`` (one-hot for k outputs, 0/1 for one output).
Every generator is seeded, so a project that names a generator and a seed is reproducible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .errors import ValidationError, finite, require, whole
from .i18n import translate

Array = np.ndarray


@dataclass(frozen=True)
class Dataset:
    x: Array  # (N, d), one sample per row
    y: Array  # (N, k) targets
    labels: Array | None = None  # (N,) class index, for classification
    name: str = ""


def _xor(rng: np.random.Generator, n: int, noise: float) -> tuple[Array, Array]:
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    idx = np.arange(n) % 4
    x = corners[idx] + rng.normal(0.0, noise, (n, 2))
    return x, (idx == 1) | (idx == 2)


def _circles(rng: np.random.Generator, n: int, noise: float) -> tuple[Array, Array]:
    labels = np.arange(n) % 2
    radius = np.where(labels == 0, 1.0, 0.5)
    t = rng.uniform(0.0, 2 * np.pi, n)
    x = np.column_stack([radius * np.cos(t), radius * np.sin(t)]) + rng.normal(0.0, noise, (n, 2))
    return x, labels


def _moons(rng: np.random.Generator, n: int, noise: float) -> tuple[Array, Array]:
    labels = np.arange(n) % 2
    t = rng.uniform(0.0, np.pi, n)
    x = np.where(labels[:, None] == 0, np.column_stack([np.cos(t), np.sin(t)]),
                 np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)]))
    return x + rng.normal(0.0, noise, (n, 2)), labels


def _spiral(rng: np.random.Generator, n: int, noise: float, classes: int) -> tuple[Array, Array]:
    labels = np.arange(n) % classes
    r = rng.uniform(0.05, 1.0, n)
    t = labels * (2 * np.pi / classes) + r * 4.0 + rng.normal(0.0, noise, n)
    return np.column_stack([r * np.sin(t), r * np.cos(t)]), labels


def _blobs(rng: np.random.Generator, n: int, noise: float, classes: int) -> tuple[Array, Array]:
    labels = np.arange(n) % classes
    angle = 2 * np.pi * np.arange(classes) / classes
    centres = 2.0 * np.column_stack([np.cos(angle), np.sin(angle)])
    return centres[labels] + rng.normal(0.0, max(noise, 1e-9), (n, 2)), labels


def _sine(rng: np.random.Generator, n: int, noise: float) -> tuple[Array, Array]:
    x = np.sort(rng.uniform(-np.pi, np.pi, n))
    return x[:, None], (np.sin(x) + rng.normal(0.0, noise, n))[:, None]


GENERATORS: dict[str, Callable[..., tuple[Array, Array]]] = {
    "xor": _xor, "circles": _circles, "moons": _moons, "spiral": _spiral, "blobs": _blobs, "sine": _sine,
}
REGRESSION = {"sine"}
MULTICLASS = {"spiral", "blobs"}
MAX_SAMPLES = 1_000_000
MAX_NOISE = 1000.0  # the generators draw within about ±1: far beyond, the points are noise (and, near 1e308, ∞)
DEFAULT_SAMPLES = 200


def encode_labels(labels: Array, classes: int, outputs: int, field: str = "data") -> Array:
    """Targets for ``outputs`` output units: 0/1 in one column, or one-hot in ``classes`` columns."""
    if outputs == 1 and classes == 2:
        return labels.astype(np.float64)[:, None]
    if outputs == classes:
        return np.eye(classes)[labels]
    if classes == 2:
        message = translate("Datasets", "the data has {classes} classes, so the output layer needs {classes} units "
                                        "(one-hot) or 1 unit (0/1), but it has {outputs}")
    else:
        message = translate("Datasets", "the data has {classes} classes, so the output layer needs {classes} units "
                                        "(one-hot), but it has {outputs}")
    raise ValidationError(field, message.format(classes=classes, outputs=outputs))


def generate(name: str, params: dict, outputs: int, field: str = "data") -> Dataset:
    """Run a named generator with its parameters (n, noise, seed, classes)."""
    require(name in GENERATORS, f"{field}.generator", translate(
        "Datasets", "unknown generator {name!r}; choose one of {choices}"), name=name, choices=", ".join(GENERATORS))
    extra = set(params) - {"n", "noise", "seed", "classes"}
    require(not extra, f"{field}.params", translate("Datasets", "unknown parameter(s) {names}"),
            names=", ".join(sorted(extra)))
    n, noise, seed = params.get("n", DEFAULT_SAMPLES), params.get("noise", 0.1), params.get("seed", 0)
    require(whole(n) and 1 <= n <= MAX_SAMPLES, f"{field}.params.n", translate(
        "Datasets", "must be a whole number from 1 to {most}, got {value!r}"), most=MAX_SAMPLES, value=n)
    require(finite(noise) and 0 <= noise <= MAX_NOISE, f"{field}.params.noise", translate(
        "Datasets", "must be a number from 0 to {most}, got {value!r}"), most=f"{MAX_NOISE:g}", value=noise)
    require(whole(seed) and seed >= 0, f"{field}.params.seed", translate(
        "Datasets", "must be a whole number ≥ 0, got {value!r}"), value=seed)
    rng = np.random.default_rng(seed)
    if name in MULTICLASS:
        classes = params.get("classes", 3)
        require(whole(classes) and 2 <= classes <= 50, f"{field}.params.classes", translate(
            "Datasets", "must be a whole number from 2 to 50, got {value!r}"), value=classes)
        x, labels = GENERATORS[name](rng, n, float(noise), classes)
    else:
        classes = 2
        x, labels = GENERATORS[name](rng, n, float(noise))
    if name in REGRESSION:
        require(outputs == 1, field, translate(
            "Datasets", "{name} has 1 target value, but the output layer has {outputs} units"),
            name=name, outputs=outputs)
        return Dataset(x.astype(np.float64), labels.astype(np.float64), None, name)
    labels = np.asarray(labels, dtype=np.int64)
    return Dataset(x.astype(np.float64), encode_labels(labels, classes, outputs, field), labels, name)


def split_dataset(ds: Dataset, test_fraction: float, seed: int = 0) -> tuple[Dataset, Dataset | None]:
    """A seeded random split into (training, test); at least one sample stays for training."""
    n = len(ds.x)
    n_test = min(int(round(n * test_fraction)), n - 1)
    if n_test <= 0:
        return ds, None
    order = np.random.default_rng(seed).permutation(n)
    test_idx, train_idx = np.sort(order[:n_test]), np.sort(order[n_test:])

    def part(idx: Array, suffix: str) -> Dataset:
        labels = None if ds.labels is None else ds.labels[idx]
        return Dataset(ds.x[idx], ds.y[idx], labels, f"{ds.name} ({suffix})")

    return part(train_idx, "training"), part(test_idx, "test")
