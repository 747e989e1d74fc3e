"""The short code that names one exercise variant, e.g. ``BP1-7-12-2S2S1-Q-ZALDWBU-9``.

Fields, separated by ``-``: the format version (``BP1``), the sheet's base seed, the variant's number (from 1), the
network (the input size, then per layer its activation's letter and its units: ``2S2S1`` is 2 inputs, 2 sigmoid
units, 1 sigmoid unit), the loss's letter, the parts the student computes (``Z`` z, ``A`` a, ``L`` the loss, ``D`` δ,
``W`` ∂L/∂W, ``B`` ∂L/∂b, ``U`` the updated weights and biases) and a check letter that catches a mistyped
character. The code is all it takes to rebuild the variant's numbers exactly (``exercise_variant``); letters may be
typed in either case.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from .errors import ValidationError
from .i18n import translate
from .spec import LayerSpec, NetworkSpec

VERSION = 1
PREFIX = "BP"
ACTIVATION_LETTERS = {"identity": "I", "sigmoid": "S", "tanh": "T", "relu": "R", "leaky_relu": "K", "softmax": "M"}
LOSS_LETTERS = {"squared_error": "Q", "squared_error_no_half": "N", "cross_entropy": "C", "binary_cross_entropy": "B"}
PARTS = "ZALDWBU"  # z, a, the loss, δ, ∂L/∂W, ∂L/∂b, the update: the order a sheet asks them in
MAX_SEED = 999_999_999
MAX_INDEX = 9999
_CHECK = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: never read as one another
_SHAPE = re.compile(r"^(\d{1,2})((?:[A-Z]\d{1,2}){1,4})$")
EXAMPLE = "BP1-7-12-2S2S1-Q-ZALDWBU-9"


@dataclass(frozen=True)
class ExerciseCode:
    seed: int
    index: int  # the variant's number, from 1
    network: NetworkSpec
    parts: str  # letters of PARTS, in that order

    @property
    def body(self) -> str:
        shape = str(self.network.input_size) + "".join(
            ACTIVATION_LETTERS[layer.activation] + str(layer.units) for layer in self.network.layers)
        return f"{PREFIX}{VERSION}-{self.seed}-{self.index}-{shape}-{LOSS_LETTERS[self.network.loss]}-{self.parts}"

    @property
    def text(self) -> str:
        return f"{self.body}-{check_letter(self.body)}"

    def __str__(self) -> str:
        return self.text


def check_letter(body: str) -> str:
    return _CHECK[zlib.crc32(body.upper().encode("ascii")) % len(_CHECK)]


def ordered_parts(parts: str) -> str:
    """``parts`` as a code writes them: known letters, upper case, in the order of PARTS, each once."""
    wanted = parts.upper()
    bad = sorted(set(wanted) - set(PARTS))
    if bad:
        raise ValidationError("parts", translate("Exercises", "{letter!r} is not a part; use letters of {parts} (z, a, "
                                                 "loss, δ, ∂L/∂W, ∂L/∂b, update)").format(letter=bad[0], parts=PARTS))
    if not wanted:
        raise ValidationError("parts", translate("Exercises", "choose at least one part to compute"))
    return "".join(p for p in PARTS if p in wanted)


def make_code(seed: int, index: int, network: NetworkSpec, parts: str) -> ExerciseCode:
    if not 0 <= seed <= MAX_SEED:
        raise ValidationError("seed", translate("Exercises", "must be a whole number from 0 to {most}, got {value}")
                              .format(most=MAX_SEED, value=seed))
    if not 1 <= index <= MAX_INDEX:
        raise ValidationError("count", translate("Exercises", "must be from 1 to {most}, got {value}")
                              .format(most=MAX_INDEX, value=index))
    for layer in network.layers:
        if layer.activation not in ACTIVATION_LETTERS:
            raise ValidationError("network", translate("Exercises", "{activation} cannot be written in a code")
                                  .format(activation=layer.activation))
    return ExerciseCode(seed, index, network.validate(), ordered_parts(parts))


def parse_code(text: str) -> ExerciseCode:
    """The variant a code names, or a ValidationError saying in plain words what is wrong with the code."""
    code = "".join(str(text).split()).upper()
    if not code:
        raise ValidationError("code", translate("Exercises", "no exercise code given; a code looks like {example}")
                              .format(example=EXAMPLE))
    fields = code.split("-")
    head = re.fullmatch(rf"{PREFIX}(\d+)", fields[0])
    if head is None:
        raise ValidationError("code", translate(
            "Exercises", "{code!r} is not an exercise code: a code starts with BP and looks like {example}").format(
            code=text.strip(), example=EXAMPLE))
    if int(head.group(1)) != VERSION:
        raise ValidationError("code", translate(
            "Exercises", "this code is of exercise format {version}; this BP Studio reads format {ours}").format(
            version=int(head.group(1)), ours=VERSION))
    if len(fields) != 7:
        raise ValidationError("code", translate(
            "Exercises", "the code has {count} parts separated by “-”, but an exercise code has 7, as in {example}")
            .format(count=len(fields), example=EXAMPLE))
    _, seed, index, shape, loss, parts, check = fields
    if check_letter("-".join(fields[:-1])) != check:
        raise ValidationError("code", translate(
            "Exercises", "the code's check letter does not match: a character was mistyped or left out"))
    if not (seed.isdigit() and index.isdigit()):
        raise ValidationError("code", translate("Exercises", "the seed and the variant number must be whole numbers"))
    return make_code(int(seed), int(index), NetworkSpec(*_network(shape), _loss(loss)), parts)


def _network(shape: str) -> tuple[int, tuple[LayerSpec, ...]]:
    match = _SHAPE.fullmatch(shape)
    if match is None:
        raise ValidationError("code", translate(
            "Exercises", "the network {shape!r} is not understood: the inputs, then per layer its activation's "
            "letter and its units, as 2S2S1").format(shape=shape))
    by_letter = {v: k for k, v in ACTIVATION_LETTERS.items()}
    layers = []
    for letter, units in re.findall(r"([A-Z])(\d+)", match.group(2)):
        if letter not in by_letter:
            raise ValidationError("code", translate(
                "Exercises", "{letter!r} is not an activation's letter; use one of {letters}").format(
                letter=letter, letters=", ".join(by_letter)))
        layers.append(LayerSpec(int(units), by_letter[letter]))
    return int(match.group(1)), tuple(layers)


def _loss(letter: str) -> str:
    by_letter = {v: k for k, v in LOSS_LETTERS.items()}
    if letter not in by_letter:
        raise ValidationError("code", translate("Exercises", "{letter!r} is not a loss's letter; use one of {letters}")
                              .format(letter=letter, letters=", ".join(by_letter)))
    return by_letter[letter]
