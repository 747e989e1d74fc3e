"""Seeds make runs reproducible; the fast path ends bit-identical to stepping stage by stage."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Snapshot, Stepper, TrainingSpec


def data(samples: int = 10, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(2, samples))
    y = np.eye(3)[:, rng.integers(0, 3, samples)]
    return x, y


SPEC = NetworkSpec(2, (LayerSpec(4, "tanh"), LayerSpec(3, "leaky_relu"), LayerSpec(3, "softmax")), "cross_entropy")
SPEC_SE = NetworkSpec(2, (LayerSpec(4, "sigmoid"), LayerSpec(3, "sigmoid")), "squared_error")


def make(spec: NetworkSpec = SPEC, batch_size: int = 0, seed: int = 0, shuffle: bool = True,
         method: str = "xavier", samples: int = 10) -> Stepper:
    x, y = data(samples)
    return Stepper(spec, x, y, TrainingSpec(learning_rate=0.2, batch_size=batch_size, seed=seed, shuffle=shuffle),
                   InitSpec(method))


def bit_identical(a: Snapshot, b: Snapshot) -> None:
    assert set(a.arrays) == set(b.arrays)
    for k in a.arrays:
        assert a.arrays[k].tobytes() == b.arrays[k].tobytes(), k
    assert (a.stage, a.position, a.iteration, a.epoch, a.batch) == (b.stage, b.position, b.iteration, b.epoch, b.batch)
    assert a.loss == b.loss


# ----- seeds -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["xavier", "he", "small_uniform"])
@pytest.mark.parametrize("batch_size", [0, 3])
def test_same_seed_gives_identical_snapshots(method: str, batch_size: int) -> None:
    one = make(batch_size=batch_size, seed=42, method=method)
    two = make(batch_size=batch_size, seed=42, method=method)
    bit_identical(one.snapshot(), two.snapshot())
    for _ in range(3 * len(one.stages) + 2):
        bit_identical(one.step(), two.step())
    one.run_iterations(7)
    two.run_iterations(7)
    bit_identical(one.snapshot(), two.snapshot())


@pytest.mark.parametrize("method", ["xavier", "he", "small_uniform"])
def test_different_seed_gives_different_initial_weights(method: str) -> None:
    a, b = make(seed=1, method=method).snapshot(), make(seed=2, method=method).snapshot()
    for l in (1, 2, 3):
        assert not np.array_equal(a.get("W", l), b.get("W", l))
        assert np.array_equal(a.get("b", l), np.zeros_like(a.get("b", l)))  # biases start at 0
    assert np.array_equal(a.arrays["input"], b.arrays["input"])  # same data, full batch


def test_initialiser_ranges() -> None:
    snap = make(method="xavier", seed=9).snapshot()
    for l, (n_out, n_in) in enumerate(((4, 2), (3, 4), (3, 3)), start=1):
        limit = np.sqrt(6.0 / (n_in + n_out))
        assert np.all(np.abs(snap.get("W", l)) <= limit)
    small = make(method="small_uniform", seed=9).snapshot()
    assert all(np.all(np.abs(small.get("W", l)) <= 0.1) for l in (1, 2, 3))
    zeros = make(method="zeros", seed=9).snapshot()
    assert all(not np.any(zeros.get("W", l)) for l in (1, 2, 3))


def test_seed_changes_the_shuffle() -> None:
    a, b = make(batch_size=3, seed=1), make(batch_size=3, seed=2)
    a.step()
    b.step()
    assert not np.array_equal(a.snapshot().arrays["input"], b.snapshot().arrays["input"])


# ----- fast path ------------------------------------------------------------------------------------------


CONFIGS = [
    pytest.param(SPEC, 0, True, 10, 6, id="full-batch"),
    pytest.param(SPEC, 3, True, 10, 17, id="mini-batch-shuffle"),  # 4 batches per epoch: over 4 epochs
    pytest.param(SPEC, 4, False, 10, 9, id="mini-batch-in-order"),
    pytest.param(SPEC, 1, True, 10, 23, id="sgd"),
    pytest.param(SPEC_SE, 3, True, 10, 13, id="sigmoid-squared-error"),
]


@pytest.mark.parametrize(("spec", "batch_size", "shuffle", "samples", "n"), CONFIGS)
def test_run_iterations_is_bit_identical_to_finish_iteration(spec, batch_size, shuffle, samples, n) -> None:
    fast = make(spec, batch_size, seed=7, shuffle=shuffle, samples=samples)
    slow = make(spec, batch_size, seed=7, shuffle=shuffle, samples=samples)
    assert fast.run_iterations(n) == n
    for _ in range(n):
        slow.finish_iteration()
    for (Wf, bf), (Ws, bs) in zip(fast.parameters, slow.parameters, strict=True):
        assert np.array_equal(Wf, Ws) and Wf.tobytes() == Ws.tobytes()
        assert np.array_equal(bf, bs) and bf.tobytes() == bs.tobytes()
    bit_identical(fast.snapshot(), slow.snapshot())  # the last iteration is on show in full
    assert fast.iteration == n - 1 and fast.complete
    if batch_size:
        per = -(-samples // batch_size)
        assert fast.epoch == (n - 1) // per
        assert fast.snapshot().batch == (n - 1) % per
    # and both continue identically
    bit_identical(fast.step(), slow.step())


def test_run_iterations_from_the_middle_of_an_iteration() -> None:
    fast, slow = make(batch_size=3, seed=4), make(batch_size=3, seed=4)
    for st in (fast, slow):
        for _ in range(3):
            st.step()
    assert fast.run_iterations(6) == 6  # the partly done one counts as one
    for _ in range(6):
        slow.finish_iteration()
    bit_identical(fast.snapshot(), slow.snapshot())
    assert fast.iteration == 5


def test_run_iterations_after_an_edit() -> None:
    fast, slow = make(batch_size=4, seed=4), make(batch_size=4, seed=4)
    for st in (fast, slow):
        st.finish_iteration()
        st.step()
        st.set_parameter(2, "W", (1, 3), 0.75)
    assert fast.run_iterations(5) == 5
    for _ in range(5):
        slow.finish_iteration()
    bit_identical(fast.snapshot(), slow.snapshot())
    assert fast.iteration == 5


def test_run_iterations_of_zero_or_one() -> None:
    st = make()
    assert st.run_iterations(0) == 0
    assert st.snapshot().position == 0
    assert st.run_iterations(1) == 1
    assert st.complete and st.iteration == 0


@pytest.mark.parametrize(("batch_size", "per"), [(0, 1), (3, 4), (5, 2), (1, 10)])
def test_run_epochs_counts_iterations(batch_size: int, per: int) -> None:
    st = make(batch_size=batch_size, seed=5)
    assert st.batches_per_epoch == per
    assert st.run_epochs(2) == 2 * per
    assert st.complete and st.iteration == 2 * per - 1 and st.epoch == 1
    assert st.snapshot().batch == per - 1
    assert st.run_epochs(1) == per  # a finished epoch does not count: a whole new one runs
    assert st.iteration == 3 * per - 1 and st.epoch == 2
    if per > 1:
        st.finish_iteration()  # first batch of epoch 3
        assert st.epoch == 3 and st.snapshot().batch == 0
        assert st.run_epochs(1) == per - 1  # the current epoch, partly done, counts as one
        assert st.epoch == 3 and st.snapshot().batch == per - 1
        st.step()  # forward 1 of the first batch of epoch 4: a partly done iteration
        assert st.run_epochs(2) == 2 * per
        assert st.epoch == 5 and st.snapshot().batch == per - 1


def test_run_epochs_matches_finish_epoch() -> None:
    a, b = make(batch_size=3, seed=8), make(batch_size=3, seed=8)
    a.run_epochs(3)
    for _ in range(3):
        b.finish_epoch()
    bit_identical(a.snapshot(), b.snapshot())
    assert a.epoch == 2


def test_should_stop_stops_early() -> None:
    st = make(batch_size=3, seed=1)
    polls = []

    def stop() -> bool:
        polls.append(st.iteration)
        return len(polls) >= 4

    done = st.run_iterations(100, should_stop=stop)
    assert 4 <= done < 100
    assert done == 4  # polled after each fast iteration; stopped after the fourth
    assert st.iteration == done - 1
    assert st.at_iteration_start
    reference = make(batch_size=3, seed=1)
    for _ in range(done):
        reference.finish_iteration()
    for (Wa, ba), (Wb, bb) in zip(st.parameters, reference.parameters, strict=True):
        assert np.array_equal(Wa, Wb) and np.array_equal(ba, bb)


def test_should_stop_false_runs_everything() -> None:
    st = make(seed=1)
    assert st.run_iterations(12, should_stop=lambda: False) == 12
    assert st.iteration == 11


def test_training_reduces_the_loss() -> None:
    st = make(SPEC_SE, batch_size=0, seed=0)
    first = st.finish_iteration().loss
    st.run_iterations(300)
    last = st.snapshot().loss
    assert first is not None and last is not None
    assert last < first
