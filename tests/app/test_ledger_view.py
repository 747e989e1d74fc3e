"""The Update ledger dock as the user sees it: a tab of the plots along the bottom (nothing else moves), brought
forward by Ctrl+Shift+U; a row per update with the engine's numbers at the app's precision, the line of the
selected update drawn through them, and, when a run diverges, why, in words read from the ledger."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from window_helpers import settle

from bpstudio.app.ledger.ledger_view import LedgerView
from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Project, Stepper, TrainingSpec, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import RunGoal, RunSettings
from bpstudio.engine.text.notation import format_number
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, TrainingRun
from bpstudio.engine.update_ledger import LINE_T, LedgerDetails
from bpstudio.session.view_state import ViewState


def ledger_of(w):
    return w.findChild(QDockWidget, "ledgerDock"), w.chain.ledger


def on_screen(w) -> dict:
    """Where each dock on screen is (a tab behind another is not on screen)."""
    return {d.objectName(): d.geometry() for d in w.findChildren(QDockWidget)
            if d.isVisible() and not d.visibleRegion().isEmpty()}


def finish(qtbot, w, times: int) -> None:
    for _ in range(times):
        w.actions_.finish.trigger()
        settle(qtbot, w)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
@pytest.mark.parametrize("presenting", [False, True])
def test_the_ledger_is_a_tab_of_the_plots_and_its_key_brings_it_forward_without_moving_anything(
        open_window, qtbot, size, presenting) -> None:
    w = open_window(size=size)
    if presenting:
        w.classroom.presentation_action.trigger()
    finish(qtbot, w, 1)
    qtbot.wait(200)  # the docks settle
    dock, view = ledger_of(w)
    loss = w.training.loss_dock
    assert dock in w.tabifiedDockWidgets(loss)
    assert dock.visibleRegion().isEmpty() and not loss.visibleRegion().isEmpty()  # behind the loss plot at first
    before = on_screen(w)
    centre = w.centralWidget().geometry()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)
    qtbot.keyClick(w, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    after = on_screen(w)
    assert after["ledgerDock"] == before.pop("lossDock")  # in the plots' own place
    assert after == {**before, "ledgerDock": after["ledgerDock"]}  # and nothing else moved
    assert w.centralWidget().geometry() == centre
    qtbot.keyClick(w, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dock.isVisible()  # the key shows it, never hides it
    assert dock.toggleViewAction().shortcut().toString() == "Ctrl+Shift+U"  # as View names it
    assert w.chain.targets["ledger"] == (dock, view)
    if presenting:
        w.classroom.presentation_action.trigger()  # off again: the mode is the application's


def test_each_update_adds_a_row_with_the_engines_numbers_and_its_line(window, qtbot) -> None:
    w = window
    dock, view = ledger_of(w)
    dock.raise_()  # (behind another tab it draws nothing: it catches up when it comes forward)
    qtbot.waitUntil(lambda: not view.visibleRegion().isEmpty())
    assert view.table.rowCount() == 0 and "Step through an update" in view.summary.text()
    finish(qtbot, w, 3)
    qtbot.waitUntil(lambda: w.state.snapshot.ledger[-1].measured)  # measured after the step's own result
    ledger = w.state.snapshot.ledger
    assert view.table.rowCount() == 3 == len(ledger)
    # an independent stepper on the same project: −η‖g‖² of its own gradient for the first update
    project = load_project(example_path("seed003_2-2-1"))
    s = project.stepper()
    while s.next_stage.kind != "update":
        snap = s.step()
    g2 = sum(float(np.vdot(snap.get("dW", l), snap.get("dW", l)) + np.vdot(snap.get("db", l), snap.get("db", l)))
             for l in (1, 2))
    assert ledger[0].predicted == -project.training.learning_rate * g2
    digits = w.matrices.precision()
    newest = ledger[-1]
    texts = [view.table.item(0, c).text() for c in range(6)]
    assert texts[:4] == ["3", format_number(newest.predicted, digits), format_number(newest.batch_change, digits),
                         format_number(newest.train_change, digits)]
    assert newest.train_change == newest.train_after - newest.train_before
    train = project.split()[0]
    assert newest.train_after == w.controller.log.last["train_loss"]  # the training log's own metric
    assert view.table.horizontalHeaderItem(1).text().endswith("−η‖g‖²")
    xs, ys = view.plot.curve.getData()
    assert list(xs) == list(LINE_T) and list(ys) == list(newest.line)
    assert ys[0] == newest.batch_before and ys[10] == newest.batch_after  # t = 0 and the step taken, t = 1
    assert "Update of iteration 3" in view.summary.text()
    view.table.selectRow(2)  # the oldest: its own line
    assert list(view.plot.curve.getData()[1]) == list(ledger[0].line)
    w.training.loss_dock.raise_()  # behind the loss plot, an update comes: the ledger catches up when raised
    finish(qtbot, w, 1)
    assert view.table.rowCount() == 3
    dock.raise_()
    qtbot.waitUntil(lambda: view.table.rowCount() == 4)
    assert view.table.item(0, 0).text() == "4"
    assert view.selected_entry() is w.state.snapshot.ledger[0]  # the chosen update stays shown
    w.matrices.set_precision(2)
    assert view.table.item(0, 1).text() == format_number(w.state.snapshot.ledger[-1].predicted, 2)
    w.actions_.back.trigger()  # back over the update: its row goes
    settle(qtbot, w)
    assert view.table.rowCount() == 3
    assert train.x.shape[0] == 4


def diverged_state() -> ViewState:
    spec = NetworkSpec(2, (LayerSpec(8, "relu"), LayerSpec(1, "identity")), "squared_error")
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, 64)) * 3, rng.normal(size=(1, 64)) * 10
    training = TrainingSpec(learning_rate=5.0, batch_size=8)
    s = Stepper(spec, x, y, training, InitSpec("xavier"))
    run = TrainingRun(s, RunSettings(RunGoal("forever"), speed=6), (x, y), None, TrainingLog(2))
    while (outcome := run.advance()) is None:
        pass
    assert outcome.reason == DIVERGED
    snap = s.snapshot()
    ledger = LedgerDetails(s.plan, (x, y)).fill(snap.ledger)
    project = Project(spec, {"x": x.T.tolist(), "y": y.T.tolist()}, training, InitSpec("xavier"), name="diverging")
    return ViewState(project, replace(snap, ledger=ledger))


def test_a_diverged_run_is_explained_from_the_ledger(qtbot) -> None:
    view = LedgerView(lambda: "column", lambda: 4)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    state = diverged_state()
    view.set_state(state)
    assert "went past the valley's bottom" in view.summary.text()
    assert "Why the run diverged" not in view.summary.text()
    view.set_diverged(True)
    text = view.summary.text()
    assert text.startswith("Why the run diverged: The last ")
    ledger = state.snapshot.ledger
    n = 0
    while n < len(ledger) and ledger[-1 - n].overshot:
        n += 1
    assert n >= 3 and f"The last {n} steps" in text
    first = ledger[-n]  # where the overshooting began, with moderate numbers
    assert f"iteration {first.iteration + 1}" in text
    where = "already higher at t = 0.1" if first.best_t == 0 else f"up to t = {format_number(first.best_t, 2)}"
    assert where in text and f"rose by {format_number(first.batch_change, 4)}" in text
    assert first.best_t < 1 and first.batch_change > 0 > first.predicted
    for row in range(n):
        assert view.table.item(row, 1).toolTip()  # each overshooting step says so
    assert view.selected_entry() is first  # its line is the one drawn
    assert list(view.plot.curve.getData()[1]) == [v for v in first.line if np.isfinite(v)]
    view.set_diverged(False)
    assert "Why the run diverged" not in view.summary.text()
