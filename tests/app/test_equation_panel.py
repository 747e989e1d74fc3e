"""The equation panel: the stage's equations highlighted, and its numbers exactly the engine's."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolTip

from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.app.widgets.preview import example_state
from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Project, TrainingSpec, load_project
from bpstudio.engine.examples import wide_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.text.explain import format_number
from bpstudio.session.view_state import ViewState


def fmt(v: float) -> str:
    return format_number(v, 4)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


@pytest.fixture
def panel(qtbot):
    p = EquationPanel()
    qtbot.addWidget(p)
    p.resize(500, 450)
    p.show()
    qtbot.waitExposed(p)
    return p


def one_iteration(name: str = "seed003_2-2-1", layer: int = 1):
    """(project, [ViewState after each stage of the first iteration])."""
    project = load_project(example_path(name))
    stepper = project.stepper()
    states = []
    for _ in stepper.stages:
        snap = stepper.step()
        states.append(ViewState(project, snap, layer, True))
    return project, states


def assert_shown(text: str, values: np.ndarray) -> None:
    missing = [fmt(v) for v in np.ravel(values) if fmt(v) not in text]
    assert missing == [], f"not shown: {missing}"


def test_highlight_follows_every_stage_of_an_iteration(panel):
    project, states = one_iteration()
    panel.set_state(example_state("seed003_2-2-1", 0))
    assert panel.highlighted() == ()
    names = []
    for state in states:
        panel.set_state(state)
        stage = state.snapshot.stage
        assert panel.highlighted() == stage.equations(project.network.depth)
        names.append(panel.highlighted())
    assert names == [("forward",), ("forward",), ("loss",), ("BP1", "BP3", "BP4"), ("BP2", "BP3", "BP4"),
                     ("update",)]


def test_forward_1_shows_w_x_plus_b_with_the_engine_numbers(panel):
    project, states = one_iteration()
    state = states[0]
    panel.set_state(state)
    text = panel.text()
    W1, b1 = (np.array(p) for p in project.parameters[0])
    x = state.snapshot.arrays["input"]
    z1 = W1 @ x + b1  # independently of the engine
    assert np.allclose(z1, state.snapshot.get("z", 1), rtol=0, atol=1e-15)
    assert "z¹ = W¹ a⁰ + b¹" in text and "a¹ = σ(z¹)" in text
    assert_shown(text, state.snapshot.get("z", 1))
    assert_shown(text, state.snapshot.get("a", 1))
    assert_shown(text, W1)
    assert "0.5866" in text  # σ(0.35), the first activation of Mazur's example


def test_loss_stage_says_which_form_and_that_the_batch_loss_is_the_mean(panel):
    _, states = one_iteration()
    state = states[2]
    panel.set_state(state)
    text = panel.text()
    snap = state.snapshot
    assert "L = ½‖y − aᴸ‖²" in text and "with ½" in text
    assert "batch L = mean over m samples" in text and "sum over the samples" in text
    losses = 0.5 * (snap.arrays["target"] - snap.get("a", 2)) ** 2  # per sample, one output
    assert np.allclose(losses[0], snap.arrays["losses"])
    assert_shown(text, snap.arrays["losses"])
    assert format_number(np.mean(losses), 6) in text
    assert_shown(text, snap.get("a", 2) - snap.arrays["target"])


def test_backward_2_is_bp1_with_sigma_prime(panel):
    _, states = one_iteration()
    state = states[3]
    panel.set_state(state)
    text = panel.text()
    snap = state.snapshot
    a2, y = snap.get("a", 2), snap.arrays["target"]
    delta2 = (a2 - y) * a2 * (1 - a2)
    assert np.allclose(delta2, snap.get("delta", 2), rtol=1e-15, atol=0)
    assert "δ² = ∇ₐL ⊙ σ′(z²)" in text
    assert_shown(text, a2 * (1 - a2))
    assert_shown(text, snap.get("delta", 2))
    assert_shown(text, snap.get("db", 2))
    assert_shown(text, snap.get("dW", 2))


def test_backward_1_is_bp2_with_the_transposed_weights_of_layer_2(panel):
    _, states = one_iteration()
    state = states[4]
    panel.set_state(state)
    text = panel.text()
    snap = state.snapshot
    W2, d2, a1 = snap.get("W", 2), snap.get("delta", 2), snap.get("a", 1)
    delta1 = (W2.T @ d2) * a1 * (1 - a1)  # BP2 computed here, not by the engine
    assert np.allclose(delta1, snap.get("delta", 1), rtol=1e-15, atol=0)
    assert "δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹)" in text
    assert_shown(text, W2.T)  # 0.4 and 0.45
    assert_shown(text, W2.T @ d2)
    assert_shown(text, a1 * (1 - a1))
    assert_shown(text, delta1)
    x = snap.arrays["input"]
    assert_shown(text, delta1.mean(axis=1))  # BP3
    assert_shown(text, delta1 @ x.T / x.shape[1])  # BP4
    assert "∂L/∂W¹ = (1/m) δ¹ (a⁰)ᵀ" in text and "(1/4)" in text


def test_update_shows_old_minus_eta_times_gradient(panel):
    _, states = one_iteration()
    for state in states[:-1]:
        panel.set_state(state)
    before = states[-2].snapshot
    after = states[-1].snapshot
    for layer in (1, 2):
        panel.set_state(after_layer := states[-1].with_layer(layer))
        text = panel.text()
        assert after_layer.snapshot.stage.layer == 0  # the update has no layer: the selected one is shown
        assert f"W{'¹²'[layer - 1]} ← W{'¹²'[layer - 1]} − η ∂L/∂W{'¹²'[layer - 1]}" in text
        assert_shown(text, before.get("W", layer))
        assert_shown(text, 0.5 * after.get("dW", layer))
        assert_shown(text, after.get("W", layer))
        assert_shown(text, before.get("W", layer) - 0.5 * before.get("dW", layer))
        assert "recovered" not in text


def test_update_seen_without_the_stage_before_recovers_the_old_values(panel):
    _, states = one_iteration()
    panel.set_state(states[-1])
    text = panel.text()
    assert "recovered" in text
    assert_shown(text, states[-2].snapshot.get("W", 1))


def test_fused_softmax_cross_entropy_is_explained(panel):
    _, states = one_iteration("spiral_softmax")
    bp1 = next(s for s in states if s.snapshot.stage.name == "backward 3")
    panel.set_state(bp1)
    text = panel.text()
    assert panel.highlighted() == ("BP1", "BP3", "BP4")
    assert "δ³ = a³ − y" in text
    assert "Jacobian is not diagonal" in text
    assert "Σₖ (−yₖ/aₖ)·aₖ(1[i=k] − aᵢ)" in text and "aᵢ − yᵢ" in text and "Σₖ yₖ = 1" in text
    snap = bp1.snapshot
    assert np.array_equal(snap.get("delta", 3), snap.get("a", 3) - snap.arrays["target"])
    assert_shown(text, snap.get("delta", 3)[:, 0])  # sample 1: the batch of 32 is too wide to write out
    assert "δ³ (3 × 32)" in text
    # the explanation stays in the notes at every stage of a fused network
    panel.set_state(states[0])
    assert "Jacobian is not diagonal" in panel.text()


def test_squared_error_has_no_fused_explanation(panel):
    _, states = one_iteration()
    for state in states:
        panel.set_state(state)
        assert "Jacobian is not diagonal" not in panel.text()
        assert "a − y directly" not in panel.text()


def test_sigmoid_binary_cross_entropy_is_explained(panel):
    spec = NetworkSpec(2, (LayerSpec(2, "tanh"), LayerSpec(1, "sigmoid")), "binary_cross_entropy")
    project = Project(spec, {"x": [[0, 0], [0, 1], [1, 0], [1, 1]], "y": [[0], [1], [1], [0]]},
                      TrainingSpec(0.5, 0, 10, 0, False), InitSpec("xavier"))
    stepper = project.stepper()
    for _ in range(4):
        snap = stepper.step()
    panel.set_state(ViewState(project, snap, 2))
    text = panel.text()
    assert "δ² = a² − y" in text
    assert "(−y/a + (1 − y)/(1 − a))·a(1 − a)" in text
    assert_shown(text, snap.get("delta", 2))


def test_loss_without_half_says_so(panel):
    spec = NetworkSpec(1, (LayerSpec(1, "sigmoid"),), "squared_error_no_half")
    project = Project(spec, {"x": [[1.0]], "y": [[0.0]]}, TrainingSpec(0.1, 0, 1, 0, False), InitSpec("xavier"))
    stepper = project.stepper()
    stepper.step()
    snap = stepper.step()
    panel.set_state(ViewState(project, snap, 1))
    text = panel.text()
    assert "L = ‖aᴸ − y‖²" in text and "without ½" in text and "2(a¹ − y)" in text
    assert_shown(text, snap.arrays["grad_a"])


def test_bp2_note_names_the_matrix_and_seed_000s_slip_only_in_its_projects(panel):
    panel.set_state(example_state("seed003_2-2-1", 5))
    text = panel.text()
    assert "(wˡ)ᵀ" not in text and "index slip" not in text  # seed 003's project: seed 000 does not apply
    assert "Wˡ⁺¹ is the weight matrix of layer l+1" in text
    assert "W² is the weight matrix of layer 2 (1 × 2)" in text
    state = example_state("seed003_2-2-1", 5)
    panel.set_state(ViewState(replace_name(state.project, "Seed 000: a copy"), state.snapshot, state.layer, True))
    text = panel.text()
    assert "(wˡ)ᵀ" in text and "index slip" in text


def test_symbol_help_explains_hadamard_and_gradient(panel):
    assert "Hadamard" in panel.symbol_help("⊙") and "element-wise" in panel.symbol_help("⊙")
    assert "gradient" in panel.symbol_help("∇") and panel.symbol_help("∇ₐL") == panel.symbol_help("∇")
    assert panel.symbol_help("η") and panel.symbol_help("δ")
    assert panel.symbol_help("?") == ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_a_symbol_shows_its_help(panel, qtbot):
    panel.set_state(example_state("seed003_2-2-1", 4))
    browser = panel.browser
    found = browser.document().find("⊙")
    assert found.charFormat().anchorHref() == "sym:hadamard"
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.position() - 1)
    rect = browser.cursorRect(cursor)
    pos = QPoint(rect.center().x() + 3, rect.center().y())
    assert browser.anchorAt(pos) == "sym:hadamard"
    try:
        qtbot.mouseMove(browser.viewport(), pos)
        qtbot.waitUntil(QToolTip.isVisible)
        assert QToolTip.text() == panel.symbol_help("⊙")
        browser.highlighted.emit(QUrl("sym:gradient"))
        assert QToolTip.text() == panel.symbol_help("∇")
    finally:
        QToolTip.hideText()


def test_large_matrices_are_shown_by_shape(panel):
    project = wide_project(samples=8)
    stepper = project.stepper()
    for _ in stepper.stages:
        snap = stepper.step()
        panel.set_state(ViewState(project, snap, 1))
        assert len(panel.text()) < 20_000  # by shape, not 100 352 numbers (its time: benchmarks/bench_studio.py)
        if snap.stage.name == "forward 1":
            assert "W¹ (128 × 784)" in panel.text()
        if snap.stage.name == "backward 3":
            assert_shown(panel.text(), snap.get("delta", 3)[:, 0])  # sample 1 of 10 outputs


def test_resizing_rewraps_without_duplicating(panel, qtbot):
    panel.set_state(example_state("seed003_2-2-1", 5))
    wide = panel.text()
    panel.resize(340, 450)
    qtbot.waitUntil(lambda: panel.text() != wide)
    narrow = panel.text()
    assert narrow.count("Notes") == 1 and wide.count("Notes") == 1
    assert len(narrow.splitlines()) > len(wide.splitlines())


def test_precision_follows_the_matrix_panels(panel):
    _, states = one_iteration()
    panel.set_state(states[4])
    panel.set_precision(6)
    assert_shown_6 = [format_number(v, 6) for v in np.ravel(states[4].snapshot.get("delta", 1))]
    assert all(v in panel.text() for v in assert_shown_6)


def test_every_number_agrees_with_sigmoid_by_hand(panel):
    """Seed 003's first forward pass checked against σ computed here."""
    project, states = one_iteration()
    W1, b1 = (np.array(p) for p in project.parameters[0])
    a1 = sigmoid(W1 @ states[0].snapshot.arrays["input"] + b1)
    panel.set_state(states[0])
    assert_shown(panel.text(), a1)


def test_runs_alone_as_a_preview(monkeypatch):
    from PySide6.QtWidgets import QApplication

    from bpstudio.app.widgets import preview

    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert preview.preview(lambda: shown.append(EquationPanel()) or shown[-1]) == 0
    assert shown[0].highlighted() == ("loss",)  # the preview opens after forward 1, forward 2, loss
    shown[0].close()


def test_nan_and_infinity_are_written_not_fatal(panel):
    """A diverged run: NaN and infinity in the arrays are written out, the panel keeps working."""
    from dataclasses import replace

    from bpstudio.engine.snapshot import Snapshot

    state = example_state("seed003_2-2-1", 5)
    snap = state.snapshot
    arrays = {k: np.array(v) for k, v in snap.arrays.items()}
    arrays["L1/delta"][0, 0] = np.nan
    arrays["L1/a"][1, 0] = np.inf
    bad = Snapshot.build(snap.spec, snap.stage, snap.next_stage, snap.position, snap.iteration, snap.epoch,
                         snap.batch, arrays, float("nan"), snap.changed)
    panel.set_state(replace(state, snapshot=bad))
    assert "nan" in panel.text() and "inf" in panel.text()


def test_a_parameter_edited_after_the_update_is_not_passed_off_as_the_update(panel):
    project = load_project(example_path("seed003_2-2-1"))
    stepper = project.stepper()
    stepper.finish_iteration()
    snap = stepper.set_parameter(1, "W", (0, 0), 2.5)
    assert snap.stage.kind == "update"
    panel.set_state(ViewState(project, snap, 1))
    text = panel.text()
    assert "edited after this update" in text and "2.5" in text
    assert "W¹ ← W¹ − η ∂L/∂W¹" not in text


def touching_brackets(text: str) -> list[str]:
    """Lines where a matrix's bottom bracket (⎣ ⎦) stands right above another's top bracket (⎡ ⎤)."""
    lines = text.splitlines()
    return [f"{upper!r} / {lower!r}" for upper, lower in zip(lines, lines[1:], strict=False)
            if any(u in "⎣⎦" and l_ in "⎡⎤" for u, l_ in zip(upper, lower, strict=False))]


@pytest.mark.parametrize("name", ["spiral_softmax", "seed003_2-2-1"])
def test_consecutive_column_vectors_do_not_touch(panel, name):
    """Issue 14 item 19: a³, y and δ³ of sample 1 one under the other, and the steps of ∂L/∂b, read as separate
    vectors (an empty line between), never as one tall vector."""
    project, states = one_iteration(name, layer=project_depth(name))
    seen = 0
    for state in states:
        panel.set_state(state)
        text = panel.browser.toPlainText()
        seen += text.count("⎡")
        assert touching_brackets(text) == [], state.snapshot.stage
    assert seen > 10


def project_depth(name: str) -> int:
    return load_project(example_path(name)).network.depth


def stage_texts(panel, project) -> list[str]:
    stepper, texts = project.stepper(), []
    for _ in stepper.stages:
        snap = stepper.step()
        panel.set_state(ViewState(project, snap, snap.stage.layer or project.network.depth, True))
        texts.append(panel.browser.toPlainText())
    return texts


@pytest.mark.parametrize("notation", ["column", "row"])
def test_source_notes_only_in_the_examples_built_from_them(panel, notation):
    """Issue 14 item 16: "seed 000", "seed 003", "3Blue1Brown" only in the projects made from those articles."""
    panel.set_notation(notation)
    seed003 = load_project(example_path("seed003_2-2-1"))
    from_scratch = [replace_name(seed003, "My network"), load_project(example_path("spiral_softmax")),
                    replace_name(load_project(example_path("seed004_chain_1-1-1")), "Untitled")]
    for project in from_scratch:
        for text in stage_texts(panel, project):
            assert "seed" not in text.lower() and "3Blue1Brown" not in text, project.name
    seed000 = stage_texts(panel, load_project(example_path("seed000_output_layer")))
    assert any("seed 000 writes BP2 with (wˡ)ᵀ" in t for t in seed000)
    seed004 = stage_texts(panel, load_project(example_path("seed004_chain_1-1-1")))
    assert all("as seed 004 (after 3Blue1Brown's video) writes it" in t for t in seed004)
    plain = stage_texts(panel, replace_name(seed003, "My network"))
    assert all("squared error with ½: ∇ₐL = aᴸ − y" in t for t in plain)
    assert any("In this network δ¹ is computed with W²" in t for t in plain)  # the BP2 note, without the seed
    if notation == "column":
        assert any("the weights between layers 1 and 2 (seed 000's (wˡ)ᵀ means this matrix)" in t
                   for t in stage_texts(panel, replace_name(seed003, "Seed 000: my copy")))


def replace_name(project, name: str):
    from dataclasses import replace

    return replace(project, name=name)
