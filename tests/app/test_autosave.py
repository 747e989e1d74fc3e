"""Autosave and recovery: unsaved work is written to the data folder; a session killed with SIGKILL leaves it
for the next start, which restores it exactly and marks it unsaved; a clean exit leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import numpy as np

from bpstudio.app.window.autosave import data_dir
from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.crash_recovery import autosave_file, left_by_a_crash, lock_file, recovered_project


def test_unsaved_work_is_autosaved_and_a_clean_exit_removes_it(window):
    w = window
    assert not w.autosave.save_now()  # nothing unsaved: nothing written
    w.actions_.finish.trigger()
    w.actions_.step.trigger()
    assert w.autosave.save_now() and autosave_file(data_dir()).exists() and lock_file(data_dir()).exists()
    saved = load_project(autosave_file(data_dir()))
    assert (saved.state.iteration, saved.state.position) == (1, 1)
    w.close()
    assert not autosave_file(data_dir()).exists() and not lock_file(data_dir()).exists()


CRASHING = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from bpstudio.app.window.main_window import MainWindow
    from bpstudio.engine import load_project
    from bpstudio.engine.resource_files import example_path
    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    w.show()
    for _ in range(3):
        w.actions_.finish.trigger()
    w.actions_.step.trigger()
    w.actions_.step.trigger()
    assert w.autosave.save_now()
    print("saved", flush=True)
    time.sleep(60)
""")


def test_a_killed_session_is_offered_back_exactly(qtbot):
    child = subprocess.Popen([sys.executable, "-c", CRASHING], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ))
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "saved"
    finally:
        child.send_signal(signal.SIGKILL)  # no clean exit: the lock stays
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    path = left_by_a_crash(data_dir())
    assert path == autosave_file(data_dir())
    project = recovered_project(path)
    assert project is not None
    w = MainWindow(load_project(example_path("xor_tanh")), threaded=False)
    qtbot.addWidget(w)
    w.show()
    w.files.open_recovered(project)
    reference = load_project(example_path("seed003_2-2-1")).stepper()
    for _ in range(3):
        reference.finish_iteration()
    reference.step()
    expected = reference.step()
    assert w.state.snapshot.position == 2 and w.state.snapshot.iteration == 3
    for key, value in expected.arrays.items():
        np.testing.assert_array_equal(w.state.snapshot.arrays[key], value)
    assert w.files.dirty and w.windowTitle().endswith("*")  # restored work is not in any file yet
    w.close()
    assert left_by_a_crash(data_dir()) is None


def test_no_offer_while_the_session_that_wrote_it_runs(window):
    window.actions_.finish.trigger()
    assert window.autosave.save_now()
    assert left_by_a_crash(data_dir()) is None  # its own lock, a live process: not a crash
