"""Every bad CSV is refused with a message naming the row and column, as a spreadsheet counts them."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import ValidationError
from bpstudio.engine.csv_import import build_dataset, parse_csv, raw_rows, read_csv


def refusal(text: str, **kwargs) -> str:
    """The message of the refusal, as the import dialog shows it: "field: message"."""
    with pytest.raises(ValidationError) as info:
        build_dataset(parse_csv(text), **({"features": None, "label": "c"} | kwargs))
    return str(info.value)


@pytest.mark.parametrize("text, expected", [
    ("a,b,c\n1,2,x\n3,4\n", "row 3: has 2 values, fewer than the 3 columns of row 1 (the header)"),
    ("a,b,c\n1,2,x\n3,4,y,9\n", "row 3: has 4 values, more than the 3 columns of row 1 (the header)"),
    ("1,2,3\n4,5\n", "row 2: has 2 values, fewer than the 3 columns of row 1"),
    ("", "file: the file is empty: no rows"),
    (" \n\n", "file: the file is empty: no rows"),
    ("a,b,c\n", "file: the file has a header but no data rows"),
    ("a,a,c\n1,2,x\n", "row 1: the column name 'a' appears twice"),
])
def test_tables_that_cannot_be_read(text, expected):
    with pytest.raises(ValidationError) as info:
        parse_csv(text)
    assert str(info.value) == expected


@pytest.mark.parametrize("cell, expected", [
    ("four", "row 3: column 'b' holds 'four', not a number"),
    ("nan", "row 3: column 'b' is 'nan' (NaN or infinity), not a number"),
    ("NaN", "row 3: column 'b' is 'NaN' (NaN or infinity), not a number"),
    ("inf", "row 3: column 'b' is 'inf' (NaN or infinity), not a number"),
    ("-Infinity", "row 3: column 'b' is '-Infinity' (NaN or infinity), not a number"),
    ("1e999", "row 3: column 'b' holds '1e999', too large for a number"),
    ("1_000", "row 3: column 'b' holds '1_000', not a number"),  # Python's float() reads it; a table does not
    ("١", "row 3: column 'b' holds '١', not a number"),  # an Arabic-Indic digit, which float() also reads
    ("0x10", "row 3: column 'b' holds '0x10', not a number"),
    ("", "row 3: column 'b' is empty"),
])
def test_feature_cells_that_are_not_finite_numbers(cell, expected):
    assert refusal(f"a,b,c\n1,2,x\n3,{cell},y\n") == expected


@pytest.mark.parametrize("label, expected", [
    ("nan", "row 3: column 'c' is 'nan' (NaN or infinity), not a label"),
    ("inf", "row 3: column 'c' is 'inf' (NaN or infinity), not a label"),
    ("1e400", "row 3: column 'c' is '1e400' (NaN or infinity), not a label"),
    ("", "row 3: column 'c' is empty (no label)"),
])
def test_missing_labels_are_no_class_of_their_own(label, expected):
    assert refusal(f"a,b,c\n1,2,0\n3,4,{label}\n5,6,1\n") == expected


def test_a_label_column_with_one_class_and_other_column_choices():
    assert refusal("a,b,c\n1,2,x\n3,4,x\n") == "column 'c': has only one class ('x'): nothing to tell apart"
    assert refusal("a,b,c\n1,2,1\n3,4,1.0\n") == "column 'c': has only one class ('1'): nothing to tell apart"
    assert refusal("a,b,c\n1,2,x\n3,4,y\n", features=[]) == "features: choose at least one feature column"
    assert refusal("a,b,c\n1,2,x\n3,4,y\n", features=["a", "c"]) == (
        "features: 'c' is the label; it cannot also be a feature")
    assert refusal("a,b,c\n1,2,x\n1,4,y\n", standardize=True) == (
        "column 'a': has the same value in every row, so it cannot be standardised")
    assert refusal("a,b,c\n1,2,0.5\n3,4,y\n", kind="numeric") == "row 3: column 'c' holds 'y', not a number"
    assert refusal("a,b,c\n1,2,x\n", label=5) == "columns: there is no column 6 (the file has 3)"


def test_rows_are_counted_as_in_the_file_across_blank_lines():
    table = parse_csv("a,b,c\n\n1,2,x\n\n\n3,oops,y\n")
    assert [table.line(r) for r in range(len(table.rows))] == [3, 6]
    assert refusal("a,b,c\n\n1,2,x\n\n\n3,oops,y\n") == "row 6: column 'b' holds 'oops', not a number"


def test_numbers_a_spreadsheet_writes_are_read():
    table = parse_csv("a,b,c\n+1.5,.5,0\n-2.,3e-2,1\n1E+2,7,1.0\n")
    imported = build_dataset(table, None, "c")
    np.testing.assert_array_equal(imported.dataset.x, [[1.5, 0.5], [-2.0, 0.03], [100.0, 7.0]])
    assert imported.classes == ("0", "1")  # "1" and "1.0" are the same class
    np.testing.assert_array_equal(imported.dataset.y, [[1, 0], [0, 1], [0, 1]])


def test_a_first_row_of_numbers_and_nan_is_data_not_a_header():
    table = parse_csv("1,nan,0\n2,3,1\n")
    assert table.header == ("column 1", "column 2", "column 3") and len(table.rows) == 2
    with pytest.raises(ValidationError, match=r"row 1: column 'column 2' is 'nan'"):
        build_dataset(table, None, 2)


def test_semicolons_and_tabs_separate_cells_when_the_first_line_has_no_comma():
    assert parse_csv("a;b;c\n1;2;x\n").rows == (("1", "2", "x"),)
    assert parse_csv("a\tb\tc\n1\t2\tx\n").rows == (("1", "2", "x"),)
    assert raw_rows("a;b\n1;2;3\n") == [["a", "b"], ["1", "2", "3"]]


def test_files_on_disk(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("\ufeffx1,x2,kind\n0.5,1,cat\n1.5,2,dog\n", encoding="utf-8")  # a BOM, as Excel writes
    table = read_csv(good)
    assert table.header == ("x1", "x2", "kind")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValidationError, match="file: the file is empty"):
        read_csv(empty)
    with pytest.raises(ValidationError, match="nope.csv: no such file"):
        read_csv(tmp_path / "nope.csv")
