"""File ▸ Export ▸ NumPy script… in the window: the menu action writes the script, which trains on from the
state on screen and prints the engine's own loss curve; a script that cannot be made says so where one looks."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtWidgets import QFileDialog

from bpstudio.app.window import export_actions
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.probe import probe_row
from bpstudio.engine.text import numpy_export


def export_menu_action(window, text: str):
    file_menu = window.menus.file
    export = next(a.menu() for a in file_menu.actions() if a.menu() is not None and a.text() == "E&xport")
    return next(a for a in export.actions() if a.text() == text)


def test_the_menu_action_writes_a_script_that_trains_on_from_the_screen(open_window, qtbot, tmp_path, monkeypatch):
    window = open_window("xor_tanh", threaded=True, stages=3)  # mid-iteration 1: forward, forward, loss
    path = tmp_path / "xor.py"
    asked = []

    def save_dialog(parent, title, where, pattern):
        asked.append((title, where, pattern))
        return str(path), pattern
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    export_menu_action(window, "NumPy script…").trigger()
    qtbot.waitUntil(path.exists, timeout=10_000)
    assert asked[0][0] == "Save NumPy script" and asked[0][1].endswith("_numpy.py")
    qtbot.waitUntil(lambda: "NumPy script saved to" in window.statusBar().currentMessage(), timeout=5_000)
    run = subprocess.run([sys.executable, "-I", str(path), "--json", "--epochs", "2"], capture_output=True,
                         text=True, timeout=120, check=True)
    printed = json.loads(run.stdout)
    # the engine's numbers for the same two epochs, from the same place: iteration 1, its stages under way
    project = resolve_project("xor_tanh")
    train, _ = project.split()
    stepper = project.stepper()
    batch_losses, train_losses = [], []
    for _ in range(2 * stepper.batches_per_epoch):
        snap = stepper.finish_iteration()
        batch_losses.append(repr(snap.loss))
        if snap.batch == stepper.batches_per_epoch - 1:
            row = probe_row(stepper.plan, stepper.parameters, 0, 1, (train.x.T, train.y.T), None)
            train_losses.append(repr(float(row[2])))
    assert [repr(v) for v in printed["batch_loss"]] == batch_losses
    assert [repr(v) for v in printed["train_loss"]] == train_losses
    assert repr(window.state.snapshot.loss) == batch_losses[0]  # the loss the window shows is the curve's first


def test_a_script_too_large_says_so_in_the_window(open_window, qtbot, tmp_path, monkeypatch):
    window = open_window(threaded=True)
    monkeypatch.setattr(numpy_export, "MAX_BYTES", 1_000)
    window.exports.numpy_to(tmp_path / "big.py")
    qtbot.waitUntil(lambda: "more than 0 MB" in window.messages.text(), timeout=10_000)
    assert not (tmp_path / "big.py").exists()


def test_a_failed_write_says_so_in_the_window(open_window, qtbot, tmp_path, monkeypatch):
    window = open_window(threaded=True)

    def boom(*_args, **_kwargs):
        raise OSError("the disk is full")
    monkeypatch.setattr(export_actions, "write_text_atomically", boom)
    window.exports.numpy_to(tmp_path / "net.py")
    qtbot.waitUntil(lambda: "Could not save net.py: the disk is full" in window.messages.text(), timeout=10_000)
