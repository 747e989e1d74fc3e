"""What the forms call activations, losses and initialisers, and the tooltips that explain them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpstudio.engine.activations import get_activation
from bpstudio.engine.losses import get_loss

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
OUTPUT_ACTIVATIONS = (*HIDDEN_ACTIVATIONS, "softmax")  # softmax's Jacobian is not diagonal: output only
LOSS_ORDER = ("squared_error", "squared_error_no_half", "cross_entropy", "binary_cross_entropy")
INIT_ORDER = ("xavier", "he", "small_uniform", "zeros", "explicit")


def activation_label(name: str) -> str:
    return {
        "sigmoid": translate("NetworkLabels", "sigmoid σ"),
        "tanh": translate("NetworkLabels", "tanh"),
        "relu": translate("NetworkLabels", "ReLU"),
        "leaky_relu": translate("NetworkLabels", "leaky ReLU"),
        "identity": translate("NetworkLabels", "linear"),
        "softmax": translate("NetworkLabels", "softmax"),
    }[get_activation(name).name]


def activation_tip(name: str) -> str:
    act = get_activation(name)
    tip = f"{act.formula_text}\n{act.derivative_text}"
    if act.name == "softmax":
        tip += "\n" + translate("NetworkLabels", "Output layer only, with at least 2 units (with 1 unit it always "
            "gives 1).")
    return tip


def loss_label(name: str) -> str:
    return {
        "squared_error": translate("NetworkLabels", "½‖y − a‖²"),
        "squared_error_no_half": translate("NetworkLabels", "‖a − y‖² (no ½)"),
        "cross_entropy": translate("NetworkLabels", "cross-entropy"),
        "binary_cross_entropy": translate("NetworkLabels", "binary cross-entropy"),
    }[get_loss(name).name]


def loss_tip(name: str) -> str:
    loss = get_loss(name)
    tip = f"{loss.formula_text}\n{loss.gradient_text}"
    if loss.fused_with:
        tip += "\n" + translate("NetworkLabels",
                                "Needs a {activation} output layer; then δᴸ = a − y."
                                ).format(activation=loss.fused_with)
    return tip


def init_label(name: str) -> str:
    return {
        "xavier": translate("NetworkLabels", "xavier"),
        "he": translate("NetworkLabels", "he"),
        "small_uniform": translate("NetworkLabels", "small uniform"),
        "zeros": translate("NetworkLabels", "zeros"),
        "explicit": translate("NetworkLabels", "explicit"),
    }[name]


def init_tip(name: str) -> str:
    return {
        "xavier":
            translate("NetworkLabels", "Xavier (Glorot) uniform: Wˡ ~ U(−√(6/(nˡ⁻¹+nˡ)), +√(6/(nˡ⁻¹+nˡ))), biases 0. "
                      "Suits sigmoid and tanh."),
        "he": translate("NetworkLabels", "He normal: Wˡ ~ N(0, 2/nˡ⁻¹), biases 0. Suits ReLU."),
        "small_uniform": translate("NetworkLabels", "Wˡ ~ U(−scale, +scale), biases 0."),
        "zeros": translate("NetworkLabels", "Wˡ = 0, biases 0. Every unit of a layer then stays identical (the "
                           "symmetry is never broken): instructive, but the network cannot learn."),
        "explicit": translate("NetworkLabels", "The weights written in the project file; Reset returns to them."),
    }[name]
