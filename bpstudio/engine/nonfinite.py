"""Which quantity a stage made NaN or ∞ first, named as a learner would look for it (z before a before the loss …)."""

from __future__ import annotations

from collections import deque

import numpy as np

LAST_ROWS = 3  # iterations before a divergence: a row each (the curve reaches the mark)
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


def replay(s, floor: int, end: int, write_row, diverged) -> None:
    """Step stepper ``s`` to the first NaN or ∞ (``diverged(snap)`` then steps back off it), writing the rows of
    the iterations after ``floor`` (the last row kept) with ``write_row(completed, params)``: one in ``every``,
    and each of the last LAST_ROWS before the divergence."""
    every = max(1, (end - s.completed_iterations) // 40)
    recent: deque[tuple[int, object]] = deque()  # (iteration, weights): rows wait LAST_ROWS
    for _ in range(10_000_000):
        snap = s.step()
        if first_nonfinite(snap.arrays, snap.changed) is not None:
            for row in recent:
                write_row(*row)
            diverged(snap)
            return
        if s.complete and s.completed_iterations > floor:
            recent.append((s.completed_iterations, s.parameters))
            if len(recent) > LAST_ROWS and (row := recent.popleft())[0] % every == 0:
                write_row(*row)
    raise AssertionError("the non-finite numbers did not come back when the slice was replayed")
