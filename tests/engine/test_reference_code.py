"""The code panel's program is the engine's loop: executed as text (in a fresh namespace with only NumPy) on
every example project, it gives the stepped path's and the fast path's weights bit for bit (column notation), and
every array a stage makes bit for bit, from the line tagged with that stage. So does the row program, the same loop
with samples as rows, given the engine's arrays transposed (its products laid out as the engine's, order="F")."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import key
from bpstudio.engine.text.reference_code import (
    line_making,
    program_text,
    reference_lines,
    stage_line_numbers,
    with_line,
)

EXAMPLES = sorted(p.stem for p in example_path("seed003_2-2-1").parent.glob("*.bpsproj"))
ITERATIONS = 7  # a ragged epoch or two for the mini-batch examples; enough for the fast path to run
OTHER = [  # every activation and loss the examples lack, momentum and L2 too
    (NetworkSpec(3, (LayerSpec(4, "leaky_relu"), LayerSpec(3, "softmax")), "squared_error"), TrainingSpec(0.3, 4)),
    (NetworkSpec(3, (LayerSpec(4, "relu"), LayerSpec(2, "identity")), "squared_error_no_half"), TrainingSpec(0.2, 5)),
    (NetworkSpec(3, (LayerSpec(4, "identity"), LayerSpec(2, "tanh")), "squared_error"),
     TrainingSpec(0.1, 0, momentum=0.9, l2=0.01)),
    (NetworkSpec(3, (LayerSpec(5, "tanh"), LayerSpec(3, "softmax")), "cross_entropy"),
     TrainingSpec(0.3, 4, momentum=0.5, seed=3, shuffle=True)),
    (NetworkSpec(3, (LayerSpec(5, "tanh"), LayerSpec(3, "softmax")), "cross_entropy"),
     TrainingSpec(0.01, 4, seed=3, optimizer="adam", l2=0.01)),
    (NetworkSpec(3, (LayerSpec(4, "relu"), LayerSpec(2, "identity")), "squared_error"),
     TrainingSpec(0.02, 0, optimizer="adam", beta1=0.8, beta2=0.99, eps=1e-6)),
    (NetworkSpec(3, (LayerSpec(4, "sigmoid"), LayerSpec(2, "identity")), "squared_error"),
     TrainingSpec(0.01, 5, seed=2, optimizer="rmsprop")),
    (NetworkSpec(3, (LayerSpec(5, "tanh"), LayerSpec(3, "softmax")), "cross_entropy"),
     TrainingSpec(0.01, 4, seed=3, optimizer="rmsprop", alpha=0.9, l2=0.02)),
]


def stepped_run(st: Stepper, iterations: int) -> tuple[list[tuple[np.ndarray, np.ndarray]], list[dict[str, Any]]]:
    """The batches stepping used, and after each stage of the first iteration the arrays it made."""
    batches, made = [], []
    for i in range(iterations):
        for _ in st.stages:
            snap = st.step()
            if i == 0:
                made.append({k: snap.arrays[k] for k in snap.changed} | {"loss": snap.loss, "stage": snap.stage.name})
        batches.append((snap.arrays["input"], snap.arrays["target"]))
    return batches, made


def run_program(text: str, params: Any, batches: list[Any], row: bool = False) -> dict[str, Any]:
    space: dict[str, Any] = {"batches": batches}
    for l, (W, b) in enumerate(params, start=1):
        space[f"W{l}"], space[f"b{l}"] = (W.copy().T, b.copy().T) if row else (W.copy(), b.copy())
    with np.errstate(all="ignore"):
        exec(compile(text, "<reference program>", "exec"), space)  # noqa: S102 - the program under test
    return space


def fresh(name: str) -> Stepper:
    """A new stepper at iteration 0 of an example project, or of OTHER[i] for "other{i}"."""
    if not name.startswith("other"):
        return resolve_project(name).stepper()
    i = int(name[5:])
    spec, training = OTHER[i]
    rng = np.random.default_rng(i)
    x = rng.normal(size=(3, 11))
    n = spec.layers[-1].units
    return Stepper(spec, x, rng.permutation(np.eye(n)[:, rng.integers(0, n, 11)]), training, InitSpec("xavier"))


CASES = EXAMPLES + [f"other{i}" for i in range(len(OTHER))]


@pytest.mark.parametrize("name", CASES)
def test_the_column_program_is_the_engine_bit_for_bit(name: str) -> None:
    stepped, fast = fresh(name), fresh(name)
    initial = stepped.parameters
    lines = reference_lines(stepped.spec, stepped.training, "column")
    batches, made = stepped_run(stepped, ITERATIONS)
    assert fast.run_iterations(ITERATIONS) == ITERATIONS
    space = run_program(program_text(lines), initial, batches)
    for l, ((Ws, bs), (Wf, bf)) in enumerate(zip(stepped.parameters, fast.parameters, strict=True), start=1):
        assert space[f"W{l}"].tobytes() == Ws.tobytes() == Wf.tobytes(), (name, l)
        assert space[f"b{l}"].tobytes() == bs.tobytes() == bf.tobytes(), (name, l)
    assert not np.array_equal(space["W1"], initial[0][0])  # it did train
    # the first iteration alone: each stage's arrays are those its lines make, bit for bit
    first = run_program(program_text(lines), initial, batches[:1])
    names = {"z": "z{l}", "a": "a{l}", "delta": "delta{l}", "dW": "dW{l}", "db": "db{l}", "W": "W{l}", "b": "b{l}"}
    for record in made:
        tagged = {k for i in stage_line_numbers(lines, record["stage"]) for k in lines[i].makes}
        for k, value in record.items():
            if k in ("stage", "loss") or "/" not in k and k not in ("losses", "grad_a"):
                continue
            if k == "grad_a" and stepped.spec.fused_output:
                continue  # shown by the engine, not needed by the program (BP1 is a − y)
            assert k in tagged, (name, record["stage"], k)
            if "/" in k:
                quantity, layer = k.split("/")[1], int(k.split("/")[0][1:])
                ours = first[names[quantity].format(l=layer)]
            else:
                ours = first[k]
            assert np.asarray(ours).tobytes() == np.asarray(value).tobytes(), (name, k)
        if record["stage"] == "loss":
            assert first["loss"] == record["loss"]


ROW_NAMES = {"z": "Z{l}", "a": "A{l}", "delta": "delta{l}", "dW": "dW{l}", "db": "db{l}", "W": "W{l}", "b": "b{l}"}


@pytest.mark.parametrize("name", CASES)
def test_the_row_program_is_the_engine_bit_for_bit_too(name: str) -> None:
    """The same loop with samples as rows: every weight after the run, and every array and the loss of the first
    iteration, are the engine's transposed, to the last bit."""
    stepped = fresh(name)
    initial = stepped.parameters
    lines = reference_lines(stepped.spec, stepped.training, "row")
    assert lines[line_making(lines, key("z", 1)) or 0].code.strip() == 'Z1 = np.matmul(X, W1, order="F") + b1'
    batches, made = stepped_run(stepped, ITERATIONS)
    space = run_program(program_text(lines), initial, batches, row=True)
    for l, (W, b) in enumerate(stepped.parameters, start=1):
        assert np.array_equal(space[f"W{l}"].T, W) and space[f"W{l}"].T.tobytes() == W.tobytes(), (name, l)
        assert np.array_equal(space[f"b{l}"].T, b) and space[f"b{l}"].T.tobytes() == b.tobytes(), (name, l)
    assert not np.array_equal(space["W1"].T, initial[0][0])  # it did train
    first = run_program(program_text(lines), initial, batches[:1], row=True)
    checked = 0
    for record in made:
        for k, value in record.items():
            if "/" in k and k.split("/")[1] in ROW_NAMES:
                layer, quantity = int(k.split("/")[0][1:]), k.split("/")[1]
                ours = first[ROW_NAMES[quantity].format(l=layer)].T
                assert np.array_equal(ours, value) and ours.tobytes() == np.asarray(value).tobytes(), (name, k)
                checked += 1
        if record["stage"] == "loss":
            assert first["loss"] == record["loss"] and first["losses"].tobytes() == record["losses"].tobytes()
    assert checked >= 7 * stepped.spec.depth  # z, a, δ, ∂L/∂W, ∂L/∂b, W, b of every layer


@pytest.mark.parametrize("shape", [(1, 1, 1), (2, 1, 4), (1, 3, 9), (7, 8, 8), (10, 32, 33), (64, 128, 100),
                                   (3, 300, 17), (200, 5, 1)])
def test_the_row_products_are_the_engines_for_any_shape(shape: tuple[int, int, int]) -> None:
    """np.matmul(A, W, order="F") is the engine's W·a (forward), Wᵀδ (BP2) and δaᵀ (BP4), transposed, bit for bit,
    where A @ W (C-ordered) differs in layout and, for a copied W, in the last bits too."""
    n_out, n_in, m = shape
    rng = np.random.default_rng(sum(shape))
    W, delta = rng.normal(size=(n_out, n_in)), rng.normal(size=(n_out, m))
    for a in (rng.normal(size=(n_in, m)), np.asfortranarray(rng.normal(size=(n_in, m)))):  # a layer's a, the data
        A, Wr, D = a.T, W.T, delta.T  # the row program's arrays: the engine's, transposed
        for ours, engine in ((np.matmul(A, Wr, order="F"), W @ a), (np.matmul(D, Wr.T, order="F"), W.T @ delta),
                             (np.matmul(A.T, D, order="F"), delta @ a.T)):
            assert ours.T.flags.c_contiguous and ours.T.tobytes() == engine.tobytes(), shape


def test_each_stage_has_its_lines_and_one_line_can_be_swapped() -> None:
    p = resolve_project("spiral_softmax")
    lines = reference_lines(p.network, p.training)
    stages = [s.name for s in p.stepper().stages]
    assert all(stage_line_numbers(lines, s) for s in stages)
    assert {c.stage for c in lines} == {"", *stages}
    bp2 = line_making(lines, key("delta", 2))
    assert bp2 is not None and lines[bp2].role == "BP2" and lines[bp2].stage == "backward 2"
    assert lines[bp2].code.strip() == "delta2 = (W3.T @ delta3) * (z2 > 0).astype(z2.dtype)"
    swapped = with_line(lines, bp2, "delta2 = W3.T @ delta3")
    assert swapped[bp2].code == "    delta2 = W3.T @ delta3" and swapped[:bp2] == lines[:bp2]
    assert swapped[bp2].makes == lines[bp2].makes and swapped[bp2 + 1:] == lines[bp2 + 1:]
    text = program_text(lines)
    assert "# BP3" in text and "np.tanh" not in text and "grad_a" not in text  # only this project's lines
