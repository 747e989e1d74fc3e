"""TEACHING.md's worked example (seed 000) reproduced exactly, and the fused output layers (δᴸ = a − y)."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine import backprop as bp
from bpstudio.engine.activations import SIGMOID, SOFTMAX

EXACT = {"rtol": 0.0, "atol": 1e-15}


def logit(p: float) -> float:
    return float(np.log(p / (1.0 - p)))


def seed000_stepper() -> Stepper:
    """One sigmoid layer whose z is logit(0.8), logit(0.3) for any input: W = 0, b = the logits."""
    spec = NetworkSpec(3, (LayerSpec(2, "sigmoid"),), "squared_error")
    W = np.zeros((2, 3))
    b = np.array([[logit(0.8)], [logit(0.3)]])
    x = np.array([[0.25], [-1.5], [4.0]])
    y = np.array([[1.0], [0.0]])
    return Stepper(spec, x, y, TrainingSpec(learning_rate=1.0), InitSpec("explicit"), [(W, b)])


def test_seed000_through_the_stepper() -> None:
    st = seed000_stepper()
    snap = st.step()
    assert snap.stage is not None and snap.stage.name == "forward 1"
    np.testing.assert_allclose(snap.arrays["L1/a"], [[0.8], [0.3]], **EXACT)

    snap = st.step()
    assert snap.stage is not None and snap.stage.name == "loss"
    np.testing.assert_allclose(snap.arrays["grad_a"], [[-0.2], [0.3]], **EXACT)  # ∇ₐL = a − y
    assert snap.loss == pytest.approx(0.5 * (0.2**2 + 0.3**2), abs=1e-15)  # ½‖y − a‖² = 0.065

    snap = st.step()
    assert snap.stage is not None and snap.stage.name == "backward 1"
    assert snap.stage.equations(1) == ("BP1", "BP3", "BP4")
    a = snap.arrays["L1/a"]
    np.testing.assert_allclose(SIGMOID.df(snap.arrays["L1/z"], a), [[0.16], [0.21]], **EXACT)  # f′ = a(1 − a)
    np.testing.assert_allclose(snap.arrays["L1/delta"], [[-0.032], [0.063]], **EXACT)  # BP1
    np.testing.assert_allclose(snap.arrays["L1/db"], [[-0.032], [0.063]], **EXACT)  # BP3, m = 1
    x = snap.arrays["input"]
    np.testing.assert_allclose(snap.arrays["L1/dW"], np.array([[-0.032], [0.063]]) @ x.T, **EXACT)  # BP4

    snap = st.step()  # update with η = 1
    assert st.complete
    np.testing.assert_allclose(snap.arrays["L1/b"], [[logit(0.8) + 0.032], [logit(0.3) - 0.063]], **EXACT)


def test_seed000_output_delta_directly() -> None:
    spec = NetworkSpec(1, (LayerSpec(2, "sigmoid"),), "squared_error")
    plan = bp.Plan.of(spec)
    assert not plan.fused
    z = np.array([[logit(0.8)], [logit(0.3)]])
    a = SIGMOID.f(z)
    y = np.array([[1.0], [0.0]])
    grad_a = bp.grad_output(plan, a, y)
    np.testing.assert_allclose(grad_a, [[-0.2], [0.3]], **EXACT)
    np.testing.assert_allclose(bp.output_delta(plan, z, a, y, grad_a), [[-0.032], [0.063]], **EXACT)
    # the same numbers written as in the text: exactly [−0.2, 0.3] ⊙ [0.16, 0.21]
    exact_a = np.array([[0.8], [0.3]])
    delta = bp.output_delta(plan, z, exact_a, y, exact_a - y)
    np.testing.assert_allclose(delta, np.array([[-0.2], [0.3]]) * np.array([[0.16], [0.21]]), **EXACT)


def test_squared_error_without_half_doubles_the_gradient() -> None:
    spec = NetworkSpec(1, (LayerSpec(2, "sigmoid"),), "squared_error_no_half")
    plan = bp.Plan.of(spec)
    a = np.array([[0.8], [0.3]])
    y = np.array([[1.0], [0.0]])
    np.testing.assert_allclose(bp.grad_output(plan, a, y), [[-0.4], [0.6]], **EXACT)
    np.testing.assert_allclose(bp.loss_per_sample(plan, a, a, y), [0.13], **EXACT)


# ----- fused outputs ----------------------------------------------------------------------------


def _run_to_backward(st: Stepper):
    snaps = {}
    while True:
        snap = st.step()
        assert snap.stage is not None
        snaps[snap.stage.name] = snap
        if snap.stage.name == "backward 1":
            return snaps


@pytest.mark.parametrize("bias", [
    [0.3, -1.2, 2.0],
    [800.0, -800.0, 0.0],
    [-800.0, 800.0, 799.0],
])
def test_softmax_cross_entropy_delta_is_a_minus_y(bias: list[float]) -> None:
    spec = NetworkSpec(2, (LayerSpec(3, "softmax"),), "cross_entropy")
    assert spec.fused_output
    x = np.array([[1.0, -2.0, 0.5, 0.0], [0.5, 1.0, -1.0, 2.0]])
    y = np.eye(3)[:, [1, 0, 2, 1]]
    st = Stepper(spec, x, y, init=InitSpec("explicit"), params=[(np.zeros((3, 2)), np.array(bias))])
    snaps = _run_to_backward(st)
    loss_snap, back = snaps["loss"], snaps["backward 1"]
    a = back.arrays["L1/a"]
    assert np.all(np.isfinite(a))
    np.testing.assert_array_equal(back.arrays["L1/delta"], a - y)
    assert np.isfinite(loss_snap.loss)
    assert np.all(np.isfinite(loss_snap.arrays["losses"]))
    assert not np.any(np.isnan(loss_snap.arrays["grad_a"]))
    # per-sample loss = logsumexp(z) − z_true, computed here independently in exact-ish form
    z = np.array(bias)
    zmax = z.max()
    lse = zmax + np.log(np.sum(np.exp(z - zmax)))
    expected = [lse - z[k] for k in (1, 0, 2, 1)]
    np.testing.assert_allclose(loss_snap.arrays["losses"], expected, rtol=1e-15, atol=1e-15)
    assert loss_snap.loss == pytest.approx(np.mean(expected), rel=1e-15)


def test_extreme_softmax_loss_values() -> None:
    """b = (800, −800, 0), target class 1: L = 1600 exactly, where log(softmax) would be log(0) = −inf."""
    spec = NetworkSpec(1, (LayerSpec(3, "softmax"),), "cross_entropy")
    st = Stepper(spec, np.array([[1.0]]), np.array([[0.0], [1.0], [0.0]]), init=InitSpec("explicit"),
                 params=[(np.zeros((3, 1)), np.array([800.0, -800.0, 0.0]))])
    snaps = _run_to_backward(st)
    assert snaps["loss"].loss == 1600.0
    np.testing.assert_array_equal(snaps["backward 1"].arrays["L1/delta"], [[1.0], [-1.0], [0.0]])
    # ∇ₐL = −y/a = −y·e^(logsumexp(z) − zᵢ): 0 where y = 0 (that term is absent from the loss); where the true
    # class has a = 0, −e¹⁶⁰⁰, beyond float64: −∞
    np.testing.assert_array_equal(snaps["loss"].arrays["grad_a"], [[0.0], [-np.inf], [0.0]])


@pytest.mark.parametrize("bias", [0.7, -2.5, 800.0, -800.0, 40.0])
def test_sigmoid_binary_cross_entropy_delta_is_a_minus_y(bias: float) -> None:
    spec = NetworkSpec(2, (LayerSpec(2, "sigmoid"),), "binary_cross_entropy")
    assert spec.fused_output
    x = np.array([[1.0, -2.0, 0.5], [0.5, 1.0, -1.0]])
    y = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    b = np.array([[bias], [-bias]])
    st = Stepper(spec, x, y, init=InitSpec("explicit"), params=[(np.zeros((2, 2)), b)])
    snaps = _run_to_backward(st)
    loss_snap, back = snaps["loss"], snaps["backward 1"]
    a = back.arrays["L1/a"]
    np.testing.assert_array_equal(back.arrays["L1/delta"], a - y)
    losses = loss_snap.arrays["losses"]
    assert np.all(np.isfinite(losses)) and np.isfinite(loss_snap.loss)
    assert not np.any(np.isnan(loss_snap.arrays["grad_a"]))
    # −log σ(z) = log(1 + e^(−z)) where y = 1 and −log(1 − σ(z)) = log(1 + e^z) where y = 0, summed over units
    zs = np.array([bias, -bias])
    expected = [np.sum(np.logaddexp(0.0, np.where(y[:, j] == 1.0, -zs, zs))) for j in range(3)]
    np.testing.assert_allclose(losses, expected, rtol=1e-14, atol=1e-300)
    if abs(bias) == 800.0:  # 2 (b = 800) or 4 (b = −800) of the 6 outputs are confidently wrong by 800
        wrong = 2 if bias > 0 else 4
        assert loss_snap.loss == pytest.approx(wrong * 800.0 / 3.0, rel=1e-15)


def test_bce_gradient_of_a_saturated_output_is_its_true_finite_value() -> None:
    """σ(40) rounds to 1.0 exactly; with y = 1, ∇ₐL = −y/a + (1 − y)/(1 − a) = −(1 + e⁻⁴⁰) = −1 in float64 (the
    second term is absent); with y = 0 it is 1/(1 − σ(40)) = 1 + e⁴⁰ ≈ 2.35e17, finite though 1 − a is 0: it is
    computed from z, and a run with the NaN/∞ breakpoint goes on (below)."""
    spec = NetworkSpec(1, (LayerSpec(1, "sigmoid"),), "binary_cross_entropy")
    st = Stepper(spec, np.array([[1.0, 1.0]]), np.array([[1.0, 0.0]]), init=InitSpec("explicit"),
                 params=[(np.zeros((1, 1)), np.array([[40.0]]))])
    snaps = _run_to_backward(st)
    assert snaps["loss"].arrays["L1/a"][0, 1] == 1.0  # saturated: a − 1 would divide by zero
    np.testing.assert_allclose(snaps["loss"].arrays["grad_a"], [[-1.0, 1.0 + np.exp(40.0)]], rtol=1e-15)
    assert snaps["loss"].arrays["grad_a"][0, 1] == pytest.approx(2.3538526683702e17, rel=1e-12)
    np.testing.assert_allclose(snaps["loss"].arrays["losses"], [np.exp(-40.0), 40.0], rtol=1e-15)


@pytest.mark.parametrize(("activation", "loss", "n"), [("softmax", "cross_entropy", 4),
                                                      ("sigmoid", "binary_cross_entropy", 3)])
def test_fused_delta_equals_the_unfused_chain(activation: str, loss: str, n: int) -> None:
    """Why BP1 collapses: ∇ₐL pushed through f′ (softmax: its full Jacobian) is exactly a − y."""
    rng = np.random.default_rng(4)
    z = rng.normal(0.0, 2.0, (n, 5))
    if loss == "cross_entropy":
        y = np.eye(n)[:, rng.integers(0, n, 5)]
    else:
        y = rng.integers(0, 2, (n, 5)).astype(np.float64)
    spec = NetworkSpec(2, (LayerSpec(n, activation),), loss)
    plan = bp.Plan.of(spec)
    act = SOFTMAX if activation == "softmax" else SIGMOID
    a = act.f(z)
    fused = bp.output_delta(plan, z, a, y, None)
    np.testing.assert_array_equal(fused, a - y)
    chained = act.backward(z, a, bp.grad_output(plan, a, y))
    np.testing.assert_allclose(chained, a - y, rtol=1e-12, atol=1e-15)
    if activation == "softmax":  # the same through the explicit Jacobian ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ)
        g = bp.grad_output(plan, a, y)
        for j in range(5):
            J = np.diag(a[:, j]) - np.outer(a[:, j], a[:, j])
            np.testing.assert_allclose(J.T @ g[:, j], a[:, j] - y[:, j], rtol=1e-12, atol=1e-15)
