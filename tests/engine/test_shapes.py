"""Every quantity has the shape of TEACHING.md's dimension table at every stage; snapshots are read-only copies."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import LayerSpec, NetworkSpec, Stepper, TrainingSpec, iteration_stages
from bpstudio.engine.snapshot import QUANTITIES


def make_stepper(batch_size: int = 4, samples: int = 10) -> Stepper:
    spec = NetworkSpec(3, (LayerSpec(5, "tanh"), LayerSpec(4, "relu"), LayerSpec(2, "sigmoid")), "squared_error")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(3, samples))
    y = rng.uniform(size=(2, samples))
    return Stepper(spec, x, y, TrainingSpec(learning_rate=0.1, batch_size=batch_size, seed=5))


def expected_keys(depth: int, position: int) -> set[str]:
    """Keys a snapshot holds after ``position`` stages of an iteration (0 … 2L+2)."""
    keys = {"input", "target"} | {f"L{l}/{q}" for l in range(1, depth + 1) for q in ("W", "b")}
    stages = iteration_stages(depth)[:position]
    for st in stages:
        if st.kind == "forward":
            keys |= {f"L{st.layer}/z", f"L{st.layer}/a"}
        elif st.kind == "loss":
            keys |= {"losses", "grad_a"}
        elif st.kind == "backward":
            keys |= {f"L{st.layer}/delta", f"L{st.layer}/dW", f"L{st.layer}/db"}
    return keys


def check_shapes(snap, sizes: tuple[int, ...], m: int) -> None:
    L = len(sizes) - 1
    for l in range(1, L + 1):
        n, n_prev = sizes[l], sizes[l - 1]
        want = {"W": (n, n_prev), "b": (n, 1), "z": (n, m), "a": (n, m), "delta": (n, m),
                "dW": (n, n_prev), "db": (n, 1)}
        for q in QUANTITIES:
            arr = snap.get(q, l)
            if arr is not None:
                assert arr.shape == want[q], (snap.stage, q, l)
                assert arr.dtype == np.float64
    assert snap.arrays["input"].shape == (sizes[0], m)
    assert snap.arrays["target"].shape == (sizes[-1], m)
    if "grad_a" in snap.arrays:
        assert snap.arrays["grad_a"].shape == (sizes[-1], m)  # like Aᴸ: one column per sample
        assert snap.arrays["losses"].shape == (m,)


def test_shapes_and_presence_at_every_stage() -> None:
    st = make_stepper(batch_size=4, samples=10)  # batches of 4, 4, 2: m changes within an epoch
    sizes = st.spec.sizes
    L = st.spec.depth
    per_iteration = len(iteration_stages(L))
    assert per_iteration == 2 * L + 2
    snap = st.snapshot()
    assert snap.stage is None and snap.position == 0
    assert set(snap.arrays) == expected_keys(L, 0)
    check_shapes(snap, sizes, 4)
    seen_m = set()
    for _ in range(4):  # iterations: m = 4, 4, 2, then 4 of the next epoch
        for position in range(1, per_iteration + 1):
            snap = st.step()
            assert snap.position == position
            assert snap.stage == iteration_stages(L)[position - 1]
            assert set(snap.arrays) == expected_keys(L, position), snap.stage
            m = snap.batch_size
            seen_m.add(m)
            check_shapes(snap, sizes, m)
            assert snap.loss is None if position <= L else snap.loss is not None
    assert seen_m == {4, 2}


def test_changed_names_what_the_stage_computed() -> None:
    st = make_stepper()
    names = [sorted(st.step().changed) for _ in range(len(st.stages))]
    assert names[0] == ["L1/a", "L1/z"]
    assert names[3] == ["grad_a", "losses"]
    assert names[4] == ["L3/dW", "L3/db", "L3/delta"]
    assert names[-1] == ["L1/W", "L1/b", "L2/W", "L2/b", "L3/W", "L3/b"]


def test_snapshot_arrays_are_read_only() -> None:
    st = make_stepper()
    for _ in range(6):
        snap = st.step()
    assert len(snap.arrays) > 10
    for k, arr in snap.arrays.items():
        assert not arr.flags.writeable, k
        with pytest.raises(ValueError, match="read-only"):
            arr[(0,) * arr.ndim] = 123.0
    with pytest.raises(TypeError):
        snap.arrays["L1/W"] = np.zeros((5, 3))  # type: ignore[index]


def test_snapshot_arrays_are_copies() -> None:
    st = make_stepper()
    for _ in range(5):
        snap = st.step()
    W1, b1 = st.parameters[0]
    assert snap.arrays["L1/W"] is not W1
    assert not np.shares_memory(snap.arrays["L1/W"], W1)
    assert not np.shares_memory(snap.arrays["L1/b"], b1)
    assert not np.shares_memory(snap.arrays["input"], st.x)
    again = st.snapshot()
    for k, arr in snap.arrays.items():
        assert not np.shares_memory(arr, again.arrays[k]), k
        assert np.array_equal(arr, again.arrays[k])
    # a copy made writable and changed does not reach the engine
    mine = np.array(snap.arrays["L1/W"])
    mine[:] = 0.0
    assert np.array_equal(st.snapshot().arrays["L1/W"], W1)
    assert np.any(W1 != 0.0)


def test_input_data_is_copied_on_the_way_in() -> None:
    spec = NetworkSpec(2, (LayerSpec(1, "identity"),))
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    y = np.array([[1.0, 0.0]])
    st = Stepper(spec, x, y)
    x[0, 0] = 99.0
    y[0, 0] = 99.0
    snap = st.snapshot()
    assert snap.arrays["input"][0, 0] == 1.0
    assert snap.arrays["target"][0, 0] == 1.0
