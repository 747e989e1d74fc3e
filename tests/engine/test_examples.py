"""The shipped examples and the project schema: every example loads, matches the schema, shows what it
claims and trains; the schema and project_from_dict agree on what is a valid project."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from jsonschema import Draft202012Validator

from bpstudio.engine import BPStudioError, Stepper, load_project, project_from_dict
from bpstudio.engine.resource_files import example_path, examples_dir, schema_path

EXAMPLES = sorted(examples_dir().glob("*.bpsproj"))
REQUIRED = {
    "seed003_2-2-1.bpsproj",
    "seed000_output_layer.bpsproj",
    "xor_tanh.bpsproj",
    "spiral_softmax.bpsproj",
    "sine_regression.bpsproj",
}


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8")))


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_the_required_examples_are_shipped() -> None:
    assert REQUIRED <= {p.name for p in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_loads_and_matches_the_schema(path: Path, validator: Draft202012Validator) -> None:
    project = load_project(path)
    assert project.name and project.description
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_read(path))]
    assert errors == []
    project.stepper()  # the data also passes the checks made when training starts


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_seed000_output_layer_reproduces_the_worked_example() -> None:
    stepper = load_project(example_path("seed000_output_layer")).stepper()
    names = []
    for _ in range(3):
        snap = stepper.step()
        assert snap.stage is not None
        names.append(snap.stage.name)
    assert names == ["forward 1", "loss", "backward 1"]
    np.testing.assert_allclose(snap.arrays["L1/a"][:, 0], [0.8, 0.3], rtol=0, atol=1e-15)
    np.testing.assert_allclose(snap.arrays["target"][:, 0], [1.0, 0.0])
    np.testing.assert_allclose(snap.arrays["grad_a"][:, 0], [-0.2, 0.3], rtol=0, atol=1e-12)
    np.testing.assert_allclose(snap.arrays["L1/delta"][:, 0], [-0.032, 0.063], rtol=0, atol=1e-12)
    np.testing.assert_allclose(snap.arrays["L1/db"][:, 0], [-0.032, 0.063], rtol=0, atol=1e-12)  # BP3, m = 1
    assert snap.loss == pytest.approx(0.5 * (0.2**2 + 0.3**2), abs=1e-15)


def test_seed003_first_forward_stage_matches_a_hand_computation() -> None:
    project = load_project(example_path("seed003_2-2-1"))
    assert project.network.sizes == (2, 2, 1)
    assert [layer.activation for layer in project.network.layers] == ["sigmoid", "sigmoid"]
    snap = project.stepper().step()
    assert snap.stage is not None and snap.stage.name == "forward 1"
    xor = [(0, 0), (0, 1), (1, 0), (1, 1)]
    np.testing.assert_array_equal(snap.arrays["input"], np.array(xor, dtype=float).T)
    np.testing.assert_array_equal(snap.arrays["target"], [[0.0, 1.0, 1.0, 0.0]])
    # z₁ = w₁₁x₁ + w₁₂x₂ + b₁, z₂ = w₂₁x₁ + w₂₂x₂ + b₂ with W¹ = [[0.15, 0.20], [0.25, 0.30]], b¹ = [0.35, 0.35]
    by_hand = np.array([[0.15 * x1 + 0.20 * x2 + 0.35 for x1, x2 in xor],
                        [0.25 * x1 + 0.30 * x2 + 0.35 for x1, x2 in xor]])
    np.testing.assert_allclose(snap.arrays["L1/z"], by_hand, rtol=0, atol=1e-15)
    np.testing.assert_allclose(snap.arrays["L1/a"], sigmoid(by_hand), rtol=0, atol=1e-15)
    assert snap.get("z", 2) is None  # not computed yet in this iteration


def _epoch_mean_loss(stepper: Stepper) -> float:
    """Mean of Snapshot.loss over one epoch of iterations: every sample is seen once."""
    losses = [stepper.finish_iteration().loss for _ in range(stepper.batches_per_epoch)]
    assert all(loss is not None and np.isfinite(loss) for loss in losses)
    return float(np.mean([loss for loss in losses if loss is not None]))


STALLS = "deep_sigmoid_moons.bpsproj"  # shipped to show gradients vanishing: its lower layers hardly learn


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_trains(path: Path) -> None:
    stepper = load_project(path).stepper()
    before = _epoch_mean_loss(stepper)
    assert stepper.run_iterations(300) == 300
    after = _epoch_mean_loss(stepper)
    if path.name == STALLS:  # what it is there to show: the loss stays at chance, ln 2 ≈ 0.693
        assert abs(after - before) < 0.05 and after > 0.65
    else:
        assert after < 0.9 * before


# ----- the schema and project_from_dict agree ------------------------------------------------------

def _base() -> dict[str, Any]:
    return {
        "format": "bpstudio-project",
        "version": 1,
        "name": "t",
        "network": {
            "input_size": 2,
            "layers": [{"units": 2, "activation": "sigmoid"}, {"units": 1, "activation": "sigmoid"}],
            "loss": "squared_error",
        },
        "init": {"method": "xavier", "scale": 0.1},
        "training": {"learning_rate": 0.5, "batch_size": 0, "epochs": 10, "seed": 0, "shuffle": True},
        "data": {"x": [[0, 0], [0, 1], [1, 0], [1, 1]], "y": [[0], [1], [1], [0]]},
    }


def _variant(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    d = _base()
    change(d)
    return d


def _softmax_output(d: dict[str, Any], units: int) -> None:
    d["network"]["layers"][-1] = {"units": units, "activation": "softmax"}


def _softmax_two_classes(d: dict[str, Any]) -> None:
    _softmax_output(d, 2)
    d["network"]["loss"] = "cross_entropy"
    d["data"]["y"] = [[1, 0], [0, 1], [0, 1], [1, 0]]


def _spiral_one_hot(d: dict[str, Any]) -> None:
    _softmax_output(d, 4)
    d["network"]["loss"] = "cross_entropy"
    d["data"] = {"generator": "spiral", "params": {"n": 40, "noise": 0, "seed": 3, "classes": 4}}


INVALID: dict[str, Callable[[dict[str, Any]], object]] = {
    "unknown top-level key": lambda d: d.update(colour="red"),
    "wrong format": lambda d: d.update(format="bpstudio-snapshot"),
    "newer version": lambda d: d.update(version=6),
    "version 0": lambda d: d.update(version=0),
    "version as text": lambda d: d.update(version="1"),
    "no network": lambda d: d.pop("network"),
    "no data": lambda d: d.pop("data"),
    "name not text": lambda d: d.update(name=3),
    "description null": lambda d: d.update(description=None),
    "no layers": lambda d: d["network"].update(layers=[]),
    "no input size": lambda d: d["network"].pop("input_size"),
    "input size 0": lambda d: d["network"].update(input_size=0),
    "units 0": lambda d: d["network"]["layers"][0].update(units=0),
    "units true": lambda d: d["network"]["layers"][0].update(units=True),
    "units too many": lambda d: d["network"]["layers"][0].update(units=100_001),
    "units missing": lambda d: d["network"]["layers"][0].pop("units"),
    "unknown activation": lambda d: d["network"]["layers"][0].update(activation="swish"),
    "softmax with one unit": lambda d: _softmax_output(d, 1),
    "unknown loss": lambda d: d["network"].update(loss="hinge"),
    "unknown training key": lambda d: d["training"].update(nesterov=0.9),
    "learning rate 0": lambda d: d["training"].update(learning_rate=0),
    "negative batch size": lambda d: d["training"].update(batch_size=-1),
    "epochs 0": lambda d: d["training"].update(epochs=0),
    "negative seed": lambda d: d["training"].update(seed=-1),
    "shuffle as text": lambda d: d["training"].update(shuffle="yes"),
    "momentum 1": lambda d: d["training"].update(momentum=1.0),
    "negative momentum": lambda d: d["training"].update(momentum=-0.1),
    "negative l2": lambda d: d["training"].update(l2=-1e-4),
    "training null": lambda d: d.update(training=None),
    "unknown initialiser": lambda d: d["init"].update(method="orthogonal"),
    "initialiser in capitals": lambda d: d["init"].update(method="Xavier"),
    "scale 0": lambda d: d["init"].update(scale=0),
    "unknown init key": lambda d: d["init"].update(gain=2),
    "explicit without parameters": lambda d: d["init"].update(method="explicit"),
    "explicit with null parameters": lambda d: (d["init"].update(method="explicit"), d.update(parameters=None)),
    "unknown generator": lambda d: d.update(data={"generator": "swiss_roll"}),
    "unknown generator parameter": lambda d: d.update(data={"generator": "xor", "params": {"size": 10}}),
    "generator params null": lambda d: d.update(data={"generator": "xor", "params": None}),
    "n 0": lambda d: d.update(data={"generator": "xor", "params": {"n": 0}}),
    "n fractional": lambda d: d.update(data={"generator": "xor", "params": {"n": 10.5}}),
    "negative noise": lambda d: d.update(data={"generator": "moons", "params": {"noise": -0.1}}),
    "one spiral class": lambda d: d.update(data={"generator": "spiral", "params": {"classes": 1}}),
    "too many blob classes": lambda d: d.update(data={"generator": "blobs", "params": {"classes": 51}}),
    "data not an object": lambda d: d.update(data=[[0, 0]]),
    "inline y missing": lambda d: d["data"].pop("y"),
    "inline x empty": lambda d: d["data"].update(x=[]),
    "inline x with text": lambda d: d["data"].update(x=[[0, "1"], [0, 1], [1, 0], [1, 1]]),
    "inline x with booleans": lambda d: d["data"].update(x=[[False, True], [0, 1], [1, 0], [1, 1]]),
    "inline rows empty": lambda d: d["data"].update(x=[[], [], [], []]),
    "inline rows mixed with numbers": lambda d: d["data"].update(y=[[0], 1, 1, 0]),
    "parameters not a list": lambda d: d.update(parameters={"W": [[1]], "b": [0]}),
    "parameters item without b": lambda d: d.update(parameters=[{"W": [[1, 1], [1, 1]]}, {"W": [[1, 1]], "b": [0]}]),
    "parameters W flat": lambda d: d.update(parameters=[{"W": [1, 1], "b": [0, 0]}, {"W": [[1, 1]], "b": [0]}]),
}


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_invalid_project_is_rejected_by_schema_and_loader(
    change: Callable[[dict[str, Any]], object], validator: Draft202012Validator
) -> None:
    d = _variant(change)
    assert not validator.is_valid(d), "the schema accepts it"
    with pytest.raises(BPStudioError):
        project_from_dict(copy.deepcopy(d))


VALID: dict[str, Callable[[dict[str, Any]], object]] = {
    "as given": lambda d: None,
    "only the required fields": lambda d: [d.pop(k) for k in ("name", "init", "training")],
    "layer without activation": lambda d: d["network"]["layers"][0].pop("activation"),
    "names in any case and aliases": lambda d: (
        d["network"]["layers"][0].update(activation="Linear"), d["network"].update(loss="MSE")
    ),
    "flat target list": lambda d: d["data"].update(y=[0, 1, 1, 0]),
    "parameters null": lambda d: d.update(parameters=None),
    "explicit parameters, b as a column": lambda d: (
        d["init"].update(method="explicit"),
        d.update(parameters=[{"W": [[0.1, 0.2], [0.3, 0.4]], "b": [[0.5], [0.6]]}, {"W": [[0.7, 0.8]], "b": [0.9]}]),
    ),
    "parameters with another init method": lambda d: d.update(
        parameters=[{"W": [[0.1, 0.2], [0.3, 0.4]], "b": [0.5, 0.6]}, {"W": [[0.7, 0.8]], "b": [0.9]}]
    ),
    "generator with defaults": lambda d: d.update(data={"generator": "circles"}),
    "classes ignored by a 2-class generator": lambda d: d.update(data={"generator": "xor", "params": {"classes": 7}}),
    "softmax output with one-hot targets": _softmax_two_classes,
    "spiral with one-hot targets": _spiral_one_hot,
}


@pytest.mark.parametrize("change", VALID.values(), ids=VALID.keys())
def test_valid_project_is_accepted_by_schema_and_loader(
    change: Callable[[dict[str, Any]], object], validator: Draft202012Validator
) -> None:
    d = _variant(change)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(d)]
    assert errors == []
    project_from_dict(copy.deepcopy(d)).stepper()


def test_a_saved_project_still_matches_the_schema(validator: Draft202012Validator) -> None:
    project = load_project(example_path("seed003_2-2-1"))
    trained = project.stepper()
    trained.run_iterations(5)
    d = project.with_parameters(trained.parameters).to_dict()
    assert validator.is_valid(json.loads(json.dumps(d)))
    assert d["init"]["method"] == "explicit"
