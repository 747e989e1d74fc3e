"""Naming the mistake behind a wrong prediction: the library of typical mistakes (``mistakes``) evaluated on the
numbers of the prediction's iteration (``mistake_values``), and the learner's number compared with each at the
precision they typed (``named``).

The rule: a typed number matches a value when it is within half a unit of its last typed digit (0.063 matches
0.0625 … 0.0635; 6.3e-2 the same; 0.06 matches 0.055 … 0.065). Where no mistake matches at that precision, one
within the prediction's own tolerance of the typed number does (the closeness a right answer is judged by: a
number worked out with rounded intermediate steps still matches); a fraction (1/2) is judged by that tolerance
alone. A mistake is never named when the typed number also matches the right answer at that precision, nor when
the mistake's value is itself close enough to count as right (the mistake changes nothing there); mistakes that
cannot happen in the network are never evaluated. At most three are named, the closest first.
"""

from __future__ import annotations

import math
import re
import unicodedata

import numpy as np

from .budget import iteration_cost
from .lesson_steps import ITERATION_OVERHEAD, Lesson, Predict
from .mistakes import MISTAKES, evaluate_all
from .snapshot import key

MOST_NAMED = 3  # the closest first; more than that is no longer a diagnosis
# what naming may cost, in multiply-adds (as ``lesson_steps`` counts them): it runs in the window, at a wrong answer,
# so a few milliseconds (the shipped lessons need under a million)
MAX_MISTAKE_WORK = 20_000_000
_DECIMAL = re.compile(r"[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?")


def half_unit(text: str) -> float | None:
    """Half a unit of the last digit of ``text`` as a learner typed it (0.063 → 0.0005, 6.3e-2 → 0.0005,
    12 → 0.5, 0,5 → 0.05); None for a fraction or anything ``parse_answer`` reads otherwise."""
    s = unicodedata.normalize("NFKC", text).strip().replace("−", "-").replace("–", "-").replace("＋", "+")
    s = s.replace(" ", "")
    if "," in s and "." not in s and s.count(",") == 1:
        s = s.replace(",", ".")
    match = _DECIMAL.fullmatch(s)
    if match is None or not (match.group(1) or match.group(2)):
        return None
    decimals = len(match.group(2) or "")
    exponent = int(match.group(3) or 0)
    return 0.5 * 10.0 ** (exponent - decimals)


def _made(predict: Predict) -> str:
    """The key of the predicted quantity in ``mistakes.evaluate``'s results."""
    if predict.quantity in ("loss", "grad_a"):
        return predict.quantity
    return key(predict.quantity, predict.layer)


def affordable(lesson: Lesson, predict: Predict) -> bool:
    """Whether evaluating every mistake for ``predict`` stays within ``MAX_MISTAKE_WORK``: the iterations up to it
    plus one per mistake."""
    project = lesson.project
    train = project.split()[0]
    per_iteration = iteration_cost(project.network, len(train.x), project.training.batch_size)[1] + ITERATION_OVERHEAD
    start = project.state.iteration if project.state is not None else 0
    return (max(1, predict.iteration - start) + len(MISTAKES)) * per_iteration <= MAX_MISTAKE_WORK


def mistake_values(lesson: Lesson, predict: Predict) -> dict[str, float]:
    """The predicted entry as each typical mistake computes it, by id: a fresh Stepper on the lesson's preset is
    run (right) to the start of the prediction's iteration, and that iteration is computed with each mistake in
    turn from its weights, optimizer state and batch. Mistakes that cannot happen here, or give no such number (a
    NumPy shape error, another shape, not finite), are left out; so is everything when it would cost too much."""
    if not affordable(lesson, predict):
        return {}
    stepper = lesson.project.stepper()
    start = stepper.snapshot().iteration
    stepper.run_iterations(max(0, predict.iteration - 1 - start))
    params, x, y = stepper.parameters, *stepper.current_batch()
    moments = stepper.saved_state()[5]  # the optimizer's state at the iteration's start
    training = stepper.training if predict.quantity in ("W", "b") else None
    made, index = _made(predict), (predict.row, predict.col)
    values: dict[str, float] = {}
    for id_, got in evaluate_all(stepper.plan, params, x, y, training, moments).items():
        if made not in got:
            continue
        value = np.asarray(got[made])
        try:
            number = float(value) if made == "loss" else float(value[index])
        except (IndexError, TypeError, ValueError):
            continue
        if math.isfinite(number):
            values[id_] = number
    return values


def named(values: dict[str, float], answer: float, text: str, expected: float, predict: Predict) -> tuple[str, ...]:
    """The ids of the mistakes whose value the typed ``answer`` (``text`` as typed) matches, closest first; none
    when it matches ``expected`` (the engine's right number) at the precision typed, or is accepted as right."""
    if not math.isfinite(answer) or predict.accepts(answer, expected):
        return ()
    half = half_unit(text)
    slack = 1e-9 * max(1.0, abs(answer))  # 0.0635 typed as 0.064: half a unit, up to the float's rounding

    if half is not None and abs(answer - expected) <= half + slack:
        return ()
    wrong = {id_: v for id_, v in values.items() if not predict.accepts(v, expected)}
    found = [(abs(answer - v), id_) for id_, v in wrong.items() if half is not None and abs(answer - v) <= half + slack]
    if not found:  # none at the precision typed: as close as a right answer would have to be
        found = [(abs(answer - v), id_) for id_, v in wrong.items() if predict.accepts(answer, v)]
    return tuple(id_ for _, id_ in sorted(found, key=lambda f: f[0]))[:MOST_NAMED]
