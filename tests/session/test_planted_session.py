"""A mistake planted through the session: a copy trains with it (stepped and in the run's child process), the
loss curve misbehaves, a save keeps the project's own state, and switching it off gives back exactly the
numbers, log and state of a session that never planted anything."""

from __future__ import annotations

import pytest
from test_studio_session import assert_same, execute, until

from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import FINISHED, RunGoal, RunSettings
from bpstudio.session.commands import EngineResult, Export, FinishIteration, GradCheck, PlantMistake, Run, Step
from bpstudio.session.run_control import RunControl
from bpstudio.session.studio_session import StudioSession


def seed003():
    return load_project(example_path("seed003_2-2-1"))


@pytest.fixture(params=[True, False], ids=["process", "thread"])
def session(request, monkeypatch):
    monkeypatch.setattr(RunControl, "use_process", request.param)
    made: list[StudioSession] = []

    def make() -> StudioSession:
        made.append(StudioSession(seed003()))
        return made[-1]

    yield make
    for s in made:
        s.close()


def test_switching_a_planted_mistake_off_gives_back_the_exact_numbers(session):
    s, untouched = session(), session()
    for i in range(1, 4):
        execute(s, Step(), i)
        execute(untouched, Step(), i)
    planted = execute(s, PlantMistake("fprime_of_a"), 4).snapshot
    assert planted.planted is not None and planted.planted.mistake == "fprime_of_a"
    assert planted.position == 3  # the iteration's stages taken again with the bug, to the same place
    execute(s, FinishIteration(), 5)
    execute(s, Run(RunSettings(RunGoal("epochs", 50))), 6)
    until(s, lambda got: any(isinstance(r, EngineResult) and r.run.state == FINISHED for r in got))
    assert s.engine.log.rows()[-1, 0] > 40  # the bug trained on
    saved = execute(s, Export("state"), 7).answer.value  # a save while planted: the project's own place
    assert (saved.iteration, saved.position) == (0, 3) and len(saved.log) == 1
    off = execute(s, PlantMistake(""), 8)
    reference = execute(untouched, Export("state"), 9).answer.value
    assert off.snapshot.planted is None
    assert_same(off.snapshot, untouched.stepper.snapshot())
    assert s.engine.log.rows().tobytes() == untouched.engine.log.rows().tobytes()
    assert s.stepper is not None and s.engine.exact is None
    assert (reference.iteration, reference.position) == (saved.iteration, saved.position)
    # and training on from there is the untouched engine's, bit for bit
    execute(s, FinishIteration(), 10)
    execute(untouched, FinishIteration(), 10)
    assert_same(s.stepper.snapshot(), untouched.stepper.snapshot())


def test_a_flipped_update_makes_the_loss_curve_climb_and_the_gradient_check_fail(session):
    s, untouched = session(), session()
    execute(s, PlantMistake("update_sign"), 1)
    check = execute(s, GradCheck(), 2).answer
    assert not check.result.passed and {n for _, n, _, ok in check.result.per_parameter() if not ok} == {"W", "b"}
    for t in (s, untouched):
        execute(t, Run(RunSettings(RunGoal("epochs", 200))), 3)
        until(t, lambda got: any(isinstance(r, EngineResult) and r.run.state == FINISHED for r in got))
    buggy, right = s.engine.log.column("train_loss"), untouched.engine.log.column("train_loss")
    assert buggy[-1] > buggy[0] and right[-1] < right[0]  # gradient ascent climbs; descent falls
    assert execute(untouched, GradCheck(), 4).answer.result.passed
