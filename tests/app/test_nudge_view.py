"""The Nudge view (issue 15, item 2): ΔL of a forward pass beside (∂L/∂w)·Δ, in the app's precision and notation,
bad Δ refused in place, the training untouched, and wired to the clicks, the precision and the notation."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.app.look import language, presentation
from bpstudio.app.nudge.nudge_view import NudgeView
from bpstudio.app.widgets.preview import example_state
from bpstudio.engine import nudge as nd
from bpstudio.engine.backprop import Plan, batch_loss
from bpstudio.engine.examples import wide_project
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState


def fresh_change(state: ViewState, layer: int, name: str, row: int, col: int, delta: float) -> float:
    """ΔL as a test computes it: two whole forward passes of the engine, with and without the nudge."""
    snap = state.snapshot
    params = [(snap.get("W", l), snap.get("b", l)) for l in range(1, state.depth + 1)]
    x, y, plan = snap.arrays["input"], snap.arrays["target"], Plan.of(snap.spec)
    nudged = nd.nudged_params(params, nd.Target(layer, name, row, col), delta)
    return batch_loss(plan, nudged, x, y) - batch_loss(plan, params, x, y)


@pytest.fixture
def view(qtbot):
    v = NudgeView()
    qtbot.addWidget(v)
    v.resize(420, 900)
    v.show()
    v.set_state(example_state("seed004_chain_1-1-1", stages=0))
    return v


def test_seed004_nudge_of_w2_shows_the_chain_and_the_true_change(qtbot, view):
    assert view.symbol_label.text() == "Nudge w¹₁₁ = 0.8"  # before a click: w¹₁₁ of the selected layer
    assert view.nudge_parameter(2, "W", 0, 0, 0.01)
    dl = fresh_change(view.state, 2, "W", 0, 0, 0.01)
    g = view.result.base.gradient
    assert view.result.dloss == dl
    assert view.symbol_label.text() == "Nudge w²₁₁ = 1.5"
    assert view.true_label.text().startswith(f"ΔL = {format_number(dl, 4)}")
    assert view.predicted_label.text().startswith(
        f"(∂L/∂w²₁₁)·Δ = {format_number(g, 4)} × 0.01 = {format_number(g * 0.01, 4)}")
    assert view.chain_label.text().startswith("Δw²₁₁ = 0.01 → Δz²₁ = ")
    assert view.chain_label.text().endswith(f"ΔL = {format_number(dl, 4)}")
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert names == ["w²₁₁", "z²₁", "a²₁", "L of sample 1", "L, batch mean"]
    a1 = 1 / (1 + np.exp(-(0.8 * 0.5 + 0.2)))  # z² moves by a¹·Δ: the first link of seed 004's chain
    assert view.table.item(1, 1).text() == format_number(a1 * 0.01, 4)
    assert view.table.item(3, 1).text() == format_number(dl, 4)  # one sample: its loss is the batch's
    assert view.table.item(4, 2).text() == format_number(dl, 4)
    # the plot (in the next slice of the event loop): the true curve through 0, the tangent, the dot at Δ
    qtbot.waitUntil(lambda: view.curve is not None)
    x, y = view.plot.true_curve.getData()
    assert x[0] == -1.0 and x[-1] == 1.0 and y[len(y) // 2] == 0.0
    tx, ty = view.plot.tangent.getData()
    assert ty[-1] == pytest.approx(g * tx[-1])
    mx, my = view.plot.marker.getData()
    assert (mx[0], my[0]) == (0.01, dl)


def test_the_difference_shrinks_like_delta_squared(view):
    differences = []
    for delta in (0.1, 0.01, 0.001):
        assert view.nudge_parameter(1, "b", 0, 0, delta)
        differences.append(abs(view.result.dloss - view.result.predicted))
        assert view.difference_label.text().startswith(
            f"difference {format_number(view.result.dloss - view.result.predicted, 4)}")
    assert differences[1] < differences[0] / 50 and differences[2] < differences[1] / 50


@pytest.mark.parametrize(("typed", "says"), [("abc", "“abc” is not a number"), ("nan", "not NaN or infinity"),
                                             ("-inf", "not NaN or infinity"), ("1e9", "too large"),
                                             ("", "Type a number for Δ first")])
def test_a_bad_delta_is_refused_in_place_and_the_old_one_kept(qtbot, view, typed, says):
    assert view.nudge_parameter(2, "W", 0, 0, 0.25)
    shown = view.true_label.text()
    view.delta_edit.setText(typed)
    qtbot.keyClick(view.delta_edit, Qt.Key.Key_Return)
    assert says in view.message() and view.message_label.isVisible()
    assert view.delta == 0.25 and view.result.delta == 0.25 and view.true_label.text() == shown
    view.delta_edit.setText("−0,5")  # a typographic minus and a decimal comma are numbers too
    qtbot.keyClick(view.delta_edit, Qt.Key.Key_Return)
    assert view.message() == "" and view.result.delta == -0.5


def test_slider_range_and_plot_pick_delta(qtbot, view):
    view.set_target(2, "b", 0, 0)
    view.slider.setValue(500)
    assert view.delta == 0.5 and view.result.delta == 0.5
    assert view.set_delta(30.0)  # beyond ±1: the range grows to ±100, the slider follows
    assert view.reach_combo.currentText() == "±100" and view.slider.value() == 300
    qtbot.waitUntil(lambda: view.plot.true_curve.getData()[0][-1] == 100.0)
    view.reach_combo.setCurrentIndex(view.reach_combo.findText("±0.1"))  # a smaller range clips Δ
    assert view.delta == 0.1 and view.slider.value() == 1000
    qtbot.waitUntil(lambda: view.plot.true_curve.getData()[0][-1] == 0.1)
    centre = view.plot.getPlotItem().vb.mapViewToScene(view.plot.getPlotItem().vb.viewRect().center())
    qtbot.mousePress(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(centre))
    assert abs(view.delta) < 0.02 and view.result.delta == view.delta


def test_notation_precision_and_sample(view):
    view.set_state(example_state("seed003_2-2-1", stages=0))
    view.nudge_parameter(1, "W", 1, 0, 0.1)
    assert view.symbol_label.text().startswith("Nudge w¹₂₁ = ")
    assert view.table.item(1, 0).text() == "z¹₂"
    view.set_notation("row")
    assert view.symbol_label.text().startswith("Nudge W¹[1, 2] = ")
    assert view.table.item(1, 0).text() == "Z¹[1, 2]" and "row 1, column 2 of W¹" in view.meaning_label.text()
    view.sample_spin.setValue(3)
    assert view.table.item(1, 0).text() == "Z¹[3, 2]"
    assert view.table.horizontalHeaderItem(1).text() == "Δ, sample 3"
    view.set_precision(8)
    assert view.true_label.text().startswith(f"ΔL = {format_number(view.result.dloss, 8)}")


def test_wide_layers_show_the_largest_changes_and_count_the_rest(qtbot, view):
    project = wide_project(samples=64, batch_size=64, init="xavier")
    stepper = project.stepper()
    view.set_state(ViewState(project, stepper.snapshot(), 1))
    view.nudge_parameter(1, "W", 5, 300, 0.5)
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert names[:4] == ["w¹₆,₃₀₁", "z¹₆", "a¹₆", "the other 127 units of layer 1"]
    assert (view.table.item(3, 1).text(), view.table.item(3, 2).text()) == ("0", "0")
    assert not np.delete(view.result.dz[0], 5, axis=0).any()  # which is what the engine found
    assert "… 61 more units of layer 2" in names and "… 7 more units of layer 3" in names


def test_on_784_128_64_10_the_curve_waits_for_a_slice_of_its_own(qtbot, view):
    """A first-layer weight of 784-128-64-10, batch 64 (the costliest place to nudge): the numbers come at once,
    the curve in a later slice of the event loop (their times: benchmarks/bench_nudge.py)."""
    project = wide_project(samples=64, batch_size=64, init="xavier")
    view.set_state(ViewState(project, project.stepper().snapshot(), 1))
    for row in (0, 7):
        view.set_target(1, "W", row, 400)  # a new base, the nudge and the texts
        assert view.result is not None and view.curve is None
        qtbot.waitUntil(lambda: view.curve is not None)
        assert view.curve is not None


def test_only_computed_on_screen(qtbot):
    v = NudgeView()
    qtbot.addWidget(v)
    v.set_state(example_state("seed003_2-2-1", stages=0))
    assert v.result is None  # hidden: nothing computed
    v.show()
    qtbot.waitUntil(lambda: v.result is not None)
    assert v.true_label.text().startswith("ΔL = ")


def test_presentation_mode_makes_the_numbers_larger(qtbot, view):
    before = view.true_label.fontInfo().pointSizeF()
    presentation.set_presentation(True)
    try:
        assert view.true_label.fontInfo().pointSizeF() > before
        assert view.symbol_label.fontInfo().pointSizeF() > before
    finally:
        presentation.set_presentation(False)
    assert view.true_label.fontInfo().pointSizeF() == before


def test_chinese(qtbot):
    assert language.install_language(language.CHINESE) == language.CHINESE
    try:
        v = NudgeView()
        qtbot.addWidget(v)
        v.show()
        v.set_state(example_state("seed004_chain_1-1-1", stages=0))
        v.nudge_parameter(2, "W", 0, 0, 0.01)
        assert "链式法则" in v.predicted_label.text()
        assert "前向" in v.true_label.text()
        v.delta_edit.setText("abc")
        v.submit()
        assert "不是一个数" in v.message()
    finally:
        language.install_language(language.ENGLISH)


def test_a_large_batch_draws_its_curve_over_several_slices(qtbot, view):
    """784-128-64-10 with a batch of 640: the curve (31 Δs × 640 samples) is computed a few Δs per slice of the event
    loop, never all at once, and is the engine's curve when complete."""
    project = wide_project(samples=640, batch_size=0, init="xavier")
    view.set_state(ViewState(project, project.stepper().snapshot(), 1))
    view.set_target(1, "W", 2, 100)
    assert view.curve is None
    view._compute_curve()  # one slice
    assert view.curve is None and 0 < sum(p.size for p in view._parts) < 31
    qtbot.waitUntil(lambda: view.curve is not None, timeout=10_000)
    deltas, changes = view.curve
    assert np.allclose(changes, nd.curve(view.result.base, deltas), rtol=0, atol=1e-14)


def test_a_diverged_network_shows_nan_and_a_new_network_resets_the_target(view):
    from dataclasses import replace

    from bpstudio.engine.snapshot import Snapshot

    state = example_state("seed003_2-2-1", stages=0)
    snap = state.snapshot
    arrays = dict(snap.arrays)
    arrays["L2/W"] = np.full_like(arrays["L2/W"], np.nan)
    broken = Snapshot.build(snap.spec, snap.stage, snap.next_stage, snap.position, snap.iteration, snap.epoch,
                            snap.batch, arrays, snap.loss, snap.changed)
    view.set_state(replace(state, snapshot=broken))
    view.nudge_parameter(1, "b", 0, 0, 0.1)
    assert view.true_label.text().startswith("ΔL = nan")
    view.set_state(example_state("seed004_chain_1-1-1", stages=0))  # b¹₁ is still there
    assert view.symbol_label.text() == "Nudge b¹₁ = 0.2"
    view.set_target(1, "W", 0, 0)
    project = wide_project(samples=8, batch_size=8)
    view.set_state(ViewState(project, project.stepper().snapshot(), 1))
    view.set_target(1, "W", 100, 700)
    view.set_state(example_state("seed004_chain_1-1-1", stages=0, layer=2))  # no W¹[100, 700] here: w²₁₁ instead
    assert view.symbol_label.text() == "Nudge w²₁₁ = 1.5"
    with pytest.raises(ValueError):
        view.set_target(3, "W", 0, 0)
