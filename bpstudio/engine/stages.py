"""The stages of one training iteration, in order.

forward 1 … forward L, loss, backward L … backward 1, update. The stepper advances exactly
one of these per ``step()``. ``Stage.name`` is the stage's key (saved in files, read back by ``parse``);
the UI shows ``Stage.label``, the same words in its language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP, translate

FORWARD, LOSS, BACKWARD, UPDATE = "forward", "loss", "backward", "update"
_LABELS = {FORWARD: QT_TRANSLATE_NOOP("Stages", "forward {l}"), BACKWARD: QT_TRANSLATE_NOOP("Stages", "backward {l}"),
           LOSS: QT_TRANSLATE_NOOP("Stages", "loss"), UPDATE: QT_TRANSLATE_NOOP("Stages", "update")}


@dataclass(frozen=True)
class Stage:
    kind: str  # forward | loss | backward | update
    layer: int = 0  # 1-based for forward/backward, 0 for loss and update

    @property
    def name(self) -> str:
        return f"{self.kind} {self.layer}" if self.layer else self.kind

    @property
    def label(self) -> str:
        """``name`` as the UI shows it, in its language ("forward 2", "loss" …); never a key."""
        text = _LABELS.get(self.kind)
        return self.name if text is None else translate("Stages", text).format(l=self.layer)

    def equations(self, depth: int) -> tuple[str, ...]:
        """Names of the equations this stage evaluates (forward, BP1…BP4, update)."""
        if self.kind == BACKWARD:
            return ("BP1" if self.layer == depth else "BP2", "BP3", "BP4")
        return (self.kind,) if self.kind in (FORWARD, LOSS) else ("update",)

    @staticmethod
    def parse(text: str) -> Stage:
        parts = text.split()
        if len(parts) == 2 and parts[0] in (FORWARD, BACKWARD) and parts[1].isdigit():
            return Stage(parts[0], int(parts[1]))
        if len(parts) == 1 and parts[0] in (LOSS, UPDATE):
            return Stage(parts[0])
        raise ValueError(f"not a stage name: {text!r}")


def stage_computing(quantity: str, layer: int) -> Stage:
    """The stage of an iteration that computes ``quantity`` (z, a, delta, dW, db of ``layer``, or loss, grad_a);
    W and b are there from its start, Stage("start")."""
    if quantity in ("W", "b"):
        return Stage("start")
    if quantity in ("loss", "grad_a"):
        return Stage(LOSS)
    return Stage(FORWARD if quantity in ("z", "a") else BACKWARD, layer)


def stage_position(stage: Stage, depth: int) -> int:
    """How many stages of an iteration are done once ``stage`` is (0 for the iteration's start)."""
    if stage.kind == "start":
        return 0
    return iteration_stages(depth).index(stage) + 1


def iteration_stages(depth: int) -> tuple[Stage, ...]:
    return (
        *(Stage(FORWARD, l) for l in range(1, depth + 1)),
        Stage(LOSS),
        *(Stage(BACKWARD, l) for l in range(depth, 0, -1)),
        Stage(UPDATE),
    )
