"""A full-speed run in a child process: the same numbers as training in this process, log rows and fields
streamed, halting on request, and outcomes (goal, divergence) handed back with the state."""

from __future__ import annotations

import time

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import Breakpoints, RunGoal, RunSettings
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, GOAL_EPOCHS, TrainingRun
from bpstudio.session.run_process import Job, RunProcess


@pytest.fixture
def process():
    p = RunProcess()
    yield p
    p.close()


def job_for(stepper: Stepper, settings: RunSettings, train, test=None) -> tuple[Job, TrainingRun]:
    run = TrainingRun(stepper, settings, train, test, TrainingLog(stepper.spec.depth))
    return Job(stepper.spec, stepper.training, stepper.x, stepper.y, stepper.checkpoint(), run.settings,
               run.bookkeeping(), train, test, run.extent, None), run


def until_done(process: RunProcess, timeout: float = 30.0) -> list[tuple]:
    got, end = [], time.perf_counter() + timeout
    while process.running and time.perf_counter() < end:
        got += process.messages(0.1)
    assert not process.running, "the child did not finish"
    return got


def test_a_goal_reached_in_the_child_gives_the_same_bits_as_here(process):
    project = load_project(example_path("spiral_softmax"))
    s = project.stepper()
    train, _ = project.split()
    job, _ = job_for(s, RunSettings(RunGoal("epochs", 30)), (train.x.T, train.y.T))
    process.start(job)
    got = until_done(process)
    kind, outcome, (state, history), rows, field, book = got[-1]
    assert kind == "done" and outcome.reason == GOAL_EPOCHS
    s.restore(state, history)
    reference = project.stepper()
    reference.run_iterations(30 * s.batches_per_epoch)
    assert s.completed_iterations == 30 * s.batches_per_epoch
    for (W, b), (Wr, br) in zip(s.parameters, reference.parameters, strict=True):
        assert W.tobytes() == Wr.tobytes() and b.tobytes() == br.tobytes()
    assert s.snapshot().get("delta", 1) is not None  # the last iteration stepped: every panel has numbers
    for _ in range(len(s.stages)):  # and it can be stepped back through, as after a run here
        s.step_back()
    assert s.complete and s.completed_iterations == 30 * s.batches_per_epoch - 1  # the update before it
    streamed = [m for m in got if m[0] == "progress"]
    all_rows = np.vstack([m[1] for m in streamed if len(m[1])] + [rows])
    assert all_rows[-1, 0] == 30 * s.batches_per_epoch and np.all(np.diff(all_rows[:, 0]) > 0)
    assert field is not None and field.kind == "plane" and book["shown_iteration"] == 30 * s.batches_per_epoch


def test_halt_stops_at_a_boundary_and_hands_back_the_state(process):
    project = load_project(example_path("spiral_softmax"))
    s = project.stepper()
    train, _ = project.split()
    job, _ = job_for(s, RunSettings(RunGoal("forever")), (train.x.T, train.y.T))
    process.start(job)
    time.sleep(0.5)
    process.halt()
    kind, outcome, (state, history), *_ = until_done(process)[-1]
    assert kind == "done" and outcome is None
    s.restore(state, history)
    n = s.completed_iterations
    assert n > 0 and s.complete
    reference = project.stepper()
    reference.run_iterations(n)
    assert all((W == Wr).all() for (W, _), (Wr, _) in zip(s.parameters, reference.parameters, strict=True))


def test_divergence_found_in_the_child_comes_back_with_the_last_finite_state(process):
    spec = NetworkSpec(2, (LayerSpec(8, "relu"), LayerSpec(1, "identity")), "squared_error")
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, 64)) * 3, rng.normal(size=(1, 64)) * 10
    s = Stepper(spec, x, y, TrainingSpec(learning_rate=5.0, batch_size=8), InitSpec("xavier"))
    job, _ = job_for(s, RunSettings(RunGoal("forever"), Breakpoints(nonfinite=True)), (x, y))
    process.start(job)
    kind, outcome, (state, history), *_ = until_done(process)[-1]
    assert kind == "done" and outcome.reason == DIVERGED
    s.restore(state, history)
    assert all(np.isfinite(v).all() for v in s.snapshot().arrays.values())
    bad = s.step()
    assert bad.stage.name == outcome.divergence.stage
    assert not np.isfinite(bad.arrays[outcome.divergence.quantity]).all()


def test_quit_while_running_ends_the_child_at_once():
    project = load_project(example_path("spiral_softmax"))
    s = project.stepper()
    train, _ = project.split()
    process = RunProcess()
    job, _ = job_for(s, RunSettings(RunGoal("forever")), (train.x.T, train.y.T))
    process.start(job)
    time.sleep(0.5)
    start = time.perf_counter()
    process.close()
    assert time.perf_counter() - start < 1.0 and not process.alive
