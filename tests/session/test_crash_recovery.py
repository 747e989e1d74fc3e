"""The autosave's files without a window: a session's own lock or a live one is no crash; a dead one's is."""

from __future__ import annotations

import subprocess
import sys

from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session import crash_recovery as recovery


def test_only_a_dead_sessions_autosave_is_offered(tmp_path):
    project = load_project(example_path("seed003_2-2-1"))
    recovery.begin(tmp_path)
    recovery.save(tmp_path, project)  # (a failure raises, for the window to show)
    assert recovery.autosave_file(tmp_path).exists()
    assert recovery.left_by_a_crash(tmp_path) is None  # this session's own
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    recovery.lock_file(tmp_path).write_text(gone.stdout.strip(), encoding="utf-8")
    path = recovery.left_by_a_crash(tmp_path)
    assert path == recovery.autosave_file(tmp_path)
    restored = recovery.recovered_project(path)
    assert restored is not None and restored.name == project.name
    recovery.end(tmp_path)
    assert recovery.left_by_a_crash(tmp_path) is None and not any(tmp_path.iterdir())


def test_an_unreadable_autosave_restores_nothing(tmp_path):
    bad = recovery.autosave_file(tmp_path)
    bad.write_text("{ not json", encoding="utf-8")
    assert recovery.recovered_project(bad) is None


def test_a_failed_autosave_raises_for_the_window_to_show(tmp_path):
    recovery.autosave_file(tmp_path).mkdir()  # a folder where the file goes: the rename fails
    try:
        recovery.save(tmp_path, load_project(example_path("seed003_2-2-1")))
    except OSError:
        pass
    else:
        raise AssertionError("the failure was swallowed")
    assert [p.name for p in tmp_path.iterdir()] == ["autosave.bpsproj"]  # no temporary file left


def test_the_next_start_removes_what_a_killed_autosave_left(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f"autosave.bpsproj.{gone.stdout.strip()}.k1ll3d_x.tmp"
    left.write_text('{"format": "bpstudio-pro', encoding="utf-8")  # cut off mid-write
    recovery.begin(tmp_path)
    assert not left.exists() and recovery.lock_file(tmp_path).exists()

