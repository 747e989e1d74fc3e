"""Project files: JSON → Project → Stepper, save/load round trips, and clear errors naming the field."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest

from bpstudio.engine import (
    FormatError,
    InitSpec,
    LayerSpec,
    NetworkSpec,
    Project,
    Stepper,
    TrainingSpec,
    ValidationError,
    load_project,
    load_snapshot,
    loads_project,
    project_from_dict,
    save_project,
    save_snapshot,
)

BASE = {
    "format": "bpstudio-project",
    "version": 1,
    "name": "XOR",
    "description": "2-3-1 tanh/sigmoid on inline XOR",
    "network": {"input_size": 2, "layers": [{"units": 3, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}],
                "loss": "binary_cross_entropy"},
    "init": {"method": "xavier"},
    "training": {"learning_rate": 0.8, "batch_size": 0, "epochs": 50, "seed": 4, "shuffle": True},
    "data": {"x": [[0, 0], [0, 1], [1, 0], [1, 1]], "y": [[0], [1], [1], [0]]},
}


def doc(**changes) -> dict:
    d = copy.deepcopy(BASE)
    for path, value in changes.items():
        target = d
        *parts, last = path.split("__")
        for p in parts:
            target = target[int(p)] if p.isdigit() else target[p]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return d


def text(d: dict) -> str:
    return json.dumps(d)


# ----- round trips ------------------------------------------------------------------------------------


def test_loads_project_builds_what_the_json_says() -> None:
    p = loads_project(text(BASE))
    assert p.name == "XOR"
    assert p.network == NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")), "binary_cross_entropy")
    assert p.training == TrainingSpec(0.8, 0, 50, 4, True)
    assert p.init == InitSpec("xavier")
    ds = p.dataset()
    np.testing.assert_array_equal(ds.x, [[0, 0], [0, 1], [1, 0], [1, 1]])
    st = p.stepper()
    snap = st.snapshot()
    np.testing.assert_array_equal(snap.arrays["input"], ds.x.T)  # rows in the file, columns in the engine
    np.testing.assert_array_equal(snap.arrays["target"], [[0, 1, 1, 0]])
    # the same as building the stepper by hand with the same seed
    by_hand = Stepper(p.network, ds.x.T, ds.y.T, p.training, p.init)
    for (W, b), (W2, b2) in zip(st.parameters, by_hand.parameters, strict=True):
        assert np.array_equal(W, W2) and np.array_equal(b, b2)


def test_project_engine_snapshot_load(tmp_path: Path) -> None:
    p = loads_project(text(BASE), "xor.bpsproj")
    st = p.stepper()
    st.run_iterations(4)
    for _ in range(3):  # forward 1, forward 2, loss of iteration 4
        snap = st.step()
    path = save_snapshot(tmp_path / "xor.npz", snap, p.to_dict())
    loaded = load_snapshot(path)
    assert set(loaded.arrays) == set(snap.arrays)
    for k in snap.arrays:
        assert np.array_equal(loaded.arrays[k], snap.arrays[k]), k
        assert loaded.arrays[k].tobytes() == snap.arrays[k].tobytes(), k
    assert loaded.loss == snap.loss
    assert loaded.meta["stage"] == "loss"
    assert loaded.meta["iteration"] == 4
    assert loaded.meta["epoch"] == 4  # full batch: one iteration per epoch
    assert loaded.meta["version"] == 2
    assert loaded.meta["format"] == "bpstudio-snapshot"
    # the project stored in the snapshot rebuilds the same run
    again = project_from_dict(loaded.meta["project"])
    assert again == p
    st2 = again.stepper()
    st2.run_iterations(4)
    for _ in range(3):
        snap2 = st2.step()
    for k in snap.arrays:
        assert np.array_equal(snap2.arrays[k], snap.arrays[k]), k


def test_save_project_load_project_round_trip(tmp_path: Path) -> None:
    p = loads_project(text(BASE))
    path = save_project(tmp_path / "xor.bpsproj", p)
    q = load_project(path)
    assert q == p
    assert q.to_dict() == p.to_dict()
    assert json.loads(path.read_text(encoding="utf-8")) == p.to_dict()
    assert list(tmp_path.glob("*.tmp")) == []


def test_trained_parameters_round_trip_exactly(tmp_path: Path) -> None:
    p = loads_project(text(BASE))
    st = p.stepper()
    st.run_iterations(25)
    trained = p.with_parameters(st.parameters)
    assert trained.init.method == "explicit"
    path = save_project(tmp_path / "trained.bpsproj", trained)
    q = load_project(path)
    assert q == trained
    assert q != p
    assert q.parameters is not None
    for (W, b), (W2, b2) in zip(q.parameters, st.parameters, strict=True):
        assert W.tobytes() == W2.tobytes()  # JSON floats round trip exactly
        assert b.tobytes() == b2.tobytes()
    # the loaded project starts exactly where training stopped
    resumed = q.stepper()
    for (W, b), (W2, b2) in zip(resumed.parameters, st.parameters, strict=True):
        assert np.array_equal(W, W2) and np.array_equal(b, b2)


def test_generator_data_is_reproducible() -> None:
    d = doc(data={"generator": "circles", "params": {"n": 40, "noise": 0.05, "seed": 9}})
    a, b = loads_project(text(d)).dataset(), loads_project(text(d)).dataset()
    assert a.x.shape == (40, 2) and a.y.shape == (40, 1)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert set(np.unique(a.y)) == {0.0, 1.0}
    other = loads_project(text(doc(data={"generator": "circles", "params": {"n": 40, "noise": 0.05, "seed": 10}})))
    assert not np.array_equal(other.dataset().x, a.x)


def test_multiclass_generator_gives_one_hot_targets() -> None:
    d = doc(network={"input_size": 2, "layers": [{"units": 4, "activation": "relu"},
                                                 {"units": 3, "activation": "softmax"}], "loss": "cross_entropy"},
            data={"generator": "spiral", "params": {"n": 30, "classes": 3}})
    ds = loads_project(text(d)).dataset()
    assert ds.y.shape == (30, 3)
    np.testing.assert_array_equal(ds.y.sum(axis=1), np.ones(30))
    np.testing.assert_array_equal(np.argmax(ds.y, axis=1), ds.labels)


def test_project_equality() -> None:
    p = loads_project(text(BASE))
    assert p == loads_project(text(BASE))
    assert p != loads_project(text(doc(training__learning_rate=0.7)))
    assert p != "not a project"


# ----- bad input: ValidationError naming the field ------------------------------------------------------


@pytest.mark.parametrize(("d", "field", "message"), [
    (doc(network__layers__0__activation="swish"), "network.layers[0].activation", "unknown activation 'swish'"),
    (doc(network__layers__0__units=0), "network.layers[0].units", "at least 1"),
    (doc(network__layers__1__units=-2), "network.layers[1].units", "at least 1"),
    (doc(network__layers__0__units=2.5), "network.layers[0].units", "whole number"),
    (doc(network__input_size=3), "data.x", "input size is 3"),
    (doc(network__layers__1__units=2, network__loss="squared_error"), "data.y", "output layer has 2 units"),
    (doc(data__x__1__0=float("nan")), "data.x[1][0]", "NaN or infinity"),
    (doc(data__y__2__0=float("inf")), "data.y[2][0]", "NaN or infinity"),
    (doc(data__x__3__1="1"), "data.x[3][1]", "must be a number"),
    (doc(training__learning_rate=0), "training.learning_rate", "positive"),
    (doc(training__learning_rate=-0.5), "training.learning_rate", "positive"),
    (doc(training__batch_size=-1), "training.batch_size", "whole number"),
    (doc(training__nesterov=0.9), "training.nesterov", "not a training setting"),
    (doc(init__method="orthogonal"), "init.method", "unknown initialiser"),
    (doc(init__method="explicit"), "parameters", "must be given"),
    (doc(network__layers__0__activation="softmax"), "network.layers[0].activation", "only allowed on the output"),
    (doc(network__loss="cross_entropy"), "network.loss", "needs a softmax output"),
    (doc(network__layers__1__activation="tanh"), "network.loss", "needs a sigmoid output"),
    (doc(network__loss="hinge"), "network.loss", "unknown loss 'hinge'"),
    (doc(network__layers=[]), "network.layers", "at least one layer"),
    (doc(data={"generator": "mnist"}), "data.generator", "unknown generator 'mnist'"),
    (doc(data={"x": [[0, 0]]}), "data", "needs a generator, a dataset, or inline x and y"),
    (doc(data__y=[[0], [1], [1]]), "data.y", "3 target rows for 4 input rows"),
    (doc(data__y=[[0], [1], [2], [0]]), "data.y", "between 0 and 1"),
    (doc(extra=1), "extra", "not a project field"),
    (doc(parameters=[{"W": [[1, 2]], "b": [0]}]), "parameters", "1 layers of parameters given"),
    (doc(parameters=[{"W": [[1, 2], [3, 4]], "b": [0, 0, 0]}, {"W": [[1, 2, 3]], "b": [0]}]),
     "parameters[0].W", "must be (n1, n0)"),
])
def test_invalid_project_names_the_field(d: dict, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        loads_project(text(d))
    assert info.value.field == field
    assert message in info.value.message
    assert str(info.value) == f"{field}: {info.value.message}"


def test_softmax_needs_two_units() -> None:
    spec = NetworkSpec(2, (LayerSpec(1, "softmax"),), "squared_error")
    with pytest.raises(ValidationError) as info:
        spec.validate()
    assert info.value.field == "network.layers[0].units"


@pytest.mark.parametrize(("source", "message"), [
    ('{"format": "bpstudio-project", "version": 1,', "not valid JSON (line 1"),
    ("", "not valid JSON"),
    ("[1, 2, 3]", "not a BP Studio project (the top level is not an object)"),
    ('{"format": "something-else", "version": 1}', "not a BP Studio project (format is 'something-else'"),
    ('{"network": {}}', "not a BP Studio project (format is None"),
    ('{"format": "bpstudio-project", "version": 6}', "made by a newer BP Studio (format version 6"),
    ('{"format": "bpstudio-project", "version": 0}', "version must be a whole number"),
    ('{"format": "bpstudio-project", "version": "1"}', "version must be a whole number"),
])
def test_not_a_project_is_a_format_error(source: str, message: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_project(source, "my.bpsproj")
    assert message in str(info.value)
    assert str(info.value).startswith("my.bpsproj: ")


def test_load_project_file_errors(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no such file"):
        load_project(tmp_path / "missing.bpsproj")
    binary = tmp_path / "snapshot.bpsproj"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe\x80\x81 binary")
    with pytest.raises(FormatError, match="cannot be read as text"):
        load_project(binary)
    malformed = tmp_path / "bad.bpsproj"
    malformed.write_text('{"format": "bpstudio-project",\n "version": 1,\n oops}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"not valid JSON \(line 3"):
        load_project(malformed)


# ----- bad input given to the engine directly ----------------------------------------------------------


SPEC = NetworkSpec(2, (LayerSpec(3, "sigmoid"), LayerSpec(2, "identity")))


@pytest.mark.parametrize(("x", "y", "field", "message"), [
    (np.zeros((3, 4)), np.zeros((2, 4)), "data.x", "samples have 3 features, but the network's input size is 2"),
    (np.zeros((2, 4)), np.zeros((1, 4)), "data.y", "targets have 1 values, but the output layer has 2 units"),
    (np.zeros((2, 4)), np.zeros((2, 5)), "data.y", "5 targets for 4 samples"),
    (np.array([[0.0, np.nan], [1.0, 2.0]]), np.zeros((2, 2)), "data.x", "sample 2 has NaN or infinity"),
    (np.zeros((2, 2)), np.array([[0.0, 1.0], [np.inf, 2.0]]), "data.y", "sample 1 has NaN or infinity"),
    (np.zeros((2, 0)), np.zeros((2, 0)), "data.x", "no samples"),
    (np.zeros(2), np.zeros(2), "data", "2-D"),
])
def test_bad_data_given_to_the_stepper(x, y, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Stepper(SPEC, x, y)
    assert info.value.field == field
    assert message in info.value.message


@pytest.mark.parametrize(("training", "field"), [
    (TrainingSpec(learning_rate=0.0), "training.learning_rate"),
    (TrainingSpec(learning_rate=-1.0), "training.learning_rate"),
    (TrainingSpec(learning_rate=float("nan")), "training.learning_rate"),
    (TrainingSpec(learning_rate=float("inf")), "training.learning_rate"),
    (TrainingSpec(epochs=0), "training.epochs"),
    (TrainingSpec(seed=-1), "training.seed"),
])
def test_bad_training_given_to_the_stepper(training: TrainingSpec, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Stepper(SPEC, np.zeros((2, 3)), np.zeros((2, 3)), training)
    assert info.value.field == field


@pytest.mark.parametrize(("params", "field"), [
    ([(np.zeros((3, 2)), np.zeros(3))], "parameters"),
    ([(np.zeros((2, 3)), np.zeros(3)), (np.zeros((2, 3)), np.zeros(2))], "parameters[0].W"),
    ([(np.zeros((3, 2)), np.zeros(2)), (np.zeros((2, 3)), np.zeros(2))], "parameters[0].b"),
    ([(np.zeros((3, 2)), np.zeros(3)), (np.full((2, 3), np.nan), np.zeros(2))], "parameters[1].W"),
])
def test_bad_explicit_parameters(params, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Stepper(SPEC, np.zeros((2, 3)), np.zeros((2, 3)), init=InitSpec("explicit"), params=params)
    assert info.value.field == field


def test_explicit_init_without_parameters() -> None:
    with pytest.raises(ValidationError) as info:
        Stepper(SPEC, np.zeros((2, 3)), np.zeros((2, 3)), init=InitSpec("explicit"))
    assert info.value.field == "init.method"


def test_cross_entropy_targets_must_be_distributions() -> None:
    spec = NetworkSpec(2, (LayerSpec(3, "softmax"),), "cross_entropy")
    with pytest.raises(ValidationError) as info:
        Stepper(spec, np.zeros((2, 2)), np.array([[1.0, 0.5], [0.0, 0.0], [0.0, 0.0]]))
    assert info.value.field == "data.y"
    assert "sum to 1" in info.value.message


def test_spec_errors_given_to_the_stepper() -> None:
    for spec, field in [
        (NetworkSpec(2, (LayerSpec(3, "softmax"), LayerSpec(2, "softmax")), "cross_entropy"),
         "network.layers[0].activation"),
        (NetworkSpec(2, (LayerSpec(3, "relu"), LayerSpec(2, "identity")), "cross_entropy"), "network.loss"),
        (NetworkSpec(0, (LayerSpec(2, "identity"),)), "network.input_size"),
        (NetworkSpec(2, (LayerSpec(2, "gelu"),)), "network.layers[0].activation"),
    ]:
        with pytest.raises(ValidationError) as info:
            Stepper(spec, np.zeros((2, 2)), np.full((2, 2), 0.5))
        assert info.value.field == field


def test_project_object_validates_through_the_stepper() -> None:
    bad = Project(NetworkSpec(2, (LayerSpec(1, "sigmoid"),)), {"x": [[1, 2, 3]], "y": [[1]]})
    with pytest.raises(ValidationError) as info:
        bad.stepper()
    assert info.value.field == "data.x"


def test_fast_path_on_a_project_stepper() -> None:
    """Project data arrive transposed (rows → columns); the fast path must still match stage by stage exactly."""
    p = loads_project(text(doc(training__batch_size=3, data={"generator": "moons", "params": {"n": 11, "seed": 2}})))
    fast, slow = p.stepper(), p.stepper()
    assert fast.batches_per_epoch == 4
    assert fast.run_iterations(10) == 10
    for _ in range(10):
        slow.finish_iteration()
    for (Wf, bf), (Ws, bs) in zip(fast.parameters, slow.parameters, strict=True):
        assert Wf.tobytes() == Ws.tobytes() and bf.tobytes() == bs.tobytes()
    assert fast.epoch == slow.epoch == 2
