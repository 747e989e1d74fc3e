"""A project file is read strictly: a typo or a non-number is an error naming the field, never a silent default."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from jsonschema import Draft202012Validator

from bpstudio.engine import ValidationError, load_snapshot, project_from_dict, save_snapshot
from bpstudio.engine.resource_files import example_path, schema_path

BASE = json.loads(example_path("seed003_2-2-1").read_text(encoding="utf-8"))
SCHEMA = Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8")))


def edited(change) -> dict:
    d = copy.deepcopy(BASE)
    change(d)
    return d


CASES = [
    ("network.layers[0].activaton", lambda d: d["network"]["layers"][0].update(activaton="relu")),
    ("network.lossx", lambda d: d["network"].update(lossx="cross_entropy")),
    ("data.z", lambda d: d["data"].update(z=[1])),
    ("data.x", lambda d: d.update(data={"generator": "xor", "x": [[0, 0]]})),
    ("parameters[1].bias", lambda d: d["parameters"][1].update(bias=[0.1])),
    ("parameters[0].W[0][1]", lambda d: d["parameters"][0].update(W=[[0.15, "0.20"], [0.25, 0.30]])),
    ("parameters[1].b[0]", lambda d: d["parameters"][1].update(b=[True])),
]


@pytest.mark.parametrize("field,change", CASES, ids=[c[0] for c in CASES])
def test_loader_and_schema_both_refuse(field, change):
    d = edited(change)
    with pytest.raises(ValidationError) as info:
        project_from_dict(d)
    assert info.value.field == field
    assert not SCHEMA.is_valid(d)


def test_names_are_stored_in_canonical_form():
    d = edited(lambda d: (d["network"]["layers"][0].update(activation="Linear"), d["network"].update(loss="MSE")))
    project = project_from_dict(d)
    assert project.network.layers[0].activation == "identity"
    assert project.network.loss == "squared_error"
    saved = project.to_dict()
    assert saved["network"]["layers"][0]["activation"] == "identity"
    assert saved["network"]["loss"] == "squared_error"


def test_snapshot_with_boolean_version_is_refused(tmp_path):
    stepper = project_from_dict(BASE).stepper()
    path = save_snapshot(tmp_path / "s.npz", stepper.step())
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    meta = json.loads(str(arrays["meta"]))
    meta["version"] = True
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez(tmp_path / "bool.npz", **arrays)
    from bpstudio.engine import FormatError

    with pytest.raises(FormatError, match="version True is not supported"):
        load_snapshot(tmp_path / "bool.npz")


def test_sigmoid_is_accurate_in_both_tails():
    from decimal import Decimal, getcontext

    from bpstudio.engine.activations import SIGMOID

    getcontext().prec = 50
    values = [-745.0, -40.0, -30.0, -1.5, 0.0, 2.0, 30.0, 40.0]
    a = SIGMOID.f(np.array([values]))[0]
    exact = [float(1 / (1 + (-Decimal(v)).exp())) for v in values]  # 50-digit reference
    np.testing.assert_allclose(a[1:], exact[1:], rtol=1e-15, atol=0)
    assert a[0] == 0.0 and exact[0] < 1e-320  # underflows, without an overflow warning
