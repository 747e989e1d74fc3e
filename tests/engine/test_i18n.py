"""The engine's messages go through ``i18n.translate``: with a translator installed they come out in its
language, with their fields filled in; without one they are the English the other tests expect."""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pytest

from bpstudio.engine import ValidationError
from bpstudio.engine.activations import ACTIVATIONS, LEAKY_RELU, LEAKY_SLOPE, get_activation
from bpstudio.engine.csv_import import build_dataset, parse_csv
from bpstudio.engine.errors import FormatError
from bpstudio.engine.i18n import set_translator
from bpstudio.engine.losses import LOSSES, SQUARED_ERROR_NO_HALF
from bpstudio.engine.project import loads_project
from bpstudio.engine.spec import LayerSpec, NetworkSpec
from bpstudio.engine.stages import iteration_stages

seen: list[tuple[str, str]] = []


def fake(context: str, text: str) -> str:
    """A translator that marks every text it is asked for (and remembers the context)."""
    seen.append((context, text))
    return "«" + text + "»"


@pytest.fixture
def translated() -> Iterator[None]:
    seen.clear()
    set_translator(fake)
    try:
        yield
    finally:
        set_translator(None)


def test_a_spec_error_is_translated_with_its_fields_filled(translated: None) -> None:
    with pytest.raises(ValidationError) as info:
        NetworkSpec(2, (LayerSpec(3, "softmax"), LayerSpec(1, "sigmoid"))).validate()
    assert info.value.field == "network.layers[0].activation"  # a key: never translated
    assert info.value.message == (
        "«softmax is only allowed on the output layer (its Jacobian is not element-wise)»")
    assert ("Spec", "{activation} is only allowed on the output layer (its Jacobian is not element-wise)") in seen


def test_a_csv_error_is_translated_and_names_its_column(translated: None) -> None:
    with pytest.raises(ValidationError) as info:
        build_dataset(parse_csv("a,b,c\n1,2,x\n3,four,y\n"), None, "c")
    assert str(info.value) == "row 3: «column 'b' holds 'four', not a number»"
    assert info.value.column == "b"  # so the dialog can mark the column without reading the message
    assert seen[-1] == ("CsvImport", "column {name!r} holds {value!r}, not a number")


def test_a_project_load_error_is_translated(translated: None) -> None:
    with pytest.raises(FormatError) as info:
        loads_project(json.dumps({"format": "something-else"}), "demo.bpsproj")
    assert str(info.value) == (
        "«demo.bpsproj: not a BP Studio project (format is 'something-else', expected 'bpstudio-project')»")
    with pytest.raises(ValidationError) as bad:
        loads_project(json.dumps({"format": "bpstudio-project", "version": 2, "colour": 1}))
    assert str(bad.value) == "colour: «is not a project field»"


def test_names_and_formulas_with_words_are_translated_where_shown(translated: None) -> None:
    assert [s.label for s in iteration_stages(1)] == ["«forward 1»", "«loss»", "«backward 1»", "«update»"]
    assert [s.name for s in iteration_stages(1)] == ["forward 1", "loss", "backward 1", "update"]  # keys stay
    assert SQUARED_ERROR_NO_HALF.formula_text == "«L = ‖a − y‖²  (no ½, as in 3Blue1Brown)»"
    assert SQUARED_ERROR_NO_HALF.formula == "L = ‖a − y‖²  (no ½, as in 3Blue1Brown)"
    assert LEAKY_RELU.derivative_text == "«LeakyReLU′(z) = 1 if z > 0 else 0.01»"
    with pytest.raises(ValidationError) as info:
        get_activation("swish")
    assert info.value.message == (
        f"«unknown activation 'swish'; choose one of {', '.join(ACTIVATIONS)}»")


def test_without_a_translator_the_text_is_english() -> None:
    set_translator(fake)
    try:
        assert iteration_stages(2)[0].label == "«forward 1»"
    finally:
        set_translator(None)
    assert iteration_stages(2)[0].label == "forward 1"
    assert [s.label for s in iteration_stages(3)] == [s.name for s in iteration_stages(3)]
    with pytest.raises(ValidationError) as info:
        NetworkSpec(2, (LayerSpec(0),)).validate()
    assert str(info.value) == "network.layers[0].units: must be at least 1, got 0"
    with pytest.raises(ValidationError) as csv:
        build_dataset(parse_csv("a,b\n1,x\n2,x\n"), None, "b")
    assert str(csv.value) == "column 'b': has only one class ('x'): nothing to tell apart"


def test_formulas_written_out_match_their_constants() -> None:
    """The LeakyReLU texts spell out LEAKY_SLOPE (a literal, for the translation extractor)."""
    assert LEAKY_RELU.formula == f"LeakyReLU(z) = z if z > 0 else {LEAKY_SLOPE}·z"
    assert LEAKY_RELU.derivative == f"LeakyReLU′(z) = 1 if z > 0 else {LEAKY_SLOPE}"
    assert all(f.formula_text == f.formula and f.derivative_text == f.derivative for f in ACTIVATIONS.values())
    assert all(x.formula_text == x.formula and x.gradient_text == x.gradient for x in LOSSES.values())
    assert np.isclose(LEAKY_SLOPE, 0.01)
