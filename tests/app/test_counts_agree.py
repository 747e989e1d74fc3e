"""The Training tab and the status line count epochs the same way (and say which is the run's); the gradient
check says when it is about other weights than those shown; editing η while paused keeps Step back."""

from __future__ import annotations

import re

import numpy as np
from test_training_window import wait_status
from window_helpers import settle

from bpstudio.engine.run_settings import PAUSED, RUNNING


def trigger(qtbot, w, action) -> None:
    action.trigger()
    settle(qtbot, w)


def test_the_runs_epoch_and_the_status_lines_agree(qtbot, open_window):
    w = open_window(threaded=True, size=(1280, 800))
    for _ in range(7):  # seven epochs before the run (seed 003 trains on the full batch: an epoch an iteration)
        trigger(qtbot, w, w.actions_.finish)
    run = w.training.run_panel
    run.epochs_radio.setChecked(True)
    run.epochs_spin.setValue(1_000_000)
    w.training.actions.run.trigger()
    qtbot.waitUntil(lambda: w.controller.run_status.state == RUNNING)
    qtbot.waitUntil(lambda: w.state.snapshot.epoch > 40, timeout=30_000)
    w.training.actions.pause.trigger()
    wait_status(qtbot, w, PAUSED)
    text = run.status_label.text()
    match = re.search(r"epoch (\d+) of 1000000 of this run \((\d+) in all\)", text)
    assert match, text
    in_run, in_all = int(match.group(1)), int(match.group(2))
    assert in_all == w.state.snapshot.epoch + 1 and in_run == in_all - 7
    assert w.where.text().endswith(f"· epoch {in_all}")  # the status line's count is the "in all" one


def test_the_gradient_check_says_when_it_is_stale(qtbot, window):
    w, view = window, window.training.gradcheck_view
    trigger(qtbot, w, w.actions_.finish)
    trigger(qtbot, w, w.window_actions.check_gradients)
    qtbot.waitUntil(lambda: view.where_label.isVisible())
    assert view.where_label.text().startswith("Checked at the weights after 1 updates, the batch of iteration 2")
    assert view.age() == "✓ These are the weights shown now."
    fresh_style = view.summary_label.styleSheet()
    trigger(qtbot, w, w.actions_.step)  # a forward stage: the weights are the same
    assert view.age() == "✓ These are the weights shown now."
    trigger(qtbot, w, w.actions_.finish)
    assert view.age().startswith("⚠ Checked 1 update ago: the weights have changed since. Check again (Ctrl+G)")
    for _ in range(3):
        trigger(qtbot, w, w.actions_.finish)
    assert view.age().startswith("⚠ Checked 4 updates ago")
    assert view.summary_label.styleSheet() != fresh_style and "8a5300" in view.age_label.styleSheet()
    trigger(qtbot, w, w.actions_.reset)
    assert view.age().startswith("⚠ Checked at other weights than those shown now")
    trigger(qtbot, w, w.window_actions.check_gradients)
    assert view.age() == "✓ These are the weights shown now." and view.summary_label.styleSheet() == fresh_style


def test_editing_the_learning_rate_while_paused_keeps_step_back(qtbot, window):
    w = window
    trigger(qtbot, w, w.actions_.finish)
    for _ in range(3):
        trigger(qtbot, w, w.actions_.step)
    before = w.state.snapshot
    assert w.actions_.back.isEnabled()
    w.form.learning_rate_box.setText("0.1")
    w.form.learning_rate_box.setModified(True)
    w.form.learning_rate_box.editingFinished.emit()
    settle(qtbot, w)
    assert w.state.project.training.learning_rate == 0.1
    assert (w.state.snapshot.iteration, w.state.snapshot.position) == (before.iteration, before.position)
    assert w.actions_.back.isEnabled()  # the stages before the change are still there to step back to
    trigger(qtbot, w, w.actions_.back)
    assert w.state.snapshot.position == before.position - 1
    for key in ("L1/W", "L2/W"):
        np.testing.assert_array_equal(w.state.snapshot.arrays[key], before.arrays[key])
