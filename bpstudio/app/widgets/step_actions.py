"""The stepping commands as actions, with one coherent debugger-like key map.

    F11 step one stage · F10 forward one layer · Shift+F10 backward one layer
    Shift+F11 / Alt+Left step back · F5 finish the iteration · Ctrl+R reset · Esc stop
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


@dataclass
class StepActions:
    step: QAction
    forward: QAction
    backward: QAction
    back: QAction
    finish: QAction
    reset: QAction
    stop: QAction

    def all(self) -> list[QAction]:
        return [self.step, self.forward, self.backward, self.back, self.finish, self.reset, self.stop]


def keys_text(keys: list[str]) -> str:
    return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def make_action(parent: QObject, text: str, keys: list[str], tip: str, name: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(k) for k in keys])
    shown = keys_text(keys)
    full = f"{tip} ({shown})" if keys and shown not in tip else tip  # a tip may name its key itself
    action.setToolTip(full)
    action.setStatusTip(full)
    return action


def step_actions(parent: QObject) -> StepActions:
    return StepActions(
        step=make_action(parent, translate("StepActions", "Step stage"), ["F11"],
                         translate("StepActions",
                                   "Compute the next stage: forward l, loss, backward l or update"), "stepStage"),
        forward=make_action(parent, translate("StepActions", "Forward one layer"), ["F10"],
                            translate("StepActions", "Compute up to the next forward stage: zˡ = Wˡaˡ⁻¹ + bˡ, aˡ = "
                                "f(zˡ)"), "stepForward"),
        backward=make_action(parent, translate("StepActions", "Backward one layer"), ["Shift+F10"],
                             translate("StepActions", "Compute up to the next backward stage: δˡ by BP1 or BP2, then "
                                       "BP3 and BP4"), "stepBackward"),
        back=make_action(parent, translate("StepActions", "Step back"), ["Shift+F11", "Alt+Left"],
                         translate("StepActions", "Return to the previous stage, exactly as it was"), "stepBack"),
        finish=make_action(parent, translate("StepActions", "Finish iteration"), ["F5"],
                           translate("StepActions", "Compute the remaining stages of this iteration, up to and "
                                     "including the update"), "finishIteration"),
        reset=make_action(parent, translate("StepActions", "Reset"), ["Ctrl+R"],
                          translate("StepActions", "Back to the initial weights, iteration 1 (edits to the network "
                              "are kept)"), "reset"),
        stop=make_action(parent, translate("StepActions", "Stop"), ["Esc"],
            translate("StepActions", "Stop the command that is running"), "stop"),
    )
