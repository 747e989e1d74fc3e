"""The network form shows a project's network and hyper-parameters and asks for valid edits only."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from bpstudio.app.forms.network_form import NetworkForm
from bpstudio.app.widgets.preview import example_state
from bpstudio.app.window.edit_commands import ProjectEditCommand
from bpstudio.engine import LayerSpec, Project, ValidationError
from bpstudio.session.project_edits import edit_project
from bpstudio.session.view_state import ViewState


def state_of(project: Project) -> ViewState:
    return ViewState(project, project.stepper().snapshot())


@pytest.fixture
def seed003() -> ViewState:
    return example_state("seed003_2-2-1")


@pytest.fixture
def spiral() -> ViewState:
    return example_state("spiral_softmax")


@pytest.fixture
def form(qtbot, seed003) -> NetworkForm:
    f = NetworkForm()
    qtbot.addWidget(f)
    f.resize(300, 700)
    f.show()
    f.set_state(seed003)
    return f


def combo_items(box) -> list[str]:
    return [box.itemData(i) for i in range(box.count())]


def request(qtbot, form: NetworkForm, action) -> tuple[Project, str]:
    with qtbot.waitSignal(form.projectEditRequested, timeout=1000) as blocker:
        action()
    new, text = blocker.args
    return new, text


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


# ----- showing -------------------------------------------------------------------------------
def test_disabled_until_a_project_arrives(qtbot):
    f = NetworkForm()
    qtbot.addWidget(f)
    assert not f.isEnabled()


def test_shows_the_seed003_project(form, seed003):
    assert form.input_size_box.value() == 2 and form.input_size_box.isReadOnly()
    assert form.layer_units_box(1).value() == 2 and not form.layer_units_box(1).isReadOnly()
    assert form.layer_units_box(2).value() == 1 and form.layer_units_box(2).isReadOnly()
    assert form.activation_box(1).currentData() == "sigmoid"
    assert form.activation_box(2).currentData() == "sigmoid"
    assert form.loss_box.currentData() == "squared_error"
    assert form.loss_box.currentText() == "½‖y − a‖²"
    assert combo_items(form.init_box) == ["xavier", "he", "small_uniform", "zeros", "explicit"]
    assert form.init_box.currentData() == "explicit"  # the project holds Mazur's weights
    assert not form.scale_box.isEnabled()
    assert form.learning_rate_box.text() == "0.5"
    assert form.batch_size_box.value() == 0 and form.batch_size_box.text() == "full batch"
    assert form.epochs_box.value() == 10000
    assert form.seed_box.value() == 0
    assert not form.shuffle_box.isChecked()
    assert "4 samples" in form.data_label.text()
    assert form.message() == "" and not form.message_label.isVisible()
    assert form.project is seed003.project


def test_shows_the_spiral_project(form, spiral):
    form.set_state(spiral)
    assert [form.layer_units_box(l).value() for l in (1, 2, 3)] == [16, 16, 3]
    assert [form.activation_box(l).currentData() for l in (1, 2, 3)] == ["relu", "relu", "softmax"]
    assert form.loss_box.currentData() == "cross_entropy"
    assert combo_items(form.init_box) == ["xavier", "he", "small_uniform", "zeros"]  # no explicit weights
    assert form.init_box.currentData() == "he"
    assert form.learning_rate_box.text() == "0.2"
    assert form.batch_size_box.value() == 32 and form.batch_size_box.text() == "32"
    assert form.epochs_box.value() == 300
    assert form.shuffle_box.isChecked()
    assert "spiral" in form.data_label.text() and "300 samples" in form.data_label.text()
    assert not form.move_up_button(1).isEnabled() and form.move_down_button(1).isEnabled()
    assert form.move_up_button(2).isEnabled() and not form.move_down_button(2).isEnabled()
    with pytest.raises(IndexError):
        form.remove_layer_button(3)  # the output layer is not removable


def test_softmax_is_offered_only_for_the_output_layer(form, spiral):
    form.set_state(spiral)
    assert "softmax" not in combo_items(form.activation_box(1))
    assert "softmax" not in combo_items(form.activation_box(2))
    assert "softmax" in combo_items(form.activation_box(3))


def test_every_control_explains_itself(form, spiral):
    form.set_state(spiral)
    controls = [form.input_size_box, form.loss_box, form.init_box, form.scale_box, form.learning_rate_box,
                form.batch_size_box, form.epochs_box, form.seed_box, form.shuffle_box, form.add_layer_button]
    for l in (1, 2, 3):
        controls += [form.layer_units_box(l), form.activation_box(l)]
    for l in (1, 2):
        controls += [form.move_up_button(l), form.move_down_button(l), form.remove_layer_button(l)]
    assert all(w.toolTip().strip() for w in controls), [type(w).__name__ for w in controls if not w.toolTip()]
    assert "fixed by the data" in form.input_size_box.toolTip()
    assert "fixed by the data's targets" in form.layer_units_box(3).toolTip()
    assert "one-hot over 3 classes" in form.layer_units_box(3).toolTip()
    assert "W ← W − η ∂L/∂W" in form.learning_rate_box.toolTip()
    assert "mean over its m samples" in form.batch_size_box.toolTip() and "N = 300" in form.batch_size_box.toolTip()
    assert "⌈N / m⌉ = 10" in form.epochs_box.toolTip()
    assert "W¹ is 16 × 2" in form.layer_units_box(1).toolTip()


def test_set_state_emits_nothing(qtbot, form, seed003, spiral):
    with qtbot.assertNotEmitted(form.projectEditRequested):
        form.set_state(spiral)
        form.set_state(seed003)
        form.set_state(spiral)
        form.set_state(spiral.with_layer(2))
    assert form.layer_units_box(1).value() == 16


# ----- edits that are requested ------------------------------------------------------------
def test_changing_hidden_units_drops_the_explicit_weights(qtbot, form, seed003):
    new, text = request(qtbot, form, lambda: form.layer_units_box(1).setValue(4))
    assert text == "Set layer 1 units to 4"
    assert [(x.units, x.activation) for x in new.network.layers] == [(4, "sigmoid"), (1, "sigmoid")]
    assert new.parameters is None and new.init.method == "xavier"
    assert new.training == seed003.project.training and new.data == seed003.project.data
    assert new.stepper().parameters[0][0].shape == (4, 2)
    assert form.project is seed003.project  # the form never applies the edit itself
    assert form.message_label.isVisible() and not form.message_is_error()
    assert "xavier" in form.message()


def test_changing_the_learning_rate_keeps_the_weights(qtbot, form, seed003):
    new, text = request(qtbot, form, lambda: type_into(qtbot, form.learning_rate_box, "0.1"))
    assert text == "Set learning rate to 0.1"
    assert new.training.learning_rate == 0.1
    assert new.training.epochs == 10000 and new.network == seed003.project.network
    assert new.init.method == "explicit" and new.parameters is not None
    for (W, b), (W0, b0) in zip(new.parameters, seed003.project.parameters, strict=True):
        np.testing.assert_array_equal(W, W0)
        np.testing.assert_array_equal(b, b0)
    assert form.message() == ""


@pytest.mark.parametrize("text", ["abc", "0", "-1", "nan", "inf"])
def test_a_bad_learning_rate_is_refused(qtbot, form, text):
    with qtbot.assertNotEmitted(form.projectEditRequested):
        type_into(qtbot, form.learning_rate_box, text)
    assert form.message_is_error() and form.message_label.isVisible()
    assert "greater than 0" in form.message()
    assert form.learning_rate_box.text() == "0.5"


def test_batch_size_and_seed_keep_the_weights(qtbot, form):
    new, text = request(qtbot, form, lambda: form.batch_size_box.setValue(2))
    assert text == "Set batch size to 2" and new.training.batch_size == 2 and new.parameters is not None
    new, text = request(qtbot, form, lambda: form.seed_box.setValue(7))
    assert text == "Set seed to 7" and new.training.seed == 7 and new.parameters is not None
    new, text = request(qtbot, form, lambda: form.shuffle_box.setChecked(True))
    assert text == "Turn shuffling on" and new.training.shuffle is True


def test_full_batch_from_the_spiral(qtbot, form, spiral):
    form.set_state(spiral)
    new, text = request(qtbot, form, lambda: form.batch_size_box.setValue(0))
    assert text == "Use the full batch" and new.training.batch_size == 0


def test_choosing_an_initialiser_drops_the_explicit_weights(qtbot, form):
    new, text = request(qtbot, form, lambda: form.init_box.setCurrentIndex(form.init_box.findData("he")))
    assert text == "Set initialiser to he"
    assert new.init.method == "he" and new.parameters is None
    assert "dropped" in form.message() and not form.message_is_error()


def test_add_a_hidden_layer(qtbot, form, spiral):
    form.set_state(spiral)
    new, text = request(qtbot, form, form.add_layer_button.click)
    assert text == "Add hidden layer 3"
    assert [(x.units, x.activation) for x in new.network.layers] == [
        (16, "relu"), (16, "relu"), (16, "relu"), (3, "softmax")]
    assert new.init.method == "he"  # no explicit weights to drop: the initialiser stays


def test_add_a_layer_to_seed003_drops_its_weights(qtbot, form):
    new, _ = request(qtbot, form, form.add_layer_button.click)
    assert new.network.sizes == (2, 2, 2, 1)
    assert new.parameters is None and new.init.method == "xavier"


def test_remove_and_move_layers(qtbot, form, spiral):
    layers = (LayerSpec(16, "relu"), LayerSpec(8, "tanh"), LayerSpec(3, "softmax"))
    project = replace(spiral.project, network=replace(spiral.project.network, layers=layers))
    form.set_state(state_of(project))
    new, text = request(qtbot, form, form.move_down_button(1).click)
    assert text == "Move layer 1 down"
    assert [(x.units, x.activation) for x in new.network.layers] == [(8, "tanh"), (16, "relu"), (3, "softmax")]
    new, text = request(qtbot, form, form.move_up_button(2).click)
    assert text == "Move layer 2 up"
    assert [x.units for x in new.network.layers] == [8, 16, 3]
    new, text = request(qtbot, form, form.remove_layer_button(1).click)
    assert text == "Remove layer 1"
    assert [(x.units, x.activation) for x in new.network.layers] == [(8, "tanh"), (3, "softmax")]


def test_changing_an_activation_keeps_the_weights(qtbot, form):
    box = form.activation_box(1)
    new, text = request(qtbot, form, lambda: box.setCurrentIndex(box.findData("tanh")))
    assert text == "Set layer 1 activation to tanh"
    assert new.network.layers[0].activation == "tanh" and new.parameters is not None


def test_binary_cross_entropy_with_a_sigmoid_output_is_accepted(qtbot, form):
    new, text = request(qtbot, form, lambda: form.loss_box.setCurrentIndex(
        form.loss_box.findData("binary_cross_entropy")))
    assert text == "Set loss to binary cross-entropy"
    assert new.network.loss == "binary_cross_entropy" and new.parameters is not None


# ----- edits that are refused ---------------------------------------------------------------
def test_cross_entropy_on_a_single_target_value_is_refused_with_a_way_out(qtbot, form, seed003):
    with qtbot.assertNotEmitted(form.projectEditRequested):
        form.loss_box.setCurrentIndex(form.loss_box.findData("cross_entropy"))
    assert form.message_label.isVisible() and form.message_is_error()
    # cross-entropy brings a softmax output, which one target value cannot have: say what to do instead
    assert "softmax needs at least 2 output units" in form.message()
    assert "choose class data on the Data tab, or keep a sigmoid or linear output" in form.message()
    assert "#b3261e" in form.message_label.styleSheet()  # red
    assert form.loss_box.currentData() == "squared_error"  # the combo went back
    assert form.project is seed003.project


def test_softmax_with_one_output_unit_is_explained(qtbot, form):
    box = form.activation_box(2)
    assert "at least 2 units" in box.itemData(box.findData("softmax"), Qt.ItemDataRole.ToolTipRole)
    with qtbot.assertNotEmitted(form.projectEditRequested):
        box.setCurrentIndex(box.findData("softmax"))
    assert form.message_is_error() and "at least 2 output units" in form.message()
    assert box.currentData() == "sigmoid"


def test_an_output_activation_brings_its_loss_along(qtbot, form, spiral):
    form.set_state(spiral)
    box = form.activation_box(3)
    new, text = request(qtbot, form, lambda: box.setCurrentIndex(box.findData("sigmoid")))
    assert (new.network.layers[-1].activation, new.network.loss) == ("sigmoid", "binary_cross_entropy")
    assert text == "Set layer 3 activation to sigmoid σ (the loss to binary cross-entropy)"
    assert not form.message_is_error()
    assert form.message().endswith("Also changed, so that the output, the loss and the targets fit together: the loss "
                                    "to binary cross-entropy.")


def test_a_valid_edit_clears_the_error(qtbot, form):
    form.loss_box.setCurrentIndex(form.loss_box.findData("cross_entropy"))
    assert form.message_is_error()
    request(qtbot, form, lambda: form.epochs_box.setValue(50))
    assert form.message() == ""


def test_edits_must_fit_the_data(seed003):
    two_outputs = replace(seed003.project.network,
                          layers=(LayerSpec(2, "sigmoid"), LayerSpec(2, "sigmoid")))
    with pytest.raises(ValidationError) as err:
        edit_project(seed003.project, network=two_outputs)
    assert err.value.field == "data.y"


# ----- with a main window's undo stack ------------------------------------------------------
def test_requests_round_trip_through_an_undo_stack(qtbot, form, seed003):
    stack = QUndoStack()

    def apply(project: Project) -> None:
        form.set_state(state_of(project))

    form.projectEditRequested.connect(
        lambda new, text: stack.push(ProjectEditCommand(apply, form.project, new, text)))
    form.add_layer_button.click()
    assert form.layer_units_box(3).value() == 1 and form.layer_units_box(2).value() == 2
    assert stack.undoText() == "Add hidden layer 2"
    assert "xavier" in form.message()  # the information stays when the requested project arrives
    form.remove_layer_button(1).click()  # a button of the rebuilt grid
    assert form.project.network.sizes == (2, 2, 1) and stack.count() == 2
    stack.undo()
    stack.undo()
    assert form.project == seed003.project and form.init_box.currentData() == "explicit"
    assert form.message() == ""  # a project from elsewhere: the old message no longer applies
    stack.redo()
    assert form.project.network.sizes == (2, 2, 2, 1)
