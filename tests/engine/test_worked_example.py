"""The worked example: every stage of one iteration with the engine's own numbers, in Markdown, HTML, LaTeX."""

from __future__ import annotations

import dataclasses
import html
import re

import numpy as np
import pytest
from html_check import TagStack

from bpstudio.cli import main
from bpstudio.engine import ValidationError
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.text.notation import format_number
from bpstudio.engine.text.worked_example import FORMATS, format_for, worked_example
from bpstudio.engine.text.worked_example_formats import tex_math, tex_text

SEED000, SEED003 = "seed000_output_layer", "seed003_2-2-1"


def numbers(a: np.ndarray) -> list[str]:
    return [format_number(v, 4) for v in np.asarray(a).ravel()]


def document(name: str, fmt: str = "md", **kw) -> str:
    project = resolve_project(name)
    return worked_example(project.stepper(), project.name, fmt, **kw)


def engine_values(name: str, stages: int, quantity: str, layer: int) -> np.ndarray:
    stepper = resolve_project(name).stepper()
    for _ in range(stages):
        snap = stepper.step()
    value = snap.get(quantity, layer)
    assert value is not None
    return value


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed000_shows_the_deltas_the_engine_computes(fmt):
    delta = engine_values(SEED000, 3, "delta", 1)  # forward 1, loss, backward 1
    assert numbers(delta) == ["-0.032", "0.063"]  # TEACHING.md's worked example
    text = document(SEED000, fmt)
    for entry in numbers(delta) + ["-0.2", "0.3", "0.16", "0.21", "0.8"]:  # ∇ₐL, f′(z), a
        assert entry in text


def test_seed003_has_every_stage_in_order_with_its_numbers():
    project = resolve_project(SEED003)
    stepper = project.stepper()
    text = worked_example(stepper, project.name)
    assert stepper.complete and stepper.completed_iterations == 1  # stepped exactly one iteration
    names = [s.name for s in stepper.stages]
    assert names == ["forward 1", "forward 2", "loss", "backward 2", "backward 1", "update"]
    positions = [text.index(f"## Stage {i}: {name}\n") for i, name in enumerate(names, start=1)]
    assert positions == sorted(positions)
    z1 = engine_values(SEED003, 1, "z", 1)
    for entry in numbers(z1):
        assert entry in text
    forward = text[positions[0]:positions[1]]
    assert "z¹ = [ 0.15  0.2 ] [ 0  0  1  1 ] + [ 0.35 ] = [ 0.35  0.55  0.5  0.7 ]" in forward  # in full
    for equation in ("BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ)", "BP2: δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹)", "BP3: ∂L/∂b¹", "BP4: ∂L/∂W¹",
                     "Wˡ ← Wˡ − η ∂L/∂Wˡ"):
        assert equation in text
    w1_after = stepper.parameters[0][0]
    for entry in numbers(w1_after):
        assert entry in text[positions[-1]:]


def test_mid_iteration_covers_the_whole_iteration_and_stops_at_its_end():
    project = resolve_project(SEED003)
    stepper = project.stepper()
    stepper.step()
    stepper.step()
    text = worked_example(stepper, project.name)
    assert stepper.complete and stepper.completed_iterations == 1
    assert all(f"Stage {i}:" in text for i in range(1, 7))
    assert document(SEED003) == text  # the same document as from the iteration's start


def test_after_training_it_documents_the_next_iteration():
    project = resolve_project(SEED003)
    stepper = project.stepper()
    stepper.run_iterations(3)
    text = worked_example(stepper, project.name)
    assert "Iteration 4 " in text
    assert stepper.completed_iterations == 4


def test_a_large_network_is_summarised_by_shape():
    from bpstudio.engine.examples import wide_project

    project = wide_project()
    for fmt in FORMATS:
        text = worked_example(project.stepper(), project.name, fmt)
        assert len(text.encode()) < 200_000
        assert ("128 $\\times$ 784" if fmt == "tex" else "128 × 784 matrix: min") in text
        assert "top-left corner" in text
        assert "Stage 8: update" in text
    # the top-left corner of W¹ is there, the rest is not
    W1 = project.stepper().parameters[0][0]
    md = worked_example(project.stepper(), project.name)
    assert all(v in md for v in numbers(W1[:3, :3]))
    rows = re.findall(r"\[ ([^\]]*) \]", md)  # every matrix row written in the Markdown
    assert rows and max(len(r.split()) for r in rows) <= 8
    assert len(rows) < 400


def test_momentum_and_l2_show_their_rule_and_velocities():
    project = resolve_project(SEED003)
    project = dataclasses.replace(project, training=dataclasses.replace(project.training, momentum=0.9, l2=0.01))
    stepper = project.stepper()
    W0 = stepper.parameters[0][0]
    stepper.run_iterations(1)
    v1 = stepper.parameters[0][0] - W0  # the step of the first iteration: the velocity the second starts from
    text = worked_example(stepper, project.name)
    assert "vWˡ ← μ vWˡ − η (∂L/∂Wˡ + λ Wˡ)" in text
    assert "η = 0.5,  μ = 0.9,  λ = 0.01" in text
    update = text[text.index("Stage 6: update"):]
    for entry in numbers(v1) + numbers(stepper.parameters[0][0]):
        assert entry in update


@pytest.mark.parametrize("name", [SEED000, SEED003])
def test_html_is_a_well_formed_standalone_page(name):
    text = document(name, "html")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text and "<style>" in text
    parser = TagStack()
    parser.feed(text)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    assert "<table" in text and "δ¹" in "".join(parser.text)


@pytest.mark.parametrize("name", [SEED003, "iris_softmax"])
def test_html_matrices_have_brackets_and_aligned_decimal_points(name):
    """Issue 14 item 20: square brackets as the equation panel draws them (a box with its top and bottom ticks),
    not the vertical bars of a determinant; in every column of numbers the decimal points line up."""
    text = document(name, "html")
    css = text[text.index("<style>"):text.index("</style>")]
    assert ".mx::before, .mx::after" in css and ".mx::before { border-right: none; }" in css
    assert "table.m { border-collapse: collapse; margin" in css and "border-left: 2px" not in css  # no bars
    assert "white-space: pre" in css and "monospace" in css
    tables = re.findall(r'<span class="mx"><table class="m">(.*?)</table></span>', text)
    assert tables and len(tables) == text.count('<table class="m">')  # every matrix inside its brackets
    aligned_columns = 0
    for table in tables:
        rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)]
        for c in range(len(rows[0])):
            column = [html.unescape(row[c]) for row in rows if c < len(row)]
            if any(v in "…⋮⋱" or "e" in v for v in column):
                continue
            points = {len(v) - v.index(".") if "." in v else len(v) - len(v.rstrip(" ")) for v in column}
            assert len(points) == 1, column  # same width after the point: right-aligned, the points line up
            aligned_columns += any(v.endswith(" ") for v in column)
    assert aligned_columns > 0  # 0.657 beside 0.6341: padded after the point


def test_html_escapes_text():
    project = resolve_project(SEED000)
    text = worked_example(project.stepper(), "<script>alert(1)</script> & co", "html")
    assert "<script>" not in text and "&lt;script&gt;" in text and "&amp; co" in text


def _unescaped_braces(text: str) -> tuple[int, int]:
    body = re.sub(r"\\[{}]", "", text)
    return body.count("{"), body.count("}")


@pytest.mark.parametrize("name", [SEED000, SEED003, "iris_softmax"])
def test_latex_is_well_formed(name):
    text = document(name, "tex")
    assert text.startswith("\\documentclass") and text.rstrip().endswith("\\end{document}")
    stack = []
    for kind, env in re.findall(r"\\(begin|end)\{(\w+\*?)\}", text):
        if kind == "begin":
            stack.append(env)
        else:
            assert stack and stack.pop() == env
    assert stack == []
    opened, closed = _unescaped_braces(text)
    assert opened == closed
    depth = 0
    for ch in re.sub(r"\\[{}]", "", text):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert text.count("$") % 2 == 0
    assert "bmatrix" in text and "align*" in text


def test_latex_of_the_wide_network_is_well_formed():
    from bpstudio.engine.examples import wide_project

    project = wide_project()
    text = worked_example(project.stepper(), project.name, "tex")
    opened, closed = _unescaped_braces(text)
    assert opened == closed and text.count("\\begin{") == text.count("\\end{")


def test_latex_symbols():
    assert tex_math("∂L/∂W¹") == r"\partial L/\partial W^{1}"
    assert tex_math("(W²)ᵀ δ²") == r"(W^{2})^{\top}\ \delta ^{2}"
    assert tex_math("∇ₐL") == r"\nabla _{a}L"
    assert tex_text("50% of {x}_1 & #2") == r"50\% of \{x\}\_1 \& \#2"
    assert tex_text("a — b") == "a --- b"


def test_unknown_format_is_refused():
    project = resolve_project(SEED000)
    stepper = project.stepper()
    with pytest.raises(ValidationError):
        worked_example(stepper, fmt="pdf")
    assert stepper.completed_iterations == 0  # refused before stepping
    assert format_for("a/b.HTML") == "html" and format_for("x.tex") == "tex" and format_for("x.txt") == "md"


def test_cli_writes_the_document(tmp_path, capsys):
    out = tmp_path / "example.html"
    assert main(["example", SEED003, "--out", str(out), "--iteration", "2"]) == 0
    project = resolve_project(SEED003)
    stepper = project.stepper()
    stepper.run_iterations(2)
    assert out.read_text(encoding="utf-8") == worked_example(stepper, project.name, "html")
    assert "iteration 3" in capsys.readouterr().out


def test_cli_prints_markdown_by_default_and_honours_format(tmp_path, capsys):
    assert main(["example", SEED000]) == 0
    assert capsys.readouterr().out == document(SEED000)
    out = tmp_path / "example.txt"
    assert main(["example", SEED000, "--format", "tex", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == document(SEED000, "tex")


def test_cli_bad_format_is_an_error(tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["example", SEED000, "--format", "pdf", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--format must be one of md, html, tex" in err and "'pdf'" in err
    assert not out.exists()


@pytest.mark.parametrize("name", ["iris_softmax", "xor_tanh", "sine_regression", "spiral_softmax"])
def test_every_shipped_example_writes_in_every_format(name):
    for fmt in FORMATS:
        text = document(name, fmt)
        assert "Stage 1: forward 1" in text and "update" in text and "nan" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "tex"])
def test_control_characters_in_the_name_never_reach_an_exported_document(fmt):
    project = resolve_project("seed003_2-2-1")
    text = worked_example(project.stepper(), "net\x00work\r\n# injected\x1b\x7f\ud800", fmt)
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in text)
    titled = [line for line in text.splitlines() if "injected" in line]
    assert titled and all("Worked example: net work " in line and "\ufffd" in line for line in titled)  # one line
    assert "\n# injected" not in text  # the line break did not start a Markdown heading of its own
    text.encode("utf-8")

