"""Two runs in lockstep: B is A with one setting changed; the first stage and entry where their real engine numbers
part is the one the change explains."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pytest

from bpstudio.engine import ValidationError, load_project
from bpstudio.engine.lockstep import Lockstep
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.spec import TrainingSpec
from bpstudio.engine.stages import Stage
from bpstudio.session import lockstep_session as ls

ETA, MU, BATCH = ls.Setting("training", "learning_rate"), ls.Setting("training", "momentum"), \
    ls.Setting("training", "batch_size")


@pytest.fixture
def xor():
    return load_project(example_path("xor_tanh"))  # 2-4-1, tanh then sigmoid, batches of 4, xavier


def parted(a, setting, value):
    lock = ls.start(a, ls.project_b(a, setting, value))
    return lock, lock.until_parted(1000)


def test_a_learning_rate_first_shows_in_the_first_updates_w1(xor):
    lock, p = parted(xor, ETA, "0.1")
    assert (p.iteration, p.stage, p.key, p.index) == (0, Stage("update"), "L1/W", (0, 0))
    assert lock.stages == 2 * 2 + 2  # every stage before the update equal
    # the numbers are the engines': W¹ after one update with η = 0.5 and with η = 0.1 from the same gradient
    sa, sb = lock.snapshots
    w0 = xor.stepper().snapshot().get("W", 1)
    grad = (w0 - sa.get("W", 1)) / 0.5
    np.testing.assert_allclose(sb.get("W", 1), w0 - 0.1 * grad, rtol=1e-12)
    assert p.a == sa.get("W", 1)[0, 0] and p.b == sb.get("W", 1)[0, 0] and p.a != p.b
    assert ls.parting_text(p, lock.stages) == (
        f"A and B part in iteration 1, stage update, first at W¹₁₁: A {p.a:.6g}, B {p.b:.6g}.")


def test_an_activation_first_shows_in_forward_of_its_layer(xor):
    lock, p = parted(xor, ls.Setting("layer", "activation", 1), "relu")
    assert (p.iteration, p.stage, p.key) == (0, Stage("forward", 1), "L1/a")
    sa, sb = lock.snapshots
    np.testing.assert_array_equal(sa.get("z", 1), sb.get("z", 1))  # z¹ equal: the weights are the same
    z = sa.get("z", 1)
    first = tuple(np.argwhere(np.tanh(z) != np.maximum(z, 0))[0])
    assert p.index == first and p.b == max(z[first], 0.0)
    a, b, diff = lock.arrays("L1/a")
    np.testing.assert_array_equal(diff, a - b)


def test_an_output_activation_first_shows_in_the_last_forward(xor):
    three = load_project(example_path("seed003_2-2-1"))  # squared error: any output activation goes
    lock, p = parted(three, ls.Setting("layer", "activation", 2), "tanh")
    assert (p.stage, p.key) == (Stage("forward", 2), "L2/a")


def test_momentum_first_shows_in_the_second_update(xor):
    """v starts at 0: the first update is −η ∂L/∂W with or without μ."""
    _lock, p = parted(xor, MU, "0.9")
    assert (p.iteration, p.stage, p.key) == (1, Stage("update"), "L1/W")


def test_a_batch_size_or_a_layer_size_parts_from_the_start(xor):
    _lock, p = parted(xor, BATCH, "2")
    assert (p.stage, p.key, p.index) == (None, "input", None)
    lock, p = parted(xor, ls.Setting("layer", "units", 1), "5")
    assert (p.stage, p.key, p.index) == (None, "L1/W", None)
    assert lock.arrays("L1/W")[2] is None  # no A − B of two shapes
    assert "W¹ has another shape" in ls.parting_text(p, 0)


def test_an_initialiser_parts_at_the_starting_weights(xor):
    _lock, p = parted(xor, ls.Setting("init", "method"), "he")
    assert (p.iteration, p.stage, p.key, p.index) == (0, None, "L1/W", (0, 0))


def test_equal_runs_never_part():
    a = load_project(example_path("xor_tanh"))
    lock = Lockstep(a.stepper(), a.stepper())
    assert lock.until_parted(60) is None and lock.stages == 60
    assert ls.parting_text(None, 60) == "A and B are equal so far (stages taken: 60)."


def test_b_must_be_valid_and_differ(xor):
    with pytest.raises(ValidationError, match="B must differ"):
        ls.project_b(xor, ETA, "0.5")
    with pytest.raises(ValidationError, match="not a value"):
        ls.project_b(xor, ETA, "fast")
    with pytest.raises(ValidationError, match="positive"):
        ls.project_b(xor, ETA, "-1")
    with pytest.raises(ValidationError, match="sigmoid output"):
        ls.project_b(xor, ls.Setting("layer", "activation", 2), "tanh")


def test_the_settings_offered_are_every_field(xor):
    offered = ls.settings(xor)
    assert [s.name for s in offered if s.section == "training"] == [f.name for f in fields(TrainingSpec)]
    assert [s.label for s in offered][:3] == ["η", "batch", "epochs"]
    assert ls.Setting("layer", "activation", 2) in offered and ls.Setting("layer", "units", 1).label == "units¹"

    @dataclass(frozen=True)
    class WithOptimizer(TrainingSpec):  # as another branch adds to TrainingSpec
        optimizer: str = "sgd"

    from dataclasses import replace
    project = replace(xor, training=WithOptimizer(**vars(xor.training)))
    assert ls.Setting("training", "optimizer") in ls.settings(project)
    assert ls.Setting("training", "optimizer").label == "optimizer"
