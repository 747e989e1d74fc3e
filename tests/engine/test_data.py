"""Data for training: the shipped Iris set, CSV import with a message naming the row and column, train/test split."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import ValidationError, project_from_dict
from bpstudio.engine.builtin_datasets import builtin_dataset
from bpstudio.engine.csv_import import build_dataset, parse_csv, read_csv
from bpstudio.engine.datasets import split_dataset
from bpstudio.engine.metrics import evaluate, is_classification
from bpstudio.engine.resource_files import resource_dir

IRIS_PROJECT = {
    "format": "bpstudio-project", "version": 1, "name": "Iris",
    "network": {"input_size": 4, "layers": [{"units": 8, "activation": "tanh"}, {"units": 3, "activation": "softmax"}],
                "loss": "cross_entropy"},
    "init": {"method": "xavier"},
    "training": {"learning_rate": 0.5, "batch_size": 0, "seed": 1},
    "data": {"dataset": "iris", "standardize": True, "test_fraction": 0.2, "split_seed": 3},
}


def test_iris_is_shipped_with_its_source_and_licence():
    folder = resource_dir() / "datasets"
    notes = (folder / "README.md").read_text(encoding="utf-8")
    assert "Fisher" in notes and "CC BY 4.0" in notes
    table = read_csv(folder / "iris.csv")
    assert table.header[-1] == "species" and len(table.rows) == 150
    ds = builtin_dataset("iris", 3)
    assert ds.x.shape == (150, 4) and ds.y.shape == (150, 3)
    assert np.array_equal(ds.y.sum(axis=0), [50, 50, 50])  # one-hot, 50 of each species
    np.testing.assert_array_equal(ds.x[0], [5.1, 3.5, 1.4, 0.2])


def test_iris_project_splits_and_learns_three_classes():
    project = project_from_dict(IRIS_PROJECT)
    train, test = project.split()
    assert test is not None and (len(train.x), len(test.x)) == (120, 30)
    stepper = project.stepper()
    assert stepper.samples == 120  # trains on the training set only
    np.testing.assert_allclose(project.dataset().x.mean(axis=0), 0, atol=1e-12)  # standardised
    before = evaluate(stepper.plan, stepper.parameters, test.x.T, test.y.T)
    stepper.run_iterations(300)
    after_train = evaluate(stepper.plan, stepper.parameters, train.x.T, train.y.T)
    after_test = evaluate(stepper.plan, stepper.parameters, test.x.T, test.y.T)
    assert after_test.loss < before.loss
    assert after_train.accuracy >= 0.95 and after_test.accuracy >= 0.9


def test_split_is_seeded_disjoint_and_complete():
    ds = builtin_dataset("iris", 3)
    a_train, a_test = split_dataset(ds, 0.25, seed=5)
    b_train, b_test = split_dataset(ds, 0.25, seed=5)
    np.testing.assert_array_equal(a_test.x, b_test.x)
    assert len(a_test.x) == 38 and len(a_train.x) == 112
    rows = {tuple(r) for r in np.vstack([a_train.x, a_test.x]).round(6)}
    assert len(np.vstack([a_train.x, a_test.x])) == 150 and rows == {tuple(r) for r in ds.x.round(6)}
    assert split_dataset(ds, 0.0)[1] is None


def test_csv_with_class_names_becomes_one_hot_in_sorted_order():
    table = parse_csv("a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n")
    imported = build_dataset(table, ["a", "b"], "kind")
    assert imported.classes == ("cat", "dog")
    np.testing.assert_array_equal(imported.dataset.y, [[1, 0], [0, 1], [1, 0]])
    np.testing.assert_array_equal(imported.dataset.x, [[1, 2], [3, 4], [5, 6]])
    binary = build_dataset(table, ["a", "b"], "kind", outputs=1)
    np.testing.assert_array_equal(binary.dataset.y, [[0], [1], [0]])


def test_csv_numeric_labels_headerless_and_standardised():
    table = parse_csv("1,10,0\n2,20,1\n3,30,2\n")
    assert table.header == ("column 1", "column 2", "column 3")
    imported = build_dataset(table, None, 2, standardize=True)
    assert imported.classes == ("0", "1", "2") and imported.dataset.y.shape == (3, 3)
    np.testing.assert_allclose(imported.dataset.x.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(imported.dataset.x.std(axis=0), 1)
    regression = build_dataset(parse_csv("x,y\n0,0.5\n1,1.25\n"), ["x"], "y")
    assert regression.classes is None
    np.testing.assert_array_equal(regression.dataset.y, [[0.5], [1.25]])


@pytest.mark.parametrize("text, field, message", [
    ("", "file", "the file is empty"),
    ("\n\n", "file", "the file is empty"),
    ("a,b,c\n", "file", "header but no data rows"),
    ("a,b,c\n1,2,x\n3,4\n", "row 3", "has 2 values, fewer than the 3 columns of row 1"),
    ("a,b,c\n1,2,x\n3,4,y,9\n", "row 3", "has 4 values, more than the 3 columns of row 1"),
    ("a,a,c\n1,2,x\n", "row 1", "the column name 'a' appears twice"),
])
def test_unreadable_tables_are_refused_with_the_row(text, field, message):
    with pytest.raises(ValidationError) as info:
        parse_csv(text)
    assert info.value.field == field and message in info.value.message


@pytest.mark.parametrize("text, kwargs, field, message", [
    ("a,b,c\n1,2,x\n3,four,y\n", {}, "row 3", "column 'b' holds 'four', not a number"),
    ("a,b,c\n1,2,x\n3,nan,y\n", {}, "row 3", "column 'b' is 'nan' (NaN or infinity)"),
    ("a,b,c\n1,,x\n3,4,y\n", {}, "row 2", "column 'b' is empty"),
    ("a,b,c\n1,2,x\n3,4,x\n", {}, "column 'c'", "has only one class ('x')"),
    ("a,b,c\n1,2,x\n3,4,\n", {}, "row 3", "column 'c' is empty (no label)"),
    ("a,b,c\n1,2,x\n1,4,y\n", {"standardize": True}, "column 'a'", "same value in every row"),
    ("a,b,c\n1,2,x\n3,4,y\n", {"features": ["a", "c"]}, "features", "'c' is the label"),
    ("a,b,c\n1,2,x\n3,4,y\n", {"features": ["z"]}, "columns", "no column named 'z'"),
    ("a,b,c\n1,2,0.5\n3,4,y\n", {"kind": "numeric"}, "row 3", "column 'c' holds 'y', not a number"),
])
def test_bad_cells_are_refused_naming_row_and_column(text, kwargs, field, message):
    table = parse_csv(text)
    args = {"features": None, "label": "c"} | kwargs
    with pytest.raises(ValidationError) as info:
        build_dataset(table, **args)
    assert info.value.field == field and message in info.value.message


def test_a_missing_or_binary_file_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="no such file"):
        read_csv(tmp_path / "nope.csv")
    (tmp_path / "bin.csv").write_bytes(b"\xff\xfe\x00a,b")
    with pytest.raises(ValidationError, match="not UTF-8"):
        read_csv(tmp_path / "bin.csv")


def test_project_data_settings_are_validated():
    for change, field in [({"test_fraction": 1.0}, "data.test_fraction"), ({"split_seed": -1}, "data.split_seed"),
                          ({"standardize": "yes"}, "data.standardize"), ({"dataset": "mnist"}, "data.dataset")]:
        d = dict(IRIS_PROJECT, data=dict(IRIS_PROJECT["data"], **change))
        with pytest.raises(ValidationError) as info:
            project_from_dict(d)
        assert info.value.field == field
    wrong_outputs = dict(IRIS_PROJECT, network=dict(IRIS_PROJECT["network"], layers=[
        {"units": 8, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]))
    with pytest.raises(ValidationError, match="3 classes, so the output layer needs 3 units"):
        project_from_dict(wrong_outputs)


def test_evaluate_counts_right_answers():
    from bpstudio.engine import LayerSpec, NetworkSpec
    from bpstudio.engine.backprop import Plan

    plan = Plan.of(NetworkSpec(1, (LayerSpec(2, "softmax"),), "cross_entropy"))
    params = [(np.array([[1.0], [-1.0]]), np.zeros((2, 1)))]
    x = np.array([[2.0, -2.0, 3.0, -1.0]])  # class 0 when x > 0
    y = np.array([[1, 0, 0, 0], [0, 1, 1, 1]], dtype=float)  # sample 3 is labelled wrongly on purpose
    result = evaluate(plan, params, x, y)
    assert result.accuracy == 0.75
    assert is_classification(y) and not is_classification(np.array([[0.5, 1.0]]))
