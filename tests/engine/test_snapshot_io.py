"""Snapshot files (.npz): exact round trip of every array and the meta; bad files refused with FormatError."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from bpstudio.engine import FormatError, Snapshot, load_snapshot, loads_project, save_snapshot
from bpstudio.engine.snapshot_io import SNAPSHOT_FORMAT, SNAPSHOT_VERSION

PROJECT_JSON = """
{
  "format": "bpstudio-project",
  "version": 1,
  "name": "Seed 003 network",
  "description": "2-2-1 sigmoid, inline data",
  "network": {"input_size": 2, "layers": [{"units": 2, "activation": "sigmoid"},
                                          {"units": 1, "activation": "sigmoid"}], "loss": "squared_error"},
  "init": {"method": "explicit"},
  "training": {"learning_rate": 0.5, "batch_size": 2, "epochs": 10, "seed": 3, "shuffle": true},
  "data": {"x": [[0.05, 0.10], [0.9, -0.3], [0.2, 0.7]], "y": [[0.01], [0.99], [0.5]]},
  "parameters": [{"W": [[0.15, 0.20], [0.25, 0.30]], "b": [0.35, 0.35]},
                 {"W": [[0.40, 0.45]], "b": [0.60]}]
}
"""


def project():
    return loads_project(PROJECT_JSON, "test project")


def assert_round_trip(snap: Snapshot, path: Path, proj_dict: dict) -> None:
    save_snapshot(path, snap, proj_dict)
    loaded = load_snapshot(path)
    assert set(loaded.arrays) == set(snap.arrays)
    for k, v in snap.arrays.items():
        got = loaded.arrays[k]
        assert got.dtype == v.dtype and got.shape == v.shape, k
        assert got.tobytes() == v.tobytes(), k
        assert not got.flags.writeable
    if snap.loss is None:
        assert loaded.loss is None
    else:
        assert loaded.loss == snap.loss
    meta = loaded.meta
    assert meta["format"] == SNAPSHOT_FORMAT == "bpstudio-snapshot"
    assert meta["version"] == SNAPSHOT_VERSION == 2
    assert meta["stage"] == (snap.stage.name if snap.stage else None)
    assert meta["next_stage"] == snap.next_stage.name
    assert (meta["position"], meta["iteration"], meta["epoch"], meta["batch"]) == (
        snap.position, snap.iteration, snap.epoch, snap.batch)
    assert meta["network"] == snap.spec.to_dict()
    assert meta["project"] == proj_dict


def test_round_trip_at_every_stage(tmp_path: Path) -> None:
    proj = project()
    st = proj.stepper()
    d = proj.to_dict()
    snaps = [st.snapshot()]
    for _ in range(2 * len(st.stages) + 3):  # two whole iterations (crossing an epoch: 2 batches) and a bit
        snaps.append(st.step())
    stage_names = set()
    for i, snap in enumerate(snaps):
        assert_round_trip(snap, tmp_path / f"s{i}.npz", d)
        stage_names.add(snap.stage.name if snap.stage else None)
    assert stage_names == {None, "forward 1", "forward 2", "loss", "backward 2", "backward 1", "update"}
    assert {s.epoch for s in snaps} == {0, 1}
    assert list(tmp_path.glob("*.tmp")) == []  # the atomic write left no temporary file


def test_loaded_meta_values(tmp_path: Path) -> None:
    st = project().stepper()
    st.run_iterations(3)
    for _ in range(3):
        snap = st.step()
    path = save_snapshot(tmp_path / "mid.npz", snap)
    loaded = load_snapshot(path)
    assert loaded.meta["stage"] == "loss"
    assert loaded.meta["next_stage"] == "backward 2"
    assert loaded.meta["iteration"] == 3
    assert loaded.meta["epoch"] == 1  # 2 batches per epoch: iterations 0, 1 | 2, 3
    assert loaded.meta["batch"] == 1
    assert loaded.meta["project"] is None
    assert loaded.loss == snap.loss and loaded.loss is not None
    assert "grad_a" in loaded.arrays and "L1/delta" not in loaded.arrays
    assert str(path).endswith("mid.npz")


def test_save_with_unicode_name(tmp_path: Path) -> None:
    proj = project()
    d = proj.to_dict() | {"name": "反向传播 δ"}
    snap = proj.stepper().step()
    loaded = load_snapshot(save_snapshot(tmp_path / "δ.npz", snap, d))
    assert loaded.meta["project"]["name"] == "反向传播 δ"


# ----- bad files --------------------------------------------------------------------------------------


def good_file(tmp_path: Path) -> Path:
    st = project().stepper()
    for _ in range(5):
        snap = st.step()
    return save_snapshot(tmp_path / "good.npz", snap, project().to_dict())


class Boom:
    """Unpickling this creates a directory: proof that a loader unpickled."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def test_pickled_npz_is_refused_and_never_unpickled(tmp_path: Path) -> None:
    marker = tmp_path / "unpickled"
    path = tmp_path / "evil.npz"
    meta = json.dumps({"format": SNAPSHOT_FORMAT, "version": 1})
    np.savez(path, meta=np.array(meta), payload=np.array([Boom(str(marker))], dtype=object))
    with pytest.raises(FormatError, match="not a BP Studio snapshot"):
        load_snapshot(path)
    assert not marker.exists()


def test_pickled_meta_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "unpickled"
    path = tmp_path / "evil2.npz"
    np.savez(path, meta=np.array([Boom(str(marker))], dtype=object))
    with pytest.raises(FormatError):
        load_snapshot(path)
    assert not marker.exists()


def test_a_plain_pickle_file_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "unpickled"
    path = tmp_path / "evil.npy"
    np.save(path, np.array([Boom(str(marker))], dtype=object), allow_pickle=True)
    with pytest.raises(FormatError):
        load_snapshot(path)
    assert not marker.exists()


@pytest.mark.parametrize("fraction", [0.0, 0.001, 0.1, 0.5, 0.9, 0.999])
def test_truncated_file_is_refused(tmp_path: Path, fraction: float) -> None:
    data = good_file(tmp_path).read_bytes()
    cut = tmp_path / "cut.npz"
    cut.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(FormatError, match="cut.npz"):
        load_snapshot(cut)


def test_file_missing_last_byte_is_refused(tmp_path: Path) -> None:
    data = good_file(tmp_path).read_bytes()
    cut = tmp_path / "cut.npz"
    cut.write_bytes(data[:-1])
    with pytest.raises(FormatError):
        load_snapshot(cut)


def test_corrupted_member_is_refused(tmp_path: Path) -> None:
    data = bytearray(good_file(tmp_path).read_bytes())
    middle = len(data) // 3
    data[middle : middle + 16] = bytes(16)  # inside a compressed member: CRC or inflate fails
    bad = tmp_path / "bad.npz"
    bad.write_bytes(bytes(data))
    with pytest.raises(FormatError):
        load_snapshot(bad)


def test_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.npz"
    meta = {"format": SNAPSHOT_FORMAT, "version": SNAPSHOT_VERSION + 1}
    np.savez(path, meta=np.array(json.dumps(meta)), input=np.zeros((2, 1)))
    with pytest.raises(FormatError, match=r"version 3 is not supported"):
        load_snapshot(path)


@pytest.mark.parametrize("meta", [
    {"format": "something-else", "version": 1},
    {"version": 1},
    ["bpstudio-snapshot", 1],
])
def test_wrong_format_is_refused(tmp_path: Path, meta: object) -> None:
    path = tmp_path / "other.npz"
    np.savez(path, meta=np.array(json.dumps(meta)))
    with pytest.raises(FormatError, match="not a BP Studio snapshot"):
        load_snapshot(path)


def test_bad_version_values_are_refused(tmp_path: Path) -> None:
    for i, version in enumerate((0, "1", None, 1.5)):
        path = tmp_path / f"v{i}.npz"
        np.savez(path, meta=np.array(json.dumps({"format": SNAPSHOT_FORMAT, "version": version})))
        with pytest.raises(FormatError, match="version"):
            load_snapshot(path)


def test_npz_without_meta_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.npz"
    np.savez(path, W=np.eye(2))
    with pytest.raises(FormatError, match="no meta"):
        load_snapshot(path)


def test_plain_npy_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "one.npy"
    np.save(path, np.eye(2))
    with pytest.raises(FormatError, match="no meta"):
        load_snapshot(path)


def test_meta_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nojson.npz"
    np.savez(path, meta=np.array("{not json"))
    with pytest.raises(FormatError, match="the meta entry: not valid JSON"):
        load_snapshot(path)


def test_not_an_npz_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "text.npz"
    path.write_text(PROJECT_JSON, encoding="utf-8")
    with pytest.raises(FormatError):
        load_snapshot(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no such file"):
        load_snapshot(tmp_path / "nowhere.npz")
