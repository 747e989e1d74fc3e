"""``bpstudio chain PROJECT --entry E`` and ``bpstudio example … --entry E``: the chain of one number printed and
exported with the engine's numbers (issue 15, items 1 and 5)."""

from __future__ import annotations

import pytest

from bpstudio.cli import main
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.text.notation import format_number


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def backward_done(name: str, iterations: int = 0):  # type: ignore[no-untyped-def]
    stepper = resolve_project(name).stepper()
    stepper.run_iterations(iterations)
    snap = stepper.snapshot()
    while snap.next_stage.kind != "update":
        snap = stepper.step()
    return snap


def test_chain_prints_seed004s_three_factors_and_the_panels_entry(capsys):
    code, out, _ = run(capsys, "chain", "seed004_chain_1-1-1", "--entry", "W2[1,1]")
    assert code == 0
    snap = backward_done("seed004_chain_1-1-1")
    a1, a2, grad = snap.get("a", 1)[0, 0], snap.get("a", 2)[0, 0], snap.arrays["grad_a"][0, 0]
    n = format_number
    assert f"∂z²₁/∂w²₁₁ = a¹₁ = {n(a1)}" in out
    assert f"∂a²₁/∂z²₁ = σ′(z²₁) = a(1 − a) = {n(a2 * (1 - a2))}" in out
    assert f"∂L₁/∂a²₁ = 2(a − y) = {n(grad)}" in out
    assert f"1. w²₁₁ → z²₁ → a²₁ → L₁:  {n(a1)} × {n(a2 * (1 - a2))} × {n(grad)}" in out
    assert f"∂L/∂w²₁₁ = (1/m) Σₛ ∂Lₛ/∂θ = {n(snap.get('dW', 2)[0, 0])} (the panel's entry)" in out


def test_chain_sample_iterations_row_notation_and_folds(capsys):
    code, out, _ = run(capsys, "chain", "seed003_2-2-1", "--entry", "W1[2,1]", "--sample", "3", "--iterations", "2",
                       "--notation", "row", "--digits", "6")
    assert code == 0
    snap = backward_done("seed003_2-2-1", 2)
    assert "iteration 3" in out and "The chain of ∂L/∂W¹[2, 1], sample 3 of 4" in out
    assert f"= {format_number(snap.get('dW', 1)[0, 1], 6)} (the panel's entry)" in out
    code, out, _ = run(capsys, "chain", "spiral_softmax", "--entry", "W1[1,1]", "--units", "3")
    assert code == 0 and "paths to the loss: too many to list" in out and "13 more" in out


@pytest.mark.parametrize("entry", ["W3[1,1]", "W1[9,1]", "nonsense", "W1[0,1]"])
def test_chain_refuses_a_wrong_entry(capsys, entry):
    code, _, err = run(capsys, "chain", "seed003_2-2-1", "--entry", entry)
    assert code == 2 and "bpstudio chain: error: entry" in err


@pytest.mark.parametrize("fmt", ["md", "html", "tex"])
def test_worked_example_ends_with_the_chain_of_the_entry(capsys, tmp_path, fmt):
    out_file = tmp_path / f"example.{fmt}"
    code, _, _ = run(capsys, "example", "seed003_2-2-1", "--entry", "dW1[1,2]", "--sample", "2", "--out",
                     str(out_file))
    assert code == 0
    text = out_file.read_text(encoding="utf-8")
    snap = backward_done("seed003_2-2-1")
    assert "The chain rule behind" in text
    assert format_number(snap.get("dW", 1)[0, 1]) in text.split("The chain rule behind")[1]
    assert format_number(snap.get("a", 1)[0, 1]) in text.split("The chain rule behind")[1]  # a¹₁ of sample 2
    code, _, _ = run(capsys, "example", "seed003_2-2-1", "--out", str(out_file))
    assert "The chain rule behind" not in out_file.read_text(encoding="utf-8")
