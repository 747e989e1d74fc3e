"""Startup time: from starting the app to its main window painted with the first engine state.

Starts ``bpstudio gui`` several times for each target and waits for the line the app prints under
BPSTUDIO_STARTUP_PROBE=1 (``bpstudio-startup shown=<seconds since the process started>``), after which it closes.
Targets: "source" (.venv/bin/bpstudio) and "bundle" (the PyInstaller one-folder build, dist/bpstudio/bpstudio;
skipped when absent). Every run gets throwaway XDG_CONFIG_HOME / XDG_DATA_HOME (never the user's settings), and one
uncounted warm-up run per target pays for the disk cache first.

Display: the X server in DISPLAY if set; else an Xvfb :97 (1440x900x24) started here if Xvfb is installed; else
Qt's offscreen platform (said in the report: no real window system then).

Measured per run: "wall" = spawn → probe line, in this process (time.perf_counter); "shown" = the app's own figure,
from the kernel's start time of its process. PASS when every counted run's wall time is within the target.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--target-seconds 2.0] [--bundle PATH]

Always exits 0: it is a report.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = re.compile(r"bpstudio-startup shown=([0-9.]+)")
XVFB_DISPLAY = ":97"
RUN_TIMEOUT = 60.0


@dataclass
class Result:
    wall: list[float] = field(default_factory=list)
    shown: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def start_display() -> tuple[dict[str, str], str, subprocess.Popen | None]:
    """Environment additions for the app, a description, and the Xvfb process started here (if any)."""
    if os.environ.get("DISPLAY"):
        return {"QT_QPA_PLATFORM": "xcb"}, f"X server {os.environ['DISPLAY']} (xcb)", None
    xvfb = shutil.which("Xvfb")
    if xvfb:
        socket = Path("/tmp/.X11-unix") / f"X{XVFB_DISPLAY[1:]}"
        proc = subprocess.Popen([xvfb, XVFB_DISPLAY, "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None and not socket.exists():
            time.sleep(0.05)
        if proc.poll() is None and socket.exists():
            return ({"DISPLAY": XVFB_DISPLAY, "QT_QPA_PLATFORM": "xcb"},
                    f"Xvfb {XVFB_DISPLAY} 1440x900x24 started by this benchmark (xcb)", proc)
        stop(proc)
        note = f"Xvfb {XVFB_DISPLAY} did not start (display in use?)"
    else:
        note = "no DISPLAY and no Xvfb"
    return ({"QT_QPA_PLATFORM": "offscreen"},
            f"Qt offscreen platform ({note}): NOT a real window system, figures are indicative only", None)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_once(command: list[str], display_env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds to the probe line, the app's shown= seconds); raises RuntimeError when the run fails."""
    with tempfile.TemporaryDirectory(prefix="bpstudio-startup-") as home:
        env = dict(os.environ, **display_env, BPSTUDIO_STARTUP_PROBE="1",
                   XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"))
        with tempfile.TemporaryFile(mode="w+") as err:
            began = time.perf_counter()
            proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=err, text=True, bufsize=1)
            wall = shown = None
            eof = False
            try:
                with selectors.DefaultSelector() as sel:
                    sel.register(proc.stdout, selectors.EVENT_READ)
                    deadline = began + RUN_TIMEOUT
                    while shown is None and time.perf_counter() < deadline:
                        if not sel.select(deadline - time.perf_counter()):
                            continue
                        line = proc.stdout.readline()
                        if not line:  # the app ended without the line
                            eof = True
                            break
                        match = PROBE.search(line)
                        if match:
                            wall, shown = time.perf_counter() - began, float(match.group(1))
                if shown is None:
                    ended = proc.wait(5) if eof else None
                    raise RuntimeError(f"ended (exit code {ended}) without the probe line" if ended is not None
                                       else f"no probe line within {RUN_TIMEOUT:.0f} s")
                code = proc.wait(RUN_TIMEOUT)
                if code != 0:
                    raise RuntimeError(f"exit code {code} after the probe line")
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                stop(proc)
                err.seek(0)
                tail = err.read().strip().splitlines()[-5:]
                raise RuntimeError(f"{exc}; stderr: {' | '.join(tail) or '(empty)'}") from None
            finally:
                proc.stdout.close()
            return wall, shown


def bench(command: list[str], runs: int, display_env: dict[str, str]) -> Result:
    result = Result()
    for i in range(runs + 1):  # run 0 is the warm-up
        try:
            wall, shown = run_once(command, display_env)
        except RuntimeError as exc:
            result.failures.append(f"run {i}{' (warm-up)' if i == 0 else ''}: {exc}")
            continue
        label = "warm-up" if i == 0 else f"run {i}"
        print(f"  {label:8} wall {wall:6.3f} s   shown= {shown:6.3f} s", flush=True)
        if i:
            result.wall.append(wall)
            result.shown.append(shown)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="counted runs per target (default 5; plus a warm-up)")
    parser.add_argument("--target-seconds", type=float, default=2.0, help="the startup target (default 2.0)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "bpstudio" / "bpstudio",
                        help="the bundle's executable (default dist/bpstudio/bpstudio)")
    args = parser.parse_args()
    runs = max(1, args.runs)

    targets: list[tuple[str, Path]] = [("source", ROOT / ".venv" / "bin" / "bpstudio"), ("bundle", args.bundle)]
    display_env, display, xvfb = start_display()
    print("BP Studio startup benchmark: spawn → main window painted with its first engine state")
    print(f"display: {display}")
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"{runs} counted runs per target after one warm-up; target {args.target_seconds:.2f} s "
          "(PASS = every counted run's wall time within it)\n")
    results: dict[str, Result | str] = {}
    try:
        for name, exe in targets:
            if not (exe.is_file() and os.access(exe, os.X_OK)):
                results[name] = f"skipped: {exe} not found" + (" (build it with packaging/build.sh)"
                                                               if name == "bundle" else "")
                print(f"{name}: {results[name]}\n")
                continue
            print(f"{name}: {exe} gui")
            results[name] = bench([str(exe), "gui"], runs, display_env)
            print()
    finally:
        if xvfb is not None:
            stop(xvfb)

    header = f"{'target':8} {'runs':>4}  {'wall median':>11} {'min':>6} {'max':>6}  {'shown= median':>13}  result"
    print(header)
    print("-" * len(header))
    for name, res in results.items():
        if isinstance(res, str):
            print(f"{name:8} {'-':>4}  {res}")
            continue
        if res.wall:
            verdict = "PASS" if not res.failures and max(res.wall) <= args.target_seconds else "FAIL"
            print(f"{name:8} {len(res.wall):>4}  {statistics.median(res.wall):>10.3f}s {min(res.wall):>5.3f}s "
                  f"{max(res.wall):>5.3f}s  {statistics.median(res.shown):>12.3f}s  {verdict} "
                  f"(target {args.target_seconds:.2f} s)")
        else:
            print(f"{name:8} {0:>4}  no successful run  FAIL")
        for failure in res.failures:
            print(f"         failed {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
