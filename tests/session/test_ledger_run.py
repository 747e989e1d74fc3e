"""The update ledger crosses from a run's process to the window as numbers, measured there: a diverged run hands
back its last good steps with their lines and training-set losses, showing the overshoot."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine.run_settings import RunGoal, RunSettings
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, TrainingRun
from bpstudio.session.run_process import LEDGER_AT_END, Done, RunProcess, StartRun


def test_a_diverged_run_in_its_process_hands_back_measured_overshooting_steps() -> None:
    spec = NetworkSpec(2, (LayerSpec(8, "relu"), LayerSpec(1, "identity")), "squared_error")
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, 64)) * 3, rng.normal(size=(1, 64)) * 10
    s = Stepper(spec, x, y, TrainingSpec(learning_rate=5.0, batch_size=8), InitSpec("xavier"))
    run = TrainingRun(s, RunSettings(RunGoal("forever"), speed=6), (x, y), None, TrainingLog(2))
    process = RunProcess(in_process=True)
    try:
        process.send(StartRun(3, spec, s.training, x, y, s.checkpoint(), run.settings, run.bookkeeping(), (x, y),
                              None, run.plane, None))
        got: list = []
        for _ in range(300):
            got += process.messages(3, 0.1)
            if not process.running:
                break
    finally:
        process.close()
    done = got[-1]
    assert isinstance(done, Done) and done.outcome is not None and done.outcome.reason == DIVERGED
    ledger = done.state.ledger
    last = ledger[-LEDGER_AT_END:]
    assert all(e.basis is None for e in ledger)  # numbers only crossed
    assert all(e.measured and e.train_before is not None for e in last)
    assert all(e.overshot and e.best_t is not None and e.best_t < 1 for e in last)
    assert all(e.predicted < 0 < e.batch_change for e in last)
