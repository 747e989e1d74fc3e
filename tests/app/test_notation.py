"""The row/column notation toggle: the convention module, and every view of a real window following
View ▸ Notation — the same numbers, transposed, with shapes, headers, equations and names rewritten."""

from __future__ import annotations

import numpy as np
import pytest
from html_check import TagStack
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpstudio.app.matrices.matrix_view import MatrixView
from bpstudio.app.network import network_texts
from bpstudio.app.widgets import app_settings
from bpstudio.app.window.main_window import MainWindow
from bpstudio.cli import main
from bpstudio.engine import LayerSpec, NetworkSpec, Project, TrainingSpec, load_project
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import QUANTITIES
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.explain import explain, format_number
from bpstudio.engine.text.worked_example import worked_example
from bpstudio.session.view_state import ViewState

SEED003 = "seed003_2-2-1"  # 2-2-1 sigmoid, a batch of m = 4


@pytest.fixture(autouse=True)
def canvas_texts_back_in_columns():
    """The canvas texts' notation is one for the app: leave it as other tests expect it."""
    yield
    network_texts.set_notation("column")


# ----- the convention module ------------------------------------------------------------------
def test_orient_transposes_in_the_row_convention_only():
    a = np.arange(6.0).reshape(2, 3)
    assert conv.orient(a, "column") is a
    np.testing.assert_array_equal(conv.orient(a, "row"), a.T)
    assert conv.orient(None, "row") is None
    np.testing.assert_array_equal(conv.orient(np.array([1.0, 2.0]), "row"), [[1.0, 2.0]])  # a vector is a column
    with pytest.raises(ValueError):
        conv.orient(a, "diagonal")


def test_a_displayed_entry_maps_back_to_the_engine_entry():
    a = np.arange(6.0).reshape(2, 3)
    shown = conv.orient(a, "row")
    for r in range(shown.shape[0]):
        for c in range(shown.shape[1]):
            er, ec = conv.engine_index(r, c, "row")
            assert shown[r, c] == a[er, ec]
            assert conv.display_index(er, ec, "row") == (r, c)
    assert conv.engine_index(1, 2, "column") == (1, 2)
    assert conv.display_shape((2, 3), "row") == (3, 2)


def test_shape_labels():
    assert conv.shape_label("W", None, "column") == "nˡ × nˡ⁻¹"
    assert conv.shape_label("W", None, "row") == "nˡ⁻¹ × nˡ"
    assert conv.shape_label("z", None, "row") == "m × nˡ"
    assert conv.shape_label("delta", None, "column") == "nˡ × m"
    assert conv.shape_label("b", None, "row") == "1 × nˡ"
    assert conv.shape_tuple_label("dW", 2, "column") == "(n², n¹)"
    assert conv.shape_tuple_label("dW", 2, "row") == "(n¹, n²)"
    assert conv.shape_tuple_label("a", 1, "row") == "(m, n¹)"


def test_equations_of_each_convention():
    col, row = conv.equations("column"), conv.equations("row")
    assert col["forward"].startswith("zˡ = Wˡ aˡ⁻¹ + bˡ")
    assert row["forward"].startswith("Zˡ = Aˡ⁻¹ Wˡ + bˡ")
    assert col["BP2"] == "δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)"
    assert row["BP2"] == "δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(Zˡ)"
    assert "columns" in col["BP3"] and "rows" in row["BP3"]
    assert col["BP4"] == "∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ"
    assert row["BP4"] == "∂L/∂Wˡ = (1/m) (Aˡ⁻¹)ᵀ δˡ"
    assert col["update"] == row["update"]  # the update is element-wise: unchanged
    assert col["weight"] == "wˡⱼₖ" and row["weight"] == "W[k, j]"
    assert "unit k of layer l−1 to unit j" in conv.weight_index_meaning("column")
    assert "W[k, j]" in conv.weight_index_meaning("row")


def test_entry_names_and_weight_meaning():
    # W²[0, 1] of the engine: from unit 2 of layer 1 to unit 1 of layer 2
    assert conv.entry_name("W", 2, 0, 1, "column") == "w²₁₂"
    assert conv.entry_name("W", 2, 0, 1, "row") == "W²[2, 1]"
    assert conv.entry_name("z", 1, 1, 3, "row") == "Z¹[4, 2]"  # sample 4, unit 2
    assert conv.entry_name("db", 1, 1, 0, "row") == "∂L/∂b¹[1, 2]"
    assert "unit 2 of layer 1 to unit 1 of layer 2" in conv.weight_meaning(2, 0, 1, "column")
    row = conv.weight_meaning(2, 0, 1, "row")
    assert row.startswith("W²[2, 1]: row 2, column 1") and "n¹ × n²" in row


# ----- the engine's texts -----------------------------------------------------------------------
def stepped(name: str, stages: int):
    project = resolve_project(name)
    stepper = project.stepper()
    for _ in range(stages):
        snap = stepper.step()
    return project, stepper, snap


def test_explain_names_the_displayed_entry_and_keeps_the_numbers():
    project, stepper, snap = stepped(SEED003, 5)  # up to backward 1
    plan = stepper.plan
    column = explain(snap, plan, 0.5, "delta", 1, 1, 2, 4)
    row = explain(snap, plan, 0.5, "delta", 1, 1, 2, 4, "row")
    first, *rest = row.splitlines()
    assert first.startswith("δ¹[3, 2] (row convention, 4 × 2; row 3 = sample 3 of 4, column 2 = unit 2 of layer 1)")
    assert "BP2: δ¹ = (δ² (W²)ᵀ) ⊙ f′(z¹)" in rest[0]
    assert "W²[2, 1]·δ²₁" in row
    value = format_number(snap.get("delta", 1)[1, 2])
    assert column.splitlines()[-1] == rest[-1] == f"  = {value}"  # the same number
    w = explain(snap, plan, 0.5, "W", 2, 0, 1, 4, "row")
    assert w.splitlines()[1].startswith("W²[2, 1]: the weight from unit 2 of layer 1 to unit 1 of layer 2")
    assert "shape (n¹, n²) = 2 × 1" in w


def test_worked_example_in_the_row_convention_writes_the_transposes():
    project = resolve_project(SEED003)
    text = worked_example(project.stepper(), project.name, "md", 4, "row")
    col = worked_example(resolve_project(SEED003).stepper(), project.name, "md", 4)
    assert "Samples are rows (row convention" in text and "Samples are columns" in col
    assert "Z¹ = A⁰ W¹ + b¹" in text and "z¹ = W¹ a⁰ + b¹" in col
    assert "BP2: δ¹ = (δ² (W²)ᵀ) ⊙ σ′(z¹)" in text
    assert "BP4: ∂L/∂W¹ = (1/m) (A⁰)ᵀ δ¹" in text
    assert "one sample per row" in text
    # X is m × 2 = 4 rows of 2 inputs: its first written row is sample 1
    _, _, snap = stepped(SEED003, 1)
    x = snap.arrays["input"]
    block = text[text.index("one sample per row."):].split("```text\n", 1)[1].split("```", 1)[0]
    written = [line.split("[", 1)[1].split("]")[0].split() for line in block.splitlines()]
    assert written == [[format_number(v) for v in x[:, s]] for s in range(x.shape[1])]
    # the table gives W¹ as 2 × 2, W² as 2 × 1 (n¹ × n²) and b² as 1 × 1
    assert "| 2 | 1 | sigmoid | 2 × 1 | 1 × 1 |" in text.replace("\\", "")


def test_cli_example_takes_a_notation(tmp_path, capsys):
    out = tmp_path / "row.md"
    assert main(["example", SEED003, "--notation", "row", "--out", str(out)]) == 0
    assert "Z¹ = A⁰ W¹ + b¹" in out.read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["example", SEED003, "--notation", "diagonal"])
    capsys.readouterr()


# ----- the window ---------------------------------------------------------------------------------
@pytest.fixture
def window(open_window):
    # forward 1, forward 2, loss, backward 2, backward 1: every quantity computed
    return open_window(SEED003, size=(1400, 900), stages=5)


def engine(window, quantity: str, layer: int) -> np.ndarray:
    value = window.state.snapshot.get(quantity, layer)
    assert value is not None
    return value


def shown(view: MatrixView) -> np.ndarray:
    """What the table displays, cell by cell (the numbers as text, read back)."""
    model = view.table.model()
    assert model is view.model
    return np.array([[float(model.data(model.index(r, c))) for c in range(model.columnCount())]
                     for r in range(model.rowCount())])


def test_menu_key_and_default(window):
    menu = window.notation_menu
    assert menu.notation() == "column" and menu.column_action.isChecked() and not menu.row_action.isChecked()
    assert menu.column_action.text() == "Column convention (Wˡ aˡ⁻¹, samples as columns)"
    assert menu.row_action.text() == "Row convention (A W, samples as rows)"
    assert menu.column_action.toolTip() and menu.row_action.toolTip()
    assert menu.group.isExclusive()
    assert menu.toggle_action.shortcut().toString() == "Ctrl+Shift+T"
    actions = window.findChildren(type(menu.toggle_action))
    keys = [k.toString() for a in actions for k in a.shortcuts()]
    assert keys.count("Ctrl+Shift+T") == 1  # no other action uses the key
    assert menu.menu.menuAction() in window.menus.view.actions()


def test_every_matrix_panel_shows_the_engine_arrays_transposed(qtbot, window):
    window.notation_menu.toggle_action.trigger()
    assert window.notation_menu.notation() == "row" and window.notation_menu.row_action.isChecked()
    for layer in (1, 2):
        window.matrices.set_state(window.state.with_layer(layer))
        for q in QUANTITIES:
            view = window.matrices.view(q)
            a = engine(window, q, layer)
            assert view.mode == "table"
            np.testing.assert_allclose(shown(view), a.T, atol=1e-4)
            np.testing.assert_array_equal(view.model.array, a.T)
            np.testing.assert_array_equal(view.model.engine_array, a)
    # the key goes on to the deeplearning.ai notation, then back to the column convention: the engine's arrays
    window.notation_menu.toggle_action.trigger()
    assert window.notation_menu.notation() == "deeplearning" and window.notation_menu.deeplearning_action.isChecked()
    window.notation_menu.toggle_action.trigger()
    assert window.notation_menu.notation() == "column" and window.notation_menu.column_action.isChecked()
    window.matrices.set_state(window.state.with_layer(1))
    for q in QUANTITIES:
        np.testing.assert_allclose(shown(window.matrices.view(q)), engine(window, q, 1), atol=1e-4)


def test_shapes_headers_and_titles_follow(window):
    window.matrices.set_state(window.state.with_layer(2))
    W, z = window.matrices.view("W"), window.matrices.view("z")
    assert W.title_text() == "W² · 1 × 2 = (n², n¹)"
    assert z.title_text() == "z² · 1 × 4 = (n², m)"
    window.notation_menu.set_notation("row")
    assert W.title_text() == "W² · 2 × 1 = (n¹, n²)"
    assert z.title_text() == "Z² · 4 × 1 = (m, n²)"
    assert window.matrices.view("db").title_text() == "∂L/∂b² · 1 × 1 = (1, n²)"
    m = z.model
    assert m.headerData(0, Qt.Orientation.Horizontal) == "unit 1"
    assert m.headerData(3, Qt.Orientation.Vertical) == "#4"
    assert m.headerData(3, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "row 4: sample 4 of the batch"
    assert W.model.headerData(1, Qt.Orientation.Vertical) == "from unit 2"
    assert "row convention" in W.title.toolTip()


def test_hovering_a_displayed_cell_explains_the_transposed_entry(window):
    window.notation_menu.set_notation("row")
    window.matrices.set_state(window.state.with_layer(1))
    view = window.matrices.view("delta")
    text = view.hover_entry(2, 1)  # displayed row 3 (sample 3), column 2 (unit 2) = engine δ¹[1, 2]
    assert window.matrices.derivation.toPlainText() == text
    assert text.splitlines()[0].startswith("δ¹[3, 2] (row convention")
    assert text.splitlines()[-1] == f"  = {format_number(engine(window, 'delta', 1)[1, 2])}"
    assert view.model.data(view.model.index(2, 1), Qt.ItemDataRole.ToolTipRole) == text


def test_double_clicking_a_weight_edits_the_engine_entry(window):
    window.notation_menu.set_notation("row")
    window.matrices.set_state(window.state.with_layer(1))
    received = []
    window.matrices.parameterClicked.connect(lambda *args: received.append(args))
    view = window.matrices.view("W")
    view._table_activated(view.model.index(0, 1))  # displayed row 1, column 2 = W¹[1, 0] of the engine
    assert received == [(1, "W", 1, 0)]
    editor = window.parameter_editor
    W = engine(window, "W", 1)
    editor.set_target(1, "W", 1, 0, float(W[1, 0]))
    assert editor.symbol_label.text() == "W¹[1, 2]"
    assert "Row 1, column 2 of W¹" in editor.meaning_label.text()
    window.notation_menu.set_notation("column")
    assert editor.symbol_label.text() == "w¹₂₁"


def test_the_equation_panel_writes_each_convention(window):
    text = window.equations.text()
    assert "zˡ = Wˡ aˡ⁻¹ + bˡ" in text and "δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)" in text
    assert "∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ" in text and "Column convention" in text
    assert "½‖y − aᴸ‖²" in text  # the squared-error form in use stays visible
    window.notation_menu.set_notation("row")
    text = window.equations.text()
    assert "Zˡ = Aˡ⁻¹ Wˡ + bˡ" in text and "δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(Zˡ)" in text
    assert "∂L/∂Wˡ = (1/m) (Aˡ⁻¹)ᵀ δˡ" in text and "over the m rows" in text
    assert "Row convention" in text and "½‖y − aᴸ‖²" in text
    # backward 1 written out: δ² (W²)ᵀ with the products in the row order and δ¹ as a 4 × 2 matrix
    assert "(δ² (W²)ᵀ) ⊙ σ′(z¹)" in text
    assert "(1/m) (A⁰)ᵀ δ¹" in text
    delta = engine(window, "delta", 1)
    lines = text.splitlines()
    for s in range(delta.shape[1]):  # each sample is a written row of δ¹: its two numbers on one line
        row = [format_number(v) for v in delta[:, s]]
        assert any(all(v in line for v in row) for line in lines)


def test_canvas_texts_follow(window):
    window.notation_menu.set_notation("row")
    assert network_texts.edge_tip(2, 0, 1, 0.45).startswith("W²[2, 1] = 0.45")
    window.notation_menu.set_notation("column")
    assert network_texts.edge_tip(2, 0, 1, 0.45).startswith("w²₁₂ = 0.45")


def test_matrix_exports_copy_what_is_displayed(window):
    window.notation_menu.set_notation("row")
    window.matrices.set_state(window.state.with_layer(1))
    view = window.matrices.view("z")
    export = view.export_menu.matrix
    assert export.copy_tsv()
    rows = QApplication.clipboard().text().splitlines()
    z = engine(window, "z", 1)
    assert len(rows) == z.shape[1] == 4  # one line per sample
    assert [float(v) for v in rows[0].split("\t")] == [float(v) for v in z[:, 0]]


def test_the_window_exports_the_worked_example_in_the_notation_on_screen(qtbot, window, tmp_path):
    window.notation_menu.set_notation("row")
    path = tmp_path / "row.md"
    window.exports.example_to(path, "md")
    qtbot.waitUntil(path.exists, timeout=10_000)
    text = path.read_text(encoding="utf-8")
    assert "Samples are rows (row convention" in text and "Z¹ = A⁰ W¹ + b¹" in text


def test_the_choice_persists(qtbot, window):
    assert app_settings.notation() == "column"
    window.notation_menu.row_action.trigger()
    assert app_settings.notation() == "row"
    other = MainWindow(load_project(example_path(SEED003)), threaded=False)
    qtbot.addWidget(other)
    try:
        assert other.notation_menu.notation() == "row" and other.notation_menu.row_action.isChecked()
        assert other.matrices.notation() == "row" and other.equations.notation() == "row"
        W = other.state.snapshot.get("W", 1)
        np.testing.assert_array_equal(other.matrices.view("W").model.array, W.T)
    finally:
        other.close()
    window.notation_menu.column_action.trigger()
    assert app_settings.notation() == "column"


def test_a_large_matrix_image_is_transposed_with_its_read_out(qtbot):
    rng = np.random.default_rng(3)
    spec = NetworkSpec(50, (LayerSpec(45, "tanh"), LayerSpec(2, "sigmoid")), "squared_error")
    project = Project(spec, {"x": rng.random((3, 50)).tolist(), "y": rng.random((3, 2)).tolist()},
                      TrainingSpec(learning_rate=0.1))
    stepper = project.stepper()
    snap = stepper.step()
    view = MatrixView("W")
    qtbot.addWidget(view)
    view.set_notation("row")
    view.set_state(ViewState(project, snap, 1))
    assert view.mode == "image"
    W = snap.get("W", 1)  # 45 × 50 in the engine
    np.testing.assert_array_equal(view.image_page._shown, W.T)
    assert view.title_text() == "W¹ · 50 × 45 = (n⁰, n¹)"
    view.hover_entry(7, 3)  # displayed row 8 (from unit 8), column 4 (unit 4)
    assert view.image_page.readout.text() == f"from unit 8, unit 4: {format_number(W[3, 7])}"


@pytest.mark.parametrize("name", [SEED003, "iris_softmax", "spiral_softmax"])
def test_worked_example_in_rows_is_well_formed_html_and_latex(name):

    project = resolve_project(name)
    html = worked_example(project.stepper(), project.name, "html", 4, "row")
    parser = TagStack()
    parser.feed(html)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    tex = worked_example(resolve_project(name).stepper(), project.name, "tex", 4, "row")
    assert tex.rstrip().endswith("\\end{document}")
    assert tex.count("\\begin{") == tex.count("\\end{") and tex.count("$") % 2 == 0
    body = tex.replace("\\{", "").replace("\\}", "")
    assert body.count("{") == body.count("}")
    assert "Samples are rows" in html and "Samples are rows" in tex


def test_the_across_layers_mode_follows(window):
    window.matrices.set_mode("dW")
    window.notation_menu.set_notation("row")
    for layer in (1, 2):
        view = window.matrices.view("dW", layer)
        np.testing.assert_allclose(shown(view), engine(window, "dW", layer).T, atol=1e-4)
    window.notation_menu.set_notation("column")
    np.testing.assert_allclose(shown(window.matrices.view("dW", 2)), engine(window, "dW", 2), atol=1e-4)


@pytest.mark.parametrize("example, form", [("seed003_2-2-1", "½‖y − a‖²"), ("seed004_chain_1-1-1", "‖a − y‖²")])
def test_the_squared_error_form_is_named_wherever_the_loss_is_shown(qtbot, example, form):
    """½‖y − a‖² and (a − y)² differ by a factor 2 in every gradient: the loss plot, the equations and the
    network's loss box say which one is in use."""
    w = MainWindow(resolve_project(example), threaded=False)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.state is not None, timeout=10_000)
    assert w.training.loss_plot.form_label.text().startswith(f"L = {form}")
    equations = w.equations.browser.toPlainText()
    assert ("L = ½‖y − aᴸ‖²" if "½" in form else "L = ‖aᴸ − y‖²") in equations
    w.close()
