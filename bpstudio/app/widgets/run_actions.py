"""The Run/Resume, Pause and Stop actions (F9, F6, Shift+F9) and their tooltips."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

from .step_actions import keys_text, make_action

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

RUN_KEYS, PAUSE_KEYS, STOP_KEYS = ["F9"], ["F6"], ["Shift+F9"]


@dataclass
class RunActions:
    run: QAction  # its text reads "Resume" while a run is paused
    pause: QAction
    stop: QAction

    def all(self) -> list[QAction]:
        return [self.run, self.pause, self.stop]


def make_run_actions(parent: QObject) -> RunActions:
    """Run/Resume F9, Pause F6, Stop Shift+F9: free in the stepping keys and the window's menus."""
    actions = RunActions(
        run=make_action(parent, translate("RunPanel", "Run"), RUN_KEYS, run_tip(False), "runTraining"),
        pause=make_action(parent, translate("RunPanel", "Pause"), PAUSE_KEYS, translate(
            "RunPanel", "Pause the run after the current stage; Resume goes on toward the goal"), "pauseTraining"),
        stop=make_action(parent, translate("RunPanel", "Stop"), STOP_KEYS,
                         translate("RunPanel", "End the run; the weights stay as the run left them"), "stopTraining"),
    )
    actions.pause.setEnabled(False)
    actions.stop.setEnabled(False)
    return actions


def run_tip(resume: bool) -> str:
    tip = translate("RunPanel", "Resume the paused run toward its goal, with the settings below") if resume else \
        translate("RunPanel", "Train: repeat whole iterations (forward, loss, backward, update) until the goal below "
                  "is reached or a breakpoint pauses the run")
    return f"{tip} ({keys_text(RUN_KEYS)})"
