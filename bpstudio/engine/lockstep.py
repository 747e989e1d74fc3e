"""Two runs in lockstep: run A and run B, the same network, data, seed and batches but for one setting, stepped
one stage at a time side by side; the first stage and entry where their numbers part is found and kept.

The comparison is exact (bit for bit, NaN equal to NaN): the first number that differs is where the change
first shows. Changing η leaves every number equal up to the first update, whose W¹ is the first to differ; an
activation of layer l first shows in forward l's a (z is the same until then); momentum μ only shows in the
second update (the velocity starts at zero, so the first update is −η ∂L/∂W either way).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .snapshot import Snapshot
from .stages import FORWARD, Stage
from .stepper import Stepper

Array = np.ndarray
ORDER = ("input", "target", "z", "a", "losses", "grad_a", "delta", "dW", "db", "W", "b")
MOST_STAGES = 100_000  # "until they part" gives up after this many stages


@dataclass(frozen=True)
class Parting:
    """Where A and B first differ: after ``stage`` of iteration ``iteration`` (0-based; ``stage`` None: before
    any stage, the starting weights or the first batch), in the array ``key`` ("L1/W", "input" …), at ``index``
    (the first entry in row order; None when the shapes differ), whose values are ``a`` and ``b``."""

    iteration: int
    stage: Stage | None
    key: str
    index: tuple[int, ...] | None
    a: float | None
    b: float | None

    @property
    def layer(self) -> int:
        return int(self.key[1:].split("/")[0]) if self.key.startswith("L") else 0

    @property
    def quantity(self) -> str:
        return self.key.split("/")[-1]


def _rank(name: str) -> tuple[int, int]:
    layer = int(name[1:].split("/")[0]) if name.startswith("L") else 0
    return layer, ORDER.index(name.split("/")[-1]) if name.split("/")[-1] in ORDER else len(ORDER)


def first_difference(a: Array, b: Array) -> tuple[tuple[int, ...] | None, float | None, float | None] | None:
    """None when ``a`` and ``b`` are equal bit for bit (NaN equal to NaN); else the first differing entry
    in row order and the two values there (index None when the shapes differ)."""
    if a.shape != b.shape:
        return None, None, None
    same = (a == b) | (np.isnan(a) & np.isnan(b))
    if same.all():
        return None
    index = tuple(int(i) for i in np.argwhere(~same)[0])
    return index, float(a[index]), float(b[index])


def compare(sa: Snapshot, sb: Snapshot, keys: list[str]) -> Parting | None:
    """The first of ``keys`` (in the order of the stage's own equations) whose arrays differ."""
    for name in sorted(keys, key=_rank):
        x, y = sa.arrays.get(name), sb.arrays.get(name)
        if x is None or y is None:
            continue
        found = first_difference(x, y)
        if found is not None:
            return Parting(sa.iteration, sa.stage, name, *found)
    return None


class Lockstep:
    """Steppers A and B stepped together, one stage at a time (run B is made from A's project with one change)."""

    def __init__(self, a: Stepper, b: Stepper) -> None:
        self.a, self.b = a, b
        self.stages = 0  # stages taken by both
        self.parting: Parting | None = None
        sa, sb = a.snapshot(), b.snapshot()
        self.snapshots = (sa, sb)
        self._look(sa, sb, sorted(set(sa.arrays) | set(sb.arrays)))

    def _look(self, sa: Snapshot, sb: Snapshot, keys: list[str]) -> None:
        if self.parting is None:
            self.parting = compare(sa, sb, keys)

    def step(self) -> Parting | None:
        """Both take one stage; returns where they have parted (the first time, kept after)."""
        sa, sb = self.a.step(), self.b.step()
        self.stages += 1
        self.snapshots = (sa, sb)
        keys = set(sa.changed) | set(sb.changed)
        if sa.stage is not None and sa.stage.kind == FORWARD and sa.stage.layer == 1:
            keys |= {"input", "target"}  # this iteration's batch
        self._look(sa, sb, sorted(keys))
        return self.parting

    def until_parted(self, most: int = MOST_STAGES) -> Parting | None:
        """Step both until they part (or ``most`` stages have gone by without)."""
        for _ in range(most):
            if self.parting is not None:
                break
            self.step()
        return self.parting

    def arrays(self, name: str) -> tuple[Array | None, Array | None, Array | None]:
        """(A, B, A − B) of one array of the states shown; A − B is None when either is missing or the shapes
        differ."""
        x, y = (s.arrays.get(name) for s in self.snapshots)
        diff = None if x is None or y is None or x.shape != y.shape else x - y
        return x, y, diff
