"""BPSTUDIO_STARTUP_PROBE=1: the app reports when its window is shown, then closes cleanly (bench_startup.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys


def test_startup_probe_prints_shown_time_and_exits_cleanly(tmp_path):
    env = dict(os.environ, BPSTUDIO_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "bpstudio", "gui"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    lines = re.findall(r"^bpstudio-startup shown=(\S+)$", done.stdout, re.MULTILINE)
    assert len(lines) == 1, done.stdout
    assert float(lines[0]) > 0
