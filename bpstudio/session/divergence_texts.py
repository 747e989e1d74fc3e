"""What the window says when training goes wrong, in plain words: numbers that grew too large to compute (a
diverged run, a diverging step), and a network that has stopped learning (dead or saturated units, a flat loss).
Qt-free: the app's translator reaches these texts through ``engine.i18n``."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import Snapshot
from bpstudio.engine.i18n import translate
from bpstudio.engine.run_settings import Divergence
from bpstudio.engine.text.convention import SYMBOLS
from bpstudio.engine.text.indices import superscript


def quantity_name(quantity: str, layer: int | None = None) -> str:
    """A snapshot key as TEACHING.md writes it: ``L2/z`` → z², ``L1/dW`` → ∂L/∂W¹, ``losses`` → the loss."""
    if quantity.startswith("L") and "/" in quantity:
        head, quantity = quantity.split("/", 1)
        layer = int(head[1:]) if head[1:].isdigit() else layer
    if quantity in SYMBOLS:
        return SYMBOLS[quantity] + (superscript(layer) if layer else "")
    return {"losses": translate("RunPanel", "the loss"), "loss": translate("RunPanel", "the loss"), "grad_a": "∇ₐL",
            "input": translate("RunPanel", "the input"), "target": translate("RunPanel", "the target")}.get(
        quantity, quantity)


def _when(kind: str) -> str:
    """In which part of the iteration (nothing for the loss, which is its own stage)."""
    return {"forward": translate("RunPanel", ", in the forward pass"),
            "backward": translate("RunPanel", ", in the backward pass"),
            "update": translate("RunPanel", ", when the weights were updated")}.get(kind, "")


def describe_divergence(d: Divergence) -> str:
    """"the loss became too large to compute (infinite, or NaN: not a number) in iteration 71" — counted from 1."""
    kind = d.stage.partition(" ")[0]
    return translate("RunPanel", "{q} became too large to compute (infinite, or NaN: not a number) in iteration "
                     "{i}{when}").format(q=quantity_name(d.quantity, d.layer), i=d.iteration + 1, when=_when(kind))


def divergence_text(snap: Snapshot) -> str | None:
    """When the stage just taken produced NaN or ∞ (a learning rate too large, usually): what happened, what to do."""
    for key in sorted(snap.changed):
        values = snap.arrays.get(key)
        if values is not None and not np.all(np.isfinite(values)):
            kind = snap.stage.kind if snap.stage else ""
            return translate(
                "MainWindow",
                "Training has diverged: {what} became too large to compute (infinite, or NaN: not a number) in "
                "iteration {i}{when}. Usually the learning rate η is too large: each step overshoots and the numbers "
                "grow until they overflow. Step back (Shift+F11) to the last finite numbers, or lower η and reset."
            ).format(what=quantity_name(key), i=snap.iteration + 1, when=_when(kind))
    return None
