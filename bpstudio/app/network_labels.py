"""What the forms call activations, losses and initialisers, and the tooltips that explain them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..engine.activations import get_activation
from ..engine.losses import get_loss

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
OUTPUT_ACTIVATIONS = (*HIDDEN_ACTIVATIONS, "softmax")  # softmax's Jacobian is not diagonal: output only
LOSS_ORDER = ("squared_error", "squared_error_no_half", "cross_entropy", "binary_cross_entropy")
INIT_ORDER = ("xavier", "he", "small_uniform", "zeros", "explicit")


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkLabels", text)


def activation_label(name: str) -> str:
    return {
        "sigmoid": _tr("sigmoid σ"),
        "tanh": _tr("tanh"),
        "relu": _tr("ReLU"),
        "leaky_relu": _tr("leaky ReLU"),
        "identity": _tr("linear"),
        "softmax": _tr("softmax"),
    }[get_activation(name).name]


def activation_tip(name: str) -> str:
    act = get_activation(name)
    tip = f"{act.formula}\n{act.derivative}"
    if act.name == "softmax":
        tip += "\n" + _tr("Output layer only, with at least 2 units (with 1 unit it always gives 1).")
    return tip


def loss_label(name: str) -> str:
    return {
        "squared_error": _tr("½‖y − a‖²"),
        "squared_error_no_half": _tr("‖a − y‖² (no ½)"),
        "cross_entropy": _tr("cross-entropy"),
        "binary_cross_entropy": _tr("binary cross-entropy"),
    }[get_loss(name).name]


def loss_tip(name: str) -> str:
    loss = get_loss(name)
    tip = f"{loss.formula}\n{loss.gradient}"
    if loss.fused_with:
        tip += "\n" + _tr("Needs a {activation} output layer; then δᴸ = a − y.").format(activation=loss.fused_with)
    return tip


def init_label(name: str) -> str:
    return {
        "xavier": _tr("xavier"),
        "he": _tr("he"),
        "small_uniform": _tr("small uniform"),
        "zeros": _tr("zeros"),
        "explicit": _tr("explicit"),
    }[name]


def init_tip(name: str) -> str:
    return {
        "xavier": _tr("Xavier (Glorot) uniform: Wˡ ~ U(−√(6/(nˡ⁻¹+nˡ)), +√(6/(nˡ⁻¹+nˡ))), biases 0. "
                      "Suits sigmoid and tanh."),
        "he": _tr("He normal: Wˡ ~ N(0, 2/nˡ⁻¹), biases 0. Suits ReLU."),
        "small_uniform": _tr("Wˡ ~ U(−scale, +scale), biases 0."),
        "zeros": _tr("Wˡ = 0, biases 0. Every unit of a layer then stays identical (the symmetry is never "
                     "broken): instructive, but the network cannot learn."),
        "explicit": _tr("The weights written in the project file; Reset returns to them."),
    }[name]
