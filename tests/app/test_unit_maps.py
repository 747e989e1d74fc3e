"""What every neuron computes: each unit's map over the input plane on the canvas, live, and large on hover."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication
from window_helpers import settle

from bpstudio.app.network.unit_maps import NEAR, POPUP_SIZE
from bpstudio.app.widgets.diverging import colour_indices, diverging_lut, symmetric_limit
from bpstudio.engine import load_project
from bpstudio.engine.decision_field import decision_field
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import RUNNING
from bpstudio.engine.text.notation import format_number

LUT = diverging_lut()


def maps_shown(qtbot, w):
    """Wait until the canvas shows the maps of the engine's newest field; return the canvas's ``UnitMaps``."""
    maps = w.canvas.unit_maps
    qtbot.waitUntil(lambda: w.controller.field is not None and maps.fields is w.controller.field.units
                    and bool(maps.images), timeout=10_000)
    return maps


def forward_by_hand(snap, depth: int, x: np.ndarray) -> list[np.ndarray]:
    """aˡ for every layer at the points x (n⁰, k), from the snapshot's W and b (all sigmoid here)."""
    out, a = [], x
    for l in range(1, depth + 1):
        a = 1.0 / (1.0 + np.exp(-(snap.get("W", l) @ a + snap.get("b", l))))
        out.append(a)
    return out


def grid(fields) -> np.ndarray:
    gx, gy = np.meshgrid(fields.xs, fields.ys)
    return np.vstack([gx.ravel(), gy.ravel()])


def test_every_units_map_is_its_activation_over_the_plane_in_the_panels_colours(qtbot, window):
    w = window
    maps = maps_shown(qtbot, w)
    fields, snap = maps.fields, w.state.snapshot
    expected = forward_by_hand(snap, 2, grid(fields))
    for l, a in ((1, expected[0]), (2, expected[1])):
        np.testing.assert_allclose(fields.layers[l - 1].reshape(-1, a.shape[0]).T, a, rtol=1e-12)
    assert len(maps.items) == 2 + 2 + 1 and all(maps.shown(c, j) for c, j in maps.items)
    # the picture of unit 2 of layer 1: each pixel the panels' colour for its number (the plane's y grows upwards)
    a = fields.unit(1, 1)
    image, limit = maps.images[1, 1]
    assert limit == symmetric_limit(a) and (image.width(), image.height()) == (24, 24)
    for r, c in ((0, 0), (3, 20), (23, 11)):
        rgb = LUT[colour_indices(np.array(a[r, c]), limit)]
        assert QColor(image.pixel(c, 23 - r)).getRgb()[:3] == tuple(int(v) for v in rgb)


def test_the_maps_follow_the_weights_after_a_step(qtbot, window):
    w = window
    before = maps_shown(qtbot, w).fields
    w.actions_.finish.trigger()  # forward, backward, update: new weights
    settle(qtbot, w)
    maps = maps_shown(qtbot, w)
    assert maps.fields is not before
    expected = forward_by_hand(w.state.snapshot, 2, grid(maps.fields))
    np.testing.assert_allclose(maps.fields.layers[0].reshape(-1, 2).T, expected[0], rtol=1e-12)
    assert not np.array_equal(maps.fields.layers[0], before.layers[0])


def test_the_output_units_map_is_the_decision_field_with_its_boundary(qtbot, open_window):
    w = open_window("spiral_softmax")
    w.controller.run_iterations(300)
    settle(qtbot, w)
    maps = maps_shown(qtbot, w)
    field, snap = w.controller.field, w.state.snapshot
    params = [(snap.get("W", l), snap.get("b", l)) for l in (1, 2, 3)]
    coarse = decision_field(w.state.plan, params, maps.fields.plane.extent, 24)
    np.testing.assert_array_equal(maps.fields.layers[-1], coarse.outputs)
    assert field.units is maps.fields and field.outputs.shape == (80, 80, 3)
    # where the predicted class changes between neighbours, the output units' pictures draw the boundary dark
    cls = np.argmax(coarse.outputs, axis=-1)
    r, c = next(zip(*np.nonzero(cls[:, 1:] != cls[:, :-1]), strict=False))
    for j in range(3):
        image, _ = maps.images[3, j]
        assert QColor(image.pixel(int(c) + 1, 23 - int(r))).getRgb()[:3] == (40, 40, 40)
    same = np.nonzero((cls[:, 1:] == cls[:, :-1])[1:, :] & (cls[1:, 1:] == cls[:-1, 1:]))
    r, c = int(same[0][0]) + 1, int(same[1][0]) + 1
    assert QColor(maps.images[3, 0][0].pixel(c, 23 - r)).getRgb()[:3] != (40, 40, 40)


def test_more_than_two_inputs_say_which_two_the_maps_span_and_let_the_learner_choose(qtbot, open_window):
    w = open_window("iris_softmax", size=(1440, 900))  # (the offscreen screen's default would squeeze the canvas)
    maps = maps_shown(qtbot, w)
    assert maps.note.isVisible()
    assert maps.note.text() == "Maps: x₃ →, x₄ ↑ ▾\n2 other inputs at their mean"  # the two that vary most
    train, test = load_project(example_path("iris_softmax")).split()  # the means of every sample the data view shows
    np.testing.assert_allclose(maps.fields.plane.held, np.vstack([train.x, test.x]).mean(axis=0), atol=1e-12)
    qtbot.waitUntil(lambda: maps.note.geometry().left() > w.canvas.width() * 0.6)  # placed after the scene's scale
    note = maps.note.geometry()  # in the canvas's top right corner, above the loss box
    assert w.canvas.rect().contains(note)
    loss_box = w.canvas.mapFromScene(w.canvas.drawn.loss_box.sceneBoundingRect()).boundingRect()
    assert note.bottom() < loss_box.top()
    maps.note.menu().aboutToShow.emit()  # the menu lists the inputs for each axis, the current ones checked
    checked = [a.text() for a in maps.note.menu().actions() if a.isChecked()]
    assert checked == ["x₃", "x₄"]
    maps.note.choose(0, 0)  # x₁ across
    settle(qtbot, w)
    maps = maps_shown(qtbot, w)
    assert maps.fields.plane.features == (0, 3)
    assert maps.note.text() == "Maps: x₁ →, x₄ ↑ ▾\n2 other inputs at their mean"
    data = w.training.data_view  # the decision view shows the same slice, its points over the same two inputs
    qtbot.waitUntil(lambda: data.features == (0, 3))
    np.testing.assert_array_equal(data.train_points.data["x"], train.x[:, 0])
    np.testing.assert_array_equal(data.train_points.data["y"], train.x[:, 3])
    assert data.note.text() == "a slice: x₁ and x₄, the other 2 inputs at their means"
    maps.note.choose(1, 0)  # x₁ up: the two swap places
    settle(qtbot, w)
    assert maps_shown(qtbot, w).fields.plane.features == (3, 0)


def test_two_inputs_need_no_note(qtbot, window):
    maps = maps_shown(qtbot, window)
    assert not maps.note.isVisible() and maps.note_text() == ""


def hover(w, unit) -> None:
    view = w.canvas
    pos = view.mapFromScene(unit.rect().center())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)


def test_hovering_a_unit_shows_its_map_large_with_z_a_and_delta_of_the_sample_shown(qtbot, open_window):
    w = open_window(stages=4)  # forward 1, 2, loss, backward 2: δ¹ not yet
    maps = maps_shown(qtbot, w)
    unit = w.canvas.units[1][1]
    hover(w, unit)
    popup = maps.popup
    assert popup.isVisible() and popup.unit is unit
    assert popup.screen().availableGeometry().contains(popup.frameGeometry())  # never cut off at a screen edge
    z = w.state.snapshot.get("z", 1)
    assert "δ" not in popup.text.text() and f"= {format_number(z[1, 0])}" in popup.text.text()
    w.actions_.step.trigger()  # backward 1: the open map follows, now with δ
    settle(qtbot, w)
    snap = w.state.snapshot
    assert snap.get("delta", 1) is not None and popup.isVisible()
    text = popup.text.text()
    for quantity in ("z", "a", "delta"):
        assert f"= {format_number(snap.get(quantity, 1)[1, 0])}" in text
    assert "unit 2 of layer 1, sample 1" in text and "δ" in text
    fields = maps.fields
    assert f"across: x₁ from {format_number(fields.xs[0])} to {format_number(fields.xs[-1])}" in text
    assert "ring: the sample shown" in text
    pixmap = popup.picture.pixmap()
    assert (pixmap.width(), pixmap.height()) == (POPUP_SIZE, POPUP_SIZE)
    # the ring is where sample 1 lies: x = (0, 0) in seed 003's data
    x = snap.arrays["input"][:, 0]
    fx = (x[0] - fields.xs[0]) / (fields.xs[-1] - fields.xs[0])
    fy = (x[1] - fields.ys[0]) / (fields.ys[-1] - fields.ys[0])
    ring = pixmap.toImage().pixel(round(fx * POPUP_SIZE) + 6, round((1 - fy) * POPUP_SIZE))
    assert QColor(ring).getRgb()[:3] == (20, 20, 20)
    far = w.canvas.mapFromScene(w.canvas.sceneRect().topLeft()) + QPoint(2, 2)
    qtbot.mouseMove(w.canvas.viewport(), far)
    qtbot.waitUntil(lambda: not popup.isVisible())


def help_event(w, pos: QPoint) -> None:
    viewport = w.canvas.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))


def test_a_pointer_beside_a_tiny_unit_shows_its_map(qtbot, open_window):
    w = open_window("spiral_softmax")  # 16-unit layers in a small canvas: units a few pixels wide
    maps = maps_shown(qtbot, w)
    unit = w.canvas.units[2][5]
    r = unit.rect().width() * w.canvas.transform().m11() / 2
    assert r + 3 <= NEAR
    centre = w.canvas.mapFromScene(unit.rect().center())
    help_event(w, centre + QPoint(round(r) + 3, 0))  # off the circle, near its centre
    assert maps.popup.isVisible() and maps.popup.unit is unit
    maps.popup.hide()
    help_event(w, centre + QPoint(NEAR + 4, 0))  # farther: the weights' own tooltips
    assert not maps.popup.isVisible()


def test_the_maps_change_while_a_run_trains_in_the_window(qtbot, open_window):
    w = open_window("spiral_softmax", threaded=True)
    first = maps_shown(qtbot, w).fields
    w.training.run_panel.forever_radio.setChecked(True)
    w.training.actions.run.trigger()
    qtbot.waitUntil(lambda: w.controller.run_status.state == RUNNING, timeout=10_000)
    seen = {id(first)}
    qtbot.waitUntil(lambda: seen.add(id(w.canvas.unit_maps.fields)) or len(seen) >= 3, timeout=20_000)
    w.training.actions.pause.trigger()
    qtbot.waitUntil(lambda: w.controller.run_status.state != RUNNING, timeout=10_000)
    settle(qtbot, w)
    maps = maps_shown(qtbot, w)
    snap = w.state.snapshot
    params = [(snap.get("W", l), snap.get("b", l)) for l in (1, 2, 3)]
    coarse = decision_field(w.state.plan, params, maps.fields.plane.extent, 24)
    np.testing.assert_array_equal(maps.fields.layers[-1], coarse.outputs)  # paused: the maps of the weights shown


def test_inputs_drawn_as_one_block_get_no_pictures(qapp):
    """784 inputs are one block on the canvas: no 784 pictures made for each field (they stalled the window 30 ms);
    the output units' maps are still made."""
    from bpstudio.app.network.unit_map_images import render_maps
    from bpstudio.engine.decision_field import input_plane
    from bpstudio.engine.examples import wide_project
    from bpstudio.engine.unit_fields import unit_fields

    wide = wide_project(samples=64, batch_size=16, init="xavier", learning_rate=0.05, shuffle=False)  # 784-128-64-10
    stepper = wide.stepper()
    train, _ = wide.split()
    images = render_maps(unit_fields(stepper.plan, stepper.parameters, input_plane(train.x)), "softmax")
    assert sorted(images) == [(3, j) for j in range(10)]
    small = load_project(example_path("iris_softmax"))  # 4 inputs: each its own picture
    s = small.stepper()
    strain, _ = small.split()
    assert {c for c, _ in render_maps(unit_fields(s.plan, s.parameters, input_plane(strain.x)), "softmax")} == {0, 1, 2}


def test_a_map_is_cut_to_its_disc_once_not_clipped_at_every_paint(qapp):
    from PySide6.QtGui import QImage

    from bpstudio.app.network.unit_map_images import round_image

    square = QImage(24, 24, QImage.Format.Format_RGB32)
    square.fill(QColor(200, 30, 40))
    disc = round_image(square)
    assert QColor(disc.pixelColor(0, 0)).alpha() == 0 and QColor(disc.pixelColor(23, 23)).alpha() == 0  # corners
    centre = disc.pixelColor(12, 12)
    assert centre.alpha() == 255 and centre.getRgb()[:3] == (200, 30, 40)
