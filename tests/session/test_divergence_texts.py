"""A network that stopped learning is named in plain words, with why (issue 14 item 11): softmax and cross-entropy
on the spiral at η = 1000 kill every ReLU unit and saturate the outputs; a network that learns gets no message."""

from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np

from bpstudio.engine import load_project
from bpstudio.engine.probe import probe_row
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.training_log import columns
from bpstudio.session.divergence_texts import STALLED_ROWS, stalled_text


def trained(name: str, learning_rate: float | None, rows: int = 3, every: int = 100):
    """(snapshot after the forward pass, gradient sizes of ``rows`` log rows ``every`` iterations apart)."""
    project = load_project(example_path(name))
    if learning_rate is not None:
        project = replace(project, training=replace(project.training, learning_rate=learning_rate))
    train, _ = project.split()
    stepper, names, depth = project.stepper(), columns(project.network.depth), project.network.depth
    logged = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # overflow on the way to dying
        for _ in range(rows):
            stepper.run_iterations(every)
            logged.append(probe_row(stepper.plan, stepper.parameters, stepper.completed_iterations,
                                    stepper.batches_per_epoch, (train.x.T, train.y.T), None))
        for _ in range(depth):
            snap = stepper.step()
    sizes = np.array(logged)[:, [names.index(f"grad_{l}") for l in range(1, depth + 1)]]
    return snap, sizes


def test_dead_relus_and_saturated_softmax_are_named():
    snap, sizes = trained("spiral_softmax", 1000.0)
    assert np.all(sizes == 0)
    text = stalled_text(snap, sizes)
    assert text is not None
    assert text.startswith("The network has stopped learning: the gradient ∂L/∂W of every layer has been 0 for the "
                           f"last {STALLED_ROWS} points of the loss curve")
    assert "All 16 units of layer 1 are dead: ReLU gives 0 for every sample, where its slope is 0." in text
    assert "All 16 units of layer 2 are dead" in text
    assert "The outputs are saturated: softmax gives 0 or 1 for every sample" in text
    assert text.endswith("lower η and reset (Ctrl+R).")


def test_a_network_that_learns_gets_no_message():
    snap, sizes = trained("spiral_softmax", None, every=20)
    assert np.all(sizes > 0)
    assert stalled_text(snap, sizes) is None
    dead_snap, dead_sizes = trained("spiral_softmax", 1000.0)
    assert stalled_text(dead_snap, dead_sizes[:STALLED_ROWS - 1]) is None  # too few points to say
