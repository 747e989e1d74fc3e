"""The run panel: train many iterations toward a goal, at a chosen speed, with breakpoints.

The window owns the Run/Resume, Pause and Stop actions (``make_run_actions``: F9, F6, Shift+F9) and
gives them to the panel, which shows them as buttons: shortcut, tooltip and enabled state live in one
place. The panel asks with signals and shows what the engine reports with ``set_status``.
"""

from __future__ import annotations

import math
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import INT_MAX, fill, shown_message, spin_box, wrapped_label
from bpstudio.app.widgets.preview import show_alone
from bpstudio.app.widgets.run_actions import RunActions, make_run_actions
from bpstudio.app.widgets.styles import ERROR_STYLE, HINT_STYLE, SECTION_STYLE
from bpstudio.engine import ValidationError
from bpstudio.engine.run_settings import IDLE, PAUSED, RUNNING, SPEEDS, Breakpoints, RunGoal, RunSettings, RunStatus

from .run_status import StatusLine, show_on_actions, speed_text, status_text


class RunPanel(QWidget):
    """Goal, speed and breakpoints of a run; Run/Resume, Pause, Stop as buttons for the window's actions.

    ``settings()`` raises ``ValidationError`` (with a message for people) when a typed value is not
    valid; triggering Run then shows the message in the panel and requests nothing.
    """

    runRequested = Signal(object)  # a validated RunSettings; also on Resume (a PAUSED status tells which)
    pauseRequested = Signal()
    stopRequested = Signal()
    speedChanged = Signal(int)  # index into SPEEDS, at once, also while running

    def __init__(self, parent: QWidget | None = None, actions: RunActions | None = None) -> None:
        super().__init__(parent)
        self.status = RunStatus()
        self._actions: RunActions | None = None
        self._refusal = ""  # why Run is off: a value on this panel that is not valid

        self._buttons = (QToolButton(), QToolButton(), QToolButton())
        self.run_button, self.pause_button, self.stop_button = self._buttons
        buttons = QHBoxLayout()
        for button in self._buttons:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(30)
            buttons.addWidget(button)
        font = self.run_button.font()
        font.setBold(True)
        self.run_button.setFont(font)

        self.status_label = StatusLine()
        self.message_label = wrapped_label("", "runMessage", "", ERROR_STYLE, True, hidden=True)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # nor widens

        layout = fill(QVBoxLayout(self), buttons, self.status_label, margins=(8, 6, 8, 8))
        self.goal_box = self._build_goal()
        self.speed_box = self._build_speed()
        self.breakpoint_box = self._build_breakpoints()
        # a refusal under the sections: showing it moves none of their fields
        fill(layout, self.goal_box, self.speed_box, self.breakpoint_box, self.message_label, (None, 1))

        for toggled in (self.goal_group.buttonToggled, self.loss_break_check.toggled):
            toggled.connect(self._recheck)  # a wrong value no longer used: Run is on again (and the reverse)
        for edit in (self.target_edit, self.loss_break_edit):  # while Run is off: on again as soon as it is fixed
            edit.textChanged.connect(lambda _text: self._refusal and self._recheck())
        self.set_actions(*(actions or make_run_actions(self)).all())
        if actions is None:
            self.addActions(self.actions_.all())  # standalone: the keys work in the panel itself
        self.set_status(self.status)

    # ----- construction -----------------------------------------------------------------
    @staticmethod
    def _section(title: str, tip: str, rows: list[tuple[QWidget, ...]]) -> tuple[QWidget, QLabel]:
        """A bold title over a grid: each row a control and, if any, its field."""
        header = wrapped_label(title, "", tip, SECTION_STYLE, True)
        grid = QGridLayout()
        for i, row in enumerate(rows):
            for j, widget in enumerate(row):
                grid.addWidget(widget, i, j, 1, 2 if len(row) == 1 else 1)
        grid.setColumnStretch(1, 1)
        section = QWidget()
        fill(QVBoxLayout(section), header, grid, margins=(0, 6, 0, 0))
        return section, header

    def _build_goal(self) -> QWidget:
        self.epochs_radio = QRadioButton(self.tr("Run for"))
        self.epochs_radio.setToolTip(self.tr("End after this many more epochs (one epoch = every sample once)"))
        self.epochs_spin = spin_box(1, value=100, suffix=self.tr(" epochs"))
        self.epochs_spin.setToolTip(self.epochs_radio.toolTip())
        self.epochs_spin.setMinimumWidth(70)
        self.loss_radio = QRadioButton(self.tr("Until training loss <"))
        self.loss_radio.setToolTip(self.tr(
            "End as soon as the training loss (the mean over the training set) is below this number"))
        self.target_edit = QLineEdit("0.01")
        self.target_edit.setToolTip(self.tr("A number > 0, such as 0.01 or 1e-3"))
        self.forever_radio = QRadioButton(self.tr("Keep going until stopped"))
        self.forever_radio.setToolTip(self.tr("No goal: the run goes on until you press Stop or a breakpoint "
                                              "pauses it"))
        self.goal_group = QButtonGroup(self)
        for i, radio in enumerate((self.epochs_radio, self.loss_radio, self.forever_radio)):
            self.goal_group.addButton(radio, i)
        self.epochs_radio.setChecked(True)
        self.epochs_spin.valueChanged.connect(lambda: self.epochs_radio.setChecked(True))
        self.target_edit.textEdited.connect(lambda: self.loss_radio.setChecked(True))
        self.target_edit.editingFinished.connect(self._recheck)
        return self._section(self.tr("Goal"), self.tr("When the run ends by itself"), [
            (self.epochs_radio, self.epochs_spin), (self.loss_radio, self.target_edit), (self.forever_radio,)])[0]

    def _build_speed(self) -> QWidget:
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, tickPosition=QSlider.TickPosition.TicksBelow)
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setPageStep(1)
        self.speed_slider.setValue(RunSettings().speed)
        self.speed_slider.setToolTip(self.tr(
            "How fast the run goes. The slowest speeds show every stage of every iteration in turn; faster ones "
            "show whole iterations; the fastest refreshes the panels only as often as the screen needs.\n"
            "A change applies at once, also while running."))
        tip = self.speed_slider.toolTip()
        self.speed_label = wrapped_label("", "speedLabel", tip, HINT_STYLE, True)
        self.speed_slider.valueChanged.connect(self._speed_moved)
        self._speed_moved(self.speed_slider.value(), emit=False)
        row = QWidget()
        fill(QHBoxLayout(row), wrapped_label(self.tr("slow"), "", tip, HINT_STYLE, True), (self.speed_slider, 1),
             wrapped_label(self.tr("fast"), "", tip, HINT_STYLE, True), margins=(0, 0, 0, 0))
        section, header = self._section(self.tr("Playback speed"), tip, [(row,), (self.speed_label,)])
        header.setBuddy(self.speed_slider)
        return section

    def _build_breakpoints(self) -> QWidget:
        self.loss_break_check = QCheckBox(self.tr("Pause &when training loss <"))
        self.loss_break_check.setToolTip(self.tr("Pause once the training loss is below this number (> 0)"))
        self.loss_break_edit = QLineEdit("0.05")
        self.loss_break_edit.setToolTip(self.tr("A number > 0, such as 0.05 or 1e-3"))
        self.loss_break_edit.textEdited.connect(lambda: self.loss_break_check.setChecked(True))
        self.loss_break_edit.editingFinished.connect(self._recheck)
        self.nonfinite_check = QCheckBox(self.tr("Pause on NaN or ∞"))
        self.nonfinite_check.setChecked(True)
        self.nonfinite_check.setToolTip(self.tr(
            "Pause at the first number that is not finite (NaN or ±∞), for example when the learning rate is too "
            "large; the panels keep the last finite state and the status says where it appeared"))
        self.epoch_break_check = QCheckBox(self.tr("Pause on completing epoch"))
        self.epoch_break_check.setToolTip(self.tr("Pause when this epoch (counted from 1) is complete"))
        self.epoch_break_spin = spin_box(1, value=10)
        self.epoch_break_spin.setToolTip(self.epoch_break_check.toolTip())
        self.epoch_break_spin.setMinimumWidth(70)
        self.epoch_break_spin.valueChanged.connect(lambda: self.epoch_break_check.setChecked(True))
        return self._section(self.tr("Breakpoints"), self.tr("Pause the run (Resume goes on) when one of these "
                                                             "happens"), [
            (self.loss_break_check, self.loss_break_edit), (self.nonfinite_check,),
            (self.epoch_break_check, self.epoch_break_spin)])[0]

    # ----- actions ----------------------------------------------------------------------
    def set_actions(self, run: QAction, pause: QAction, stop: QAction) -> None:
        """Show these actions as the panel's buttons; their ``triggered`` becomes the panel's requests."""
        requests = (self._run_triggered, self.pauseRequested, self.stopRequested)
        if self._actions is not None:
            for old, request in zip(self._actions.all(), requests, strict=True):
                old.triggered.disconnect(request)
        self._actions = RunActions(run, pause, stop)
        for action, request, button in zip(self._actions.all(), requests, self._buttons, strict=True):
            action.triggered.connect(request)
            button.setDefaultAction(action)
        self.set_status(self.status)

    @property
    def actions_(self) -> RunActions:
        assert self._actions is not None
        return self._actions

    def _run_triggered(self) -> None:
        settings = self._recheck()
        if settings is not None:
            self.runRequested.emit(settings)

    # ----- values -----------------------------------------------------------------------
    def settings(self) -> RunSettings:
        """The run the controls describe, validated; raises ``ValidationError`` (``.message`` is for people)
        when a loss typed into a field that is in use is not a number > 0."""
        kind = ("epochs", "loss", "forever")[max(0, self.goal_group.checkedId())]
        target = RunGoal().target_loss
        if kind == "loss":
            target = self._positive(self.target_edit, "goal.target_loss", self.tr("The training loss to reach"))
        loss_below = None
        if self.loss_break_check.isChecked():
            loss_below = self._positive(self.loss_break_edit, "breakpoints.loss_below",
                                        self.tr("The loss breakpoint"))
        goal = RunGoal(kind, self.epochs_spin.value(), target)
        breakpoints = Breakpoints(loss_below, self.nonfinite_check.isChecked(),
                                  self.epoch_break_spin.value() if self.epoch_break_check.isChecked() else None)
        return RunSettings(goal, breakpoints, self.speed_slider.value()).validate()

    def _positive(self, edit: QLineEdit, field: str, what: str) -> float:
        text = edit.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            raise ValidationError(field, self.tr("{what} must be a number > 0, such as 0.01 or 1e-3, not “{text}”.")
                                  .format(what=what, text=text))
        return value

    def _recheck(self) -> RunSettings | None:
        """After typing (and on Run): say at once what is wrong (or that it is fixed); the settings if valid. While
        a value is wrong, Run is off and its tip (and F9, in the window) says why."""
        try:
            settings = self.settings()
        except ValidationError as e:
            self._show_message(e.message)
            self._refusal = e.message
            self.set_status(self.status)
            return None
        self._show_message("")
        if self._refusal:
            self._refusal = ""
            self.set_status(self.status)
        return settings

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        """The panel's error message, or "" when there is none."""
        return shown_message(self.message_label)

    def set_default_epochs(self, n: int) -> None:
        """Start the goal's epochs from the project's training.epochs (the goal choice is kept)."""
        checked = self.goal_group.checkedButton()
        self.epochs_spin.setValue(max(1, min(int(n), INT_MAX)))
        if checked is not None:
            checked.setChecked(True)

    def _speed_moved(self, index: int, emit: bool = True) -> None:
        self.speed_label.setText(speed_text(SPEEDS[index].label))
        if emit:
            self.speedChanged.emit(index)

    def set_status(self, status: RunStatus) -> None:
        self.status = status
        state = status.state
        if self._actions is not None:
            show_on_actions(self._actions, state, self._refusal)
        # the goal and breakpoints of a running run are fixed; the speed can change at any time
        self.goal_box.setEnabled(state != RUNNING)
        self.breakpoint_box.setEnabled(state != RUNNING)
        self.status_label.show_status(status)

    status_text = staticmethod(status_text)  # the window's status bar says the same


def preview_panel() -> RunPanel:
    """A panel driven by a pretend engine: Run runs, Pause pauses, Stop stops."""
    panel = RunPanel()
    panel.set_default_epochs(100)

    def run(s: RunSettings) -> None:
        left = f"0 of {s.goal.epochs} epochs" if s.goal.kind == "epochs" else ""
        panel.set_status(RunStatus(RUNNING, goal_left=left))

    panel.runRequested.connect(run)
    panel.pauseRequested.connect(lambda: panel.set_status(RunStatus(PAUSED, "paused by you")))
    panel.stopRequested.connect(lambda: panel.set_status(RunStatus(IDLE)))
    panel.speedChanged.connect(lambda i: print("speed", SPEEDS[i].label))
    return panel


if __name__ == "__main__":
    sys.exit(show_alone(preview_panel, 330, 520))
