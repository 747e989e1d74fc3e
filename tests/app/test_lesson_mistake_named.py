"""Name the mistake, in the real window: a learner types, in the Lesson panel, the number a typical mistake gives
(the library's own buggy value, rounded to four decimals) and the feedback names that mistake, says what they
did with its formula, then gives the hint; the right answer, typed at any precision, never names a mistake;
the shipped lessons do it too, in English and in Chinese."""

from __future__ import annotations

import html

import pytest
from mistake_cases import PROJECTS, find_case, lesson_of
from PySide6.QtCore import Qt
from window_helpers import settle

from bpstudio.engine.lessons import lessons_dir
from bpstudio.engine.mistakes import MISTAKES, mistake


@pytest.fixture
def window(open_window):
    return open_window(size=(1280, 800))


def type_answer(qtbot, panel, text: str) -> str:
    panel.answer.clear()
    if text.isascii():
        qtbot.keyClicks(panel.answer, text)
    else:  # QTest types ASCII only; an input method's text is inserted
        panel.answer.insert(text)
    qtbot.keyClick(panel.answer, Qt.Key.Key_Return)  # Enter checks
    return panel.feedback.text()


def shows(text: str, feedback: str) -> bool:
    return html.escape(text, quote=False) in feedback


def test_every_mistake_is_named_as_the_learner_types_it(qtbot, window):
    cases = [find_case(m.id) for m in MISTAKES]
    assert all(cases), [m.id for m, c in zip(MISTAKES, cases, strict=True) if c is None]
    window.lessons.show_action.trigger()
    panel = window.lessons.panel
    seen = set()
    for name, make in PROJECTS.items():
        here = [c for c in cases if c is not None and c.project == name]
        if not here:
            continue
        assert panel.start(lesson_of(make(), [c.predict for c in here]))
        settle(qtbot, window)
        for i, case in enumerate(here):
            assert panel.progress.text() == f"Step {i + 1} of {len(here)}"
            m = mistake(case.mistake)
            feedback = type_answer(qtbot, panel, case.typed)
            assert f"Not quite ({case.typed.rstrip('0')}" in feedback, feedback
            assert shows(m.title, feedback) and shows(m.what_you_did, feedback), (case, feedback)
            assert feedback.index(html.escape(m.what_you_did, quote=False)) < feedback.index(
                "Hint: Look at the equation panel.")
            assert not panel.next_button.isEnabled() and panel.reveal_button.isVisible()
            for digits in (2, 4):  # the right answer: never a mistake's (two decimals: not accepted either)
                feedback = type_answer(qtbot, panel, f"{case.right:.{digits}f}")
                assert not any(shows(other.title, feedback) for other in MISTAKES), feedback
            assert "Right!" in feedback
            seen.add(case.mistake)
            qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert seen == {m.id for m in MISTAKES}


def test_a_shipped_lesson_names_y_minus_a_in_english_and_chinese(qtbot, window):
    from bpstudio.app.look import language

    panel = window.lessons.panel
    window.lessons.show_action.trigger()
    assert panel.start_path(lessons_dir() / "02_bp1_output_error.json")
    window.lessons.next_action.trigger()
    window.actions_.forward.trigger()
    settle(qtbot, window)
    window.lessons.next_action.trigger()
    assert panel.progress.text() == "Step 3 of 7"  # ∇ₐL₁ = a₁ − y₁ = −0.2
    m = mistake("grad_y_minus_a")
    feedback = type_answer(qtbot, panel, "0.2")
    assert shows(m.title, feedback) and shows(m.what_you_did, feedback)
    assert "a − y, not y − a" in feedback  # then the lesson's own hint
    feedback = type_answer(qtbot, panel, "-0.3")  # a wrong number no mistake gives: the hint alone
    assert "Not quite (-0.3). Hint:" in feedback and not any(shows(o.title, feedback) for o in MISTAKES)
    language.install_language(language.CHINESE)
    try:
        feedback = type_answer(qtbot, panel, "0.2")
        assert m.title != "∂L/∂a taken as y − a" and shows(m.title, feedback)  # the Chinese title
        assert "不对" in feedback or "不太对" in feedback, feedback
        assert "a₁ = 0.8，y₁ = 1：是 a − y，不是 y − a。" in feedback  # the lesson's Chinese hint
        assert "Not quite" not in feedback and "Hint" not in feedback
    finally:
        language.install_language(language.ENGLISH)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_named_mistake_is_in_sight_in_a_short_dock(qtbot, open_window, size):
    """Lesson 2's δ¹₂ = 0.063 predicted as 0.0733 (σ′ taken at a): the whole feedback is on screen, the dock
    scrolled to it where it is too short."""
    window = open_window(size=size)
    lessons, panel = window.lessons, window.lessons.panel
    lessons.show_action.trigger()
    assert panel.start_path(lessons_dir() / "02_bp1_output_error.json")
    while panel.course.index < 3:
        if panel.step.predict is not None:
            type_answer(qtbot, panel, str(panel.course.expected_value()))
        if not panel.course.can_go_next():
            window.actions_.step.trigger()
            settle(qtbot, window)
        lessons.next_action.trigger()
    feedback = type_answer(qtbot, panel, "0.0733")
    assert shows(mistake("fprime_of_a").what_you_did, feedback)

    def whole() -> bool:
        seen = panel.feedback.visibleRegion().boundingRect()
        return seen.height() == panel.feedback.height() and panel.feedback.height() >= 3 * panel.fontMetrics().height()

    qtbot.waitUntil(whole, timeout=5_000)
