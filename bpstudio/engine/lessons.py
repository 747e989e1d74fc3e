"""Guided lessons: data files (JSON, format ``bpstudio-lesson`` version 1) read and checked strictly into the
``Lesson`` of ``lesson_steps``. A lesson has a title, a preset (the name of a built-in example or an inline
project object) and steps; a step has text, and optionally a panel to highlight, a stage to wait for and a
number to predict, whose answer is the engine's, never the file's. Indices in a file are 1-based, as people
and TEACHING.md count (w²₁₂ is ``row 1, col 2`` of W²; for z, a, δ, ∇ₐL the column is the sample). Every
text is an object keyed by language (``{"en": "...", "zh_CN": "..."}``). See docs/lessons.md.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .errors import FormatError, ValidationError, finite, whole
from .i18n import translate
from .json_read import MAX_LESSON_BYTES
from .lesson_steps import (  # noqa: F401 - the panel imports them here
    AnswerError,
    Lesson,
    Predict,
    Step,
    Text,
    WaitFor,
    check_prediction_work,
    expected_value,
    parse_answer,
    value_in,
)
from .lesson_steps import lesson_error as _error
from .project import Project, load_project, parse_json, project_from_dict, read_text_file
from .resource_files import example_path, examples_dir, resource_dir
from .stages import BACKWARD, FORWARD, LOSS, UPDATE, Stage, stage_computing, stage_position

LESSON_FORMAT = "bpstudio-lesson"
LESSON_VERSION = 1
# panel ids a step may highlight (the app maps each to a dock or widget)
HIGHLIGHTS = ("network", "matrices", "equations", "stages", "form", "data", "parameter", "training", "plots",
              "gradients", "decision", "nudge", "vanishing", "ledger", "chain")
# what a prediction may ask for: the snapshot's arrays, ∇ₐL and the batch loss
QUANTITIES = ("W", "b", "z", "a", "delta", "dW", "db", "grad_a", "loss")
STAGE_KINDS = (FORWARD, LOSS, BACKWARD, UPDATE)
DEFAULT_ABS_TOLERANCE = 1e-3
DEFAULT_REL_TOLERANCE = 1e-2
MAX_ITERATION = 100_000
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def lessons_dir() -> Path:
    return resource_dir() / "lessons"


def shipped_lessons() -> list[Path]:
    """The lessons that come with BP Studio, in their order (by file name)."""
    return sorted(lessons_dir().glob("*.json"))


def load_lesson(path: str | os.PathLike[str]) -> Lesson:
    return loads_lesson(read_text_file(path, MAX_LESSON_BYTES), Path(path).name)


def loads_lesson(text: str, source: str = "lesson") -> Lesson:
    return lesson_from_dict(parse_json(text, source, translate(
        "Lessons", "{source}: not a lesson (its JSON is nested too deeply)")), source)


def lesson_from_dict(d: object, source: str = "lesson") -> Lesson:
    """Check everything, including that every prediction names an entry the engine computes."""
    if not isinstance(d, dict):
        raise FormatError(translate("Lessons", "{source}: not a BP Studio lesson (the top level is not an "
                                    "object)").format(source=source))
    if d.get("format") != LESSON_FORMAT:
        raise FormatError(translate("Lessons", "{source}: not a BP Studio lesson (format is {found}, expected "
                                    "{expected})").format(source=source, found=json.dumps(d.get("format")),
                                                          expected=json.dumps(LESSON_FORMAT)))
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatError(translate("Lessons", "{source}: version must be a whole number ≥ 1, got {found}").format(
            source=source, found=json.dumps(version)))
    if version > LESSON_VERSION:
        raise FormatError(translate("Lessons", "{source}: made by a newer BP Studio (lesson format version "
                                    "{version}; this one reads up to {supported})").format(
            source=source, version=version, supported=LESSON_VERSION))
    _known(d, {"format", "version", "title", "description", "preset", "steps"}, "", source)
    title = _text(d.get("title"), "title", source, required=True)
    assert title is not None
    description = _text(d.get("description"), "description", source)
    preset_name, project = _preset(d.get("preset"), source)
    steps_raw = d.get("steps")
    if not isinstance(steps_raw, list) or not steps_raw:
        raise _error(source, "steps", translate("Lessons", "must be a list of at least one step"))
    steps = tuple(_step(s, f"steps[{i}]", project, source) for i, s in enumerate(steps_raw))
    lesson = Lesson(title, description, preset_name, project, steps, source)
    check_prediction_work(lesson)
    for i, step in enumerate(steps):
        if step.predict is not None:
            expected_value(lesson, step.predict, f"steps[{i}].predict")  # every answer exists, checked now
    return lesson


def _require(ok: object, source: str, field: str, message: str) -> None:
    """``require`` for a lesson: the error names the file too."""
    if not ok:
        raise _error(source, field, message)


def _known(d: dict, allowed: set[str], where: str, source: str) -> None:
    extra = sorted(set(d) - allowed)
    if extra:
        field = f"{where}.{extra[0]}" if where else extra[0]
        raise _error(source, field, translate("Lessons", "is not a field here; the fields are {fields}").format(
            fields=", ".join(sorted(allowed))))


def _text(value: object, where: str, source: str, required: bool = False) -> Text | None:
    if value is None:
        _require(not required, source, where, translate("Lessons", "is missing (an object such as "
                                                        "{\"en\": \"…\", \"zh_CN\": \"…\"})"))
        return None
    if isinstance(value, str):
        _require(value.strip(), source, where, translate("Lessons", "is empty"))
        return Text({"en": value})
    if not isinstance(value, dict) or not value:
        raise _error(source, where, translate("Lessons", "must be text, or an object of texts keyed by language "
                                              "such as {\"en\": \"…\", \"zh_CN\": \"…\"}"))
    for code, text in value.items():
        _require(_LANGUAGE.match(code), source, f"{where}.{code}",
                 translate("Lessons", "is not a language code (write en, zh_CN, de…)"))
        _require(isinstance(text, str) and text.strip(), source, f"{where}.{code}",
                 translate("Lessons", "must be non-empty text"))
    return Text(dict(value))


def _preset(value: object, source: str) -> tuple[str | None, Project]:
    if isinstance(value, str):
        stems = sorted(p.stem for p in examples_dir().glob("*.bpsproj"))
        if value not in stems:  # never a path made from the file's text (too long, a folder, another file)
            names = ", ".join(stems)
            raise _error(source, "preset", translate("Lessons", "{name} is not a built-in example; the examples "
                                                     "are {names}").format(name=json.dumps(value), names=names))
        return value, load_project(example_path(value))
    if isinstance(value, dict):
        try:
            return None, project_from_dict(value, "preset")
        except (FormatError, ValidationError) as exc:
            raise _error(source, "preset", translate("Lessons", "the inline project is not valid: {error}").format(
                error=exc)) from None
    raise _error(source, "preset", translate("Lessons", "must be the name of a built-in example or a project "
                                             "object (.bpsproj format)"))


def _int(d: dict, name: str, where: str, source: str, low: int, high: int, default: int | None = None) -> int:
    value = d.get(name, default)
    if not whole(value):
        raise _error(source, f"{where}.{name}", translate("Lessons", "must be a whole number from {low} to "
                                                          "{high}").format(low=low, high=high))
    _require(low <= value <= high, source, f"{where}.{name}", translate(
        "Lessons", "{value} is out of range: it must be from {low} to {high}").format(value=value, low=low, high=high))
    return value


def _stage(d: dict, where: str, depth: int, source: str) -> Stage:
    kind = d.get("stage")
    if kind not in STAGE_KINDS:
        raise _error(source, f"{where}.stage", translate("Lessons", "must be one of {kinds}").format(
            kinds=", ".join(STAGE_KINDS)))
    if kind in (FORWARD, BACKWARD):
        _require("layer" in d, source, f"{where}.layer",
                 translate("Lessons", "is needed for a {kind} stage").format(kind=kind))
        return Stage(kind, _int(d, "layer", where, source, 1, depth))
    _require("layer" not in d, source, f"{where}.layer",
             translate("Lessons", "is not allowed for the {kind} stage").format(kind=kind))
    return Stage(kind)


def _step(d: object, where: str, project: Project, source: str) -> Step:
    if not isinstance(d, dict):
        raise _error(source, where, translate("Lessons", "must be an object with text (and optionally highlight, "
                                              "wait_for, predict)"))
    _known(d, {"text", "highlight", "wait_for", "predict"}, where, source)
    text = _text(d.get("text"), f"{where}.text", source, required=True)
    assert text is not None
    highlight = d.get("highlight")
    _require(highlight is None or highlight in HIGHLIGHTS, source, f"{where}.highlight", translate(
        "Lessons", "{name} is not a panel; the panels are {names}").format(name=json.dumps(highlight),
                                                                            names=", ".join(HIGHLIGHTS)))
    depth = project.network.depth
    wait = None
    if d.get("wait_for") is not None:
        w, ww = d["wait_for"], f"{where}.wait_for"
        _require(isinstance(w, dict), source, ww, translate("Lessons", "must be an object such as {\"stage\": "
                                                             "\"backward\", \"layer\": 2} or {\"iterations\": 100}"))
        if "iterations" in w:
            _known(w, {"iterations"}, ww, source)
            wait = WaitFor(iterations=_int(w, "iterations", ww, source, 1, MAX_ITERATION))
        else:
            _known(w, {"stage", "layer", "iteration"}, ww, source)
            wait = WaitFor(_stage(w, ww, depth, source), _int(w, "iteration", ww, source, 1, MAX_ITERATION, 1))
    predict = _predict(d["predict"], f"{where}.predict", depth, source) if d.get("predict") is not None else None
    return Step(text, highlight, wait, predict)


def _predict(p: object, where: str, depth: int, source: str) -> Predict:
    if not isinstance(p, dict):
        raise _error(source, where, translate("Lessons", "must be an object with quantity, layer, row, col"))
    _known(p, {"quantity", "layer", "row", "col", "iteration", "after", "tolerance", "hint", "explanation",
               "label"}, where, source)
    quantity = p.get("quantity")
    if quantity not in QUANTITIES:
        raise _error(source, f"{where}.quantity", translate("Lessons", "{name} is not a quantity; choose one of "
                                                            "{names}").format(name=json.dumps(quantity),
                                                                              names=", ".join(QUANTITIES)))
    if quantity == "loss":
        for name in ("layer", "row", "col"):
            _require(name not in p, source, f"{where}.{name}",
                     translate("Lessons", "is not used for the loss, which is one number"))
        layer, row, col = 0, 0, 0
    else:
        if quantity == "grad_a":
            layer = _int(p, "layer", where, source, depth, depth, depth)  # ∇ₐL belongs to the output layer
        else:
            layer = _int(p, "layer", where, source, 1, depth)
        row = _int(p, "row", where, source, 1, 1_000_000) - 1
        col = _int(p, "col", where, source, 1, 1_000_000) - 1
    iteration = _int(p, "iteration", where, source, 1, MAX_ITERATION, 1)
    computing = stage_computing(quantity, layer)
    if p.get("after") is not None:
        a = p["after"]
        _require(isinstance(a, dict), source, f"{where}.after",
                 translate("Lessons", "must be an object such as {\"stage\": \"update\"}"))
        _known(a, {"stage", "layer"}, f"{where}.after", source)
        after = _stage(a, f"{where}.after", depth, source)
        _require(stage_position(after, depth) >= stage_position(computing, depth), source, f"{where}.after", translate(
            "Lessons", "{quantity} is computed at stage {computed}, after {stage}").format(
            quantity=quantity, computed=computing.name, stage=after.name))
    else:
        after = computing
    tol = p.get("tolerance", {})
    _require(isinstance(tol, dict), source, f"{where}.tolerance",
             translate("Lessons", "must be an object with abs and/or rel"))
    _known(tol, {"abs", "rel"}, f"{where}.tolerance", source)
    bounds = []
    for name, default in (("abs", DEFAULT_ABS_TOLERANCE), ("rel", DEFAULT_REL_TOLERANCE)):
        value = tol.get(name, default if not tol else 0.0)
        _require(finite(value) and value >= 0, source, f"{where}.tolerance.{name}",
                 translate("Lessons", "must be a number ≥ 0"))
        bounds.append(float(value))
    _require(bounds != [0.0, 0.0], source, f"{where}.tolerance", translate(
        "Lessons", "abs and rel cannot both be 0 (no typed answer would ever be right)"))
    return Predict(quantity, layer, row, col, iteration, after, bounds[0], bounds[1],
                   _text(p.get("hint"), f"{where}.hint", source), _text(p.get("explanation"),
                                                                        f"{where}.explanation", source),
                   _text(p.get("label"), f"{where}.label", source))

