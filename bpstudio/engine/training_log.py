"""What training has measured so far: one row per probe (loss, accuracy, gradient size per layer).

A row is written after an iteration completes — every hand-stepped iteration, and during a run
at most a few hundred times a second, taking at most 1/20 of the time (the run decides). Columns:

    iteration       completed iterations (1 after the first update)
    epoch           completed epochs, fractional (iterations / batches per epoch)
    train_loss      mean loss over the whole training set, with the weights after that update
    test_loss       the same on the test set (NaN when there is none)
    train_accuracy  fraction classified right (NaN for a regression target)
    test_accuracy   the same on the test set
    grad_1 … grad_L mean |∂L/∂Wˡ| over the training set, per layer (vanishing / exploding gradients)

Storage grows by doubling; past ``MAX_ROWS`` every other row is dropped, so memory stays bounded
however long a run goes, and a plot of the whole run keeps its shape.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray
FIXED_COLUMNS = ("iteration", "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")
MAX_ROWS = 250_000  # about 20 MB for a 3-layer network


def columns(layers: int) -> tuple[str, ...]:
    return FIXED_COLUMNS + tuple(f"grad_{l}" for l in range(1, layers + 1))


class TrainingLog:
    """Append-only table of float64 rows. Not thread-safe: each thread keeps its own copy."""

    def __init__(self, layers: int, max_rows: int = MAX_ROWS) -> None:
        self._max = max_rows
        self.generation = 0  # counts clears, truncations and thinnings: a reader holding an offset starts over
        self.reset(layers)

    def reset(self, layers: int) -> None:
        """Empty, for a network of ``layers`` layers (the same object, so views keep their reference)."""
        self.layers = layers
        self.names = columns(layers)
        self._data = np.empty((64, len(self.names)))
        self._n = 0
        self.generation += 1

    def __len__(self) -> int:
        return self._n

    def append(self, rows: Array) -> None:
        rows = np.atleast_2d(np.asarray(rows, dtype=np.float64))
        if rows.size == 0:
            return
        if rows.shape[1] != len(self.names):
            raise ValueError(f"rows have {rows.shape[1]} columns, the log has {len(self.names)}")
        need = self._n + len(rows)
        if need > len(self._data):
            grown = np.empty((max(need, 2 * len(self._data)), len(self.names)))
            grown[: self._n] = self._data[: self._n]
            self._data = grown
        self._data[self._n : need] = rows
        self._n = need
        while self._n > self._max:  # keep every other row: bounded memory, the same curve shape
            kept = self._data[: self._n : 2].copy()
            self._n = len(kept)
            self._data[: self._n] = kept
            self.generation += 1

    def truncate(self, iteration: float) -> None:
        """Forget rows after ``iteration`` (stepping back past an update un-does it)."""
        keep = int(np.searchsorted(self._data[: self._n, 0], iteration, side="right"))
        if keep < self._n:
            self._n = keep
            self.generation += 1

    def clear(self) -> None:
        self._n = 0
        self.generation += 1

    def column(self, name: str) -> Array:
        """A read-only view of one column (valid until the next append)."""
        view = self._data[: self._n, self.names.index(name)]
        view.flags.writeable = False
        return view

    def gradient(self, layer: int) -> Array:
        return self.column(f"grad_{layer}")

    def rows(self, start: int = 0) -> Array:
        """A copy of the rows from ``start`` on."""
        return self._data[start : self._n].copy()

    @property
    def last(self) -> dict[str, float] | None:
        if not self._n:
            return None
        return dict(zip(self.names, (float(v) for v in self._data[self._n - 1]), strict=True))
