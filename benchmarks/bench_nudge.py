"""The Nudge panel's work on 784-128-64-10, batch 64 (issue 15, item 2): for a weight of each layer, the base (the
engine's forward and backward pass), one nudge (a forward pass from the nudged layer up) and the curve of ΔL over
31 values of Δ (one forward pass of 31 × 64 columns). Target: each under 10 ms, so the panel works in the GUI thread.

    .venv/bin/python benchmarks/bench_nudge.py
"""

from __future__ import annotations

import statistics
import time

from bpstudio.engine import nudge as nd
from bpstudio.engine.examples import wide_project

TARGET_MS = 10.0
REPEATS = 30
DELTAS = nd.curve_deltas(1.0)


def timed(work) -> tuple[float, float]:
    """(best, median) of REPEATS runs, in ms, after one to warm up."""
    work()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append(1e3 * (time.perf_counter() - start))
    return min(times), statistics.median(times)


def main() -> None:
    snap = wide_project(samples=640, batch_size=64, init="xavier").stepper().snapshot()
    print("BP Studio · Nudge · 784-128-64-10, batch 64 · ms, best / median of", REPEATS)
    print(f"{'weight':<10} {'base':>14} {'nudge':>14} {'curve (31 Δ)':>16}")
    worst = 0.0
    for layer in (1, 2, 3):
        target = nd.Target(layer, "W", 3, 5)
        base = nd.from_snapshot(snap, target)
        rows = [timed(lambda t=target: nd.from_snapshot(snap, t)), timed(lambda b=base: nd.nudge(b, 0.1)),
                timed(lambda b=base: nd.curve(b, DELTAS))]
        worst = max(worst, *(best for best, _ in rows))
        print(f"W{layer}[3, 5]  " + "".join(f"{best:>8.2f} / {median:<5.2f}" for best, median in rows))
    print(f"worst best time {worst:.2f} ms (target ≤ {TARGET_MS:g} ms): {'ok' if worst <= TARGET_MS else 'OVER'}")


if __name__ == "__main__":
    main()
