"""The run panel: its controls describe a valid RunSettings, bad typed values are refused with a message,
the actions follow the run's status, and the speed applies at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QSlider, QSpinBox

from bpstudio.app.forms.run_panel import RunPanel, preview_panel
from bpstudio.app.widgets.run_actions import make_run_actions
from bpstudio.app.widgets.step_actions import step_actions
from bpstudio.engine.run_settings import (
    DIVERGED,
    FASTEST,
    FINISHED,
    IDLE,
    PAUSED,
    RUNNING,
    SPEEDS,
    Breakpoints,
    Divergence,
    RunGoal,
    RunSettings,
    RunStatus,
)
from bpstudio.session.divergence_texts import describe_divergence

WINDOW_KEYS = ["Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+O", "Ctrl+Q", "Ctrl+PgUp", "Ctrl+PgDown", "Ctrl+=", "Ctrl+-"]


@pytest.fixture
def panel(qtbot) -> RunPanel:
    p = RunPanel()
    qtbot.addWidget(p)
    p.resize(320, 520)
    p.show()
    return p


def run(qtbot, panel: RunPanel) -> RunSettings:
    with qtbot.waitSignal(panel.runRequested, timeout=1000) as blocker:
        panel.actions_.run.trigger()
    return blocker.args[0]


def test_defaults_are_the_engine_defaults_with_nan_breakpoint_on(panel):
    s = panel.settings()
    assert s == RunSettings(RunGoal("epochs", 100, 0.01), Breakpoints(None, True, None), FASTEST)


def test_settings_reflect_each_control(qtbot, panel):
    panel.epochs_spin.setValue(250)
    assert panel.settings().goal == RunGoal("epochs", 250, 0.01)

    panel.loss_radio.setChecked(True)
    panel.target_edit.setText("1e-3")
    assert panel.settings().goal == RunGoal("loss", 250, 0.001)
    panel.target_edit.setText(" 0.25 ")
    assert panel.settings().goal.target_loss == 0.25

    panel.forever_radio.setChecked(True)
    assert panel.settings().goal.kind == "forever"

    panel.loss_break_check.setChecked(True)
    panel.loss_break_edit.setText("0.05")
    panel.nonfinite_check.setChecked(False)
    panel.epoch_break_check.setChecked(True)
    panel.epoch_break_spin.setValue(7)
    assert panel.settings().breakpoints == Breakpoints(0.05, False, 7)

    panel.speed_slider.setValue(2)
    s = run(qtbot, panel)
    assert s.speed == 2 and s.goal.kind == "forever" and s.breakpoints == Breakpoints(0.05, False, 7)


def test_typing_into_a_field_selects_its_choice(qtbot, panel):
    qtbot.keyClicks(panel.target_edit, "5")  # "0.015"
    assert panel.loss_radio.isChecked()
    panel.epochs_spin.setValue(3)
    assert panel.epochs_radio.isChecked()
    qtbot.keyClicks(panel.loss_break_edit, "1")
    assert panel.loss_break_check.isChecked()
    panel.epoch_break_spin.setValue(4)
    assert panel.epoch_break_check.isChecked()


@pytest.mark.parametrize("text", ["abc", "-1", "0", "", "nan", "inf"])
def test_a_bad_loss_target_is_refused_with_a_message(qtbot, panel, text):
    panel.set_status(RunStatus(PAUSED, "paused by you"))
    panel.loss_radio.setChecked(True)
    panel.target_edit.setText(text)
    with qtbot.assertNotEmitted(panel.runRequested):
        panel.actions_.run.trigger()
    assert "must be a number > 0" in panel.message()
    assert f"“{text}”" in panel.message()
    assert panel.message_label.styleSheet().count("color: #b3261e")  # red
    # the previous state stays
    assert panel.status == RunStatus(PAUSED, "paused by you")
    assert panel.actions_.run.text() == "Resume" and not panel.actions_.run.isEnabled()  # off until fixed …
    assert panel.actions_.run.toolTip().startswith("Run is off until this is fixed on the Training tab: ")

    panel.target_edit.setText("0.01")  # … and on again as soon as it is
    assert panel.actions_.run.isEnabled() and panel.message() == ""
    assert run(qtbot, panel).goal.target_loss == 0.01
    assert panel.message() == ""  # fixed: the message goes


def test_a_bad_loss_breakpoint_is_refused_only_when_checked(qtbot, panel):
    panel.loss_break_edit.setText("-1")
    assert run(qtbot, panel).breakpoints.loss_below is None  # unchecked: not used, not checked
    panel.loss_break_check.setChecked(True)
    with qtbot.assertNotEmitted(panel.runRequested):
        panel.actions_.run.trigger()
    assert "loss breakpoint" in panel.message()


def test_a_bad_target_is_ignored_while_another_goal_is_chosen(qtbot, panel):
    panel.target_edit.setText("abc")
    panel.epochs_radio.setChecked(True)
    assert run(qtbot, panel).goal == RunGoal("epochs", 100, 0.01)


def test_editing_finished_says_at_once_what_is_wrong(qtbot, panel):
    panel.target_edit.setText("0")
    panel.loss_radio.setChecked(True)
    panel.target_edit.editingFinished.emit()
    assert "must be a number > 0" in panel.message()
    panel.target_edit.setText("0.5")
    panel.target_edit.editingFinished.emit()
    assert panel.message() == ""


@pytest.mark.parametrize(("state", "run_on", "pause_on", "stop_on", "run_text"), [
    (IDLE, True, False, False, "Run"),
    (RUNNING, False, True, True, "Run"),
    (PAUSED, True, False, True, "Resume"),
    (FINISHED, True, False, False, "Run"),
    (DIVERGED, True, False, False, "Run"),
])
def test_status_sets_the_actions(panel, state, run_on, pause_on, stop_on, run_text):
    panel.set_status(RunStatus(state))
    a = panel.actions_
    assert (a.run.isEnabled(), a.pause.isEnabled(), a.stop.isEnabled()) == (run_on, pause_on, stop_on)
    assert a.run.text() == run_text and panel.run_button.text() == run_text
    assert run_text in a.run.toolTip() or "Train" in a.run.toolTip()
    assert "F9" in a.run.toolTip()
    # the goal and breakpoints of a running run are fixed; the speed is not
    assert panel.goal_box.isEnabled() == (state != RUNNING)
    assert panel.breakpoint_box.isEnabled() == (state != RUNNING)
    assert panel.speed_slider.isEnabled()


def test_status_lines(panel):
    panel.set_status(RunStatus(RUNNING, goal_left="12 of 100 epochs"))
    assert panel.status_label.text() == "Running · 12 of 100 epochs"
    panel.set_status(RunStatus(PAUSED, reason="training loss 0.0093 < 0.01"))
    assert panel.status_label.text() == "Paused: training loss 0.0093 < 0.01"
    panel.set_status(RunStatus(FINISHED, reason="100 epochs done"))
    assert panel.status_label.text() == "Finished: 100 epochs done"
    panel.set_status(RunStatus(DIVERGED, reason="nan", divergence=Divergence(36, "forward 2", 2, "L2/z")))
    assert panel.status_label.text() == ("Diverged: z² became too large to compute (infinite, or NaN: not a number) "
                                         "in iteration 37, in the forward pass — the panels show the last finite "
                                         "state")
    panel.set_status(RunStatus(IDLE))
    assert panel.status_label.text().startswith("Not running")


@pytest.mark.parametrize(("divergence", "text"), [
    (Divergence(0, "loss", None, "losses"),
     "the loss became too large to compute (infinite, or NaN: not a number) in iteration 1"),
    (Divergence(9, "backward 1", 1, "L1/dW"),
     "∂L/∂W¹ became too large to compute (infinite, or NaN: not a number) in iteration 10, in the backward pass"),
    (Divergence(4, "backward 3", 3, "L3/delta"),
     "δ³ became too large to compute (infinite, or NaN: not a number) in iteration 5, in the backward pass"),
    (Divergence(4, "update", None, "L12/b"),
     "b¹² became too large to compute (infinite, or NaN: not a number) in iteration 5, when the weights were updated"),
])
def test_divergence_sentences_in_plain_words(divergence, text):
    """Issue 14 item 11: no "(loss)" after "the loss", no snapshot keys ("losses"), no bare "NaN or ∞"."""
    assert describe_divergence(divergence) == text
    assert "(loss)" not in text and "losses" not in text and "first appeared" not in text


def test_speed_changes_are_emitted_at_once_with_the_slider_value(qtbot, panel):
    panel.set_status(RunStatus(RUNNING))
    for value in (0, 3, FASTEST):
        if panel.speed_slider.value() == value:
            continue
        with qtbot.waitSignal(panel.speedChanged, timeout=1000) as blocker:
            panel.speed_slider.setValue(value)
        assert blocker.args == [value]
        assert panel.speed_label.text() == SPEEDS[value].label
    assert panel.speed_slider.maximum() == len(SPEEDS) - 1


def test_pause_and_stop_request(qtbot, panel):
    panel.set_status(RunStatus(RUNNING))
    with qtbot.waitSignal(panel.pauseRequested, timeout=1000):
        panel.pause_button.click()
    with qtbot.waitSignal(panel.stopRequested, timeout=1000):
        panel.stop_button.click()


def test_the_window_owns_the_actions(qtbot):
    owner = QObject()
    actions = make_run_actions(owner)
    p = RunPanel(actions=actions)
    qtbot.addWidget(p)
    assert p.run_button.defaultAction() is actions.run
    with qtbot.waitSignal(p.runRequested, timeout=1000):
        actions.run.trigger()
    other = make_run_actions(owner)
    p.set_actions(other.run, other.pause, other.stop)
    with qtbot.assertNotEmitted(p.runRequested):
        actions.run.trigger()  # the old action no longer runs
    p.set_status(RunStatus(RUNNING))
    assert other.stop.isEnabled() and not other.run.isEnabled()
    with qtbot.waitSignal(p.stopRequested, timeout=1000):
        other.stop.trigger()
    assert p.stop_button.defaultAction() is other.stop


def test_keys_do_not_clash_with_the_window(qtbot):
    owner = QObject()
    taken = [QKeySequence(k) for k in WINDOW_KEYS]
    for action in step_actions(owner).all():
        taken += action.shortcuts()
    actions = make_run_actions(owner)
    ours = [key for a in actions.all() for key in a.shortcuts()]
    assert [k.toString() for k in ours] == ["F9", "F6", "Shift+F9"]
    assert not set(k.toString() for k in ours) & set(k.toString() for k in taken)
    for action, key in zip(actions.all(), ["F9", "F6", "Shift+F9"], strict=True):
        assert key in action.toolTip()


def test_set_default_epochs_keeps_the_goal_choice(panel):
    panel.loss_radio.setChecked(True)
    panel.set_default_epochs(40)
    assert panel.epochs_spin.value() == 40 and panel.loss_radio.isChecked()


def test_every_control_has_a_tooltip_and_the_mnemonics_are_distinct(panel):
    controls = panel.findChildren(QAbstractButton) + panel.findChildren(QLineEdit) + \
        panel.findChildren(QSpinBox) + panel.findChildren(QSlider)
    controls = [c for c in controls if c.parent() is not None and not isinstance(c.parent(), QSpinBox)]
    assert len(controls) >= 13
    assert [c for c in controls if not c.toolTip()] == []
    texts = [w.text() for w in panel.findChildren(QAbstractButton) + panel.findChildren(QLabel)]
    letters = [m.group(1).lower() for t in texts for m in [re.search(r"&(\w)", t)] if m]
    # one letter of its own: the window's other mnemonics take the rest (test_mnemonics checks the whole window)
    assert letters == ["w"]


def test_runs_alone_as_a_preview(qtbot):
    p = preview_panel()
    qtbot.addWidget(p)
    p.actions_.run.trigger()
    assert p.status.state == RUNNING and p.status_label.text() == "Running · 0 of 100 epochs"
    p.actions_.pause.trigger()
    assert p.actions_.run.text() == "Resume"
    p.actions_.stop.trigger()
    assert p.status.state == IDLE
