"""Naming the mistake behind a wrong prediction, without Qt: for every mistake of the library, the number that
mistake computes (the library's own ``buggy_value``), typed as a learner types it, names that mistake; the right
answer, typed at any precision, never names one, even where a mistake's value is the right one."""

from __future__ import annotations

import html
import json

import pytest
from mistake_cases import AFTER, PROJECTS, Case, find_case, lesson_of, predict_json, square_project

from bpstudio.engine.lesson_mistakes import affordable, half_unit, mistake_values, named
from bpstudio.engine.lessons import expected_value, lessons_dir, load_lesson, loads_lesson, parse_answer
from bpstudio.engine.mistakes import MISTAKES, buggy_value
from bpstudio.engine.snapshot import key
from bpstudio.session.lesson_progress import LessonProgress
from bpstudio.session.lesson_texts import wrong_html

CASES: dict[str, Case] = {}


def case_of(mistake: str) -> Case:
    if mistake not in CASES:
        found = find_case(mistake)
        assert found is not None, f"no entry where {mistake} changes the number"
        CASES[mistake] = found
    return CASES[mistake]


def progress_at(case: Case) -> LessonProgress:
    course = LessonProgress()
    course.start(lesson_of(PROJECTS[case.project](), [case.predict]))
    return course


def test_half_a_unit_of_the_last_digit_typed() -> None:
    assert half_unit("0.063") == pytest.approx(0.0005)
    assert half_unit("−0.063") == pytest.approx(0.0005)
    assert half_unit("6.3e-2") == pytest.approx(0.0005)
    assert half_unit("0,5") == pytest.approx(0.05)
    assert half_unit("12") == pytest.approx(0.5)
    assert half_unit(".25") == pytest.approx(0.005)
    assert half_unit("１.５") == pytest.approx(0.05)  # full-width digits from a Chinese input method
    assert half_unit("1/2") is None and half_unit("x") is None


@pytest.mark.parametrize("mistake", [m.id for m in MISTAKES])
def test_a_prediction_made_with_the_mistake_names_it(mistake: str) -> None:
    case = case_of(mistake)
    course = progress_at(case)
    step = course.step
    assert step is not None and step.predict is not None
    answer = parse_answer(case.typed)
    assert not course.check(answer)  # wrong: the panel would give the hint
    found = course.mistakes_matching(answer, case.typed)
    assert mistake in [m.id for m in found]
    values = mistake_values(course.lesson, step.predict)
    assert values[mistake] == case.buggy  # the library's own number for this entry
    for m in found:  # whatever else is named gives that number too, at the four decimals typed
        assert abs(values[m.id] - answer) <= 0.00005 + 1e-12
    shown = wrong_html(step, answer, "en", found)
    library = next(m for m in MISTAKES if m.id == mistake)
    assert html.escape(library.title, quote=False) in shown and html.escape(library.what_you_did, quote=False) in shown
    assert "Hint: Look at the equation panel." in shown
    assert shown.index("Not quite") < shown.index("Hint")


@pytest.mark.parametrize("mistake", [m.id for m in MISTAKES])
def test_the_right_answer_is_never_taken_for_the_mistake(mistake: str) -> None:
    case = case_of(mistake)
    course = progress_at(case)
    step, expected = course.step, course.expected_value()
    assert step is not None and step.predict is not None and expected == case.right
    values = mistake_values(course.lesson, step.predict)
    for decimals in (1, 2, 3, 4, 6, 10):
        text = f"{expected:.{decimals}f}"
        assert named(values, float(text), text, expected, step.predict) == (), text
        assert course.mistakes_matching(float(text), text) == ()
    assert course.check(parse_answer(f"{expected:.6f}"))


def test_a_mistake_whose_number_is_the_right_one_is_never_named() -> None:
    """Seed 000's δ¹₂ = 0.063: flipping the update changes no δ, the ½ changes no gradient of a one-sample loss;
    typed as 0.06 (wrong at the lesson's tolerance) the number matches the right one at its precision: no name."""
    lesson = load_lesson(lessons_dir() / "02_bp1_output_error.json")
    predict = lesson.steps[3].predict
    assert predict is not None
    values = mistake_values(lesson, predict)
    expected = expected_value(lesson, predict)
    assert values["update_sign"] == expected == pytest.approx(0.063)
    assert not predict.accepts(0.06, expected)
    assert named(values, 0.06, "0.06", expected, predict) == ()
    assert named(values, 0.063, "0.063", expected, predict) == ()
    # a value within the tolerance of the right one is never named, even when the typed number is nearer to it
    assert named({"update_sign": expected + 0.0009}, expected + 0.0019, f"{expected + 0.0019:.4f}", expected,
                 predict) == ()
    # y − a instead of a − y: +0.063 becomes −0.063, and that is named
    assert named(values, -0.063, "-0.063", expected, predict) == ("grad_y_minus_a",)


def test_the_shipped_lessons_name_what_learners_get_wrong() -> None:
    """Lesson 1 asks ∇ₐL = 2(a − y) = −0.770 (without the 2: −0.385); lesson 2 asks ∇ₐL₁ = a − y = −0.2 (y − a
    gives 0.2) and δᴸ₂ = 0.063 (σ′ at a gives 0.0733); lesson 4's loss is 0.2873 (without the ½: 0.5746;
    summed, not averaged: 0.8620)."""
    two = load_lesson(lessons_dir() / "02_bp1_output_error.json")
    grad, delta = two.steps[2].predict, two.steps[3].predict
    assert grad is not None and delta is not None
    assert named(mistake_values(two, grad), 0.2, "0.2", expected_value(two, grad), grad) == ("grad_y_minus_a",)
    assert named(mistake_values(two, delta), 0.0733, "0.0733", expected_value(two, delta), delta) == ("fprime_of_a",)
    one = load_lesson(lessons_dir() / "01_chain_rule.json")  # L = ‖y − a‖²: ∇ₐL = 2(a − y) = −0.77
    grad = one.steps[2].predict
    assert grad is not None and grad.quantity == "grad_a"
    values, right = mistake_values(one, grad), expected_value(one, grad)
    assert named(values, -0.385, "-0.385", right, grad) == ("two_forgotten",)
    assert named(values, 0.385, "0.385", right, grad) == ("grad_y_minus_a",)
    four = load_lesson(lessons_dir() / "04_bp3_bp4_batch_mean.json")
    loss = four.steps[2].predict
    assert loss is not None and loss.quantity == "loss"
    values, right = mistake_values(four, loss), expected_value(four, loss)
    assert named(values, 0.5746, "0.5746", right, loss) == ("half_dropped",)
    assert named(values, 0.862, "0.862", right, loss) == ("sum_for_mean",)
    assert named(values, 0.29, "0.29", right, loss) == ()  # 0.2873 at two decimals: right, not a mistake


@pytest.mark.parametrize(("mistake", "quantity"), [("bias_forgotten", "z"), ("sigmoid_sign", "a"),
                                                   ("bias_forgotten", "loss"), ("sigmoid_sign", "loss")])
def test_forward_mistakes_are_named_in_z_a_and_the_loss(mistake: str, quantity: str) -> None:
    project = square_project()
    st = project.stepper()
    x, y = st.current_batch()
    made = "loss" if quantity == "loss" else key(quantity, 1)
    index = () if quantity == "loss" else (1, 0)
    buggy = buggy_value(mistake, st.plan, st.parameters, x, y, made, index)
    assert buggy is not None
    lesson = lesson_of(project, [predict_json(quantity, 1, 1, 0)])
    predict = lesson.steps[0].predict
    assert predict is not None and predict.after.kind == AFTER[quantity]
    right = expected_value(lesson, predict)
    text = f"{buggy:.3f}"
    assert not predict.accepts(float(text), right)
    assert named(mistake_values(lesson, predict), float(text), text, right, predict)[0] == mistake


def test_other_ways_of_typing_and_a_fraction() -> None:
    lesson = load_lesson(lessons_dir() / "02_bp1_output_error.json")
    predict = lesson.steps[3].predict  # δ¹₂ = 0.063; y − a gives −0.063
    assert predict is not None
    values, right = mistake_values(lesson, predict), expected_value(lesson, predict)
    for text in ("−0.063", "-6.3e-2", "-0,063", "－０.０６３", "-63/1000"):
        assert named(values, parse_answer(text), text, right, predict) == ("grad_y_minus_a",), text
    assert named(values, -0.07, "-0.07", right, predict) == ()  # near no mistake at that precision
    assert named(values, float("nan"), "nan", right, predict) == ()


def test_naming_stays_within_its_budget() -> None:
    """Every shipped prediction can be named; one about iteration 60 of the digits network (16 + 60 iterations of
    about 330,000 multiply-adds) would take too long in the window: the hint alone."""
    for path in lessons_dir().glob("*.json"):
        lesson = load_lesson(path)
        for step in lesson.steps:
            if step.predict is not None:
                assert affordable(lesson, step.predict), path.name
    text = json.dumps({"format": "bpstudio-lesson", "version": 1, "title": "digits", "preset": "digits_softmax",
                       "steps": [{"text": "z", "predict": {"quantity": "z", "layer": 1, "row": 1, "col": 1,
                                                           "iteration": 60}}]})
    late = loads_lesson(text)
    predict = late.steps[0].predict
    assert predict is not None and not affordable(late, predict) and mistake_values(late, predict) == {}
    early = loads_lesson(text.replace('"iteration": 60', '"iteration": 1'))
    assert early.steps[0].predict is not None and affordable(early, early.steps[0].predict)
    assert "bias_forgotten" in mistake_values(early, early.steps[0].predict)  # evaluated: z without the bias
