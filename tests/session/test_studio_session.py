"""The studio session without Qt: typed commands executed on a real engine, results and failures carrying the
command they answer, undo returning to exact engines, answers (export, gradient check), and training runs in the
child process at a fast and an animated speed, paused on bit-identical numbers."""

from __future__ import annotations

import select
import time
from dataclasses import replace

import pytest

from bpstudio.engine import load_project
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import FINISHED, IDLE, PAUSED, RUNNING, RunGoal, RunSettings
from bpstudio.session.commands import (
    EngineResult,
    Export,
    Exported,
    Failure,
    FinishIteration,
    Goto,
    GradCheck,
    GradCheckAnswer,
    Pause,
    Reset,
    Run,
    RunProgress,
    SetParameter,
    SetProject,
    StateTaken,
    Step,
    StepBack,
    StepBackwardLayer,
    Stop,
    TakeState,
)
from bpstudio.session.run_control import RunControl
from bpstudio.session.studio_session import StudioSession
from bpstudio.session.throttle import FRAME, PLOTS, TICK, Throttle


def seed003():
    return load_project(example_path("seed003_2-2-1"))


@pytest.fixture(params=[True, False], ids=["process", "thread"])
def session(request, monkeypatch):
    monkeypatch.setattr(RunControl, "use_process", request.param)
    made: list[StudioSession] = []

    def make(project=None) -> StudioSession:
        made.append(StudioSession(project or seed003()))
        return made[-1]

    yield make
    for s in made:
        s.close()


def execute(s: StudioSession, cmd, ident: int):
    s.marks.sent = ident  # as the controller does before sending
    (report,) = s.execute(replace(cmd, ident=ident))
    return report


def until(s: StudioSession, done, timeout: float = 30.0) -> list:
    """Tick the session as the engine thread does, until ``done(reports)``."""
    reports: list = []
    end = time.perf_counter() + timeout
    while not done(reports):
        assert time.perf_counter() < end, "the run did not get there"
        wait, channel = s.wake_in(), s.runs.channel
        if channel is None:
            time.sleep(wait or 0.01)
        else:  # woken by the child's next report, as the engine thread is
            select.select([channel], [], [], 0.5 if wait is None else wait)
        reports += s.tick()
    return reports


def assert_same(snapshot, reference) -> None:
    assert (snapshot.position, snapshot.iteration) == (reference.position, reference.iteration)
    for k, v in reference.arrays.items():
        assert snapshot.arrays[k].tobytes() == v.tobytes(), k


def test_stepping_commands_answer_with_their_command_and_the_stepper_numbers(session):
    s = session()
    reference = seed003().stepper()
    step = execute(s, Step(), 1)
    assert isinstance(step, EngineResult) and step.command == Step(ident=1) and step.ident == 1
    assert_same(step.snapshot, reference.step())
    backward = execute(s, StepBackwardLayer(), 2)
    while reference.snapshot().stage.kind != "backward":
        reference.step()
    assert_same(backward.snapshot, reference.snapshot())
    assert_same(execute(s, Goto(1), 3).snapshot, _back_to(reference, 1))
    assert_same(execute(s, StepBack(), 4).snapshot, reference.step_back())
    finished = execute(s, FinishIteration(), 5)
    assert finished.snapshot.position == len(finished.stages)
    assert finished.log.rows[-1, 0] == 1 and len(s.engine.log) == 2  # the starting weights and iteration 1
    assert not finished.log.rows.flags.writeable


def _back_to(stepper, position: int):
    while stepper.snapshot().position > position:
        stepper.step_back()
    return stepper.snapshot()


def test_a_failure_carries_its_command_and_changes_nothing(session):
    s = session()
    before = execute(s, Step(), 1).snapshot
    failure = execute(s, SetParameter(2, "W", (5, 0), 1.0), 2)
    assert isinstance(failure, Failure) and failure.command.ident == 2 and "outside shape (1, 2)" in failure.message
    bad = replace(seed003(), network=replace(seed003().network, input_size=3))  # the data has 2 features
    failure = execute(s, SetProject(bad), 3)
    assert isinstance(failure, Failure) and failure.command.ident == 3 and "input size is 3" in failure.message
    after = execute(s, Goto(1), 4).snapshot
    assert_same(after, before)


def test_undo_returns_to_the_engine_kept_and_same_start_edits_carry_on(session):
    s = session()
    execute(s, FinishIteration(), 1)
    trained = s.stepper.snapshot()
    original = s.engine.project
    faster = replace(original, training=replace(original.training, learning_rate=0.1))
    carried = execute(s, SetProject(faster, save_as=1), 2)  # only the learning rate: carried on from here
    assert_same(carried.snapshot, trained)
    assert len(carried.log.rows) == 2
    other = replace(original, training=replace(original.training, seed=original.training.seed + 1))
    fresh = execute(s, SetProject(other, save_as=2), 3)  # a new seed: new weights, a new log
    assert fresh.snapshot.iteration == 0 and len(fresh.log.rows) == 1
    back = execute(s, SetProject(faster, restore=2), 4)  # undo: the engine kept, exactly as it was
    assert back.project is faster
    assert_same(back.snapshot, trained)


def test_a_project_opened_exactly_is_its_saved_state_even_when_it_looks_like_the_open_one(session):
    """Opening (``exact``) a saved project whose network, data, weights and seed are the open one's: the saved
    iteration and stage come back, not the open engine's (an edit of the same start would carry on)."""
    s = session()
    reference = seed003().stepper()
    for _ in range(3):
        reference.finish_iteration()
    reference.step()
    expected = reference.step()  # iteration 3, stage 2
    params, iteration, epoch, batch, position, velocity = reference.saved_state()
    saved = seed003().with_state(ProjectState(iteration, epoch, batch, position, params, velocity, None))
    opened = execute(s, SetProject(saved, exact=True), 1)
    assert (opened.snapshot.iteration, opened.snapshot.position) == (3, 2)
    assert_same(opened.snapshot, expected)
    again = execute(s, SetProject(seed003(), exact=True), 2)  # the example itself: back at its start
    assert (again.snapshot.iteration, again.snapshot.position) == (0, 0)
    carried = execute(s, SetProject(saved), 3)  # as an edit: carries on from the engine (at its start)
    assert (carried.snapshot.iteration, carried.snapshot.position) == (0, 0)


def test_answers_export_and_gradient_check(session):
    s = session()
    execute(s, Step(), 1)
    state = execute(s, Export("state"), 2).answer
    assert isinstance(state, Exported) and isinstance(state.value, ProjectState) and state.value.position == 1
    torch = execute(s, Export("torch"), 3).answer
    assert isinstance(torch, Exported) and "import torch" in torch.value
    example = execute(s, Export("example"), 4).answer
    assert isinstance(example, Exported) and isinstance(example.value, str) and example.value
    check = execute(s, GradCheck(), 5).answer
    assert isinstance(check, GradCheckAnswer) and check.result.passed and "iteration 1" in check.where
    assert isinstance(execute(s, Export("nonsense"), 6), Failure)


def test_a_run_to_an_epoch_goal_trains_in_the_child_and_ends_bit_identical(session):
    project = load_project(example_path("spiral_softmax"))
    s = session(project)
    started = execute(s, Run(RunSettings(RunGoal("epochs", 400))), 1)
    assert started.run.state == RUNNING and s.runs.training
    reports = until(s, lambda got: any(isinstance(r, EngineResult) and r.run.state == FINISHED for r in got))
    assert all(r.ident == 1 for r in reports)  # a run's reports answer the Run command
    assert any(isinstance(r, RunProgress) for r in reports)
    final = reports[-1]
    per = final.batches_per_epoch
    assert "400 epoch" in final.run.reason and final.log.rows[-1, 0] == 400 * per
    reference = project.stepper()
    reference.run_iterations(400 * per)
    assert_same(final.snapshot, reference.snapshot())
    assert s.engine.log.view is final.log  # one log: the session's, shown as it is


def test_an_animated_run_shows_every_stage_and_pauses_where_it_is(session):
    s = session()
    execute(s, Run(RunSettings(RunGoal("forever"), speed=1)), 1)  # 4 iterations a second, every stage
    stages = len(s.stepper.stages)
    reports = until(s, lambda got: sum(isinstance(r, EngineResult) for r in got) >= stages + 2)
    positions = [r.snapshot.position for r in reports if isinstance(r, EngineResult)]
    assert positions[: stages + 1] == list(range(1, stages + 1)) + [1]
    s.marks.pause = True  # as the controller does, then the Pause command
    paused = execute(s, Pause(), 2)
    assert paused.run.state == PAUSED and not s.runs.training
    reference = seed003().stepper()
    while reference.snapshot().iteration < paused.snapshot.iteration or (
            reference.snapshot().position < paused.snapshot.position):
        reference.step()
    assert_same(paused.snapshot, reference.snapshot())
    assert paused.can_step_back
    resumed = execute(s, Run(RunSettings(RunGoal("forever"), speed=6), resume=True), 3)
    assert resumed.run.state == RUNNING
    until(s, lambda got: any(isinstance(r, EngineResult) for r in got))  # a state asked for, at full speed
    stepped = execute(s, Step(), 4)  # any other command pauses the run first
    assert stepped.run.state == PAUSED and not s.runs.training
    stopped = execute(s, Stop(), 5)
    assert stopped.run.state == IDLE and stopped.run.reason == "Stopped."
    reset = execute(s, Reset(), 6)
    assert reset.snapshot.iteration == 0 and len(reset.log.rows) == 1


def test_a_state_taken_for_an_autosave_during_a_run_comes_from_the_run_which_goes_on(session):
    s = session()
    execute(s, Run(RunSettings(RunGoal("forever"))), 1)  # full speed: the panels get a state once a second
    until(s, lambda got: s.engine.log.last is not None and s.engine.log.last["iteration"] >= 50)
    assert s.execute(TakeState(ident=2)) == [] and s.runs.training  # asked of the run, not paused
    reports = until(s, lambda got: any(isinstance(r, StateTaken) for r in got), timeout=10)
    (taken,) = [r for r in reports if isinstance(r, StateTaken)]
    assert taken.ident == 2 and taken.project is s.engine.project
    assert s.runs.training and s.runs.status.state == RUNNING  # the run goes on
    state = taken.state
    assert state.iteration >= 50 and state.log is not None and state.log[-1, 0] <= state.iteration + 1
    restored = seed003().with_state(state).stepper()  # weights the run really went through, bit for bit
    reference = seed003().stepper()
    reference.run_iterations(restored.completed_iterations)
    assert restored.completed_iterations >= 50
    for (W, b), (Wr, br) in zip(restored.parameters, reference.parameters, strict=True):
        assert W.tobytes() == Wr.tobytes() and b.tobytes() == br.tobytes()
    execute(s, Stop(), 3)
    assert s.execute(TakeState(ident=4))[0].state.iteration == s.stepper.saved_state()[1]  # no run: at once


def test_the_throttle_holds_a_burst_and_lets_the_newest_go_after_a_frame():
    now = [0.0]
    t = Throttle(clock=lambda: now[0])
    first, second, third = (object() for _ in range(3))
    assert t.result(first, newer_coming=True) is first  # nothing shown lately: at once
    now[0] += FRAME / 4
    assert t.result(second, newer_coming=True) is None and t.result(third, newer_coming=True) is None
    assert t.held() is None and 0 < t.wait() <= FRAME
    now[0] += FRAME
    assert t.held() is third and t.held() is None and t.wait() is None
    assert t.result(first, newer_coming=False) is first  # the last of a burst: at once
    assert not t.panels_due(0) and t.panels_due(6) and not t.panels_due(6)  # full speed: once a second
    now[0] += 1.0
    assert t.panels_due(6) and not t.progress_due()
    t.progress = True
    assert t.progress_due() and not t.progress_due()


def test_while_a_run_trains_the_throttle_says_when_to_look_without_a_report():
    now = [0.0]
    t = Throttle(clock=lambda: now[0])
    assert t.panels_due(6)  # full speed: a state asked for now, the next in a second
    now[0] = 0.3
    assert t.run_wait(6, woken=True) == pytest.approx(0.7)
    assert t.run_wait(6, woken=False) == TICK  # no pipe to wait on: look every few ms
    t.progress = True  # rows came less than a frame after the last progress report went
    assert t.run_wait(6, woken=True) == 0.0  # due already (the last went at the start)
    assert t.progress_due()
    t.progress = True
    now[0] = 0.31
    assert t.run_wait(6, woken=True) == pytest.approx(PLOTS - 0.01)
    t.progress = False
    assert t.run_wait(3, woken=True) is None  # 30 a second: every slice comes with its state; only reports wake


def test_a_runs_channel_turns_readable_when_the_child_reports(session):
    s = session(load_project(example_path("spiral_softmax")))
    assert s.runs.channel is None
    execute(s, Run(RunSettings(RunGoal("forever"))), 1)
    channel = s.runs.channel
    assert isinstance(channel, int)
    readable, _, _ = select.select([channel], [], [], 10.0)
    assert readable == [channel]
    assert any(isinstance(r, RunProgress) for r in until(s, lambda got: any(isinstance(r, RunProgress) for r in got)))
    execute(s, Stop(), 2)
    assert s.runs.channel is None
