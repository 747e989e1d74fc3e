"""Lesson 7 walks seed 004's chain on the Chain rule dock and tests it with the Nudge dock: its steps point at
those docks, and every answer it checks is the graph's own product of the factors it shows."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.engine.entry_ref import EntryRef

LESSON = "07_chain_graph_and_nudge"


@pytest.fixture
def window(open_window):
    return open_window(size=(1440, 900))


def type_answer(qtbot, panel, text: str) -> None:
    panel.answer.clear()
    qtbot.keyClicks(panel.answer, text)
    qtbot.keyClick(panel.answer, Qt.Key.Key_Return)


def test_the_chain_lesson_points_at_the_graph_and_the_nudge_and_checks_their_numbers(qtbot, window):
    w = window
    lessons, panel = w.lessons, w.lessons.panel
    next(a for a in lessons.start_actions if a.objectName() == f"startLesson_{LESSON}").trigger()
    assert panel.progress.text() == "Step 1 of 7" and panel.highlighter.panel == "network"
    lessons.next_action.trigger()

    # step 2: the Chain rule dock opened by the step (Ctrl+Shift+C toggles it), then forward twice and the loss
    assert panel.highlighter.panel == "chain" and not panel.next_button.isEnabled()
    chain = w.chain.graph
    assert chain.dock.toggleViewAction().shortcut().toString() == "Ctrl+Shift+C"
    qtbot.waitUntil(chain.dock.isVisible)
    for _ in range(3):
        w.actions_.step.trigger()
    qtbot.waitUntil(panel.next_button.isEnabled)
    lessons.next_action.trigger()

    # step 3: ∂C₀/∂w², the product of the graph's three edges: a¹ · σ′(z²) · 2(a² − y)
    view = chain.view
    qtbot.waitUntil(lambda: view.graph is not None and view.graph.ref == EntryRef("W", 2, 0, 0))
    (path,) = view.graph.paths
    snap = w.state.snapshot
    a1, a2 = snap.get("a", 1)[0, 0], snap.get("a", 2)[0, 0]
    np.testing.assert_allclose(path.factors, [a1, a2 * (1 - a2), 2 * (a2 - 1.0)], rtol=1e-15)
    type_answer(qtbot, panel, f"{path.product:.6f}")
    assert "Right!" in panel.feedback.text()
    assert panel.course.expected_value() == pytest.approx(view.graph.mean, abs=1e-15)
    lessons.next_action.trigger()

    # step 4: W1[1,1] typed in the dock: five edges, w² among them, the sensitivity passed back
    view.entry_edit.setText("W1[1,1]")
    qtbot.keyClick(view.entry_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.graph.ref == EntryRef("W", 1, 0, 0))
    (path,) = view.graph.paths
    assert len(path.factors) == 5 and 1.5 in path.factors
    type_answer(qtbot, panel, f"{path.product:.6f}")
    assert "Right!" in panel.feedback.text()
    lessons.next_action.trigger()

    # step 5: the backward pass; the ∂L/∂W¹ panel's entry is the graph's batch mean
    assert panel.highlighter.panel == "matrices" and not panel.next_button.isEnabled()
    for _ in range(2):
        w.actions_.step.trigger()
    qtbot.waitUntil(panel.next_button.isEnabled)
    assert w.state.snapshot.get("dW", 1)[0, 0] == pytest.approx(view.graph.mean, abs=1e-15)
    lessons.next_action.trigger()

    # steps 6 and 7: the Nudge dock; the numbers the lesson quotes are the dock's
    assert panel.highlighter.panel == "nudge"
    nudge = w.chain.nudge.view
    qtbot.waitUntil(w.chain.nudge.dock.isVisible)
    for delta, said in ((0.1, -0.01145), (1.0, -0.0871), (-1.0, 0.1479)):
        assert nudge.nudge_parameter(2, "W", 0, 0, delta)
        assert nudge.result.dloss == pytest.approx(said, abs=5e-5)
    assert nudge.nudge_parameter(1, "W", 0, 0, 0.1)
    assert nudge.result.dloss == pytest.approx(-0.00308, abs=5e-6)
    lessons.next_action.trigger()
    assert panel.highlighter.panel == "nudge" and panel.progress.text() == "Step 7 of 7"
