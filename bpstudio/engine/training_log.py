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
    ratio_l, weights_l, gate_l, saturated_l, dead_l, for l = 1 … L − 1: why they vanish, on the training set
                    (see ``gradient_flow``: ‖δˡ‖/‖δˡ⁺¹‖ = weights part × f′ gate part; saturated and dead units)

Storage grows by doubling; past ``MAX_ROWS`` every other row is dropped, so memory stays bounded
however long a run goes, and a plot of the whole run keeps its shape.

One thread writes a log, any thread reads it through a ``LogView``: rows published are never written again
(growing, thinning, truncating, clearing move to a new buffer), so another log can ``follow`` without a copy."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from . import gradient_flow

Array = np.ndarray
FIXED_COLUMNS = ("iteration", "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")
MAX_ROWS = 250_000  # about 20 MB for a 3-layer network
_generations = itertools.count(1)  # one count for every log: a reader that follows another log starts over


def columns(layers: int) -> tuple[str, ...]:
    return old_columns(layers) + gradient_flow.columns(layers)


def old_columns(layers: int) -> tuple[str, ...]:
    """The columns before the gradient-flow ones came (a log saved then is read with those left empty)."""
    return FIXED_COLUMNS + tuple(f"grad_{l}" for l in range(1, layers + 1))


@dataclass(frozen=True)
class LogView:
    """A log's rows as they were when published: read-only, and never rewritten."""

    layers: int
    generation: int  # changes when rows are cleared, truncated or thinned (a reader holding an offset starts over)
    rows: Array


class TrainingLog:
    """Table of float64 rows, appended to by one thread, read through views by any."""

    def __init__(self, layers: int, max_rows: int = MAX_ROWS) -> None:
        self._max = max_rows
        self._data: Array = np.empty((0, 0))
        self._n = 0
        self.view: LogView
        self.reset(layers)

    # ----- reading: everything comes from the view shown ----------------------------------
    def follow(self, view: LogView) -> None:
        """Show the rows of another log (written in another thread, perhaps); this log is not written to."""
        self.view, self.layers, self.generation = view, view.layers, view.generation
        self.names = columns(view.layers)

    def __len__(self) -> int:
        return len(self.view.rows)

    def column(self, name: str) -> Array:
        """A read-only view of one column."""
        return self.view.rows[:, self.names.index(name)]

    def gradient(self, layer: int) -> Array:
        return self.column(f"grad_{layer}")

    def flow(self, kind: str, layer: int) -> Array:
        """One of ``gradient_flow.KINDS`` for layer l < L (ratio, weights, gate, saturated, dead)."""
        return self.column(f"{kind}_{layer}")

    def rows(self, start: int = 0) -> Array:
        """A copy of the rows from ``start`` on."""
        return self.view.rows[start:].copy()

    @property
    def last(self) -> dict[str, float] | None:
        rows = self.view.rows
        return dict(zip(self.names, (float(v) for v in rows[-1]), strict=True)) if len(rows) else None

    # ----- writing ------------------------------------------------------------------------
    def reset(self, layers: int) -> None:
        """Empty, for a network of ``layers`` layers."""
        self.names, self._layers = columns(layers), layers
        self._move(np.empty((0, len(self.names))))

    def append(self, rows: Array) -> None:
        rows = np.atleast_2d(np.asarray(rows, dtype=np.float64))
        if rows.size == 0:
            return
        if rows.shape[1] != len(self.names):
            raise ValueError(f"rows have {rows.shape[1]} columns, the log has {len(self.names)}")
        need = self._n + len(rows)
        if need > len(self._data):  # a new buffer: the rows published stay where they are
            grown = np.empty((max(need, 2 * len(self._data)), len(self.names)))
            grown[: self._n] = self._data[: self._n]
            self._data = grown
        self._data[self._n : need] = rows
        self._n = need
        if self._n > self._max:  # keep every other row: bounded memory, the same curve shape
            kept = self._data[: self._n : 2]
            while len(kept) > self._max:
                kept = kept[::2]
            self._move(kept)
        else:
            self._publish(self.generation)

    def truncate(self, iteration: float) -> None:
        """Forget rows after ``iteration`` (stepping back past an update un-does it)."""
        keep = int(np.searchsorted(self._data[: self._n, 0], iteration, side="right"))
        if keep < self._n:
            self._move(self._data[:keep])

    def clear(self) -> None:
        self._move(self._data[:0])

    def _move(self, rows: Array) -> None:
        """Start a new buffer holding ``rows`` (the rows earlier views show are not overwritten), a new generation."""
        self._data = np.empty((max(64, 2 * len(rows)), len(self.names)))
        self._n = len(rows)
        self._data[: self._n] = rows
        self._publish(next(_generations))

    def _publish(self, generation: int) -> None:
        rows = self._data[: self._n]
        rows.flags.writeable = False
        self.follow(LogView(self._layers, generation, rows))
