"""Training through the window, as a learner does it: data chosen in the Data panel, Run toward a goal, Pause
landing on a stage whose numbers the panels show exactly, a diverging learning rate pausing itself with the place
NaN/∞ first appeared, the spiral learnt, and the plots drawing the engine's log."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from test_app_window import assert_panels_match
from window_helpers import settle

from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import load_project
from bpstudio.engine.metrics import evaluate
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import DIVERGED, FINISHED, PAUSED, RUNNING


@pytest.fixture
def window(open_window):
    return open_window(threaded=True, size=(1440, 900))


def wait_status(qtbot, w: MainWindow, state: str, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: w.controller.run_status.state == state, timeout=timeout)
    settle(qtbot, w)
    qtbot.waitUntil(lambda: w.state.snapshot is w.controller.latest.snapshot)


def assert_every_layer_matches(w: MainWindow) -> None:
    snap = w.controller.latest.snapshot
    for layer in range(1, w.state.depth + 1):
        w.select_layer(layer)
        assert_panels_match(w, snap)


def open_example(qtbot, w: MainWindow, name: str) -> None:
    w.files.open_path(example_path(name))
    qtbot.waitUntil(lambda: w.state.project.name == load_project(example_path(name)).name)
    settle(qtbot, w)


def test_data_from_the_panel_run_to_a_target_then_pause_on_exact_numbers(qtbot, window):
    w, panel, run = window, window.data_panel, window.training.run_panel
    panel.source_box.setCurrentIndex(panel.source_box.findData("spiral"))
    panel.samples_box.setValue(150)
    panel.classes_box.setValue(3)
    panel.apply_button.click()
    qtbot.waitUntil(lambda: w.state.project.data.get("generator") == "spiral")
    settle(qtbot, w)
    net = w.state.project.network
    assert net.layers[-1].units == 3 and net.layers[-1].activation == "softmax" and net.loss == "cross_entropy"
    assert len(w.controller.log) == 1  # the starting weights, measured

    run.loss_radio.setChecked(True)
    run.target_edit.setText("1.0")
    w.training.actions.run.trigger()
    wait_status(qtbot, w, FINISHED)
    assert w.controller.log.last["train_loss"] < 1.0
    assert "below the target" in run.status_label.text()

    run.forever_radio.setChecked(True)
    w.training.actions.run.trigger()
    qtbot.waitUntil(lambda: w.controller.run_status.state == RUNNING)
    rows = len(w.controller.log)
    qtbot.waitUntil(lambda: len(w.controller.log) > rows + 3, timeout=20_000)
    w.training.actions.pause.trigger()
    wait_status(qtbot, w, PAUSED)
    assert w.training.actions.run.text() == "Resume"
    assert_every_layer_matches(w)  # every panel: the paused stage's own numbers
    assert w.actions_.back.isEnabled()  # the last iteration's stages can be stepped back through
    before = w.controller.latest.snapshot
    w.actions_.step.trigger()  # stepping goes on from the pause, one stage
    settle(qtbot, w)
    after = w.state.snapshot
    assert after.position == (before.position % len(w.result.stages)) + 1
    assert_every_layer_matches(w)


def test_a_diverging_learning_rate_pauses_with_where_and_finite_numbers(qtbot, window):
    w = window
    open_example(qtbot, w, "sine_regression")
    box = w.form.learning_rate_box
    box.setText("20")
    box.setModified(True)
    box.editingFinished.emit()
    qtbot.waitUntil(lambda: w.state.project.training.learning_rate == 20.0)
    w.training.actions.run.trigger()
    wait_status(qtbot, w, DIVERGED)
    where = w.controller.run_status.divergence
    assert where is not None
    text = w.messages.text()
    assert "diverged" in text and f"iteration {where.iteration + 1}" in text
    snap = w.controller.latest.snapshot
    assert all(np.isfinite(v).all() for v in snap.arrays.values())  # the last finite state is kept
    assert_every_layer_matches(w)
    w.actions_.step.trigger()  # the next stage is where the NaN/∞ appears
    settle(qtbot, w)
    assert not np.isfinite(w.state.snapshot.arrays[where.quantity]).all()


def test_spiral_reaches_95_percent_training_accuracy_and_the_plots_draw_the_log(qtbot, window):
    w = window
    open_example(qtbot, w, "spiral_softmax")
    w.training.run_panel.epochs_radio.setChecked(True)
    w.training.actions.run.trigger()
    wait_status(qtbot, w, FINISHED, timeout=120_000)
    project = w.state.project
    train, _ = project.split()
    params = [(w.state.snapshot.get("W", l), w.state.snapshot.get("b", l)) for l in range(1, 4)]
    accuracy = evaluate(project.stepper().plan, params, train.x.T, train.y.T).accuracy
    assert accuracy >= 0.95
    log = w.controller.log
    assert log.last["train_accuracy"] == accuracy
    assert log.last["iteration"] == project.training.epochs * w.result.batches_per_epoch
    qtbot.waitUntil(lambda: not w.render_pending)  # the plots wait for the panels' round
    w.training.refresh_plots()
    curve = w.training.loss_plot.curves["train_loss"]
    x, y = curve.xData, curve.yData
    np.testing.assert_array_equal(y, log.column("train_loss"))
    np.testing.assert_array_equal(x, log.column("iteration"))
    assert w.controller.field is not None and w.controller.field.outputs.shape[-1] == 3


def test_keys_run_pause_and_switch_the_plots(qtbot, window):
    w = window
    w.training.run_panel.forever_radio.setChecked(True)
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_F9)  # Run
    qtbot.waitUntil(lambda: w.controller.run_status.state == RUNNING)
    qtbot.keyClick(w, Qt.Key.Key_F6)  # Pause
    wait_status(qtbot, w, PAUSED)
    assert w.training.actions.run.text() == "Resume"
    qtbot.keyClick(w, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)  # Stop
    qtbot.waitUntil(lambda: w.controller.run_status.state == "idle")
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.training.loss_plot.is_log_scale() and w.training.log_loss_action.isChecked()
    qtbot.keyClick(w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.training.loss_plot.x_column() == w.training.gradient_plot.x_column() == "epoch"
    w.training.loss_plot.log_box.setChecked(False)  # the box and the action stay in step
    assert not w.training.log_loss_action.isChecked()
