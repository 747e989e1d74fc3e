"""What the units' maps cost, on the spiral example (2-16-16-3, batch 32).

  map set     — the engine's ``unit_fields``: every unit's activation on the 24 × 24 grid, one forward pass
                (median over many calls); and the decision field with and without the maps (``network_field``);
  training    — a full-speed ``TrainingRun`` (the child process's loop: its log rows and a decision field at most
                5 times a second) in iterations per second, with the maps and without (the maps patched out),
                in alternating rounds (this shared machine changes speed every few seconds);
  window      — the GUI thread: turning one field's maps into pictures (``render_maps``, 2 + 35 QImages), one
                repaint of the canvas with its maps at 1440 × 900; then, during a full-speed run of the real
                window, in rounds alternating with the maps followed and not (the canvas ignoring new fields),
                the longest event-loop stall (target ≤ 16 ms) and the map sets drawn a second.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_unit_maps.py [seconds]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_studio import StallProbe, open_window, run_for, wait_until  # noqa: E402 - first: a throwaway home
from PySide6.QtWidgets import QApplication  # noqa: E402

import bpstudio.engine.decision_field as decision_module  # noqa: E402
from bpstudio.app.network.unit_map_images import render_maps  # noqa: E402
from bpstudio.engine import load_project  # noqa: E402
from bpstudio.engine.decision_field import input_plane, network_field  # noqa: E402
from bpstudio.engine.resource_files import example_path  # noqa: E402
from bpstudio.engine.run_settings import RUNNING, RunGoal, RunSettings  # noqa: E402
from bpstudio.engine.training_log import TrainingLog  # noqa: E402
from bpstudio.engine.training_run import TrainingRun  # noqa: E402
from bpstudio.engine.unit_fields import unit_fields  # noqa: E402

ROUNDS = 5


def median_ms(call, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def training_rate(project, seconds: float, maps: bool) -> float:
    """Iterations a second of a full-speed run, as the child process runs it (without the pipe)."""
    decision_module.unit_fields = unit_fields if maps else (lambda *args, **kwargs: None)  # type: ignore[assignment]
    try:
        stepper = project.stepper()
        train, test = project.split()
        run = TrainingRun(stepper, RunSettings(RunGoal("forever")), (train.x.T, train.y.T), None,
                          TrainingLog(project.network.depth))
        start, first = time.perf_counter(), stepper.completed_iterations
        while time.perf_counter() - start < seconds:
            run.advance()
        return (stepper.completed_iterations - first) / (time.perf_counter() - start)
    finally:
        decision_module.unit_fields = unit_fields


def window_costs(app: QApplication, project, seconds: float) -> tuple[float, float, list[tuple[bool, float, float]]]:
    """(render_maps ms, canvas repaint ms, [(maps followed, longest stall ms, map sets drawn a second)])."""
    window = open_window(app, project)
    wait_until(app, lambda: bool(window.canvas.unit_maps.images))
    field = window.controller.field
    assert field is not None and field.units is not None
    render = median_ms(lambda: render_maps(field.units, "softmax"), 50)
    repaint = median_ms(window.canvas.viewport().repaint, 20)
    c = window.controller
    c.run(RunSettings(RunGoal("forever")))
    wait_until(app, lambda: c.run_status.state == RUNNING)
    start = time.perf_counter()
    run_for(app, 1.0)  # under way
    maps, drawn, follow = window.canvas.unit_maps, [0], type(window.canvas.unit_maps).set_field
    real_render = maps._render

    def counted_render() -> None:
        drawn[0] += 1
        real_render()

    maps._timer.timeout.disconnect()
    maps._timer.timeout.connect(counted_render)
    rows = []
    for r in range(2 * ROUNDS):
        on = r % 2 == 0
        maps.set_field = (lambda field: follow(maps, field)) if on else (lambda field: None)  # type: ignore[method-assign]
        probe, first, start = StallProbe(), drawn[0], time.perf_counter()
        probe.start()
        try:
            run_for(app, seconds)
        finally:
            stall = probe.stop()
        rows.append((on, stall, (drawn[0] - first) / (time.perf_counter() - start)))
    c.stop()
    wait_until(app, lambda: not c.running and not c.busy)
    window.close()
    return render, repaint, rows


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    project = load_project(example_path("spiral_softmax"))
    stepper = project.stepper()
    stepper.run_iterations(100)
    train, _ = project.split()
    plane, plan, params = input_plane(train.x), stepper.plan, stepper.parameters
    maps = median_ms(lambda: unit_fields(plan, params, plane), 300)
    with_maps = median_ms(lambda: network_field(plan, params, plane), 50)
    decision_module.unit_fields = lambda *args, **kwargs: None  # type: ignore[assignment]
    without = median_ms(lambda: network_field(plan, params, plane), 50)
    decision_module.unit_fields = unit_fields
    print(f"spiral 2-16-16-3, {train.x.shape[0]} samples, batch {project.training.batch_size}")
    print()
    print(f"{'engine':<44} {'ms':>8}")
    print(f"{'map set (unit_fields, 24 × 24, 35 units)':<44} {maps:>8.3f}")
    print(f"{'decision field 80 × 80 without maps':<44} {without:>8.3f}")
    print(f"{'decision field 80 × 80 with maps':<44} {with_maps:>8.3f}")
    print()
    print(f"{'round':<7} {'with maps it/s':>15} {'without it/s':>13} {'ratio':>7}")
    pairs = []
    for r in range(ROUNDS):
        first = r % 2 == 0  # which goes first alternates too
        a = training_rate(project, seconds, maps=first)
        b = training_rate(project, seconds, maps=not first)
        on, off = (a, b) if first else (b, a)
        pairs.append((on, off))
        print(f"{r + 1:<7} {on:>15.0f} {off:>13.0f} {on / off:>7.3f}")
    ratios = sorted(on / off for on, off in pairs)
    print(f"{'median':<7} {statistics.median(p[0] for p in pairs):>15.0f} "
          f"{statistics.median(p[1] for p in pairs):>13.0f} {statistics.median(ratios):>7.3f}")
    print()
    app = QApplication.instance() or QApplication(sys.argv)
    render, repaint, rows = window_costs(app, project, seconds)
    print(f"{'window (GUI thread)':<44} {'ms':>8} {'target':>7}")
    print(f"{'render_maps: one field to 37 QImages':<44} {render:>8.2f} {'≤16':>7}")
    print(f"{'canvas repaint with maps, 1440 × 900':<44} {repaint:>8.2f} {'≤16':>7}")
    print()
    print(f"{'full-speed run, round':<24} {'maps':>6} {'stall ms':>9} {'target':>7} {'map sets/s':>11}")
    for r, (on, stall, rate) in enumerate(rows):
        print(f"{r + 1:<24} {'on' if on else 'off':>6} {stall:>9.1f} {'≤16':>7} {rate:>11.1f}")
    for on in (True, False):
        stalls = [s for o, s, _ in rows if o == on]
        print(f"{'median, maps ' + ('on' if on else 'off'):<31} {statistics.median(stalls):>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
