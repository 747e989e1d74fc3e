"""A run that diverges inside a long fast slice still writes a training-log row for each of the last iterations
before the divergence, so the loss curve reaches the mark (however many iterations the slice held)."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine.nonfinite import LAST_ROWS
from bpstudio.engine.run_settings import RunGoal, RunSettings
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import DIVERGED, TrainingRun


def diverging() -> tuple[Stepper, TrainingRun, TrainingLog, np.ndarray, np.ndarray]:
    spec = NetworkSpec(1, (LayerSpec(16, "tanh"), LayerSpec(1, "identity")), "squared_error")
    x = np.linspace(-3.0, 3.0, 40)[None, :]
    y = np.sin(x)
    s = Stepper(spec, x, y, TrainingSpec(learning_rate=20.0, batch_size=0), InitSpec("xavier"))
    log = TrainingLog(2)
    return s, TrainingRun(s, RunSettings(RunGoal("forever")), (x, y), None, log), log, x, y


def run_out(run: TrainingRun, log: TrainingLog) -> tuple[int, list[int]]:
    """Run to the divergence; (its 0-based iteration, the iterations of the log's rows)."""
    slices = 0
    while (outcome := run.advance()) is None:
        slices += 1
        assert slices < 1000, "the run did not diverge"
    assert outcome.reason == DIVERGED and outcome.divergence is not None
    return outcome.divergence.iteration, [int(i) for i in log.rows()[:, 0]]


def test_the_last_iterations_before_a_divergence_have_their_rows() -> None:
    s, run, log, x, y = diverging()
    run.advance()  # (the first slice is one stepped iteration)
    where, iterations = run_out(run, log)
    assert iterations == sorted(set(iterations))  # in order, none twice
    wanted = list(range(max(1, where - LAST_ROWS + 1), where + 1))  # the last complete iterations
    assert set(wanted) <= set(iterations), (where, iterations[-8:])
    assert max(iterations) <= where  # nothing past it


@pytest.mark.parametrize("into", [0, 1, 2, 5])
def test_a_divergence_early_in_a_slice_still_has_the_rows_before_it(into: int, monkeypatch) -> None:
    """Slices of a fixed size, the divergence ``into`` iterations after a slice began: the rows of the last
    iterations before it (in the slice before) are written too, and none twice."""
    s, run, log, x, y = diverging()
    where, _ = run_out(run, log)  # where this network diverges
    s, run, log, x, y = diverging()
    run.advance()  # one stepped iteration: 1 done
    size = where - into - 1  # slices begin at 1, then where - into: the divergence comes ``into`` iterations in
    monkeypatch.setattr(run, "_slice_size", lambda rate: size)
    again, iterations = run_out(run, log)
    assert again == where
    assert iterations == sorted(set(iterations))
    wanted = list(range(max(1, where - LAST_ROWS + 1), where + 1))
    assert set(wanted) <= set(iterations), (into, where, iterations[-8:])
    assert max(iterations) <= where
