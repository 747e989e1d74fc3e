"""What a network is (layers, activations, loss) and how it is trained (hyper-parameters).

Plain frozen dataclasses with ``validate`` methods that raise ``ValidationError`` naming the
field, so every caller (project loader, CLI, GUI form) reports bad input the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .activations import Activation, get_activation
from .errors import ValidationError
from .i18n import translate
from .losses import Loss, get_loss

MAX_UNITS = 100_000
MAX_WEIGHTS = 20_000_000  # 160 MB of float64 per copy; the engine keeps several (W, ∂L/∂W, history)


def _positive_int(value: object, where: str, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(where, translate("Spec", "must be a whole number, got {value!r}").format(value=value))
    if value < 1:
        raise ValidationError(where, translate("Spec", "must be at least 1, got {value}").format(value=value))
    if maximum is not None and value > maximum:
        raise ValidationError(where, translate("Spec", "must be at most {maximum}, got {value}").format(
            maximum=maximum, value=value))
    return value


@dataclass(frozen=True)
class LayerSpec:
    units: int
    activation: str = "sigmoid"


@dataclass(frozen=True)
class NetworkSpec:
    input_size: int
    layers: tuple[LayerSpec, ...]
    loss: str = "squared_error"

    @property
    def depth(self) -> int:
        """L, the number of layers with weights."""
        return len(self.layers)

    @property
    def sizes(self) -> tuple[int, ...]:
        """(n⁰, n¹, …, nᴸ)."""
        return (self.input_size, *(layer.units for layer in self.layers))

    def activation(self, layer: int) -> Activation:
        """fˡ for 1-based layer index l."""
        return get_activation(self.layers[layer - 1].activation)

    @property
    def loss_fn(self) -> Loss:
        return get_loss(self.loss)

    @property
    def fused_output(self) -> bool:
        """True when δᴸ = a − y exactly (softmax + cross-entropy, sigmoid + binary cross-entropy)."""
        return self.loss_fn.fused_with == self.activation(self.depth).name

    def validate(self, prefix: str = "network") -> NetworkSpec:
        _positive_int(self.input_size, f"{prefix}.input_size", MAX_UNITS)
        if not self.layers:
            raise ValidationError(f"{prefix}.layers", translate("Spec", "a network needs at least one layer"))
        for i, layer in enumerate(self.layers):
            where = f"{prefix}.layers[{i}]"
            _positive_int(layer.units, f"{where}.units", MAX_UNITS)
            act = get_activation(layer.activation, f"{where}.activation")
            if act.output_only and i != len(self.layers) - 1:
                raise ValidationError(f"{where}.activation", translate(
                    "Spec", "{activation} is only allowed on the output layer (its Jacobian is not element-wise)"
                ).format(activation=act.name))
            if act.name == "softmax" and layer.units < 2:
                raise ValidationError(f"{where}.units", translate(
                    "Spec", "softmax needs at least 2 output units (with 1 it is always 1)"))
        weights = sum(a * b for a, b in zip(self.sizes, self.sizes[1:], strict=False))
        if weights > MAX_WEIGHTS:
            raise ValidationError(f"{prefix}.layers", translate(
                "Spec", "the network would have {weights:,} weights; BP Studio handles up to {most:,}").format(
                weights=weights, most=MAX_WEIGHTS))
        loss = get_loss(self.loss, f"{prefix}.loss")
        out = get_activation(self.layers[-1].activation)
        if loss.fused_with is not None and out.name != loss.fused_with:
            raise ValidationError(f"{prefix}.loss", translate(
                "Spec", "{loss} needs a {activation} output layer (its outputs must be "
                "probabilities), but the output activation is {output}").format(
                loss=loss.name, activation=loss.fused_with, output=out.name))
        return self

    def to_dict(self) -> dict:
        return {
            "input_size": self.input_size,
            "layers": [{"units": x.units, "activation": x.activation} for x in self.layers],
            "loss": self.loss,
        }

    @staticmethod
    def from_dict(d: object, prefix: str = "network") -> NetworkSpec:
        if not isinstance(d, dict):
            raise ValidationError(prefix, translate("Spec", "must be an object"))
        layers_raw = d.get("layers")
        if not isinstance(layers_raw, list):
            raise ValidationError(f"{prefix}.layers", translate("Spec", "must be a list of layers"))
        reject_unknown_keys(d, {"input_size", "layers", "loss"}, prefix)
        layers = []
        for i, item in enumerate(layers_raw):
            where = f"{prefix}.layers[{i}]"
            if not isinstance(item, dict):
                raise ValidationError(where, translate("Spec", "must be an object with units and activation"))
            reject_unknown_keys(item, {"units", "activation"}, where)
            if "units" not in item:
                raise ValidationError(f"{where}.units", translate("Spec", "is missing"))
            activation = get_activation(item.get("activation", "sigmoid"), f"{where}.activation").name
            layers.append(LayerSpec(item["units"], activation))
        if "input_size" not in d:
            raise ValidationError(f"{prefix}.input_size", translate("Spec", "is missing"))
        loss = get_loss(d.get("loss", "squared_error"), f"{prefix}.loss").name
        return NetworkSpec(d["input_size"], tuple(layers), loss).validate(prefix)


INITIALIZERS = ("xavier", "he", "small_uniform", "zeros", "explicit")


@dataclass(frozen=True)
class InitSpec:
    """How weights start. Biases start at zero except with ``explicit`` values."""

    method: str = "xavier"
    scale: float = 0.1  # half-width of ``small_uniform``

    def validate(self, prefix: str = "init") -> InitSpec:
        if self.method not in INITIALIZERS:
            raise ValidationError(f"{prefix}.method", translate(
                "Spec", "unknown initialiser {method!r}; choose one of {choices}").format(
                method=self.method, choices=", ".join(INITIALIZERS)))
        if not _finite_number(self.scale) or self.scale <= 0:
            raise ValidationError(f"{prefix}.scale", translate(
                "Spec", "must be a positive number, got {value!r}").format(value=self.scale))
        return self


@dataclass(frozen=True)
class TrainingSpec:
    learning_rate: float = 0.5
    batch_size: int = 0  # 0 means the full batch
    epochs: int = 100
    seed: int = 0
    shuffle: bool = True  # reshuffle each epoch (never when one batch holds all the data)
    momentum: float = 0.0  # μ: v ← μv − η(∂L/∂W + λW), W ← W + v; 0 is plain gradient descent
    l2: float = 0.0  # λ: weight decay, the gradient of (λ/2)‖W‖² added to ∂L/∂W (biases are not decayed)

    @property
    def plain(self) -> bool:
        """Plain gradient descent, W ← W − η ∂L/∂W: no momentum and no L2."""
        return self.momentum == 0 and self.l2 == 0

    def validate(self, prefix: str = "training") -> TrainingSpec:
        if not _finite_number(self.learning_rate) or self.learning_rate <= 0:
            raise ValidationError(f"{prefix}.learning_rate", translate(
                "Spec", "must be a positive number, got {value!r}").format(value=self.learning_rate))
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int) or self.batch_size < 0:
            raise ValidationError(f"{prefix}.batch_size", translate(
                "Spec", "must be a whole number ≥ 1 (or 0 for full batch), got {value!r}").format(
                value=self.batch_size))
        _positive_int(self.epochs, f"{prefix}.epochs")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise ValidationError(f"{prefix}.seed", translate(
                "Spec", "must be a whole number ≥ 0, got {value!r}").format(value=self.seed))
        if not isinstance(self.shuffle, bool):
            raise ValidationError(f"{prefix}.shuffle", translate(
                "Spec", "must be true or false, got {value!r}").format(value=self.shuffle))
        if not _finite_number(self.momentum) or not 0 <= self.momentum < 1:
            raise ValidationError(f"{prefix}.momentum", translate(
                "Spec", "must be a number from 0 up to (not including) 1, got {value!r}").format(value=self.momentum))
        if not _finite_number(self.l2) or self.l2 < 0:
            raise ValidationError(f"{prefix}.l2", translate(
                "Spec", "must be a number ≥ 0, got {value!r}").format(value=self.l2))
        return self


def reject_unknown_keys(d: dict, allowed: set[str], where: str) -> None:
    """A misspelt key is an error, never silently ignored (it would quietly change the network)."""
    extra = sorted(set(d) - allowed)
    if extra:
        expected = ", ".join(sorted(allowed))
        raise ValidationError(f"{where}.{extra[0]}", translate(
            "Spec", "is not a known field here (expected: {expected})").format(expected=expected))


def _finite_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
