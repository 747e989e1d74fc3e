"""Step back restores the previous stage exactly; the history is bounded; set_parameter edits and is undoable."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpstudio.engine import (
    HistoryError,
    InitSpec,
    LayerSpec,
    NetworkSpec,
    Snapshot,
    Stepper,
    TrainingSpec,
    ValidationError,
)


def make_stepper(batch_size: int = 3, samples: int = 7, history_limit: int = 512, shuffle: bool = True) -> Stepper:
    spec = NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(2, "softmax")), "cross_entropy")
    rng = np.random.default_rng(11)
    x = rng.normal(size=(2, samples))
    y = np.eye(2)[:, rng.integers(0, 2, samples)]
    training = TrainingSpec(learning_rate=0.3, batch_size=batch_size, seed=2, shuffle=shuffle)
    return Stepper(spec, x, y, training, history_limit=history_limit)


def assert_same(a: Snapshot, b: Snapshot) -> None:
    assert a.stage == b.stage
    assert a.next_stage == b.next_stage
    assert (a.position, a.iteration, a.epoch, a.batch) == (b.position, b.iteration, b.epoch, b.batch)
    assert a.changed == b.changed
    if a.loss is None:
        assert b.loss is None
    else:
        assert a.loss == b.loss
    assert set(a.arrays) == set(b.arrays)
    for k in a.arrays:
        assert np.array_equal(a.arrays[k], b.arrays[k]), k
        assert a.arrays[k].tobytes() == b.arrays[k].tobytes(), k


def test_step_back_restores_every_stage_across_updates_iterations_and_epochs() -> None:
    st = make_stepper(batch_size=3, samples=7)  # 3 batches per epoch (3, 3, 1), reshuffled each epoch
    assert st.batches_per_epoch == 3
    snaps = [st.snapshot()]
    per = len(st.stages)
    for _ in range(4 * per):  # 4 iterations: crosses 3 updates, 3 iteration boundaries, 1 epoch boundary
        snaps.append(st.step())
    assert snaps[-1].epoch == 1 and snaps[-1].batch == 0
    assert {s.epoch for s in snaps} == {0, 1}
    # the epoch-1 batch is reshuffled: its input differs from epoch 0's first batch
    assert not np.array_equal(snaps[3 * per + 1].arrays["input"], snaps[1].arrays["input"])
    for expected in reversed(snaps[:-1]):
        assert_same(st.step_back(), expected)
        assert_same(st.snapshot(), expected)
    assert not st.can_step_back
    with pytest.raises(HistoryError):
        st.step_back()
    # and stepping forward again reproduces the same run (the batch data was restored with the state)
    for expected in snaps[1:]:
        assert_same(st.step(), expected)


def test_step_back_over_an_update_restores_the_old_weights() -> None:
    st = make_stepper()
    before = st.finish_iteration()
    st.step_back()  # undo the update stage
    restored = st.snapshot()
    assert restored.stage is not None and restored.stage.name == "backward 1"
    assert not st.complete
    assert restored.loss == before.loss
    # update recomputed from the restored state is the one we undid
    again = st.step()
    assert_same(again, before)
    old_W1 = st.parameters[0][0]
    st.step_back()
    assert not np.array_equal(st.parameters[0][0], old_W1)
    assert np.array_equal(
        old_W1, st.snapshot().arrays["L1/W"] - 0.3 * st.snapshot().arrays["L1/dW"]
    )


def test_step_back_with_no_history_raises() -> None:
    st = make_stepper()
    assert not st.can_step_back
    with pytest.raises(HistoryError, match="no earlier stage"):
        st.step_back()
    st.step()
    st.step_back()
    with pytest.raises(HistoryError):
        st.step_back()
    st.run_iterations(3)  # the fast iterations keep no stages, but the last one was stepped
    assert st.can_step_back
    st.reset()
    with pytest.raises(HistoryError):
        st.step_back()


def test_history_is_bounded() -> None:
    limit = 5
    st = make_stepper(history_limit=limit)
    snaps = [st.snapshot()]
    for _ in range(23):
        snaps.append(st.step())
    for k in range(1, limit + 1):
        assert_same(st.step_back(), snaps[-1 - k])
    assert not st.can_step_back
    with pytest.raises(HistoryError):
        st.step_back()


def test_long_runs_keep_at_most_history_limit_states() -> None:
    st = make_stepper(history_limit=8)
    for _ in range(300):
        st.step()
    backs = 0
    while st.can_step_back:
        st.step_back()
        backs += 1
    assert backs == 8


# ----- set_parameter ----------------------------------------------------------------------------------


def test_set_parameter_edits_one_entry_and_restarts_the_iteration() -> None:
    st = make_stepper()
    for _ in range(4):  # forward 1, forward 2, loss, backward 2
        st.step()
    before = st.snapshot()
    W1 = before.arrays["L1/W"]
    snap = st.set_parameter(1, "W", (2, 1), 0.625)
    new = snap.arrays["L1/W"]
    assert new[2, 1] == 0.625
    mask = np.ones_like(new, dtype=bool)
    mask[2, 1] = False
    assert np.array_equal(new[mask], W1[mask])
    for k in ("L1/b", "L2/W", "L2/b", "input", "target"):
        assert np.array_equal(snap.arrays[k], before.arrays[k])
    assert snap.position == 0 and snap.stage is None
    assert snap.next_stage.name == "forward 1"
    assert snap.loss is None
    assert set(snap.arrays) == {"input", "target", "L1/W", "L1/b", "L2/W", "L2/b"}
    assert snap.changed == frozenset({"L1/W"})
    assert (snap.iteration, snap.epoch, snap.batch) == (before.iteration, before.epoch, before.batch)
    # the iteration recomputes with the new value
    fwd = st.step()
    np.testing.assert_array_equal(fwd.arrays["L1/z"], new @ fwd.arrays["input"] + fwd.arrays["L1/b"])
    st.step_back()
    assert_same(st.step_back(), before)  # undoes the edit


def test_set_bias_after_an_update_applies_to_the_next_iteration() -> None:
    st = make_stepper()
    st.finish_iteration()
    before = st.snapshot()
    snap = st.set_parameter(2, "b", (1, 0), -3.5)
    assert st.complete
    assert snap.arrays["L2/b"][1, 0] == -3.5
    assert snap.arrays["L2/b"][0, 0] == before.arrays["L2/b"][0, 0]
    nxt = st.step()
    assert nxt.iteration == before.iteration + 1
    assert nxt.get("z", 1) is not None
    st.step_back()
    assert_same(st.step_back(), before)


@pytest.mark.parametrize(("args", "field"), [
    ((1, "W", (0, 0), float("nan")), "L1/W"),
    ((1, "W", (0, 0), float("inf")), "L1/W"),
    ((2, "b", (0, 0), "1.0"), "L2/b"),
    ((1, "W", (3, 0), 1.0), "L1/W"),  # W¹ is 3 × 2
    ((1, "W", (0, 2), 1.0), "L1/W"),
    ((1, "W", (-1, 0), 1.0), "L1/W"),
    ((2, "b", (0, 1), 1.0), "L2/b"),
    ((2, "b", (0,), 1.0), "L2/b"),
    ((2, "b", (0.5, 0), 1.0), "L2/b"),
    ((0, "W", (0, 0), 1.0), "layer"),
    ((3, "W", (0, 0), 1.0), "layer"),
    (("1", "W", (0, 0), 1.0), "layer"),
    ((1, "z", (0, 0), 1.0), "name"),
])
def test_invalid_edits_raise_and_change_nothing(args: tuple, field: str) -> None:
    st = make_stepper()
    for _ in range(3):
        st.step()
    before = st.snapshot()
    with pytest.raises(ValidationError) as info:
        st.set_parameter(*args)
    assert info.value.field == field
    assert str(info.value).startswith(field + ":")
    assert_same(st.snapshot(), before)
    # history unchanged too: three steps back reach the start, no more
    for _ in range(3):
        st.step_back()
    assert not st.can_step_back
    assert st.snapshot().position == 0


def test_edited_value_is_used_exactly() -> None:
    st = make_stepper(batch_size=0)
    st.set_parameter(1, "b", (0, 0), 1e-3)
    st.step()
    snap = st.snapshot()
    W, b, x = snap.arrays["L1/W"], snap.arrays["L1/b"], snap.arrays["input"]
    assert b[0, 0] == 1e-3
    np.testing.assert_array_equal(snap.arrays["L1/z"], W @ x + b)
    np.testing.assert_array_equal(snap.arrays["L1/a"], np.tanh(W @ x + b))
    assert math.isclose(float(np.tanh((W @ x)[0, 0] + 1e-3)), float(snap.arrays["L1/a"][0, 0]), rel_tol=0.0)


def test_reset_returns_to_explicit_parameters() -> None:
    spec = NetworkSpec(1, (LayerSpec(1, "identity"),))
    st = Stepper(spec, np.array([[1.0, 2.0]]), np.array([[2.0, 4.0]]), TrainingSpec(learning_rate=0.1),
                 InitSpec("explicit"), [(np.array([[0.5]]), np.array([[0.0]]))])
    st.run_iterations(5)
    assert st.parameters[0][0][0, 0] != 0.5
    snap = st.reset()
    assert snap.arrays["L1/W"][0, 0] == 0.5 and snap.iteration == 0 and snap.position == 0
