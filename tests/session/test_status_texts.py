"""What the window's status line and message strip say about a state, without a window."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.status_texts import divergence_text, where_text
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
    assert text is not None and key in text and "forward 1" in text and "iteration 1" in text
