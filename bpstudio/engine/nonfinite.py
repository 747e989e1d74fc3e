"""Which quantity a stage made NaN or ∞ first, named as a learner would look for it (z before a before the loss …)."""

from __future__ import annotations

import numpy as np

ORDER = ("z", "a", "losses", "grad_a", "delta", "dW", "db", "W", "b")  # to name the first bad quantity


def first_nonfinite(arrays, changed) -> str | None:
    """The key, among those a stage just computed, of the first quantity holding NaN or ∞."""
    def rank(k: str) -> tuple[int, str]:
        name = k.rsplit("/", 1)[-1]
        return (ORDER.index(name) if name in ORDER else len(ORDER), k)

    for k in sorted(changed, key=rank):
        v = arrays.get(k)
        if v is not None and not np.isfinite(v).all():
            return k
    return None
