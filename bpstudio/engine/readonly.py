"""Arrays nobody can write to: what states, snapshots and results hand out (to the UI, to other threads)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def read_only(x: ArrayLike, copy: bool = True) -> np.ndarray:
    """``x`` as a read-only float64 copy; with ``copy=False``, the array itself marked read-only (for an array
    just made, that nobody else holds)."""
    out = np.array(x, dtype=np.float64) if copy else np.asarray(x)
    out.setflags(write=False)
    return out
