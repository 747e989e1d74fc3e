"""The fast path is stage stepping without the records: bit-identical weights across shuffled epochs with a
ragged last batch, and the same weights as the bare NumPy loop that benchmarks/bench_engine.py times it against
(so that benchmark compares like with like). No timings here: speed is the benchmark's business."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_engine.py"
SOFTMAX_CE = NetworkSpec(3, (LayerSpec(5, "tanh"), LayerSpec(4, "relu"), LayerSpec(3, "softmax")), "cross_entropy")
SIGMOID_SE = NetworkSpec(3, (LayerSpec(4, "sigmoid"), LayerSpec(2, "sigmoid")), "squared_error")
SAMPLES, BATCH = 11, 4  # batches of 4, 4 and 3


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("bench_engine", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def make(spec: NetworkSpec = SOFTMAX_CE, batch_size: int = BATCH, shuffle: bool = True, seed: int = 5) -> Stepper:
    rng = np.random.default_rng(11)
    x = rng.normal(size=(spec.input_size, SAMPLES))
    n_out = spec.layers[-1].units
    y = np.eye(n_out)[:, rng.integers(0, n_out, SAMPLES)]
    return Stepper(spec, x, y, TrainingSpec(0.3, batch_size, seed=seed, shuffle=shuffle), InitSpec("xavier"))


def assert_same_bits(a: Stepper, b: Stepper) -> None:
    for (Wa, ba), (Wb, bb) in zip(a.parameters, b.parameters, strict=True):
        assert Wa.tobytes() == Wb.tobytes() and ba.tobytes() == bb.tobytes()
    assert (a.iteration, a.epoch, a.snapshot().batch) == (b.iteration, b.epoch, b.snapshot().batch)
    assert a.snapshot().arrays["input"].tobytes() == b.snapshot().arrays["input"].tobytes()


@pytest.mark.parametrize("spec", [SOFTMAX_CE, SIGMOID_SE], ids=["softmax-ce", "sigmoid-se"])
@pytest.mark.parametrize("chunks", [(20,), (2, 7, 1, 9), (5, 5, 5, 5)], ids=["one-run", "uneven", "even"])
def test_fast_path_equals_single_stages_over_shuffled_epochs(spec: NetworkSpec, chunks: tuple[int, ...]) -> None:
    """Runs that start and stop mid-epoch, so each chunk picks up the epoch's shuffle where the last left it."""
    fast, slow = make(spec), make(spec)
    for n in chunks:
        assert fast.run_iterations(n) == n
        for _ in range(n * len(slow.stages)):
            slow.step()
        assert_same_bits(fast, slow)
    assert fast.epoch == (sum(chunks) - 1) // 3 and fast.epoch >= 6  # three batches an epoch
    assert fast.snapshot().batch_size in (BATCH, SAMPLES % BATCH)


def test_the_batches_are_the_epochs_shuffle_with_a_ragged_last_one() -> None:
    st = make()
    seen = []
    for _ in range(6):  # two epochs
        st.run_iterations(1)
        seen.append(st.snapshot().arrays["input"])
    for epoch in (0, 1):
        order = np.random.default_rng([5, epoch]).permutation(SAMPLES)
        batches = seen[3 * epoch : 3 * epoch + 3]
        assert [b.shape[1] for b in batches] == [4, 4, 3]
        np.testing.assert_array_equal(np.hstack(batches), st.x[:, order])


def test_fast_path_leaves_earlier_weights_and_snapshots_alone() -> None:
    """It updates its own copies of the weights in place, never arrays a snapshot or the history holds."""
    st = make()
    st.step()
    before = st.snapshot()
    params = st.parameters
    kept = [(W.copy(), b.copy()) for W, b in params]
    st.run_iterations(12)
    for (W, b), (W0, b0) in zip(params, kept, strict=True):
        assert np.array_equal(W, W0) and np.array_equal(b, b0)
        assert not W.flags.writeable and not b.flags.writeable
    for l in (1, 2, 3):
        assert np.array_equal(before.get("W", l), kept[l - 1][0])
        assert not np.array_equal(st.parameters[l - 1][0], kept[l - 1][0])
        assert not st.parameters[l - 1][0].flags.writeable
    st.reset()
    assert all(np.array_equal(W, W0) for (W, _), (W0, _) in zip(st.parameters, kept, strict=True))


@pytest.mark.parametrize("hidden", ["tanh", "relu"])
@pytest.mark.parametrize("shuffle", [True, False])
def test_benchmark_bare_loop_matches_the_engine(bench: ModuleType, hidden: str, shuffle: bool) -> None:
    spec = NetworkSpec(3, (LayerSpec(6, hidden), LayerSpec(5, hidden), LayerSpec(3, "softmax")), "cross_entropy")
    st = make(spec, shuffle=shuffle)
    initial = list(st.parameters)
    st.run_iterations(25)
    bare = bench.bare_training(st.x, st.y, initial, hidden, 0.3, BATCH, 5, shuffle, 25)
    for (We, be), (Wb, bb) in zip(st.parameters, bare, strict=True):
        assert We.tobytes() == Wb.tobytes() and be.tobytes() == bb.tobytes()
    assert not np.array_equal(st.parameters[0][0], initial[0][0])  # it did train


def test_benchmark_setups_verify_identical_weights(bench: ModuleType) -> None:
    """The benchmark's own check, on scaled-down versions of its setups."""
    for setup in bench.SETUPS:
        small = bench.Setup(setup.name, setup.sizes[:1] + tuple(min(u, 12) for u in setup.sizes[1:]),
                            setup.hidden, min(setup.batch_size, 7), 30, 12)
        assert bench.same_weights(small, small.stepper()) == "identical"
