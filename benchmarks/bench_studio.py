"""Studio responsiveness on a 784-128-64-10 network, batch 64.

Measures, in the real main window (engine in its worker thread):
  1. step → panels repainted: from triggering "Step stage" until the views have their new state
     and the event loop has painted what they marked dirty, for each stage of two iterations;
  2. time spent in each view's set_state;
  3. the longest stall of the UI event loop while the worker computes (a 1 ms timer probe),
     during stepping and during a long run.
Targets: repaint ≤ 30 ms; stall ≤ 16 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_studio.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# a throwaway home for settings and autosaves: the pictures and timings never depend on (or change) the user's
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = tempfile.mkdtemp(prefix="bpstudio-")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from bpstudio.app.window.main_window import MainWindow  # noqa: E402
from bpstudio.app.window.project_files import ProjectFiles  # noqa: E402

ProjectFiles.ask = lambda self: QMessageBox.StandardButton.Discard  # windows here close without asking
from bpstudio.engine import Project  # noqa: E402
from bpstudio.engine.examples import wide_project  # noqa: E402

REPAINT_TARGET_MS = 30.0
STALL_TARGET_MS = 16.0


def mnist_shaped_project(samples: int = 640) -> Project:
    return wide_project(samples=samples, batch_size=64, init="xavier", learning_rate=0.05, shuffle=True)


def open_window(app: QApplication, project: Project, size: tuple[int, int] = (1440, 900)) -> MainWindow:
    """The real main window on ``project``, its engine in its thread, shown and with its first state."""
    window = MainWindow(project, threaded=True)
    window.resize(*size)
    window.show()
    wait_until(app, lambda: window.state is not None)
    return window


class StallProbe:
    """A 1 ms timer: the gap between its ticks beyond 1 ms is how long the event loop was blocked."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0)

    def _tick(self) -> None:
        self.gaps.append(self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()


def run_for(app: QApplication, seconds: float) -> None:
    """The real event loop for ``seconds``, with no timer of the benchmark's own: ``wait_until``'s 1 ms check
    woke the window ~800 times a second, and each wake-up took a core from the training process."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(app: QApplication, condition, timeout: float = 30.0) -> None:
    """Run the real event loop (which sleeps in Qt, releasing the GIL, as the app does) until
    ``condition`` holds. A Python loop around processEvents would compete with the worker."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(1)
    check.timeout.connect(lambda: loop.quit() if condition() else None)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    check.start()
    if not condition():
        loop.exec()
    check.stop()
    if not condition():
        raise TimeoutError("the worker did not answer")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = open_window(app, mnist_shaped_project(), (1280, 800))
    wait_until(app, lambda: not window.controller.busy and not window.render_pending)

    view_times: dict[str, list[float]] = {type(v).__name__: [] for v in window.views}
    def timed(original, name: str):
        def wrapper(state) -> None:
            t = time.perf_counter()
            original(state)
            view_times[name].append((time.perf_counter() - t) * 1000)

        return wrapper

    for view in window.views:  # time each view's set_state inside the real render
        view.set_state = timed(view.set_state, type(view).__name__)  # type: ignore[method-assign]

    repaint_ms: list[tuple[str, float]] = []
    done = {"t": 0.0}

    def rendered() -> None:  # the window's render slice has given the views their state
        done["t"] = time.perf_counter()

    window.renderer.sliceRendered.connect(lambda _views: None if window.render_pending else rendered())
    probe = StallProbe()
    probe.start()
    stall_first = 0.0
    for i in range(32):  # four iterations of 8 stages; the first one pays one-time costs
        if i == 8:
            stall_first = probe.stop()
            probe.start()
        done["t"] = 0.0
        t0 = time.perf_counter()
        window.actions_.step.trigger()
        wait_until(app, lambda: done["t"] > 0 and not window.controller.busy)
        app.processEvents()  # the paint the views asked for (update() → one UpdateRequest) happens here
        stage = window.state.snapshot.stage.name if window.state.snapshot.stage else "-"
        repaint_ms.append((stage, (time.perf_counter() - t0) * 1000))
    stall_stepping = probe.stop()

    probe.start()
    window.controller.run_iterations(300)
    wait_until(app, lambda: not window.controller.busy, timeout=120)
    stall_running = probe.stop()
    window.close()

    print("BP Studio · studio responsiveness · 784-128-64-10, batch 64, offscreen"
          if os.environ.get("QT_QPA_PLATFORM") == "offscreen" else "BP Studio · studio responsiveness")
    print()
    print(f"{'stage':<14} {'iteration 1 (ms)':>17} {'iterations 2–4, median (ms)':>28}")
    for i in range(8):
        later = [repaint_ms[i + 8 * k][1] for k in (1, 2, 3)]
        print(f"{repaint_ms[i][0]:<14} {repaint_ms[i][1]:>17.1f} {statistics.median(later):>28.1f}")
    first = [ms for _, ms in repaint_ms[:8]]
    values = [ms for _, ms in repaint_ms[8:]]
    p90 = sorted(values)[int(0.9 * (len(values) - 1))]
    print()
    print(f"{'measure':<48} {'median':>7} {'p90':>7} {'max':>7} {'target':>7} {'ok':>4}")
    rows = [
        ("step → panels repainted, first iteration (ms)", statistics.median(first), None, max(first), None),
        ("step → panels repainted, iterations 2–4 (ms)", statistics.median(values), p90, max(values),
         REPAINT_TARGET_MS),
    ]
    for name, times in view_times.items():
        if times:
            rows.append((f"  {name}.set_state (ms)", statistics.median(times), None, max(times), None))
    rows.append(("event-loop stall, stepping, first iteration (ms)", None, None, stall_first, None))
    rows.append(("event-loop stall, stepping, iterations 2–4 (ms)", None, None, stall_stepping, STALL_TARGET_MS))
    rows.append(("event-loop stall during a 300-iteration run (ms)", None, None, stall_running, STALL_TARGET_MS))
    ok_all = True

    def cell(v: float | None) -> str:
        return "" if v is None else f"{v:.1f}"

    for label, med, pct, worst, target in rows:
        ok = "" if target is None else ("yes" if worst <= target else "NO")
        ok_all &= ok != "NO"
        print(f"{label:<48} {cell(med):>7} {cell(pct):>7} {cell(worst):>7} "
              f"{'' if target is None else f'{target:.0f}':>7} {ok:>4}")
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
