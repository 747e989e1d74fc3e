"""Autosave and recovery: unsaved work is written to the data folder; a session killed with SIGKILL leaves it
for the next start, which restores it exactly and marks it unsaved; a clean exit leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np

from bpstudio.app.window.autosave import data_dir
from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.run_settings import RunGoal, RunSettings
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


def test_a_running_run_is_autosaved_without_pausing_it(qtbot, open_window):
    w = open_window(threaded=True)
    w.controller.run(RunSettings(RunGoal("forever")))  # full speed
    qtbot.waitUntil(lambda: w.controller.log.last is not None and w.controller.log.last["iteration"] >= 100,
                    timeout=20_000)
    assert not autosave_file(data_dir()).exists()
    w.autosave.save_now()  # the engine asks the run for its state; the autosave is written when it comes
    qtbot.waitUntil(lambda: autosave_file(data_dir()).exists(), timeout=10_000)
    assert w.controller.running  # the run went on
    saved = load_project(autosave_file(data_dir()))
    assert saved.state is not None and saved.state.iteration >= 100
    assert saved.state.log is not None and saved.state.log[-1, 0] >= 100
    w.controller.stop()
    qtbot.waitUntil(lambda: not w.controller.running and not w.controller.busy, timeout=10_000)


def test_a_failed_autosave_says_so_in_the_window(window):
    window.actions_.finish.trigger()
    autosave_file(data_dir()).mkdir(parents=True)  # a folder where the file goes: the rename fails
    try:
        assert not window.autosave.save_now()
        assert "Could not save your work automatically" in window.messages.text()
        assert window.messages.kind == "error"
    finally:
        autosave_file(data_dir()).rmdir()
    assert window.autosave.save_now()  # the next try succeeds
    assert load_project(autosave_file(data_dir())).stepper().completed_iterations == 1


RUNNING = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from bpstudio.app.window import autosave
    autosave.INTERVAL_MS = 500  # (every minute in the app)
    from bpstudio.app.window.main_window import MainWindow
    from bpstudio.engine import load_project
    from bpstudio.engine.resource_files import example_path
    from bpstudio.engine.run_settings import RunGoal, RunSettings
    from bpstudio.session.crash_recovery import autosave_file
    w = MainWindow(load_project(example_path("seed003_2-2-1")))
    w.show()
    w.controller.run(RunSettings(RunGoal("forever")))
    path = autosave_file(autosave.data_dir())
    while not (path.exists() and load_project(path).state.iteration >= 200):
        app.processEvents()
        time.sleep(0.01)
    assert w.controller.running
    print("saved", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.01)
""")


def test_a_session_killed_during_a_run_gives_back_the_training_it_autosaved(qtbot):
    child = subprocess.Popen([sys.executable, "-c", RUNNING], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ))
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "saved"
        time.sleep(1.5)  # more autosaves while it trains
    finally:
        child.send_signal(signal.SIGKILL)  # kill -9 in the middle of a run
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    path = left_by_a_crash(data_dir())
    assert path is not None
    project = recovered_project(path)
    assert project is not None and project.state is not None and project.state.iteration >= 200
    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    qtbot.addWidget(w)
    w.show()
    w.files.open_recovered(project)
    assert w.state.snapshot.iteration >= 200  # the training is back, not the example's start
    reference = load_project(example_path("seed003_2-2-1")).stepper()
    restored = project.stepper()
    reference.run_iterations(restored.completed_iterations)
    for (W, b), (Wr, br) in zip(restored.parameters, reference.parameters, strict=True):
        np.testing.assert_array_equal(W, Wr)
        np.testing.assert_array_equal(b, br)
    w.close()


def test_a_state_that_arrives_after_a_clean_exit_writes_no_autosave(window):
    window.actions_.finish.trigger()  # unsaved work: an autosave would be written
    project = window.state.project
    state = window.controller.fetch("state")
    window.autosave.finish()  # the window closes cleanly; an answer is still on its way
    window.controller.stateTaken.emit(project, state)
    assert not autosave_file(data_dir()).exists() and not lock_file(data_dir()).exists()
