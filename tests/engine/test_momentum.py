"""Momentum and L2 weight decay: the update rule against a hand-written loop, fast path bit-identical to
stepping, step back restoring the velocity, and momentum 0 / λ 0 leaving plain gradient descent untouched."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec, ValidationError
from bpstudio.engine import backprop as bp

SPEC = NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(2, "softmax")), "cross_entropy")


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2, 10))
    return x, np.eye(2)[:, rng.integers(0, 2, 10)]


def make(momentum: float, l2: float, batch: int = 0) -> Stepper:
    x, y = data()
    return Stepper(SPEC, x, y, TrainingSpec(0.2, batch, seed=1, momentum=momentum, l2=l2), InitSpec("xavier"))


def reference(stepper: Stepper, iterations: int, momentum: float, l2: float) -> list[tuple[np.ndarray, np.ndarray]]:
    """Full-batch training written out: v ← μv − η(∂L/∂W + λW), W ← W + v; biases without λ."""
    params = [(W.copy(), b.copy()) for W, b in stepper.parameters]
    vel = [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]
    for _ in range(iterations):
        _, grads = bp.full_gradients(stepper.plan, params, stepper.x, stepper.y)
        for i, ((W, b), (dW, db)) in enumerate(zip(params, grads, strict=True)):
            vW = momentum * vel[i][0] - 0.2 * (dW + l2 * W)
            vb = momentum * vel[i][1] - 0.2 * db
            vel[i] = (vW, vb)
            params[i] = (W + vW, b + vb)
    return params


@pytest.mark.parametrize(("momentum", "l2"), [(0.9, 0.0), (0.0, 0.01), (0.5, 0.1)])
def test_update_follows_the_momentum_and_decay_formula(momentum: float, l2: float) -> None:
    s = make(momentum, l2)
    expected = reference(s, 6, momentum, l2)
    for _ in range(6):
        s.finish_iteration()
    for (W, b), (We, be) in zip(s.parameters, expected, strict=True):
        np.testing.assert_allclose(W, We, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(b, be, rtol=1e-12, atol=1e-14)
    plain = make(0.0, 0.0)
    for _ in range(6):
        plain.finish_iteration()
    assert not np.allclose(plain.parameters[0][0], s.parameters[0][0])  # the setting made a difference


@pytest.mark.parametrize("chunks", [(17,), (3, 1, 9, 4)])
def test_fast_path_with_momentum_is_bit_identical_to_stepping(chunks: tuple[int, ...]) -> None:
    fast, slow = make(0.8, 0.05, batch=3), make(0.8, 0.05, batch=3)
    for n in chunks:
        fast.run_iterations(n)
        for _ in range(n):
            slow.finish_iteration()
    for (Wa, ba), (Wb, bb) in zip(fast.parameters, slow.parameters, strict=True):
        assert Wa.tobytes() == Wb.tobytes() and ba.tobytes() == bb.tobytes()


def test_step_back_over_an_update_restores_the_velocity() -> None:
    s = make(0.9, 0.0)
    for _ in range(3):
        s.finish_iteration()
    before = [W.copy() for W, _ in s.parameters]
    s.finish_iteration()
    after = [W.copy() for W, _ in s.parameters]
    for _ in range(len(s.stages)):
        s.step_back()
    assert all((W == Wb).all() for (W, _), Wb in zip(s.parameters, before, strict=True))
    s.finish_iteration()  # the same velocity again, so the same step
    assert all((W == Wa).all() for (W, _), Wa in zip(s.parameters, after, strict=True))


def test_plain_descent_unchanged_by_zero_momentum_and_decay() -> None:
    s = make(0.0, 0.0)
    W, b = (a.copy() for a in s.parameters[0])
    s.finish_iteration()
    snap = s.snapshot()
    np.testing.assert_array_equal(snap.arrays["L1/W"], W - 0.2 * snap.arrays["L1/dW"])
    np.testing.assert_array_equal(snap.arrays["L1/b"], b - 0.2 * snap.arrays["L1/db"])


@pytest.mark.parametrize(("field", "value"), [("momentum", 1.0), ("momentum", -0.5), ("momentum", float("nan")),
                                              ("l2", -1.0), ("l2", float("inf")), ("momentum", True)])
def test_bad_settings_name_the_field(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as err:
        TrainingSpec(**{field: value}).validate()  # type: ignore[arg-type]
    assert err.value.field == f"training.{field}"
