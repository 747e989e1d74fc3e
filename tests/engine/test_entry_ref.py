"""Entry labels as the panels show them, 1-based, in the column and the row convention."""

from __future__ import annotations

import pytest

from bpstudio.engine.entry_ref import EntryRef, parse_entry
from bpstudio.engine.errors import ValidationError


@pytest.mark.parametrize(("text", "ref"), [
    ("W2[1,2]", EntryRef("W", 2, 0, 1)),
    (" w2 [ 3 , 1 ] ", EntryRef("W", 2, 2, 0)),
    ("b2[1]", EntryRef("b", 2, 0, 0)),
    ("b1[2,1]", EntryRef("b", 1, 1, 0)),
    ("z2[3]", EntryRef("z", 2, 2, 0)),
    ("z2[3,5]", EntryRef("z", 2, 2, 4)),
    ("a1[2,1]", EntryRef("a", 1, 1, 0)),
    ("delta3[1,2]", EntryRef("delta", 3, 0, 1)),
    ("δ3[1]", EntryRef("delta", 3, 0, 0)),
    ("dW1[2,3]", EntryRef("dW", 1, 1, 2)),
    ("∂L/∂W1[2,3]", EntryRef("dW", 1, 1, 2)),
    ("db2[1]", EntryRef("db", 2, 0, 0)),
])
def test_column_labels(text: str, ref: EntryRef) -> None:
    assert parse_entry(text) == ref
    assert parse_entry(ref.label()) == ref


@pytest.mark.parametrize(("text", "ref"), [
    ("W2[1,2]", EntryRef("W", 2, 1, 0)),  # row 1, column 2 of the n¹ × n² matrix: from unit 1 to unit 2
    ("Z2[5,3]", EntryRef("z", 2, 2, 4)),  # sample 5, unit 3
    ("b2[1,3]", EntryRef("b", 2, 2, 0)),
    ("b2[3]", EntryRef("b", 2, 2, 0)),
])
def test_row_labels_are_the_transposed_positions(text: str, ref: EntryRef) -> None:
    assert parse_entry(text, "row") == ref
    assert parse_entry(ref.label("row"), "row") == ref


def test_label_text() -> None:
    assert EntryRef("W", 2, 0, 1).label() == "W2[1,2]"
    assert EntryRef("W", 2, 0, 1).label("row") == "W2[2,1]"
    assert EntryRef("z", 1, 2, 4).label("row") == "Z1[5,3]"


@pytest.mark.parametrize("text", ["", "W2", "W2[1]", "q2[1,1]", "W2[0,1]", "b2[1,2]", "W[1,1]"])
def test_bad_labels(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_entry(text)


def test_check_against_sizes() -> None:
    sizes = (2, 2, 1)
    assert EntryRef("W", 2, 0, 1).check(sizes) == EntryRef("W", 2, 0, 1)
    for bad in (EntryRef("W", 3, 0, 0), EntryRef("W", 2, 1, 0), EntryRef("W", 1, 0, 2), EntryRef("z", 1, 0, 4)):
        with pytest.raises(ValidationError):
            bad.check(sizes, 4)
