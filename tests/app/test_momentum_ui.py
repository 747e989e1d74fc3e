"""Momentum and L2 decay in the window: the form edits them (a bad λ refused with a message), and the update
equation shows the rule in use with the step actually taken, from the engine's numbers."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from test_equation_panel import assert_shown
from test_network_form import form, request, seed003, type_into  # noqa: F401 - fixtures

from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.view_state import ViewState


def test_form_sets_momentum_and_l2_and_refuses_a_negative_decay(qtbot, form):  # noqa: F811
    new, text = request(qtbot, form, lambda: form.momentum_box.setValue(0.9))
    assert new.training.momentum == 0.9 and text == "Set momentum to 0.9"
    assert "v ← μv − η(∂L/∂W + λW)" in form.momentum_box.toolTip()
    new, text = request(qtbot, form, lambda: type_into(qtbot, form.l2_box, "1e-3"))
    assert new.training.l2 == 1e-3 and text == "Set L2 decay to 0.001"
    with qtbot.assertNotEmitted(form.projectEditRequested):
        type_into(qtbot, form.l2_box, "-1")
    assert form.message_is_error() and "λ must be a finite number ≥ 0" in form.message()
    assert form.l2_box.text() == "0.0"  # back to the project's value


def test_update_equation_shows_momentum_rule_and_the_step_taken(qtbot):
    project = load_project(example_path("seed003_2-2-1"))
    project = replace(project, training=replace(project.training, momentum=0.5, l2=0.01))
    stepper = project.stepper()
    panel = EquationPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    for _ in range(len(stepper.stages) - 1):
        panel.set_state(ViewState(project, stepper.step(), 1, True))
    W_before = stepper.snapshot().get("W", 1).copy()
    snap = stepper.step()  # the update
    panel.set_state(ViewState(project, snap, 1, True))
    text = panel.text()
    assert "vˡ ← μvˡ − η(∂L/∂Wˡ + λWˡ)" in text and "μ = 0.5" in text and "λ = 0.01" in text
    step = snap.get("W", 1) - W_before
    np.testing.assert_allclose(step, -0.5 * (snap.get("dW", 1) + 0.01 * W_before), rtol=1e-12)  # the first step
    assert_shown(text, snap.get("W", 1))
    assert_shown(text, step)
