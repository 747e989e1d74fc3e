"""Adam and RMSProp in the window: the form chooses them (only their rows shown, bad β, α or ε refused with a
message and the project's value kept), and at the update stage the equation panel writes their rule and the
engine's numbers: g, v and s after the update, t and the bias corrections, v̂, ŝ, the step and the new W."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from test_equation_panel import assert_shown, fmt
from test_network_form import form, request, seed003, type_into  # noqa: F401 - fixtures

from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.app.equations.stage_list import StageList
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState


def shown_rows(form) -> set[str]:  # noqa: F811
    h = form.hyper_parameters
    boxes = {"momentum": h.momentum_box, "beta1": h.optimizer.beta1_box, "beta2": h.optimizer.beta2_box,
             "alpha": h.optimizer.alpha_box, "eps": h.optimizer.eps_box}
    return {name for name, box in boxes.items() if box.isVisible()}


def test_the_form_chooses_adam_with_only_its_rows_and_refuses_bad_values(qtbot, form, seed003):  # noqa: F811
    h = form.hyper_parameters
    assert shown_rows(form) == {"momentum"}
    form.set_state(replace(seed003, project=replace(seed003.project, training=replace(
        seed003.project.training, momentum=0.9))))
    new, text = request(qtbot, form, lambda: h.optimizer_box.setCurrentIndex(h.optimizer_box.findData("adam")))
    assert new.training.optimizer == "adam" and new.training.momentum == 0.0 and text == "Use the optimizer Adam"
    form.set_state(replace(seed003, project=new))
    assert shown_rows(form) == {"beta1", "beta2", "eps"}
    assert (h.optimizer.beta1_box.text(), h.optimizer.beta2_box.text(), h.optimizer.eps_box.text()) == (
        "0.9", "0.999", "1e-08")  # PyTorch's defaults
    for box, typed, message in ((h.optimizer.beta1_box, "-0.1", "β₁ must be a finite number from 0 up to"),
                                (h.optimizer.beta2_box, "1", "β₂ must be a finite number from 0 up to"),
                                (h.optimizer.eps_box, "0", "ε must be a finite number greater than 0")):
        before = box.text()
        with qtbot.assertNotEmitted(form.projectEditRequested):
            type_into(qtbot, box, typed)
        assert form.message_is_error() and message in form.message()
        assert box.text() == before  # the project keeps its value
    changed, text = request(qtbot, form, lambda: type_into(qtbot, h.optimizer.beta2_box, "0.99"))
    assert changed.training.beta2 == 0.99 and text == "Set Adam β₂ to 0.99"
    new, _ = request(qtbot, form, lambda: h.optimizer_box.setCurrentIndex(h.optimizer_box.findData("rmsprop")))
    form.set_state(replace(seed003, project=new))
    assert shown_rows(form) == {"alpha", "eps"} and h.optimizer.alpha_box.text() == "0.99"
    with qtbot.assertNotEmitted(form.projectEditRequested):
        type_into(qtbot, h.optimizer.alpha_box, "nan")
    assert "α must be a finite number from 0 up to" in form.message()


def stepped_to_the_update(optimizer: str, iterations: int, **settings):
    project = load_project(example_path("seed003_2-2-1"))
    project = replace(project, training=replace(project.training, optimizer=optimizer, learning_rate=0.05,
                                                **settings))
    stepper = project.stepper()
    stepper.run_iterations(iterations - 1)
    states = [ViewState(project, stepper.step(), 1, True) for _ in range(len(stepper.stages) - 1)]
    before = stepper.snapshot()
    states.append(ViewState(project, stepper.step(), 1, True))  # the update
    return states, before


@pytest.fixture
def panel(qtbot):
    p = EquationPanel()
    qtbot.addWidget(p)
    p.resize(700, 600)
    p.show()
    return p


def test_the_update_stage_shows_adams_moments_bias_corrections_and_step(panel):
    states, before = stepped_to_the_update("adam", 3, l2=0.01)
    for state in states:
        panel.set_state(state)
    text, snap = panel.text(), states[-1].snapshot
    m = snap.moments
    assert m is not None and m.t == 3
    assert "v̂ˡ = vˡ/(1 − β₁ᵗ)" in text and "β₁ = 0.9" in text and "λ = 0.01" in text
    assert f"1 − β₁ᵗ = 1 − 0.9³ = {fmt(1 - 0.9 ** 3)}" in " ".join(text.split())  # t = 3: 0.271
    assert f"1 − β₂ᵗ = 1 − 0.999³ = {format_number(1 - 0.999 ** 3, 6)}" in " ".join(text.split())
    assert "v̂_dW¹" in text and "ŝ_dW¹" in text and "t = 3" in text
    W0, W1 = before.get("W", 1), snap.get("W", 1)
    g = snap.get("dW", 1) + 0.01 * W0
    assert_shown(text, g)
    assert_shown(text, m.v[0][0])
    assert_shown(text, m.s[0][0])
    v_hat, s_hat = m.v[0][0] / (1 - 0.9 ** 3), m.s[0][0] / (1 - 0.999 ** 3)
    assert_shown(text, v_hat)
    assert_shown(text, W0 - W1)  # the step, as taken
    np.testing.assert_allclose(W0 - W1, 0.05 * v_hat / (np.sqrt(s_hat) + 1e-8), rtol=1e-12)
    assert_shown(text, W1)
    assert "recovered" not in text  # the panel saw the weights before: the step is the one taken, exactly


def test_the_update_stage_shows_rmsprops_mean_square(panel, qtbot):
    states, before = stepped_to_the_update("rmsprop", 2, l2=0.02)
    panel.set_state(states[-1])  # only the update seen: W before is recovered from the rule
    text, snap = panel.text(), states[-1].snapshot
    assert "sˡ ← αsˡ + (1 − α)(gˡ)²" in text and "α = 0.99" in text
    W0 = before.get("W", 1)
    np.testing.assert_allclose(snap.get("W", 1), W0 - 0.05 * (snap.get("dW", 1) + 0.02 * W0) / (
        np.sqrt(snap.moments.s[0][0]) + 1e-8), rtol=1e-12)
    assert_shown(text, snap.moments.s[0][0])
    assert_shown(text, W0)  # recovered exactly enough to print the same four digits
    assert "recovered" in text
    stages = StageList()
    qtbot.addWidget(stages)
    stages.set_state(states[-1])
    assert stages.list.item(stages.list.count() - 1).text().endswith("Update  (RMSProp: s → W)")
