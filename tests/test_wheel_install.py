"""The wheel, installed into a fresh virtual environment, carries everything the app needs: its entry point
runs the self-test from site-packages (resources through importlib.resources, not from this checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_venv_and_passes_its_self_test(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("bpstudio-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for data in ("bpstudio/resources/examples/seed003_2-2-1.bpsproj", "bpstudio/resources/i18n/bpstudio_zh_CN.qm",
                 "bpstudio/resources/lessons/01_chain_rule.json", "bpstudio/resources/datasets/iris.csv",
                 "bpstudio/resources/datasets/digits.csv.gz",
                 "bpstudio/resources/schema/project.schema.json"):
        assert data in names, data
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True, timeout=900)
    done = subprocess.run([str(bin_dir / "bpstudio"), "--self-test"], capture_output=True, text=True, timeout=180,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    resources_line = next(line for line in done.stdout.splitlines() if line.startswith("ok   resources"))
    assert str(venv) in resources_line and str(ROOT / "resources") not in resources_line
    version = subprocess.run([str(bin_dir / "bpstudio"), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("BP Studio ")
