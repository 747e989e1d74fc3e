"""File ▸ New starts from a small clean template, not a copy of the open project; opening a wrong file checks the
file first (no Save/Discard question for a file that cannot be opened) and says in plain words what it is not."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox
from window_helpers import settle

from bpstudio.app.window.project_files import ProjectFiles
from bpstudio.engine import load_project, save_project
from bpstudio.engine.resource_files import example_path


def test_new_project_is_a_small_clean_template_not_the_open_project(qtbot, open_window):
    w = open_window("spiral_softmax")
    w.window_actions.new.trigger()
    settle(qtbot, w)
    project = w.state.project
    net = project.network
    assert (net.input_size, [lay.units for lay in net.layers], [lay.activation for lay in net.layers]) == \
        (2, [3, 1], ["tanh", "sigmoid"])
    assert net.loss == "binary_cross_entropy" and project.parameters is None and project.state is None
    assert project.data == {"generator": "moons", "params": {"n": 200, "noise": 0.1, "seed": 0}}
    assert project.training.epochs == 200 and project.description == ""
    assert w.windowTitle() == "BP Studio — Untitled" and w.state.snapshot.iteration == 0
    assert w.form.layer_units_box(1).value() == 3  # the form shows the template
    assert "template" in w.window_actions.new.toolTip()


BAD = {
    "picture.bpsproj": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xfb\xfb", "it is a picture"),
    "binary.bpsproj": (b"\x00\x01\xfb\xfc\xfd binary \xfb\x00", "it is not a text file"),
    "notes.bpsproj": (b"Some notes, not JSON at all\n", "it looks like a table"),
    "words.bpsproj": (b"just words\n", "not in the JSON form projects are saved in"),
    "other.bpsproj": (json.dumps({"name": "a settings file"}).encode(), "it holds JSON, but not a BP Studio project"),
    "empty.bpsproj": (b"", "the file is empty"),
    "broken.bpsproj": (b'{"format": "bpstudio-project", "version": 1,', "not in the JSON form"),
}


@pytest.mark.parametrize("name", BAD)
def test_a_wrong_file_is_checked_before_asking_and_said_in_plain_words(qtbot, window, tmp_path, monkeypatch, name):
    asked: list[bool] = []
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: asked.append(True) or QMessageBox.StandardButton.Discard)
    window.actions_.finish.trigger()  # unsaved training
    settle(qtbot, window)
    assert window.files.dirty
    data, words = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = window.state.snapshot
    window.files.open_path(path)
    text = window.messages.text()
    assert not asked  # a file that cannot be opened never asks about the work on screen
    assert text.startswith(f"{name} is not a BP Studio project: ") and words in text, text
    for raw in ("Expecting", "codec", "decode", "0xfb", "line 1", "column"):
        assert raw not in text
    assert window.state.snapshot is before and window.files.dirty


def test_a_good_file_asks_about_unsaved_work_after_the_check(qtbot, window, tmp_path, monkeypatch):
    asked: list[bool] = []
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: asked.append(True) or QMessageBox.StandardButton.Cancel)
    window.actions_.finish.trigger()
    settle(qtbot, window)
    path = tmp_path / "good.bpsproj"
    save_project(path, load_project(example_path("xor_tanh")))
    window.files.open_path(path)
    assert asked and window.state.project.name == load_project(example_path("seed003_2-2-1")).name  # Cancel kept it
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: QMessageBox.StandardButton.Discard)  # the window may close


def test_a_project_with_a_bad_value_keeps_the_field_in_the_message(qtbot, window, tmp_path):
    d = load_project(example_path("xor_tanh")).to_dict()
    d["training"]["learning_rate"] = -1
    path = tmp_path / "negative.bpsproj"
    path.write_text(json.dumps(d), encoding="utf-8")
    window.files.open_path(path)
    text = window.messages.text()
    assert text.startswith("negative.bpsproj is a BP Studio project, but it cannot be opened: ")
    assert "learning_rate" in text and str(path) not in text


def test_a_project_given_as_a_snapshot_says_which_menu_opens_it(qtbot, window, tmp_path):
    path = tmp_path / "project.npz"
    save_project(path, load_project(example_path("xor_tanh")))
    window.files.open_snapshot(path)
    assert window.messages.text() == ("project.npz is not a BP Studio snapshot: snapshots are .npz files saved with "
                                      "File ▸ Export. It looks like a project: open it with File ▸ Open project.")
