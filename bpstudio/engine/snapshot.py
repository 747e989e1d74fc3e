"""Immutable state after a stage: what the UI shows and what a ``.npz`` snapshot holds.

Arrays are copies marked read-only, keyed as in the snapshot file format: ``L{l}/W``,
``L{l}/b``, ``L{l}/z``, ``L{l}/a``, ``L{l}/delta``, ``L{l}/dW``, ``L{l}/db`` (column
convention), ``input`` (A⁰), ``target`` (Y), ``grad_a`` (∇ₐL), ``losses`` (per sample).
A quantity not yet computed in the current iteration is absent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from .optimizers import Moments
from .readonly import read_only
from .spec import NetworkSpec
from .stages import Stage
from .update_ledger import LedgerEntry

QUANTITIES = ("W", "b", "z", "a", "delta", "dW", "db")


def key(quantity: str, layer: int) -> str:
    return f"L{layer}/{quantity}"


@dataclass(frozen=True)
class Planted:
    """A planted mistake's snapshot: its id, and the correct values (the engine's own, from the same weights and
    batch) of the quantities the buggy iteration has computed so far, to mark every entry that differs."""

    mistake: str
    correct: Mapping[str, np.ndarray]
    loss: float | None = None  # the correct batch loss

    def wrong(self, made: str, array: np.ndarray | None) -> np.ndarray | None:
        """Where ``array`` (the buggy ``made``) differs from the correct one; None if there is none to compare."""
        right = self.correct.get(made)
        if right is None or array is None or right.shape != array.shape:
            return None
        return ~((right == array) | (np.isnan(right) & np.isnan(array)))


@dataclass(frozen=True)
class Snapshot:
    spec: NetworkSpec
    stage: Stage | None  # the stage just completed; None at the start of a run
    next_stage: Stage
    position: int  # stages of the current iteration already done (0 … 2L+2)
    iteration: int  # 0-based count of iterations before the current one
    epoch: int  # 0-based epoch of the current iteration
    batch: int  # 0-based index of the current batch within its epoch
    arrays: Mapping[str, np.ndarray]
    loss: float | None  # batch mean loss, once the loss stage has run
    changed: frozenset[str]  # keys the stage just taken computed
    ledger: tuple[LedgerEntry, ...] = ()  # the last updates' predicted and real loss changes (``update_ledger``)
    planted: Planted | None = None  # a mistake planted in the code panel (``planted``), with the correct values
    moments: Moments | None = None  # the optimizer's v, s and t as they are now (with the weights above)

    def get(self, quantity: str, layer: int) -> np.ndarray | None:
        return self.arrays.get(key(quantity, layer))

    @property
    def batch_size(self) -> int:
        return int(self.arrays["input"].shape[1])

    @staticmethod
    def build(spec: NetworkSpec, stage: Stage | None, next_stage: Stage, position: int, iteration: int, epoch: int,
              batch: int, arrays: Mapping[str, np.ndarray], loss: float | None, changed: frozenset[str],
              ledger: tuple[LedgerEntry, ...] = (), moments: Moments | None = None) -> Snapshot:
        frozen = MappingProxyType({k: read_only(v) for k, v in arrays.items()})
        return Snapshot(spec, stage, next_stage, position, iteration, epoch, batch, frozen, loss, changed, ledger,
                        moments=moments)  # (the moments' arrays are never changed in place: shared, not copied)
