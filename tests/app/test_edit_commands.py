"""Undo commands apply new on redo and old on undo; the parameter editor emits only finite numbers."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QUndoStack

from bpstudio.app.matrices.parameter_editor import ParameterEditor
from bpstudio.app.widgets.preview import example_state
from bpstudio.app.window.edit_commands import ParameterEditCommand, ProjectEditCommand
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.text.indices import parameter_symbol
from bpstudio.session.view_state import ViewState


def test_project_command_applies_new_then_old_then_new():
    old = load_project(example_path("seed003_2-2-1"))
    new = replace(old, training=replace(old.training, learning_rate=0.1))
    applied = []
    stack = QUndoStack()
    stack.push(ProjectEditCommand(applied.append, old, new, "Set learning rate to 0.1"))
    assert applied == [new]  # push runs redo
    assert stack.undoText() == "Set learning rate to 0.1"
    stack.undo()
    assert applied[-1] is old and len(applied) == 2
    assert stack.redoText() == "Set learning rate to 0.1"
    stack.redo()
    assert [p.training.learning_rate for p in applied] == [0.1, 0.5, 0.1]


def test_parameter_command_calls_apply_with_new_and_old_values():
    calls = []
    stack = QUndoStack()
    stack.push(ParameterEditCommand(lambda *args: calls.append(args), 2, "W", (0, 1), 0.45, 0.25))
    assert stack.undoText() == "Set w²₁₂ to 0.25"
    stack.undo()
    stack.redo()
    assert calls == [(2, "W", (0, 1), 0.25), (2, "W", (0, 1), 0.45), (2, "W", (0, 1), 0.25)]


def test_parameter_command_on_the_engine():
    stepper = load_project(example_path("seed003_2-2-1")).stepper()
    stack = QUndoStack()
    stack.push(ParameterEditCommand(stepper.set_parameter, 2, "W", (0, 1), 0.45, 0.25))
    assert stepper.snapshot().get("W", 2)[0, 1] == 0.25
    stack.push(ParameterEditCommand(stepper.set_parameter, 1, "b", (1, 0), 0.35, -1.0))
    assert stepper.snapshot().get("b", 1)[1, 0] == -1.0
    assert stack.undoText() == "Set b¹₂ to -1.0"
    stack.undo()
    stack.undo()
    assert stepper.snapshot().get("W", 2)[0, 1] == 0.45
    assert stepper.snapshot().get("b", 1)[1, 0] == 0.35
    stack.redo()
    assert stepper.snapshot().get("W", 2)[0, 1] == 0.25


def test_symbols_are_one_based_for_people():
    assert parameter_symbol(2, "W", 0, 1) == "w²₁₂"  # unit 2 of layer 1 → unit 1 of layer 2
    assert parameter_symbol(2, "b", 0) == "b²₁"
    assert parameter_symbol(3, "W", 11, 0) == "w³₁₂,₁"  # several digits: a comma keeps them apart


@pytest.fixture
def editor(qtbot) -> ParameterEditor:
    e = ParameterEditor()
    qtbot.addWidget(e)
    e.resize(300, 140)
    e.show()
    e.set_target(2, "W", 0, 1, 0.45)
    return e


def test_editor_shows_the_symbol_and_value(editor):
    assert editor.symbol_label.text() == "w²₁₂"
    assert "0.45" in editor.value_label.text()
    assert editor.value_edit.text() == "0.45"
    assert editor.meaning_label.text() == "The weight from unit 2 of layer 1 to unit 1 of layer 2."
    editor.set_target(2, "b", 0, 0, 0.6)
    assert editor.symbol_label.text() == "b²₁" and editor.target == (2, "b", 0, 0)


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-inf", "", "   "])
def test_editor_refuses_what_is_not_a_finite_number(qtbot, editor, text):
    editor.value_edit.setText(text)
    with qtbot.assertNotEmitted(editor.valueEntered):
        assert editor.submit() is False
    assert editor.message_label.isVisible() and editor.message()


def test_editor_emits_the_number(qtbot, editor):
    editor.value_edit.setText("abc")
    editor.submit()
    editor.value_edit.clear()
    qtbot.keyClicks(editor.value_edit, "0.25")
    assert editor.message() == ""  # typing clears the old complaint
    with qtbot.waitSignal(editor.valueEntered, timeout=1000) as blocker:
        editor.apply_button.click()
    assert blocker.args == [2, "W", 0, 1, 0.25]
    assert editor.message() == ""


def test_editor_follows_the_engine_and_feeds_an_undo_command(qtbot, editor):
    project = load_project(example_path("seed003_2-2-1"))
    stepper = project.stepper()
    stack = QUndoStack()

    def entered(layer, name, row, col, value):
        stack.push(ParameterEditCommand(stepper.set_parameter, layer, name, (row, col), editor.value, value))
        editor.set_state(ViewState(project, stepper.snapshot(), layer))

    editor.valueEntered.connect(entered)
    editor.value_edit.setText("0.25")
    editor.submit()
    assert stepper.snapshot().get("W", 2)[0, 1] == 0.25 and editor.value == 0.25
    stack.undo()
    editor.set_state(ViewState(project, stepper.snapshot(), 2))
    assert editor.value == 0.45 and editor.value_edit.text() == "0.45"


def test_editor_without_a_target_takes_the_selected_layer(qtbot):
    e = ParameterEditor()
    qtbot.addWidget(e)
    assert not e.isEnabled()
    e.set_state(example_state("seed003_2-2-1", layer=2))
    assert e.target == (2, "W", 0, 0) and e.value == 0.40 and e.symbol_label.text() == "w²₁₁"
