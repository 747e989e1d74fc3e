"""One exercise variant: a small network, one sample and a learning rate with "nice" numbers, rebuilt exactly
from its code (``exercise_code``).

The network is the project's when a person can compute it by hand (``SMALL``), else a 2-2-1 (or 2-2-2 for a
softmax output) network with the project's activations and loss. Inputs, weights and biases have one decimal,
targets are what the loss expects, η is 1 or 2. Candidates are drawn from a generator seeded with the code's
seed, number and network until one is nice at the shown digits: every answer (z, a, the loss, ∇ₐL, δ, ∂L/∂W,
∂L/∂b, the updated W and b) is at least 0.001 and has a decimal point, none is written as a given number is
(sign aside), and a student who carries the rounded answers of the steps before gets the same digits as the
engine, which computes with no rounding at all; neither the engine's nor the student's value is within MARGIN of
a rounding tie.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from . import backprop as bp
from .errors import ValidationError
from .exercise_code import ExerciseCode, make_code, parse_code
from .i18n import translate
from .project import Project
from .spec import InitSpec, LayerSpec, NetworkSpec, TrainingSpec

DIGITS = 4  # answers are written with 4 decimals (part of format BP1: the search depends on it)
SMALL = {"inputs": 3, "units": 3, "layers": 2, "weights": 12}  # by hand (deeper: δ¹ vanishes below 4 decimals)
ATTEMPTS = 2000
MARGIN = 0.05  # how far from a rounding tie (0.5 in the last digit) an answer must be
RATES = (1.0, 2.0)  # η = 0.5 would put the update's fifth decimal on a rounding tie half the time
Params = list[tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Variant:
    code: ExerciseCode
    x: np.ndarray  # (n⁰, 1), column convention
    y: np.ndarray  # (nᴸ, 1)
    params: tuple[tuple[np.ndarray, np.ndarray], ...]
    learning_rate: float

    def project(self) -> Project:
        """The variant as a project the studio opens: one sample, these weights, plain gradient descent."""
        name = translate("Exercises", "Exercise {code}").format(code=self.code.text)
        description = translate("Exercises", "Exercise variant {index} of the sheet with seed {seed}: one training "
                                "step on one sample. Step through it to check your answers.").format(
            index=self.code.index, seed=self.code.seed)
        data = {"x": self.x.T.tolist(), "y": self.y.T.tolist()}
        training = TrainingSpec(learning_rate=self.learning_rate, batch_size=0, epochs=1, seed=0, shuffle=False)
        return Project(self.code.network, data, training, InitSpec("explicit"), self.params, name, description)


def small_enough(spec: NetworkSpec) -> bool:
    weights = sum(a * b for a, b in zip(spec.sizes, spec.sizes[1:], strict=False))
    return (spec.input_size <= SMALL["inputs"] and max(spec.sizes[1:]) <= SMALL["units"]
            and spec.depth <= SMALL["layers"] and weights <= SMALL["weights"])


def exercise_network(spec: NetworkSpec) -> NetworkSpec:
    """The project's network when it is small enough to compute by hand, else a small one in its image."""
    if small_enough(spec):
        return spec
    out = spec.layers[-1].activation
    hidden = spec.layers[0].activation if spec.depth > 1 else "sigmoid"
    units = 2 if out == "softmax" else 1
    return NetworkSpec(2, (LayerSpec(2, hidden), LayerSpec(units, out)), spec.loss).validate()


def variant_for(seed: int, index: int, spec: NetworkSpec, parts: str) -> Variant:
    return build_variant(make_code(seed, index, exercise_network(spec), parts))


def variant_from_code(text: str) -> Variant:
    return build_variant(parse_code(text))


def build_variant(code: ExerciseCode) -> Variant:
    spec = code.network
    if not small_enough(spec):
        raise ValidationError("code", translate(
            "Exercises", "the network {sizes} is too big for an exercise computed by hand").format(
            sizes="-".join(map(str, spec.sizes))))
    plan = bp.Plan.of(spec)
    shape_key = zlib.crc32(code.body.split("-")[3].encode("ascii") + code.body.split("-")[4].encode("ascii"))
    rng = np.random.default_rng([code.seed, code.index, shape_key])
    best: tuple[int, Variant] | None = None
    for _ in range(ATTEMPTS):
        x, y, params, lr = _draw(rng, spec)
        bad = _blemishes(plan, x, y, params, lr)
        variant = Variant(code, x, y, tuple(params), lr)
        if bad == 0:
            return variant
        if best is None or bad < best[0]:
            best = (bad, variant)
    assert best is not None
    return best[1]  # the cleanest found: rare, and still exactly rebuilt from the code


def _tenths(rng: np.random.Generator, shape: tuple[int, ...], most: int, allow_zero: bool = False) -> np.ndarray:
    choices = [k for k in range(-most, most + 1) if allow_zero or k != 0]
    return rng.choice(choices, size=shape) / 10.0


def _draw(rng: np.random.Generator, spec: NetworkSpec) -> tuple[np.ndarray, np.ndarray, Params, float]:
    sizes = spec.sizes
    x = rng.choice([-1.0, -0.5, 0.5, 1.0, 1.5, 2.0], size=(sizes[0], 1))
    params = [(_tenths(rng, (n, k), 10), _tenths(rng, (n, 1), 5)) for k, n in zip(sizes, sizes[1:], strict=False)]
    out, n_out = spec.layers[-1].activation, sizes[-1]
    if out == "softmax":
        y = np.eye(n_out)[:, [int(rng.integers(n_out))]]
    elif out == "sigmoid":
        y = rng.choice([0.0, 1.0], size=(n_out, 1))
    elif out == "tanh":
        y = rng.choice([-1.0, -0.5, 0.5, 1.0], size=(n_out, 1))
    elif out in ("relu", "leaky_relu"):
        y = rng.choice([0.5, 1.0, 1.5, 2.0], size=(n_out, 1))
    else:
        y = rng.choice([-1.0, -0.5, 0.5, 1.0, 1.5], size=(n_out, 1))
    return x, y, params, float(rng.choice(RATES))


def exact_steps(plan: bp.Plan, x: np.ndarray, y: np.ndarray, params: Params, lr: float,
                rounded: bool = False) -> list[np.ndarray]:
    """Every answer of one step in order (z, a per layer, the loss, ∇ₐL, δ, ∂L/∂W, ∂L/∂b per layer, the updated
    W and b), as the engine's functions give them; ``rounded``: as a student gets them, carrying each earlier
    answer rounded to DIGITS."""
    return list(named_steps(plan, x, y, params, lr, rounded).values())


def named_steps(plan: bp.Plan, x: np.ndarray, y: np.ndarray, params: Params, lr: float,
                rounded: bool = False) -> dict[tuple[str, int], np.ndarray]:
    """``exact_steps`` by (quantity, layer), in the same order; layer 0 for the loss and ∇ₐL."""

    def r(a: np.ndarray) -> np.ndarray:
        return np.round(a, DIGITS) if rounded else a

    zs: list[np.ndarray] = []
    acts = [x]
    for (W, b), f in zip(params, plan.activations, strict=True):
        z = r(W @ acts[-1] + b)
        zs.append(z)
        acts.append(r(f.f(z)))
    out = {("z", l): z for l, z in enumerate(zs, start=1)}
    out.update({("a", l): a for l, a in enumerate(acts[1:], start=1)})
    out[("loss", 0)] = np.array([[bp.mean_loss(plan, zs, acts, y)]])
    grad_a = None if plan.fused else r(bp.grad_output(plan, acts[-1], y, zs[-1]))
    if grad_a is not None:
        out[("grad_a", 0)] = grad_a
    delta = None
    for l in range(len(params), 0, -1):
        delta, dW, db = bp.backward_layer(plan, params, l, zs, acts, y, grad_a, delta)
        delta, dW, db = r(delta), r(dW), r(db)
        W, b = params[l - 1]
        out.update({("delta", l): delta, ("dW", l): dW, ("db", l): db, ("W", l): W - lr * dW, ("b", l): b - lr * db})
    return out


def _blemishes(plan: bp.Plan, x: np.ndarray, y: np.ndarray, params: Params, lr: float) -> int:
    """How many answers are not nice (0: every one is)."""
    given = np.concatenate([a.ravel() for a in (x, y, *(p for pair in params for p in pair))] + [np.array([lr, 0.01])])
    with np.errstate(all="ignore"):
        exact = np.concatenate([a.ravel() for a in exact_steps(plan, x, y, params, lr)])
        student = np.concatenate([a.ravel() for a in exact_steps(plan, x, y, params, lr, rounded=True)])
        shown = np.round(exact, DIGITS)
        bad = (~np.isfinite(exact) | (np.abs(exact) < 1e-3) | (np.abs(exact) >= 100) | (_tie(exact) < MARGIN)
               | (_tie(student) < MARGIN)
               | (shown != np.round(student, DIGITS)) | (shown == np.round(shown))
               | np.isin(np.abs(shown), np.abs(np.round(given, DIGITS))))
    return int(np.count_nonzero(bad))


def _tie(values: np.ndarray) -> np.ndarray:
    """How far each value is from a rounding tie in its last shown digit: 0.5 far, 0 on one (x.xxxx5)."""
    scaled = np.abs(values) * 10 ** DIGITS
    return np.abs(scaled - np.floor(scaled) - 0.5)
