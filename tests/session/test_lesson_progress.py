"""A lesson's progress without a window: Next waits for the engine and for the prediction, the engine's number
decides a prediction, and results of the project shown before the lesson's do not count."""

from __future__ import annotations

import pytest

from bpstudio.engine.lessons import lessons_dir, load_lesson
from bpstudio.session.lesson_progress import LessonProgress

LESSON = "02_bp1_output_error"


@pytest.fixture
def lesson():
    return load_lesson(lessons_dir() / f"{LESSON}.json")


def test_next_waits_for_the_stage_and_the_prediction(lesson):
    progress = LessonProgress()
    progress.start(lesson)
    engine = lesson.project.stepper()
    assert progress.engine_changed(lesson.project, engine.snapshot()) is False  # step 1 waits for nothing
    assert progress.can_go_next() and progress.next() and progress.index == 1
    assert not progress.can_go_next()  # step 2 waits for forward 1
    assert progress.engine_changed(lesson.project, engine.step())
    assert progress.can_go_next() and progress.next()
    # step 3 asks for ∇ₐL₁ = a₁ − y₁ = −0.2, before the loss stage
    assert progress.expected_value() == pytest.approx(-0.2, abs=1e-12)
    assert progress.layer_asked() is None  # ∇ₐL has no layer of its own in the panels
    assert not progress.check(0.2) and progress.tries == {2: 1} and not progress.answered_here
    assert progress.check(-0.2) and progress.answered_here
    assert not progress.can_go_next()  # the loss stage is still to come
    assert progress.engine_changed(lesson.project, engine.step())
    assert progress.next() and progress.index == 3 and progress.layer_asked() == 1
    progress.reveal()
    assert progress.answered_here and not progress.can_go_next()
    assert progress.previous() and progress.index == 2 and progress.can_go_next()  # what was done stays done


def test_results_of_the_project_shown_before_do_not_count(lesson):
    progress = LessonProgress()
    progress.start(lesson)
    progress.next()
    other = lesson.project.stepper()
    other.finish_iteration()
    assert not progress.engine_changed(object(), other.snapshot()) and not progress.loaded
    assert not progress.can_go_next()
    assert progress.engine_changed(lesson.project, other.snapshot()) and progress.loaded


def test_the_last_step_finishes_the_lesson(lesson):
    progress = LessonProgress()
    progress.start(lesson)
    progress.index = len(lesson.steps) - 1
    assert progress.last and progress.can_go_next()
    assert progress.next() is False and progress.finished and not progress.can_go_next()
    assert progress.previous() and not progress.finished


def test_no_lesson_no_step():
    progress = LessonProgress()
    assert progress.step is None and not progress.can_go_next() and not progress.next() and not progress.previous()
    assert progress.expected_value() is None



def test_what_the_panel_says_at_a_prediction(lesson):
    from bpstudio.session.lesson_texts import answer_html, step_html, waiting_text, wrong_html

    progress = LessonProgress()
    progress.start(lesson)
    progress.index = 2  # predict ∇ₐL₁ before the loss stage
    step = progress.step
    assert waiting_text(progress) == ("Next is enabled once you have checked your prediction. Waiting for the stage "
                                      "loss of iteration 1.")
    assert "Hint: a₁ = 0.8 and y₁ = 1" in wrong_html(step, 0.2, "en") and "#b3261e" in wrong_html(step, 0.2, "en")
    assert progress.check(-0.2)
    assert answer_html(progress, True, "en", "column").startswith('<span style="color:#1b7f2a">Right! The engine')
    assert "transposed" in step_html(step, "en", "row") and "transposed" not in step_html(step, "en", "column")
