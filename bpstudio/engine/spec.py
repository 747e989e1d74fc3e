"""What a network is (layers, activations, loss) and how it is trained (hyper-parameters).

Plain frozen dataclasses with ``validate`` methods that raise ``ValidationError`` naming the
field, so every caller (project loader, CLI, GUI form) reports bad input the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from .activations import Activation, get_activation
from .errors import ValidationError, finite, require, whole
from .i18n import translate
from .losses import Loss, get_loss

MAX_UNITS = 100_000
MAX_WEIGHTS = 20_000_000  # 160 MB of float64 per copy; the engine keeps several (W, ∂L/∂W, history)


def _positive_int(value: object, where: str, maximum: int | None = None) -> None:
    if not whole(value):
        raise ValidationError(where, translate("Spec", "must be a whole number, got {value!r}").format(value=value))
    require(value >= 1, where, translate("Spec", "must be at least 1, got {value}"), value=value)
    require(maximum is None or value <= maximum, where, translate("Spec", "must be at most {maximum}, got {value}"),
            maximum=maximum, value=value)


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
            require(not act.output_only or i == len(self.layers) - 1, f"{where}.activation", translate(
                "Spec", "{activation} is only allowed on the output layer (its Jacobian is not element-wise)"),
                activation=act.name)
            require(act.name != "softmax" or layer.units >= 2, f"{where}.units",
                    translate("Spec", "softmax needs at least 2 output units (with 1 it is always 1)"))
        weights = sum(a * b for a, b in zip(self.sizes, self.sizes[1:], strict=False))
        require(weights <= MAX_WEIGHTS, f"{prefix}.layers", translate(
            "Spec", "the network would have {weights:,} weights; BP Studio handles up to {most:,}"),
            weights=weights, most=MAX_WEIGHTS)
        loss = get_loss(self.loss, f"{prefix}.loss")
        out = get_activation(self.layers[-1].activation)
        require(loss.fused_with in (None, out.name), f"{prefix}.loss", translate(
            "Spec", "{loss} needs a {activation} output layer (its outputs must be "
            "probabilities), but the output activation is {output}"),
            loss=loss.name, activation=loss.fused_with, output=out.name)
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


OPTIMIZERS = ("sgd", "rmsprop", "adam")
INITIALIZERS = ("xavier", "he", "small_uniform", "zeros", "explicit")


@dataclass(frozen=True)
class InitSpec:
    """How weights start. Biases start at zero except with ``explicit`` values."""

    method: str = "xavier"
    scale: float = 0.1  # half-width of ``small_uniform``

    def validate(self, prefix: str = "init") -> InitSpec:
        require(self.method in INITIALIZERS, f"{prefix}.method", translate(
            "Spec", "unknown initialiser {method!r}; choose one of {choices}"), method=self.method,
            choices=", ".join(INITIALIZERS))
        require(finite(self.scale) and self.scale > 0, f"{prefix}.scale",
                translate("Spec", "must be a positive number, got {value!r}"), value=self.scale)
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
    optimizer: str = "sgd"  # "sgd" (with ``momentum``), "rmsprop" or "adam" (see ``optimizers``)
    beta1: float = 0.9  # Adam's β₁ (PyTorch's defaults, here and below)
    beta2: float = 0.999  # Adam's β₂
    alpha: float = 0.99  # RMSProp's α (PyTorch's name; β in Ng's course)
    eps: float = 1e-8  # ε of Adam and RMSProp

    @property
    def plain(self) -> bool:
        """Plain gradient descent, W ← W − η ∂L/∂W: SGD with no momentum and no L2."""
        return self.optimizer == "sgd" and self.momentum == 0 and self.l2 == 0

    def validate(self, prefix: str = "training") -> TrainingSpec:
        lr, batch, seed, mu, l2 = self.learning_rate, self.batch_size, self.seed, self.momentum, self.l2
        require(finite(lr) and lr > 0, f"{prefix}.learning_rate",
                translate("Spec", "must be a positive number, got {value!r}"), value=lr)
        require(whole(batch) and batch >= 0, f"{prefix}.batch_size",
                translate("Spec", "must be a whole number ≥ 1 (or 0 for full batch), got {value!r}"), value=batch)
        _positive_int(self.epochs, f"{prefix}.epochs")
        require(whole(seed) and seed >= 0, f"{prefix}.seed",
                translate("Spec", "must be a whole number ≥ 0, got {value!r}"), value=seed)
        require(isinstance(self.shuffle, bool), f"{prefix}.shuffle",
                translate("Spec", "must be true or false, got {value!r}"), value=self.shuffle)
        require(finite(mu) and 0 <= mu < 1, f"{prefix}.momentum",
                translate("Spec", "must be a number from 0 up to (not including) 1, got {value!r}"), value=mu)
        require(finite(l2) and l2 >= 0, f"{prefix}.l2", translate("Spec", "must be a number ≥ 0, got {value!r}"),
                value=l2)
        require(self.optimizer in OPTIMIZERS, f"{prefix}.optimizer", translate(
            "Spec", "unknown optimizer {value!r}; choose one of {choices}"), value=self.optimizer,
            choices=", ".join(OPTIMIZERS))
        require(self.optimizer == "sgd" or mu == 0, f"{prefix}.momentum", translate(
            "Spec", "momentum is for SGD only (Adam's β₁ plays its part); set it to 0, got {value!r}"), value=mu)
        for name in ("beta1", "beta2", "alpha"):
            value = getattr(self, name)
            require(finite(value) and 0 <= value < 1, f"{prefix}.{name}", translate(
                "Spec", "must be a number from 0 up to (not including) 1, got {value!r}"), value=value)
        require(finite(self.eps) and self.eps > 0, f"{prefix}.eps",
                translate("Spec", "must be a positive number, got {value!r}"), value=self.eps)
        return self


def reject_unknown_keys(d: dict, allowed: set[str], where: str) -> None:
    """A misspelt key is an error, never silently ignored (it would quietly change the network)."""
    extra = sorted(set(d) - allowed)
    if extra:
        expected = ", ".join(sorted(allowed))
        raise ValidationError(f"{where}.{extra[0]}", translate(
            "Spec", "is not a known field here (expected: {expected})").format(expected=expected))
