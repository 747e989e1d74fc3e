"""A run in a child process: the same numbers as training in this process, log rows and fields streamed, a
state with every slice shown (or when asked for), halting on request, and outcomes (goal, divergence) handed
back with the state; the same loop hosted in a thread."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import Breakpoints, RunGoal, RunSettings
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, GOAL_EPOCHS, TrainingRun
from bpstudio.session.run_process import (
    NICENESS,
    ChangeSpeed,
    Done,
    Halt,
    Progress,
    RunProcess,
    StartRun,
    WantState,
)


@pytest.fixture(params=[True, False], ids=["process", "thread"])
def process(request):
    p = RunProcess(in_process=request.param)
    yield p
    p.close()


def job_for(stepper: Stepper, settings: RunSettings, train, test=None) -> tuple[StartRun, TrainingRun]:
    run = TrainingRun(stepper, settings, train, test, TrainingLog(stepper.spec.depth))
    return StartRun(7, stepper.spec, stepper.training, stepper.x, stepper.y, stepper.checkpoint(), run.settings,
               run.bookkeeping(), train, test, run.plane, None), run


def until_done(process: RunProcess, timeout: float = 30.0) -> list:
    got, end = [], time.perf_counter() + timeout
    while process.running and time.perf_counter() < end:
        got += process.messages(7, 0.1)
    assert not process.running, "the child did not finish"
    assert isinstance(got[-1], Done) and all(m.ident == 7 for m in got)
    return got


def test_a_goal_reached_in_the_child_gives_the_same_bits_as_here(process):
    project = load_project(example_path("spiral_softmax"))
    s = project.stepper()
    train, _ = project.split()
    job, _ = job_for(s, RunSettings(RunGoal("epochs", 30)), (train.x.T, train.y.T))
    process.send(job)
    got = until_done(process)
    done = got[-1]
    assert done.outcome.reason == GOAL_EPOCHS
    s.restore(done.state, done.history)
    reference = project.stepper()
    reference.run_iterations(30 * s.batches_per_epoch)
    assert s.completed_iterations == 30 * s.batches_per_epoch
    for (W, b), (Wr, br) in zip(s.parameters, reference.parameters, strict=True):
        assert W.tobytes() == Wr.tobytes() and b.tobytes() == br.tobytes()
    assert s.snapshot().get("delta", 1) is not None  # the last iteration stepped: every panel has numbers
    for _ in range(len(s.stages)):  # and it can be stepped back through, as after a run here
        s.step_back()
    assert s.complete and s.completed_iterations == 30 * s.batches_per_epoch - 1  # the update before it
    streamed = [m for m in got if not isinstance(m, Done)]
    assert all(m.state is None for m in streamed)  # at full speed a state goes only when asked for
    all_rows = np.vstack([m.rows for m in streamed if len(m.rows)] + [done.rows])
    assert all_rows[-1, 0] == 30 * s.batches_per_epoch and np.all(np.diff(all_rows[:, 0]) > 0)
    assert done.field is not None and done.field.kind == "plane"
    assert done.bookkeeping["shown_iteration"] == 30 * s.batches_per_epoch


def test_halt_stops_at_a_boundary_and_hands_back_the_state(process):
    project = load_project(example_path("spiral_softmax"))
    s = project.stepper()
    train, _ = project.split()
    job, _ = job_for(s, RunSettings(RunGoal("forever")), (train.x.T, train.y.T))
    process.send(job)
    time.sleep(0.5)
    process.send(Halt())
    done = until_done(process)[-1]
    assert done.outcome is None
    s.restore(done.state, done.history)
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
    process.send(job)
    done = until_done(process)[-1]
    assert done.outcome.reason == DIVERGED
    s.restore(done.state, done.history)
    assert all(np.isfinite(v).all() for v in s.snapshot().arrays.values())
    bad = s.step()
    assert bad.stage.name == done.outcome.divergence.stage
    assert not np.isfinite(bad.arrays[done.outcome.divergence.quantity]).all()


def test_quit_while_running_ends_the_child_at_once():
    project = load_project(example_path("spiral_softmax"))
    s = project.stepper()
    train, _ = project.split()
    process = RunProcess()
    job, _ = job_for(s, RunSettings(RunGoal("forever")), (train.x.T, train.y.T))
    process.send(job)
    time.sleep(0.5)
    start = time.perf_counter()
    process.close()
    assert time.perf_counter() - start < 1.0 and not process.alive


def test_a_state_comes_with_every_stage_at_an_animated_speed_and_when_asked_at_full_speed(process):
    project = load_project(example_path("seed003_2-2-1"))
    s = project.stepper()
    train, _ = project.split()
    job, _ = job_for(s, RunSettings(RunGoal("forever"), speed=1), (train.x.T, train.y.T))  # 4 it/s, every stage
    process.send(job)
    states: list = []
    end = time.perf_counter() + 10
    while len(states) < len(s.stages) + 1 and time.perf_counter() < end:
        states += [m.state for m in process.messages(7, 0.1) if type(m) is Progress and m.state is not None]
    reference = project.stepper()
    for state in states:  # one stage each, in order, the numbers of a stepper here
        s.restore(state)
        bit = reference.step()
        assert s.snapshot().position == bit.position
        for k, v in bit.arrays.items():
            assert s.snapshot().arrays[k].tobytes() == v.tobytes(), k
    process.send(ChangeSpeed(6))  # as fast as it goes: states only when asked for
    time.sleep(0.3)
    process.messages(7)  # (the last animated stages)
    time.sleep(0.3)
    assert not [m for m in process.messages(7) if type(m) is Progress and m.state is not None]
    process.send(WantState())
    end, asked = time.perf_counter() + 10, []
    while not asked and time.perf_counter() < end:
        asked = [m.state for m in process.messages(7, 0.1) if type(m) is Progress and m.state is not None]
    assert len(asked) == 1 and asked[0].iteration > states[-1].iteration
    process.send(Halt())
    assert until_done(process)[-1].outcome is None


def test_without_a_process_the_run_trains_in_a_thread_and_the_environment_is_left_as_it_was(monkeypatch):
    import multiprocessing.process

    before = {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}

    def refuse(self):
        raise OSError("no process to be had")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    process = RunProcess()
    try:
        assert not process.in_process and process.alive
        assert {k: os.environ.get(k) for k in before} == before
        project = load_project(example_path("spiral_softmax"))
        s = project.stepper()
        train, _ = project.split()
        job, _ = job_for(s, RunSettings(RunGoal("epochs", 3)), (train.x.T, train.y.T))
        process.send(job)
        assert until_done(process)[-1].outcome.reason == GOAL_EPOCHS
    finally:
        process.close()
    assert not process.alive


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="Unix scheduling priorities")
def test_the_child_runs_below_the_window_priority():
    process = RunProcess()
    try:
        assert process.in_process
        pid, mine = process._host.pid, os.getpriority(os.PRIO_PROCESS, 0)
        end = time.perf_counter() + 10
        while os.getpriority(os.PRIO_PROCESS, pid) == mine and time.perf_counter() < end:
            time.sleep(0.02)  # the child lowers its priority as it starts serving
        assert os.getpriority(os.PRIO_PROCESS, pid) == min(19, mine + NICENESS)
        assert os.getpriority(os.PRIO_PROCESS, 0) == mine  # the window's own is left alone
    finally:
        process.close()
