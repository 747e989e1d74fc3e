"""The data panel gives a project new data (with a network fitted to it) and refuses typed values that make no sense."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.app.forms.data_panel import DataPanel
from bpstudio.app.widgets.preview import example_state
from bpstudio.engine import LayerSpec, NetworkSpec, Project, ValidationError, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.data_edits import project_with_data, target_classes
from bpstudio.session.view_state import ViewState


def state_of(project: Project) -> ViewState:
    return ViewState(project, project.stepper().snapshot())


def example(name: str) -> Project:
    return load_project(example_path(name))


def network_of(project: Project) -> tuple:
    net = project.network
    return net.sizes, tuple(layer.activation for layer in net.layers), net.loss


@pytest.fixture
def panel(qtbot) -> DataPanel:
    p = DataPanel()
    qtbot.addWidget(p)
    p.resize(300, 500)
    p.show()
    p.set_state(example_state("seed003_2-2-1"))
    return p


def request(qtbot, panel: DataPanel, action) -> tuple[Project, str]:
    with qtbot.waitSignal(panel.projectEditRequested, timeout=2000) as blocker:
        action()
    return blocker.args[0], blocker.args[1]


def type_into(qtbot, box, text: str, enter: bool = False) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    if enter:
        qtbot.keyClick(box, Qt.Key.Key_Return)


# ----- data_edits: the network fitted to the data ---------------------------------------------
@pytest.mark.parametrize("start, data, sizes, activations, loss, kept_weights", [
    # two classes: the 2-2-1 sigmoid output fits (0/1 targets), so it and its explicit weights stay
    ("seed003_2-2-1", {"generator": "moons", "params": {"n": 50}}, (2, 2, 1), ("sigmoid", "sigmoid"),
     "squared_error", True),
    # two classes on a 3-unit softmax: it does not fit; one-hot targets stay one-hot, so 2 softmax units
    ("spiral_softmax", {"generator": "xor"}, (2, 16, 16, 2), ("relu", "relu", "softmax"), "cross_entropy",
     None),
    # k > 2 classes: k softmax units with cross-entropy
    ("seed003_2-2-1", {"generator": "blobs", "params": {"classes": 5}}, (2, 2, 5), ("sigmoid", "softmax"),
     "cross_entropy", False),
    ("xor_tanh", {"dataset": "iris", "standardize": True}, (4, 4, 3), ("tanh", "softmax"), "cross_entropy", None),
    # a regression target: one identity unit with squared error (a sigmoid output cannot reach sin x < 0)
    ("xor_tanh", {"generator": "sine"}, (1, 4, 1), ("tanh", "identity"), "squared_error", None),
    # a typed sample with targets in (0, 1): the sigmoid output is kept, with as many units as targets
    ("seed003_2-2-1", {"x": [[0.05, 0.1]], "y": [[0.01, 0.99]]}, (2, 2, 2), ("sigmoid", "sigmoid"),
     "squared_error", False),
    # ... and when the sizes do not change the explicit weights stay (a worked example keeps its numbers)
    ("seed000_output_layer", {"x": [[2.0]], "y": [[0.0, 1.0]]}, (1, 2), ("sigmoid",), "squared_error", True),
])
def test_the_network_is_fitted_to_the_data(start, data, sizes, activations, loss, kept_weights):
    old = example(start)
    edit = project_with_data(old, data)
    assert network_of(edit.project) == (sizes, activations, loss)
    assert edit.project.data == data
    if kept_weights is not None:
        assert (edit.project.parameters is not None) == kept_weights
        assert edit.dropped_parameters == (not kept_weights)
        assert edit.project.init.method == ("explicit" if kept_weights else "xavier")
    stepper = edit.project.stepper()
    assert stepper.snapshot() is not None
    assert old == example(start)  # the old project is untouched


def test_two_class_inline_targets_are_encoded_for_the_output_layer():
    table = {"x": [[1, 2], [3, 4], [5, 6]], "y": [[1, 0], [0, 1], [1, 0]], "features": ["p", "q"],
             "classes": ["cat", "dog"]}
    one = project_with_data(example("seed003_2-2-1"), table).project  # one sigmoid unit: a 0/1 column
    assert one.data["y"] == [[0], [1], [0]] and one.data["classes"] == ["cat", "dog"]
    np.testing.assert_array_equal(one.dataset().y, [[0], [1], [0]])
    back = project_with_data(example("seed000_output_layer"), one.data).project  # two sigmoid units: one-hot
    assert back.data["y"] == [[1, 0], [0, 1], [1, 0]] and network_of(back)[0] == (2, 2)
    assert target_classes(table) == 2 and target_classes({"generator": "spiral"}) == 3
    assert target_classes({"dataset": "iris"}) == 3 and target_classes({"generator": "sine"}) is None


def test_data_that_cannot_be_used_is_refused_naming_the_field():
    old = example("seed003_2-2-1")
    with pytest.raises(ValidationError) as info:
        project_with_data(old, {"x": [[1, 2], [3]], "y": [[0], [1]]})
    assert str(info.value) == "data.x[1]: has 1 values, row 0 has 2"
    with pytest.raises(ValidationError) as info:
        project_with_data(old, {"generator": "spiral", "params": {"classes": 99}})
    assert str(info.value) == "data.params.classes: must be a whole number from 2 to 50, got 99"


# ----- the panel --------------------------------------------------------------------------------
def test_the_panel_shows_the_projects_data(qtbot, panel):
    assert panel.source() == "table" and panel.summary() == "4 samples, all for training · 2 features · 1 target value"
    panel.set_state(example_state("spiral_softmax"))
    assert panel.source() == "spiral"
    assert (panel.samples_box.value(), panel.noise_edit.text(), panel.seed_box.value(),
            panel.classes_box.value()) == (300, "0.2", 1, 3)
    assert panel.classes_box.isVisible() and not panel.x_edit.isVisible()
    assert panel.summary() == "300 samples, all for training · 2 features · 3 classes"
    panel.set_state(example_state("iris_softmax"))
    assert panel.source() == "iris" and panel.standardize_box.isChecked() and panel.test_box.value() == 20
    assert not panel.samples_box.isVisible()
    assert panel.summary() == "150 samples: 120 training, 30 test · 4 features · 3 classes"
    panel.set_state(example_state("seed000_output_layer"))
    assert panel.source() == "sample" and (panel.x_edit.text(), panel.y_edit.text()) == ("1.0", "1.0, 0.0")
    assert not panel.test_box.isVisible()
    assert panel.summary() == "1 sample · 1 feature · 2 target values"


@pytest.mark.parametrize("source, classes, sizes, activations, loss", [
    ("xor", None, (2, 2, 1), ("sigmoid", "sigmoid"), "squared_error"),
    ("circles", None, (2, 2, 1), ("sigmoid", "sigmoid"), "squared_error"),
    ("moons", None, (2, 2, 1), ("sigmoid", "sigmoid"), "squared_error"),
    ("spiral", 4, (2, 2, 4), ("sigmoid", "softmax"), "cross_entropy"),
    ("blobs", 3, (2, 2, 3), ("sigmoid", "softmax"), "cross_entropy"),
    ("sine", None, (1, 2, 1), ("sigmoid", "identity"), "squared_error"),
])
def test_each_generator_through_the_ui(qtbot, panel, source, classes, sizes, activations, loss):
    panel.set_source(source)
    assert panel.classes_box.isVisible() == (classes is not None)
    panel.samples_box.setValue(120)
    type_into(qtbot, panel.noise_edit, "0.25")
    panel.seed_box.setValue(7)
    if classes:
        panel.classes_box.setValue(classes)
    panel.test_box.setValue(25)
    panel.split_seed_box.setValue(3)
    new, text = request(qtbot, panel, lambda: qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton))
    params = {"n": 120, "noise": 0.25, "seed": 7} | ({"classes": classes} if classes else {})
    assert new.data == {"generator": source, "params": params, "test_fraction": 0.25, "split_seed": 3}
    assert network_of(new) == (sizes, activations, loss)
    assert text.endswith("data (120 samples)")
    train, test = new.split()
    assert (len(train.x), len(test.x)) == (90, 30)
    assert new.stepper().snapshot() is not None
    panel.set_state(state_of(new))
    k = f"{classes} classes" if classes else ("1 target value" if source == "sine" else "2 classes")
    features = "1 feature" if source == "sine" else "2 features"
    assert panel.summary() == f"120 samples: 90 training, 30 test · {features} · {k}"


def test_iris_through_the_ui(qtbot, panel):
    panel.set_source("iris")
    assert panel.standardize_box.isVisible() and not panel.noise_edit.isVisible()
    panel.standardize_box.setChecked(True)
    panel.test_box.setValue(20)
    new, text = request(qtbot, panel, panel.apply_button.click)
    assert new.data == {"dataset": "iris", "standardize": True, "test_fraction": 0.2, "split_seed": 0}
    assert network_of(new) == ((4, 2, 3), ("sigmoid", "softmax"), "cross_entropy")
    assert new.parameters is None and new.init.method == "xavier"  # the old explicit weights no longer fit
    assert text == "Use the Iris data"
    assert panel.message() == ("ℹ The input size is now 4. The output layer is now 3 softmax units with loss "
                               "cross-entropy, to fit the targets. The explicit starting weights no longer fit: "
                               "the weights now start from xavier.")
    panel.set_state(state_of(new))  # the message stays when the requested project arrives
    assert panel.message().startswith("ℹ The input size is now 4.")
    assert panel.summary() == "150 samples: 120 training, 30 test · 4 features · 3 classes"


def test_one_typed_sample_applies_on_enter(qtbot, panel):
    panel.set_source("sample")
    assert panel.x_edit.isVisible() and not panel.test_box.isVisible()
    type_into(qtbot, panel.x_edit, "0.05, 0.10")
    with qtbot.waitSignal(panel.projectEditRequested, timeout=2000) as blocker:
        type_into(qtbot, panel.y_edit, "0.01 0.99", enter=True)
    new, text = blocker.args
    assert new.data == {"x": [[0.05, 0.1]], "y": [[0.01, 0.99]]}
    assert network_of(new) == ((2, 2, 2), ("sigmoid", "sigmoid"), "squared_error")
    assert text == "Use one sample x = (0.05, 0.1)"
    snapshot = new.stepper().snapshot()
    np.testing.assert_array_equal(snapshot.arrays["input"], [[0.05], [0.1]])
    np.testing.assert_array_equal(snapshot.arrays["target"], [[0.01], [0.99]])


@pytest.mark.parametrize("source, field, text, message", [
    ("xor", "noise_edit", "abc", "⚠ Not changed: the noise σ must be a number ≥ 0, such as 0.1 (not “abc”)."),
    ("moons", "noise_edit", "-1", "⚠ Not changed: the noise σ must be a number ≥ 0, such as 0.1 (not “-1”)."),
    ("sample", "x_edit", "1, two", "⚠ Not changed: in the input x, value 2 “two” is not a number."),
    ("sample", "y_edit", "nan", "⚠ Not changed: in the target y, value 1 “nan” is not a number."),
    ("sample", "y_edit", " ", "⚠ Not changed: type the target y as numbers separated by commas, such as 0.05, 0.10."),
])
def test_bad_typed_values_are_refused_in_the_panel(qtbot, panel, source, field, text, message):
    old = panel.project
    panel.set_source(source)
    with qtbot.assertNotEmitted(panel.projectEditRequested):
        type_into(qtbot, getattr(panel, field), text, enter=True)
        panel.apply_button.click()
    assert panel.message() == message and panel.message_is_error()
    assert panel.project is old


def test_only_the_test_set_of_the_projects_table_changes(qtbot, panel):
    old = panel.project
    panel.test_box.setValue(25)
    new, text = request(qtbot, panel, panel.apply_button.click)
    assert new.data == {"x": old.data["x"], "y": old.data["y"], "test_fraction": 0.25, "split_seed": 0}
    assert new.network == old.network and new.parameters is not None  # nothing else changed
    assert text == "Set the test set to 25 %" and panel.message() == ""
    with qtbot.assertNotEmitted(panel.projectEditRequested):
        panel.set_state(state_of(new))
        panel.apply_button.click()
    assert panel.message() == "ℹ The project already uses this data."


def test_a_csv_file_through_the_panel(qtbot, panel, tmp_path):
    path = tmp_path / "flowers.csv"
    path.write_text("petal,sepal,stem,kind\n1,2,3,a\n4,5,6,b\n7,8,9,c\n1,1,2,a\n", encoding="utf-8")
    panel.test_box.setValue(25)
    panel.set_source("csv")
    dialog = panel.csv_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.load_path(path)
    new, text = request(qtbot, panel, dialog.ok_button.click)
    assert new.data == {"x": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [1.0, 1.0, 2.0]],
                        "y": [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]],
                        "features": ["petal", "sepal", "stem"], "classes": ["a", "b", "c"],
                        "test_fraction": 0.25, "split_seed": 0}
    assert network_of(new) == ((3, 2, 3), ("sigmoid", "softmax"), "cross_entropy")
    assert text == "Import flowers.csv" and panel.csv_dialog is None
    panel.set_state(state_of(new))
    assert panel.source() == "csv" and panel.csv_button.isVisible()
    assert panel.summary() == "4 samples: 3 training, 1 test · 3 features · 3 classes"


def test_a_cancelled_import_changes_nothing(qtbot, panel):
    old = panel.project
    panel.set_source("csv")
    dialog = panel.csv_dialog
    assert dialog is not None
    dialog.load_text("a,b\n1,x\n2,y\n")
    with qtbot.assertNotEmitted(panel.projectEditRequested):
        dialog.reject()
    assert panel.source() == "table" and panel.project is old and panel.csv_dialog is None


def test_the_import_dialog_says_when_the_data_cannot_fit(qtbot, panel):
    wide = LayerSpec(100_000, "sigmoid")  # 300 inputs × 100 000 units is more weights than BP Studio handles
    net = panel.project.network
    big = Project(NetworkSpec(2, (wide, net.layers[-1]), net.loss), panel.project.data)
    panel.set_state(state_of(big))
    panel.set_source("csv")
    dialog = panel.csv_dialog
    header = ",".join(f"f{i}" for i in range(300)) + ",y"
    dialog.load_text(header + "\n" + ",".join(["1"] * 300) + ",a\n" + ",".join(["2"] * 300) + ",b\n")
    with qtbot.assertNotEmitted(panel.projectEditRequested):
        dialog.ok_button.click()
    assert dialog.isVisible() and dialog.message().startswith("⚠ Cannot use this data: network.layers: the network")
    dialog.reject()


def test_keys_alt_letters_and_enter(qtbot, panel):
    panel.set_source("moons")
    panel.activateWindow()
    qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Samples &N
    assert panel.focusWidget() is panel.samples_box
    with qtbot.waitSignal(panel.projectEditRequested, timeout=2000) as blocker:
        type_into(qtbot, panel.samples_box.lineEdit(), "64", enter=True)  # Enter in a spin box applies too
    assert blocker.args[0].data["params"]["n"] == 64
    panel.samples_box.setValue(32)
    with qtbot.waitSignal(panel.projectEditRequested, timeout=2000) as blocker:
        qtbot.keyClick(panel.samples_box.lineEdit(), Qt.Key.Key_Return)  # Apply has no letter: Alt+L is Lessons
    assert blocker.args[0].data["params"]["n"] == 32


def test_every_control_has_a_tooltip(panel):
    for control in (panel.source_box, panel.samples_box, panel.noise_edit, panel.classes_box, panel.seed_box,
                    panel.standardize_box, panel.x_edit, panel.y_edit, panel.csv_button, panel.test_box,
                    panel.split_seed_box, panel.apply_button):
        assert control.toolTip()


def test_runs_alone_as_a_preview(monkeypatch):
    from PySide6.QtWidgets import QApplication

    from bpstudio.app.widgets import preview

    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert preview.preview(lambda: shown.append(DataPanel()) or shown[-1]) == 0
    assert shown[0].source() == "table" and shown[0].isEnabled()
    shown[0].close()
