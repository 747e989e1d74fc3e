"""``bpstudio exercises PROJECT --count N --seed S --out DIR`` and ``bpstudio exercise CODE`` (issue 17, item 2)."""

from __future__ import annotations

import re

import pytest

from bpstudio.cli import main
from bpstudio.cli_exercises import cmd_exercise
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.exercise_code import check_letter
from bpstudio.engine.text.notation import format_number


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_exercises_writes_the_sheets_and_keys_it_lists(capsys, tmp_path):
    code, out, _ = run(capsys, "exercises", "iris_softmax", "--count", "5", "--seed", "7", "--out", str(tmp_path),
                       "--parts", "zad", "--notation", "row")
    assert code == 0
    assert "5 exercise variant(s) of network 2-2-2 (seed 7) written:" in out
    for name in ("exercises", "answer-key"):
        for suffix in (".md", ".html", ".tex"):
            assert str(tmp_path / (name + suffix)) in out and (tmp_path / (name + suffix)).is_file()
    sheet = (tmp_path / "exercises.md").read_text(encoding="utf-8")
    codes = sorted(set(re.findall(r"BP1-7-\d-2T2M2-C-ZAD-[A-Z2-9]", sheet)))
    assert len(codes) == 5
    # a code printed on the sheet opens, as any project name does, on the very numbers the key gives
    key = (tmp_path / "answer-key.md").read_text(encoding="utf-8")
    stepper = resolve_project(codes[0]).stepper()
    z1 = stepper.step().get("z", 1)
    first = key.split(codes[0], 1)[1].split("### Worked steps", 1)[0]
    assert all(format_number(v, 4) in first for v in z1.ravel())


def test_exercises_in_chinese_and_one_format(capsys, tmp_path):
    code, _, _ = run(capsys, "exercises", "seed003_2-2-1", "--count", "2", "--out", str(tmp_path), "--format", "html",
                     "--language", "zh_CN")
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answer-key.html", "exercises.html"]
    assert "答案" in (tmp_path / "answer-key.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("argv", "message"), [
    (["--parts", "zq"], "'Q' is not a part"),  # refused by the engine: exit 2 with the reason
    (["--format", "pdf"], "choose among md, html, tex"),  # refused by the parser: exit 2 with its usage
    (["--count", "0"], "must be from 1 to 500"),
])
def test_exercises_refuses_bad_options(capsys, tmp_path, argv, message):
    try:
        code = main(["exercises", "seed003_2-2-1", "--out", str(tmp_path), *argv])
    except SystemExit as exc:
        code = exc.code
    assert code == 2 and message in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(("code", "message"), [
    ("BP1-7-1-2S2S1-Q-ZALDWBU", "has 6 parts"),
    ("BP1-7-1-2S2S1-Q-ZALDWBU-A", "check letter does not match"),
    ("nonsense", "is not an exercise code"),
])
def test_exercise_refuses_a_bad_code_before_any_window(capsys, monkeypatch, code, message):
    import bpstudio.app.window.launch as launch

    monkeypatch.setattr(launch, "launch", lambda *a: pytest.fail("a window was started for a bad code"))
    exit_code, _, err = run(capsys, "exercise", code)
    assert exit_code == 2 and "bpstudio exercise: error: code: " in err and message in err


def test_exercise_starts_the_studio_on_the_code(monkeypatch):
    import argparse

    import bpstudio.app.window.launch as launch

    started = []
    monkeypatch.setattr(launch, "launch", lambda name, language: started.append((name, language)) or 0)
    code = "BP1-7-1-2S2S1-Q-ZALDWBU-" + check_letter("BP1-7-1-2S2S1-Q-ZALDWBU")
    assert cmd_exercise(argparse.Namespace(code=code, language=None)) == 0
    assert started == [(code, None)]
    project, error = launch.load_start_project(code)
    assert error is None and project.name == f"Exercise {code}"
