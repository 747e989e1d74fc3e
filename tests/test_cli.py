"""The command line drives the same engine: run, gradcheck, trace, examples; errors name the field."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.engine import load_project, load_snapshot
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.text.notation import format_number

EXAMPLE = "seed003_2-2-1"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_examples_lists_the_shipped_projects(capsys):
    code, out, _ = run(capsys, "examples")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert EXAMPLE in names
    assert len(names) >= 3
    assert "unreadable" not in out


def test_run_stages_writes_the_snapshot_of_that_stage(capsys, tmp_path):
    out_file = tmp_path / "s.npz"
    code, out, _ = run(capsys, "run", EXAMPLE, "--stages", "3", "--snapshot", str(out_file))
    assert code == 0
    assert "last stage: loss" in out  # 2 layers: forward 1, forward 2, loss
    snap = load_snapshot(out_file)
    assert snap.meta["stage"] == "loss"
    stepper = load_project(example_path(EXAMPLE)).stepper()
    for _ in range(3):
        expected = stepper.step()
    assert snap.loss == expected.loss
    assert set(snap.arrays) == set(expected.arrays)
    for k, v in expected.arrays.items():
        np.testing.assert_array_equal(snap.arrays[k], v)
    assert "L1/delta" not in snap.arrays  # not computed yet in this iteration


def test_run_iterations_matches_the_engine_and_saves_trained_project(capsys, tmp_path):
    proj_out = tmp_path / "trained.bpsproj"
    code, out, _ = run(capsys, "run", EXAMPLE, "--iterations", "50", "--report", "5", "--save-project", str(proj_out))
    assert code == 0
    assert "completed 50 iteration(s)" in out
    rows = [line.split() for line in out.splitlines() if line.strip() and line.split()[0].isdigit()]
    assert [int(r[0]) for r in rows] == [10, 20, 30, 40, 50]
    stepper = load_project(example_path(EXAMPLE)).stepper()
    stepper.run_iterations(50)
    assert float(rows[-1][2]) == pytest.approx(stepper.snapshot().loss, rel=1e-7)
    trained = load_project(proj_out)
    for (W, b), (W2, b2) in zip(trained.parameters, stepper.parameters, strict=True):
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)


def test_gradcheck_passes_and_prints_a_table(capsys):
    code, out, _ = run(capsys, "gradcheck", EXAMPLE, "--iterations", "3")
    assert code == 0
    assert "PASSED" in out
    table = [line.split() for line in out.splitlines() if line.split()[:2] in (["1", "W"], ["2", "b"])]
    assert len(table) == 2 and all(row[-1] == "pass" for row in table)
    assert float(table[0][3]) < 1e-7


def test_gradcheck_fails_with_exit_code_1_when_tolerance_is_impossible(capsys):
    code, out, _ = run(capsys, "gradcheck", EXAMPLE, "--tolerance", "0")
    assert code == 1
    assert "FAILED" in out


def test_trace_prints_every_stage_with_engine_numbers(capsys):
    code, out, _ = run(capsys, "trace", EXAMPLE, "--precision", "6")
    assert code == 0
    for head in ("[forward 1]", "[forward 2]", "[loss]", "[backward 2]", "[backward 1]", "[update]"):
        assert head in out
    assert out.index("[backward 2]") < out.index("[backward 1]") < out.index("[update]")
    assert "BP1" in out and "BP2" in out and "BP3" in out and "BP4" in out
    stepper = load_project(example_path(EXAMPLE)).stepper()
    for _ in range(3):  # forward 1, forward 2, loss
        snap = stepper.step()
    assert f"L = {format_number(snap.loss, 6)}" in out  # as the panels write it at 6 digits


def test_bad_project_reports_the_field_and_exits_2(capsys, tmp_path):
    d = json.loads(example_path(EXAMPLE).read_text(encoding="utf-8"))
    d["network"]["layers"][0]["activation"] = "sigmoidal"
    bad = tmp_path / "bad.bpsproj"
    bad.write_text(json.dumps(d), encoding="utf-8")
    code, out, err = run(capsys, "run", str(bad), "--iterations", "1")
    assert code == 2
    assert "network.layers[0].activation" in err and "sigmoidal" in err
    code, _, err = run(capsys, "trace", str(tmp_path / "missing.bpsproj"))
    assert code == 2 and "no such file" in err


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "bpstudio", "trace", EXAMPLE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "[update]" in result.stdout
    help_run = subprocess.run([sys.executable, "-m", "bpstudio", "run", "--help"], capture_output=True, text=True)
    assert help_run.returncode == 0 and "--snapshot" in help_run.stdout
