"""Loss functions. Per-sample loss sums over output units; a batch's loss is the mean over samples.

Each loss gives ``per_sample`` (one value per column) and ``grad`` = ∇ₐL per sample (one
column per sample, never averaged). Softmax + cross-entropy and sigmoid + binary
cross-entropy also have a fused, numerically stable form computed from z: δᴸ = a − y, and ∇ₐL (shown, not
needed) computed from z too, finite where a has rounded to exactly 0 or 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .errors import ValidationError
from .i18n import QT_TRANSLATE_NOOP, translate

Array = np.ndarray


@dataclass(frozen=True)
class Loss:
    name: str
    formula: str  # per sample, in English; the words in it are translated by ``formula_text``
    gradient: str  # ∇ₐL per sample (``gradient_text`` as shown)
    per_sample: Callable[[Array, Array], Array]  # (a, y) -> (m,)
    grad: Callable[[Array, Array], Array]  # (a, y) -> (n, m)
    fused_with: str | None = None  # output activation with which δᴸ = a − y
    stable_per_sample: Callable[[Array, Array], Array] | None = None  # (z, y) -> (m,)
    stable_grad: Callable[[Array, Array], Array] | None = None  # (z, y) -> ∇ₐL (n, m), finite where a saturates

    @property
    def title(self) -> str:
        """The loss named in words, in the UI's language ("squared error", "cross-entropy" …)."""
        return translate("Losses", _TITLES.get(self.name, self.name))

    @property
    def formula_text(self) -> str:
        """``formula`` as the UI shows it: in its language where the formula has words."""
        return translate("Losses", self.formula)

    @property
    def gradient_text(self) -> str:
        """``gradient`` as the UI shows it: in its language where the formula has words."""
        return translate("Losses", self.gradient)


_TITLES = {
    "squared_error": QT_TRANSLATE_NOOP("Losses", "squared error"),
    "squared_error_no_half": QT_TRANSLATE_NOOP("Losses", "squared error without ½"),
    "cross_entropy": QT_TRANSLATE_NOOP("Losses", "cross-entropy"),
    "binary_cross_entropy": QT_TRANSLATE_NOOP("Losses", "binary cross-entropy"),
}


def _logsumexp(z: Array) -> Array:
    zmax = np.max(z, axis=0, keepdims=True)
    return (zmax + np.log(np.sum(np.exp(z - zmax), axis=0, keepdims=True)))[0]


def _ce_from_z(z: Array, y: Array) -> Array:
    # −Σ y log softmax(z) = Σ y · (logsumexp(z) − z), with Σ y = 1 per sample
    return np.sum(y * (_logsumexp(z)[None, :] - z), axis=0)


def _bce_from_z(z: Array, y: Array) -> Array:
    # −[y log σ(z) + (1−y) log(1−σ(z))] = max(z,0) − z·y + log(1 + e^(−|z|))
    return np.sum(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))), axis=0)


def _ce_grad_from_z(z: Array, y: Array) -> Array:
    # −y / softmax(z)ᵢ = −y · e^(logsumexp(z) − zᵢ): no division by an a that rounded to 0
    return np.where(y == 0, 0.0, -y * np.exp(_logsumexp(z)[None, :] - z))


def _bce_grad_from_z(z: Array, y: Array) -> Array:
    # −y / σ(z) + (1 − y) / (1 − σ(z)) = −y (1 + e^(−z)) + (1 − y)(1 + e^z): no division by an a that rounded to 0 or 1
    return (np.where(y == 0, 0.0, -y * (1.0 + np.exp(-z)))
            + np.where(y == 1, 0.0, (1.0 - y) * (1.0 + np.exp(z))))


def _safe_div(num: Array, den: Array) -> Array:
    """num / den, except that a zero numerator gives 0: a term y·log a with y = 0 is absent from the
    loss, so its derivative is 0 even where a saturates to 0 (0/0 would show NaN in ∇ₐL)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(num == 0, 0.0, num / den)


# name, formula, gradient, per sample, ∇ₐL
SQUARED_ERROR = Loss("squared_error", "L = ½‖y − a‖²", "∇ₐL = a − y", lambda a, y: 0.5 * np.sum((y - a) ** 2, axis=0),
                     lambda a, y: a - y)
SQUARED_ERROR_NO_HALF = Loss(
    "squared_error_no_half", QT_TRANSLATE_NOOP("Losses", "L = ‖a − y‖²  (no ½, as in 3Blue1Brown)"), "∇ₐL = 2(a − y)",
    lambda a, y: np.sum((a - y) ** 2, axis=0), lambda a, y: 2.0 * (a - y))
CROSS_ENTROPY = Loss(
    "cross_entropy", "L = −Σᵢ yᵢ log aᵢ", "∇ₐL = −y / a",
    lambda a, y: -np.sum(y * np.log(np.clip(a, 1e-300, None)), axis=0), lambda a, y: _safe_div(-y, a),
    fused_with="softmax", stable_per_sample=_ce_from_z, stable_grad=_ce_grad_from_z)
BINARY_CROSS_ENTROPY = Loss(
    "binary_cross_entropy", "L = −Σᵢ [yᵢ log aᵢ + (1 − yᵢ) log(1 − aᵢ)]", "∇ₐL = −y / a + (1 − y) / (1 − a)",
    lambda a, y: -np.sum(y * np.log(np.clip(a, 1e-300, None)) + (1 - y) * np.log(np.clip(1 - a, 1e-300, None)), axis=0),
    lambda a, y: _safe_div(-y, a) + _safe_div(1.0 - y, 1.0 - a), fused_with="sigmoid", stable_per_sample=_bce_from_z,
    stable_grad=_bce_grad_from_z)

LOSSES: dict[str, Loss] = {x.name: x for x in (SQUARED_ERROR, SQUARED_ERROR_NO_HALF, CROSS_ENTROPY,
                                                BINARY_CROSS_ENTROPY)}
ALIASES = {"mse": "squared_error", "softmax_cross_entropy": "cross_entropy", "bce": "binary_cross_entropy",
           "ce": "cross_entropy"}


def get_loss(name: str, field: str = "loss") -> Loss:
    key = ALIASES.get(str(name).lower(), str(name).lower())
    if key not in LOSSES:
        raise ValidationError(field, translate("Losses", "unknown loss {name!r}; choose one of {choices}").format(
            name=name, choices=", ".join(LOSSES)))
    return LOSSES[key]
