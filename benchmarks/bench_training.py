"""Training in the window against training headless, on the same network and data.

For each network, at full speed:
  headless  — the engine's fast path (``Stepper.run_iterations``), iterations per second, measured while
              the window's run is paused, in rounds alternating with the window's measurement;
  window    — the real main window (engine in its thread, every panel, the loss plot and the decision
              boundary live), a run "until stopped": iterations per second between the first and the last
              training-log rows to arrive in a window of time after a warm-up (rows come a few a second on
              784-128-64-10: counting the last row's iteration over the whole window was off by up to ±20 %), and
  plots/s   — how many times a second the plots were redrawn with new rows, in the same window; then
  stall     — the longest gap of a 1 ms timer in the window's event loop during the same run, measured
              in a second window of time (the probe's own wake-ups slow the run, so not during the first).
Targets: window ≥ 0.85 × headless; stall ≤ 16 ms; plots ≥ 30 a second.
Then, for each network at the slower speeds (every stage at 4 iterations a second, 30 and 1000 iterations a
second): the longest event-loop stall and how many states a second the panels showed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_training.py [seconds]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_studio import StallProbe, open_window, run_for, wait_until  # noqa: E402 - first: a throwaway home
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpstudio.app.window.main_window import MainWindow  # noqa: E402
from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Project, TrainingSpec, load_project  # noqa: E402
from bpstudio.engine.examples import wide_project  # noqa: E402
from bpstudio.engine.resource_files import example_path  # noqa: E402
from bpstudio.engine.run_settings import PAUSED, RUNNING, SPEEDS, RunGoal, RunSettings  # noqa: E402

RATIO_TARGET, STALL_TARGET_MS, PLOTS_TARGET = 0.85, 16.0, 30.0
ROUNDS = 5


def small_sgd() -> Project:
    spec = NetworkSpec(2, (LayerSpec(8, "tanh"), LayerSpec(8, "tanh"), LayerSpec(2, "softmax")), "cross_entropy")
    return Project(spec, {"generator": "moons", "params": {"n": 200, "noise": 0.1, "seed": 0}},
                   TrainingSpec(learning_rate=0.05, batch_size=1), InitSpec("xavier"), name="2-8-8-2, batch 1")


def cases() -> list[Project]:
    spiral = load_project(example_path("spiral_softmax"))
    wide = wide_project(samples=640, batch_size=64, init="xavier", learning_rate=0.05, shuffle=True)
    return [small_sgd(), spiral, wide]


def headless_rate(project: Project, seconds: float) -> float:
    s = project.stepper()
    s.run_iterations(20)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += s.run_iterations(200 if project.network.input_size < 100 else 20)
    return done / (time.perf_counter() - start)


def completed(window: MainWindow) -> int:
    last = window.controller.log.last
    return 0 if last is None else int(last["iteration"])


def window_rate(app: QApplication, project: Project, seconds: float, rounds: int
                ) -> tuple[list[tuple[float, float]], float, float]:
    """[(window it/s, headless it/s)] per round, the longest stall, plots per second.

    The window's run is paused while the headless engine is measured, round after round: this shared VM
    switches between two speeds (2× apart) every few seconds, so only rates measured close together
    compare."""
    window = open_window(app, project)
    c = window.controller
    settings = RunSettings(RunGoal("forever"))
    c.run(settings)
    wait_until(app, lambda: c.run_status.state == RUNNING and completed(window) > 0)
    pairs, plot_rates = [], []
    arrivals: list[tuple[float, int]] = []  # (when, iteration) of each new log row: rows come a few a second
    c.logChanged.connect(lambda: arrivals.append((time.perf_counter(), completed(window))))
    for _ in range(rounds):
        # throughput and plot rate without the probe (a 1 ms timer wakes the window 1000 times a
        # second, and the run gives way to the window each time it wakes)
        start_plots = window.training.plot_refreshes
        start = time.perf_counter()
        arrivals.clear()
        run_for(app, seconds)
        elapsed = time.perf_counter() - start
        seen: dict[int, float] = {}  # iteration → when its row arrived (a new field alone repeats it)
        for t, i in arrivals:
            seen.setdefault(i, t)
        i0, i1 = min(seen, default=0), max(seen, default=0)  # the rate between the first and last rows
        rate = (i1 - i0) / (seen[i1] - seen[i0]) if i1 > i0 else 0.0
        plot_rates.append((window.training.plot_refreshes - start_plots) / elapsed)
        c.pause()
        wait_until(app, lambda: c.run_status.state == PAUSED and not c.busy)
        pairs.append((rate, headless_rate(project, seconds)))
        c.run(settings, resume=True)
        wait_until(app, lambda: c.run_status.state == RUNNING)
    probe = StallProbe()
    start = time.perf_counter()
    probe.start()
    try:
        run_for(app, seconds)
    finally:
        stall = probe.stop()
    c.stop()
    wait_until(app, lambda: not c.running and not c.busy)
    window.close()
    return pairs, stall, statistics.median(plot_rates)


SLOW_SPEEDS = (1, 3, 5)  # indices into SPEEDS


def speed_stalls(app: QApplication, project: Project, seconds: float) -> list[tuple[str, float, float]]:
    """[(speed, longest stall in ms, panel states shown a second)] for a run at each of SLOW_SPEEDS."""
    window = open_window(app, project)
    c, shown, rows = window.controller, [0], []
    c.stateChanged.connect(lambda _: shown.__setitem__(0, shown[0] + 1))
    for speed in SLOW_SPEEDS:
        window.training.run_panel.speed_slider.setValue(speed)  # as a learner does (the window reads it too)
        c.run(RunSettings(RunGoal("forever"), speed=speed))
        wait_until(app, lambda: c.run_status.state == RUNNING)
        run_for(app, 0.5)  # under way
        probe, first, start = StallProbe(), shown[0], time.perf_counter()
        probe.start()
        try:
            run_for(app, seconds)
        finally:
            stall = probe.stop()
        rows.append((SPEEDS[speed].label, stall, (shown[0] - first) / (time.perf_counter() - start)))
        c.stop()
        wait_until(app, lambda: not c.running and not c.busy)
    window.close()
    return rows


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    app = QApplication.instance() or QApplication(sys.argv)
    rows = []
    for project in cases():
        pairs, stall, plots = window_rate(app, project, seconds, ROUNDS)
        ratios = sorted(w / h for w, h in pairs)
        window_median = statistics.median(w for w, _ in pairs)
        headless_median = statistics.median(h for _, h in pairs)
        rows.append((project.name, headless_median, window_median, ratios, stall, plots))
    print(f"{'network':<28} {'headless it/s':>14} {'window it/s':>12} {'ratio (median, range)':>22} {'target':>7} "
          f"{'stall ms':>9} {'target':>7} {'plots/s':>8} {'target':>7}")
    ok = True
    for name, headless, rate, ratios, stall, plots in rows:
        ratio = statistics.median(ratios)
        spread = f"{ratio:.2f} ({ratios[0]:.2f}–{ratios[-1]:.2f})"
        print(f"{name[:28]:<28} {headless:>14.0f} {rate:>12.0f} {spread:>22} {'≥0.85':>7} "
              f"{stall:>9.1f} {'≤16':>7} {plots:>8.1f} {'≥30':>7}")
        ok &= ratio >= RATIO_TARGET and stall <= STALL_TARGET_MS and plots >= PLOTS_TARGET
    print("all targets met" if ok else "some targets missed")
    print()
    print(f"{'network':<28} {'speed':<38} {'stall ms':>9} {'target':>7} {'states/s':>9}")
    for project in cases():
        for label, stall, states in speed_stalls(app, project, seconds):
            print(f"{project.name[:28]:<28} {label:<38} {stall:>9.1f} {'≤16':>7} {states:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
