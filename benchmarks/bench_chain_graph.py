"""The graph of one number on 784-128-64-10 (issue 15, item 1): how long until it appears.

Rows: the engine building the graph (forward pass, the backward and forward sweeps, the folds) for a weight of
layer 1 (the most paths: 64 × 10 × 10), of layer 2, of the output layer, a bias and a z entry; the Chain rule view
drawing it (scene, edges, sums) offscreen; and both together as a click costs them. Median of REPEATS runs on a
batch of 64. Target: build + draw under 50 ms. Exit code 1 if a row misses it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_chain_graph.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bpstudio.engine.chain_graph import graph_from_snapshot  # noqa: E402
from bpstudio.engine.entry_ref import EntryRef  # noqa: E402
from bpstudio.engine.examples import wide_project  # noqa: E402

TARGET_MS = 50.0
REPEATS = 15
ENTRIES = [EntryRef("W", 1, 5, 300), EntryRef("W", 2, 3, 7), EntryRef("W", 3, 2, 10), EntryRef("b", 1, 0),
           EntryRef("z", 2, 4, 0)]


def median_ms(run) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from bpstudio.app.chain.chain_view import ChainView
    from bpstudio.session.view_state import ViewState

    app = QApplication.instance() or QApplication(sys.argv)
    project = wide_project(samples=64)
    stepper = project.stepper()
    snap = stepper.snapshot()
    for _ in range(2 * project.network.depth + 1):  # to the end of the backward pass
        snap = stepper.step()
    view = ChainView()
    view.resize(840, 300)
    view.show()
    app.processEvents()
    view.set_state(ViewState(project, snap))
    print(f"{'entry':<12} {'engine ms':>10} {'view draw ms':>13} {'click ms':>9} {'paths':>7}  "
          f"target < {TARGET_MS:g} ms")
    failed = False
    for ref in ENTRIES:
        build = median_ms(lambda ref=ref: graph_from_snapshot(snap, ref, 0, project.training))
        draws, clicks = [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            view.show_entry(ref.quantity, ref.layer, ref.row, ref.col)
            app.processEvents()
            clicks.append((time.perf_counter() - start) * 1000)
            draws.append(view.draw_ms)
        draw, click = statistics.median(draws), statistics.median(clicks)
        assert view.graph is not None
        ok = click < TARGET_MS
        failed |= not ok
        print(f"{ref.label():<12} {build:>10.2f} {draw:>13.2f} {click:>9.2f} {view.graph.path_count:>7}  "
              f"{'ok' if ok else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
