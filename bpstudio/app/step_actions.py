"""The stepping commands as actions, with one coherent debugger-like key map.

    F11 step one stage · F10 forward one layer · Shift+F10 backward one layer
    Shift+F11 / Alt+Left step back · F5 finish the iteration · Ctrl+R reset · Esc stop
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepActions", text)


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


def make_action(parent: QObject, text: str, keys: list[str], tip: str, name: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(k) for k in keys])
    shown = " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    full = f"{tip} ({shown})" if keys else tip
    action.setToolTip(full)
    action.setStatusTip(full)
    return action


def step_actions(parent: QObject) -> StepActions:
    return StepActions(
        step=make_action(parent, _tr("Step stage"), ["F11"],
                         _tr("Compute the next stage: forward l, loss, backward l or update"), "stepStage"),
        forward=make_action(parent, _tr("Forward one layer"), ["F10"],
                            _tr("Compute up to the next forward stage: zˡ = Wˡaˡ⁻¹ + bˡ, aˡ = f(zˡ)"), "stepForward"),
        backward=make_action(parent, _tr("Backward one layer"), ["Shift+F10"],
                             _tr("Compute up to the next backward stage: δˡ by BP1 or BP2, then BP3 and BP4"),
                             "stepBackward"),
        back=make_action(parent, _tr("Step back"), ["Shift+F11", "Alt+Left"],
                         _tr("Return to the previous stage, exactly as it was"), "stepBack"),
        finish=make_action(parent, _tr("Finish iteration"), ["F5"],
                           _tr("Compute the remaining stages of this iteration, up to and including the update"),
                           "finishIteration"),
        reset=make_action(parent, _tr("Reset"), ["Ctrl+R"],
                          _tr("Back to the initial weights, iteration 1 (edits to the network are kept)"), "reset"),
        stop=make_action(parent, _tr("Stop"), ["Esc"], _tr("Stop the command that is running"), "stop"),
    )
