"""The Digits dock: W¹ as 8×8 pictures (live), and a drawn digit stepped through the network by the engine."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from window_helpers import settle

from bpstudio.app.widgets.diverging import LUT_SIZE, colour_indices, diverging_lut, nice_limit, symmetric_limit
from bpstudio.session.drawn_sample import INK

DIGIT_7 = [(1, c) for c in range(1, 7)] + [(2, 6), (3, 5), (4, 4), (5, 3), (6, 3)]  # a 7 on the 8×8 grid


def shown(view) -> np.ndarray:
    """What a matrix panel's table displays, cell by cell (the numbers as text, read back)."""
    model = view.table.model()
    return np.array([[float(model.data(model.index(r, c))) for c in range(model.columnCount())]
                     for r in range(model.rowCount())])


def draw(qtbot, pad, cells) -> None:
    for r, c in cells:
        rect = pad.cell_rect(r, c)
        qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_dock_comes_forward_for_image_inputs_and_says_why_it_is_empty_otherwise(open_window, qtbot):
    w = open_window()
    assert not w.digits_dock.isVisible()  # seed003 has 2 inputs
    w.digits_dock.show()
    settle(qtbot, w)
    assert w.digits.note.isVisible() and "This network has 2 inputs." in w.digits.note.text()
    assert not w.digits.pad.isVisible() and not w.digits.pictures.isVisible()
    d = open_window("digits_softmax", size=(1280, 800))
    assert d.digits_dock.isVisible() and d.digits.pad.isVisible() and not d.digits.note.isVisible()
    assert d.digits_dock.geometry().right() < d.width()


def test_the_pictures_are_the_rows_of_w1_reshaped_8_by_8_and_follow_training(open_window, qtbot):
    w = open_window("digits_softmax", size=(1280, 800))
    pictures = w.digits.pictures
    for iterations in (0, 5):
        for _ in range(iterations):  # whole iterations: W¹ changes, the pictures follow
            w.actions_.finish.trigger()
        settle(qtbot, w)
        W1 = w.state.snapshot.get("W", 1)
        assert pictures.pictures().shape == (32, 8, 8)
        np.testing.assert_array_equal(pictures.pictures(), W1.reshape(32, 8, 8))
        lut, limit = diverging_lut(), nice_limit(symmetric_limit(W1))
        assert w.matrices.view("W").image_page.colour_bar.levels() == (-limit, limit)  # the W¹ panel's scale
        for unit, r, c in [(0, 0, 0), (5, 3, 4), (31, 7, 7), (17, 2, 6)]:
            expected = lut[colour_indices(np.array(W1[unit, r * 8 + c]), limit, LUT_SIZE)]
            colour = pictures.colour_at(unit, r, c)
            assert (colour.red(), colour.green(), colour.blue()) == tuple(expected)
        assert f"{limit:.3g}" in w.digits.scale_label.text()
    assert w.state.snapshot.iteration == 4 and w.state.snapshot.position == 6
    tip = pictures.tip_at(pictures.picture_rect(2).topLeft() + QPoint(1, 1))
    assert tip.startswith("Unit 3 of layer 1: W¹ row 3 as 8×8 pixels. Pixel (row 1, column 1) is input 1")


def test_a_drawn_digit_becomes_the_sample_and_z1_is_w1_x_plus_b1(open_window, qtbot):
    w = open_window("digits_softmax", size=(1280, 800), stages=6)  # one whole iteration: trained weights
    before = w.state
    W1, b1 = before.snapshot.get("W", 1).copy(), before.snapshot.get("b", 1).copy()
    pad = w.digits.pad
    draw(qtbot, pad, DIGIT_7)
    qtbot.mouseClick(pad, Qt.MouseButton.RightButton, pos=pad.cell_rect(6, 3).center())  # erased again
    x = np.zeros(64)
    for r, c in DIGIT_7[:-1]:
        x[r * 8 + c] = INK
    assert pad.pixels() == x.astype(int).tolist()
    w.digits.digit_box.setValue(7)
    qtbot.mouseClick(w.digits.use_button, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    project = w.state.project
    assert project.network == before.project.network and w.state.snapshot.batch_size == 1
    np.testing.assert_array_equal(w.state.snapshot.arrays["input"][:, 0], x / 16)
    np.testing.assert_array_equal(w.state.snapshot.arrays["target"][:, 0], np.eye(10)[7])
    np.testing.assert_array_equal(w.state.snapshot.get("W", 1), W1)  # the weights of now, not a fresh start

    w.actions_.forward.trigger()
    settle(qtbot, w)
    z1 = W1 @ (x / 16)[:, None] + b1
    np.testing.assert_allclose(w.state.snapshot.get("z", 1), z1, rtol=0, atol=1e-12)
    panel = shown(w.matrices.view("z", 1))
    assert panel.shape == (32, 1)
    np.testing.assert_allclose(panel, z1, rtol=0, atol=0.5e-4)  # as written with 4 digits

    for _ in range(4):  # forward 2, loss, backward 2, backward 1: the drawn digit's δ
        w.actions_.step.trigger()
    settle(qtbot, w)
    assert w.state.snapshot.get("delta", 1).shape == (32, 1)

    w.undo_stack.undo()  # the data and the trained state come back
    settle(qtbot, w)
    assert w.state.project.data == before.project.data and w.state.snapshot.position == 6
    np.testing.assert_array_equal(w.state.snapshot.get("W", 1), before.snapshot.get("W", 1))
    w.undo_stack.redo()
    settle(qtbot, w)
    assert pad.pixels() == x.astype(int).tolist() and w.digits.digit_box.value() == 7


def test_clear_blanks_the_pad(open_window, qtbot):
    w = open_window("digits_softmax")
    draw(qtbot, w.digits.pad, DIGIT_7)
    assert sum(w.digits.pad.pixels()) == INK * len(DIGIT_7)
    qtbot.mouseClick(w.digits.clear_button, Qt.MouseButton.LeftButton)
    assert w.digits.pad.pixels() == [0] * 64
    assert "right button to erase" in w.digits.pad.toolTip()


def test_each_picture_can_take_its_own_scale(open_window, qtbot):
    w = open_window("digits_softmax", size=(1280, 800), stages=6)
    pictures, W1 = w.digits.pictures, w.state.snapshot.get("W", 1)
    w.digits.per_unit_box.setChecked(True)
    lut = diverging_lut()
    for unit in (0, 9):
        row = W1[unit]
        strongest = int(np.argmax(np.abs(row)))
        colour = pictures.colour_at(unit, strongest // 8, strongest % 8)
        assert (colour.red(), colour.green(), colour.blue()) == tuple(lut[0 if row[strongest] < 0 else -1])
    assert "of its own row" in w.digits.scale_label.text()
    w.digits.per_unit_box.setChecked(False)
    assert "the W¹ panel's scale" in w.digits.scale_label.text()


def test_take_sample_1_puts_the_first_sample_shown_on_the_pad(open_window, qtbot):
    w = open_window("digits_softmax")
    x, y = w.state.snapshot.arrays["input"][:, 0], w.state.snapshot.arrays["target"][:, 0]
    qtbot.mouseClick(w.digits.take_button, Qt.MouseButton.LeftButton)
    assert w.digits.pad.pixels() == (x * 16).astype(int).tolist() and sum(w.digits.pad.pixels()) > 0
    assert w.digits.digit_box.value() == int(np.argmax(y))


def test_the_pad_keeps_its_size_in_presentation_mode_at_1280_by_800(open_window, qtbot):
    w = open_window("digits_softmax", size=(1280, 800))
    w.classroom.presentation_action.trigger()
    try:
        settle(qtbot, w)
        pad, pictures = w.digits.pad, w.digits.pictures
        qtbot.waitUntil(lambda: pad.size() == pad.sizeHint(), timeout=3000)  # the dock scrolls instead of squashing
        assert pad.cell_size() == 16
        assert w.digits.height() >= w.digits.minimumSizeHint().height()  # nothing in the dock overlaps
        assert w.height() <= 800 and w.digits_dock.minimumSizeHint().height() < 200  # it never makes the window grow
        assert pictures.picture_rect(0).width() >= 30
        assert w.digits.use_button.height() >= w.digits.use_button.minimumSizeHint().height()
    finally:
        w.classroom.presentation_action.trigger()
