"""The Gradient flow tab (issue 15, item 4): beside Gradient size, its curves are the training log's columns, its
numbers are the engine's for the state shown, its words follow the notation, and it fits the classroom screens."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QDockWidget
from window_helpers import settle

from bpstudio.app.look import presentation
from bpstudio.engine import gradient_flow as gf
from bpstudio.session.gradient_flow_texts import number

DEEP = "deep_sigmoid_moons"  # 7 layers: forward 1–7, loss, then backward 7, 6, 5, 4 are stages 9–12


def on_screen(dock):
    """Qt calls a dock behind another tab visible (it moves it off the window): is it in front?"""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def placed(w, qtbot):
    """Wait until the tab has joined Gradient size (Qt tells once it has laid the window out)."""
    qtbot.waitUntil(lambda: w.chain.vanish.dock in w.tabifiedDockWidgets(w.findChild(QDockWidget, "gradientDock")),
                    timeout=3000)


def bring(w, qtbot):
    placed(w, qtbot)
    w.chain.vanish.toggle.trigger()
    qtbot.waitUntil(lambda: w.chain.vanish.view.isVisible(), timeout=3000)
    shown(w, qtbot)
    return w.chain.vanish.view


def shown(w, qtbot):
    """Wait until the tab shows the window's state and the log's rows."""
    settle(qtbot, w)
    view = w.chain.vanish.view
    qtbot.waitUntil(lambda: w.chain.vanish.shown_state is w.state and len(xs(view.curves["ratio"][0])) == len(
        w.controller.log), timeout=5000)


def xs(curve):
    x = curve.getData()[0]
    return [] if x is None else x


def test_the_tab_sits_beside_gradient_size_and_its_key_brings_it_to_the_front(open_window, qtbot):
    w = open_window(DEEP)
    dock = w.chain.vanish.dock
    placed(w, qtbot)
    assert on_screen(w.training.loss_dock) and not on_screen(dock)  # the loss stays in front
    assert dock in w.chain.docks and w.chain.targets["vanishing"] == (dock, w.chain.vanish.view)
    assert dock.toggleViewAction().shortcut().toString() == "Ctrl+Shift+V"
    bring(w, qtbot)
    assert on_screen(dock) and not on_screen(w.training.loss_dock)
    w.chain.vanish.toggle.trigger()  # on screen: the key closes it
    assert dock.isHidden()


def test_the_numbers_are_the_engines_for_the_batch_shown(open_window, qtbot):
    w = open_window(DEEP, stages=12)
    view = bring(w, qtbot)
    snap, plan = w.state.snapshot, w.state.plan
    text = view.numbers.text()
    assert "on this batch (20 samples)" in text
    for l in (6, 5, 4):
        f = gf.layer_flow(l, snap.get("W", l + 1), snap.get("delta", l + 1), snap.get("delta", l),
                          plan.activations[l - 1], snap.get("z", l), snap.get("a", l))
        up = "⁷⁶⁵"[6 - l]
        line = f"layer {l}: ‖δ{'⁶⁵⁴'[6 - l]}‖/‖δ{up}‖ = {number(f.ratio)} = {number(f.weights)} (weights) × " \
               f"{number(f.gate)} (f′ gate); {100 * f.saturated:.0f} % saturated"
        assert line in text
        assert f.weights * f.gate == pytest.approx(f.ratio, rel=1e-12)
    assert "layer 3: δ³ comes at backward 3" in text
    assert text.index("layer 6:") < text.index("layer 1:")  # from the top down, as BP2 goes


def test_the_curves_are_the_logs_columns_and_after_the_update_the_numbers_its_last_row(open_window, qtbot):
    w = open_window(DEEP)
    view = bring(w, qtbot)
    w.controller.run_iterations(25)
    shown(w, qtbot)
    log = w.controller.log
    assert len(log) >= 2
    for kind in gf.KINDS:
        assert len(view.curves[kind]) == 6
        for l, curve in enumerate(view.curves[kind], start=1):
            if kind == "dead":  # sigmoid units cannot die: no curve
                assert np.isnan(log.flow(kind, l)).all() and len(xs(curve)) == 0
            else:
                np.testing.assert_array_equal(curve.yData, log.flow(kind, l))  # (getData: log10 on a log axis)
    assert np.all(log.flow("gate", 1) < 0.25)  # σ′ ≤ 0.25: the example vanishes plainly
    last = log.last
    assert f"After iteration {int(last['iteration'])}, on the training set" in view.numbers.text()
    assert f"= {number(last['ratio_1'])} = {number(last['weights_1'])} (weights) × {number(last['gate_1'])}" \
        in view.numbers.text()


def test_the_layer_and_show_boxes_choose_the_curves_and_the_words(open_window, qtbot):
    w = open_window(DEEP)
    view = bring(w, qtbot)
    w.controller.run_iterations(3)
    shown(w, qtbot)
    view.layer_box.setCurrentIndex(view.layer_box.findData(2))
    assert [c.isVisible() for c in view.curves["ratio"]] == [False, True, False, False, False, False]
    assert "Dotted — f′ gate" in view.key.text() and view.stack.currentWidget() is view.ratio_plot
    view.show_box.setCurrentIndex(1)
    assert view.stack.currentWidget() is view.share_plot and "dead" in view.key.text()
    assert [c.isVisible() for c in view.curves["dead"]] == [False, True, False, False, False, False]


def test_the_x_axis_follows_the_other_plots(open_window, qtbot):
    w = open_window(DEEP)
    view = bring(w, qtbot)
    w.training.epochs_action.trigger()  # Ctrl+Shift+E
    assert view.x_box.currentData() == "epoch" and view.ratio_plot.getPlotItem().getAxis("bottom").labelText == "epoch"
    view.x_box.setCurrentIndex(view.x_box.findData("iteration"))
    assert w.training.gradient_plot.x_column() == "iteration" and w.training.loss_plot.x_column() == "iteration"


def test_the_words_follow_the_notation(open_window, qtbot):
    w = open_window(DEEP)
    view = bring(w, qtbot)
    assert "(Wˡ⁺¹)ᵀδˡ⁺¹" in view.key.text()
    w.notation_menu.set_notation("row")
    w.controller.step()
    shown(w, qtbot)
    assert "δˡ⁺¹(Wˡ⁺¹)ᵀ" in view.key.text() and "(Wˡ⁺¹)ᵀδˡ⁺¹" not in view.key.text()
    w.notation_menu.set_notation("column")


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
@pytest.mark.parametrize("presenting", [False, True])
def test_it_is_readable_on_the_classroom_screens(open_window, qtbot, size, presenting):
    presentation.set_presentation(presenting)
    try:
        w = open_window(DEEP, size=size, stages=12)
        view = bring(w, qtbot)
        inside = w.rect()
        for part in (view.stack, view.side):
            box = part.geometry().translated(part.parentWidget().mapTo(w, part.pos()) - part.pos())
            assert inside.contains(box), (part, box)
            assert part.width() >= 150 and part.height() >= 100, (part, part.size())
        assert view.numbers.width() >= 150
    finally:
        presentation.set_presentation(False)
