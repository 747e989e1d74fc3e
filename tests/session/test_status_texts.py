"""What the window's status line and message strip say about a state, without a window."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.divergence_texts import divergence_text
from bpstudio.session.status_texts import where_text
from bpstudio.session.view_state import ViewState


def test_where_the_iteration_is_counted_from_one():
    project = load_project(example_path("seed003_2-2-1"))
    stepper = project.stepper()
    assert where_text(ViewState(project, stepper.snapshot()), 4) == (
        "Ready · next: forward, layer 1 · iteration 1 · epoch 1")
    said = [where_text(ViewState(project, stepper.step()), 4) for _ in range(6)]
    assert said[0] == "Forward · layer 1 of 2 · iteration 1 · epoch 1"
    assert said[2].startswith("Loss · iteration 1 · epoch 1 · L = 0.")
    assert said[5] == "Update · iteration 1 · epoch 1"


def test_divergence_is_named_with_the_array_and_the_stage():
    project = load_project(example_path("seed003_2-2-1"))
    snap = project.stepper().step()
    assert divergence_text(snap) is None
    key = sorted(snap.changed)[0]
    arrays = dict(snap.arrays)
    arrays[key] = np.full_like(arrays[key], np.nan)
    text = divergence_text(replace(snap, arrays=arrays))
    assert key == "L1/a"
    assert text is not None and text.startswith("Training has diverged: a¹ became too large to compute (infinite, or "
                                                "NaN: not a number) in iteration 1, in the forward pass.")
    assert key not in text and "holds" not in text
    stepper = project.stepper()
    for _ in range(3):
        snap = stepper.step()
    assert snap.stage.kind == "loss"
    arrays = dict(snap.arrays, losses=np.full_like(snap.arrays["losses"], np.inf))
    text = divergence_text(replace(snap, arrays=arrays, changed=frozenset({"losses"})))
    assert text is not None and text.startswith("Training has diverged: the loss became too large to compute")
    assert "losses" not in text and "(loss)" not in text
