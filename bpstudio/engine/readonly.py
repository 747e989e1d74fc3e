"""Arrays nobody can write to: what states, snapshots and results hand out (to the UI, to other threads)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike


def read_only(x: ArrayLike, copy: bool = True) -> np.ndarray:
    """``x`` as a read-only float64 copy; with ``copy=False``, the array itself marked read-only (for an array
    just made, that nobody else holds)."""
    out = np.array(x, dtype=np.float64) if copy else np.asarray(x)
    out.setflags(write=False)
    return out


def read_only_pairs(pairs: Iterable[tuple[np.ndarray, np.ndarray]]) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    """(W, b) or (vW, vb) pairs just made, marked read-only (not copied)."""
    return tuple((read_only(W, copy=False), read_only(b, copy=False)) for W, b in pairs)
