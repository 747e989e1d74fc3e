"""The Chain rule dock (issue 15, item 1) in the window: opened from View (Ctrl+Shift+C) or by clicking a number,
it draws that number's graph with the engine's numbers; its nodes show their matrix cell and canvas unit; the
entry box, the sample chooser and the notation follow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from window_helpers import settle

from bpstudio.app.window.chain_graph_dock import SHORTCUT
from bpstudio.app.window.chain_text_links import entry_from_symbol
from bpstudio.engine.text.notation import format_number

BACKWARD_DONE = 5  # seed 003: forward 1, forward 2, loss, backward 2, backward 1


def chain(w):
    return w.chain.graph


def box_texts(view) -> list[str]:
    return [box.text.text() for box in view.scene.boxes.values()]


def test_view_lists_the_dock_with_its_shortcut_and_shows_it_as_a_tab_of_the_plots(open_window, qtbot):
    w = open_window(size=(1280, 800))
    dock = chain(w).dock
    assert not dock.isVisible()
    toggle = dock.toggleViewAction()
    assert toggle in w.menus.view.actions()
    assert toggle.shortcut() == QKeySequence(SHORTCUT)
    toggle.trigger()
    settle(qtbot, w)
    assert dock.isVisible() and w.training.loss_dock in w.tabifiedDockWidgets(dock)
    qtbot.waitUntil(lambda: dock.height() > 200)  # the bottom row grows for it
    assert w.rect().contains(dock.geometry())
    view = chain(w).view
    assert view.entry_edit.text() == "W2[1,1]"  # the output layer's first weight until one is chosen
    assert view.title.text().startswith("∂L/∂w²₁₁")
    assert view.canvas.transform().m11() >= 0.95  # the whole chain at its size, readable at 1280 × 800


def test_double_click_on_a_gradient_entry_draws_its_chain_and_the_mean_is_the_panels_number(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)
    w.matrices.view("dW", 1).table.doubleClicked.emit(w.matrices.model("dW", 1).index(0, 1))
    view = chain(w).view
    qtbot.waitUntil(lambda: view.graph is not None and view.graph.ref.quantity == "dW")
    assert chain(w).dock.isVisible()
    dW = w.state.snapshot.get("dW", 1)
    graph = view.graph
    assert abs(graph.mean - dW[0, 1]) < 1e-12
    shown = w.matrices.model("dW", 1).data(w.matrices.model("dW", 1).index(0, 1))
    summary = view.summary.toPlainText()
    assert f"∂L/∂w¹₁₂ = (1/m) Σₛ ∂Lₛ/∂θ = {shown}" in summary
    x, a1 = w.state.snapshot.arrays["input"], w.state.snapshot.get("a", 1)
    texts = box_texts(view)
    assert f"a¹₁ = {format_number(a1[0, 0])}" in "\n".join(texts)
    labels = view.scene.labels()
    assert f"x₂ = {format_number(x[1, 0])}" in labels  # ∂z¹₁/∂w¹₁₂ = x₂
    assert any(label.startswith("σ′(z¹₁) = ") for label in labels)
    assert "1. w¹₁₂ → z¹₁ → a¹₁ → z²₁ → a²₁ → L₁" in summary


def test_a_click_on_a_z_entry_follows_its_sample_and_its_total_is_delta(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)
    chain(w).dock.show()
    chain(w).dock.raise_()
    settle(qtbot, w)
    table = w.matrices.view("z", 1).table
    index = table.model().index(1, 2)  # unit 2, sample 3
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    view = chain(w).view
    qtbot.waitUntil(lambda: view.graph is not None and view.graph.ref.quantity == "z")
    assert view.sample_spin.value() == 3 and view.entry_edit.text() == "z1[2,3]"
    delta = w.state.snapshot.get("delta", 1)[1, 2]
    assert abs(view.graph.total - delta) < 1e-12
    assert f"∂L₃/∂z¹₂ for sample 3: {format_number(delta)}" in view.summary.toPlainText()
    view.sample_spin.setValue(4)
    assert abs(view.graph.total - w.state.snapshot.get("delta", 1)[1, 3]) < 1e-12
    assert "L₄" in view.title.text() or "sample 4 of 4" in view.title.text()


def test_the_canvas_opens_weights_and_units(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)
    chain(w).dock.show()
    chain(w).dock.raise_()
    settle(qtbot, w)
    view = chain(w).view
    w.canvas.select_parameter(2, "W", 0, 1)
    assert view.entry().quantity == "W" and (view.entry().layer, view.entry().row, view.entry().col) == (2, 0, 1)
    assert abs(view.graph.mean - w.state.snapshot.get("dW", 2)[0, 1]) < 1e-12
    unit = next(u for u in w.canvas.unit_items() if (u.layer, u.row) == (1, 1))
    pos = w.canvas.mapFromScene(unit.sceneBoundingRect().center())
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.entry().quantity == "z" and (view.entry().layer, view.entry().row) == (1, 1)


def test_hovering_a_node_selects_its_matrix_cell_and_outlines_its_unit(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)
    w.select_layer(1)
    chain(w).dock.show()
    settle(qtbot, w)
    view = chain(w).view
    view.show_entry("W", 1, 1, 0)
    view.sample_spin.setValue(2)
    node = view.graph.nodes["a1[1]"]
    view.scene.hub.hover(node)
    table = w.matrices.view("a", 1).table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 1)  # unit 2, sample 2
    assert chain(w).unit_marked() == (1, 1)
    view.scene.hub.hover(view.graph.nodes[view.graph.start])
    assert w.canvas.selected_parameter() == (1, "W", 1, 0)
    assert chain(w).unit_marked() is None
    view.scene.hub.activated.emit(view.graph.nodes["z2[0]"])  # a click also selects the node's layer
    assert w.state.layer == 2
    assert chain(w).unit_marked() == (2, 0)


def test_typed_entries_and_the_row_notation(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)
    chain(w).dock.show()
    settle(qtbot, w)
    view = chain(w).view
    view.entry_edit.setText("b2[1]")
    qtbot.keyClick(view.entry_edit, Qt.Key.Key_Return)
    assert view.graph.ref.quantity == "b" and abs(view.graph.mean - w.state.snapshot.get("db", 2)[0, 0]) < 1e-12
    view.sample_spin.setValue(3)
    view.entry_edit.setText("delta2[1]")  # one index: the sample followed stays
    qtbot.keyClick(view.entry_edit, Qt.Key.Key_Return)
    assert view.sample() == 2 and abs(view.graph.total - w.state.snapshot.get("delta", 2)[0, 2]) < 1e-12
    view.entry_edit.setText("W7[1,1]")
    qtbot.keyClick(view.entry_edit, Qt.Key.Key_Return)
    assert view.message.isVisible() and "layer 7" in view.message.text()
    view.show_entry("W", 1, 0, 1)
    w.notation_menu.set_notation("row")
    settle(qtbot, w)
    assert view.entry_edit.text() == "W1[2,1]"  # displayed row 2, column 1 of the n⁰ × n¹ matrix
    assert any(t.startswith("W¹[2, 1] = ") for t in box_texts(view))
    view.entry_edit.setText("W1[1,2]")
    qtbot.keyClick(view.entry_edit, Qt.Key.Key_Return)
    assert (view.entry().row, view.entry().col) == (1, 0)


def test_an_entry_named_in_the_derivation_pane_opens_on_double_click(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)
    w.matrices.derivation.setPlainText("z¹₂ = Σₖ w¹₂ₖ a⁰ₖ + b¹₂")
    viewport = w.matrices.derivation.viewport()
    cursor = w.matrices.derivation.textCursor()
    cursor.setPosition(1)
    pos = w.matrices.derivation.cursorRect(cursor).center()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    view = chain(w).view
    assert chain(w).dock.isVisible()
    assert view.entry().quantity == "z" and (view.entry().layer, view.entry().row) == (1, 1)


def test_entry_names_as_the_equations_write_them() -> None:
    assert entry_from_symbol("w²₁₂") == ("W", 2, 0, 1)
    assert entry_from_symbol("b¹₃") == ("b", 1, 2, 0)
    assert entry_from_symbol("δ³₁") == ("delta", 3, 0, 0)
    assert entry_from_symbol("∂L/∂w¹₁₀,₂") == ("dW", 1, 9, 1)
    assert entry_from_symbol("a²₁") == ("a", 2, 0, 0)
    for bad in ("w²₁", "z²", "x₁", "b²₁₂", ""):
        assert entry_from_symbol(bad) is None


def test_presentation_mode_draws_larger(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE, size=(1280, 800))
    chain(w).dock.show()
    settle(qtbot, w)
    view = chain(w).view
    before = max(box.rect().height() for box in view.scene.boxes.values())
    size = view.font().pointSizeF()
    w.classroom.presentation_action.trigger()
    try:
        qtbot.waitUntil(lambda: view.font().pointSizeF() > size)
        settle(qtbot, w)
        after = max(box.rect().height() for box in view.scene.boxes.values())
    finally:
        w.classroom.presentation_action.trigger()
    assert after > before * 1.15


def test_file_export_ends_the_worked_example_with_the_chain_on_show(open_window, qtbot, tmp_path):
    w = open_window(stages=BACKWARD_DONE)
    chain(w).dock.show()
    settle(qtbot, w)
    chain(w).view.show_entry("W", 1, 0, 1)
    chain(w).view.sample_spin.setValue(2)
    path = tmp_path / "with-chain.md"
    w.exports.example_to(path, "md")
    qtbot.waitUntil(path.exists, timeout=10_000)
    text = path.read_text(encoding="utf-8")
    assert "## The chain rule behind ∂L/∂w¹₁₂" in text and "Sample 2 of the batch of 4" in text
    dW = w.state.snapshot.get("dW", 1)[0, 1]
    assert f"= {format_number(dW, w.matrices.precision())}." in text.split("The chain rule behind")[1]
    chain(w).dock.hide()
    plain = tmp_path / "plain.md"
    w.exports.example_to(plain, "md")
    qtbot.waitUntil(plain.exists, timeout=10_000)
    assert "The chain rule behind" not in plain.read_text(encoding="utf-8")


def test_a_number_double_clicked_in_the_equations_opens_its_entry(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)  # the equations write δ¹ = … with its numbers
    delta = w.state.snapshot.get("delta", 1)
    shown = format_number(delta[1, 3], w.matrices.precision())  # unit 2, sample 4
    browser = w.equations.browser
    found = browser.document().find(shown)
    assert not found.isNull()
    found.clearSelection()
    browser.setTextCursor(found)
    browser.ensureCursorVisible()
    pos = browser.cursorRect(found).center()
    qtbot.mouseDClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x() - 3, pos.y()))
    view = chain(w).view
    assert chain(w).dock.isVisible()
    ref = view.entry()
    assert (ref.quantity, ref.layer, ref.row) == ("delta", 1, 1) and view.sample() == 3
    assert abs(view.graph.total - delta[1, 3]) < 1e-12


def test_a_number_shown_by_several_entries_opens_nothing(open_window):
    from bpstudio.app.window.chain_text_links import entry_from_number, number_at

    w = open_window(stages=BACKWARD_DONE)
    assert number_at("= ⎡0.0136  -0.0041⎤", 12) == "-0.0041" and number_at("= ⎡0.0136  -0.0041⎤", 1) == ""
    assert entry_from_number("0.35", w.state.with_layer(1), 4) is None  # z¹ and b¹ both show 0.35, twice
    dW = w.state.snapshot.get("dW", 1)
    assert entry_from_number(format_number(dW[1, 1]), w.state, 4) == ("dW", 1, 1, 1)


def test_the_gradient_entrys_node_shows_its_gradient_cell(open_window, qtbot):
    w = open_window(stages=BACKWARD_DONE)
    w.select_layer(2)
    chain(w).dock.show()
    settle(qtbot, w)
    view = chain(w).view
    view.show_entry("dW", 2, 0, 1)
    view.scene.hub.hover(view.graph.nodes[view.graph.start])
    table = w.matrices.view("dW", 2).table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 1)
    assert w.canvas.selected_parameter() == (2, "W", 0, 1)
