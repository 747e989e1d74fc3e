"""Issue 13: every loader accepts a file or refuses it with BP Studio's own error naming the problem. A bounded
property-based fuzz of each loader (mutating real valid files with benchmarks/fuzz_loaders.py's mutators) and a
regression test for every fault fuzzing found."""

from __future__ import annotations

import importlib.util
import io
import json
import random
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio import cli
from bpstudio.engine import BPStudioError, FormatError, ValidationError, load_snapshot, loads_project
from bpstudio.engine.budget import MAX_ITERATION_BYTES
from bpstudio.engine.csv_import import parse_csv
from bpstudio.engine.examples import example_path
from bpstudio.engine.lessons import loads_lesson, shipped_lessons
from bpstudio.engine.snapshot_read import MAX_SNAPSHOT_BYTES

FUZZ_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_loaders.py"
_spec = importlib.util.spec_from_file_location("fuzz_loaders", FUZZ_PATH)
assert _spec is not None and _spec.loader is not None
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["fuzz_loaders"] = fuzz
_spec.loader.exec_module(fuzz)

SEEDS: dict[str, list[bytes]] = {}
# the same 200 cases on every run (a test run must not pass or fail by luck); benchmarks/fuzz_loaders.py explores
FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def seeds(kind: str, tmp_path: Path) -> list[bytes]:
    if kind not in SEEDS:
        SEEDS[kind] = fuzz.seed_files(kind, tmp_path)
    return SEEDS[kind]


@pytest.mark.parametrize("kind", fuzz.LOADERS)
@FUZZ
@given(seed=st.integers(0, 2**32 - 1), rounds=st.integers(1, 3))
def test_a_mutated_file_is_loaded_or_refused_with_our_error(kind: str, seed: int, rounds: int,
                                                            tmp_path: Path) -> None:
    rng = random.Random(seed)
    data = rng.choice(seeds(kind, tmp_path))
    for _ in range(rounds):
        data = fuzz.mutate(kind, data, rng)
    outcome, detail = fuzz.run_case(kind, data, tmp_path / f"case.{kind}")
    assert outcome in ("accepted", "refused"), detail


def test_the_valid_seed_files_are_accepted(tmp_path: Path) -> None:
    for kind in fuzz.LOADERS:
        for data in seeds(kind, tmp_path):
            assert fuzz.run_case(kind, data, tmp_path / f"seed.{kind}") == ("accepted", "")


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_bpstudio_run_exits_2_with_one_line_on_a_mutated_project(seed: int, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(seed)
    data = fuzz.mutate("project", rng.choice(seeds("project", tmp_path)), rng)
    path = tmp_path / "case.bpsproj"
    path.write_bytes(data)
    capsys.readouterr()
    code = cli.main(["run", str(path), "--iterations", "1", "--report", "1"])
    err = capsys.readouterr().err
    assert code in (0, 2)
    if code == 2:
        assert err.startswith("bpstudio run: error: ") and err.count("\n") == 1 and len(err) > 25
    else:
        assert err == ""


# ----- regressions: projects ---------------------------------------------------------------------------------
def project_text(**changes: object) -> str:
    d = json.loads(example_path("seed003_2-2-1").read_text(encoding="utf-8"))
    d.update(changes)
    return json.dumps(d)


def refused(text: str, kind: type[BPStudioError] = BPStudioError) -> str:
    with pytest.raises(kind) as info:
        loads_project(text)
    return str(info.value)


def test_a_4301_digit_integer_is_refused_naming_the_field() -> None:
    text = project_text().replace('"epochs": 10000', '"epochs": ' + "9" * 4301)
    assert "9" * 4301 in text
    assert refused(text, ValidationError).startswith("training.epochs: must be a whole number, got inf")


def test_bpstudio_run_on_a_4301_digit_integer_exits_2_with_one_line(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.bpsproj"
    path.write_text(project_text().replace('"epochs": 10000', '"epochs": ' + "9" * 4301), encoding="utf-8")
    assert cli.main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == "bpstudio run: error: training.epochs: must be a whole number, got inf\n"


@pytest.mark.parametrize("value", [2**64, -(2**64) - 1, 10**400])
def test_an_integer_beyond_64_bits_in_data_or_generator_params_is_refused(value: int) -> None:
    d = json.loads(project_text())
    d["data"] = {"x": [[value, 0], [0, 1]], "y": [[0], [1]]}
    message = refused(json.dumps(d), ValidationError) if value == 10**400 else None
    if value == 10**400:
        assert message is not None and message.startswith("data.x[0][0]: is NaN or infinity")
    else:
        assert loads_project(json.dumps(d)).dataset().x[0, 0] == float(value)  # a large number, read as one
    d["data"] = {"generator": "xor", "params": {"n": 8, "noise": abs(value)}}
    got = "inf" if value == 10**400 else repr(float(abs(value)))  # beyond floats: infinity; else read as a float
    assert refused(json.dumps(d), ValidationError).startswith(
        f"data.params.noise: must be a number from 0 to 1000, got {got}")
    d["data"] = {"generator": "xor", "params": {"n": 8, "seed": value}}
    assert refused(json.dumps(d), ValidationError).startswith("data.params.seed: must be a whole number ≥ 0")


def test_a_duplicate_key_is_refused_naming_it() -> None:
    text = project_text().replace('"name": ', '"name": "first", "name": ', 1)
    assert refused(text, FormatError) == 'project: the key "name" appears twice in one object (which one is meant?)'


def test_a_lone_surrogate_in_the_name_is_refused_naming_the_field() -> None:
    text = project_text().replace('"name": "', '"name": "\\ud800', 1)
    assert refused(text, FormatError).startswith("project: name: holds a lone surrogate")
    pair = project_text().replace('"name": "', '"name": "\\ud83d\\ude00', 1)  # a surrogate pair is an emoji
    assert loads_project(pair).name.startswith("😀")


def big(units: int, n: int, batch: int = 0) -> str:
    d = json.loads(project_text())
    d["network"]["layers"][0]["units"] = units
    d["data"] = {"generator": "xor", "params": {"n": n}}
    d["training"]["batch_size"] = batch
    d.pop("parameters", None)
    d["init"] = {"method": "xavier"}
    return json.dumps(d)


def test_an_iteration_over_the_memory_limit_is_refused_with_the_estimate() -> None:
    message = refused(big(4000, 1_000_000), ValidationError)
    assert message.startswith("training.batch_size: one training iteration (a batch of 1,000,000 samples")
    assert f"BP Studio allows {MAX_ITERATION_BYTES >> 20:,} MB" in message and "244,416 MB" in message
    assert "4,180 MB" in refused(big(64, 1_000_000), ValidationError)  # the 2-64-1 that took 15 s an iteration
    assert loads_project(big(64, 1_000_000, 256)).training.batch_size == 256  # mini-batches fit


def test_inline_data_over_the_sample_limit_is_refused() -> None:
    d = json.loads(project_text())
    d["data"] = {"x": [0.5] * 1_000_001, "y": [0] * 1_000_001}
    d["network"]["input_size"] = 1
    assert refused(json.dumps(d), ValidationError) == "data.x: has 1,000,001 rows; BP Studio takes up to 1,000,000"


def test_a_project_file_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bpstudio.engine import json_read, load_project

    path = tmp_path / "big.bpsproj"
    path.write_text(project_text() + " " * (2 << 20), encoding="utf-8")  # 2 MB of spaces after a valid project
    assert load_project(path).name  # within the limit (64 MB)
    monkeypatch.setattr(json_read, "MAX_PROJECT_BYTES", 1 << 20)
    with pytest.raises(FormatError, match="the file is larger than 1 MB, the most BP Studio opens"):
        load_project(path)


# ----- regressions: snapshots ---------------------------------------------------------------------------------
def snapshot_members(tmp_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(seeds("snapshot", tmp_path)[0])) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def written(tmp_path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    path = tmp_path / "case.npz"
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def snapshot_refused(path: Path) -> str:
    with pytest.raises(FormatError) as info:
        load_snapshot(path)
    return str(info.value)


def with_meta(tmp_path: Path, change: dict | str) -> Path:
    members = snapshot_members(tmp_path)
    meta = json.loads(str(np.load(io.BytesIO(members["meta.npy"]))[()]))
    text = change if isinstance(change, str) else json.dumps({**meta, **change})
    members["meta.npy"] = fuzz._npy(np.array(text))
    return written(tmp_path, members)


def test_deeply_nested_meta_is_refused(tmp_path: Path) -> None:
    assert "nested too deeply" in snapshot_refused(with_meta(tmp_path, "[" * 100_000 + "]" * 100_000))


@pytest.mark.parametrize(("loss", "problem"), [
    (np.array("text"), "loss holds <U4, not float64"),
    (np.array([1.0, 2.0]), "loss has the shape (2,), but the network needs ()")])
def test_a_loss_holding_text_or_two_values_is_refused(tmp_path: Path, loss: np.ndarray, problem: str) -> None:
    members = snapshot_members(tmp_path)
    members["loss.npy"] = fuzz._npy(loss)
    assert problem in snapshot_refused(written(tmp_path, members))


def test_a_flipped_bit_in_the_deflate_stream_is_refused(tmp_path: Path) -> None:
    data = bytearray(seeds("snapshot", tmp_path)[0])
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("meta.npy")
    extra = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    data[info.header_offset + 30 + len(info.filename) + extra + info.compress_size // 2] ^= 0x10
    path = tmp_path / "flipped.npz"
    path.write_bytes(bytes(data))
    assert "not a readable snapshot" in snapshot_refused(path)


@pytest.mark.parametrize("shape", [(100000, 100000), (True, 2)])
def test_a_header_shape_from_outer_space_is_refused_before_allocating(tmp_path: Path, shape: tuple) -> None:
    members = snapshot_members(tmp_path)
    members["L1/W.npy"] = fuzz._npy(np.zeros((2, 2)), shape=shape)
    message = snapshot_refused(written(tmp_path, members))
    assert "L1/W" in message and ("not whole numbers" in message or "but the network needs (2, 2)" in message)


def test_a_zero_byte_void_dtype_is_refused(tmp_path: Path) -> None:
    members = snapshot_members(tmp_path)
    members["input.npy"] = fuzz._npy(np.zeros((2, 4)), shape=(100000, 100000), descr="|V0")
    assert "input holds |V0, not float64 numbers" in snapshot_refused(written(tmp_path, members))


def test_zip_flag_bit_5_is_refused(tmp_path: Path) -> None:
    data = bytearray(seeds("snapshot", tmp_path)[0])
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.index(sig)
        data[i + at] |= 32
    path = tmp_path / "flag.npz"
    path.write_bytes(bytes(data))
    assert "not a readable snapshot" in snapshot_refused(path)


def test_a_header_that_is_not_a_python_literal_is_refused(tmp_path: Path) -> None:
    members = snapshot_members(tmp_path)
    good = members["L1/b.npy"]
    members["L1/b.npy"] = good.replace(b"'descr'", b"'descr\"", 1)
    assert "not a readable snapshot" in snapshot_refused(written(tmp_path, members))


def test_a_missing_weight_is_refused(tmp_path: Path) -> None:
    members = snapshot_members(tmp_path)
    del members["L1/W.npy"]
    assert snapshot_refused(written(tmp_path, members)).endswith("the entry L1/W is missing")


@pytest.mark.parametrize("epoch", ["missing", {"a": 1}, float("inf"), -1])
def test_a_bad_epoch_in_meta_is_refused(tmp_path: Path, epoch: object) -> None:
    members = snapshot_members(tmp_path)
    meta = json.loads(str(np.load(io.BytesIO(members["meta.npy"]))[()]))
    if epoch == "missing":
        del meta["epoch"]
    else:
        meta["epoch"] = epoch
    members["meta.npy"] = fuzz._npy(np.array(json.dumps(meta)))
    assert "meta.epoch must be a whole number ≥ 0" in snapshot_refused(written(tmp_path, members))


def test_a_zip_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    members = snapshot_members(tmp_path)
    members["losses.npy"] = fuzz._npy(np.zeros(MAX_SNAPSHOT_BYTES // 8 + 1))  # 1 GiB of zeros: 1 MB deflated
    path = written(tmp_path, members)
    assert path.stat().st_size < 5_000_000
    assert "would expand to" in snapshot_refused(path)


# ----- regressions: lessons and CSV ---------------------------------------------------------------------------
def lesson(**changes: object) -> str:
    d = json.loads(shipped_lessons()[0].read_text(encoding="utf-8"))
    d.update(changes)
    return json.dumps(d)


def test_a_prediction_before_the_presets_saved_iteration_is_refused_not_looped() -> None:
    from bpstudio.engine.project_state import ProjectState

    project = loads_project(project_text())
    stepper = project.stepper()
    stepper.run_iterations(5)
    snap = stepper.snapshot()
    preset = project.with_state(ProjectState(snap.iteration + 1, snap.epoch, 0, 0, stepper.parameters)).to_dict()
    text = lesson(preset=preset, steps=[{"text": "x", "predict": {"quantity": "loss", "iteration": 1}}])
    with pytest.raises(ValidationError) as info:
        loads_lesson(text)
    assert info.value.field == "steps[0].predict.iteration" and "the preset starts at stage 0 of iteration 6" in str(
        info.value)


def test_a_heavy_prediction_is_refused_at_load() -> None:
    text = lesson(preset="spiral_softmax", steps=[{"text": "x", "predict": {"quantity": "loss", "iteration": 100000}}])
    with pytest.raises(ValidationError) as info:
        loads_lesson(text)
    assert info.value.field == "steps[0].predict.iteration" and "100,000 iterations" in str(info.value)


def test_a_preset_name_over_255_bytes_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        loads_lesson(lesson(preset="a" * 300))
    assert info.value.field == "preset" and "is not a built-in example" in str(info.value)


def test_a_csv_cell_over_the_csv_limit_is_refused_naming_the_row() -> None:
    with pytest.raises(ValidationError) as info:
        parse_csv("a,b\n1,2\n3," + "x" * 131_073 + "\n")
    assert info.value.field == "row 3" and "a cell is longer than 131,072 characters" in str(info.value)


@pytest.mark.parametrize("generator", ["spiral", "moons", "circles", "xor", "blobs", "sine"])
def test_a_generators_noise_is_bounded_so_its_points_are_numbers(generator: str) -> None:
    d = json.loads(project_text())
    d["data"] = {"generator": generator, "params": {"n": 30, "noise": 1e308}}  # sin(1e308 · normal): NaN
    assert refused(json.dumps(d), ValidationError).startswith(
        "data.params.noise: must be a number from 0 to 1000, got 1e+308")
    if generator in ("xor", "circles", "moons"):  # the 2-2-1 project's own kind of data
        d["data"]["params"]["noise"] = 1000
        assert np.isfinite(loads_project(json.dumps(d)).dataset().x).all()
