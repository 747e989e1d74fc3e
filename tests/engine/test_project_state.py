"""Format version 2: a project saved with where training had got to reopens with every number as it was —
mid-iteration, after a fast run, with momentum — and a bad saved state is refused naming the field."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.engine import ValidationError, load_project, loads_project
from bpstudio.engine.project_state import MAX_SAVED_ROWS, ProjectState, thinned
from bpstudio.engine.resource_files import example_path


def spiral(momentum: float = 0.0):
    p = load_project(example_path("spiral_softmax"))
    return replace(p, training=replace(p.training, momentum=momentum, l2=0.001 if momentum else 0.0))


def saved(project, stepper, log=None):
    params, iteration, epoch, batch, position, velocity = stepper.saved_state()
    text = json.dumps(project.with_state(ProjectState(iteration, epoch, batch, position, params, velocity,
                                                      log)).to_dict())
    return loads_project(text)


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_mid_iteration_reopens_bit_identical_and_trains_on_identically(momentum):
    project = spiral(momentum)
    s = project.stepper()
    s.run_iterations(37)
    for _ in range(4):
        s.step()
    again = saved(project, s).stepper()
    a, b = s.snapshot(), again.snapshot()
    assert (b.iteration, b.epoch, b.batch, b.position) == (a.iteration, a.epoch, a.batch, a.position)
    for key, value in a.arrays.items():
        assert b.arrays[key].tobytes() == value.tobytes(), key
    s.run_iterations(20)
    again.run_iterations(20)  # the momentum came back too: the same steps after
    for (W, _), (W2, _) in zip(s.parameters, again.parameters, strict=True):
        assert W.tobytes() == W2.tobytes()


def test_a_whole_stepped_iteration_reopens_on_its_update_and_after_a_fast_run_on_the_next():
    project = spiral()
    s = project.stepper()
    s.run_iterations(10)  # the last one stepped: its stages are kept
    reopened = saved(project, s).stepper().snapshot()
    assert reopened.position == len(s.stages) and reopened.get("delta", 1) is not None
    np.testing.assert_array_equal(reopened.get("W", 1), s.snapshot().get("W", 1))
    s.restore(s.checkpoint())  # as after a run elsewhere: no stages kept
    nxt = saved(project, s).stepper().snapshot()
    assert nxt.position == 0 and nxt.iteration == s.snapshot().iteration + 1
    np.testing.assert_array_equal(nxt.get("W", 1), s.snapshot().get("W", 1))


def test_the_training_log_is_saved_thinned_and_read_back():
    project = spiral()
    s = project.stepper()
    rows = np.column_stack([np.arange(12_000.0), np.arange(12_000.0) / 10, np.linspace(1, 0, 12_000),
                            np.full(12_000, np.nan), np.full(12_000, 0.5), np.full(12_000, np.nan),
                            np.ones((12_000, 3 + 5 * 2))])  # grad_ˡ, then the gradient-flow columns
    back = saved(project, s, rows).state.log
    assert len(back) == MAX_SAVED_ROWS and back[-1, 0] == 11_999 and np.isnan(back[:, 3]).all()
    np.testing.assert_array_equal(back, thinned(rows))


@pytest.mark.parametrize(("change", "field"), [
    (lambda st: st.update(position=99), "state.position"),
    (lambda st: st.update(batch=50), "state.batch"),
    (lambda st: st.update(iteration=-1), "state.iteration"),
    (lambda st: st["parameters"][0].update(W=[[1.0]]), "parameters"),
    (lambda st: st.update(extra=1), "state.extra"),
    (lambda st: st.update(log={"columns": ["x"], "rows": []}), "state.log.columns"),
])
def test_a_bad_saved_state_is_refused_naming_the_field(change, field):
    project = spiral()
    s = project.stepper()
    s.run_iterations(3)
    d = saved(project, s).to_dict()
    change(d["state"])
    with pytest.raises(ValidationError) as err:
        loads_project(json.dumps(d))
    assert field in err.value.field


def test_version_1_files_read_as_they_are():
    d = load_project(example_path("seed003_2-2-1")).to_dict()
    d["version"] = 1
    assert loads_project(json.dumps(d)).state is None
