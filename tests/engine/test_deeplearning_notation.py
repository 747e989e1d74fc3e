"""Seed 002's notation (deeplearning.ai, Andrew Ng): the table and the rewriter in the text layer, and every text
the engine writes in it — hover derivations, the worked example (Markdown, HTML, LaTeX), the NumPy script and the
reference program — with the engine's own numbers."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text import deeplearning as dl
from bpstudio.engine.text.explain import explain
from bpstudio.engine.text.notation import format_number
from bpstudio.engine.text.numpy_export import in_deeplearning_names, numpy_script
from bpstudio.engine.text.reference_code import line_making, program_text, reference_lines
from bpstudio.engine.text.scripts import script
from bpstudio.engine.text.worked_example import worked_example
from bpstudio.engine.text.worked_example_formats import tex_math, tex_text

DL = conv.DEEPLEARNING
SEED003 = "seed003_2-2-1"  # 2-2-1 sigmoid, squared error, a batch of m = 4
XOR = "xor_tanh"  # 2-4-1, tanh then sigmoid + binary cross-entropy


def stepped(name: str, stages: int):
    project = resolve_project(name)
    stepper = project.stepper()
    snap = None
    for _ in range(stages):
        snap = stepper.step()
    return stepper, snap


# ----- the table -------------------------------------------------------------------------------------
def test_it_is_a_third_notation_oriented_as_the_column_convention():
    assert conv.CONVENTIONS == ("column", "row", "deeplearning") and conv.check(DL) == DL
    a = np.arange(6.0).reshape(2, 3)
    assert conv.orient(a, DL) is a and not conv.transposed(DL)  # X is n × m: samples are columns
    assert conv.engine_index(1, 2, DL) == (1, 2)
    assert conv.shape_label("W", None, DL) == "n^[l] × n^[l−1]"
    assert conv.shape_tuple_label("z", 2, DL) == "(n^[2], m)"
    assert conv.shape_tuple_label("db", 1, DL) == "(n^[1], 1)"


def test_the_equations_are_the_courses():
    eq = conv.equations(DL)
    assert eq["forward"] == "Z^[l] = W^[l] A^[l−1] + b^[l],   A^[l] = g^[l](Z^[l])"
    assert eq["BP1"] == "dZ^[L] = dA^[L] ⊙ g^[L]′(Z^[L])"
    assert eq["BP2"] == "dA^[l] = W^[l+1]ᵀ dZ^[l+1],   dZ^[l] = dA^[l] ⊙ g^[l]′(Z^[l])"
    assert eq["BP3"] == "db^[l] = (1/m) Σ dZ^[l] over the m columns"
    assert eq["BP4"] == "dW^[l] = (1/m) dZ^[l] A^[l−1]ᵀ"
    assert eq["update"] == "W^[l] := W^[l] − α dW^[l],   b^[l] := b^[l] − α db^[l]"
    assert dl.OUTPUT_GRADIENTS["binary_cross_entropy"] == "dA^[L] = −y/a + (1 − y)/(1 − a)"
    assert conv.equations("column")["BP2"] == "δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)"  # the others unchanged


def test_names_of_entries_and_matrices():
    assert conv.entry_name("W", 2, 0, 1, DL) == "w^[2]₁₂"
    assert conv.entry_name("delta", 1, 1, 3, DL) == "dz^[1]₂"
    assert conv.entry_name("dW", 2, 0, 1, DL) == "dw^[2]₁₂"
    assert conv.entry_name("db", 1, 1, 0, DL) == "db^[1]₂"
    assert conv.entry_name("z", 1, 1, 0, DL) == "z^[1]₂"
    assert conv.weight_meaning(2, 0, 1, DL).startswith("w^[2]₁₂: row 1, column 2 of W^[2] (n^[2] × n^[1])")
    assert "w^[l]ⱼₖ" in conv.weight_index_meaning(DL)


@pytest.mark.parametrize(("column", "written"), [
    ("δᴸ = ∇ₐL ⊙ f′(zᴸ)", "dZ^[L] = dA^[L] ⊙ g^[L]′(Z^[L])"),
    ("∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ", "dW^[l] = (1/m) dZ^[l] A^[l−1]ᵀ"),
    ("Wˡ ← Wˡ − η ∂L/∂Wˡ", "W^[l] := W^[l] − α dW^[l]"),
    ("∂L/∂w²₁₂ = a¹₂ δ²₁", "dw^[2]₁₂ = a^[1]₂ dz^[2]₁"),
    ("δ² = ∂L/∂z², one column per sample", "dZ^[2] = ∂L/∂Z^[2], one column per sample"),
    ("tanh′(z²₁) = 1 − a² = 1 − 0.3²", "tanh′(z^[2]₁) = 1 − a² = 1 − 0.3²"),  # a square stays a square
    ("‖y − aᴸ‖², 10⁻⁶, e^(−z)", "‖y − A^[L]‖², 10⁻⁶, e^(−z)"),
    ("the inputs a⁰ = x", "the inputs A^[0] = X"),
    ("layer 1  (zˡ, aˡ); w¹₁₂,₁, b²₁.", "layer 1  (Z^[l], A^[l]); w^[1]₁₂,₁, b^[2]₁."),
    ("−y / a² + (1 − y) / (1 − a²); σ′(z²) = a²(1 − a²)",
     "−y / A^[2] + (1 − y) / (1 − A^[2]); σ′(Z^[2]) = A^[2](1 − A^[2])"),
    ("∇ₐL and δ are per sample; ∂L/∂W and ∂L/∂b", "dA^[L] and dZ are per sample; dW and db"),
])
def test_the_rewriter(column, written):
    assert conv.written(column, DL) == written
    assert conv.written(written, DL) == written  # written twice: the same
    assert conv.written(column, "column") == column and conv.written(column, "row") == column


# ----- hover derivations -------------------------------------------------------------------------------
def test_a_hover_derivation_names_things_as_the_course_with_the_same_numbers():
    stepper, snap = stepped(SEED003, 5)  # up to backward 1
    column = explain(snap, stepper.plan, 0.5, "delta", 1, 1, 2, 4)
    ours = explain(snap, stepper.plan, 0.5, "delta", 1, 1, 2, 4, DL)
    first = ours.splitlines()[0]
    assert first.startswith("dz^[1]₂ = (Σᵢ w^[2]ᵢ₂ dz^[2]ᵢ) · σ′(z^[1]₂)")
    assert "BP2: dZ^[1] = (W^[2]ᵀ dZ^[2]) ⊙ g^[1]′(Z^[1])" in first
    value = format_number(snap.get("delta", 1)[1, 2])
    assert ours.splitlines()[-1] == column.splitlines()[-1] == f"  = {value}"
    assert len(ours.splitlines()) == len(column.splitlines())
    assert not any(s in ours for s in ("δ", "∂L/∂", "∇ₐL", "η", "¹", "²"))
    dw = explain(snap, stepper.plan, 0.5, "dW", 2, 0, 1, 4, DL)
    assert dw.startswith("dw^[2]₁₂ = (1/m) Σₛ a^[1]₂·dz^[2]₁   (BP4: dW^[2] = (1/m) dZ^[2] A^[1]ᵀ")


# ----- the worked example ---------------------------------------------------------------------------
def test_the_worked_example_writes_da_of_the_binary_cross_entropy_with_the_engines_numbers():
    text = worked_example(resolve_project(XOR).stepper(), "xor", "md", 4, DL)
    after_loss = resolve_project(XOR).stepper()
    for _ in range(3):  # forward 1, forward 2, loss
        snap = after_loss.step()
    a, y, grad = snap.get("a", 2), snap.arrays["target"], snap.arrays["grad_a"]
    np.testing.assert_allclose(grad, -y / a + (1 - y) / (1 - a), rtol=1e-12)  # the course's dA^[L]
    assert "dA^[L] = −y / a + (1 − y) / (1 − a)" in text
    assert "dA^[L] = [ " + "  ".join(format_number(v) for v in grad[0]) + " ]" in text
    assert "deeplearning.ai notation (seed 002" in text
    assert "Z^[1] = W^[1] A^[0] + b^[1]" in text and "BP4: dW^[2] = (1/m) dZ^[2] A^[1]ᵀ" in text
    delta = snap.get("a", 2) - y
    assert "dZ^[2] = [ 0.3267  0.3874  0.4363  0.367 ] − [ 1  1  0  1 ] = [ " + "  ".join(
        format_number(v) for v in delta[0]) + " ]" in text
    assert "Learning rate α = 0.5; update: W := W − α dW" in text
    for column_only in ("δ", "∂L/∂", "∇ₐL", "η", "W¹", "a¹"):
        assert column_only not in text, column_only
    html_text = worked_example(resolve_project(XOR).stepper(), "xor", "html", 4, DL)
    assert html.escape("dA^[L] = −y / a + (1 − y) / (1 − a)") in html_text


def test_the_latex_sets_the_bracketed_superscripts_and_compiles():
    assert tex_math("dW^[2] = (1/m) dZ^[2] A^[1]ᵀ") == r"\text{dW}^{[2]}\ =\ (1/m)\ \text{dZ}^{[2]}\ A^{[1]\top}"
    assert tex_math("g^[l]′(Z^[l])") == r"g^{[l]\prime}(Z^{[l]})"
    assert tex_text("units n^[l], α") == r"units n$^{[l]}$, $\alpha$"
    tex = worked_example(resolve_project(XOR).stepper(), "xor", "tex", 4, DL, entry="W1[1,2]")
    assert r"W^{[1]} &= \begin{bmatrix}" in tex


@pytest.mark.skipif(not (shutil.which("lualatex")), reason="no LuaLaTeX here")
def test_the_latex_compiles(tmp_path):
    for name in (XOR, "spiral_softmax"):
        path = tmp_path / f"{name}.tex"
        path.write_text(worked_example(resolve_project(name).stepper(), name, "tex", 4, DL, entry="W1[1,2]"),
                        encoding="utf-8")
        done = subprocess.run(["lualatex", "-interaction=nonstopmode", "-halt-on-error", path.name], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:]


def test_the_cli_writes_the_example_in_the_notation(tmp_path, capsys):
    out = tmp_path / "ng.md"
    assert main(["example", SEED003, "--notation", "deeplearning", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Z^[1] = W^[1] A^[0] + b^[1]" in text and "dA^[L] = a − y" in text
    capsys.readouterr()


# ----- the programs -----------------------------------------------------------------------------------
def test_the_numpy_script_names_dz_and_trains_the_same(tmp_path):
    full = numpy_script(resolve_project(XOR).stepper(), "xor")
    assert script("numpy", resolve_project(XOR).stepper(), "xor", "column") == full  # as File ▸ Export sends it
    assert script("numpy", resolve_project(XOR).stepper(), "xor", DL) == in_deeplearning_names(full)
    column = numpy_script(resolve_project(XOR).stepper(), "xor", 1)  # one epoch, run below
    ours = in_deeplearning_names(column)
    assert "# deeplearning.ai notation (seed 002)" in ours and "W^[l] is (n^[l], n^[l-1])" in ours
    assert "dZ = (params[l][0].T @ dZ) * DF[l - 1](z, a)  # BP2" in ours
    assert "delta =" not in ours and "dL/db^[1]" in ours
    outputs = []
    for i, text in enumerate((column, ours)):
        path = tmp_path / f"train{i}.py"
        path.write_text(text, encoding="utf-8")
        outputs.append(subprocess.run([sys.executable, "-I", str(path), "--json"], capture_output=True, text=True,
                                      timeout=120, check=True).stdout)
    assert outputs[0] == outputs[1] and outputs[0]


def test_the_reference_program_uses_the_courses_names_and_is_the_engine_bit_for_bit():
    stepper = resolve_project(SEED003).stepper()
    initial = stepper.parameters
    lines = reference_lines(stepper.spec, stepper.training, DL)
    text = program_text(lines)
    assert "Z1 = W1 @ X + b1" in text and "dZ2 = dAL * (A2 * (1.0 - A2))" in text
    assert "dZ1 = (W2.T @ dZ2) *" in text and "dW2 = (dZ2 @ A1.T) / m" in text
    assert "db1 = dZ1.sum(axis=1, keepdims=True) / m" in text
    assert "# BP1: dZ^[L] = dA^[L] ⊙ g^[L]′(Z^[L])" in text
    assert lines[line_making(lines, "L2/delta") or 0].code.strip().startswith("dZ2 =")
    namespace: dict = {"np": np, "batches": [(stepper.x, stepper.y)]}
    for l, (W, b) in enumerate(initial, start=1):
        namespace[f"W{l}"], namespace[f"b{l}"] = W.copy(), b.copy()
    exec(compile(text, "ng.py", "exec"), namespace)  # noqa: S102 - our own program
    stepper.run_iterations(1)
    for l, (W, b) in enumerate(stepper.parameters, start=1):
        assert namespace[f"W{l}"].tobytes() == W.tobytes() and namespace[f"b{l}"].tobytes() == b.tobytes()
