"""The stepper's states, and the bounded history of them that step back returns to.

A state is a small record of references to arrays that are never modified in place, so a history entry
costs only the arrays its stage created; the history drops its oldest entries beyond a count and a memory
budget, so memory stays bounded however long a run goes.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from .backprop import ParamTuple
from .optimizers import Buffers, Moments
from .stages import Stage
from .update_ledger import LedgerEntry

Array = np.ndarray
HISTORY_LIMIT = 512  # stages kept for step back
HISTORY_BYTES = 256 * 2**20  # and at most about this much memory of arrays kept only for stepping back


@dataclass(frozen=True)
class State:
    params: ParamTuple
    position: int  # stages of this iteration already done
    iteration: int
    epoch: int
    batch: int
    cache: dict[str, Array] = field(default_factory=dict)  # z, a, delta, dW, db, grad_a, losses
    loss: float | None = None
    last: Stage | None = None
    changed: frozenset[str] = frozenset()
    cost: int = 0  # bytes of the arrays this state's stage created (what keeping it in history costs)
    moments: Moments | None = None  # the optimizer's v, s, t (``optimizers``); None means zeros (or plain descent)
    ledger: tuple[LedgerEntry, ...] = ()  # the last updates: predicted and real loss changes (``update_ledger``)

    def writable(self, optimizer: str) -> tuple[list[tuple[Array, Array]], Buffers]:
        """Copies of the weights and of ``optimizer``'s moments, for an update to write into (the state's are
        shared); another optimizer's moments (the settings changed) are not its: it starts from zeros."""
        return [(W.copy(), b.copy()) for W, b in self.params], Buffers(optimizer, self.params, self.moments)


class History:
    """States to step back to, oldest first: at most ``limit`` of them and about ``budget`` bytes of arrays
    (a 4096-unit layer makes every update cost hundreds of MB)."""

    def __init__(self, limit: int = HISTORY_LIMIT, budget: int = HISTORY_BYTES) -> None:
        self._states: deque[State] = deque()
        self.limit, self.budget, self.bytes = limit, budget, 0

    def __len__(self) -> int:
        return len(self._states)

    def remember(self, state: State) -> None:
        self._states.append(state)
        self.bytes += state.cost
        while self._states and (len(self._states) > self.limit or self.bytes > self.budget):
            self.bytes -= self._states.popleft().cost

    def pop(self) -> State:
        state = self._states.pop()
        self.bytes -= state.cost
        return state

    def clear(self) -> None:
        self._states.clear()
        self.bytes = 0

    def recent(self, count: int) -> tuple[State, ...]:
        return tuple(self._states)[-count:] if count > 0 else ()
