"""Why gradients vanish (issue 15, item 4): ‖δˡ‖/‖δˡ⁺¹‖ = weights part × f′ gate part, each part recomputed here
by a bare NumPy loop from a snapshot's arrays, the shares of saturated and dead units on hand-made networks, and
the training log's columns saved, reopened, and read from files that predate them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bpstudio.engine import backprop as bp
from bpstudio.engine import gradient_flow as gf
from bpstudio.engine import load_project, loads_project
from bpstudio.engine.examples import NAMES, resolve_project
from bpstudio.engine.probe import probe_row
from bpstudio.engine.project import PROJECT_VERSION, save_project
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.spec import LayerSpec, NetworkSpec
from bpstudio.engine.training_log import TrainingLog, columns, old_columns

EXAMPLES = sorted(p.stem for p in example_path("spiral_softmax").parent.glob("*.bpsproj"))


def stepped_to_update(name: str, iterations: int = 5):
    """A stepper of the example after ``iterations`` fast iterations and every backward stage of the next."""
    s = resolve_project(name).stepper()
    s.run_iterations(iterations)
    while s.snapshot().get("delta", 1) is None:
        s.step()
    return s


def bare_parts(W_next, delta_next, delta):
    """‖·‖ as a loop over every entry, (Wˡ⁺¹)ᵀδˡ⁺¹ as a loop over j: nothing from the engine."""
    def frob(x):
        total = 0.0
        for row in x:
            for v in row:
                total += float(v) * float(v)
        return total ** 0.5
    units, samples = W_next.shape[1], delta_next.shape[1]
    upstream = np.zeros((units, samples))
    for k in range(units):
        for s in range(samples):
            upstream[k, s] = sum(W_next[j, k] * delta_next[j, s] for j in range(W_next.shape[0]))
    return frob(delta) / frob(delta_next), frob(upstream) / frob(delta_next), frob(delta) / frob(upstream)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_two_parts_multiply_to_the_ratio_and_each_matches_a_bare_loop(name):
    s = stepped_to_update(name)
    snap = s.snapshot()
    L = snap.spec.depth
    flows = [gf.layer_flow(l, snap.get("W", l + 1), snap.get("delta", l + 1), snap.get("delta", l),
                           s.plan.activations[l - 1], snap.get("z", l), snap.get("a", l)) for l in range(1, L)]
    for flow in flows:
        l = flow.layer
        assert flow.weights * flow.gate == pytest.approx(flow.ratio, rel=1e-12, abs=0)
        ratio, weights, gate = bare_parts(snap.get("W", l + 1), snap.get("delta", l + 1), snap.get("delta", l))
        assert flow.ratio == pytest.approx(ratio, rel=1e-12)
        assert flow.weights == pytest.approx(weights, rel=1e-12)
        assert flow.gate == pytest.approx(gate, rel=1e-12)


def test_the_log_row_measures_the_training_set_with_the_same_numbers():
    project = resolve_project("deep_sigmoid_moons")
    s = project.stepper()
    s.run_iterations(30)
    train, _ = project.split()
    x, y = train.x.T, train.y.T
    row = probe_row(s.plan, s.parameters, 30, s.batches_per_epoch, (x, y), None)
    named = dict(zip(columns(7), row, strict=True))
    zs, acts = bp.forward(s.plan, s.parameters, x)
    deltas: list = []
    grads = bp.backward(s.plan, s.parameters, zs, acts, y, deltas)
    for l in range(1, 7):
        ratio, weights, gate = bare_parts(s.parameters[l][0], deltas[l], deltas[l - 1])
        assert named[f"ratio_{l}"] == pytest.approx(ratio, rel=1e-12)
        assert named[f"weights_{l}"] == pytest.approx(weights, rel=1e-12)
        assert named[f"gate_{l}"] == pytest.approx(gate, rel=1e-12)
        assert named[f"saturated_{l}"] == np.mean(acts[l] * (1 - acts[l]) < 0.01)
        assert np.isnan(named[f"dead_{l}"])  # sigmoid units do not die
    assert named["grad_1"] == np.mean(np.abs(grads[0][0]))  # the old columns as they were
    # and it vanishes, plainly: the gate alone (σ′ ≤ 0.25) passes on under a quarter at every layer
    assert all(named[f"gate_{l}"] < 0.25 for l in range(1, 7))
    assert np.prod([named[f"ratio_{l}"] for l in range(1, 7)]) < 1e-3


def hand_made(activation: str, W1, b1):
    """2 inputs → 3 units of ``activation`` → 1 linear output, squared error, on 4 samples."""
    spec = NetworkSpec(2, (LayerSpec(3, activation), LayerSpec(1, "identity")), "squared_error")
    plan = bp.Plan.of(spec)
    params = [(np.array(W1, float), np.array(b1, float).reshape(3, 1)),
              (np.array([[1.0, -2.0, 0.5]]), np.zeros((1, 1)))]
    x = np.array([[0.0, 1.0, -1.0, 0.5], [1.0, 0.0, 0.5, -1.0]])
    return gf.measure(plan, params, x, np.array([[1.0, 0.0, 1.0, 0.0]]))[0]


def test_relu_units_with_large_negative_biases_are_all_dead():
    flow = hand_made("relu", np.ones((3, 2)), [-100.0, -50.0, -10.0])
    assert flow.dead == 1.0 and np.isnan(flow.saturated)
    assert flow.gate == 0.0 and flow.ratio == 0.0  # nothing gets through a dead layer


def test_a_relu_unit_alive_on_one_sample_is_not_dead():
    flow = hand_made("relu", np.ones((3, 2)), [-100.0, -0.9, 10.0])  # unit 2: z = 1 − 0.9 > 0 on two samples
    assert flow.dead == pytest.approx(1 / 3)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_huge_weights_saturate_sigmoid_and_tanh(activation):
    flow = hand_made(activation, [[500.0, 400.0], [-300.0, 700.0], [900.0, 800.0]], [0.0, 0.0, 0.0])
    assert flow.saturated == 1.0 and np.isnan(flow.dead)
    assert flow.gate < 1e-6
    mild = hand_made(activation, [[0.1, 0.2], [-0.1, 0.1], [0.2, 0.0]], [0.0, 0.0, 0.0])
    assert mild.saturated == 0.0


def test_a_zero_error_above_gives_no_ratio_not_a_division_by_zero():
    spec = NetworkSpec(1, (LayerSpec(1, "sigmoid"), LayerSpec(1, "identity")), "squared_error")
    params = [(np.ones((1, 1)), np.zeros((1, 1))), (np.ones((1, 1)), np.zeros((1, 1)))]
    x = np.zeros((1, 1))
    flow = gf.measure(bp.Plan.of(spec), params, x, np.array([[0.5]]))[0]  # the output is 0.5: δ² = 0
    assert np.isnan(flow.ratio) and np.isnan(flow.weights) and np.isnan(flow.gate)


def test_the_new_columns_survive_save_and_reopen(tmp_path):
    project = load_project(example_path("deep_sigmoid_moons"))
    s = project.stepper()
    train, _ = project.split()
    log = TrainingLog(7)
    for _ in range(3):
        s.run_iterations(2)
        log.append(probe_row(s.plan, s.parameters, s.completed_iterations, s.batches_per_epoch,
                             (train.x.T, train.y.T), None))
    params, iteration, epoch, batch, position, velocity = s.saved_state()
    saved = project.with_state(ProjectState(iteration, epoch, batch, position, params, velocity, log.rows()))
    path = tmp_path / "deep.bpsproj"
    save_project(path, saved)
    d = json.loads(path.read_text(encoding="utf-8"))
    assert d["version"] == PROJECT_VERSION and d["state"]["log"]["columns"] == list(columns(7))
    assert "gate_6" in d["state"]["log"]["columns"] and "dead_1" in d["state"]["log"]["columns"]
    back = load_project(path).state.log
    np.testing.assert_array_equal(back, log.rows())  # NaN (the dead share of sigmoid layers) included
    assert np.isfinite(back[:, columns(7).index("ratio_1")]).all()


def test_a_version_2_log_without_them_still_opens_with_them_empty():
    project = load_project(example_path("spiral_softmax"))
    s = project.stepper()
    s.run_iterations(3)
    params, iteration, epoch, batch, position, velocity = s.saved_state()
    d = project.with_state(ProjectState(iteration, epoch, batch, position, params, velocity)).to_dict()
    d["version"] = 2
    old = [[3, 0.3, 1.09, None, 0.34, None, 0.01, 0.02, 0.03]]
    d["state"]["log"] = {"columns": list(old_columns(3)), "rows": old}
    log = loads_project(json.dumps(d)).state.log
    assert log.shape == (1, len(columns(3)))
    np.testing.assert_array_equal(log[0, :9], [3, 0.3, 1.09, np.nan, 0.34, np.nan, 0.01, 0.02, 0.03])
    assert np.isnan(log[0, 9:]).all()
    follow = TrainingLog(3)
    follow.append(log)  # and the engine's log takes it
    assert np.isnan(follow.flow("ratio", 2)).all() and follow.gradient(3)[0] == 0.03


def test_one_layer_has_no_flow_columns_and_the_example_is_named():
    assert columns(1) == old_columns(1)
    assert "Vanishing gradients: six sigmoid layers on the moons" in NAMES


def test_a_diverged_state_gives_infinities_and_nans_not_warnings():
    f = resolve_project("deep_sigmoid_moons").stepper().plan.activations[0]
    huge = np.full((2, 3), 1e300)
    flow = gf.layer_flow(1, np.full((2, 2), 1e300), huge, huge, f, huge, np.full((2, 3), np.nan))
    assert not np.isfinite([flow.ratio, flow.weights, flow.gate]).any()
