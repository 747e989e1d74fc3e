"""The run panel's status line: what a run is doing or why it stopped, in a colour for each state; and the
engine's speeds in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

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

    def show_status(self, status: RunStatus) -> None:
        self.setText(status_text(status))
        self.setStyleSheet(STATUS_STYLES.get(status.state, HINT_STYLE))
