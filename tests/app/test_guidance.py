"""A refused key says why where the user is looking and its control shows it is off; the Help menu's keys table is
read from the actions; the first launch points to the lessons once, until dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from window_helpers import settle

from bpstudio.app.widgets import app_settings
from bpstudio.app.window.help_menu import KeysTable, key_rows
from bpstudio.engine.run_settings import IDLE

WHY = "Run is off until this is fixed on the Training tab: The training loss to reach must be a number > 0"


def test_f9_with_a_wrong_goal_on_a_hidden_tab_says_why_and_run_shows_it_is_off(qtbot, window):
    w, run = window, window.training.run_panel
    w.training.run_dock.raise_()
    run.loss_radio.setChecked(True)
    run.target_edit.setText("fast")
    run.target_edit.editingFinished.emit()  # as leaving the field does
    action = w.training.actions.run
    assert not action.isEnabled() and not run.run_button.isEnabled()  # the control shows it is off …
    assert action.toolTip().startswith(WHY) and run.run_button.toolTip().startswith(WHY)  # … and why
    w.form_dock.raise_()  # the Training tab hidden behind the Network tab
    qtbot.waitUntil(lambda: run.visibleRegion().isEmpty())  # Qt calls a hidden tab "visible"
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.messages.isVisible() and w.messages.text().startswith(WHY)  # over the canvas, where the user looks
    assert w.statusBar().currentMessage().startswith(WHY)
    assert w.controller.run_status.state == IDLE
    run.epochs_radio.setChecked(True)  # the wrong value is no longer used: Run is on again
    assert action.isEnabled() and action.toolTip().startswith("Train: repeat whole iterations")
    qtbot.keyClick(w, Qt.Key.Key_F9)
    settle(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.run_status.state != IDLE, timeout=10_000)


def test_f9_while_running_says_how_to_pause(qtbot, open_window):
    w = open_window(threaded=True)
    w.training.run_panel.forever_radio.setChecked(True)
    w.training.actions.run.trigger()
    qtbot.waitUntil(lambda: not w.training.actions.run.isEnabled())
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.messages.text() == "Training is running: Pause (F6) pauses it, Stop (Shift+F9) ends it."
    w.training.actions.stop.trigger()
    settle(qtbot, w)


def test_the_keys_table_lists_every_key_of_the_window_from_its_actions(qtbot, window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-1] == "&Help" and "&Lessons" in menus
    help_menu = window.guidance.help.menu
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "Keyboard shortcuts", "User guide", "About BP Studio"]
    table = window.guidance.help.show_keys()
    assert isinstance(table, KeysTable) and table.isVisible() and not table.isModal()
    rows = table.rows()
    keys = {row[0]: row for row in rows}
    assert keys["F11"][1:] == ["Step stage", "Step"] and keys["F9"][1:] == ["Run", "Train"]
    assert keys["F1"][1:] == ["Lesson panel", "Lessons"] and keys["Ctrl+N"][1:] == ["New project", "File"]
    assert keys["Ctrl+/"][1:] == ["Keyboard shortcuts", "Help"]
    # every action of the window that has a key is in the table, each once, and no key is listed twice
    from PySide6.QtGui import QAction
    with_keys = {a for a in window.findChildren(QAction) if a.shortcuts()}
    listed = {k.toString(QKeySequence.SequenceFormat.NativeText) for a in with_keys for k in a.shortcuts()}
    shown = {k for row in rows for k in row[0].split(" / ")}
    assert listed == shown and len(rows) == len(key_rows(window))
    all_keys = [k for row in rows for k in row[0].split(" / ")]
    assert len(all_keys) == len(set(all_keys)), "two actions share a key"
    table.close()


def test_about_names_the_version_and_points_to_the_lessons(qtbot, window):
    text = window.guidance.help.about_text()
    assert text.startswith("BP Studio 0.") and "F1" in text and "MIT" in text
    window.guidance.help.about_action.trigger()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].windowTitle() == "About BP Studio" and not boxes[0].isModal()
    boxes[0].close()


def test_the_first_launch_points_to_the_lessons_until_dismissed(qtbot, open_window):
    w = open_window(size=(1280, 800))
    pointer = w.guidance.pointer
    assert pointer is not None and pointer.isVisible() and "F1" in pointer.label.text()
    assert pointer.geometry().right() <= w.statusBar().width() and w.where.isVisible()  # beside the stage's text
    pointer.close_button.click()
    assert not pointer.isVisible() and app_settings.lesson_pointer_dismissed()
    w.close()
    again = open_window(size=(1280, 800))
    assert again.guidance.pointer is None  # it does not come back


def test_opening_the_lessons_counts_as_found(qtbot, open_window):
    w = open_window()
    w.guidance.pointer.open_button.click()
    assert w.lessons.dock.isVisible() and not w.guidance.pointer.isVisible()
    assert app_settings.lesson_pointer_dismissed()


def test_step_back_and_pause_say_why_they_are_off(qtbot, window):
    w, back = window, window.actions_.back
    assert not back.isEnabled()
    assert back.toolTip().startswith("Step back (Shift+F11 / Alt+Left) is off: no earlier stage is kept")
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    qtbot.keyClick(w, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    assert w.messages.text().startswith("Step back (Shift+F11 / Alt+Left) is off")
    assert w.statusBar().currentMessage().startswith("Step back (")
    w.actions_.step.trigger()
    settle(qtbot, w)
    assert back.isEnabled() and back.toolTip().startswith("Return to the previous stage")  # its own tip again
    qtbot.keyClick(w, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)  # the action itself, not the refusal
    settle(qtbot, w)
    assert w.state.snapshot.position == 0 and w.messages.text() == ""
    qtbot.keyClick(w, Qt.Key.Key_F6)
    assert w.messages.text() == "Pause (F6) is off: no run is going; Run (F9) starts one."
