"""Save, Save As and unsaved work: the title marks changes, a save writes the current weights atomically and
keeps the replaced version as .bak, and opening another project or closing asks first (Cancel keeps all)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from bpstudio.app.window.main_window import MainWindow
from bpstudio.app.window.project_files import ProjectFiles
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path

Button = QMessageBox.StandardButton


def answer(monkeypatch, button) -> list:
    asked = []
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: asked.append(1) or button)
    return asked


def test_save_writes_where_training_got_to_and_reopens_exactly(qtbot, window, tmp_path):
    w = window
    assert not w.files.dirty and not w.windowTitle().endswith("*")
    for _ in range(2):
        w.actions_.finish.trigger()
    w.actions_.step.trigger()
    w.actions_.step.trigger()  # iteration 3, two stages in
    assert w.files.dirty and w.windowTitle().endswith(" *")
    path = tmp_path / "mine.bpsproj"
    assert w.files.save_to(path)
    assert not w.files.dirty and w.windowTitle() == f"BP Studio — {w.state.project.name} (mine.bpsproj)"
    saved = load_project(path)
    example = load_project(example_path("seed003_2-2-1"))
    for (W, b), (We, be) in zip(saved.parameters, example.parameters, strict=True):  # Reset: as it was
        np.testing.assert_array_equal(W, We)
        np.testing.assert_array_equal(b, be)
    assert (saved.state.iteration, saved.state.position) == (2, 2)
    again = MainWindow(saved, threaded=False)  # reopened: every number as it was, the curves too
    qtbot.addWidget(again)
    assert again.state.snapshot.position == 2 and again.state.snapshot.iteration == 2
    for key, value in w.state.snapshot.arrays.items():
        np.testing.assert_array_equal(again.state.snapshot.arrays[key], value)
    np.testing.assert_array_equal(again.controller.log.rows(), w.controller.log.rows())
    again.actions_.reset.trigger()
    start = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    qtbot.addWidget(start)
    np.testing.assert_array_equal(again.state.snapshot.get("W", 1), start.state.snapshot.get("W", 1))
    first = path.read_text(encoding="utf-8")
    w.actions_.finish.trigger()
    w.files.save_action.trigger()  # Save writes back to the same file, keeping the old one
    assert (tmp_path / "mine.bpsproj.bak").read_text(encoding="utf-8") == first
    assert path.read_text(encoding="utf-8") != first and not w.files.dirty
    again.close()
    start.close()


def _to_iteration_3_stage_2(w) -> None:
    for _ in range(3):
        w.actions_.finish.trigger()
    w.actions_.step.trigger()
    w.actions_.step.trigger()
    assert (w.state.snapshot.iteration, w.state.snapshot.position) == (3, 2)


@pytest.mark.parametrize("how", ["open", "recover"])
def test_reopening_in_a_window_on_the_same_example_restores_exactly_what_was_saved(qtbot, window, tmp_path, how):
    """After a restart the window shows the default example, whose network, data, weights and seed are the saved
    project's: opening (or restoring) it must not be taken for an edit of training settings and carry on from
    the example's start."""
    w = window
    _to_iteration_3_stage_2(w)
    expected = dict(w.state.snapshot.arrays)
    rows = w.controller.log.rows().copy()
    path = tmp_path / "mine.bpsproj"
    assert w.files.save_to(path)
    restarted = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    qtbot.addWidget(restarted)
    restarted.show()
    assert (restarted.state.snapshot.iteration, restarted.state.snapshot.position) == (0, 0)
    if how == "open":
        restarted.files.open_path(path)
    else:
        restarted.files.open_recovered(load_project(path))
    assert (restarted.state.snapshot.iteration, restarted.state.snapshot.position) == (3, 2)
    assert set(restarted.state.snapshot.arrays) == set(expected)
    for key, value in expected.items():
        np.testing.assert_array_equal(restarted.state.snapshot.arrays[key], value, err_msg=key)
    np.testing.assert_array_equal(restarted.controller.log.rows(), rows)
    assert restarted.files.dirty == (how == "recover")
    restarted.close()


def test_a_failed_save_says_so_and_keeps_the_work_marked(window, tmp_path):
    w = window
    w.actions_.finish.trigger()
    assert not w.files.save_to(tmp_path / "no such folder" / "x.bpsproj")
    assert "Could not save" in w.messages.text() and w.files.dirty


def test_opening_another_project_asks_and_cancel_keeps_everything(window, monkeypatch):
    w = window
    w.actions_.finish.trigger()
    before = w.state.snapshot
    asked = answer(monkeypatch, Button.Cancel)
    w.files.open_path(example_path("xor_tanh"))
    assert asked and w.state.snapshot is before and w.state.project.name != load_project(example_path("xor_tanh")).name
    answer(monkeypatch, Button.Discard)
    w.files.open_path(example_path("xor_tanh"))
    assert w.state.project.name == load_project(example_path("xor_tanh")).name and not w.files.dirty


def test_closing_with_unsaved_work_asks_and_save_writes_first(window, monkeypatch, tmp_path):
    w = window
    w.actions_.finish.trigger()
    answer(monkeypatch, Button.Cancel)
    w.close()
    assert w.isVisible() and w.controller._worker is not None  # still open, engine alive
    w.files.path = tmp_path / "closing.bpsproj"
    answer(monkeypatch, Button.Save)
    w.close()
    assert not w.isVisible() and (tmp_path / "closing.bpsproj").exists()


def test_nothing_unsaved_closes_without_asking(window, monkeypatch):
    asked = answer(monkeypatch, Button.Cancel)
    window.close()
    assert not asked and not window.isVisible()


def test_new_starts_an_untitled_project_after_asking(window, monkeypatch):
    w = window
    w.actions_.finish.trigger()
    asked = answer(monkeypatch, Button.Discard)
    w.window_actions.new.trigger()
    assert asked and w.state.project.name == "Untitled" and w.state.snapshot.iteration == 0
    assert w.files.path is None and not w.files.dirty
    from PySide6.QtWidgets import QToolBar

    toolbar = w.findChild(QToolBar, "fileToolbar")
    assert [a.objectName() for a in toolbar.actions()] == ["newProject", "openProject", "saveProject",
                                                           "exportSnapshot"]


BAD_FILES = {
    "newer version": lambda d: json.dumps(dict(d, version=99)),
    "truncated": lambda d: json.dumps(d)[: len(json.dumps(d)) // 2],
    "not JSON": lambda d: "\x89PNG\r\n\x1a\n binary",
    "empty": lambda d: "",
    "not a project": lambda d: json.dumps({"format": "something-else", "version": 1}),
    "bad saved state": lambda d: json.dumps(dict(d, version=2, state={"iteration": 0, "epoch": 0, "batch": 0,
                                                                       "position": 99, "parameters": []})),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_gets_a_message_and_the_work_stays(window, tmp_path, kind):
    w = window
    w.actions_.finish.trigger()
    before, title = w.state.snapshot, w.windowTitle()
    path = tmp_path / f"{kind}.bpsproj"
    path.write_text(BAD_FILES[kind](load_project(example_path("xor_tanh")).to_dict()), encoding="utf-8")
    w.files.open_path(path)
    text = w.messages.text()
    assert text.startswith(path.name) and ("is not a BP Studio project" in text or "cannot be opened" in text)
    assert not any(raw in text for raw in ("Expecting", "codec", "JSONDecodeError", "line 1 column"))
    assert w.state.snapshot is before and w.windowTitle() == title and w.files.dirty


def test_saving_asks_the_engine_thread_for_its_state_each_time(qtbot, tmp_path):
    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.state is not None and not w.controller.busy)
    for n in range(1, 4):
        w.actions_.finish.trigger()
        qtbot.waitUntil(lambda n=n: not w.controller.busy and w.state.snapshot.iteration == n - 1
                        and w.state.snapshot.position == 6)
        assert w.files.save_to(tmp_path / f"save{n}.bpsproj")
        assert load_project(tmp_path / f"save{n}.bpsproj").state.iteration == n - 1
    w.close()
