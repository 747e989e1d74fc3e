"""Activation functions: each is f (forward) and its derivative f′, as in TEACHING.md.

Derivatives take both z and a = f(z) because several are cheapest in terms of a
(sigmoid: a(1−a), tanh: 1−a²). Softmax is not element-wise: its Jacobian is full, so it
provides ``backward`` (a Jacobian-vector product) instead of ``df``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .errors import ValidationError
from .i18n import QT_TRANSLATE_NOOP, translate

Array = np.ndarray
LEAKY_SLOPE = 0.01
_TITLES = {
    "sigmoid": QT_TRANSLATE_NOOP("Activations", "sigmoid"),
    "tanh": QT_TRANSLATE_NOOP("Activations", "tanh"),
    "relu": QT_TRANSLATE_NOOP("Activations", "ReLU"),
    "leaky_relu": QT_TRANSLATE_NOOP("Activations", "leaky ReLU"),
    "identity": QT_TRANSLATE_NOOP("Activations", "linear"),
    "softmax": QT_TRANSLATE_NOOP("Activations", "softmax"),
}


@dataclass(frozen=True)
class Activation:
    name: str
    label: str  # how the equation panels write it
    f: Callable[[Array], Array]
    df: Callable[[Array, Array], Array] | None  # f′(z), given z and a; None if not element-wise
    formula: str  # in English; the words in it are translated by ``formula_text``
    derivative: str  # likewise, ``derivative_text``
    output_only: bool = False

    @property
    def title(self) -> str:
        """The activation's name in the UI's language (sigmoid, tanh, ReLU, softmax stay; "linear" is translated)."""
        return translate("Activations", _TITLES.get(self.name, self.name))

    @property
    def formula_text(self) -> str:
        """``formula`` as the UI shows it: in its language where the formula has words."""
        return translate("Activations", self.formula)

    @property
    def derivative_text(self) -> str:
        """``derivative`` as the UI shows it: in its language where the formula has words."""
        return translate("Activations", self.derivative)

    def fprime(self, z: Array | None, a: Array | None) -> Array | None:
        """f′(z) as the panels show it: None for softmax (its Jacobian is not element-wise) or before z exists."""
        return None if self.df is None or z is None or a is None else self.df(z, a)

    def backward(self, z: Array, a: Array, grad_a: Array) -> Array:
        """δ = ∂L/∂z from ∂L/∂a: grad_a ⊙ f′(z) for element-wise activations."""
        if self.df is not None:
            return grad_a * self.df(z, a)
        # softmax: δ_i = a_i (g_i − Σ_k a_k g_k), per sample (column)
        return a * (grad_a - (a * grad_a).sum(axis=0, keepdims=True))


def _sigmoid(z: Array) -> Array:
    # the textbook 1/(1 + e^(−z)), accurate in both tails; for z < −709 e^(−z) overflows to inf,
    # and 1/(1 + inf) = 0 is the right limit, so that overflow is not an error
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def _softmax(z: Array) -> Array:
    e = np.exp(z - z.max(axis=0, keepdims=True))  # methods, not np.max/np.sum: the same sums, less overhead
    return e / e.sum(axis=0, keepdims=True)


# name, label, f, f′ (of z and a), formula, derivative
IDENTITY = Activation("identity", "linear", lambda z: z.copy(), lambda z, a: np.ones_like(z), "f(z) = z", "f′(z) = 1")
SIGMOID = Activation("sigmoid", "σ", _sigmoid, lambda z, a: a * (1.0 - a), "σ(z) = 1 / (1 + e^(−z))",
                     "σ′(z) = a(1 − a)")
TANH = Activation("tanh", "tanh", np.tanh, lambda z, a: 1.0 - a * a, "tanh(z)", "tanh′(z) = 1 − a²")
RELU = Activation("relu", "ReLU", lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(z.dtype),
                  "ReLU(z) = max(0, z)", QT_TRANSLATE_NOOP("Activations", "ReLU′(z) = 1 if z > 0 else 0"))
LEAKY_RELU = Activation(
    "leaky_relu", "LeakyReLU", lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
    lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE),
    QT_TRANSLATE_NOOP("Activations", "LeakyReLU(z) = z if z > 0 else 0.01·z"),  # 0.01 is LEAKY_SLOPE
    QT_TRANSLATE_NOOP("Activations", "LeakyReLU′(z) = 1 if z > 0 else 0.01"))
SOFTMAX = Activation(
    "softmax", "softmax", _softmax, None, "softmax(z)ᵢ = e^(zᵢ) / Σₖ e^(zₖ)",
    QT_TRANSLATE_NOOP("Activations", "∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ)  (a full Jacobian, not element-wise)"),
    output_only=True)

ACTIVATIONS: dict[str, Activation] = {a.name: a for a in (IDENTITY, SIGMOID, TANH, RELU, LEAKY_RELU, SOFTMAX)}
ALIASES = {"linear": "identity", "leakyrelu": "leaky_relu", "leaky-relu": "leaky_relu"}


def get_activation(name: str, field: str = "activation") -> Activation:
    key = ALIASES.get(str(name).lower(), str(name).lower())
    if key not in ACTIVATIONS:
        raise ValidationError(field, translate("Activations", "unknown activation {name!r}; choose one of {choices}")
                              .format(name=name, choices=", ".join(ACTIVATIONS)))
    return ACTIVATIONS[key]
