"""The run panel's status line: what a run is doing or why it stopped, in a colour for each state; and the
engine's speeds in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from bpstudio.app.widgets.run_actions import RunActions, run_tip
from bpstudio.app.widgets.styles import ERROR_RED, HINT_STYLE, INFO_BLUE, PASS_GREEN, WAIT_AMBER, text_style
from bpstudio.engine.run_settings import DIVERGED, FINISHED, PAUSED, RUNNING, RunStatus
from bpstudio.session.divergence_texts import describe_divergence

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

STATUS_STYLES = {RUNNING: text_style(INFO_BLUE), PAUSED: text_style(WAIT_AMBER), FINISHED: text_style(PASS_GREEN),
                 DIVERGED: text_style(ERROR_RED)}


def speed_text(label: str) -> str:
    """An engine's speed label, translated (literal strings, so lupdate finds them)."""
    return {
        "1 iteration per second, every stage": translate("RunPanel", "1 iteration per second, every stage"),
        "4 iterations per second, every stage": translate("RunPanel", "4 iterations per second, every stage"),
        "10 iterations per second": translate("RunPanel", "10 iterations per second"),
        "30 iterations per second": translate("RunPanel", "30 iterations per second"),
        "100 iterations per second": translate("RunPanel", "100 iterations per second"),
        "1000 iterations per second": translate("RunPanel", "1000 iterations per second"),
        "as fast as the engine goes": translate("RunPanel", "as fast as the engine goes"),
    }.get(label, label)


def show_on_actions(a: RunActions, state: str, refusal: str) -> None:
    """Run/Resume, Pause and Stop enabled as the run's state allows; Run off while ``refusal`` (why: a value on the
    Training tab that is not valid) and its tip saying so."""
    a.run.setEnabled(state != RUNNING and not refusal)
    a.run.setText(translate("RunPanel", "Resume") if state == PAUSED else translate("RunPanel", "Run"))
    if refusal:
        tip = translate("RunPanel", "Run is off until this is fixed on the Training tab: {why}").format(why=refusal)
    elif state == RUNNING:
        tip = translate("RunPanel", "Training is running: Pause (F6) pauses it, Stop (Shift+F9) ends it.")
    else:
        tip = run_tip(state == PAUSED)
    a.run.setToolTip(tip)
    a.run.setStatusTip(tip)
    a.pause.setEnabled(state == RUNNING)
    a.stop.setEnabled(state in (RUNNING, PAUSED))


def status_text(status: RunStatus) -> str:
    left = f" · {status.goal_left}" if status.goal_left else ""
    if status.state == RUNNING:
        return translate("RunPanel", "Running") + left
    if status.state == PAUSED:
        text = translate("RunPanel", "Paused: {reason}").format(reason=status.reason) if status.reason else \
            translate("RunPanel", "Paused")
        return text + left
    if status.state == FINISHED:
        return translate("RunPanel", "Finished: {reason}").format(reason=status.reason) if status.reason \
            else translate("RunPanel", "Finished")
    if status.state == DIVERGED:
        what = describe_divergence(status.divergence) if status.divergence else status.reason
        return translate("RunPanel", "Diverged: {what} — the panels show the last finite state").format(what=what)
    return translate("RunPanel", "Not running. Run trains toward the goal below.")


class StatusLine(QLabel):
    def __init__(self) -> None:
        super().__init__(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("runStatus")
        self.setToolTip(translate("RunPanel", "What the run is doing, or why it stopped"))
        self._reserve()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the panel

    def _reserve(self) -> None:
        """Three lines kept for it whatever it says, so the run's fields below never move as it changes."""
        self.setMinimumHeight(3 * self.fontMetrics().lineSpacing() + 2)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:  # presentation mode: three lines of the larger font
            self._reserve()
        super().changeEvent(event)

    def show_status(self, status: RunStatus) -> None:
        self.setText(status_text(status))
        self.setStyleSheet(STATUS_STYLES.get(status.state, HINT_STYLE))
