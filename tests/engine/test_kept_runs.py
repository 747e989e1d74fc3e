"""Runs kept side by side: labels found from the specs' fields, the project file's ``runs`` (version 5), its
bounds, and the CSV."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.engine import BPStudioError, load_project, loads_project
from bpstudio.engine.kept_runs import COLUMNS, MAX_ROWS, MAX_RUNS, KeptRun, KeptRuns, kept_from_log, run_labels
from bpstudio.engine.project import PROJECT_VERSION, save_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import RunGoal, RunSettings
from bpstudio.engine.spec import LayerSpec
from bpstudio.engine.training_log import TrainingLog, columns
from bpstudio.engine.training_run import TrainingRun


def trained(project, epochs: int, **training) -> KeptRun:
    """A run kept as the app keeps it: a real ``TrainingRun`` for ``epochs`` epochs, its log's rows."""
    project = replace(project, training=replace(project.training, **training)) if training else project
    s = project.stepper()
    train, test = project.split()
    log = TrainingLog(s.spec.depth)
    run = TrainingRun(s, RunSettings(RunGoal("epochs", epochs)), (train.x.T, train.y.T),
                      None if test is None else (test.x.T, test.y.T), log)
    while run.advance() is None:
        pass
    run.finish()
    return kept_from_log(project.network, project.training, project.init, log.rows(), log.names)


@pytest.fixture
def xor():
    return load_project(example_path("xor_tanh"))


def test_labels_name_what_differed(xor):
    base = trained(xor, 3)
    slow = trained(xor, 3, learning_rate=0.1)
    batch = trained(xor, 3, batch_size=2, momentum=0.9)
    assert run_labels([base, slow]) == ["1: η 0.5", "2: η 0.1"]
    assert run_labels([base, slow, batch]) == ["1: η 0.5, batch 4, μ 0", "2: η 0.1, batch 4, μ 0",
                                              "3: η 0.5, batch 2, μ 0.9"]
    assert run_labels([base, base]) == ["1: same settings", "2: same settings"]
    assert run_labels([base]) == ["1: same settings"]


def test_labels_of_layers_activations_and_initialiser(xor):
    base = trained(xor, 2)
    net = xor.network
    wider = replace(base, network=replace(net, layers=(LayerSpec(6, "tanh"), net.layers[1])))
    relu = replace(base, network=replace(net, layers=(LayerSpec(4, "relu"), net.layers[1])))
    he = replace(base, init=replace(base.init, method="he"))
    assert run_labels([base, wider]) == ["1: layers 2-4-1", "2: layers 2-6-1"]
    assert run_labels([base, relu]) == ["1: f¹ tanh", "2: f¹ relu"]
    assert run_labels([base, he]) == ["1: init xavier", "2: init he"]
    deeper = replace(base, network=replace(net, layers=(LayerSpec(4, "tanh"), LayerSpec(3, "tanh"), net.layers[1])))
    assert run_labels([base, deeper]) == ["1: layers 2-4-1, f² sigmoid", "2: layers 2-4-3-1, f² tanh, f³ sigmoid"]


def test_the_optimizers_settings_show_in_the_labels(xor):
    """Fields added to TrainingSpec after the labels were written (the optimizer, Adam's β₂) name a run too."""
    base = trained(xor, 2)
    adam = replace(base, training=replace(base.training, optimizer="adam", beta2=0.99))
    assert run_labels([base, adam]) == ["1: optimizer sgd, β₂ 0.999", "2: optimizer adam, β₂ 0.99"]


def test_the_rows_kept_are_the_logs_and_are_thinned(xor):
    s = xor.stepper()
    log = TrainingLog(2)
    run = TrainingRun(s, RunSettings(RunGoal("epochs", 2)), (s.x, s.y), None, log)
    while run.advance() is None:
        pass
    run.finish()
    kept = kept_from_log(xor.network, xor.training, xor.init, log.rows(), log.names)
    assert len(kept.rows) == len(log) >= 2 and kept.column("iteration")[-1] == 2 * s.batches_per_epoch
    for name in COLUMNS:
        np.testing.assert_array_equal(kept.column(name), log.column(name))
    assert not kept.rows.flags.writeable
    long = np.tile(np.arange(MAX_ROWS * 3, dtype=float)[:, None], (1, len(columns(2))))
    kept = kept_from_log(xor.network, xor.training, xor.init, long, columns(2))
    assert len(kept.rows) == MAX_ROWS and kept.rows[-1, 0] == MAX_ROWS * 3 - 1 and kept.rows[0, 0] == 0


def test_a_paused_run_carried_on_replaces_its_kept_curves(xor):
    runs = KeptRuns()
    full = trained(xor, 6)
    half = replace(full, rows=full.rows[:3], outcome="paused")
    assert runs.keep(half) == 0
    assert runs.keep(full) == 0 and len(runs) == 1 and runs[0].outcome == "finished"
    np.testing.assert_array_equal(runs[0].rows, full.rows)
    assert runs.keep(trained(xor, 2, learning_rate=0.1)) == 1
    for _ in range(MAX_RUNS + 3):
        runs.keep(trained(xor, 1, seed=len(runs) + 7))
    assert len(runs) == MAX_RUNS


def test_runs_survive_save_and_reopen(xor, tmp_path):
    project = replace(xor, runs=KeptRuns([trained(xor, 4), trained(xor, 4, learning_rate=0.1)]))
    project.runs.set_visible(1, False)
    path = save_project(tmp_path / "runs.bpsproj", project)
    d = json.loads(path.read_text())
    assert d["version"] == PROJECT_VERSION == 5 and len(d["runs"]) == 2 and d["runs"][1]["visible"] is False
    assert d["runs"][0]["columns"] == list(COLUMNS) and d["runs"][1]["training"]["learning_rate"] == 0.1
    again = load_project(path)
    assert again == project
    assert [r.visible for r in again.runs] == [True, False]
    np.testing.assert_array_equal(again.runs[0].rows, project.runs[0].rows)
    assert again.runs.labels() == ["1: η 0.5", "2: η 0.1"]
    again.runs.set_visible(1, True)
    assert again != project  # the runs are part of what a project is
    again.runs.set_visible(1, False)
    # an edit keeps the list (it is the project's), a project made anew has its own
    assert replace(again, name="x").runs is again.runs and again.with_state(None).runs is again.runs
    assert load_project(example_path("xor_tanh")).runs is not load_project(example_path("xor_tanh")).runs


def test_older_versions_open_without_runs(xor, tmp_path):
    d = xor.to_dict()
    assert "runs" not in d  # none kept: the key is left out
    for version in (1, 2, 3, 4):
        opened = loads_project(json.dumps({**d, "version": version}))
        assert len(opened.runs) == 0


@pytest.mark.parametrize("change, message", [
    (lambda r: r.update(rows=[[1.0] * 6] * (MAX_ROWS + 1)), "at most 2000 rows"),
    (lambda r: r.update(rows=[[1.0] * 5]), "rows of 6 numbers"),
    (lambda r: r.update(rows=[["1"] * 6]), "numbers or null"),
    (lambda r: r.update(rows=[[True] * 6]), "numbers or null"),
    (lambda r: r.update(columns=["iteration"]), "must be"),
    (lambda r: r.update(outcome="won"), "must be one of"),
    (lambda r: r.update(visible="yes"), "true or false"),
    (lambda r: r.update(colour="red"), "not a known field"),
    (lambda r: r["training"].update(learning_rate=-1), "positive"),
    (lambda r: r["network"].update(layers=[]), "at least one layer"),
])
def test_bad_runs_are_refused_naming_the_field(xor, change, message):
    project = replace(xor, runs=KeptRuns([trained(xor, 2)]))
    d = project.to_dict()
    change(d["runs"][0])
    with pytest.raises(BPStudioError, match=message):
        loads_project(json.dumps(d))


def test_too_many_runs_are_refused(xor):
    d = replace(xor, runs=KeptRuns([trained(xor, 1)])).to_dict()
    d["runs"] = d["runs"] * (MAX_RUNS + 1)
    with pytest.raises(BPStudioError, match="at most 20 runs"):
        loads_project(json.dumps(d))


def test_csv_holds_every_runs_rows(xor):
    runs = KeptRuns([trained(xor, 2), trained(xor, 2, learning_rate=0.1)])
    lines = runs.csv().splitlines()
    assert lines[0] == "run,label,iteration,epoch,train_loss,test_loss,train_accuracy,test_accuracy"
    n0 = len(runs[0].rows)
    assert len(lines) == 1 + n0 + len(runs[1].rows)
    first = [float(v) for v in runs[0].rows[0]]
    assert lines[1] == f'1,"1: η 0.5",1.0,{first[1]!r},{first[2]!r},,{first[4]!r},'
    assert lines[1 + n0].startswith('2,"2: η 0.1",1.0,')
    assert float(lines[-1].split(",")[4]) == runs[1].rows[-1, 2]
