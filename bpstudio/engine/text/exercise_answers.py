"""The answers of one exercise variant, as the engine computes them: the variant's project is opened, its
stepper steps the one training iteration, and every answer is read from the snapshots the studio shows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.engine.exercise_variant import DIGITS, Variant, named_steps
from bpstudio.engine.i18n import QT_TRANSLATE_NOOP, translate
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS, UPDATE
from bpstudio.engine.stepper import Stepper

from .notation import sup
from .worked_example import Record, _step_iteration
from .worked_example_stages import Writer

# what each part of a code asks for, as a sheet's task says it
PART_TITLES = {
    "Z": QT_TRANSLATE_NOOP("Exercises", "the pre-activations"),
    "A": QT_TRANSLATE_NOOP("Exercises", "the activations"),
    "L": QT_TRANSLATE_NOOP("Exercises", "the loss"),
    "D": QT_TRANSLATE_NOOP("Exercises", "the errors (backward pass)"),
    "W": QT_TRANSLATE_NOOP("Exercises", "the weight gradients"),
    "B": QT_TRANSLATE_NOOP("Exercises", "the bias gradients"),
    "U": QT_TRANSLATE_NOOP("Exercises", "the updated weights and biases"),
}
# the stage after which each part is known
PART_STAGE = {"Z": FORWARD, "A": FORWARD, "L": LOSS, "D": BACKWARD, "W": BACKWARD, "B": BACKWARD, "U": UPDATE}


@dataclass(frozen=True)
class Answer:
    part: str  # a letter of exercise_code.PARTS
    name: str  # as the sheet writes it (z¹, ∂L/∂W², W¹ (after) …)
    value: np.ndarray  # in the engine's (column) convention; the sheet orients it
    key: tuple[str, int] = ("", 0)  # (quantity, layer) as ``exercise_variant.named_steps`` names it


@dataclass(frozen=True)
class Solved:
    variant: Variant
    stepper: Stepper
    records: list[Record]  # every stage of the iteration: (stage, state after, state before)
    answers: list[Answer]  # in the order the sheet asks for them
    carried: dict[tuple[str, int], np.ndarray]  # every answer as a student carrying rounded answers gets it

    def carried_differs(self, answer: Answer) -> np.ndarray | None:
        """The student's value where carrying the rounded answers before it changes a shown digit (the search
        for nice numbers gives up after a few thousand draws, rarely with such an answer left), else None."""
        value = self.carried.get(answer.key)
        if value is None or np.array_equal(np.round(value, DIGITS), np.round(answer.value, DIGITS)):
            return None
        return value


def solve(variant: Variant, notation: str) -> Solved:
    """Step the variant's one iteration in the engine and read off the answers to its parts."""
    stepper = variant.project().stepper()
    records = _step_iteration(stepper)
    w = Writer(notation)
    L = stepper.spec.depth
    after = {stage: snap for stage, snap, _ in records}
    by_kind = {(stage.kind, stage.layer): snap for stage, snap in after.items()}
    answers: list[Answer] = []
    parts = variant.code.parts
    for l in range(1, L + 1):
        snap = by_kind[(FORWARD, l)]
        if "Z" in parts:
            answers.append(Answer("Z", w.z(sup(l)), _got(snap.get("z", l)), ("z", l)))
    for l in range(1, L + 1):
        if "A" in parts:
            answers.append(Answer("A", w.a(sup(l)), _got(by_kind[(FORWARD, l)].get("a", l)), ("a", l)))
    loss = by_kind[(LOSS, 0)]
    if "L" in parts and loss.loss is not None:
        answers.append(Answer("L", "L", np.array([[loss.loss]]), ("loss", 0)))
    if "D" in parts and not stepper.plan.fused and "grad_a" in loss.arrays:
        answers.append(Answer("D", "∇ₐL", loss.arrays["grad_a"], ("grad_a", 0)))
    for letter, quantity, name in (("D", "delta", "δ{s}"), ("W", "dW", "∂L/∂W{s}"), ("B", "db", "∂L/∂b{s}")):
        if letter in parts:
            answers += [Answer(letter, name.format(s=sup(l)), _got(by_kind[(BACKWARD, l)].get(quantity, l)),
                               (quantity, l)) for l in range(L, 0, -1)]
    if "U" in parts:
        done = by_kind[(UPDATE, 0)]
        for l in range(1, L + 1):
            answers += [Answer("U", translate("WorkedExample", "{q} (after)").format(q=f"{q}{sup(l)}"),
                               _got(done.get(q, l)), (q, l)) for q in ("W", "b")]
    v = variant
    carried = named_steps(stepper.plan, v.x, v.y, list(v.params), v.learning_rate, rounded=True)
    return Solved(variant, stepper, records, answers, carried)


def _got(value: np.ndarray | None) -> np.ndarray:
    assert value is not None  # every quantity of a stage is in the snapshot after it
    return value


def stages_needed(solved: Solved, parts: str) -> list[Record]:
    """The stages from the first up to the last one a requested part needs: its worked steps."""
    kinds = [PART_STAGE[p] for p in parts]
    order = (FORWARD, LOSS, BACKWARD, UPDATE)
    last = max(order.index(k) for k in kinds)
    return [r for r in solved.records if order.index(r[0].kind) <= last]
