"""Adam and RMSProp: their formulas written out in NumPy, the fast path bit-identical to stepping, the moments
kept by step back, projects and snapshots, and bad settings refused naming the field.
(``test_optimizers_torch.py`` races them against PyTorch's optimizers.)"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from jsonschema import Draft202012Validator

from bpstudio.engine import FormatError, InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec, ValidationError
from bpstudio.engine import backprop as bp
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.project import PROJECT_VERSION, loads_project
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.resource_files import schema_path
from bpstudio.engine.snapshot_io import load_snapshot, project_at_snapshot, save_snapshot

SPEC = NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(2, "softmax")), "cross_entropy")


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2, 10))
    return x, np.eye(2)[:, rng.integers(0, 2, 10)]


def make(optimizer: str, batch: int = 0, **settings: float) -> Stepper:
    x, y = data()
    return Stepper(SPEC, x, y, TrainingSpec(0.05, batch, seed=1, optimizer=optimizer, **settings), InitSpec("xavier"))


def reference(stepper: Stepper, iterations: int, optimizer: str, lr: float = 0.05, b1: float = 0.9,
              b2: float = 0.999, alpha: float = 0.99, eps: float = 1e-8, l2: float = 0.0) -> list:
    """Full-batch training with the textbook formulas, written out independently of the engine."""
    params = [[W.copy(), b.copy()] for W, b in stepper.parameters]
    v = [[np.zeros_like(p) for p in layer] for layer in params]
    s = [[np.zeros_like(p) for p in layer] for layer in params]
    for t in range(1, iterations + 1):
        _, grads = bp.full_gradients(stepper.plan, [tuple(p) for p in params], stepper.x, stepper.y)
        for i, (dW, db) in enumerate(grads):
            for j, g in enumerate((dW + l2 * params[i][0], db)):
                if optimizer == "adam":
                    v[i][j] = b1 * v[i][j] + (1 - b1) * g
                    s[i][j] = b2 * s[i][j] + (1 - b2) * g ** 2
                    v_hat, s_hat = v[i][j] / (1 - b1 ** t), s[i][j] / (1 - b2 ** t)
                    params[i][j] = params[i][j] - lr * v_hat / (np.sqrt(s_hat) + eps)
                else:
                    s[i][j] = alpha * s[i][j] + (1 - alpha) * g ** 2
                    params[i][j] = params[i][j] - lr * g / (np.sqrt(s[i][j]) + eps)
    return params


@pytest.mark.parametrize(("optimizer", "settings"), [
    ("adam", {}), ("adam", {"l2": 0.02, "beta1": 0.5, "beta2": 0.9, "eps": 1e-4}),
    ("rmsprop", {}), ("rmsprop", {"l2": 0.05, "alpha": 0.8, "eps": 1e-3})])
def test_the_update_follows_the_textbook_formulas(optimizer: str, settings: dict) -> None:
    s = make(optimizer, **settings)
    names = {"beta1": "b1", "beta2": "b2"}
    expected = reference(s, 8, optimizer, **{names.get(k, k): v for k, v in settings.items()})
    for _ in range(8):
        s.finish_iteration()
    for (W, b), (We, be) in zip(s.parameters, expected, strict=True):
        np.testing.assert_allclose(W, We, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(b, be, rtol=1e-12, atol=1e-14)


def test_adams_first_step_moves_every_weight_by_about_eta_against_its_gradients_sign() -> None:
    s = make("adam")
    before = s.parameters
    snap = s.finish_iteration()
    for l, (W0, _) in enumerate(before, start=1):  # v̂ = g and ŝ = g² at t = 1: the step is −η g/(|g| + ε)
        dW = snap.get("dW", l)
        np.testing.assert_allclose(snap.get("W", l) - W0, -0.05 * dW / (np.abs(dW) + 1e-8), rtol=1e-9)
        assert np.abs(snap.get("W", l) - W0).max() <= 0.05  # never more than η, however small or large g is
    assert snap.moments is not None and snap.moments.t == 1
    np.testing.assert_allclose(snap.moments.v[0][0], 0.1 * snap.get("dW", 1), rtol=1e-14)  # (1 − β₁)g
    np.testing.assert_allclose(snap.moments.s[0][0], 0.001 * snap.get("dW", 1) ** 2, rtol=1e-14)  # (1 − β₂)g²


def test_rmsprops_first_step_is_eta_over_the_square_root_of_one_minus_alpha() -> None:
    s = make("rmsprop")
    W0 = s.parameters[0][0]
    snap = s.finish_iteration()
    dW = snap.get("dW", 1)  # s = (1 − α)g²: the step is −η g/(√(1 − α)|g| + ε), about 10η with α = 0.99
    np.testing.assert_allclose(snap.get("W", 1) - W0, -0.05 * dW / (np.sqrt(0.01) * np.abs(dW) + 1e-8), rtol=1e-9)
    assert snap.moments is not None and snap.moments.v is None and snap.moments.t == 0


def bits(stepper: Stepper) -> list[bytes]:
    m = stepper.checkpoint().moments  # type: ignore[attr-defined]
    arrays = [a for pair in stepper.parameters for a in pair]
    arrays += [a for pairs in (m.v or (), m.s or ()) for pair in pairs for a in pair]
    return [a.tobytes() for a in arrays] + [str(m.t).encode()]


@pytest.mark.parametrize("optimizer", ["adam", "rmsprop"])
@pytest.mark.parametrize("chunks", [(17,), (3, 1, 9, 4)])
def test_fast_path_is_bit_identical_to_stepping(optimizer: str, chunks: tuple[int, ...]) -> None:
    fast, slow = make(optimizer, batch=3, l2=0.01), make(optimizer, batch=3, l2=0.01)
    for n in chunks:
        fast.run_iterations(n)
        for _ in range(n):
            slow.finish_iteration()
        assert bits(fast) == bits(slow)


def test_step_back_over_an_adam_update_restores_v_s_and_t() -> None:
    s = make("adam")
    s.finish_iteration()
    s.finish_iteration()
    after = bits(s)
    s.step_back()  # before the second update: t = 1 again
    assert s.checkpoint().moments.t == 1  # type: ignore[attr-defined]
    s.step()
    assert bits(s) == after


def test_another_optimizers_moments_are_not_taken_over() -> None:
    """Switching from momentum to Adam mid-run: Adam starts from zeros and t = 0, not from SGD's velocity."""
    sgd = make("sgd", momentum=0.9)
    for _ in range(3):
        sgd.finish_iteration()
    adam = make("adam")
    adam.continue_from(sgd)
    fresh = Stepper(SPEC, *data(), TrainingSpec(0.05, 0, seed=1, optimizer="adam"), InitSpec("explicit"),
                    params=sgd.parameters)
    adam.finish_iteration()
    fresh.finish_iteration()
    assert bits(adam) == bits(fresh)


@pytest.mark.parametrize("optimizer", ["adam", "rmsprop"])
def test_a_saved_project_goes_on_exactly_as_the_run_would_have(optimizer: str) -> None:
    project = resolve_project("xor_tanh")
    training = TrainingSpec(0.05, 2, seed=3, optimizer=optimizer, l2=0.001)
    project = replace(project, training=training)
    run = project.stepper()
    run.run_iterations(7)
    for _ in range(2):
        run.step()  # mid-iteration
    params, iteration, epoch, batch, position, moments = run.saved_state()
    text = json.dumps(project.with_state(ProjectState(iteration, epoch, batch, position, params, moments)).to_dict())
    saved = json.loads(text)
    assert saved["version"] == PROJECT_VERSION and saved["state"]["moments"]["optimizer"] == optimizer
    schema = Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8")))
    assert list(schema.iter_errors(json.loads(text))) == []  # the schema knows the optimizers and their moments
    reopened = loads_project(text).stepper()
    run.run_iterations(5)
    reopened.run_iterations(5)
    assert bits(run) == bits(reopened)


def test_a_version_3_project_with_momentum_opens_with_its_velocity() -> None:
    project = resolve_project("xor_tanh")
    training = TrainingSpec(0.1, 2, seed=3, momentum=0.9)
    project = replace(project, training=training)
    run = project.stepper()
    run.run_iterations(4)
    params, iteration, epoch, batch, position, moments = run.saved_state()
    d = project.with_state(ProjectState(iteration, epoch, batch, position, params, moments)).to_dict()
    d["version"] = 3
    for k in ("optimizer", "beta1", "beta2", "alpha", "eps"):
        del d["training"][k]
    d["state"]["velocity"] = d["state"].pop("moments")["v"]  # as version 3 wrote it
    reopened = loads_project(json.dumps(d)).stepper()
    run.run_iterations(3)
    reopened.run_iterations(3)
    assert bits(run) == bits(reopened)


def test_a_snapshot_keeps_adams_moments_and_reopens_where_it_was(tmp_path) -> None:
    project = resolve_project("xor_tanh")
    training = TrainingSpec(0.05, 2, seed=3, optimizer="adam")
    project = replace(project, training=training)
    run = project.stepper()
    run.run_iterations(5)
    snap = run.finish_iteration()  # after the update: the snapshot's moments are those of the next iteration
    path = save_snapshot(tmp_path / "adam.npz", snap, project.to_dict())
    loaded = load_snapshot(path)
    assert loaded.meta["version"] == 2 and loaded.meta["moments"] == {"optimizer": "adam", "t": 6}
    assert loaded.arrays["L1/sW"].tobytes() == snap.moments.s[0][0].tobytes()  # type: ignore[union-attr]
    reopened = project_at_snapshot(loaded).stepper()
    run.run_iterations(4)
    reopened.run_iterations(4)
    assert bits(run) == bits(reopened)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("beta1", -0.1, "from 0 up to"), ("beta2", 1.0, "from 0 up to"), ("alpha", float("nan"), "from 0 up to"),
    ("eps", 0.0, "positive"), ("eps", -1e-8, "positive"), ("optimizer", "lbfgs", "unknown optimizer")])
def test_bad_settings_are_refused_naming_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        TrainingSpec(**{"optimizer": "adam", field: value}).validate()  # type: ignore[arg-type]
    assert info.value.field == f"training.{field}"


def test_momentum_belongs_to_sgd() -> None:
    with pytest.raises(ValidationError, match="SGD only"):
        TrainingSpec(optimizer="adam", momentum=0.9).validate()
    defaults = TrainingSpec()
    assert (defaults.optimizer, defaults.beta1, defaults.beta2, defaults.alpha, defaults.eps) == (
        "sgd", 0.9, 0.999, 0.99, 1e-8)  # PyTorch's defaults


def test_a_version_1_snapshot_still_opens(tmp_path) -> None:
    """Version 1 had no moments: it opens with none (momentum starts again from zero)."""
    project = resolve_project("xor_tanh")
    snap = project.stepper().finish_iteration()
    path = save_snapshot(tmp_path / "plain.npz", snap, project.to_dict())
    with np.load(path, allow_pickle=False) as d:
        arrays = {k: d[k] for k in d.files}
    meta = json.loads(str(arrays["meta"]))
    meta["version"] = 1
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez(tmp_path / "old.npz", **arrays)
    loaded = load_snapshot(tmp_path / "old.npz")
    assert loaded.meta["version"] == 1 and "moments" not in loaded.meta
    assert project_at_snapshot(loaded).state.moments is None  # type: ignore[union-attr]


def test_a_snapshot_with_half_the_moments_is_refused(tmp_path) -> None:
    project = resolve_project("xor_tanh")
    project = replace(project, training=TrainingSpec(0.05, 2, seed=3, optimizer="rmsprop"))
    path = save_snapshot(tmp_path / "r.npz", project.stepper().finish_iteration(), project.to_dict())
    with np.load(path, allow_pickle=False) as d:
        arrays = {k: d[k] for k in d.files if k != "L2/sb"}
    np.savez(tmp_path / "half.npz", **arrays)
    with pytest.raises(FormatError, match="needs every layer's sW and sb"):
        load_snapshot(tmp_path / "half.npz")


def test_the_worked_example_writes_adams_moments_and_step() -> None:
    from bpstudio.engine.text.notation import format_number
    from bpstudio.engine.text.worked_example import worked_example

    project = replace(resolve_project("seed003_2-2-1"), training=TrainingSpec(0.05, 0, optimizer="adam"))
    stepper = project.stepper()
    stepper.run_iterations(2)
    text = worked_example(stepper, project.name)
    after = project.stepper()
    after.run_iterations(2)
    before_W = after.parameters[0][0]
    after.run_iterations(1)
    m = after.checkpoint().moments  # type: ignore[attr-defined]
    assert "v̂ˡ = vˡ/(1 − β₁ᵗ)" in text and f"1 − β₁ᵗ = {1 - 0.9 ** 3:.6g}" in text
    for value in (*m.v[0][0].ravel(), *m.s[0][0].ravel(), *(before_W - after.parameters[0][0]).ravel()):
        assert format_number(value, 4) in text


@pytest.mark.parametrize("optimizer", ["adam", "rmsprop"])
def test_the_ledger_predicts_along_the_step_adam_took(optimizer: str) -> None:
    s = make(optimizer, l2=0.01)
    s.finish_iteration()
    before = s.parameters
    snap = s.finish_iteration()
    grads = [(snap.get("dW", l), snap.get("db", l)) for l in (1, 2)]
    expected = sum(float(np.vdot(dW, W1 - W0) + np.vdot(db, b1 - b0))
                   for (dW, db), (W0, b0), (W1, b1) in zip(grads, before, s.parameters, strict=True))
    assert snap.ledger[-1].predicted == expected
    assert snap.ledger[-1].predicted != -0.05 * sum(float(np.vdot(dW, dW) + np.vdot(db, db)) for dW, db in grads)
