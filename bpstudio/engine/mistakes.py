"""The library of typical mistakes: what a learner gets wrong in backpropagation, each with its name, what the learner
did (with the formula), the lines of the reference program it replaces, and the buggy NumPy the engine can run
(``mistake_ops``). The code panel plants one at a time (``planted``); naming a wrong prediction evaluates them
all on the current numbers (``evaluate``, ``buggy_value``).

A mistake that cannot happen in a network, or changes nothing there (f′ left out of a linear layer, the 1/m of
a batch of one), is ``available`` False with the reason; where NumPy would refuse the buggy line (W for Wᵀ on a
non-square W) the reason quotes NumPy's own error, which is what the learner would see.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from . import backprop as bp
from .i18n import QT_TRANSLATE_NOOP, translate
from .mistake_ops import AT_A, OPS, iteration
from .optimizers import Moments
from .spec import NetworkSpec, TrainingSpec

Array = np.ndarray
CONTEXT = "Mistakes"


@dataclass(frozen=True)
class Mistake:
    id: str
    name: str  # short, English, marked for translation in CONTEXT
    did: str  # what the learner did, with the formula (English, marked)
    roles: tuple[str, ...]  # the reference program's CodeLine roles it replaces

    @property
    def title(self) -> str:
        return translate(CONTEXT, self.name)

    @property
    def what_you_did(self) -> str:
        return translate(CONTEXT, self.did)


def _m(id_: str, name: str, did: str, *roles: str) -> Mistake:
    return Mistake(id_, name, did, roles)


MISTAKES: tuple[Mistake, ...] = (  # issue 16's list first, then those issue 17 names too
    _m("no_fprime_bp1", QT_TRANSLATE_NOOP("Mistakes", "f′ left out of BP1"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote δᴸ = ∇ₐL, leaving out ⊙ f′(zᴸ): BP1 is δᴸ = ∇ₐL ⊙ f′(zᴸ)."), "BP1"),
    _m("no_fprime_bp2", QT_TRANSLATE_NOOP("Mistakes", "f′ left out of BP2"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹, leaving out ⊙ f′(zˡ): BP2 is δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)."), "BP2"),
    _m("fprime_of_a", QT_TRANSLATE_NOOP("Mistakes", "f′(a) instead of f′(z)"), QT_TRANSLATE_NOOP(
        "Mistakes", "You multiplied by f′(a), e.g. σ′(a) = σ(a)(1 − σ(a)): the derivative is taken at z, "
        "σ′(z) = a(1 − a)."), "BP1", "BP2"),
    _m("w_not_transposed", QT_TRANSLATE_NOOP("Mistakes", "W instead of Wᵀ in BP2"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote δˡ = (Wˡ⁺¹ δˡ⁺¹) ⊙ f′(zˡ): the error goes back through the transpose, "
        "(Wˡ⁺¹)ᵀ δˡ⁺¹."), "BP2"),
    _m("no_mean", QT_TRANSLATE_NOOP("Mistakes", "1/m mean dropped"), QT_TRANSLATE_NOOP(
        "Mistakes", "You summed over the batch: ∂L/∂W = δ (aˡ⁻¹)ᵀ, ∂L/∂b = Σ δ; the loss is a mean, so both "
        "need 1/m."), "BP4", "BP3"),
    _m("update_sign", QT_TRANSLATE_NOOP("Mistakes", "Update's sign flipped"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote W ← W + η ∂L/∂W, which climbs the loss: gradient descent subtracts, "
        "W ← W − η ∂L/∂W."), "update"),
    _m("delta_mean_bp4", QT_TRANSLATE_NOOP("Mistakes", "δ averaged before BP4"), QT_TRANSLATE_NOOP(
        "Mistakes", "You averaged δ over the batch first: ∂L/∂W = mean(δ) mean(aˡ⁻¹)ᵀ; a mean of products is not "
        "a product of means, ∂L/∂W = (1/m) δ (aˡ⁻¹)ᵀ."), "BP4"),
    _m("grad_y_minus_a", QT_TRANSLATE_NOOP("Mistakes", "∂L/∂a taken as y − a"), QT_TRANSLATE_NOOP(
        "Mistakes", "You took ∇ₐL = y − a: the sign is wrong, ∇ₐL = a − y."), "grad_a"),
    _m("half_dropped", QT_TRANSLATE_NOOP("Mistakes", "½ dropped from the squared error"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote L = ‖y − a‖² but kept ∇ₐL = a − y: without the ½ the gradient is 2(a − y)."),
       "loss"),
    _m("two_forgotten", QT_TRANSLATE_NOOP("Mistakes", "The 2 of ‖y − a‖² left out of ∇ₐL"), QT_TRANSLATE_NOOP(
        "Mistakes", "You took ∇ₐL = a − y for L = ‖y − a‖², which has no ½: its derivative is ∇ₐL = 2(a − y)."),
       "grad_a"),
    _m("mean_twice", QT_TRANSLATE_NOOP("Mistakes", "1/m applied twice"), QT_TRANSLATE_NOOP(
        "Mistakes", "You divided by m twice: ∂L/∂W = δ (aˡ⁻¹)ᵀ / m², ∂L/∂b = Σ δ / m²; the mean takes 1/m once."),
       "BP4", "BP3"),
    _m("sum_for_mean", QT_TRANSLATE_NOOP("Mistakes", "Sum for mean in the loss"), QT_TRANSLATE_NOOP(
        "Mistakes", "You summed the samples' losses, L = Σ Lᵢ, while the gradients are those of the mean, "
        "L = (1/m) Σ Lᵢ."), "mean"),
    _m("bias_forgotten", QT_TRANSLATE_NOOP("Mistakes", "Bias forgotten"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote zˡ = Wˡ aˡ⁻¹, leaving out the bias: zˡ = Wˡ aˡ⁻¹ + bˡ."), "forward"),
    _m("sigmoid_sign", QT_TRANSLATE_NOOP("Mistakes", "Sign flipped in the sigmoid"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote σ(z) = 1/(1 + eᶻ), which is σ(−z): the exponent is negative, σ(z) = 1/(1 + e⁻ᶻ)."),
       "activation"),
    _m("softmax_elementwise", QT_TRANSLATE_NOOP("Mistakes", "Softmax treated element-wise"), QT_TRANSLATE_NOOP(
        "Mistakes", "You used only the diagonal of softmax's Jacobian, f′ = a(1 − a): it is not diagonal, "
        "δ = a ⊙ (g − Σ a g) (with cross-entropy, δᴸ = a − y)."), "BP1", "BP2"),
    _m("order_swapped", QT_TRANSLATE_NOOP("Mistakes", "Product order swapped in BP4"), QT_TRANSLATE_NOOP(
        "Mistakes", "You wrote ∂L/∂W = (1/m) aˡ⁻¹ δᵀ, the transpose: ∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ has the shape "
        "of Wˡ."), "BP4"),
)
BY_ID = {m.id: m for m in MISTAKES}
assert set(BY_ID) == set(OPS)


def mistake(id_: str) -> Mistake:
    return BY_ID[id_]


def roles_in(m: Mistake, spec: NetworkSpec) -> tuple[str, ...]:
    """The roles ``m`` replaces in ``spec``'s program (a fused output has no ∇ₐL line: y − a goes into BP1)."""
    if m.id == "grad_y_minus_a" and spec.fused_output:
        return ("BP1",)
    return m.roles


def _numpy_error(left: tuple[int, ...], right: tuple[int, ...], op: str) -> str:
    """The message NumPy gives for ``left @ right`` ("@") or ``left -= right`` ("-=")."""
    a, b = np.zeros(left), np.zeros(right)
    try:
        if op == "@":
            a @ b  # noqa: B018 - evaluated for its error
        else:
            a -= b
    except ValueError as exc:
        return str(exc)
    return ""


def why_not(id_: str, spec: NetworkSpec, batch: int) -> str:
    """Why mistake ``id_`` cannot be planted in ``spec`` trained on batches of ``batch`` samples, in the UI's
    language; "" when it can (and changes some number)."""
    L, sizes = spec.depth, spec.sizes
    acts = [spec.activation(l).name for l in range(1, L + 1)]
    fused, loss = spec.fused_output, spec.loss_fn.name
    where_fprime = ([] if fused else [L]) + list(range(1, L))  # layers whose f′ a δ multiplies by
    if id_ == "no_fprime_bp1":
        if fused:
            return translate("Mistakes", "The loss is fused with the output layer: BP1 is δᴸ = a − y, with no f′ to "
                             "leave out.")
        if acts[-1] == "identity":
            return translate("Mistakes", "The output layer is linear: f′ = 1, so leaving it out changes nothing.")
    if id_ in ("no_fprime_bp2", "w_not_transposed") and L == 1:
        return translate("Mistakes", "A network of one layer has no BP2.")
    if id_ == "no_fprime_bp2" and all(a == "identity" for a in acts[:-1]):
        return translate("Mistakes", "The hidden layers are linear: f′ = 1, so leaving it out changes nothing.")
    if id_ == "fprime_of_a" and not any(acts[l - 1] in AT_A for l in where_fprime):
        return translate("Mistakes", "Only sigmoid and tanh have an f′ that differs at a; no layer here multiplies "
                         "by one.")
    if id_ in ("w_not_transposed", "order_swapped") and all(n == 1 for n in sizes):
        return translate("Mistakes", "Every W here is 1×1: Wᵀ = W, so the swap changes nothing.")
    if id_ == "w_not_transposed":
        for l in range(1, L):
            error = _numpy_error((sizes[l + 1], sizes[l]), (sizes[l + 1], batch), "@")
            if error or sizes[l + 1] != sizes[l]:
                return translate("Mistakes", "W{l} is {rows}×{cols}, not square: NumPy refuses W{l} @ δ{l}: "
                                 "“{error}”").format(
                    l=l + 1, rows=sizes[l + 1], cols=sizes[l], error=error or "shapes")
    if id_ in ("no_mean", "mean_twice", "delta_mean_bp4", "sum_for_mean") and batch == 1:
        return translate("Mistakes", "The batches have one sample: m = 1, so the mean changes nothing.")
    if id_ == "half_dropped" and loss != "squared_error":
        return translate("Mistakes", "The loss has no ½ to drop here: it is {loss}.").format(loss=spec.loss_fn.title)
    if id_ == "two_forgotten" and loss != "squared_error_no_half":
        return translate("Mistakes", "The loss has no factor 2 in its gradient here: it is {loss}.").format(
            loss=spec.loss_fn.title)
    if id_ == "sigmoid_sign" and "sigmoid" not in acts:
        return translate("Mistakes", "No layer of this network is a sigmoid.")
    if id_ == "softmax_elementwise" and "softmax" not in acts:
        return translate("Mistakes", "No layer of this network is a softmax.")
    if id_ == "order_swapped":
        for l in range(1, L + 1):
            shape = (sizes[l], sizes[l - 1])
            error = _numpy_error(shape, shape[::-1], "-=")
            if shape[0] != shape[1]:
                return translate("Mistakes", "W{l} is {rows}×{cols}, not square: the swapped ∂L/∂W{l} has the "
                                 "shape {cols}×{rows}, and NumPy refuses W{l} -= lr * dW{l}: “{error}”").format(
                    l=l, rows=shape[0], cols=shape[1], error=error or "shapes")
    return ""


def available(spec: NetworkSpec, batch: int) -> list[tuple[Mistake, str]]:
    """Every mistake with why it cannot be planted here ("" when it can)."""
    return [(m, why_not(m.id, spec, batch)) for m in MISTAKES]


def batch_of(training: TrainingSpec, samples: int) -> int:
    """The samples in a (full) batch: m."""
    return min(training.batch_size, samples) if training.batch_size else samples


# ----- the mistakes on the current numbers (for naming a wrong prediction) -----------------------------------
def evaluate(id_: str, plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array,
             training: TrainingSpec | None = None, moments: Moments | None = None
             ) -> dict[str, object]:
    """Every quantity of the iteration on batch (x, y) from ``params`` as mistake ``id_`` computes it, keyed as in
    a snapshot ("L1/z", "L2/delta", "L1/dW", "losses", "loss"; with ``training``, "L1/W" after the update).
    Where NumPy refuses the buggy line, {"error": its message}."""
    try:
        with np.errstate(all="ignore"):
            return iteration(replace(plan, mistake=id_), params, x, y, training, moments)
    except ValueError as exc:
        return {"error": str(exc)}


def evaluate_all(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array,
                 training: TrainingSpec | None = None, moments: Moments | None = None
                 ) -> dict[str, dict[str, object]]:
    """``evaluate`` for every mistake that can happen in this network on batches of this size (those that change
    nothing here are left out, so a right answer is never taken for one), by id."""
    return {m.id: evaluate(m.id, plan, params, x, y, training, moments) for m in MISTAKES
            if not why_not(m.id, plan.spec, int(x.shape[1]))}


def buggy_value(id_: str, plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array, made: str,
                index: tuple[int, ...] = (), training: TrainingSpec | None = None,
                moments: Moments | None = None) -> float | None:
    """Entry ``index`` (engine's column convention) of ``made`` ("L2/dW", "loss") as mistake ``id_`` computes it;
    None where the buggy program has no such number (a shape error, another shape)."""
    got = evaluate(id_, plan, params, x, y, training, moments).get(made)
    if got is None:
        return None
    value = np.asarray(got)
    try:
        return float(value[index]) if index else float(value)
    except (IndexError, TypeError, ValueError):
        return None
