"""Nudge (issue 15, item 2): the reported ΔL is a fresh forward pass's, (ΔL − gΔ)/Δ → 0 as Δ → 0, for every
activation and loss, and nudging leaves the training state as it was."""

from __future__ import annotations

import numpy as np
import pytest
from test_gradcheck import HIDDEN, OUTPUT_LOSS, _seed, random_problem

from bpstudio.engine import backprop as bp
from bpstudio.engine import load_project
from bpstudio.engine import nudge as nd
from bpstudio.engine.resource_files import example_path

DELTAS = (1e-2, 1e-3, 1e-4, 1e-5)  # at 1e-1 the Δ² and Δ³ terms may cancel; below 1e-5 rounding shows


def _targets(params):
    """A weight and a bias of every layer: the ones with the largest |∂L/∂·| (a dead ReLU's are 0)."""
    return [nd.Target(l, name, *np.unravel_index(0, params[l - 1][k].shape))
            for l in range(1, len(params) + 1) for k, name in ((0, "W"), (1, "b"))]


@pytest.mark.parametrize(("out", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_reported_change_is_a_fresh_forward_pass(hidden: str, out: str, loss: str) -> None:
    spec, params, x, y = random_problem(hidden, out, loss, 5, _seed("nudge", hidden, out, loss))
    plan = bp.Plan.of(spec)
    for target in _targets(params):
        b = nd.base(plan, params, x, y, target)
        for delta in (0.3, -0.05, 1e-4):
            n = nd.nudge(b, delta)
            nudged = nd.nudged_params(params, target, delta)
            assert n.dloss == bp.batch_loss(plan, nudged, x, y) - bp.batch_loss(plan, params, x, y)
            zs, acts = bp.forward(plan, nudged, x)
            zs0, acts0 = bp.forward(plan, params, x)
            for i, l in enumerate(n.layers):
                assert np.array_equal(n.dz[i], zs[l - 1] - zs0[l - 1])
                assert np.array_equal(n.da[i], acts[l] - acts0[l])
            assert len(n.dz) == spec.depth - target.layer + 1
            assert n.dlosses.mean() == pytest.approx(n.dloss, abs=1e-14 * (1 + b.loss))
        curve = nd.curve(b, np.array([0.3, 0.0, -0.05]))
        assert curve[1] == pytest.approx(0.0, abs=1e-15)
        assert curve[0] == pytest.approx(nd.nudge(b, 0.3).dloss, abs=1e-13 * (1 + b.loss))
        assert curve[2] == pytest.approx(nd.nudge(b, -0.05).dloss, abs=1e-13 * (1 + b.loss))


@pytest.mark.parametrize(("out", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_the_chain_rule_is_the_first_order_term(hidden: str, out: str, loss: str) -> None:
    """(ΔL − gΔ)/Δ shrinks strictly with Δ, and like Δ: at most C·Δ with C from the largest Δ."""
    spec, params, x, y = random_problem(hidden, out, loss, 5, _seed("chain", hidden, out, loss))
    plan = bp.Plan.of(spec)
    _, grads = bp.full_gradients(plan, params, x, y)
    checked = 0
    for l, (dW, db) in enumerate(grads, start=1):
        for name, g in (("W", dW), ("b", db)):
            row, col = np.unravel_index(np.argmax(np.abs(g)), g.shape)
            if abs(g[row, col]) < 1e-3:
                continue  # a dead unit: nothing reaches the loss
            b = nd.base(plan, params, x, y, nd.Target(l, name, int(row), int(col)))
            assert b.gradient == g[row, col]  # the engine's gradient, the bits the panel shows
            errors = [abs(nd.nudge(b, d).dloss - nd.nudge(b, d).predicted) / d for d in DELTAS]
            assert all(e1 < e0 for e0, e1 in zip(errors, errors[1:], strict=False)), (l, name, errors)
            scale = errors[0] / DELTAS[0]  # O(Δ): each error at most the largest Δ's line through 0 (twice it)
            assert all(e <= 2 * scale * d for e, d in zip(errors, DELTAS, strict=True)), errors
            assert errors[-1] < 3e-3 * errors[0]  # three decades of Δ: two and a half of the error, at least
            checked += 1
    assert checked >= 2


def test_seed004_chain_by_hand() -> None:
    """3Blue1Brown's chain: ∂C₀/∂w² = a¹ · σ′(z²) · 2(a² − y), and the nudge of w² moves z² by a¹·Δ."""
    project = load_project(example_path("seed004_chain_1-1-1"))
    snap = project.stepper().snapshot()
    b = nd.from_snapshot(snap, nd.Target(2, "W", 0, 0))
    a1 = 1 / (1 + np.exp(-(0.8 * 0.5 + 0.2)))
    a2 = 1 / (1 + np.exp(-(1.5 * a1 - 0.5)))
    assert b.gradient == pytest.approx(a1 * a2 * (1 - a2) * 2 * (a2 - 1), rel=1e-14)
    n = nd.nudge(b, 0.01)
    assert n.dz[0][0, 0] == pytest.approx(a1 * 0.01, rel=1e-12)
    assert n.dloss == pytest.approx((1 / (1 + np.exp(-(1.51 * a1 - 0.5))) - 1) ** 2 - (a2 - 1) ** 2, rel=1e-12)


def test_nudging_leaves_the_training_state_unchanged() -> None:
    project = load_project(example_path("seed003_2-2-1"))
    stepper, twin = project.stepper(), project.stepper()
    for _ in range(3):
        stepper.step()
        twin.step()
    before = stepper.snapshot()
    copies = {k: np.array(v) for k, v in before.arrays.items()}
    for target in _targets([(before.get("W", l), before.get("b", l)) for l in (1, 2)]):
        b = nd.from_snapshot(before, target)
        nd.nudge(b, 0.5)
        nd.curve(b, nd.curve_deltas(1.0))
    after = stepper.snapshot()
    assert after.position == before.position and after.iteration == before.iteration
    for k, v in copies.items():
        assert np.array_equal(after.arrays[k], v) and np.array_equal(before.arrays[k], v), k
    for _ in range(8):  # and training goes on exactly as without the nudges
        s1, s2 = stepper.step(), twin.step()
        assert all(np.array_equal(s1.arrays[k], s2.arrays[k]) for k in s1.arrays)


def test_bad_deltas_and_targets_are_refused() -> None:
    project = load_project(example_path("seed003_2-2-1"))
    snap = project.stepper().snapshot()
    b = nd.from_snapshot(snap, nd.Target(1, "b", 1, 5))
    assert b.target.col == 0
    for bad in (float("nan"), float("inf"), 2 * nd.LIMIT):
        with pytest.raises(ValueError):
            nd.nudge(b, bad)
    for target in (nd.Target(3, "W", 0, 0), nd.Target(1, "W", 2, 0), nd.Target(1, "dW", 0, 0)):
        with pytest.raises(ValueError):
            nd.from_snapshot(snap, target)


def test_curve_reach() -> None:
    assert nd.reach_for(0.3, 1.0) == 1.0
    assert nd.reach_for(-3.0, 1.0) == 10.0
    deltas = nd.curve_deltas(2.0)
    assert deltas[0] == -2.0 and deltas[-1] == 2.0 and 0.0 in deltas and deltas.size % 2 == 1
