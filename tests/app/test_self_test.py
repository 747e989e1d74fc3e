"""``bpstudio --self-test`` passes on this installation, and names what failed when a check fails."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from bpstudio import self_test


def test_the_self_test_passes_headless():
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it goes offscreen by itself
    done = subprocess.run([sys.executable, "-m", "bpstudio", "--self-test"], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    for name, _ in self_test.CHECKS:
        assert f"ok   {name} (" in done.stdout
    assert "seed 000's δᴸ = [−0.032, 0.063]" in done.stdout
    assert "self-test passed: 8 checks" in done.stdout
    assert "3 exercise variants and their key written; a code gives its variant back" in done.stdout


def test_a_failing_check_is_named_and_the_others_still_run(monkeypatch):
    for var in ("QT_QPA_PLATFORM", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, os.environ.get(var, ""))  # run() sets them; they are restored after the test
    ran = []

    def broken(tmp):
        raise AssertionError("δᴸ = [0, 0]")

    def fine(tmp):
        ran.append(tmp.is_dir())
        return "fine"

    from PySide6.QtCore import QSettings

    from bpstudio.app.window import autosave

    monkeypatch.setattr(autosave, "data_dir", autosave.data_dir)  # run() points it elsewhere: put it back after
    monkeypatch.setattr(self_test, "CHECKS", [("engine", broken), ("exports", fine)])
    out = io.StringIO()
    try:
        assert self_test.run(out) == 1
    finally:  # the settings of later tests stay in the test session's folder
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])
    text = out.getvalue()
    assert "FAIL engine: δᴸ = [0, 0]" in text and "ok   exports" in text and ran == [True]
    assert text.rstrip().splitlines()[-1].startswith("self-test FAILED: engine (")
