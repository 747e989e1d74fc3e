"""How quickly the training plots refresh: the window calls them up to 40 times a second during a run (the
throttle's limit for new rows), and the target is a median frame (refresh plus repaint) under 33 ms — 30 frames a
second — even with hundreds of thousands of rows.

For logs of 1 000, 100 000 and 500 000 rows (a 3-layer network's columns; a smooth, noisy decay as a
long run logs it) and for an 80 × 80 decision field of the spiral example, over N calls:

  * ``refresh``: one row appended, then ``refresh()`` (or ``set_field``) alone;
  * ``+ paint``: the same followed by one synchronous paint of the whole widget (``grab()``), which is
    what a frame costs: pyqtgraph's log mapping, autorange, peak downsampling and drawing included.

Exit code 1 if a median frame exceeds 33 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_plots.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# a throwaway home for settings and autosaves: the pictures and timings never depend on (or change) the user's
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = tempfile.mkdtemp(prefix="bpstudio-")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from bpstudio.app.training.data_view import DataView  # noqa: E402
from bpstudio.app.training.gradient_plot import GradientPlot  # noqa: E402
from bpstudio.app.training.loss_plot import LossPlot  # noqa: E402
from bpstudio.app.widgets.preview import example_training  # noqa: E402
from bpstudio.engine.backprop import Plan  # noqa: E402
from bpstudio.engine.decision_field import decision_field  # noqa: E402
from bpstudio.engine.training_log import TrainingLog, columns  # noqa: E402

CALLS = 30  # per measure: a second of refreshes at 30 per second
FRAME_MS = 1000 / 30
SIZES = (1_000, 100_000, 500_000)
LAYERS = 3


def long_run_rows(n: int, start: int = 0, seed: int = 0) -> np.ndarray:
    """Rows shaped like a long run's log: losses decaying with noise, accuracy rising, gradients shrinking."""
    rng = np.random.default_rng([seed, start])
    it = np.arange(start + 1, start + n + 1, dtype=np.float64)
    decay = 1.0 / (1.0 + it / 500.0)
    rows = np.empty((n, len(columns(LAYERS))))
    rows[:, 0] = it
    rows[:, 1] = it / 10.0
    rows[:, 2] = decay * np.exp(rng.normal(0.0, 0.2, n))
    rows[:, 3] = 1.3 * decay * np.exp(rng.normal(0.0, 0.2, n))
    rows[:, 4] = np.clip(1.0 - 0.5 * decay + rng.normal(0.0, 0.02, n), 0.0, 1.0)
    rows[:, 5] = np.clip(rows[:, 4] - 0.03, 0.0, 1.0)
    for l in range(LAYERS):
        rows[:, 6 + l] = 0.01 * decay * (l + 1) * np.exp(rng.normal(0.0, 0.3, n))
    rows[:, 6 + LAYERS:] = np.clip(0.5 * np.exp(rng.normal(0.0, 0.2, (n, len(columns(LAYERS)) - 6 - LAYERS))), 0, 1)
    return rows  # (the gradient-flow columns: ratios, parts and shares around ½)


def timed(action: Callable[[], object], widget: QWidget, paint: bool) -> list[float]:
    app = QApplication.instance()
    times = []
    for _ in range(CALLS):
        t = time.perf_counter()
        action()
        if paint:
            widget.grab()  # exactly one synchronous paint, autorange and downsampling included
        times.append((time.perf_counter() - t) * 1000)
        app.processEvents()  # what else is queued, outside the timing
    return times


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    rows: list[tuple[str, list[float], list[float]]] = []
    for cls, width, height in ((LossPlot, 800, 600), (GradientPlot, 800, 500)):
        for n in SIZES:
            log = TrainingLog(LAYERS)
            log.append(long_run_rows(n))
            widget = cls()
            widget.resize(width, height)
            widget.show()
            widget.set_log(log)
            widget.grab()
            app.processEvents()

            def step(log=log, widget=widget) -> None:
                log.append(long_run_rows(1, len(log)))
                widget.refresh()

            alone = timed(step, widget, paint=False)
            framed = timed(step, widget, paint=True)
            rows.append((f"{cls.__name__}.refresh, {n:,} rows", alone, framed))
            widget.close()

    project, stepper, _ = example_training("spiral_softmax", iterations=600, probes=1)
    view = DataView()
    view.resize(700, 600)
    view.show()
    view.set_data(*project.split())
    plan = Plan.of(project.network)
    fields = [decision_field(plan, stepper.parameters, view.extent)]
    for _ in range(3):  # a few different fields, as a run produces them
        stepper.run_iterations(20)
        fields.append(decision_field(plan, stepper.parameters, view.extent))
    counter = iter(range(10**9))

    def field_step() -> None:
        view.set_field(fields[next(counter) % len(fields)])

    rows.append(("DataView.set_field, 80 × 80, 3 classes", timed(field_step, view, False),
                 timed(field_step, view, True)))
    view.close()

    print(f"{'what':<42} {'refresh median':>15} {'max':>8} {'+ paint median':>15} {'max':>8}   (ms, {CALLS} calls)")
    worst = 0.0
    for name, alone, framed in rows:
        worst = max(worst, statistics.median(framed))
        print(f"{name:<42} {statistics.median(alone):>15.2f} {max(alone):>8.2f} "
              f"{statistics.median(framed):>15.2f} {max(framed):>8.2f}")
    ok = worst <= FRAME_MS
    print(f"slowest median frame {worst:.1f} ms: {'within' if ok else 'OVER'} the {FRAME_MS:.0f} ms of 30 frames/s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
