"""Runs side by side in the window: each finished or paused run is kept, labelled by what differed, drawn over the
loss and accuracy plots with the engine's numbers, hidden, deleted, exported, saved and reopened; and the lockstep
of A and B, one setting apart, marks where they first part."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from window_helpers import settle

from bpstudio.app.runs.lockstep_view import PARTED
from bpstudio.engine import load_project
from bpstudio.engine.kept_runs import COLUMNS
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import FINISHED, PAUSED, RunGoal, RunSettings
from bpstudio.session.lockstep_session import Setting


def run_epochs(qtbot, w, epochs: int, kept: int) -> None:
    w.training.run_panel.epochs_spin.setValue(epochs)
    w.training.run_panel.epochs_radio.setChecked(True)
    w.training.actions.run.trigger()
    qtbot.waitUntil(lambda: w.controller.run_status.state == FINISHED, timeout=60_000)
    settle(qtbot, w)
    qtbot.waitUntil(lambda: w.chain.runs.runs_view.list.count() == kept)


def set_eta(qtbot, w, text: str) -> None:
    """Type η in the form, as a person does."""
    w.form.learning_rate_box.setText(text)
    w.form.learning_rate_box.setModified(True)
    w.form.learning_rate_box.editingFinished.emit()
    qtbot.waitUntil(lambda: w.state.project.training.learning_rate == float(text))
    settle(qtbot, w)


def items(view) -> list[str]:
    return [view.list.item(i).text() for i in range(view.list.count())]


def test_runs_are_kept_labelled_drawn_hidden_exported_saved_and_reopened(qtbot, open_window, tmp_path):
    w = open_window("xor_tanh")
    runs = w.chain.runs
    assert runs.runs_view.list.count() == 0 and "No runs kept yet" in runs.runs_view.note.text()
    run_epochs(qtbot, w, 2, kept=1)
    log = w.controller.log
    first_log = {name: log.column(name).copy() for name in COLUMNS}
    assert items(runs.runs_view) == ["✓ 1: same settings"]
    curve = runs.overlay.curves[(0, "train_loss")]
    np.testing.assert_array_equal(curve.xData, first_log["iteration"])
    np.testing.assert_array_equal(curve.yData, first_log["train_loss"])
    np.testing.assert_array_equal(runs.overlay.curves[(0, "train_accuracy")].yData, first_log["train_accuracy"])
    assert curve in w.training.loss_plot.loss_plot.getPlotItem().items

    set_eta(qtbot, w, "0.1")
    w.actions_.reset.trigger()
    settle(qtbot, w)
    run_epochs(qtbot, w, 2, kept=2)
    assert items(runs.runs_view) == ["✓ 1: η 0.5", "✓ 2: η 0.1"]
    second = runs.overlay.curves[(1, "train_loss")]
    np.testing.assert_array_equal(second.yData, w.controller.log.column("train_loss"))
    assert not np.array_equal(second.yData[-1], curve.yData[-1])  # a tenth of the step: another loss
    legend = w.training.loss_plot.loss_plot.getPlotItem().legend
    assert legend.getLabel(second).text == "2: η 0.1"

    # hide the first: its curves go from both plots, the second stays
    runs.runs_view.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert set(runs.overlay.curves) == {(1, "train_loss"), (1, "train_accuracy")}
    assert w.state.project.runs[0].visible is False

    # CSV, PNG and SVG
    csv = tmp_path / "runs.csv"
    assert runs.save_csv(str(csv))
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "run,label,iteration,epoch,train_loss,test_loss,train_accuracy,test_accuracy"
    assert lines[1] == (f'1,"1: η 0.5",{float(first_log["iteration"][0])!r},{float(first_log["epoch"][0])!r},'
                        f'{float(first_log["train_loss"][0])!r},,{float(first_log["train_accuracy"][0])!r},')
    assert len(lines) == 1 + len(first_log["iteration"]) + len(w.controller.log)
    pictures = w.training.loss_plot.picture_menu.pictures
    assert pictures.save_png(str(tmp_path / "runs.png"), width=800)
    assert (tmp_path / "runs.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pictures.save_svg(str(tmp_path / "runs.svg"))
    assert "2: η 0.1" in (tmp_path / "runs.svg").read_text(encoding="utf-8")

    # saved and reopened: the same runs, the same curves
    path = tmp_path / "kept.bpsproj"
    assert w.files.save_to(path)
    saved = load_project(path)
    assert saved.runs == w.state.project.runs and saved.runs.labels() == ["1: η 0.5", "2: η 0.1"]
    w.files.open_path(example_path("seed003_2-2-1"))  # another project: no runs of its own
    qtbot.waitUntil(lambda: runs.runs_view.list.count() == 0)
    assert runs.overlay.curves == {}
    w.files.open_path(path)
    qtbot.waitUntil(lambda: runs.runs_view.list.count() == 2)
    assert items(runs.runs_view) == ["✓ 1: η 0.5", "✓ 2: η 0.1"]
    assert runs.runs_view.list.item(0).checkState() == Qt.CheckState.Unchecked
    np.testing.assert_array_equal(runs.overlay.curves[(1, "train_loss")].yData, second.yData)

    # delete
    runs.runs_view.list.setCurrentRow(0)
    runs.runs_view.delete_button.click()
    assert items(runs.runs_view) == ["✓ 1: same settings"] and len(w.state.project.runs) == 1


def test_a_paused_run_is_kept_and_carried_on_replaces_it(qtbot, open_window):
    w = open_window("xor_tanh")
    runs = w.chain.runs
    w.controller.run(RunSettings(RunGoal("forever")))
    qtbot.waitUntil(lambda: len(w.controller.log) > 3, timeout=30_000)
    w.controller.pause()
    qtbot.waitUntil(lambda: w.controller.run_status.state == PAUSED, timeout=30_000)
    qtbot.waitUntil(lambda: runs.runs_view.list.count() == 1)
    assert items(runs.runs_view) == ["‖ 1: same settings"]
    paused = len(w.state.project.runs[0].rows)
    w.controller.run(RunSettings(RunGoal("forever")), resume=True)
    qtbot.waitUntil(lambda: len(w.controller.log) > paused + 3, timeout=30_000)
    w.controller.pause()
    qtbot.waitUntil(lambda: w.controller.run_status.state == PAUSED, timeout=30_000)
    qtbot.waitUntil(lambda: len(w.state.project.runs[0].rows) > paused)
    assert items(runs.runs_view) == ["‖ 1: same settings"]  # the same run, carried on: still one
    np.testing.assert_array_equal(w.state.project.runs[0].column("train_loss"), w.controller.log.column("train_loss"))


def test_lockstep_marks_where_a_and_b_part(qtbot, open_window):
    w = open_window("xor_tanh")
    w.chain.runs.lockstep_dock.show()
    w.chain.runs.lockstep_dock.raise_()
    view, runner = w.chain.runs.lockstep_view, w.chain.runs.runner
    assert not view.step_button.isEnabled()
    view.choose(Setting("training", "learning_rate"), "0.1")
    with qtbot.waitSignal(runner.ready, timeout=10_000):
        view.start_button.click()
    assert "A: η 0.5 · B: η 0.1 · next: iteration 1, forward 1" in view.status.text()
    assert "equal so far (stages taken: 0)" in view.status.text()
    with qtbot.waitSignal(runner.ready, timeout=10_000):
        view.step_button.click()
    assert "equal so far (stages taken: 1)" in view.status.text()
    with qtbot.waitSignal(runner.ready, timeout=30_000):
        view.until_button.click()
    lock = runner.state.lockstep
    a, b = lock.snapshots[0].get("W", 1), lock.snapshots[1].get("W", 1)
    assert (f"A and B part in iteration 1, stage update, first at W¹₁₁: A {a[0, 0]:.6g}, B {b[0, 0]:.6g}."
            in view.status.text())
    table = view.boxes["W"]
    assert view.titles["W"].text() == "W¹  ◆"
    assert table.item(0, 0).text() == f"{a[0, 0]:.4g}" and table.item(0, 0).background().color() == PARTED
    view.show_group.button(1).setChecked(True)  # B
    assert table.item(3, 1).text() == f"{b[3, 1]:.4g}"
    view.show_group.button(2).setChecked(True)  # A − B
    assert table.item(0, 0).text() == f"{a[0, 0] - b[0, 0]:.4g}"
    z = view.boxes["z"]
    assert z.item(0, 0).text() == "0"  # z¹ of the first iteration: equal in A and B
    # a change the engine refuses is said, and the lockstep shown stays
    view.choose(Setting("training", "learning_rate"), "-1")
    with qtbot.waitSignal(runner.ready, timeout=10_000):
        view.start_button.click()
    assert "positive" in view.status.text() and runner.state.lockstep is lock
