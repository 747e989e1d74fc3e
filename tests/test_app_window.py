"""The window opens on the built-in example and steps it by its actions, showing the engine's numbers."""

from __future__ import annotations

import pytest

from bpstudio.app.launch import load_start_project
from bpstudio.app.main_window import MainWindow
from bpstudio.engine import load_project
from bpstudio.engine.trace import describe
from bpstudio.resources_path import example_path


@pytest.fixture
def window(qtbot):
    project, error = load_start_project(None)
    assert error is None
    w = MainWindow(project)
    qtbot.addWidget(w)
    w.show()
    return w


def test_opens_on_the_seed003_example(window):
    assert window.project.name == load_project(example_path("seed003_2-2-1")).name
    assert window.windowTitle() == f"BP Studio — {window.project.name}"
    assert window.statusBar().currentMessage().startswith("Ready · next: forward, layer 1 · iteration 1")
    assert "2-2-1" in window.summary.text()
    assert not window.back_action.isEnabled()


def test_actions_have_shortcuts_and_tooltips(window):
    for action, keys in ((window.step_action, "F11"), (window.back_action, "Shift+F11"),
                         (window.finish_action, "F5"), (window.reset_action, "Ctrl+R")):
        assert action.shortcut().toString() == keys
        assert keys in action.toolTip()


def test_stepping_shows_the_engine_numbers_and_where_we_are(window):
    reference = load_project(example_path("seed003_2-2-1")).stepper()
    window.step_action.trigger()
    snap = reference.step()
    assert window.statusBar().currentMessage() == "Forward · layer 1 of 2 · iteration 1 · epoch 1"
    shown = window.trace.toPlainText()
    assert "\n".join(describe(reference, snap, snap.stage)) in shown
    z1 = snap.get("z", 1)
    assert f"z¹ (2×4) = [[{z1[0, 0]:.2f}, {z1[0, 1]:.2f}" in shown  # 0.35, 0.55: W¹x + b¹ by hand
    window.step_action.trigger()
    window.step_action.trigger()
    reference.step()
    snap = reference.step()
    assert window.statusBar().currentMessage() == "Loss · iteration 1 · epoch 1"
    assert f"{snap.loss:.6g}" in window.summary.text()
    window.step_action.trigger()
    assert window.statusBar().currentMessage() == "Backward · layer 2 of 2 · iteration 1 · epoch 1"


def test_step_back_and_reset(window):
    window.step_action.trigger()
    window.step_action.trigger()
    assert window.back_action.isEnabled()
    window.back_action.trigger()
    assert window.statusBar().currentMessage() == "Forward · layer 1 of 2 · iteration 1 · epoch 1"
    window.finish_action.trigger()
    assert window.statusBar().currentMessage() == "Update · iteration 1 · epoch 1"
    assert window.stepper.complete
    window.step_action.trigger()
    assert window.statusBar().currentMessage() == "Forward · layer 1 of 2 · iteration 2 · epoch 2"  # full batch
    window.reset_action.trigger()
    assert window.stepper.snapshot().position == 0 and window.stepper.iteration == 0
    assert window.trace.toPlainText() == ""


def test_a_bad_start_project_falls_back_to_the_example_with_a_message(tmp_path):
    bad = tmp_path / "broken.bpsproj"
    bad.write_text("{ not json", encoding="utf-8")
    project, error = load_start_project(str(bad))
    assert project.name == load_project(example_path("seed003_2-2-1")).name
    assert error is not None and "not valid JSON" in error and "line 1" in error
