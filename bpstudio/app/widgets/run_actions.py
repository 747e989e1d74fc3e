"""The Run/Resume, Pause and Stop actions (F9, F6, Shift+F9) and the sentence that says where a run diverged."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

from bpstudio.engine.run_settings import Divergence
from bpstudio.engine.text.convention import SYMBOLS
from bpstudio.engine.text.indices import superscript

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


def quantity_name(quantity: str, layer: int | None) -> str:
    """A snapshot key as TEACHING.md writes it: ``L2/z`` → z², ``L1/dW`` → ∂L/∂W¹, ``losses`` → the loss."""
    if quantity.startswith("L") and "/" in quantity:
        head, quantity = quantity.split("/", 1)
        layer = int(head[1:]) if head[1:].isdigit() else layer
    if quantity in SYMBOLS:
        return SYMBOLS[quantity] + (superscript(layer) if layer else "")
    return {"losses": translate("RunPanel", "the loss"), "grad_a": "∇ₐL", "input": translate("RunPanel", "the input"),
            "target": translate("RunPanel", "the target")}.get(quantity, quantity)


def describe_divergence(d: Divergence) -> str:
    """NaN or ∞ first appeared in z² (forward, layer 2) in iteration 37 — iterations counted from 1."""
    kind, _, number = d.stage.partition(" ")
    stage = {"forward": translate("RunPanel", "forward"), "backward": translate("RunPanel", "backward"),
             "loss": translate("RunPanel", "loss"), "update": translate("RunPanel", "update")}.get(kind, kind)
    layer = int(number) if number.isdigit() else d.layer
    where = translate("RunPanel", "{stage}, layer {l}").format(stage=stage, l=layer) if layer else stage
    return translate("RunPanel", "NaN or ∞ first appeared in {q} ({where}) in iteration {i}").format(
        q=quantity_name(d.quantity, d.layer), where=where, i=d.iteration + 1)
