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


NAMES = {"relu": "ReLU", "leaky_relu": "leaky ReLU", "sigmoid": "σ", "softmax": "softmax", "tanh": "tanh"}
STALLED_ROWS = 3  # logged rows in a row with every gradient 0: the network has stopped learning
STALLED_GRADIENT = 1e-12  # mean |∂L/∂W| below this is 0 for learning


def stalled_text(snap: Snapshot, gradients: np.ndarray) -> str | None:
    """When the network has stopped learning: the last logged rows' gradient sizes (rows × layers, mean |∂L/∂Wˡ|)
    all 0, so no update moves a weight; with why, read from the batch shown: dead units (ReLU giving 0 for every
    sample, where its slope is 0) or saturated outputs (sigmoid or softmax at 0 or 1, where its slope is 0)."""
    if len(gradients) < STALLED_ROWS or not np.all(np.abs(gradients[-STALLED_ROWS:]) < STALLED_GRADIENT):
        return None
    reasons = []
    for l, layer in enumerate(snap.spec.layers, start=1):
        a = snap.get("a", l)
        if a is None or not a.size:
            continue
        if l < snap.spec.depth:
            dead = int(np.sum(np.all(a == 0, axis=1)))
            f = NAMES.get(layer.activation, layer.activation)
            if dead == a.shape[0]:
                reasons.append(translate("RunPanel", "All {n} units of layer {l} are dead: {f} gives 0 for every "
                                         "sample, where its slope is 0.").format(n=dead, l=l, f=f))
            elif dead:
                reasons.append(translate("RunPanel", "{dead} of the {n} units of layer {l} are dead: {f} gives 0 for "
                                         "every sample, where its slope is 0.").format(dead=dead, n=a.shape[0], l=l,
                                                                                        f=f))
        elif layer.activation in ("sigmoid", "softmax") and np.all((a < 1e-6) | (a > 1 - 1e-6)):
            reasons.append(translate("RunPanel", "The outputs are saturated: {f} gives 0 or 1 for every sample, "
                                     "where its slope is 0.").format(f=NAMES[layer.activation]))
    return translate(
        "RunPanel",
        "The network has stopped learning: the gradient ∂L/∂W of every layer has been 0 for the last {n} points of "
        "the loss curve, so the updates no longer change any weight. {why}Usually a learning rate η too large threw "
        "the units there: lower η and reset (Ctrl+R)."
    ).format(n=STALLED_ROWS, why="".join(reason + " " for reason in reasons))
