"""An edit that throws trained iterations away asks first (how many), and Undo brings the trained state back
exactly: the weights, the iteration, the training log and its curve."""

from __future__ import annotations

import numpy as np
from test_training_window import wait_status
from window_helpers import settle

from bpstudio.app.window.edit_commands import UndoableEdits
from bpstudio.engine.run_settings import PAUSED, RUNNING


def train_then_pause(qtbot, w) -> None:
    w.training.run_panel.forever_radio.setChecked(True)
    w.training.actions.run.trigger()
    qtbot.waitUntil(lambda: w.controller.run_status.state == RUNNING)
    qtbot.waitUntil(lambda: len(w.controller.log) > 30, timeout=30_000)
    w.training.actions.pause.trigger()
    wait_status(qtbot, w, PAUSED)


def set_units(qtbot, w, units: int) -> None:
    box = w.form.layer_units_box(1)
    box.setValue(units)
    box.editingFinished.emit()
    settle(qtbot, w)


def test_a_structural_edit_after_training_asks_and_undo_restores_the_trained_state(qtbot, open_window, monkeypatch):
    asked: list[tuple[int, str]] = []
    monkeypatch.setattr(UndoableEdits, "ask_start_over", lambda self, n, what: asked.append((n, what)) or True)
    w = open_window(threaded=True, size=(1280, 800))
    train_then_pause(qtbot, w)
    snap, rows = w.state.snapshot, w.controller.log.rows().copy()
    curve = w.training.loss_plot
    where, trained = w.where.text(), snap.iteration + (1 if snap.stage and snap.stage.kind == "update" else 0)
    set_units(qtbot, w, 3)
    assert asked == [(trained, "Set layer 1 units to 3")]
    assert w.state.snapshot.iteration == 0 and len(w.controller.log) == 1  # started over
    w.window_actions.undo.trigger()
    settle(qtbot, w)
    back = w.state.snapshot
    assert (back.iteration, back.position, back.epoch) == (snap.iteration, snap.position, snap.epoch)
    for key, value in snap.arrays.items():
        np.testing.assert_array_equal(back.arrays[key], value)
    np.testing.assert_array_equal(w.controller.log.rows(), rows)  # the curves' numbers, every row
    w.training.loss_dock.raise_()
    w.training.refresh_plots()
    qtbot.waitUntil(lambda: len(curve.curves["train_loss"].yData) == len(rows), timeout=5_000)
    assert w.where.text() == where and w.form.layer_units_box(1).value() == 2
    assert w.actions_.back.isEnabled() == bool(w.state.can_step_back)


def test_declining_keeps_the_training_and_the_form_shows_it_again(qtbot, open_window, monkeypatch):
    monkeypatch.setattr(UndoableEdits, "ask_start_over", lambda self, n, what: False)
    w = open_window(size=(1280, 800))
    for _ in range(3):
        w.actions_.finish.trigger()
    settle(qtbot, w)
    before = w.state.snapshot
    set_units(qtbot, w, 4)
    assert w.state.snapshot is before and w.undo_stack.count() == 0
    assert w.form.layer_units_box(1).value() == 2 and w.state.project.network.layers[0].units == 2


def test_nothing_is_asked_before_any_training_nor_for_a_learning_rate(qtbot, open_window, monkeypatch):
    asked: list[int] = []
    monkeypatch.setattr(UndoableEdits, "ask_start_over", lambda self, n, what: asked.append(n) or True)
    w = open_window(size=(1280, 800), stages=2)  # two stages, no update yet: nothing trained to lose
    set_units(qtbot, w, 3)
    assert not asked and w.state.project.network.layers[0].units == 3
    w.actions_.finish.trigger()
    settle(qtbot, w)
    w.form.learning_rate_box.setText("0.2")
    w.form.learning_rate_box.setModified(True)
    w.form.learning_rate_box.editingFinished.emit()
    settle(qtbot, w)
    assert not asked and w.state.project.training.learning_rate == 0.2 and w.state.snapshot.iteration == 0
