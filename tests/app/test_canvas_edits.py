"""Building the network on the diagram (issue 14): the canvas's buttons make exactly the edits the network form
makes, each undoable; refused edits say why on the diagram; a 2-class problem gets a 2-unit softmax output with
cross-entropy; the diagram is readable at 1280 × 800, zooms, and shows δ on every unit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from window_helpers import settle

from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import LayerSpec, NetworkSpec, Project, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.stages import BACKWARD

# the canvas's menus pop up as they do for a user; the offscreen platform cannot raise them or grab keys
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def moons_project() -> Project:
    """Moons with no hidden layer yet: 2 → 1 sigmoid, binary cross-entropy (what Apply makes for 2 classes)."""
    xor = load_project(example_path("xor_tanh"))
    return replace(xor, network=NetworkSpec(2, (LayerSpec(1, "sigmoid"),), "binary_cross_entropy"),
                   data={"generator": "moons", "params": {"n": 200, "noise": 0.1, "seed": 1}}, name="moons")


@pytest.fixture
def open_project(qtbot):
    opened: list[MainWindow] = []

    def open_(project: Project, size: tuple[int, int] = (1280, 800)) -> MainWindow:
        w = MainWindow(project, threaded=False)
        qtbot.addWidget(w)
        opened.append(w)
        w.resize(*size)
        w.show()
        settle(qtbot, w)
        return w

    yield open_
    for w in opened:
        w.close()


def click(qtbot, w: MainWindow, key: str) -> None:
    """A real mouse click on the canvas button ``key``, then wait for the result."""
    canvas = w.canvas
    centre = canvas.mapFromScene(canvas.editing.button(key).sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    settle(qtbot, w)


def choose(qtbot, w: MainWindow, key: str, name: str) -> None:
    """Click the menu button ``key`` and choose the entry whose data is ``name``."""
    click(qtbot, w, key)
    menu = w.canvas.editing.menu
    assert menu is not None and menu.isVisible()
    action = next(a for a in menu.actions() if a.data() == name)
    menu.close()
    action.trigger()
    settle(qtbot, w)


def network(w: MainWindow) -> NetworkSpec:
    return w.state.project.network


def shape(w: MainWindow) -> list[tuple[int, str]]:
    return [(layer.units, layer.activation) for layer in network(w).layers]


# ----- item 1 and the proof: build 2 → 3 tanh → 4 ReLU → 2 softmax with cross-entropy on the diagram ----------
def test_building_the_moons_network_on_the_canvas(qtbot, open_project):
    w = open_project(moons_project())
    assert [b.text() for b in (w.canvas.editing.button("layer+"), w.canvas.editing.button("loss"))] == [
        "+ layer", "binary CE ▾"]
    click(qtbot, w, "layer+")
    assert shape(w) == [(4, "sigmoid"), (1, "sigmoid")]
    click(qtbot, w, "units- 1")
    choose(qtbot, w, "activation 1", "tanh")
    click(qtbot, w, "layer+")
    click(qtbot, w, "units+ 2")
    choose(qtbot, w, "activation 2", "relu")
    choose(qtbot, w, "loss", "cross_entropy")
    assert network(w) == NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(4, "relu"), LayerSpec(2, "softmax")),
                                     "cross_entropy")
    # what the user sees: the form in step, the labels under the columns, the note on what came along
    assert [w.form.layer_units_box(l).value() for l in (1, 2, 3)] == [3, 4, 2]
    assert w.form.activation_box(3).currentData() == "softmax" and w.form.loss_box.currentData() == "cross_entropy"
    labels = [label.text().replace("\n", " · ") for label in w.canvas.labels]
    assert labels[1:] == ["layer 1 · 3 units · tanh", "layer 2 · 4 units · ReLU", "layer 3 · 2 units · softmax"]
    assert w.canvas.editing.note_text() == ("ℹ Also changed, so that the output, the loss and the targets fit "
                                            "together: the output layer to 2 units (one-hot targets), the output "
                                            "activation to softmax.")
    assert w.canvas.editing.button("loss").text() == "cross-entropy ▾"
    # and the engine has one-hot targets for it
    assert set(w.state.snapshot.arrays["target"].sum(axis=0).tolist()) == {1.0}
    # every step is one undo step, in order
    texts = [w.undo_stack.text(i) for i in range(w.undo_stack.count())]
    assert texts == ["Insert hidden layer 1", "Set layer 1 units to 3", "Set layer 1 activation to tanh",
                     "Insert hidden layer 2", "Set layer 2 units to 4", "Set layer 2 activation to ReLU",
                     "Set loss to cross-entropy (the output layer to 2 units (one-hot targets), the output "
                     "activation to softmax)"]
    w.undo_stack.undo()
    settle(qtbot, w)
    assert shape(w) == [(3, "tanh"), (4, "relu"), (1, "sigmoid")] and network(w).loss == "binary_cross_entropy"
    assert w.canvas.editing.note_text() == ""  # the note was about the edit undone


def test_canvas_edits_are_the_edits_the_form_makes(qtbot, open_project):
    by_canvas, by_form = open_project(moons_project()), open_project(moons_project())
    pairs = [("layer+", lambda f: f.add_layer_button.click()),
             ("units+ 1", lambda f: f.layer_units_box(1).setValue(5)),
             ("layer+", lambda f: f.add_layer_button.click()),
             ("units- 2", lambda f: f.layer_units_box(2).setValue(4)),
             ("remove 1", lambda f: f.remove_layer_button(1).click()),
             ("units+ 2", lambda f: f.layer_units_box(2).setValue(2))]
    for key, form_edit in pairs:
        click(qtbot, by_canvas, key)
        form_edit(by_form.form)
        settle(qtbot, by_form)
        assert network(by_canvas) == network(by_form), key
        assert by_canvas.state.project == by_form.state.project
    choose(qtbot, by_canvas, "activation 1", "tanh")
    by_form.form.activation_box(1).setCurrentIndex(by_form.form.activation_box(1).findData("tanh"))
    choose(qtbot, by_canvas, "loss", "squared_error")
    by_form.form.loss_box.setCurrentIndex(by_form.form.loss_box.findData("squared_error"))
    settle(qtbot, by_form)
    assert by_canvas.state.project == by_form.state.project
    assert by_canvas.undo_stack.count() == by_form.undo_stack.count() == 8


def test_a_refused_edit_says_why_on_the_diagram(qtbot, open_project):
    w = open_project(moons_project())
    click(qtbot, w, "layer+")
    for _ in range(3):
        click(qtbot, w, "units- 1")
    assert shape(w)[0] == (1, "sigmoid")
    count = w.undo_stack.count()
    click(qtbot, w, "units- 1")  # 0 units: refused
    assert shape(w)[0] == (1, "sigmoid") and w.undo_stack.count() == count
    note = w.canvas.editing.note
    assert note is not None and note.isVisible() and note.error
    assert note.text() == ("⚠ Not changed: a layer needs at least 1 unit; layer 1 keeps 1. To remove hidden layer 1, "
                           "use its ✕ (Remove layer) button.")
    button = w.canvas.editing.button("units- 1").sceneBoundingRect()
    box = note.sceneBoundingRect()
    assert box.top() >= button.bottom() and box.top() - button.bottom() < 10  # right under the button
    assert w.canvas.sceneRect().contains(box)
    view = w.canvas.viewport().rect()
    assert view.contains(w.canvas.mapFromScene(box).boundingRect())  # on screen
    assert w.form.message() == note.text()  # the form says the same
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, view.height() - 5))
    assert w.canvas.editing.note_text() == ""  # a click elsewhere closes it


def test_the_output_layer_is_refused_removal_and_its_size_follows_the_classes(qtbot, open_project):
    w = open_project(load_project(example_path("spiral_softmax")))  # 3 classes
    assert "remove 3" not in w.canvas.editing.controls.buttons  # no ✕ over the output layer
    click(qtbot, w, "units+ 3")
    assert network(w).layers[-1].units == 3
    assert w.canvas.editing.note_text() == (
        "⚠ Not changed: the output layer has one unit per target value, so its size follows the data. The data has 3 "
        "classes, so the output has 3 units (one-hot targets); choose other data on the Data tab to change it.")


def test_two_classes_choose_one_hot_targets_with_the_output_size(qtbot, open_project):
    w = open_project(moons_project())
    box = w.form.layer_units_box(1)
    assert not box.isReadOnly() and (box.minimum(), box.maximum()) == (1, 2)
    assert "2 units with one-hot targets (softmax, cross-entropy)" in box.toolTip()
    click(qtbot, w, "units+ 1")
    assert network(w) == NetworkSpec(2, (LayerSpec(2, "softmax"),), "cross_entropy")
    assert "the loss to cross-entropy" in w.canvas.editing.note_text()
    target = w.state.snapshot.arrays["target"]  # the engine's targets: one-hot, one column per sample
    assert target.shape[0] == 2 and set(target.sum(axis=0).tolist()) == {1.0}
    box.setValue(1)  # and back in the form: 0/1 targets, one sigmoid unit
    settle(qtbot, w)
    assert network(w) == NetworkSpec(2, (LayerSpec(1, "sigmoid"),), "binary_cross_entropy")


def test_hidden_units_zero_is_refused_where_the_user_looks(qtbot, open_project):
    w = open_project(moons_project())
    click(qtbot, w, "layer+")
    box = w.form.layer_units_box(1)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "0")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(qtbot, w)
    assert box.value() == 4 and shape(w)[0] == (4, "sigmoid")  # the previous value stays
    assert w.form.message_is_error()
    assert "a layer needs at least 1 unit; layer 1 keeps 4" in w.form.message()
    assert w.form.message_label.isVisible()


def test_keys_on_the_canvas_edit_the_selected_layer(qtbot, open_project):
    w = open_project(moons_project())
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key.Key_Insert)
    settle(qtbot, w)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Plus)
    settle(qtbot, w)
    assert shape(w) == [(5, "sigmoid"), (1, "sigmoid")]
    qtbot.keyClick(w.canvas, Qt.Key.Key_Delete)
    settle(qtbot, w)
    assert shape(w) == [(1, "sigmoid")]


# ----- a readable canvas --------------------------------------------------------------------------------------
def shown_px(w: MainWindow, font) -> float:
    return font.pixelSize() * w.canvas.transform().m11()


def test_text_on_the_canvas_is_at_least_11_px_at_1280_by_800(qtbot, open_project):
    w = open_project(load_project(example_path("xor_tanh")))
    canvas = w.canvas
    assert canvas.transform().m11() >= 1.0  # laid out at its real size, not shrunk
    fonts = [line.font() for label in canvas.labels for line in label.lines]
    fonts += [b.label.font() for b in canvas.editing.controls.buttons.values()]
    fonts += [canvas.drawn.header.font()]
    assert min(shown_px(w, f) for f in fonts) >= 11
    w.actions_.forward.trigger()
    settle(qtbot, w)
    values = [u.value for u in canvas.units[1]]
    assert all(v.isVisible() and v.text() for v in values)
    assert min(shown_px(w, v.font()) for v in values) >= 11


def test_zoom_in_and_fit(qtbot, open_project):
    w = open_project(load_project(example_path("xor_tanh")))
    canvas = w.canvas
    assert {a.objectName() for a in canvas.editing.actions()} <= {a.objectName() for a in w.menus.view.actions()}
    canvas.editing.zoom_in.trigger()
    canvas.editing.zoom_in.trigger()
    assert canvas.transform().m11() > 1.05  # larger, as far as the diagram still fits its view
    fit = canvas.editing.zoom_fit
    assert fit.shortcut().toString() == "Ctrl+Alt+0"
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert canvas.transform().m11() == pytest.approx(1.0)  # the key of View ▸ Fit the network to its view
    # the whole diagram is in the view, at any zoom
    for action in (canvas.editing.zoom_out, canvas.editing.zoom_in, canvas.editing.zoom_in):
        action.trigger()
        shown = canvas.mapFromScene(canvas.sceneRect()).boundingRect()
        assert QRectF(canvas.viewport().rect()).adjusted(-2, -2, 2, 2).contains(QRectF(shown))


def test_delta_is_shown_on_every_unit_in_the_backward_pass(qtbot, open_project):
    w = open_project(replace(moons_project(), network=NetworkSpec(
        2, (LayerSpec(3, "tanh"), LayerSpec(4, "relu"), LayerSpec(2, "softmax")), "cross_entropy")))
    while not (w.state.snapshot.stage is not None and w.state.snapshot.stage.kind == BACKWARD
               and w.state.snapshot.stage.layer == 1):
        w.actions_.step.trigger()
        settle(qtbot, w)
    for column in w.canvas.units[1:]:
        for unit in column:
            assert unit.delta.isVisible() and unit.delta.text().startswith("δ = ")
            assert shown_px(w, unit.delta.font()) >= 11


def test_apply_says_how_to_get_one_hot_targets():
    from bpstudio.app.forms.data_texts import change_notes
    from bpstudio.session.data_edits import project_with_data

    sine = load_project(example_path("sine_regression"))  # one linear output: moons get one sigmoid unit
    notes = change_notes(sine, project_with_data(sine, moons_project().data))
    assert notes[-1] == ("For one-hot targets (2 softmax units with cross-entropy), press + over the output layer on "
                         "the diagram, or set its Units to 2 in the Network form.")


def test_column_labels_never_run_into_each_other_in_presentation_mode(qtbot, open_project, monkeypatch):
    """Spiral's 16-unit columns in presentation mode at 1280 × 800: "16 units · ReLU" ran into "layer 3 · 3 units"."""
    from bpstudio.app.look import presentation

    w = open_project(load_project(example_path("spiral_softmax")), size=(1024, 768))
    monkeypatch.setattr(presentation, "font_scale", lambda: 1.5)  # a large screen's text (this screen's is smaller)
    w.classroom.presentation_action.trigger()  # F12
    settle(qtbot, w)
    qtbot.wait(100)
    try:
        spans = []
        for label in w.canvas.labels:
            rects = [line.sceneBoundingRect() for line in label.lines if line.isVisible() and line.text()]
            spans.append((min(r.left() for r in rects), max(r.right() for r in rects)))
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), spans
    finally:
        w.classroom.presentation_action.trigger()
