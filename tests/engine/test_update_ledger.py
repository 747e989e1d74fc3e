"""The update ledger against the engine's own numbers: the prediction is −η‖g‖² of the engine's gradient (plain
descent) or gᵀΔθ of its actual change (momentum, L2); the real changes are the engine's batch losses and the
training set's metrics before and after; the line passes through them at t = 0 and t = 1; a diverging run's
last good steps overshoot; and the ledger costs a full-speed run nothing measurable."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec, load_project
from bpstudio.engine import backprop as bp
from bpstudio.engine.metrics import evaluate
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import RunGoal, RunSettings
from bpstudio.engine.snapshot import key
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, TrainingRun
from bpstudio.engine.update_ledger import LEDGER_SIZE, LINE_T, STEP_INDEX, LedgerDetails

FASTEST = 6


def stepper(training: TrainingSpec, example: str = "seed003_2-2-1") -> Stepper:
    project = load_project(example_path(example))
    train = project.split()[0]
    return Stepper(project.network, train.x.T, train.y.T, training, project.init, project.parameters)


def one_update(s: Stepper):
    """Step one iteration; return (θ before, the engine's gradients, batch loss before, (x, y), the new entry)."""
    before = s.parameters
    while s.next_stage.kind != "update":
        snap = s.step()
    grads = [(snap.get("dW", l), snap.get("db", l)) for l in range(1, s.spec.depth + 1)]
    batch = (snap.arrays["input"], snap.arrays["target"])
    after = s.step()
    return before, grads, snap.loss, batch, after


def test_plain_descent_predicts_minus_eta_times_the_squared_gradient_norm_exactly() -> None:
    s = stepper(TrainingSpec(learning_rate=0.7, batch_size=2, seed=3))
    s.finish_iteration()
    for _ in range(3):
        before, grads, loss, (x, y), snap = one_update(s)
        entry = snap.ledger[-1]
        assert entry.iteration == snap.iteration
        g2 = sum(float(np.vdot(dW, dW) + np.vdot(db, db)) for dW, db in grads)
        assert entry.predicted == -0.7 * g2  # exactly: the engine's own gradient
        # the gradient the engine stored is the one backprop computes for those weights on that batch
        _, fresh = bp.full_gradients(s.plan, before, x, y)
        assert all(np.array_equal(a, c) and np.array_equal(b, d) for (a, b), (c, d) in zip(grads, fresh, strict=True))
        assert entry.batch_before == loss  # the loss stage's value
        assert entry.batch_after is None and not entry.measured  # no forward pass at the update itself
        entry = LedgerDetails(s.plan, (s.x, s.y)).fill(snap.ledger)[-1]
        assert entry.batch_after == bp.batch_loss(s.plan, s.parameters, x, y)  # the same batch, the new weights
        assert entry.batch_change == entry.batch_after - loss


def test_momentum_and_l2_predict_g_dot_the_engines_actual_change() -> None:
    s = stepper(TrainingSpec(learning_rate=0.5, momentum=0.9, l2=0.05, batch_size=2, seed=1))
    for _ in range(4):
        before, grads, _, _, snap = one_update(s)
        after = s.parameters
        expected = sum(float(np.vdot(dW, W1 - W0) + np.vdot(db, b1 - b0))
                       for (dW, db), (W0, b0), (W1, b1) in zip(grads, before, after, strict=True))
        assert snap.ledger[-1].predicted == expected
        plain = -0.5 * sum(float(np.vdot(dW, dW) + np.vdot(db, db)) for dW, db in grads)
        assert snap.ledger[-1].predicted != plain  # momentum and L2 change the step: not −η‖g‖²
    velocity = s.checkpoint().moments.v  # W ← W + v: the change is the new velocity (rounding aside)
    W0, W1 = before[0][0], after[0][0]
    assert np.allclose(W1 - W0, velocity[0][0], rtol=1e-12, atol=1e-15)


def test_training_set_changes_and_the_line_match_the_engines_losses() -> None:
    s = stepper(TrainingSpec(learning_rate=2.0, batch_size=2, seed=5))
    project = load_project(example_path("seed003_2-2-1"))
    train = (project.split()[0].x.T, project.split()[0].y.T)
    details = LedgerDetails(s.plan, train)
    before, _, loss, (x, y), snap = one_update(s)
    entry = details.fill(snap.ledger)[-1]
    assert entry.train_before == evaluate(s.plan, before, *train).loss
    assert entry.train_after == evaluate(s.plan, s.parameters, *train).loss
    assert entry.line[0] == entry.batch_before == loss  # t = 0: the weights before
    assert LINE_T[STEP_INDEX] == 1.0 and entry.line[STEP_INDEX] == entry.batch_after  # t = 1: the step taken
    t = LINE_T[4]
    halfway = tuple((W0 + t * (W1 - W0), b0 + t * (b1 - b0))
                    for (W0, b0), (W1, b1) in zip(before, s.parameters, strict=True))
    assert entry.line[4] == bp.batch_loss(s.plan, halfway, x, y)
    assert entry.best_t == LINE_T[int(np.argmin(entry.line))]
    assert details.fill(snap.ledger)[-1] is entry  # measured once


def test_the_ledger_is_bounded_follows_step_back_and_crosses_processes_as_numbers() -> None:
    s = stepper(TrainingSpec(learning_rate=0.5, batch_size=2))
    for _ in range(LEDGER_SIZE + 5):
        s.finish_iteration()
    ledger = s.snapshot().ledger
    assert len(ledger) == LEDGER_SIZE
    assert [e.iteration for e in ledger] == list(range(5, LEDGER_SIZE + 5))
    s.step_back()  # back over the last update: its entry goes with it
    assert s.snapshot().ledger[-1].iteration == LEDGER_SIZE + 3
    s.step()  # and the update again
    assert s.snapshot().ledger[-1].iteration == LEDGER_SIZE + 4
    sent = pickle.loads(pickle.dumps(s.checkpoint()))
    assert sent.ledger[-1].basis is None and s.checkpoint().ledger[-1].basis is not None  # the weights stay here
    assert sent.ledger[-1].predicted == ledger[-1].predicted


def test_a_diverging_runs_last_good_steps_overshoot_the_valley() -> None:
    spec = NetworkSpec(2, (LayerSpec(8, "relu"), LayerSpec(1, "identity")), "squared_error")
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, 64)) * 3, rng.normal(size=(1, 64)) * 10
    s = Stepper(spec, x, y, TrainingSpec(learning_rate=5.0, batch_size=8), InitSpec("xavier"))
    run = TrainingRun(s, RunSettings(RunGoal("forever"), speed=FASTEST), (x, y), None, TrainingLog(2))
    while (outcome := run.advance()) is None:
        pass
    assert outcome.reason == DIVERGED
    ledger = LedgerDetails(s.plan, (x, y)).fill(s.snapshot().ledger)
    assert len(ledger) >= 3
    last = ledger[-3:]
    for e in last:
        assert e.overshot
        assert e.predicted < 0 < e.batch_change  # promised a fall, got a rise
        assert e.batch_change > 10 * abs(e.predicted) or not np.isfinite(e.batch_change)
        assert e.best_t is not None and e.best_t < 1
        assert e.train_change is not None and not e.train_change < 0


def test_a_healthy_step_does_not_count_as_an_overshoot() -> None:
    s = stepper(TrainingSpec(learning_rate=0.1, batch_size=4))
    s.finish_iteration()
    entry = LedgerDetails(s.plan, (s.x, s.y)).fill(s.snapshot().ledger)[-1]
    assert not entry.overshot and entry.batch_change < 0 and entry.best_t is not None and entry.best_t > 1
    assert entry.ratio == pytest.approx(1, abs=0.1)  # a small step: the first-order picture holds


def test_fast_iterations_keep_the_entries_and_compute_nothing_for_the_ledger(monkeypatch) -> None:
    s = stepper(TrainingSpec(learning_rate=0.5, batch_size=2))
    s.finish_iteration()
    calls = []
    import bpstudio.engine.stage_step as stage_step

    real = stage_step.ledger_entry
    monkeypatch.setattr(stage_step, "ledger_entry", lambda *a: calls.append(1) or real(*a))
    s.run_iterations(50)  # 49 fast, the last stepped
    assert len(calls) == 1
    assert [e.iteration for e in s.snapshot().ledger] == [0, 50]
    assert key("W", 1) in s.snapshot().arrays
