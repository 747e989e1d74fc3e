"""Which samples the data view draws and in which class: at most MAX_POINTS per set, the same ones every time."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.datasets import Dataset
from bpstudio.engine.metrics import is_classification

MAX_POINTS = 4000  # per set; more are thinned (seeded) so every repaint stays quick


def labels_of(ds: Dataset) -> np.ndarray | None:
    """Class indices: the data's own, or read from 0/1 or one-hot targets; None for regression."""
    if ds.labels is not None:
        return ds.labels
    if len(ds.y) and is_classification(ds.y.T):
        return ds.y[:, 0].astype(np.int64) if ds.y.shape[1] == 1 else np.argmax(ds.y, axis=1)
    return None


def thinned(n: int) -> np.ndarray:
    """Indices of at most MAX_POINTS samples, the same ones every time."""
    return np.arange(n) if n <= MAX_POINTS else np.sort(np.random.default_rng(0).choice(n, MAX_POINTS, replace=False))
