"""The shipped handwritten digits: the file as taken, loaded bounded, scaled /16, and the example that learns them."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from bpstudio.engine import ValidationError
from bpstudio.engine.builtin_datasets import builtin_classes, builtin_dataset, image_shape
from bpstudio.engine.csv_import import read_csv
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.metrics import evaluate
from bpstudio.engine.resource_files import resource_dir

DIGITS = resource_dir() / "datasets" / "digits.csv.gz"


def test_digits_load_with_1797_samples_64_features_10_classes_and_the_files_first_row():
    first = gzip.decompress(DIGITS.read_bytes()).decode().splitlines()[0].split(",")
    assert len(first) == 65
    ds = builtin_dataset("digits", 10)
    assert ds.x.shape == (1797, 64) and ds.y.shape == (1797, 10) and builtin_classes("digits") == 10
    np.testing.assert_array_equal(ds.x[0] * 16, [float(v) for v in first[:64]])  # the pixels, divided by 16
    assert ds.labels is not None and ds.labels[0] == int(first[64])
    np.testing.assert_array_equal(ds.y[0], np.eye(10)[int(first[64])])
    assert ds.x.min() == 0 and ds.x.max() == 1  # 0 … 16 became 0 … 1
    assert sorted(np.bincount(ds.labels))[0] >= 170  # about 180 of each digit
    notes = (DIGITS.parent / "README.md").read_text(encoding="utf-8")
    assert "Optical Recognition of Handwritten Digits" in notes and notes.count("CC BY 4.0") >= 2


def test_digits_need_ten_output_units_and_cannot_be_standardised():
    with pytest.raises(ValidationError, match="10 classes"):
        builtin_dataset("digits", 3)
    with pytest.raises(ValidationError, match="same value in every row"):
        builtin_dataset("digits", 10, standardize=True)


def test_64_inputs_are_an_8_by_8_picture():
    assert image_shape(64) == (8, 8) and image_shape(4) is None


def test_a_gzipped_csv_is_read_and_its_unpacked_size_is_bounded(tmp_path, monkeypatch):
    path = tmp_path / "t.csv.gz"
    path.write_bytes(gzip.compress(b"a,b,c\n1,2,x\n3,4,y\n"))
    assert read_csv(path).rows == (("1", "2", "x"), ("3", "4", "y"))
    monkeypatch.setattr("bpstudio.engine.csv_import.MAX_BYTES", 10)
    with pytest.raises(ValidationError, match="larger than"):
        read_csv(path)
    broken = tmp_path / "b.csv.gz"
    broken.write_bytes(gzip.compress(b"a,b\n1,2\n")[:12])
    monkeypatch.undo()
    with pytest.raises(ValidationError, match="not a complete gzip file"):
        read_csv(broken)


def test_the_digits_example_learns_to_95_percent_on_its_test_set_in_two_epochs():
    project = resolve_project("digits_softmax")
    train, test = project.split()
    assert test is not None and (len(train.x), len(test.x)) == (1438, 359)
    stepper = project.stepper()
    stepper.run_epochs(2)
    assert evaluate(stepper.plan, stepper.parameters, test.x.T, test.y.T).accuracy >= 0.95
