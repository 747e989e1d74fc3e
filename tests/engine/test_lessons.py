"""Lesson files: the shipped ones load, speak English and Chinese, and every prediction is an engine number;
bad files are refused with a message naming the field; typed answers are read as learners type them."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import numpy as np
import pytest

from bpstudio.engine import BPStudioError, FormatError, load_project
from bpstudio.engine.lessons import (
    HIGHLIGHTS,
    AnswerError,
    Text,
    expected_value,
    lesson_from_dict,
    lessons_dir,
    load_lesson,
    loads_lesson,
    parse_answer,
    shipped_lessons,
)
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import key

LESSONS = shipped_lessons()


def _texts(lesson):
    yield lesson.title
    if lesson.description is not None:
        yield lesson.description
    for step in lesson.steps:
        yield step.text
        if step.predict is not None:
            yield from (t for t in (step.predict.hint, step.predict.explanation, step.predict.label) if t)


def test_seven_lessons_are_shipped_in_order() -> None:
    assert [p.name for p in LESSONS] == [
        "01_chain_rule.json", "02_bp1_output_error.json", "03_bp2_hidden_error.json",
        "04_bp3_bp4_batch_mean.json", "05_softmax_cross_entropy.json", "06_training_hyperparameters.json",
        "07_chain_graph_and_nudge.json"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_shipped_lesson_loads_with_english_and_chinese_everywhere(path: Path) -> None:
    lesson = load_lesson(path)
    assert len(lesson.steps) >= 5
    assert sum(1 for s in lesson.steps if s.predict is not None) >= 1
    for text in _texts(lesson):
        assert set(text.languages) == {"en", "zh_CN"}
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text.get("zh_CN"))  # really Chinese
        assert text.get("en") != text.get("zh_CN")
    for step in lesson.steps:
        assert step.highlight is None or step.highlight in HIGHLIGHTS
    assert lesson.preset is not None and example_path(lesson.preset).is_file()


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_prediction_is_the_engines_number(path: Path) -> None:
    """Recomputed here by stepping the preset by hand to the stage named, and read from the snapshot."""
    lesson = load_lesson(path)
    for step in lesson.steps:
        p = step.predict
        if p is None:
            continue
        stepper = load_project(example_path(lesson.preset)).stepper()
        snap = stepper.snapshot()
        for _ in range(p.iteration - 1):
            snap = stepper.finish_iteration()
        depth = lesson.project.network.depth
        stages = [s.name for s in stepper.stages]
        if p.after.kind != "start":
            while not (snap.stage is not None and snap.stage.name == p.after.name
                       and snap.iteration == p.iteration - 1):
                snap = stepper.step()
            assert stages.index(p.after.name) < 2 * depth + 2
        if p.quantity == "loss":
            want = snap.loss
        elif p.quantity == "grad_a":
            want = snap.arrays["grad_a"][p.row, p.col]
        else:
            want = snap.arrays[key(p.quantity, p.layer)][p.row, p.col]
        assert expected_value(lesson, p) == want
        assert math.isfinite(want) and want != 0


def test_seed000_lesson_asks_for_the_worked_example_numbers() -> None:
    lesson = load_lesson(lessons_dir() / "02_bp1_output_error.json")
    values = [expected_value(lesson, s.predict) for s in lesson.steps if s.predict is not None]
    np.testing.assert_allclose(values, [-0.2, 0.063, -0.0315], rtol=0, atol=1e-12)


def test_chain_rule_lesson_factors_multiply_out() -> None:
    """Seed 004's chain: ∂C₀/∂w² = a¹ · σ′(z²) · 2(a² − y), and one layer down x · σ′(z¹) · w² · δ²."""
    lesson = load_lesson(lessons_dir() / "01_chain_rule.json")
    grad_a, delta2, dw2, delta1, dw1 = (expected_value(lesson, s.predict) for s in lesson.steps if s.predict)
    a1 = 1 / (1 + math.exp(-(0.8 * 0.5 + 0.2)))
    a2 = 1 / (1 + math.exp(-(1.5 * a1 - 0.5)))
    assert grad_a == pytest.approx(2 * (a2 - 1), abs=1e-14)
    assert delta2 == pytest.approx(a2 * (1 - a2) * 2 * (a2 - 1), abs=1e-14)
    assert dw2 == pytest.approx(a1 * delta2, abs=1e-14)
    assert delta1 == pytest.approx(1.5 * delta2 * a1 * (1 - a1), abs=1e-14)
    assert dw1 == pytest.approx(0.5 * delta1, abs=1e-14)


# ----- refused files ------------------------------------------------------------------------------
def _minimal() -> dict:
    return {
        "format": "bpstudio-lesson", "version": 1, "title": {"en": "T", "zh_CN": "标题"},
        "preset": "seed000_output_layer",
        "steps": [{"text": {"en": "Press F10", "zh_CN": "按 F10"}, "highlight": "matrices",
                   "wait_for": {"stage": "forward", "layer": 1},
                   "predict": {"quantity": "a", "layer": 1, "row": 1, "col": 1}}],
    }


def _refused(d: object, *words: str) -> str:
    with pytest.raises(BPStudioError) as info:
        lesson_from_dict(d, "mine.json")
    message = str(info.value)
    for word in words:
        assert word in message, message
    return message


def test_the_minimal_lesson_loads_and_predicts_a_is_0_8() -> None:
    lesson = lesson_from_dict(_minimal())
    assert expected_value(lesson, lesson.steps[0].predict) == pytest.approx(0.8, abs=1e-15)


def test_not_json_is_refused_with_the_line() -> None:
    with pytest.raises(FormatError, match=r"mine.json: not valid JSON \(line 1, column 2"):
        loads_lesson("{nope", "mine.json")


def test_a_missing_file_is_refused(tmp_path) -> None:
    with pytest.raises(FormatError, match="no such file"):
        load_lesson(tmp_path / "absent.json")


@pytest.mark.parametrize("version, words", [(2, ("newer BP Studio", "version 2")), (0, ("version",)),
                                            ("1", ("version",)), (True, ("version",))])
def test_wrong_version_is_refused(version, words) -> None:
    d = _minimal()
    d["version"] = version
    _refused(d, *words)


def test_wrong_format_is_refused() -> None:
    d = _minimal()
    d["format"] = "bpstudio-project"
    _refused(d, "not a BP Studio lesson", "bpstudio-project")
    _refused([1, 2], "not a BP Studio lesson")


def test_unknown_highlight_is_refused_naming_the_panels() -> None:
    d = _minimal()
    d["steps"][0]["highlight"] = "toolbar"
    _refused(d, "steps[0].highlight", '"toolbar" is not a panel', "matrices", "equations")


def test_unknown_quantity_is_refused() -> None:
    d = _minimal()
    d["steps"][0]["predict"]["quantity"] = "gradient"
    _refused(d, "steps[0].predict.quantity", "delta", "dW")


@pytest.mark.parametrize("field, value, words", [
    ("row", 3, ("steps[0].predict.row", "3 is out of range", "2 × 1")),
    ("col", 2, ("steps[0].predict.col", "2 is out of range", "2 × 1")),
    ("layer", 2, ("steps[0].predict.layer", "2 is out of range", "from 1 to 1")),
    ("row", 0, ("steps[0].predict.row", "0 is out of range")),
    ("row", 1.0, ("steps[0].predict.row", "whole number")),
])
def test_index_out_of_range_is_refused(field, value, words) -> None:
    d = _minimal()
    d["steps"][0]["predict"][field] = value
    _refused(d, *words)


def test_other_mistakes_are_refused_by_field() -> None:
    cases = [
        (("steps",), [], ("steps", "at least one step")),
        (("preset",), "no_such_example", ("preset", "not a built-in example", "seed003_2-2-1")),
        (("title",), {"english": "T"}, ("title.english", "not a language code")),
        (("title",), {"en": ""}, ("title.en", "non-empty")),
        (("steps", 0, "wait_for"), {"stage": "backward"}, ("steps[0].wait_for.layer", "needed")),
        (("steps", 0, "wait_for"), {"stage": "loss", "layer": 1}, ("steps[0].wait_for.layer", "not allowed")),
        (("steps", 0, "wait_for"), {"stage": "sideways"}, ("steps[0].wait_for.stage", "forward, loss")),
        (("steps", 0, "predict", "tolerance"), {"abs": -1}, ("tolerance.abs", "≥ 0")),
        (("steps", 0, "predict", "tolerance"), {"abs": 0}, ("tolerance", "cannot both be 0")),
        (("steps", 0, "predict", "answer"), 0.8, ("steps[0].predict.answer", "is not a field")),
        (("steps", 0, "colour"), "red", ("steps[0].colour", "is not a field")),
    ]
    for path, value, words in cases:
        d = _minimal()
        target = d
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
        _refused(d, *words)
    d = _minimal()
    d["steps"][0]["predict"].update(quantity="delta", after={"stage": "loss"})
    _refused(d, "steps[0].predict.after", "delta is computed at stage backward 1, after loss")
    d = _minimal()
    del d["title"]
    _refused(d, "title", "missing")
    d = _minimal()
    d["preset"] = {"format": "bpstudio-project", "version": 2, "network": {"input_size": 0, "layers": []}}
    _refused(d, "preset", "inline project is not valid")


def test_an_inline_preset_and_a_plain_text_are_accepted() -> None:
    d = _minimal()
    d["preset"] = json.loads(example_path("seed000_output_layer").read_text(encoding="utf-8"))
    d["steps"][0]["text"] = "Only English here"
    lesson = lesson_from_dict(d)
    assert lesson.preset is None
    assert lesson.steps[0].text.get("zh_CN") == "Only English here"  # falls back to English
    assert expected_value(lesson, lesson.steps[0].predict) == pytest.approx(0.8, abs=1e-15)


def test_text_falls_back_to_english_then_to_the_first_language() -> None:
    assert Text({"en": "A", "zh_CN": "甲"}).get("zh_CN") == "甲"
    assert Text({"en": "A", "zh_CN": "甲"}).get("zh") == "甲"
    assert Text({"en": "A", "zh_CN": "甲"}).get("de") == "A"
    assert Text({"zh_CN": "甲"}).get("en") == "甲"


def test_later_iterations_and_the_update_are_read_after_their_stage() -> None:
    d = _minimal()
    d["steps"][0]["predict"] = {"quantity": "W", "layer": 1, "row": 2, "col": 1, "iteration": 3}
    d["steps"].append({"text": "x", "predict": {"quantity": "loss", "iteration": 2}})
    lesson = lesson_from_dict(copy.deepcopy(d))
    stepper = load_project(example_path("seed000_output_layer")).stepper()
    stepper.finish_iteration()
    snap = stepper.finish_iteration()
    assert expected_value(lesson, lesson.steps[0].predict) == snap.get("W", 1)[1, 0]  # the start of iteration 3
    stepper = load_project(example_path("seed000_output_layer")).stepper()
    stepper.finish_iteration()
    stepper.step()
    snap = stepper.step()
    assert expected_value(lesson, lesson.steps[1].predict) == snap.loss


# ----- typed answers ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("0.063", 0.063), ("-0.032", -0.032), ("−0.032", -0.032), ("6.3e-2", 0.063), ("6.3E-2", 0.063),
    (" .5 ", 0.5), ("1/2", 0.5), ("-3/4", -0.75), ("0,063", 0.063), ("０．０６３", 0.063), ("+2", 2.0),
])
def test_answers_are_read_as_typed(text, value) -> None:
    assert parse_answer(text) == pytest.approx(value, abs=1e-15)


@pytest.mark.parametrize("text, words", [
    ("", ("Type a number",)), ("abc", ("abc is not a number", "1/2")), ("1/0", ("divides by zero",)),
    ("0.1.2", ("not a number",)), ("1e999/1", ("not a number",)), ("nan", ("not a number",)),
])
def test_bad_answers_get_a_clear_message(text, words) -> None:
    with pytest.raises(AnswerError) as info:
        parse_answer(text)
    for word in words:
        assert word in str(info.value)


def test_tolerance_is_absolute_or_relative() -> None:
    lesson = lesson_from_dict(_minimal())
    p = lesson.steps[0].predict
    assert (p.abs_tolerance, p.rel_tolerance) == (1e-3, 1e-2)
    assert p.accepts(0.8079, 0.8) and not p.accepts(0.81, 0.8)  # rel 1 % of 0.8 = 0.008
    assert p.accepts(0.0009, 0.0) and not p.accepts(0.002, 0.0)  # abs 0.001
    assert not p.accepts(float("nan"), 0.8)
    d = _minimal()
    d["steps"][0]["predict"]["tolerance"] = {"abs": 0.1}
    p = lesson_from_dict(d).steps[0].predict
    assert (p.abs_tolerance, p.rel_tolerance) == (0.1, 0.0)


def test_shipped_lessons_match_the_lesson_schema() -> None:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    from bpstudio.engine.resource_files import schema_path

    schemas = schema_path().parent
    lesson_schema = json.loads((schemas / "lesson.schema.json").read_text(encoding="utf-8"))
    project_schema = json.loads(schema_path().read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(lesson_schema)
    registry = Registry().with_resource("project.schema.json", Resource.from_contents(project_schema))
    validator = Draft202012Validator(lesson_schema, registry=registry)
    for path in LESSONS:
        errors = [f"{list(e.absolute_path)}: {e.message}"
                  for e in validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        assert errors == [], path.name
    d = _minimal()
    d["preset"] = json.loads(example_path("seed003_2-2-1").read_text(encoding="utf-8"))
    assert list(validator.iter_errors(d)) == []
    d["steps"][0]["highlight"] = "toolbar"
    assert list(validator.iter_errors(d))


def test_an_infinite_answer_is_not_a_number() -> None:
    with pytest.raises(AnswerError):
        parse_answer("1e999")


def test_a_prediction_is_named_as_the_panels_show_it_in_either_notation():
    delta = next(s.predict for p in shipped_lessons() for s in load_lesson(p).steps
                 if s.predict is not None and s.predict.quantity == "delta" and s.predict.row != s.predict.col)
    column, row = delta.name("column"), delta.name("row")
    assert column.startswith("δ") and row.startswith("δ")
    c = column[column.index("[") + 1:-1].split(", ")
    r = row[row.index("[") + 1:-1].split(", ")
    assert r == c[::-1] and c[0] != c[1]
