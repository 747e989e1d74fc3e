"""Compare with…: run B made from the current project with one setting changed, and the two stepped in lockstep.

The settings offered are read generically from the specs' fields (every training and initialiser field, the loss,
each layer's units and activation), so a field added to them later can be changed here too with no code change.
Both runs start from the project's start (its own starting weights, or its initialiser and seed), so they share
the seed, the data and the batches.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from bpstudio.engine import Project, ValidationError
from bpstudio.engine.i18n import translate
from bpstudio.engine.kept_runs import NAMES
from bpstudio.engine.lockstep import Lockstep, Parting
from bpstudio.engine.spec import LayerSpec
from bpstudio.engine.text.indices import idx, superscript

from .project_edits import edit_project

SECTIONS = ("training", "init", "network", "layer")


@dataclass(frozen=True)
class Setting:
    section: str  # training | init | network | layer
    name: str  # the field's name
    layer: int = 0  # 1-based for a layer's field

    def value(self, project: Project) -> object:
        if self.section == "layer":
            return getattr(project.network.layers[self.layer - 1], self.name)
        return getattr(getattr(project, self.section), self.name)

    @property
    def label(self) -> str:
        """"η", "batch", "f²", "units²", "optimizer" …"""
        base = NAMES.get(self.name, self.name.replace("_", " "))
        if self.section == "init" and self.name in ("method", "scale"):
            base = NAMES[self.name]
        text = translate("KeptRuns", base) if base in NAMES.values() else base
        return text + (superscript(self.layer) if self.layer else "")


def settings(project: Project) -> list[Setting]:
    """What Compare with… can change, in the order the forms show them."""
    out = [Setting("training", f.name) for f in fields(project.training)]
    out += [Setting("init", f.name) for f in fields(project.init)]
    for l in range(1, project.network.depth + 1):
        out += [Setting("layer", f.name, l) for f in fields(LayerSpec)]
    out += [Setting("network", "loss")]
    return out


def parse(text: str, like: object, where: str) -> object:
    """``text`` read as a value of the type of ``like`` (the current value)."""
    text = text.strip()
    try:
        if isinstance(like, bool):
            if text.lower() in ("true", "yes", "1", "on"):
                return True
            if text.lower() in ("false", "no", "0", "off"):
                return False
            raise ValueError(text)
        if isinstance(like, int):
            return int(text)
        if isinstance(like, float):
            return float(text)
    except ValueError:
        raise ValidationError(where, translate("Lockstep", "{text!r} is not a value of this setting").format(
            text=text)) from None
    return text


def project_b(a: Project, setting: Setting, text: str) -> Project:
    """Project A with ``setting`` set to ``text`` (checked as the forms' edits are). Raises ``ValidationError``."""
    where = f"{setting.section}.{setting.name}" if not setting.layer else f"layers[{setting.layer - 1}].{setting.name}"
    value: Any = parse(text, setting.value(a), where)
    if value == setting.value(a):
        raise ValidationError(where, translate("Lockstep", "B must differ from A: this is the value A has"))
    if setting.section == "training":
        return edit_project(a, training=replace(a.training, **{setting.name: value})).project
    if setting.section == "init":
        return edit_project(a, init=replace(a.init, **{setting.name: value}), drop_parameters=True).project
    if setting.section == "network":
        return edit_project(a, network=replace(a.network, **{setting.name: value})).project
    layers = list(a.network.layers)
    layers[setting.layer - 1] = replace(layers[setting.layer - 1], **{setting.name: value})
    return edit_project(a, network=replace(a.network, layers=tuple(layers))).project


def start(a: Project, b: Project) -> Lockstep:
    """A and B from their start, side by side (where A's training had got to is left to the window)."""
    return Lockstep(a.with_state(None).stepper(), b.with_state(None).stepper())


def symbol(parting: Parting) -> str:
    """The entry where A and B part: "W¹₁₂", "a²₁₄", "A⁰₂₁" (1-based, as the panels count); the whole array when
    the shapes differ."""
    names = {"delta": "δ", "dW": "∂L/∂W", "db": "∂L/∂b", "grad_a": "∇ₐL", "losses": "L", "input": "A⁰",
             "target": "Y"}
    name = names.get(parting.quantity, parting.quantity) + (superscript(parting.layer) if parting.layer else "")
    return name if parting.index is None else name + idx(*parting.index)


def parting_text(parting: Parting | None, stages: int) -> str:
    """Where A and B first differ, in words."""
    if parting is None:
        return translate("Lockstep", "A and B are equal so far (stages taken: {stages}).").format(stages=stages)
    at = (translate("Lockstep", "from the start (the starting weights or the first batch)") if parting.stage is None
          else translate("Lockstep", "in iteration {i}, stage {stage}").format(i=parting.iteration + 1,
                                                                                 stage=parting.stage.label))
    if parting.index is None:
        return translate("Lockstep", "A and B part {at}: {what} has another shape.").format(
            at=at, what=symbol(parting))
    return translate("Lockstep", "A and B part {at}, first at {entry}: A {a:.6g}, B {b:.6g}.").format(
        at=at, entry=symbol(parting), a=parting.a, b=parting.b)
