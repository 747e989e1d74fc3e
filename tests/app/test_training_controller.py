"""Training runs through the engine thread: goals end runs, Pause lands on a stage boundary with every number
present and bit-identical to a headless engine, a diverging run stops itself on the last finite state, any other
command pauses the run first, and the training log and decision field reach the window."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.engine import LayerSpec, NetworkSpec, Project, TrainingSpec, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import DIVERGED, FINISHED, IDLE, PAUSED, Breakpoints, RunGoal, RunSettings
from bpstudio.session.commands import Step
from bpstudio.session.run_control import RunControl

FASTEST = RunSettings(RunGoal("forever"))


def spiral() -> Project:
    return load_project(example_path("spiral_softmax"))


@pytest.fixture(params=[(False, True), (True, True), (True, False)],
                ids=["synchronous", "threaded", "threaded-run-in-a-thread"])
def make(request, controllers, monkeypatch):
    """Runs train in a child process; "run-in-a-thread" covers the same loop hosted in a thread (when no
    process can be started)."""
    threaded, process = request.param
    monkeypatch.setattr(RunControl, "use_process", process)
    return lambda project: controllers(project, threaded)


def test_epoch_goal_finishes_exactly_with_a_log_and_a_field(qtbot, make) -> None:
    c = make(spiral())
    c.run(RunSettings(RunGoal("epochs", 20)))
    qtbot.waitUntil(lambda: c.run_status.state == FINISHED, timeout=20_000)
    qtbot.waitUntil(lambda: not c.busy)
    per = c.latest.batches_per_epoch
    snap = c.latest.snapshot
    assert snap.iteration + 1 == 20 * per and snap.position == len(c.latest.stages)
    assert "20 epoch" in c.run_status.reason
    assert c.log.last is not None and c.log.last["iteration"] == 20 * per
    assert c.log.column("iteration")[0] == 0  # the first row: the starting weights
    assert c.field is not None and c.field.kind == "plane" and c.field.outputs.shape[2] == 3
    reference = spiral().stepper()  # what the panels show is what a headless engine computes
    reference.run_iterations(20 * per)
    for l in range(1, 4):
        for q in ("W", "b", "z", "a", "delta", "dW", "db"):
            np.testing.assert_array_equal(snap.get(q, l), reference.snapshot().get(q, l))


def test_pause_lands_on_a_stage_boundary_and_resume_continues(qtbot, make) -> None:
    c = make(spiral())
    c.run(FASTEST)
    qtbot.waitUntil(lambda: len(c.log) >= 3, timeout=20_000)
    c.pause()
    qtbot.waitUntil(lambda: c.run_status.state == PAUSED and not c.busy, timeout=10_000)
    snap = c.latest.snapshot
    done = snap.iteration + (1 if snap.position == len(c.latest.stages) else 0)
    reference = spiral().stepper()
    reference.run_iterations(done)
    for l in range(1, 4):
        for q in ("W", "b"):
            np.testing.assert_array_equal(snap.get(q, l), reference.snapshot().get(q, l))
        assert snap.get("delta", l) is not None  # the whole iteration is on show
    c.step()  # stepping carries on from the pause
    qtbot.waitUntil(lambda: not c.busy)
    assert c.latest.snapshot.position == 1 and c.latest.snapshot.iteration == done
    c.run(FASTEST, resume=True)
    qtbot.waitUntil(lambda: c.latest.snapshot.iteration > done + 1, timeout=10_000)
    c.stop()
    qtbot.waitUntil(lambda: c.run_status.state == IDLE and not c.busy, timeout=10_000)
    assert c.run_status.reason == "Stopped."


def test_a_step_while_running_pauses_the_run_first(qtbot, make) -> None:
    c = make(spiral())
    c.run(FASTEST)
    qtbot.waitUntil(lambda: len(c.log) >= 2, timeout=20_000)
    c.step()
    qtbot.waitUntil(lambda: c.run_status.state == PAUSED and not c.busy, timeout=10_000)
    assert isinstance(c.latest.command, Step) and c.latest.snapshot.position == 1


def diverging() -> Project:
    spec = NetworkSpec(2, (LayerSpec(8, "relu"), LayerSpec(1, "identity")), "squared_error")
    rng = np.random.default_rng(0)
    x = (rng.normal(size=(64, 2)) * 3).round(3).tolist()
    y = (rng.normal(size=(64, 1)) * 10).round(3).tolist()
    return Project(spec, {"x": x, "y": y}, TrainingSpec(learning_rate=5.0, batch_size=8))


def test_divergence_pauses_with_where_and_the_last_finite_state(qtbot, make) -> None:
    c = make(diverging())
    c.run(FASTEST)
    qtbot.waitUntil(lambda: c.run_status.state == DIVERGED and not c.busy, timeout=20_000)
    where = c.run_status.divergence
    assert where is not None and where.quantity
    snap = c.latest.snapshot
    assert all(np.isfinite(v).all() for v in snap.arrays.values())
    c.step()
    qtbot.waitUntil(lambda: not c.busy)
    bad = c.latest.snapshot
    assert bad.stage.name == where.stage and not np.isfinite(bad.arrays[where.quantity]).all()


def test_loss_breakpoint_and_reset_clears_the_log(qtbot, make) -> None:
    c = make(spiral())
    c.run(RunSettings(RunGoal("epochs", 300), Breakpoints(loss_below=0.6)))
    qtbot.waitUntil(lambda: c.run_status.state == PAUSED, timeout=20_000)
    assert c.log.last["train_loss"] < 0.6 and "fell below" in c.run_status.reason
    c.reset()
    qtbot.waitUntil(lambda: not c.busy and c.run_status.state == IDLE)
    assert len(c.log) == 1 and c.log.last["iteration"] == 0


def test_gradient_check_answers_for_the_current_weights(qtbot, make) -> None:
    c = make(replace(spiral(), training=replace(spiral().training, batch_size=8)))
    got = []
    c.gradcheckReady.connect(lambda result, where: got.append((result, where)))
    c.gradcheck()
    qtbot.waitUntil(lambda: bool(got))
    result, where = got[0]
    assert result.passed and len(result.per_parameter()) == 6
    assert "8 samples" in where


def test_a_training_process_that_dies_is_reported_and_the_run_ends(qtbot):
    import multiprocessing

    c = EngineController(spiral(), threaded=True)
    errors = []
    c.errorOccurred.connect(lambda message, ident: errors.append(message))
    try:
        c.run(FASTEST)
        qtbot.waitUntil(lambda: len(c.log) >= 3, timeout=20_000)
        (child,) = [p for p in multiprocessing.active_children() if p.name == "bpstudio-run"]
        child.kill()
        qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
        assert "training process" in errors[0]
        qtbot.waitUntil(lambda: c.run_status.state == IDLE and not c.busy)
        c.step()  # the engine thread lives on
        qtbot.waitUntil(lambda: not c.busy)
        assert isinstance(c.latest.command, Step)
    finally:
        c.shutdown()


def test_an_animated_run_shows_each_stage_follows_a_speed_change_and_pauses_exactly(qtbot, make) -> None:
    c = make(load_project(example_path("seed003_2-2-1")))
    shown = []
    c.stateChanged.connect(lambda result: shown.append(result.snapshot))
    c.run(RunSettings(RunGoal("forever"), speed=1))  # 4 iterations a second, every stage in turn
    stages = len(load_project(example_path("seed003_2-2-1")).stepper().stages)
    qtbot.waitUntil(lambda: len(shown) > stages + 3, timeout=20_000)
    positions = [s.position for s in shown]
    first = positions.index(1)  # (before it: the state when the run started)
    assert positions[first:first + stages + 1] == list(range(1, stages + 1)) + [1]
    c.set_speed(6)  # as fast as the engine goes: on from where it is
    iteration = shown[-1].iteration
    qtbot.waitUntil(lambda: shown[-1].iteration > iteration + 100, timeout=20_000)
    c.pause()
    qtbot.waitUntil(lambda: c.run_status.state == PAUSED and not c.busy, timeout=10_000)
    snap = c.latest.snapshot
    reference = load_project(example_path("seed003_2-2-1")).stepper()
    reference.run_iterations(snap.iteration + 1)
    for l in (1, 2):
        for q in ("W", "b", "z", "a", "delta", "dW", "db"):
            np.testing.assert_array_equal(snap.get(q, l), reference.snapshot().get(q, l))


def test_a_runs_reports_wake_the_engine_thread_which_does_not_look_every_few_ms(qtbot, controllers, monkeypatch):
    """The engine thread waits on the child's pipe (POSIX): at full speed it wakes for each report and for the
    throttle's own deadlines, not every 5 ms, and the rows still arrive."""
    from bpstudio.session.run_process import RunProcess
    from bpstudio.session.studio_session import StudioSession

    looks, reports = [0], [0]
    tick, messages = StudioSession.tick, RunProcess.messages

    def counted(self):
        looks[0] += 1
        return tick(self)

    def received(self, ident, wait=0.0):
        got = messages(self, ident, wait)
        reports[0] += len(got)
        return got

    monkeypatch.setattr(StudioSession, "tick", counted)
    monkeypatch.setattr(RunProcess, "messages", received)
    c = controllers(spiral(), True)
    c.run(FASTEST)
    qtbot.waitUntil(lambda: len(c.log) >= 3, timeout=20_000)
    rows, looks[0], reports[0] = len(c.log), 0, 0
    qtbot.wait(1000)
    looked, grew, came = looks[0], len(c.log) - rows, reports[0]
    c.stop()
    qtbot.waitUntil(lambda: c.run_status.state == IDLE and not c.busy, timeout=10_000)
    assert grew >= 10, grew  # the curve keeps coming
    # a look per report, one when its rows are due on the plots, a state a second (~100 a second with ~40 reports;
    # looking every 5 ms made it ~200 whatever came)
    assert came >= 10 and looked <= 3 * came + 10, (looked, came)


def test_esc_during_a_run_is_noticed_at_once(qtbot, controllers):
    c = controllers(spiral(), True)
    c.run(FASTEST)
    qtbot.waitUntil(lambda: len(c.log) >= 3, timeout=20_000)
    c.cancel()  # Esc: the engine thread looks at once (it no longer looks every few ms by itself)
    qtbot.waitUntil(lambda: c.run_status.state == IDLE and not c.busy, timeout=2_000)
    assert "Stopped" in c.run_status.reason
