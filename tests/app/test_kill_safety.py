"""kill -9 at any moment of a save: the project, its .bak and the autosave are each a whole version (the old or
the new), never part of one, and the temporary files a killed save leaves are gone after the next start. And the
whole way round: edit, step to iteration 3 stage 2, autosave, kill, start again, restore — exactly that comes back.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np

from bpstudio.app.window.autosave import data_dir
from bpstudio.app.window.launch import clean_up_after_a_crash
from bpstudio.app.window.main_window import MainWindow
from bpstudio.app.window.project_files import remember_file
from bpstudio.engine import load_project
from bpstudio.engine.examples import DEFAULT_EXAMPLE
from bpstudio.engine.resource_files import example_path
from bpstudio.session import crash_recovery

PADDING = 300_000  # characters of description: a save long enough to be killed in the middle of

SAVING = textwrap.dedent("""
    import itertools, sys
    from dataclasses import replace
    from pathlib import Path
    from bpstudio.engine import load_project, save_project
    from bpstudio.engine.resource_files import example_path
    from bpstudio.session import crash_recovery
    folder, start, padding = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    base = load_project(example_path("seed003_2-2-1"))
    print("ready", flush=True)
    for i in itertools.count(start):
        version = replace(base, name=f"v{i}", description=str(i % 10) * padding)
        save_project(folder / "mine.bpsproj", version, backup=True)
        crash_recovery.save(folder / "autosave", version)
""")


def version_of(path: Path) -> int:
    """The version a file holds, checking that it is whole (it loads, and every character of it is there)."""
    project = load_project(path)
    number = int(re.fullmatch(r"v(\d+)", project.name).group(1))
    assert project.description == str(number % 10) * PADDING
    return number


def temporary_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".tmp"))


def test_kill_9_during_saves_leaves_whole_files_and_the_next_start_removes_the_debris(tmp_path):
    folder, project, autosaves = tmp_path, tmp_path / "mine.bpsproj", tmp_path / "autosave"
    autosaves.mkdir()
    rng = random.Random(13)
    start, debris, versions = 0, 0, set()
    for _ in range(10):
        child = subprocess.Popen([sys.executable, "-c", SAVING, str(folder), str(start), str(PADDING)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.15, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
        if not project.exists():  # killed before the first save was whole: nothing was there before either
            assert not (folder / "mine.bpsproj.bak").exists()
            continue
        now = version_of(project)
        versions.add(now)
        bak = folder / "mine.bpsproj.bak"
        if bak.exists():
            assert version_of(bak) <= now  # the version the file had before
        auto = crash_recovery.autosave_file(autosaves)
        if auto.exists():
            assert version_of(auto) in (now - 1, now)
        debris += len(temporary_files(folder))
        # the next start: the app's clean-up (the autosave folder and the recent projects), then a save
        remember_file(project)
        crash_recovery.begin(autosaves)
        assert clean_up_after_a_crash() >= 0
        assert temporary_files(folder) == []
        assert version_of(project) == now  # the clean-up touches no whole file
        start = now + 1
    assert len(versions) >= 5 and debris > 0  # the kills did land in the middle of saves


def test_the_next_save_removes_what_a_killed_save_left_and_keeps_others(tmp_path):
    path = tmp_path / "mine.bpsproj"
    path.write_text("{}", encoding="utf-8")
    from bpstudio.engine.atomic_file import HOST, write_text_atomically

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = [tmp_path / f"mine.bpsproj.{dead.pid}-{HOST}.abcd1234.tmp",
            tmp_path / f"mine.bpsproj.bak.{dead.pid}.0f0f0f0f.tmp"]  # (a name from before names had the host)
    mine = tmp_path / f"mine.bpsproj.{os.getpid()}-{HOST}.abcd1234.tmp"  # this process's own write, going on
    other = tmp_path / "other.bpsproj.1.abcd1234.tmp"  # another file's
    notes = tmp_path / "mine.bpsproj.notes.tmp"  # not a name our writes make
    elsewhere = tmp_path / f"mine.bpsproj.{dead.pid}-0123abcd.abcd1234.tmp"  # another machine's, in a shared folder
    for p in (*left, mine, other, notes, elsewhere):
        p.write_text("partial", encoding="utf-8")
    write_text_atomically(path, "new", backup=True)
    assert not any(p.exists() for p in left)
    assert mine.exists() and other.exists() and notes.exists() and elsewhere.exists()  # (its pid is not ours to ask)
    assert path.read_text(encoding="utf-8") == "new" and (tmp_path / "mine.bpsproj.bak").read_text() == "{}"
    assert os.stat(path).st_ino != os.stat(tmp_path / "mine.bpsproj.bak").st_ino


CRASHING = textwrap.dedent("""
    import os, sys, time
    from dataclasses import replace
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from bpstudio.app.window.main_window import MainWindow
    from bpstudio.engine import load_project
    from bpstudio.engine.resource_files import example_path
    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    w.show()
    p = w.state.project
    w.edits.edit_project(replace(p, training=replace(p.training, learning_rate=0.25)), "learning rate")
    for _ in range(3):
        w.actions_.finish.trigger()
    w.actions_.step.trigger()
    w.actions_.step.trigger()
    snap = w.state.snapshot
    np.savez(sys.argv[1], iteration=snap.iteration, position=snap.position,
             **{k.replace("/", "_"): v for k, v in snap.arrays.items()})
    assert w.autosave.save_now()
    print("saved", flush=True)
    time.sleep(60)
""")


def test_edit_step_autosave_kill_restart_restore_gives_back_exactly_that(qtbot, tmp_path):
    expected_file = tmp_path / "expected.npz"
    child = subprocess.Popen([sys.executable, "-c", CRASHING, str(expected_file)], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "saved"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    expected = np.load(expected_file)
    assert (int(expected["iteration"]), int(expected["position"])) == (3, 2)
    # the restart, as ``launch`` does it: the default example, the clean-up, the offer, the restore
    clean_up_after_a_crash()
    crashed = crash_recovery.left_by_a_crash(data_dir())
    assert crashed is not None
    recovered = crash_recovery.recovered_project(crashed)
    assert recovered is not None
    w = MainWindow(load_project(example_path(DEFAULT_EXAMPLE)), threaded=False)
    qtbot.addWidget(w)
    w.show()
    w.files.open_recovered(recovered)
    snap = w.state.snapshot
    assert (snap.iteration, snap.position) == (3, 2)
    assert w.state.project.training.learning_rate == 0.25  # the edit came back too
    arrays = {k.replace("/", "_"): v for k, v in snap.arrays.items()}
    assert set(arrays) == set(expected.files) - {"iteration", "position"}
    for key, value in arrays.items():
        np.testing.assert_array_equal(value, expected[key], err_msg=key)
    assert w.files.dirty
    w.close()
