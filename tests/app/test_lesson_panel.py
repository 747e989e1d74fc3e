"""A guided lesson run end to end through the window: started from the Lessons menu, stepped with the real
stepping actions, a wrong prediction gets the hint, a right one is accepted with the engine's number, and
the stage that reveals it shows that very number in the matrix panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bpstudio.app.lessons.lesson_panel import lesson_language
from bpstudio.app.window.project_files import ProjectFiles
from bpstudio.engine import load_project
from bpstudio.engine.lessons import lessons_dir, load_lesson
from bpstudio.engine.resource_files import example_path

LESSON = "02_bp1_output_error"


@pytest.fixture
def window(open_window):
    return open_window(size=(1440, 900))


def type_answer(qtbot, panel, text: str) -> None:
    panel.answer.clear()
    if text.isascii():
        qtbot.keyClicks(panel.answer, text)
    else:  # QTest types ASCII only; a typographic minus is pasted, as an input method would
        panel.answer.insert(text)
    qtbot.keyClick(panel.answer, Qt.Key.Key_Return)  # Enter checks


def reference_stepper():
    return load_project(example_path("seed000_output_layer")).stepper()


def test_the_lessons_menu_and_keys(window):
    lessons = window.lessons
    assert lessons.show_action.shortcut().toString() == "F1"
    assert "F1" in lessons.show_action.toolTip()
    assert lessons.next_action.shortcut().toString() == "Alt+PgDown"
    assert lessons.previous_action.shortcut().toString() == "Alt+PgUp"
    names = [a.objectName() for a in lessons.start_actions]
    assert names[0] == "startLesson_01_chain_rule" and len(names) == 7
    assert not lessons.dock.isVisible()
    lessons.show_action.trigger()
    assert lessons.dock.isVisible()
    panel = lessons.panel
    for widget in (panel.picker, panel.start_button, panel.open_button, panel.answer, panel.check_button,
                   panel.reveal_button, panel.next_button, panel.prev_button):
        assert widget.toolTip(), widget.objectName()
    assert panel.answer.accessibleName() and panel.picker.accessibleName()
    assert panel.picker.count() == 7


def test_a_lesson_end_to_end_with_a_wrong_and_a_right_prediction(qtbot, window):
    lesson = load_lesson(lessons_dir() / f"{LESSON}.json")
    lang = lesson_language()
    lessons, panel = window.lessons, window.lessons.panel
    start = next(a for a in lessons.start_actions if a.objectName() == f"startLesson_{LESSON}")
    start.trigger()
    # the preset is opened in the window, as File ▸ Open does
    assert window.result.project is panel.course.lesson.project
    assert window.windowTitle().endswith(lesson.project.name)
    assert lessons.dock.isVisible()
    assert panel.title.text() == lesson.title.get(lang)
    assert panel.progress.text() == "Step 1 of 7"
    assert lessons.panel.highlighter.panel == "network"
    assert panel.highlighter.frame is not None and panel.highlighter.frame.parent() is window.canvas
    assert not panel.prev_button.isEnabled() and panel.next_button.isEnabled()
    lessons.next_action.trigger()

    # step 2: wait for forward 1 — Next only once the engine is there
    assert panel.progress.text() == "Step 2 of 7"
    assert panel.highlighter.frame.parent() is window.matrices
    assert not panel.next_button.isEnabled()
    window.actions_.forward.trigger()  # F10
    assert panel.next_button.isEnabled()
    assert window.matrices.model("a", 1).value(0, 0) == pytest.approx(0.8, abs=1e-15)
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)

    # step 3: predict ∇ₐL₁ = a₁ − y₁ = −0.2 before the loss stage; first a wrong answer, then bad text, then right
    assert panel.progress.text() == "Step 3 of 7"
    assert panel.predict_box.isVisible() and not panel.reveal_button.isVisible()
    type_answer(qtbot, panel, "0.2")
    hint = lesson.steps[2].predict.hint.get(lang)
    assert "Not quite" in panel.feedback.text() and hint in panel.feedback.text()
    assert panel.reveal_button.isVisible()
    assert not panel.next_button.isEnabled()
    type_answer(qtbot, panel, "minus 0.2")
    assert "is not a number" in panel.feedback.text()
    type_answer(qtbot, panel, "−0.2")
    ref = reference_stepper()
    ref.step()
    ref_loss = ref.step()
    assert panel.course.expected_value() == ref_loss.arrays["grad_a"][0, 0]
    assert "Right!" in panel.feedback.text() and "-0.2" in panel.feedback.text()
    assert not panel.answer.isEnabled()
    assert not panel.next_button.isEnabled()  # the loss stage is still to come
    window.actions_.step.trigger()  # F11
    assert window.state.snapshot.arrays["grad_a"][0, 0] == panel.course.expected_value()
    assert panel.next_button.isEnabled()
    lessons.next_action.trigger()

    # step 4: predict δ₂ = 0.3 · 0.21 = 0.063, then Shift+F10 reveals it in the matrix panel
    assert panel.progress.text() == "Step 4 of 7"
    assert not window.matrices.model("delta", 1).computed
    type_answer(qtbot, panel, "6.3e-2")
    expected = ref.step().arrays["L1/delta"][1, 0]
    assert panel.course.expected_value() == expected == pytest.approx(0.063, abs=1e-12)
    assert "Right!" in panel.feedback.text()
    window.actions_.backward.trigger()  # Shift+F10
    model = window.matrices.model("delta", 1)
    assert model.computed and model.value(1, 0) == expected
    assert panel.shown_value() == expected
    assert panel.next_button.isEnabled()
    lessons.next_action.trigger()

    # step 5: the equation panel; Previous and Next keep what was done
    assert panel.highlighter.frame.parent() is window.equation_dock
    lessons.previous_action.trigger()
    assert panel.progress.text() == "Step 4 of 7" and "0.063" in panel.feedback.text()
    assert panel.next_button.isEnabled()
    lessons.next_action.trigger()
    lessons.next_action.trigger()

    # step 6: the update; a wrong answer, then Show answer
    assert panel.progress.text() == "Step 6 of 7"
    type_answer(qtbot, panel, "-0.03")  # −0.0315 is the answer: 0.0015 off is more than the tolerance
    assert "Hint" in panel.feedback.text()
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert "-0.0315" in panel.feedback.text()
    assert not panel.next_button.isEnabled()
    window.actions_.finish.trigger()  # F5
    assert window.matrices.model("W", 1).value(1, 0) == pytest.approx(-0.0315, abs=1e-15)
    lessons.next_action.trigger()

    # the last step: Finish
    assert panel.progress.text() == "Step 7 of 7"
    assert panel.next_button.text() == "Finish"
    lessons.next_action.trigger()
    assert panel.course.finished
    assert panel.progress.text() == "Lesson complete ✓ (7 steps)"
    assert panel.highlighter.frame is None


def test_starting_a_lesson_asks_about_unsaved_work_first(qtbot, window, monkeypatch):
    window.actions_.step.trigger()  # stepping makes the project unsaved
    assert window.files.dirty
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: QMessageBox.StandardButton.Cancel)
    project = window.result.project
    assert not window.lessons.panel.start_path(lessons_dir() / f"{LESSON}.json")
    assert window.result.project is project and window.lessons.panel.course.lesson is None
    # closing the window at teardown must not be cancelled too (it would stay open over later tests)
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: QMessageBox.StandardButton.Discard)


def test_a_broken_lesson_file_is_reported_not_opened(qtbot, window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bpstudio-lesson", "version": 9}', encoding="utf-8")
    project = window.result.project
    assert not window.lessons.panel.start_path(bad)
    assert window.result.project is project
    assert "newer BP Studio" in window.messages.text()


def test_lessons_speak_the_ui_language(qtbot, window):
    from bpstudio.app.look import language

    lesson = load_lesson(lessons_dir() / "01_chain_rule.json")
    language.install_language(language.CHINESE)
    try:
        panel = window.lessons.panel
        panel.fill_picker()
        assert panel.picker.itemText(0) == lesson.title.get("zh_CN") == "1 · 链式法则：每层一个神经元"
        assert panel.start_path(lessons_dir() / "01_chain_rule.json")
        assert panel.title.text() == lesson.title.get("zh_CN")
        assert "下一步" in panel.text.toPlainText()
    finally:
        language.install_language(language.ENGLISH)


def test_closing_the_dock_removes_the_outline(qtbot, window):
    panel = window.lessons.panel
    window.lessons.show_action.trigger()
    assert panel.start_path(lessons_dir() / "03_bp2_hidden_error.json")
    assert panel.highlighter.panel == "network"
    window.lessons.dock.close()
    assert panel.highlighter.frame is None
    window.lessons.show_action.trigger()
    assert panel.highlighter.panel == "network" and panel.highlighter.frame.isVisible()


def test_the_keys_open_the_panel_step_the_lesson_and_the_engine(qtbot, window):
    """Real key presses: F1 shows the panel, Alt+PgDown goes on, F10 computes the stage the step waits for."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    lessons, panel = window.lessons, window.lessons.panel
    assert lessons.dock.isVisible()
    assert panel.start_path(lessons_dir() / f"{LESSON}.json")
    qtbot.keyClick(panel.answer, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert panel.course.index == 1 and not panel.course.can_go_next()
    qtbot.keyClick(panel.answer, Qt.Key.Key_F10)
    assert window.state.snapshot.stage.name == "forward 1"
    assert panel.course.can_go_next()
    qtbot.keyClick(panel.answer, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert panel.course.index == 0
