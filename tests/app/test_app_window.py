"""The studio window, driven by its actions with the engine in its worker thread, shows the engine's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from window_helpers import settle

from bpstudio.app.window.launch import load_start_project
from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.text.explain import format_number

EXAMPLE = "seed003_2-2-1"
QUANTITIES = ("W", "b", "z", "a", "delta", "dW", "db")


@pytest.fixture
def window(open_window):
    return open_window(EXAMPLE, threaded=True, size=(1280, 800))


def trigger(qtbot, w: MainWindow, action) -> None:
    action.trigger()
    settle(qtbot, w)


def assert_panels_match(w: MainWindow, expected) -> None:
    """Every matrix of the selected layer equals the engine's array; absent ones show as not computed."""
    layer = w.state.layer
    for q in QUANTITIES:
        model = w.matrices.model(q, layer)
        array = expected.get(q, layer)
        if array is None:
            assert not model.computed
            continue
        assert model.computed
        assert (model.rowCount(), model.columnCount()) == array.shape
        for r in range(array.shape[0]):
            for c in range(array.shape[1]):
                assert model.value(r, c) == array[r, c]
                shown = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
                assert shown == format_number(array[r, c], w.matrices.precision())


def test_opens_on_the_example_ready_to_step(window):
    assert window.windowTitle() == f"BP Studio — {load_project(example_path(EXAMPLE)).name}"
    assert window.where.text() == "Ready · next: forward, layer 1 · iteration 1 · epoch 1"
    assert window.state.snapshot.position == 0
    assert not window.actions_.back.isEnabled()


def test_every_action_has_a_shortcut_in_its_tooltip(window):
    more = window.window_actions
    for action in window.actions_.all() + [more.undo, more.open, more.next_layer]:
        assert action.shortcuts(), action.text()
        assert action.shortcut().toString() in action.toolTip() or "Ctrl+Z" in action.toolTip()
    assert window.actions_.step.shortcut().toString() == "F11"
    assert window.actions_.forward.shortcut().toString() == "F10"
    assert window.actions_.backward.shortcut().toString() == "Shift+F10"
    assert window.actions_.finish.shortcut().toString() == "F5"
    assert window.actions_.reset.shortcut().toString() == "Ctrl+R"


def test_a_whole_iteration_by_the_step_action(qtbot, window):
    reference = load_project(example_path(EXAMPLE)).stepper()
    where = [
        "Forward · layer 1 of 2 · iteration 1 · epoch 1",
        "Forward · layer 2 of 2 · iteration 1 · epoch 1",
        "Loss · iteration 1 · epoch 1 · L = ",
        "Backward · layer 2 of 2 · iteration 1 · epoch 1",
        "Backward · layer 1 of 2 · iteration 1 · epoch 1",
        "Update · iteration 1 · epoch 1",
    ]
    for expected_where in where:
        trigger(qtbot, window, window.actions_.step)
        snap = reference.step()
        assert window.where.text().startswith(expected_where)
        assert window.state.snapshot.stage == snap.stage
        assert_panels_match(window, snap)
        assert window.equations.highlighted() == snap.stage.equations(2)
        assert window.stages.list.currentRow() == snap.position - 1
        text = window.equations.text()
        if snap.stage.kind == "backward" and snap.stage.layer == 1:  # BP2 with the numbers substituted
            d1 = snap.get("delta", 1)
            assert format_number(d1[0, 0], 4) in text and format_number(d1[1, 3], 4) in text
            W2, d2, a1 = snap.get("W", 2), snap.get("delta", 2), snap.get("a", 1)
            np.testing.assert_array_equal(d1, (W2.T @ d2) * (a1 * (1 - a1)))
        if snap.stage.kind == "loss":
            assert f"L = {format_number(snap.loss, 4)}" in window.where.text()  # the panels' precision
    # hovering an entry says how it was computed, with the engine's numbers
    window.select_layer(2)
    model = window.matrices.model("z", 2)
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    z = snap.get("z", 2)[0, 1]
    W, a1, b = snap.get("W", 2), snap.get("a", 1), snap.get("b", 2)
    assert format_number(z, 4) in tip and "=" in tip
    assert snap.stage.kind == "update"
    eta = window.state.learning_rate  # z² was computed with W² as it was before this update
    W_before, b_before = W + eta * snap.get("dW", 2), b + eta * snap.get("db", 2)
    assert z == pytest.approx(W_before[0] @ a1[:, 1] + b_before[0, 0], rel=1e-12)
    dW_model = window.matrices.model("dW", 2)
    dW_tip = dW_model.data(dW_model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert format_number(snap.get("dW", 2)[0, 1], 4) in dW_tip


def test_step_back_restores_the_panels(qtbot, window):
    reference = load_project(example_path(EXAMPLE)).stepper()
    for _ in range(5):
        trigger(qtbot, window, window.actions_.step)
        snap5 = reference.step()
    trigger(qtbot, window, window.actions_.step)
    assert window.where.text().startswith("Update")
    trigger(qtbot, window, window.actions_.back)
    assert window.where.text() == "Backward · layer 1 of 2 · iteration 1 · epoch 1"
    assert window.state.snapshot.position == 5
    for key, value in snap5.arrays.items():
        np.testing.assert_array_equal(window.state.snapshot.arrays[key], value)
    assert_panels_match(window, snap5)
    trigger(qtbot, window, window.actions_.reset)
    assert window.state.snapshot.position == 0 and window.state.snapshot.get("z", 1) is None
    assert not window.matrices.model("z", 1).computed  # not computed: no stale numbers


def test_forward_backward_finish_and_the_stage_list(qtbot, window):
    trigger(qtbot, window, window.actions_.backward)  # runs forward 1, 2, loss, then backward 2
    assert window.where.text() == "Backward · layer 2 of 2 · iteration 1 · epoch 1"
    trigger(qtbot, window, window.actions_.finish)
    assert window.where.text() == "Update · iteration 1 · epoch 1"
    trigger(qtbot, window, window.actions_.forward)
    assert window.where.text() == "Forward · layer 1 of 2 · iteration 2 · epoch 2"  # full batch: 1 iteration/epoch
    window.stages.stageRequested.emit(4)  # click "Backward · layer 2"
    settle(qtbot, window)
    assert window.where.text() == "Backward · layer 2 of 2 · iteration 2 · epoch 2"


def test_editing_a_weight_through_the_canvas_with_undo(qtbot, window):
    old = float(window.state.snapshot.arrays["L2/W"][0, 1])
    window.canvas.parameterClicked.emit(2, "W", 0, 1)
    assert window.parameter_dock.isVisible()
    editor = window.parameter_editor
    editor.value_edit.setText("abc")
    editor.submit()
    assert editor.message() and window.undo_stack.count() == 0  # refused, nothing changed
    editor.value_edit.setText("0.25")
    editor.submit()
    settle(qtbot, window)
    assert window.state.snapshot.arrays["L2/W"][0, 1] == 0.25
    assert window.matrices.model("W", 2).value(0, 1) == 0.25
    window.window_actions.undo.trigger()
    settle(qtbot, window)
    assert window.state.snapshot.arrays["L2/W"][0, 1] == old
    window.window_actions.redo.trigger()
    settle(qtbot, window)
    assert window.state.snapshot.arrays["L2/W"][0, 1] == 0.25


def test_an_invalid_network_edit_is_refused_with_a_message(qtbot, window):
    project = window.state.project
    box = window.form.loss_box
    ce = next(i for i in range(box.count()) if "cross" in box.itemText(i).lower() and "binary" not in
              box.itemText(i).lower())
    box.setCurrentIndex(ce)  # cross-entropy needs a softmax output; this one is sigmoid
    settle(qtbot, window)
    assert window.form.message_is_error() and "softmax" in window.form.message()
    assert window.state.project is project and window.undo_stack.count() == 0
    assert "squared" in box.currentText().lower() or "½" in box.currentText()


def test_a_valid_network_edit_rebuilds_and_undoes(qtbot, window):
    window.form.layer_units_box(1).setValue(3)
    window.form.layer_units_box(1).editingFinished.emit()
    settle(qtbot, window)
    assert window.state.project.network.sizes == (2, 3, 1)
    assert window.state.snapshot.arrays["L1/W"].shape == (3, 2)
    trigger(qtbot, window, window.actions_.step)
    assert window.matrices.model("z", 1).rowCount() == 3
    window.window_actions.undo.trigger()
    settle(qtbot, window)
    assert window.state.project.network.sizes == (2, 2, 1)


def test_opening_a_bad_file_keeps_the_current_work(qtbot, window, tmp_path):
    trigger(qtbot, window, window.actions_.step)
    bad = tmp_path / "bad.bpsproj"
    bad.write_text('{"format": "bpstudio-project", "version": 99}', encoding="utf-8")
    window.files.open_path(bad)
    assert "newer BP Studio" in window.messages.text()
    assert window.state.snapshot.position == 1 and window.state.project.name.startswith("Seed 003")


def test_closing_while_the_worker_is_busy_is_clean(qtbot):
    w = MainWindow(load_project(example_path("spiral_softmax")), threaded=True)
    qtbot.addWidget(w)
    w.show()
    w.controller.run_iterations(10_000_000)
    qtbot.wait(50)
    assert w.controller.busy and w.actions_.stop.isEnabled()
    thread = w.controller._thread
    w.close()
    assert thread is not None and thread.isFinished()


def test_a_bad_start_project_falls_back_to_the_example_with_a_message(tmp_path):
    bad = tmp_path / "broken.bpsproj"
    bad.write_text("{ not json", encoding="utf-8")
    project, error = load_start_project(str(bad))
    assert project.name == load_project(example_path(EXAMPLE)).name
    assert error is not None and "not valid JSON" in error and "line 1" in error


def test_undo_returns_to_exactly_the_state_before_each_edit(qtbot, window):
    trigger(qtbot, window, window.actions_.finish)
    trigger(qtbot, window, window.actions_.finish)
    trained = dict(window.state.snapshot.arrays)
    assert window.state.snapshot.iteration == 1
    window.canvas.parameterClicked.emit(1, "W", 0, 0)
    window.parameter_editor.value_edit.setText("0.777")
    window.parameter_editor.submit()
    settle(qtbot, window)
    edited_W1 = window.state.snapshot.arrays["L1/W"].copy()
    assert edited_W1[0, 0] == 0.777
    trigger(qtbot, window, window.actions_.step)
    before_lr = dict(window.state.snapshot.arrays)
    window.form.learning_rate_box.setText("0.1")
    window.form.learning_rate_box.setModified(True)  # as typing does
    window.form.learning_rate_box.editingFinished.emit()
    settle(qtbot, window)
    assert window.state.project.training.learning_rate == 0.1
    window.form.layer_units_box(1).setValue(3)
    window.form.layer_units_box(1).editingFinished.emit()
    settle(qtbot, window)
    assert window.state.snapshot.arrays["L1/W"].shape == (3, 2)

    window.window_actions.undo.trigger()  # the units: back to the 2-unit network exactly as it was
    settle(qtbot, window)
    assert window.state.project.training.learning_rate == 0.1
    np.testing.assert_array_equal(window.state.snapshot.arrays["L1/W"], edited_W1)
    window.window_actions.undo.trigger()  # the learning rate: back to the stage and numbers before it
    settle(qtbot, window)
    assert window.state.project.training.learning_rate == 0.5
    assert window.state.snapshot.iteration == 2 and window.state.snapshot.position == 1
    for key, value in before_lr.items():
        np.testing.assert_array_equal(window.state.snapshot.arrays[key], value)
    window.window_actions.undo.trigger()  # the weight: the old value again
    settle(qtbot, window)
    assert window.state.snapshot.arrays["L1/W"][0, 0] == trained["L1/W"][0, 0]
    window.window_actions.redo.trigger()
    window.window_actions.redo.trigger()
    window.window_actions.redo.trigger()
    settle(qtbot, window)
    assert window.state.snapshot.arrays["L1/W"].shape == (3, 2) and window.state.project.training.learning_rate == 0.1


def test_every_form_field_has_a_keyboard_shortcut_and_digits_have_actions(qtbot, window):
    from PySide6.QtWidgets import QFormLayout, QLabel

    form = window.form
    fields = [form.loss_box, form.init_box, form.scale_box, form.learning_rate_box, form.batch_size_box,
              form.epochs_box, form.seed_box]
    buddies = {}
    for layout in form.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel) and label.widget().buddy() is not None:
                buddies[label.widget().buddy()] = label.widget().text()
    for field in fields:
        assert "&" in buddies[field], field.objectName()  # Alt+letter focuses it
        assert field.toolTip()
    letters = [text[text.index("&") + 1].lower() for text in buddies.values() if "&" in text]
    letters += [form.shuffle_box.text()[form.shuffle_box.text().index("&") + 1].lower()]
    assert len(letters) == len(set(letters))  # no two fields share a letter
    assert not set(letters) & {"f", "e", "s", "v", "t", "l", "h"}  # nor with the menus
    assert window.window_actions.more_digits.shortcut().toString() == "Ctrl+="
    window.window_actions.more_digits.trigger()
    settle(qtbot, window)
    assert window.matrices.precision() == 5 and window.equations._precision == 5
    window.window_actions.fewer_digits.trigger()
    window.window_actions.fewer_digits.trigger()
    assert window.matrices.precision() == 3
