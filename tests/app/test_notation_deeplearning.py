"""View ▸ Notation ▸ deeplearning.ai notation in a real window: every view writes seed 002's names (W^[l], Z^[l],
dZ^[l], dW^[l], g^[l], α) for the column convention's very arrays, and going back restores the column text
exactly."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.app.network import network_texts
from bpstudio.app.widgets import app_settings
from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import QUANTITIES
from bpstudio.engine.text.notation import format_number

SEED003 = "seed003_2-2-1"  # 2-2-1 sigmoid, squared error, m = 4
XOR = "xor_tanh"  # 2-4-1 tanh, sigmoid + binary cross-entropy


@pytest.fixture(autouse=True)
def canvas_texts_back_in_columns():
    yield
    network_texts.set_notation("column")


@pytest.fixture
def window(open_window):
    return open_window(SEED003, size=(1400, 900), stages=5)  # up to backward 1: every quantity computed


def engine(window, quantity: str, layer: int) -> np.ndarray:
    value = window.state.snapshot.get(quantity, layer)
    assert value is not None
    return value


def titles(window) -> dict[str, str]:
    return {q: window.matrices.view(q).title_text() for q in QUANTITIES}


def test_the_menu_offers_it_and_the_choice_persists(qtbot, window):
    menu = window.notation_menu
    action = menu.deeplearning_action
    assert action.text() == "deeplearning.ai notation (W^[l], dZ^[l], samples as columns)"
    assert "dZ^[l]" in action.toolTip() and action in menu.menu.actions()
    action.trigger()
    assert menu.notation() == "deeplearning" and action.isChecked() and not menu.column_action.isChecked()
    assert app_settings.notation() == "deeplearning"
    other = MainWindow(load_project(example_path(SEED003)), threaded=False)
    qtbot.addWidget(other)
    try:
        assert other.notation_menu.notation() == "deeplearning" and other.notation_menu.deeplearning_action.isChecked()
        assert other.equations.notation() == "deeplearning" and other.matrices.notation() == "deeplearning"
    finally:
        other.close()
    menu.toggle_action.trigger()  # the key goes round: deeplearning.ai → column
    assert menu.notation() == "column" and app_settings.notation() == "column"


def test_titles_and_arrays(window):
    window.matrices.set_state(window.state.with_layer(2))
    window.notation_menu.set_notation("deeplearning")
    assert titles(window) == {
        "W": "W^[2] · 1 × 2 = (n^[2], n^[1])", "b": "b^[2] · 1 × 1 = (n^[2], 1)", "z": "Z^[2] · 1 × 4 = (n^[2], m)",
        "a": "A^[2] · 1 × 4 = (n^[2], m)", "delta": "dZ^[2] · 1 × 4 = (n^[2], m)",
        "dW": "dW^[2] · 1 × 2 = (n^[2], n^[1])", "db": "db^[2] · 1 × 1 = (n^[2], 1)"}
    assert window.matrices.view("delta").title.toolTip().startswith("Errors dZ^[2] = ∂L/∂Z^[2], one column per sample")
    assert window.matrices.view("db").model.headerData(0, Qt.Orientation.Horizontal) == "db^[2]"
    for q in QUANTITIES:  # column-oriented: the engine's arrays as they are
        np.testing.assert_array_equal(window.matrices.view(q).model.array, engine(window, q, 2))


def test_the_equation_panel_writes_bp1_to_bp4_with_the_numbers(window):
    window.notation_menu.set_notation("deeplearning")
    text = window.equations.text()
    for equation in ("Z^[l] = W^[l] A^[l−1] + b^[l], A^[l] = g^[l](Z^[l])",  # (HTML: one space)
                     "dZ^[L] = dA^[L] ⊙ g^[L]′(Z^[L])",
                     "dA^[l] = W^[l+1]ᵀ dZ^[l+1], dZ^[l] = dA^[l] ⊙ g^[l]′(Z^[l])",
                     "db^[l] = (1/m) Σ dZ^[l] over the m columns", "dW^[l] = (1/m) dZ^[l] A^[l−1]ᵀ",
                     "W^[l] := W^[l] − α dW^[l], b^[l] := b^[l] − α db^[l]", "deeplearning.ai notation (seed 002)",
                     "squared error with ½: dA^[L] = A^[L] − y"):
        assert equation in text, equation
    # backward 1 with its numbers: W^[2]ᵀ dZ^[2], then dZ^[1] one column per sample
    assert "(W^[2]ᵀ dZ^[2]) ⊙ σ′(Z^[1])" in text and "dW^[1]" in text
    delta = engine(window, "delta", 1)
    lines = text.splitlines()
    for row in delta:
        assert any(all(format_number(v) in line for v in row) for line in lines)
    for column_only in ("δ", "∂L/∂Wˡ", "∂L/∂W¹", "∇ₐL", "η", "zˡ", "W²"):
        assert column_only not in text, column_only
    assert window.equations.symbol_help("α").startswith("α — the learning rate")
    assert window.equations.symbol_help("dA^[L]").startswith("dA^[L] — the gradient of the loss")


def test_da_of_the_binary_cross_entropy_with_the_engines_numbers(open_window):
    w = open_window(XOR, size=(1400, 900), stages=3)  # forward 1, forward 2, loss
    w.notation_menu.set_notation("deeplearning")
    text = w.equations.text()
    assert "binary cross-entropy: dA^[L] = −y/a + (1 − y)/(1 − a)" in text
    assert "dA^[L] = −y / A^[2] + (1 − y) / (1 − A^[2])" in text
    snap = w.state.snapshot
    a, y, grad = snap.get("a", 2), snap.arrays["target"], snap.arrays["grad_a"]
    np.testing.assert_allclose(grad, -y / a + (1 - y) / (1 - a), rtol=1e-12)
    lines = text.splitlines()
    at = lines.index("dA^[L] = −y / A^[2] + (1 − y) / (1 − A^[2])")
    assert lines[at + 1].split() == ["=", "[" + format_number(grad[0, 0]), *map(format_number, grad[0, 1:-1]),
                                     format_number(grad[0, -1]) + "]"]


def test_hover_derivations_name_entries_as_the_course(window):
    window.notation_menu.set_notation("deeplearning")
    window.matrices.set_state(window.state.with_layer(1))
    view = window.matrices.view("delta")
    text = view.hover_entry(1, 2)  # unit 2, sample 3
    assert window.matrices.derivation.toPlainText() == text
    assert text.startswith("dz^[1]₂ = (Σᵢ w^[2]ᵢ₂ dz^[2]ᵢ) · σ′(z^[1]₂)   (sample 3 of 4; BP2")
    assert text.splitlines()[-1] == f"  = {format_number(engine(window, 'delta', 1)[1, 2])}"
    assert view.model.data(view.model.index(1, 2), Qt.ItemDataRole.ToolTipRole) == text
    assert network_texts.edge_tip(2, 0, 1, 0.45).startswith("w^[2]₁₂ = 0.45")
    W = engine(window, "W", 1)
    window.parameter_editor.set_target(1, "W", 1, 0, float(W[1, 0]))
    assert window.parameter_editor.symbol_label.text() == "w^[1]₂₁"
    stages = [window.stages.list.item(i).text() for i in range(window.stages.list.count())]
    assert stages[0] == "✓ Forward · layer 1  (Z^[l], A^[l])" and stages[-1].endswith("Update  (W := W − αdW)")
    assert network_texts.stage_line(window.state.snapshot.stage, window.state.snapshot.next_stage, ["σ", "σ"],
                                    0.5) == "← backward (dZ) · layer 1: dZ^[1], dW^[1], db^[1]"


def test_the_worked_example_export_from_the_window(qtbot, window, tmp_path):
    window.notation_menu.set_notation("deeplearning")
    path = tmp_path / "ng.md"
    window.exports.example_to(path, "md")
    qtbot.waitUntil(path.exists, timeout=10_000)
    text = path.read_text(encoding="utf-8")
    assert "deeplearning.ai notation (seed 002" in text and "Z^[1] = W^[1] A^[0] + b^[1]" in text
    assert "BP2: dZ^[1] = (W^[2]ᵀ dZ^[2]) ⊙ σ′(Z^[1])" in text and "δ" not in text


def test_a_lesson_step_follows(qtbot, window):
    lessons = window.lessons
    next(a for a in lessons.start_actions if a.objectName() == "startLesson_02_bp1_output_error").trigger()
    panel = lessons.panel
    column = panel.text.toPlainText()
    assert "BP1 says δᴸ = ∇ₐL ⊙ f′(zᴸ)" in column
    window.notation_menu.set_notation("deeplearning")
    text = panel.text.toPlainText()
    assert "BP1 says dZ^[L] = dA^[L] ⊙ g^[L]′(Z^[L]): ⊙ multiplies entry by entry" in text
    assert "dZ^[L] is the panels' dZ^[1]" in text and "δ" not in text and "∇ₐL" not in text
    window.notation_menu.set_notation("column")
    assert panel.text.toPlainText() == column


def test_switching_back_restores_the_column_text_exactly(qtbot, window):
    def everything() -> list[str]:
        m = window.matrices
        return [window.equations.text(), *titles(window).values(), m.view("z").title.toolTip(),
                m.view("delta").hover_entry(0, 1), network_texts.edge_tip(2, 0, 1, 0.45),
                window.chain.code.view.editor.toPlainText()]

    window.chain.code.view.set_state(window.state)
    column = everything()
    window.notation_menu.set_notation("deeplearning")
    window.chain.code.view.set_state(window.state)
    ng = everything()
    assert [i for i, (a, b) in enumerate(zip(column, ng, strict=True)) if a == b] == []
    assert "dZ1 = (W2.T @ dZ2)" in ng[-1] and "Z1 = W1 @ X + b1" in ng[-1]
    window.notation_menu.set_notation("column")
    window.chain.code.view.set_state(window.state)
    assert everything() == column
