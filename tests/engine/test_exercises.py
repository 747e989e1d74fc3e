"""Exercise sheets with answer keys (issue 17, item 2): every answer in a key is the engine's number for the
variant its code names, a student sheet holds no answer, the same seed writes the same files, a bad code is
refused with its reason, and the LaTeX compiles where a TeX engine is installed."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest

from bpstudio.engine import backprop as bp
from bpstudio.engine.errors import ValidationError
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.exercise_code import parse_code
from bpstudio.engine.exercise_variant import (
    DIGITS,
    _blemishes,
    exact_steps,
    exercise_network,
    variant_for,
    variant_from_code,
)
from bpstudio.engine.text.convention import orient
from bpstudio.engine.text.exercise_sheets import SheetRequest, write_sheets
from bpstudio.engine.text.notation import format_number

# the project's own network (sigmoid + ½ squared error, no-½ squared error, tanh + BCE shape) or a small one
PROJECTS = ("seed003_2-2-1", "seed004_chain_1-1-1", "xor_tanh", "iris_softmax", "sine_regression")
CODE = re.compile(r"BP1-[0-9A-Z-]+")


def engine_answers(code: str, notation: str = "column") -> list[np.ndarray]:
    """The answers a key must give for ``code``, read off the engine's snapshots as the studio shows them:
    the code reopened as a project, its stepper stepped stage by stage (independently of the sheet's code)."""
    c = parse_code(code)
    stepper = resolve_project(code).stepper()  # the code opens as the studio opens it
    L, parts = c.network.depth, c.parts
    snaps = {}
    while True:
        snap = stepper.step()
        snaps[snap.stage.name] = snap
        if stepper.complete:
            break
    out = []
    out += [snaps[f"forward {l}"].get("z", l) for l in range(1, L + 1)] if "Z" in parts else []
    out += [snaps[f"forward {l}"].get("a", l) for l in range(1, L + 1)] if "A" in parts else []
    out += [np.array([[snaps["loss"].loss]])] if "L" in parts else []
    if "D" in parts:
        out += [] if stepper.plan.fused else [snaps["loss"].arrays["grad_a"]]
        out += [snaps[f"backward {l}"].get("delta", l) for l in range(L, 0, -1)]
    out += [snaps[f"backward {l}"].get("dW", l) for l in range(L, 0, -1)] if "W" in parts else []
    out += [snaps[f"backward {l}"].get("db", l) for l in range(L, 0, -1)] if "B" in parts else []
    if "U" in parts:
        for l in range(1, L + 1):
            out += [snaps["update"].get("W", l), snaps["update"].get("b", l)]
    return [orient(a, notation) for a in out]


def sections(text: str) -> dict[str, str]:
    """A Markdown sheet cut into its exercises, by code."""
    pieces = re.split(r"^## Exercise \d+ · code (\S+)$", text, flags=re.M)
    return dict(zip(pieces[1::2], pieces[2::2], strict=True))


def numbers_in_brackets(text: str) -> list[str]:
    return [n for line in re.findall(r"\[([^\]]*)\]", text) for n in line.split()]


@pytest.mark.parametrize("name", PROJECTS)
@pytest.mark.parametrize("notation", ["column", "row"])
def test_every_answer_in_the_key_is_the_engines_number_for_its_code(tmp_path, name, notation):
    request = SheetRequest(resolve_project(name).network, count=4, seed=11, notation=notation, formats=("md",
                                                                                                       "html", "tex"))
    write_sheets(tmp_path, request)
    key = (tmp_path / "answer-key.md").read_text(encoding="utf-8")
    html, tex = (tmp_path / "answer-key.html").read_text(encoding="utf-8"), (tmp_path / "answer-key.tex").read_text(
        encoding="utf-8")
    by_code = sections(key)
    assert len(by_code) == 4
    for code, body in by_code.items():
        answers = body.split("### Answers", 1)[1].split("### Worked steps", 1)[0]
        expected = engine_answers(code, notation)
        written = [format_number(v, DIGITS) for a in expected for v in a.ravel()]
        assert numbers_in_brackets(answers) == written  # every answer, in order, and nothing else
        assert all(f"<td>{n}" in html and n in tex for n in written)


@pytest.mark.parametrize("fmt", ["md", "html", "tex"])
@pytest.mark.parametrize("name", PROJECTS)
def test_a_student_sheet_holds_no_answer(tmp_path, fmt, name):
    write_sheets(tmp_path, SheetRequest(resolve_project(name).network, count=6, seed=3, formats=(fmt,)))
    sheet = (tmp_path / f"exercises.{fmt}").read_text(encoding="utf-8")
    codes = list(dict.fromkeys(CODE.findall(sheet)))
    assert len(codes) == 6
    starts = [sheet.index(c) for c in codes] + [len(sheet)]
    for code, start, end in zip(codes, starts, starts[1:], strict=False):  # from an exercise's code to the next
        shown = {t.lstrip("-") for t in re.findall(r"-?\d+(?:\.\d+)?", CODE.sub("", sheet[start:end]))}
        answers = {format_number(v, DIGITS).lstrip("-") for a in engine_answers(code) for v in a.ravel()}
        assert all("." in a for a in answers)  # never a bare 1 or 2 that a sheet's text may hold
        assert not answers & shown, (code, answers & shown)
    assert "Tasks" in sheet and "Answers" not in sheet and "Worked steps" not in sheet


def test_the_same_seed_writes_the_same_files_and_another_seed_others(tmp_path):
    network = resolve_project("seed003_2-2-1").network
    for folder, seed in (("a", 7), ("b", 7), ("c", 8)):
        write_sheets(tmp_path / folder, SheetRequest(network, count=30, seed=seed))
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["answer-key.html", "answer-key.md", "answer-key.tex", "exercises.html", "exercises.md",
                     "exercises.tex"]
    for n in names:
        assert (tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes()
        assert (tmp_path / "a" / n).read_bytes() != (tmp_path / "c" / n).read_bytes()


def test_only_the_chosen_parts_are_asked_and_answered(tmp_path):
    write_sheets(tmp_path, SheetRequest(resolve_project("seed003_2-2-1").network, count=2, parts="wu",
                                        formats=("md",)))
    sheet, key = ((tmp_path / f).read_text(encoding="utf-8") for f in ("exercises.md", "answer-key.md"))
    assert all(c.endswith(c[-1]) and "-WU-" in c for c in CODE.findall(sheet))
    assert "weight gradients" in sheet and "updated weights" in sheet and "pre-activations" not in sheet
    code = next(iter(sections(key)))
    answers = sections(key)[code].split("### Answers", 1)[1].split("### Worked steps", 1)[0]
    assert numbers_in_brackets(answers) == [format_number(v, DIGITS) for a in engine_answers(code) for v in a.ravel()]
    assert "Stage 6: update" in key  # the worked steps run up to the update


@pytest.mark.parametrize("name", PROJECTS)
def test_the_numbers_are_nice_and_a_student_rounding_as_told_gets_the_engines_digits(name):
    network = exercise_network(resolve_project(name).network)
    for index in range(1, 31):
        v = variant_for(7, index, network, "ZALDWBU")
        plan = bp.Plan.of(network)
        assert _blemishes(plan, v.x, v.y, list(v.params), v.learning_rate) == 0
        given = np.concatenate([v.x.ravel(), *(p.ravel() for pair in v.params for p in pair)])
        assert np.array_equal(np.round(given, 1), given)  # one decimal
        exact = exact_steps(plan, v.x, v.y, list(v.params), v.learning_rate)
        student = exact_steps(plan, v.x, v.y, list(v.params), v.learning_rate, rounded=True)
        for e, s in zip(exact, student, strict=True):
            assert [format_number(a, DIGITS) for a in e.ravel()] == [format_number(a, DIGITS) for a in s.ravel()]


def test_a_small_project_keeps_its_network_a_big_one_gets_a_small_one_like_it():
    assert exercise_network(resolve_project("seed003_2-2-1").network).sizes == (2, 2, 1)
    iris = exercise_network(resolve_project("iris_softmax").network)
    assert iris.sizes == (2, 2, 2) and iris.layers[-1].activation == "softmax" and iris.loss == "cross_entropy"
    digits = exercise_network(resolve_project("digits_softmax").network)
    assert digits.sizes == (2, 2, 2) and digits.loss == "cross_entropy"


def test_a_code_rebuilds_exactly_its_variant():
    network = resolve_project("xor_tanh").network
    v = variant_for(5, 9, network, "zab")
    again = variant_from_code(v.code.text.lower())  # letters in either case
    assert again.code == v.code and again.learning_rate == v.learning_rate
    assert np.array_equal(again.x, v.x) and np.array_equal(again.y, v.y)
    assert all(np.array_equal(a, b) for p, q in zip(again.params, v.params, strict=True) for a, b in zip(p, q,
                                                                                                         strict=True))
    project = resolve_project(v.code.text)
    assert project.name == f"Exercise {v.code.text}" and project.training.learning_rate == v.learning_rate


@pytest.mark.parametrize(("code", "reason"), [
    ("", "no exercise code given"),
    ("hello", "is not an exercise code"),
    ("BP2-7-1-2S2S1-Q-ZALDWBU-A", "exercise format 2"),
    ("BP1-7-1-2S2S1-Q-ZALDWBU", "has 6 parts"),
    ("BP1-7-1-2S2S1-Q-ZALDWBU-A", "check letter does not match"),
    ("BP1-7-2-2S2S1-Q-ZALDWBU-U", "check letter does not match"),  # one digit changed
])
def test_a_bad_code_is_refused_with_its_reason(code, reason):
    with pytest.raises(ValidationError, match=reason):
        variant_from_code(code)


def body_checked(body: str) -> str:
    from bpstudio.engine.exercise_code import check_letter

    return f"{body}-{check_letter(body)}"


@pytest.mark.parametrize(("body", "reason"), [
    ("BP1-7-1-2X2S1-Q-ZALDWBU", "not an activation's letter"),
    ("BP1-7-1-2S2S1-J-ZALDWBU", "not a loss's letter"),
    ("BP1-7-1-2S2S1-Q-ZQ", "is not a part"),
    ("BP1-7-1-2-Q-Z", "is not understood"),
    ("BP1-7-0-2S2S1-Q-Z", "must be from 1"),
    ("BP1-7-1-9S9S1-Q-Z", "too big for an exercise"),
    ("BP1-7-1-2M2S1-Q-Z", "only allowed on the output layer"),
])
def test_a_well_formed_code_that_names_no_exercise_is_refused_too(body, reason):
    with pytest.raises(ValidationError, match=reason):
        variant_from_code(body_checked(body))


TEX = [("pdflatex", "en"), ("xelatex", "zh_CN")]


@pytest.mark.parametrize(("engine", "language"), TEX)
def test_the_latex_compiles(tmp_path, engine, language):
    if shutil.which(engine) is None:
        pytest.skip(f"{engine} is not installed")
    if language != "en" and subprocess.run(["kpsewhich", "xeCJK.sty"], capture_output=True).returncode:
        pytest.skip("xeCJK is not installed")
    write_sheets(tmp_path, SheetRequest(resolve_project("iris_softmax").network, count=2, formats=("tex",),
                                        language=language, notation="row"))
    for name in ("exercises", "answer-key"):
        run = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout[-2000:]
        assert (tmp_path / f"{name}.pdf").stat().st_size > 1000
        assert "Missing character" not in (tmp_path / f"{name}.log").read_text(errors="replace")


def test_a_sheets_language_is_its_threads_own():
    import threading

    from bpstudio.engine.i18n import translate, translating

    seen = []
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with translating(lambda context, text: "X" + text):
            seen.append(translate("Exercises", "Answers"))
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    inside.wait(5)
    assert translate("Exercises", "Answers") == "Answers"  # this thread keeps its language meanwhile
    leave.set()
    worker.join()
    assert seen == ["XAnswers"]


def test_where_carrying_rounded_answers_changes_a_digit_the_key_gives_both():
    """The search for nice numbers gives up after its draws on a few variants (here a 3-2-3 ReLU-softmax one) with
    an answer whose last digit a student carrying rounded answers gets otherwise: the key then gives that value too,
    as the student computes it; a clean variant's key has no such line."""
    from bpstudio.engine import LayerSpec, NetworkSpec
    from bpstudio.engine.text.exercise_answers import solve
    from bpstudio.engine.text.exercise_sheets import key_blocks, render

    network = NetworkSpec(3, (LayerSpec(2, "relu"), LayerSpec(3, "softmax")), "cross_entropy").validate()
    v = variant_for(1, 27, network, "ZALDWBU")
    plan = bp.Plan.of(network)
    assert _blemishes(plan, v.x, v.y, list(v.params), v.learning_rate) > 0
    solved = solve(v, "column")
    student = exact_steps(plan, v.x, v.y, list(v.params), v.learning_rate, rounded=True)
    both = [(a, solved.carried_differs(a)) for a in solved.answers if solved.carried_differs(a) is not None]
    assert both
    for a, carried in both:
        assert any(np.array_equal(carried, s) for s in student)
        assert [format_number(x, DIGITS) for x in carried.ravel()] != [
            format_number(x, DIGITS) for x in a.value.ravel()]
    request = SheetRequest(network, count=1)
    key = render(*key_blocks([solved], request)[:1], "md", "key")
    a, carried = both[0]
    at = key.index(f"{a.name}, carrying the rounded answers before it")
    block = key[key.rindex("```text", 0, at):key.index("```", at)]  # the matrix, on the lines around its name
    assert all(format_number(x, DIGITS) in block for x in carried.ravel())
    clean = solve(variant_for(7, 1, network, "ZALDWBU"), "column")
    assert not any(clean.carried_differs(a) is not None for a in clean.answers)
    assert "carrying the rounded answers before it" not in render(key_blocks([clean], request)[0], "md", "key")
