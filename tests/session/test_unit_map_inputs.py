"""The units' maps in the session: they travel with the decision field, over the inputs the learner chose, from
the engine and from a run in the child process."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import RUNNING, RunGoal, RunSettings
from bpstudio.session.commands import ChooseMapInputs, EngineResult, Pause, Run, RunProgress, SetProject
from bpstudio.session.run_control import RunControl
from bpstudio.session.studio_session import StudioSession


@pytest.fixture(params=[True, False], ids=["process", "thread"])
def iris(request, monkeypatch):
    monkeypatch.setattr(RunControl, "use_process", request.param)
    s = StudioSession(load_project(example_path("iris_softmax")))
    yield s
    s.close()


def execute(s: StudioSession, cmd, ident: int) -> EngineResult:
    s.marks.sent = ident
    (report,) = s.execute(replace(cmd, ident=ident))
    assert isinstance(report, EngineResult)
    return report


def maps_match_the_weights(units, snapshot) -> None:
    """Grid point (row 5, column 9) of layer 1's maps (tanh), computed again from the snapshot's W¹ and b¹, with
    the inputs not chosen at their means."""
    x = np.array(units.plane.held)[:, None]
    x[units.plane.features[0], 0], x[units.plane.features[1], 0] = units.xs[9], units.ys[5]
    a1 = np.tanh(snapshot.get("W", 1) @ x + snapshot.get("b", 1))[:, 0]
    np.testing.assert_allclose(units.layers[0][5, 9], a1, rtol=1e-12)


def test_chosen_inputs_reach_the_maps_survive_an_edit_and_a_run_in_the_child_draws_over_them(iris):
    s = iris
    assert s.engine.plane.features == (2, 3)  # at first the two inputs that vary most
    first = execute(s, ChooseMapInputs(0, 3), 1)
    assert first.field is not None and first.field.kind == "plane" and first.field.units is not None
    assert first.field.units.plane.features == (0, 3)
    assert first.field.outputs is first.field.units.layers[-1]  # the decision view's slice: the outputs' maps
    maps_match_the_weights(first.field.units, first.snapshot)
    project = s.engine.project
    edited = execute(s, SetProject(replace(project, training=replace(project.training, learning_rate=0.1)),
                                   save_as=1), 2)
    assert edited.field is not None and edited.field.units.plane.features == (0, 3)  # kept through the edit
    started = execute(s, Run(RunSettings(RunGoal("forever"))), 3)
    assert started.run.state == RUNNING
    fields = set()
    end = time.perf_counter() + 30
    while len(fields) < 3:
        assert time.perf_counter() < end, "no maps came from the run"
        time.sleep(0.01)
        for report in s.tick():
            if isinstance(report, (EngineResult, RunProgress)) and report.field is not None:
                assert report.field.units is not None and report.field.units.plane.features == (0, 3)
                fields.add(id(report.field))
    execute(s, Pause(), 4)
    now = execute(s, ChooseMapInputs(0, 3), 5)  # at rest: the maps of the weights shown
    assert now.field.units.plane.features == (0, 3) and now.snapshot.iteration > edited.snapshot.iteration
    maps_match_the_weights(now.field.units, now.snapshot)
