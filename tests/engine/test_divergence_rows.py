"""A run that diverges inside a long fast slice still writes a training-log row for each of the last iterations
before the divergence, so the loss curve reaches the mark (however many iterations the slice held)."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine.run_settings import RunGoal, RunSettings
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, LAST_ROWS, TrainingRun


def test_the_last_iterations_before_a_divergence_have_their_rows() -> None:
    spec = NetworkSpec(1, (LayerSpec(16, "tanh"), LayerSpec(1, "identity")), "squared_error")
    x = np.linspace(-3.0, 3.0, 40)[None, :]
    y = np.sin(x)
    s = Stepper(spec, x, y, TrainingSpec(learning_rate=20.0, batch_size=0), InitSpec("xavier"))
    log = TrainingLog(2)
    run = TrainingRun(s, RunSettings(RunGoal("forever")), (x, y), None, log)
    run.advance()  # (the first slice is one stepped iteration)
    slices = 0
    while (outcome := run.advance()) is None:
        slices += 1
        assert slices < 1000, "the run did not diverge"
    assert outcome.reason == DIVERGED and outcome.divergence is not None
    where = outcome.divergence.iteration  # 0-based: the iteration that made a NaN or ∞
    iterations = [int(i) for i in log.rows()[:, 0]]
    assert iterations == sorted(set(iterations))  # in order, none twice
    wanted = list(range(max(1, where - LAST_ROWS + 1), where + 1))  # the last complete iterations
    assert set(wanted) <= set(iterations), (where, iterations[-8:])
    assert max(iterations) <= where  # nothing past it
