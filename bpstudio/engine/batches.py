"""Which samples each iteration trains on. An epoch is the samples in an order, cut into batches of ``size``
(the last may be smaller); the order is shuffled from (seed, epoch), so any batch can be rebuilt without
replaying a random stream. A full batch is never shuffled: the samples in the order given."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .readonly import read_only
from .spec import TrainingSpec

Array = np.ndarray


@dataclass(frozen=True)
class Batches:
    x: Array  # (n⁰, N), column convention
    y: Array  # (nᴸ, N)
    size: int  # samples per batch
    shuffle: bool
    seed: int

    @staticmethod
    def of(x: Array, y: Array, training: TrainingSpec) -> Batches:
        n, size = int(x.shape[1]), training.batch_size
        return Batches(x, y, n if size == 0 or size >= n else size, training.shuffle, training.seed)

    @property
    def full(self) -> bool:
        return self.size == self.x.shape[1]

    @property
    def per_epoch(self) -> int:
        return -(-int(self.x.shape[1]) // self.size)

    def order(self, epoch: int) -> Array:
        n = int(self.x.shape[1])
        if self.shuffle and not self.full:
            return np.random.default_rng([self.seed, epoch]).permutation(n)
        return np.arange(n)

    def get(self, epoch: int, batch: int, order: Array | None = None) -> tuple[Array, Array]:
        """(x, y) of batch ``batch`` of epoch ``epoch``, read-only; ``order`` is the epoch's when known already."""
        if self.full:
            return self.x, self.y
        cols = (self.order(epoch) if order is None else order)[batch * self.size : (batch + 1) * self.size]
        return read_only(self.x[:, cols], copy=False), read_only(self.y[:, cols], copy=False)

    def following(self, epoch: int, batch: int) -> tuple[int, int]:
        batch += 1
        return (epoch + 1, 0) if batch == self.per_epoch else (epoch, batch)
