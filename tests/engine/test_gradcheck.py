"""Backprop's ∂L/∂W, ∂L/∂b agree with finite differences to < 1e-7 relative error (TEACHING.md: numbers agree)."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from bpstudio.engine import LayerSpec, NetworkSpec, Stepper, TrainingSpec, gradient_check
from bpstudio.engine import backprop as bp
from bpstudio.engine.activations import LEAKY_RELU, SIGMOID, Activation
from bpstudio.engine.gradcheck import FLOOR, TOLERANCE
from bpstudio.engine.spec import InitSpec

EXTENDED = np.finfo(np.longdouble).eps < 1e-18  # x87 80-bit long double (Linux x86-64)

HIDDEN = ("identity", "sigmoid", "tanh", "relu", "leaky_relu")
OUTPUT_LOSS = (
    *((out, loss) for out in ("identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax")
      for loss in ("squared_error", "squared_error_no_half")),
    ("softmax", "cross_entropy"),
    ("sigmoid", "binary_cross_entropy"),
)


def _seed(*parts: object) -> int:
    return zlib.crc32(repr(parts).encode())


def random_problem(hidden: str, out: str, loss: str, m: int, seed: int):
    """A random architecture (1–3 hidden layers of 1–5 units), parameters and a batch of m samples."""
    rng = np.random.default_rng(seed)
    n_in = int(rng.integers(1, 6))
    hidden_layers = [LayerSpec(int(rng.integers(1, 6)), hidden) for _ in range(int(rng.integers(1, 4)))]
    n_out = int(rng.integers(2, 5)) if out == "softmax" else int(rng.integers(1, 5))
    spec = NetworkSpec(n_in, (*hidden_layers, LayerSpec(n_out, out)), loss).validate()
    params = [
        (rng.normal(0.0, 0.8, (spec.sizes[l], spec.sizes[l - 1])), rng.normal(0.0, 0.5, (spec.sizes[l], 1)))
        for l in range(1, spec.depth + 1)
    ]
    x = rng.normal(0.0, 1.0, (n_in, m))
    if loss == "cross_entropy":
        y = np.eye(n_out)[:, rng.integers(0, n_out, m)]
    elif loss == "binary_cross_entropy":
        y = rng.integers(0, 2, (n_out, m)).astype(np.float64)
    else:
        y = rng.normal(0.0, 1.0, (n_out, m))
    return spec, params, x, y


@pytest.mark.parametrize("arch", [0, 1])
@pytest.mark.parametrize("m", [1, 7])
@pytest.mark.parametrize(("out", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_gradient_check_passes(hidden: str, out: str, loss: str, m: int, arch: int) -> None:
    spec, params, x, y = random_problem(hidden, out, loss, m, _seed(hidden, out, loss, m, arch))
    result = gradient_check(bp.Plan.of(spec), params, x, y)
    n_params = sum(W.size + b.size for W, b in params)
    assert len(result.entries) == n_params  # every entry was checked
    assert result.tolerance == TOLERANCE == 1e-7
    worst = result.worst(1)[0]
    assert result.passed, f"{spec.sizes} worst {worst}"
    assert result.max_error < 1e-7
    assert np.isfinite(result.loss)
    expected_loss = bp.batch_loss(bp.Plan.of(spec), params, x, y)
    assert result.loss == pytest.approx(expected_loss, rel=1e-15, abs=1e-15)


def _numeric_longdouble(plan: bp.Plan, params, x, y, l: int, k: int, idx, h) -> float:
    """The four-point difference of the batch loss in long double, for entry idx of W (k = 0) or b (k = 1)."""

    def at(d):
        perturbed = [list(p) for p in params]
        perturbed[l][k] = perturbed[l][k].copy()
        perturbed[l][k][idx] += d
        a, z = x, x
        for (W, b), f in zip(perturbed, plan.activations, strict=True):
            z, a = bp.forward_layer(W, b, a, f)
        return np.mean(bp.loss_per_sample(plan, z, a, y))

    return float((8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h))


@pytest.mark.skipif(not EXTENDED, reason="needs an extended-precision long double")
@pytest.mark.parametrize(("out", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_backprop_matches_extended_precision_differences(hidden: str, out: str, loss: str) -> None:
    """Independent of the engine's float64 check: a finite difference in 80-bit long double has ~2000× less
    rounding, so even gradients of 1e-7 (which no float64 difference can resolve to 1e-7) must agree with
    float64 backprop to < 1e-7 relative, with the original absolute floor of 1e-6."""
    for m in (1, 7):
        spec, params, x, y = random_problem(hidden, out, loss, m, _seed(hidden, out, loss, m, 0))
        plan = bp.Plan.of(spec)
        _, grads = bp.full_gradients(plan, params, x, y)
        P = [[W.astype(np.longdouble), b.astype(np.longdouble)] for W, b in params]
        X, Y, h = x.astype(np.longdouble), y.astype(np.longdouble), np.longdouble(1e-4)
        for l in range(spec.depth):
            for k in (0, 1):
                for idx in np.ndindex(*P[l][k].shape):
                    numeric = _numeric_longdouble(plan, P, X, Y, l, k, idx, h)
                    analytic = float(grads[l][k][idx])
                    err = abs(analytic - numeric) / max(abs(analytic), abs(numeric), FLOOR)
                    assert err < 1e-7, (spec.sizes, m, l + 1, "Wb"[k], idx, analytic, numeric)


def test_unchanged_loss_gives_exactly_zero_numeric_gradient() -> None:
    """A dead ReLU unit: its incoming weights do not change the loss at all, so the four-point difference
    must be exactly 0 (it was ~1e-12 when evaluated as −L + 8L − 8L + L, failing the check)."""
    spec = NetworkSpec(2, (LayerSpec(2, "relu"), LayerSpec(1, "identity")), "squared_error")
    W1 = np.array([[0.3, -0.2], [-1.0, -1.0]])  # unit 2 has z ≤ −2 for every sample below: dead
    b1 = np.array([[0.1], [-1.0]])
    W2 = np.array([[0.7, 0.9]])
    b2 = np.array([[0.05]])
    x = np.array([[0.5, 1.0, 2.0], [1.5, 0.2, 0.3]])
    y = np.array([[1.3, -0.7, 2.9]])
    result = gradient_check(bp.Plan.of(spec), [(W1, b1), (W2, b2)], x, y)
    dead = [e for e in result.entries if e.layer == 1 and e.index[0] == 1]
    assert len(dead) == 3  # W[1,0], W[1,1], b[1,0]
    for e in dead:
        assert e.backprop == 0.0
        assert e.numeric == 0.0
        assert e.rel_error == 0.0
    live = [e for e in result.entries if e.layer == 2 and e.name == "W" and e.index == (0, 0)]
    assert abs(live[0].backprop) > 0.1
    assert result.passed


def test_tiny_gradients_beside_a_large_loss_pass() -> None:
    """A saturated sigmoid unit (z = 14) has gradients ~4e-6 while the loss is ~10.7: the float64 difference
    carries ~1e-11 of rounding, so a 1e-7 relative check of such an entry is meaningless (it failed, at 2e-6,
    before the floor accounted for rounding); the check compares it against that rounding instead."""
    spec = NetworkSpec(1, (LayerSpec(2, "sigmoid"), LayerSpec(1, "identity")), "squared_error")
    params = [(np.array([[7.0], [0.5]]), np.array([[7.0], [0.0]])), (np.array([[1.0, 1.0]]), np.array([[0.0]]))]
    x = np.array([[1.0]])
    y = np.array([[-3.0]])
    result = gradient_check(bp.Plan.of(spec), params, x, y)
    tiny = [e for e in result.entries if e.layer == 1 and e.index[0] == 0]
    assert len(tiny) == 2
    assert all(1e-6 < abs(e.backprop) < 1e-5 for e in tiny)
    assert all(abs(e.backprop - e.numeric) < 1e-10 for e in tiny)
    assert result.loss > 10.0
    assert result.passed, result.worst(3)
    assert result.max_error < 1e-8


def test_gradient_check_sees_a_wrong_leaky_slope() -> None:
    """Errors in small gradients are still caught: f′ = 0.011 instead of 0.01 on the negative side."""
    spec, params, x, y = random_problem("leaky_relu", "identity", "squared_error", 7, 77)
    params = [(W - 1.0 if l == 0 else W, b - 1.0 if l == 0 else b) for l, (W, b) in enumerate(params)]
    wrong = Activation("leaky_relu", "LeakyReLU", LEAKY_RELU.f, lambda z, a: np.where(z > 0, 1.0, 0.011), "", "")
    plan = bp.Plan.of(spec)
    bad_plan = bp.Plan(spec, (wrong, *plan.activations[1:]), plan.loss, plan.fused)
    assert gradient_check(plan, params, x, y).passed
    bad = gradient_check(bad_plan, params, x, y)
    assert not bad.passed
    assert bad.worst(1)[0].layer == 1


def test_gradient_check_sees_a_wrong_derivative() -> None:
    """The check is not vacuous: a plan whose output derivative is wrong fails it."""
    spec, params, x, y = random_problem("tanh", "sigmoid", "squared_error", 5, 1234)
    wrong = Activation("sigmoid", "σ", SIGMOID.f, lambda z, a: a * (1.0 - a) * 1.01, "", "")
    good_plan = bp.Plan.of(spec)
    bad_plan = bp.Plan(spec, (*good_plan.activations[:-1], wrong), good_plan.loss, good_plan.fused)
    bad = gradient_check(bad_plan, params, x, y)
    assert not bad.passed
    assert bad.max_error > 1e-3
    assert gradient_check(good_plan, params, x, y).passed


def test_gradient_check_sampling_and_summary() -> None:
    spec, params, x, y = random_problem("sigmoid", "identity", "squared_error", 4, 99)
    result = gradient_check(bp.Plan.of(spec), params, x, y, max_entries_per_array=1)
    assert len(result.entries) == 2 * spec.depth  # one W entry and one b entry per layer
    per = result.per_parameter()
    assert [(l, n) for l, n, _, _ in per] == [(l, n) for l in range(1, spec.depth + 1) for n in ("W", "b")]
    assert all(ok for _, _, _, ok in per)
    # the analytic values in the entries are exactly backprop's gradients
    _, grads = bp.full_gradients(bp.Plan.of(spec), params, x, y)
    for e in result.entries:
        g = grads[e.layer - 1][0 if e.name == "W" else 1]
        assert e.backprop == g[e.index]


@pytest.mark.parametrize(("hidden", "out", "loss", "batch_size"), [
    ("tanh", "sigmoid", "squared_error", 0),
    ("relu", "softmax", "cross_entropy", 3),
    ("leaky_relu", "sigmoid", "binary_cross_entropy", 1),
])
def test_stepper_gradients_equal_full_gradients(hidden: str, out: str, loss: str, batch_size: int) -> None:
    """The stage-by-stage dW, db are the same numbers that the gradient check verifies."""
    spec, params, x, y = random_problem(hidden, out, loss, 7, _seed("stepper", hidden))
    st = Stepper(spec, x, y, TrainingSpec(batch_size=batch_size, seed=3), InitSpec("explicit"), params)
    snap = st.snapshot()
    while snap.stage is None or snap.stage.name != "backward 1":
        snap = st.step()
    xb, yb = snap.arrays["input"], snap.arrays["target"]
    loss_value, grads = bp.full_gradients(bp.Plan.of(spec), params, xb, yb)
    assert snap.loss == loss_value
    for l, (dW, db) in enumerate(grads, start=1):
        assert np.array_equal(snap.get("dW", l), dW)
        assert np.array_equal(snap.get("db", l), db)
    assert gradient_check(bp.Plan.of(spec), params, xb, yb).passed


def test_reported_errors_do_not_depend_on_the_pass_mark() -> None:
    spec, params, x, y = random_problem("sigmoid", "sigmoid", "squared_error", 7, 5)
    plan = bp.Plan.of(spec)
    default = gradient_check(plan, params, x, y)
    strict = gradient_check(plan, params, x, y, tolerance=0.0)
    lax = gradient_check(plan, params, x, y, tolerance=1e-3)
    assert [e.rel_error for e in default.entries] == [e.rel_error for e in strict.entries]
    assert [e.rel_error for e in default.entries] == [e.rel_error for e in lax.entries]
    assert default.passed and lax.passed
    assert not strict.passed  # nothing is below a tolerance of 0


def test_a_step_across_a_relu_kink_is_reported_not_failed() -> None:
    """z¹₁ = w·x sits 1e-5 from 0: the ±2h steps of w move it across the kink, so the difference quotient
    mixes both slopes; the entry is marked as a kink, left out of pass/fail, and the rest still pass."""
    from bpstudio.engine import LayerSpec, NetworkSpec, Plan, gradient_check

    spec = NetworkSpec(1, (LayerSpec(2, "relu"), LayerSpec(1, "identity")), "squared_error")
    plan = Plan.of(spec)
    x, y = np.array([[1.0]]), np.array([[0.7]])
    params = [(np.array([[1e-5], [0.8]]), np.zeros((2, 1))), (np.array([[1.5, -0.4]]), np.array([[0.1]]))]
    result = gradient_check(plan, params, x, y)
    kinks = [e for e in result.entries if e.kink]
    assert [(e.layer, e.name, e.index) for e in kinks] == [(1, "W", (0, 0)), (1, "b", (0, 0))]
    assert all(e.rel_error > 1e-3 for e in kinks)  # the numeric value really is off there
    assert result.kinks == 2 and result.passed and result.max_error < 1e-7
    assert all(not e.kink for e in result.worst(10))
