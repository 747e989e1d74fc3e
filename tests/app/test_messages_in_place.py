"""Messages never move the controls (a click lands on the row it was aimed at), they go when they no longer apply
(the next step), and a note on the status line ("Snapshot saved to …") is short-lived: the stage's text wins."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from window_helpers import settle

from bpstudio.engine.run_settings import PAUSED, RUNNING, RunStatus


def place(w: QWidget, widget: QWidget) -> QRect:
    """Where ``widget`` is drawn, in the window's coordinates."""
    return QRect(widget.mapTo(w, QPoint(0, 0)), widget.size())


def opened(qtbot, open_window):
    """A window at 1280×800 whose docks have fitted their fields (a timer after the first state)."""
    w = open_window(size=(1280, 800))
    qtbot.wait(50)
    return w


def step(qtbot, w) -> None:
    w.actions_.step.trigger()
    settle(qtbot, w)


def test_a_refusal_on_the_network_form_moves_no_field_and_goes_at_the_next_step(qtbot, open_window):
    w = opened(qtbot, open_window)
    form = w.form
    fields = [form.layer_units_box(1), form.loss_box, form.learning_rate_box]
    before = [place(w, f) for f in fields]
    form.loss_box.setCurrentIndex(form.loss_box.findData("cross_entropy"))  # needs softmax: refused
    qtbot.wait(10)
    assert form.message().startswith("⚠ Not changed") and "softmax" in form.message()
    assert [place(w, f) for f in fields] == before
    message = place(w, form.message_label)
    assert message.top() >= max(r.bottom() for r in before[:2])  # under the fields, not above them
    step(qtbot, w)
    assert form.message() == "" and [place(w, f) for f in fields] == before


def test_a_note_on_the_data_panel_moves_nothing_and_goes_at_the_next_step(qtbot, open_window):
    w = opened(qtbot, open_window)
    w.data_source_dock.raise_()
    panel = w.data_panel
    qtbot.waitUntil(panel.isVisible)
    fields = [panel.source_box, panel.apply_button]
    before = [place(w, f) for f in fields]
    panel.apply_button.click()  # the data the project has already
    assert panel.message() == "ℹ The project already uses this data."
    assert [place(w, f) for f in fields] == before
    step(qtbot, w)
    assert panel.message() == ""


def test_the_run_panel_keeps_its_fields_in_place_whatever_its_lines_say(qtbot, open_window):
    w = opened(qtbot, open_window)
    w.training.run_dock.raise_()
    run = w.training.run_panel
    qtbot.waitUntil(run.isVisible)
    fields = [run.epochs_spin, run.target_edit, run.speed_slider]
    before = [place(w, f) for f in fields]
    run.loss_radio.setChecked(True)
    run.target_edit.setText("zero")
    w.training.actions.run.trigger()  # refused: the target is not a number
    assert "must be a number > 0" in run.message()
    assert [place(w, f) for f in fields] == before
    long_reason = "the training loss 0.00998213 fell below the breakpoint."
    for status in (RunStatus(RUNNING, goal_left="epoch 12 of 100 of this run (2316 in all)"),
                   RunStatus(PAUSED, long_reason, "epoch 37 of 100 of this run (2341 in all)")):
        run.set_status(status)
        qtbot.wait(10)
        assert [place(w, f) for f in fields] == before
    run.target_edit.setText("0.1")
    run.target_edit.textEdited.emit("0.1")
    run.target_edit.editingFinished.emit()
    assert run.message() == ""  # fixed: the refusal no longer applies


def test_the_message_strip_floats_over_the_canvas_and_goes_at_the_next_step(qtbot, open_window):
    w = opened(qtbot, open_window)
    canvas, matrices = place(w, w.canvas), place(w, w.matrices)
    w.show_error("Could not do that: a long explanation of why, in a sentence or two.")
    assert w.messages.isVisible() and w.messages.text().startswith("Could not do that")
    assert (place(w, w.canvas), place(w, w.matrices)) == (canvas, matrices)
    strip = place(w, w.messages)
    assert canvas.contains(strip.topLeft()) and strip.width() > canvas.width() * 0.9
    step(qtbot, w)
    assert w.messages.text() == "" and not w.messages.isVisible()


def test_snapshot_saved_is_short_lived_and_the_stage_text_wins_after_the_next_step(qtbot, open_window, tmp_path):
    w = open_window(size=(1280, 800), stages=1)
    bar = w.statusBar()
    assert w.exports.snapshot_to(tmp_path / "stage.npz")
    assert bar.currentMessage().startswith("Snapshot saved to ")
    assert not w.where.isVisible()  # the note is over the stage's text …
    step(qtbot, w)  # … until the next step (F11)
    assert bar.currentMessage() == "" and w.where.isVisible()
    assert w.where.text().startswith("Forward · layer 2 of 2")
    assert w.exports.snapshot_to(tmp_path / "again.npz")
    assert bar.currentMessage().startswith("Snapshot saved to ")
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=4_500)  # and by itself within 4 s
    assert w.where.isVisible()


def test_the_stage_text_keeps_to_one_line_and_moves_nothing(qtbot, open_window):
    """A long stage text is elided (whole in the tooltip): the status bar keeps its height and nothing in the window
    moves (a wrapping label grew to two lines now and then, and the whole window was laid out again)."""
    w = open_window(size=(1280, 800))
    bar, dock = w.statusBar(), w.form_dock
    qtbot.wait(200)  # the window's own first adjustments over
    before = (bar.geometry(), dock.geometry(), w.canvas.geometry())
    long_text = "Backward · layer 1 of 3 · iteration 123456 · epoch 7890 · L = 0.123456789 " * 4
    w.where.setText(long_text)
    qtbot.wait(30)
    assert w.where.text() == long_text and w.where.toolTip() == long_text
    assert (bar.geometry(), dock.geometry(), w.canvas.geometry()) == before
    assert w.where.height() <= w.where.fontMetrics().height() + 6
