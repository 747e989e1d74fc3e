"""Weights that change fast (a run) are drawn without antialiasing, and smooth again once they stop."""

from __future__ import annotations

from bpstudio.engine.run_settings import RunGoal, RunSettings


def test_a_runs_weights_are_drawn_in_draft_and_smooth_once_it_stops(qtbot, open_window):
    w = open_window("spiral_softmax", threaded=True, size=(1440, 900))
    layers = w.canvas.drawn.edge_layers
    assert layers and not any(layer.draft for layer in layers.values())
    c = w.controller
    c.run(RunSettings(RunGoal("forever"), speed=3))  # 30 iterations a second: new weights at every state
    qtbot.waitUntil(lambda: any(layer.draft for layer in layers.values()), timeout=10000)
    c.stop()
    qtbot.waitUntil(lambda: not c.running and not c.busy, timeout=10000)
    qtbot.waitUntil(lambda: not any(layer.draft for layer in layers.values()), timeout=3000)  # settled: smooth
