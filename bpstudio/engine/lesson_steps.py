"""A lesson's content and what its predictions check: the texts (in several languages), the stage to wait
for, the number to predict, the engine's answer (``expected_value``, read from a ``Stepper`` on the preset,
never from the file) and the learner's (``parse_answer``, a number as people type it)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .budget import iteration_cost
from .errors import ValidationError
from .i18n import translate
from .project import Project
from .snapshot import Snapshot, key
from .stages import Stage, stage_position
from .text.convention import written
from .text.indices import superscript

# what the answers to a lesson's predictions may cost together: they are computed when it opens (about a second)
MAX_PREDICTION_WORK = 1_000_000_000
ITERATION_OVERHEAD = 100_000  # what an iteration costs beyond its multiply-adds (Python, small arrays), in those


@dataclass(frozen=True)
class Text:
    """A user-visible text in one or more languages."""

    by_language: Mapping[str, str]

    def get(self, language: str) -> str:
        """The text in ``language`` (``zh_CN``, ``en``…); a bare ``zh`` matches ``zh_CN``; else English; else
        the first language given."""
        t = self.by_language
        if language in t:
            return t[language]
        base = language.split("_")[0]
        for code, text in t.items():
            if code.split("_")[0] == base:
                return text
        return t.get("en", next(iter(t.values())))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.by_language)


@dataclass(frozen=True)
class WaitFor:
    """Where the engine must be before Next is enabled: a stage of a given iteration (1-based) is done, or
    ``iterations`` whole iterations are (for training runs)."""

    stage: Stage | None = None
    iteration: int = 1
    iterations: int | None = None

    def reached(self, snap: Snapshot) -> bool:
        if self.iterations is not None:
            return snap.iteration + (1 if snap.position == 2 * snap.spec.depth + 2 else 0) >= self.iterations
        assert self.stage is not None  # then: that stage of that iteration, or anything later
        return (snap.iteration, snap.position) >= (self.iteration - 1, stage_position(self.stage, snap.spec.depth))


@dataclass(frozen=True)
class Predict:
    quantity: str
    layer: int  # 1-based; 0 for loss (and ∇ₐL, which belongs to the output layer)
    row: int  # 0-based internally (the file's value − 1)
    col: int
    iteration: int  # 1-based
    after: Stage  # the value is read after this stage of that iteration (position 0: at its start)
    abs_tolerance: float
    rel_tolerance: float
    hint: Text | None
    explanation: Text | None
    label: Text | None

    def accepts(self, answer: float, expected: float) -> bool:
        """|answer − expected| ≤ max(abs, rel·|expected|)."""
        return math.isfinite(answer) and (
            abs(answer - expected) <= max(self.abs_tolerance, self.rel_tolerance * abs(expected)))

    def name(self, notation: str = "column") -> str:
        """Like δ²[1, 2] (1-based), or L for the loss: how the panel names what is asked. The file counts in
        the column convention; in the row one the panels show the transpose, so the indices swap."""
        if self.quantity == "loss":
            return "L"
        symbol = {"W": "W", "b": "b", "z": "z", "a": "a", "delta": "δ", "dW": "∂L/∂W", "db": "∂L/∂b",
                  "grad_a": "∇ₐL"}[self.quantity]
        layer = "" if self.quantity == "grad_a" else superscript(self.layer)
        row, col = (self.col, self.row) if notation == "row" else (self.row, self.col)
        return written(f"{symbol}{layer}[{row + 1}, {col + 1}]", notation)  # dZ^[2][1, 2] in Ng's notation


@dataclass(frozen=True)
class Step:
    text: Text
    highlight: str | None
    wait_for: WaitFor | None
    predict: Predict | None


@dataclass(frozen=True)
class Lesson:
    title: Text
    description: Text | None
    preset: str | None  # the built-in example's name, or None for an inline project
    project: Project
    steps: tuple[Step, ...]
    source: str


def lesson_error(source: str, field: str, message: str) -> ValidationError:
    return ValidationError(field, translate("Lessons", "{source}: {field}: {message}").format(
        source=source, field=field, message=message))


def _array(snap: Snapshot, predict: Predict) -> np.ndarray | None:
    return snap.arrays.get("grad_a" if predict.quantity == "grad_a" else key(predict.quantity, predict.layer))


def value_in(snap: Snapshot, predict: Predict) -> float | None:
    """The predicted entry as ``snap`` has it, or None when it is not there."""
    if predict.quantity == "loss":
        return snap.loss
    array = _array(snap, predict)
    if array is None or not (predict.row < array.shape[0] and predict.col < array.shape[1]):
        return None
    return float(array[predict.row, predict.col])


def expected_value(lesson: Lesson, predict: Predict, where: str = "predict") -> float:
    """The engine's number for ``predict``: a fresh Stepper on the lesson's preset, stepped to the stage
    (of the iteration) after which the prediction is read. ``where`` names the prediction in an error."""
    stepper = lesson.project.stepper()
    target = stage_position(predict.after, lesson.project.network.depth)
    start = stepper.snapshot()
    if (start.iteration, start.position) > (predict.iteration - 1, target):  # a preset saved later: never reached
        raise lesson_error(lesson.source, f"{where}.iteration", translate(
            "Lessons", "the preset starts at stage {position} of iteration {start}, after the stage this prediction "
            "asks about (iteration {iteration})").format(
            position=start.position, start=start.iteration + 1, iteration=predict.iteration))
    stepper.run_iterations(max(0, predict.iteration - 1 - start.iteration))  # now at the start of iteration k
    snap = stepper.snapshot()
    if target > 0:
        while not (snap.iteration == predict.iteration - 1 and snap.position >= target):
            snap = stepper.step()
    value = value_in(snap, predict)
    if value is not None:
        return value
    array = _array(snap, predict)  # computed by now: the index is out of its range
    assert array is not None
    rows, cols = array.shape
    name, index = ("row", predict.row) if predict.row >= rows else ("col", predict.col)
    raise lesson_error(lesson.source, f"{where}.{name}", translate(
        "Lessons", "{index} is out of range: {quantity} of layer {layer} is {rows} × {cols} (indices "
        "count from 1)").format(index=index + 1, quantity=predict.quantity, layer=predict.layer, rows=rows, cols=cols))


def check_prediction_work(lesson: Lesson) -> None:
    """Refuse a lesson whose answers (computed when it opens) would take too long: each prediction trains a
    fresh engine from the preset up to its iteration, so the iterations add up."""
    project = lesson.project
    train = project.split()[0]
    per_iteration = iteration_cost(project.network, len(train.x), project.training.batch_size)[1] + ITERATION_OVERHEAD
    start = project.state.iteration if project.state is not None else 0
    total = 0
    for i, step in enumerate(lesson.steps):
        if step.predict is None:
            continue
        total += max(1, step.predict.iteration - start) * per_iteration
        if total > MAX_PREDICTION_WORK:
            raise lesson_error(lesson.source, f"steps[{i}].predict.iteration", translate(
                "Lessons", "the answers up to here take {iterations:,} iterations of about {work:,} multiply-adds "
                "each to compute when the lesson opens; BP Studio allows {most:,} million multiply-adds in all: ask "
                "about an earlier iteration or use a smaller preset").format(
                iterations=total // per_iteration, work=per_iteration, most=MAX_PREDICTION_WORK // 10 ** 6))


class AnswerError(ValueError):
    """A typed answer that is not a number; the message says what is accepted (in the UI's language)."""


def parse_answer(text: str) -> float:
    """A number as a learner types it: 0.063, -0.032, −0.032 (a typographic minus), 6.3e-2, 0,063 (a decimal
    comma), .5, 1/2, -3/4, full-width digits from a Chinese input method. Anything else raises AnswerError."""
    s = unicodedata.normalize("NFKC", text).strip().replace("−", "-").replace("–", "-").replace("＋", "+")
    s = s.replace(" ", "")
    if not s:
        raise AnswerError(translate("Lessons", "Type a number first."))
    if "," in s and "." not in s and s.count(",") == 1:
        s = s.replace(",", ".")
    number = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"
    if re.fullmatch(number, s) and math.isfinite(float(s)):
        return float(s)
    if re.fullmatch(rf"({number})/({number})", s):
        numerator, denominator = s.split("/")
        if float(denominator) == 0:
            raise AnswerError(translate("Lessons", "{text} divides by zero.").format(text=text.strip()))
        with suppress(ValueError, OverflowError, ZeroDivisionError):  # too large for a float: not a number
            return float(Fraction(numerator) / Fraction(denominator))
    raise AnswerError(translate("Lessons", "{text} is not a number. Type a decimal such as 0.063 or -0.032, "
                                "a power of ten such as 6.3e-2, or a fraction such as 1/2.").format(
        text=text.strip()))
