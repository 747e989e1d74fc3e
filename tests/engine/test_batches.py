"""Batch rules (TEACHING.md, "Batches"): δ per sample, parameter gradients averaged, loss = mean per-sample loss."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec

RTOL = {"rtol": 1e-13, "atol": 1e-15}


def seed003_problem(m: int = 5):
    """Seed 003's 2-2-1 sigmoid network with explicit weights and m samples."""
    spec = NetworkSpec(2, (LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")), "squared_error")
    W1 = np.array([[0.15, 0.20], [0.25, 0.30]])
    b1 = np.array([[0.35], [0.35]])
    W2 = np.array([[0.40, 0.45]])
    b2 = np.array([[0.60]])
    rng = np.random.default_rng(21)
    x = rng.uniform(-1.0, 1.0, (2, m))
    y = rng.uniform(0.0, 1.0, (1, m))
    return spec, [(W1, b1), (W2, b2)], x, y


def by_hand(params, x, y):
    """An independent NumPy backprop of a sigmoid network with L = ½‖y − a‖² per sample (no engine code)."""
    sig = lambda z: 1.0 / (1.0 + np.exp(-z))  # noqa: E731
    (W1, b1), (W2, b2) = params
    z1 = W1 @ x + b1
    a1 = sig(z1)
    z2 = W2 @ a1 + b2
    a2 = sig(z2)
    losses = 0.5 * np.sum((y - a2) ** 2, axis=0)
    d2 = (a2 - y) * a2 * (1 - a2)
    d1 = (W2.T @ d2) * a1 * (1 - a1)
    m = x.shape[1]
    return {
        "L1/z": z1, "L1/a": a1, "L2/z": z2, "L2/a": a2, "losses": losses, "L2/delta": d2, "L1/delta": d1,
        "L2/dW": d2 @ a1.T / m, "L2/db": d2.mean(axis=1, keepdims=True),
        "L1/dW": d1 @ x.T / m, "L1/db": d1.mean(axis=1, keepdims=True),
        "L2/W": W2 - 0.5 * d2 @ a1.T / m, "L1/W": W1 - 0.5 * d1 @ x.T / m,
    }


def full_iteration(spec, params, x, y, batch_size: int = 0):
    st = Stepper(spec, x, y, TrainingSpec(learning_rate=0.5, batch_size=batch_size, shuffle=False),
                 InitSpec("explicit"), params)
    for _ in range(len(st.stages) - 1):
        st.step()
    before_update = st.snapshot()
    return before_update, st.step()


@pytest.mark.parametrize("m", [1, 2, 5, 16])
def test_engine_matches_an_independent_numpy_backprop(m: int) -> None:
    spec, params, x, y = seed003_problem(m)
    snap, after = full_iteration(spec, params, x, y)
    ref = by_hand(params, x, y)
    for k, v in ref.items():
        got = (after if k.endswith("/W") else snap).arrays[k]
        np.testing.assert_allclose(got, v, **RTOL, err_msg=k)
    assert snap.loss == pytest.approx(float(np.mean(ref["losses"])), rel=1e-14)


def test_delta_has_one_column_per_sample_never_averaged() -> None:
    """Column j of the batch δ is exactly the δ of sample j run alone (a batch of 1)."""
    spec, params, x, y = seed003_problem(6)
    batch, _ = full_iteration(spec, params, x, y)
    for l in (1, 2):
        assert batch.get("delta", l).shape == (spec.sizes[l], 6)
    assert batch.arrays["grad_a"].shape == (1, 6)
    per_sample_dW = {1: [], 2: []}
    for j in range(6):
        single, _ = full_iteration(spec, params, x[:, [j]], y[:, [j]])
        for l in (1, 2):
            np.testing.assert_allclose(batch.get("delta", l)[:, [j]], single.get("delta", l), rtol=1e-14, atol=0)
            per_sample_dW[l].append(single.get("dW", l))
        np.testing.assert_allclose(batch.arrays["losses"][j], single.arrays["losses"][0], rtol=1e-14)
        np.testing.assert_allclose(batch.arrays["grad_a"][:, [j]], single.arrays["grad_a"], rtol=1e-14)
    for l in (1, 2):  # the batch gradient is the mean of the per-sample gradients
        np.testing.assert_allclose(batch.get("dW", l), np.mean(per_sample_dW[l], axis=0), **RTOL)


@pytest.mark.parametrize("batch_size", [0, 1, 3, 4])
def test_parameter_gradients_are_averaged(batch_size: int) -> None:
    spec = NetworkSpec(3, (LayerSpec(4, "relu"), LayerSpec(3, "tanh"), LayerSpec(2, "identity")), "squared_error")
    rng = np.random.default_rng(8)
    x = rng.normal(size=(3, 10))
    y = rng.normal(size=(2, 10))
    st = Stepper(spec, x, y, TrainingSpec(batch_size=batch_size, seed=1), InitSpec("he"))
    for _ in range(3):  # three iterations, so mini-batches of different sizes are seen
        snap = st.finish_iteration()
        st.step_back()
        pre = st.snapshot()  # before the update: holds every δ, dW, db and the weights used
        m = pre.batch_size
        assert m == (10 if batch_size == 0 else min(batch_size, 10 - snap.batch * batch_size))
        for l in (1, 2, 3):
            delta = pre.get("delta", l)
            a_prev = pre.arrays["input"] if l == 1 else pre.get("a", l - 1)
            assert delta.shape[1] == m
            np.testing.assert_allclose(pre.get("dW", l), (1.0 / m) * delta @ a_prev.T, **RTOL)
            np.testing.assert_allclose(pre.get("db", l), delta.mean(axis=1, keepdims=True), **RTOL)
            # update: W ← W − η dW, b ← b − η db
            np.testing.assert_array_equal(snap.get("W", l), pre.get("W", l) - 0.5 * pre.get("dW", l))
            np.testing.assert_array_equal(snap.get("b", l), pre.get("b", l) - 0.5 * pre.get("db", l))
        losses = pre.arrays["losses"]
        assert losses.shape == (m,)
        np.testing.assert_allclose(losses, 0.5 * np.sum((pre.arrays["target"] - pre.get("a", 3)) ** 2, axis=0),
                                   **RTOL)
        assert pre.loss == pytest.approx(float(np.mean(losses)), rel=1e-15)
        st.step()


def test_mini_batches_cover_every_sample_once_per_epoch() -> None:
    spec = NetworkSpec(1, (LayerSpec(1, "identity"),))
    x = np.arange(10.0)[None, :]
    st = Stepper(spec, x, 2 * x, TrainingSpec(batch_size=3, seed=6))
    for epoch in range(3):
        seen = []
        for _ in range(st.batches_per_epoch):
            snap = st.finish_iteration()
            assert snap.epoch == epoch
            seen.extend(snap.arrays["input"][0].tolist())
            np.testing.assert_array_equal(snap.arrays["target"], 2 * snap.arrays["input"])  # pairs stay together
        assert sorted(seen) == list(range(10))
        if epoch == 0:
            first_order = seen
        else:
            assert seen != first_order  # reshuffled each epoch
    assert [len(c) for c in np.array_split(np.arange(10), [3, 6, 9])] == [3, 3, 3, 1]


def test_full_batch_keeps_the_data_order() -> None:
    spec = NetworkSpec(1, (LayerSpec(1, "identity"),))
    x = np.arange(7.0)[None, :]
    st = Stepper(spec, x, x, TrainingSpec(batch_size=0, shuffle=True))
    for _ in range(2):
        snap = st.finish_iteration()
        np.testing.assert_array_equal(snap.arrays["input"], x)
    st2 = Stepper(spec, x, x, TrainingSpec(batch_size=50))  # larger than the data: full batch
    assert st2.batch_size == 7 and st2.batches_per_epoch == 1
