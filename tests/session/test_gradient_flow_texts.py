"""The Gradient flow tab's numbers without a window: the batch's while the backward pass has made δ with the weights
shown, the training log's last row otherwise, and the symbols of the notation in use."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import gradient_flow as gf
from bpstudio.engine import load_project
from bpstudio.engine.probe import probe_row
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.training_log import columns
from bpstudio.session.gradient_flow_texts import flow_numbers, number, upstream_symbol
from bpstudio.session.view_state import ViewState


def state_after(stages: int, name: str = "spiral_softmax"):
    project = load_project(example_path(name))
    s = project.stepper()
    for _ in range(stages):
        s.step()
    return project, s, ViewState(project, s.snapshot())


def test_in_the_backward_pass_the_batch_numbers_from_the_snapshots_delta():
    _, s, state = state_after(5)  # spiral: forward 1–3, loss, backward 3: δ³ only
    table = flow_numbers(state, None)
    assert "on this batch (32 samples)" in table.source
    assert table.lines == ("layer 2: δ² comes at backward 2", "layer 1: δ¹ comes at backward 1")
    s.step()  # backward 2: layer 2's numbers, from δ³, W³ and δ²
    snap = s.snapshot()
    table = flow_numbers(ViewState(state.project, snap), None)
    W, d3, d2 = snap.get("W", 3), snap.get("delta", 3), snap.get("delta", 2)
    up = np.linalg.norm(W.T @ d3)
    ratio, weights, gate = np.linalg.norm(d2) / np.linalg.norm(d3), up / np.linalg.norm(d3), np.linalg.norm(d2) / up
    dead = np.mean(np.all(snap.get("z", 2) <= 0, axis=1))
    assert table.lines[0] == (f"layer 2: ‖δ²‖/‖δ³‖ = {number(ratio)} = {number(weights)} (weights) × {number(gate)} "
                              f"(f′ gate); {100 * dead:.0f} % dead")
    assert table.layers == (2, 1) and table.flows[0] is None


def test_after_the_update_or_before_the_backward_pass_the_logs_last_row():
    project, s, _ = state_after(0)
    s.run_iterations(4)
    train, _ = project.split()
    row = probe_row(s.plan, s.parameters, 4, s.batches_per_epoch, (train.x.T, train.y.T), None)
    last = dict(zip(columns(3), row, strict=True))
    for stages in (0, 2):  # the start of iteration 5, and its forward pass
        state = ViewState(project, s.snapshot())
        table = flow_numbers(state, last)
        assert table.source == "After iteration 4, on the training set (the curves' last point):"
        assert table.lines[-1].startswith(f"layer 1: ‖δ¹‖/‖δ²‖ = {number(last['ratio_1'])} = ")
        assert [f.layer for f in table.flows if f is not None] == [1, 2]
        for _ in range(stages):
            s.step()
    s.finish_iteration()  # through the update: the snapshot's δ were made by the weights before it
    assert s.snapshot().stage.kind == "update"
    assert flow_numbers(ViewState(project, s.snapshot()), last).source.startswith("After iteration")
    assert flow_numbers(ViewState(project, s.snapshot()), None).source.startswith("Step through a backward pass")


def test_the_symbols_follow_the_notation():
    assert upstream_symbol(2, "column") == "(W³)ᵀδ³" and upstream_symbol(2, "row") == "δ³(W³)ᵀ"
    assert upstream_symbol(None, "column") == "(Wˡ⁺¹)ᵀδˡ⁺¹"
    assert gf.columns(3)[:2] == ("ratio_1", "ratio_2")
