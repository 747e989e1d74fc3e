"""The Code panel (issue 16, item 1): the engine's loop as a program beside the Equations, the lines of the stage
just computed highlighted as the learner steps, the notation and the language followed, a variable's matrix on
hover, and the line that made a matrix on a click on its box's title."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QToolTip
from window_helpers import settle

from bpstudio.app.look import language, presentation
from bpstudio.app.window.code_dock import CodeDock

SPIRALS = "spiral_softmax"  # relu, relu, softmax + cross-entropy


def opened(w, qtbot) -> CodeDock:
    code = w.chain.code
    code.toggle.trigger()
    qtbot.waitUntil(lambda: code.view.isVisible() and not code.view.visibleRegion().isEmpty(), timeout=3000)
    return code


def current_code(code: CodeDock) -> list[str]:
    doc = code.view.editor.document()
    return [doc.findBlockByNumber(i).text().split("#")[0].strip() for i in code.view.current]


def visible(code: CodeDock, line: int) -> bool:
    editor = code.view.editor
    rect = editor.cursorRect(QTextCursor(editor.document().findBlockByNumber(line)))
    return editor.viewport().rect().contains(rect)


def step(w, qtbot, stages: int) -> None:
    for _ in range(stages):
        w.actions_.step.trigger()
        settle(qtbot, w)


def test_the_dock_is_hidden_until_asked_for_then_a_tab_of_the_plots(window, qtbot):
    w = window
    code = w.chain.code
    right = [w.findChild(QDockWidget, name) for name in ("equationDock", "stageDock")]
    before = [d.geometry() for d in right]
    low = w.training.loss_dock.height()
    assert code.dock.isHidden() and code.dock in w.chain.docks and w.chain.targets["code"][0] is code.dock
    assert code.toggle.shortcut().toString() == "Ctrl+Shift+P"
    assert code.toggle in w.menus.view.actions()  # listed in View
    opened(w, qtbot)
    assert code.dock in w.tabifiedDockWidgets(w.findChild(QDockWidget, "lossDock"))
    qtbot.waitUntil(lambda: code.dock.height() > low + 60, timeout=3000)  # the bottom row grown
    assert [d.geometry().width() for d in right] == [g.width() for g in before]  # the right column stays
    assert all(d.isVisible() and not d.visibleRegion().isEmpty() for d in right)  # the Equations on show
    assert code.dock.windowTitle() == "Code"


def test_stepping_highlights_the_lines_of_the_stage_just_computed(window, qtbot):
    w = window
    code = opened(w, qtbot)
    assert code.view.current == () and "forward 1" in code.view.header.text()  # nothing computed yet
    expected = {1: ["z1 = W1 @ x + b1", "a1 = 1.0 / (1.0 + np.exp(-z1))"],
                3: ["losses = 0.5 * np.sum((y - a2) ** 2, axis=0)", "loss = float(np.mean(losses))", "grad_a = a2 - y"],
                4: ["delta2 = grad_a * (a2 * (1.0 - a2))", "dW2 = (delta2 @ a1.T) / m",
                    "db2 = delta2.sum(axis=1, keepdims=True) / m"],
                6: ["W1 -= lr * dW1", "b1 -= lr * db1", "W2 -= lr * dW2", "b2 -= lr * db2"]}
    for position in range(1, 7):
        step(w, qtbot, 1)
        assert w.state.snapshot.position == position
        if position in expected:
            assert current_code(code) == expected[position]
        marks = code.view.editor.extraSelections()
        assert [m.cursor.blockNumber() for m in marks] == list(code.view.current)
        assert w.state.snapshot.stage.label in code.view.header.text()
        assert all(visible(code, i) for i in code.view.current)  # scrolled into view
    w.actions_.back.trigger()
    settle(qtbot, w)
    assert current_code(code)[0] == "delta1 = (W2.T @ delta2) * (a1 * (1.0 - a1))"  # back to backward 1


def test_the_program_is_the_projects_and_follows_the_notation(open_window, qtbot):
    w = open_window(SPIRALS, stages=5)  # backward 3, in presentation mode's large font too
    code = opened(w, qtbot)
    presentation.set_presentation(True)
    try:
        step(w, qtbot, 1)  # backward 2
        assert current_code(code)[0].startswith("delta2 = (W3.T @ delta3)")
        assert all(visible(code, i) for i in code.view.current)
    finally:
        presentation.set_presentation(False)
    w.actions_.reset.trigger()
    settle(qtbot, w)
    step(w, qtbot, 1)
    code = opened(w, qtbot)
    text = code.view.editor.toPlainText()
    assert "z3 = W3 @ a2 + b3" in text and "np.maximum(z1, 0.0)" in text and "delta3 = a3 - y" in text
    assert "np.tanh" not in text and "sigmoid" not in text and "lr = 0.2" in text
    w.notation_menu.set_notation("row")
    qtbot.waitUntil(lambda: 'Z1 = np.matmul(X, W1, order="F") + b1' in code.view.editor.toPlainText(), timeout=3000)
    assert 'dW3 = np.matmul(A2.T, delta3, order="F") / m' in code.view.editor.toPlainText()
    assert current_code(code)[0] == 'Z1 = np.matmul(X, W1, order="F") + b1'  # still forward 1
    w.notation_menu.set_notation("column")
    qtbot.waitUntil(lambda: "z1 = W1 @ x + b1" in code.view.editor.toPlainText(), timeout=3000)


def test_hovering_a_variable_shows_its_current_matrix(window, qtbot):
    w = window
    code = opened(w, qtbot)
    step(w, qtbot, 4)  # backward 2
    view = code.view
    line = view.current[1]  # dW2 = (delta2 @ a1.T) / m
    text = view.editor.document().findBlockByNumber(line).text()
    assert view.variable_at(line, text.index("dW2") + 1) == "dW2" and view.variable_at(line, text.index("a1")) == "a1"
    assert view.variable_at(line, text.index(".T") + 1) == ""  # an attribute, not a variable
    dW2 = w.state.snapshot.get("dW", 2)
    tip = view.tooltip("dW2")
    assert "dW2: 1 × 2" in tip and np.array2string(dW2, precision=4, suppress_small=True) in tip
    assert "not computed yet" in view.tooltip("delta1") and view.tooltip("np") == ""
    w.notation_menu.set_notation("row")
    qtbot.waitUntil(lambda: "Z1" in view.editor.toPlainText(), timeout=3000)
    assert "dW2: 2 × 1" in view.tooltip("dW2")  # as the row notation writes it
    # a real tooltip event over the word (the row program has one more line: X, Y = X.T, Y.T)
    line = view.current[1]
    cursor = view.editor.textCursor()
    cursor.setPosition(view.editor.document().findBlockByNumber(line).position() + text.index("dW2") + 1)
    rect = view.editor.cursorRect(cursor)
    at = rect.center() + QPoint(2, 0)
    event = QHelpEvent(QHelpEvent.Type.ToolTip, at, view.editor.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.editor.viewport(), event)
    assert "dW2: 2 × 1" in QToolTip.text()
    QToolTip.hideText()
    # a variable of layer 1: the matrices show layer 1, with its box
    line = next(i for i in range(len(view.lines)) if view.lines[i].code.strip().startswith("dW1 ="))
    cursor.setPosition(view.editor.document().findBlockByNumber(line).position() + 5)
    at = view.editor.cursorRect(cursor).center()
    QApplication.sendEvent(view.editor.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, at,
                                                              view.editor.viewport().mapToGlobal(at)))
    assert "dW1: not computed yet" in QToolTip.text()  # (backward 1 comes next)
    qtbot.waitUntil(lambda: code.revealed is not None, timeout=3000)
    settle(qtbot, w)
    assert w.state.layer == 1 and code.revealed is w.matrices.view("dW", 1) and code.revealed.isVisible()
    QToolTip.hideText()


def test_a_click_on_a_matrix_title_shows_the_line_that_made_it(window, qtbot):
    w = window
    code = opened(w, qtbot)
    step(w, qtbot, 4)
    w.select_layer(2)
    settle(qtbot, w)
    box = w.matrices.view("dW", 2)
    qtbot.mouseClick(box.title, Qt.MouseButton.LeftButton)
    assert code.view.editor.textCursor().selectedText().startswith("    dW2 = (delta2 @ a1.T) / m")
    box = w.matrices.view("z", 2)
    qtbot.mouseClick(box.title, Qt.MouseButton.LeftButton)
    assert code.view.editor.textCursor().selectedText().startswith("    z2 = W2 @ a1 + b2")


def test_presentation_mode_enlarges_the_code_and_comments_speak_chinese(window, qtbot):
    w = window
    code = opened(w, qtbot)
    size = code.view.editor.fontInfo().pixelSize()
    presentation.set_presentation(True)
    try:
        assert code.view.editor.fontInfo().pixelSize() > size * 1.15
    finally:
        presentation.set_presentation(False)
    assert code.view.editor.fontInfo().pixelSize() == size
    assert "# learning rate η" in code.view.editor.toPlainText()
    language.install_language(language.CHINESE)
    try:
        step(w, qtbot, 1)
        text = code.view.editor.toPlainText()
        assert "# 学习率 η" in text and "learning rate" not in text
        assert "z1 = W1 @ x + b1" in text  # the code itself stays code
    finally:
        language.install_language(language.ENGLISH)
