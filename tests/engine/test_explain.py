"""The hover derivations: every number is the engine's, the arithmetic in the text adds up to the entry shown."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import numpy as np
import pytest

from bpstudio.engine import LayerSpec, NetworkSpec, Stepper, TrainingSpec, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import QUANTITIES
from bpstudio.engine.text.explain import explain, format_number, idx
from bpstudio.engine.text.notation import sub

NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?"
EXAMPLES = ("seed003_2-2-1", "spiral_softmax", "seed000_output_layer")


# ----- parsing the text -------------------------------------------------------------------
def evaluate(segment: str) -> float | None:
    """The value of a purely numeric segment such as '0.4×0.5866 + (-0.2) + 0.6', else None."""
    expr = segment.strip().replace("×", "*").replace("−", "-").replace("e^(", "exp(").replace(")(", ")*(")
    expr = expr.replace("²", "**2")
    if not expr or "…" in expr or not re.fullmatch(r"[0-9.e+\-*/() ,expmaxtnh]*", expr):
        return None
    if re.search(r"[a-z]", re.sub(r"exp|max|tanh|\de[-+]\d", "", expr)):
        return None
    try:
        return float(eval(expr, {"__builtins__": {}}, {"exp": math.exp, "max": max, "tanh": math.tanh}))
    except (SyntaxError, TypeError, NameError, ZeroDivisionError, OverflowError):
        return None


def chains(text: str) -> list[list[tuple[float, str]]]:
    """Numeric values in order, grouped: a line that does not start with '=' begins a new group, and
    every value in a group must be the same number (each '=' in the text claims so)."""
    groups: list[list[tuple[float, str]]] = []
    for raw in text.splitlines():
        line = raw.strip().split("   ")[0]  # a comment follows three spaces
        if line.startswith(("why:", "(")):
            continue
        if not line.startswith("= ") or not groups:
            groups.append([])
        for segment in line.split(" = "):
            value = evaluate(segment.removeprefix("= "))
            if value is not None:
                groups[-1].append((value, segment))
    return [g for g in groups if g]


def numbers(segment: str) -> list[float]:
    return [float(x) for x in re.findall(NUMBER, segment)]


def check_arithmetic(text: str, precision: int) -> None:
    for group in chains(text):
        for (v1, s1), (v2, s2) in zip(group, group[1:], strict=False):
            scale = max([1.0, *(abs(x) for x in numbers(s1) + numbers(s2))])
            count = len(numbers(s1)) + len(numbers(s2))
            tol = 10.0 ** -precision * (count + 1) * scale**2
            assert abs(v1 - v2) <= tol, f"{s1!r} = {v1} but {s2!r} = {v2}\n{text}"


def check_result(text: str, value: float, precision: int) -> None:
    last = text.splitlines()[-1]
    assert last.endswith("= " + format_number(value, precision)), (last, value)
    assert re.search(r"= " + re.escape(format_number(value, precision)) + "$", last)


# ----- states ---------------------------------------------------------------------------
def iteration_states(name: str):
    """Snapshots at every stage of the first iteration and the first stage of the second."""
    project = load_project(example_path(name))
    stepper = project.stepper()
    out = [(stepper.snapshot(), None)]
    previous = stepper.snapshot()
    for _ in range(2 * project.network.depth + 3):
        snap = stepper.step()
        out.append((snap, previous))
        previous = snap
    return project, stepper.plan, out


def entries(arr: np.ndarray, limit: int = 6):
    rows = sorted({0, arr.shape[0] - 1, arr.shape[0] // 2})
    cols = sorted({0, arr.shape[1] - 1, arr.shape[1] // 2})
    return [(r, c) for r in rows[:limit] for c in cols[:limit]]


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("precision", [4, 10])
def test_every_quantity_at_every_stage_adds_up_to_the_entry(name, precision):
    project, plan, states = iteration_states(name)
    lr = project.training.learning_rate
    for snap, _ in states:
        for quantity in QUANTITIES:
            for layer in range(1, project.network.depth + 1):
                arr = snap.get(quantity, layer)
                if arr is None:
                    text = explain(snap, plan, lr, quantity, layer, 0, 0, precision)
                    stage = ("forward" if quantity in ("z", "a") else "backward") + f" {layer}"
                    assert "not computed yet in this iteration" in text
                    assert f"computed at stage {stage}" in text
                    continue
                for row, col in entries(arr):
                    text = explain(snap, plan, lr, quantity, layer, row, col, precision)
                    assert len(text.splitlines()) >= 2, text
                    check_result(text, arr[row, col], precision)
                    check_arithmetic(text, precision)


def test_seed003_z_is_written_term_by_term_with_the_engine_numbers():
    project, plan, states = iteration_states("seed003_2-2-1")
    snap = states[2][0]  # after forward 2
    assert snap.stage.name == "forward 2"
    W, b, a1, z = snap.get("W", 2), snap.get("b", 2), snap.get("a", 1), snap.get("z", 2)
    for s in range(4):
        text = explain(snap, plan, 0.5, "z", 2, 0, s)
        lines = text.splitlines()
        assert lines[0].startswith("z²₁ = Σₖ w²₁ₖ a¹ₖ + b²₁")
        assert f"sample {s + 1} of 4" in lines[0]
        assert lines[1] == "  = w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁"
        f = format_number
        assert lines[2] == f"  = {f(W[0, 0])}×{f(a1[0, s])} + {f(W[0, 1])}×{f(a1[1, s])} + {f(b[0, 0])}"
        assert lines[3] == f"  = {f(z[0, s])}"
    # the first sample is x = (0, 0): a¹ = σ(0.35) for both hidden units, as in the brief's example
    assert explain(snap, plan, 0.5, "z", 2, 0, 0).splitlines()[2] == "  = 0.4×0.5866 + 0.45×0.5866 + 0.6"


def test_bp2_sum_is_the_engine_wt_delta():
    for name in EXAMPLES[:2]:
        project, plan, states = iteration_states(name)
        lr = project.training.learning_rate
        L = project.network.depth
        for snap, previous in states:
            if snap.stage is None or snap.stage.kind not in ("backward", "update"):
                continue
            for l in range(1, L):
                delta = snap.get("delta", l)
                if delta is None:
                    continue
                # the weights of layer l+1 as BP2 used them: before the update
                W_up = (previous if snap.stage.kind == "update" else snap).get("W", l + 1)
                wtd = W_up.T @ snap.get("delta", l + 1)
                for j, s in entries(delta):
                    for precision in (4, 8):
                        text = explain(snap, plan, lr, "delta", l, j, s, precision)
                        lines = text.splitlines()
                        at = next(i for i, line in enumerate(lines) if line.startswith("  Σᵢ w"))
                        assert f"entry {j + 1} of (W" in lines[at]
                        assert lines[at + 2] == f"  = {format_number(wtd[j, s], precision)}", text
                        products = lines[at + 1].removeprefix("  = ").split(" + ")
                        n = W_up.shape[0]
                        shown = n if n <= 8 else 4
                        for i in range(shown):
                            w, d = products[i].split("×")
                            assert w.strip("()") == format_number(W_up[i, j], precision)
                            assert d.strip("()") == format_number(snap.get("delta", l + 1)[i, s], precision)
                        if n > 8:
                            assert products[-1] == f"… ({n} terms)"


def test_seed000_reproduces_teaching_md():
    project, plan, states = iteration_states("seed000_output_layer")
    snap = states[3][0]
    assert snap.stage.name == "backward 1"
    first = explain(snap, plan, 0.5, "delta", 1, 0, 0).splitlines()
    assert first[1].startswith("  ∂L/∂a¹₁ = a − y = 0.8 − 1 = -0.2")
    assert format_number(snap.arrays["grad_a"][0, 0]) == "-0.2"  # ∇ₐL as the engine computed it
    assert first[2] == "  σ′(z¹₁) = a(1 − a) = 0.8×(1 − 0.8) = 0.16"
    assert first[3:] == ["  δ¹₁ = (-0.2)×0.16", "  = -0.032"]
    second = explain(snap, plan, 0.5, "delta", 1, 1, 0).splitlines()
    assert second[-2:] == ["  δ¹₂ = 0.3×0.21", "  = 0.063"]
    assert "BP1" in second[0]
    # one sample: no mean, just a·δ
    assert explain(snap, plan, 0.5, "dW", 1, 1, 0).splitlines()[-2:] == ["  = 1×0.063", "  = 0.063"]
    assert explain(snap, plan, 0.5, "db", 1, 0, 0).splitlines() == [
        "∂L/∂b¹₁ = δ¹₁   (BP3 with one sample)", "  = -0.032"]


def test_bp1_uses_the_engine_grad_a_and_f_prime():
    project, plan, states = iteration_states("seed003_2-2-1")
    snap = next(s for s, _ in states if s.stage is not None and s.stage.name == "backward 2")
    grad, a, delta = snap.arrays["grad_a"], snap.get("a", 2), snap.get("delta", 2)
    for s in range(4):
        lines = explain(snap, plan, 0.5, "delta", 2, 0, s, 6).splitlines()
        fp = a[0, s] * (1 - a[0, s])
        assert lines[1].split("   ")[0].endswith(f"= {format_number(grad[0, s], 6)}")
        assert lines[2].endswith(f"= {format_number(fp, 6)}")
        assert lines[3] == f"  δ²₁ = {_op(grad[0, s], 6)}×{_op(fp, 6)}"
        assert lines[4] == f"  = {format_number(delta[0, s], 6)}"
        assert delta[0, s] == grad[0, s] * fp  # the product written is the engine's, exactly


def test_softmax_cross_entropy_says_a_minus_y_and_why():
    project, plan, states = iteration_states("spiral_softmax")
    snap = next(s for s, _ in states if s.stage is not None and s.stage.name == "backward 3")
    a, y, delta = snap.get("a", 3), snap.arrays["target"], snap.get("delta", 3)
    text = explain(snap, plan, 0.2, "delta", 3, 2, 5)
    assert "a³₃ − y₃" in text and "not diagonal" in text and "yₖ sum to 1" in text
    assert f"  = {format_number(a[2, 5])} − {format_number(y[2, 5])}" in text.splitlines()
    check_result(text, delta[2, 5], 4)
    soft = explain(snap, plan, 0.2, "a", 3, 1, 0, 6)
    e = np.exp(snap.get("z", 3)[:, 0])
    assert f"  = {format_number(e[1], 6)} / {format_number(e.sum(), 6)}" in soft.splitlines()


def test_batch_mean_of_dw_and_db_is_written_out():
    project, plan, states = iteration_states("seed003_2-2-1")
    snap = next(s for s, _ in states if s.stage is not None and s.stage.name == "backward 1")
    a0, d1 = snap.arrays["input"], snap.get("delta", 1)
    text = explain(snap, plan, 0.5, "dW", 1, 1, 0, 6)
    lines = text.splitlines()
    assert "(1/m) Σₛ a⁰₁·δ¹₂" in lines[0] and "m = 4" in lines[0]
    assert "from input 1 (x₁) to unit 2 of layer 1" in lines[1]
    terms = " + ".join(
        f"{format_number(a0[0, s], 6)}×{_op(d1[1, s], 6)}" for s in range(4))
    assert lines[3] == f"  = (1/4)({terms})"
    assert lines[4] == f"  = (1/4)({format_number(d1[1] @ a0[0], 6)})"
    db = explain(snap, plan, 0.5, "db", 1, 0, 0, 6).splitlines()
    assert db[1] == "  = (1/4)(" + " + ".join(_op(d1[0, s], 6) for s in range(4)) + ")"


def _op(x: float, p: int) -> str:
    s = format_number(x, p)
    return f"({s})" if s.startswith("-") else s


def test_update_shows_old_minus_eta_gradient_and_z_uses_the_old_weights():
    project, plan, states = iteration_states("seed003_2-2-1")
    (snap, before) = next((s, p) for s, p in states if s.stage is not None and s.stage.kind == "update")
    W_old, W_new, dW = before.get("W", 2), snap.get("W", 2), snap.get("dW", 2)
    text = explain(snap, plan, 0.5, "W", 2, 0, 1, 6)
    lines = text.splitlines()
    assert "W ← W − η ∂L/∂W with η = 0.5" in text
    assert lines[-2] == f"  w²₁₂ = {format_number(W_old[0, 1], 6)} − 0.5×{_op(dW[0, 1], 6)}"
    assert lines[-1] == f"  = {format_number(W_new[0, 1], 6)}"
    z_text = explain(snap, plan, 0.5, "z", 2, 0, 3, 6)
    assert "before this iteration's update" in z_text
    assert f"{format_number(W_old[0, 0], 6)}×" in z_text.splitlines()[3]
    # before the update stage there is no update line
    assert "just updated" not in explain(before, plan, 0.5, "W", 2, 0, 1)


def test_an_edit_after_the_update_is_not_explained_by_the_update():
    project = load_project(example_path("seed003_2-2-1"))
    stepper = project.stepper()
    stepper.finish_iteration()
    snap = stepper.set_parameter(2, "W", (0, 0), 3.0)
    text = explain(snap, stepper.plan, 0.5, "W", 2, 0, 0)
    assert "set by hand" in text and text.endswith("= 3")
    z_text = explain(snap, stepper.plan, 0.5, "z", 2, 0, 0)
    assert "changed since" in z_text
    check_result(z_text, snap.get("z", 2)[0, 0], 4)
    z1 = explain(snap, stepper.plan, 0.5, "z", 1, 0, 1)  # layer 1 was not edited: still written out
    check_arithmetic(z1, 4)
    assert "×" in z1


def _stepper(spec: NetworkSpec, samples: int = 5, seed: int = 0) -> Stepper:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(spec.input_size, samples))
    n_out = spec.layers[-1].units
    if spec.loss in ("cross_entropy",):
        y = np.eye(n_out)[:, rng.integers(0, n_out, samples)]
    else:
        y = rng.uniform(0, 1, size=(n_out, samples))
    return Stepper(spec, x, y, TrainingSpec(learning_rate=0.1, batch_size=0))


@pytest.mark.parametrize("spec", [
    NetworkSpec(3, (LayerSpec(4, "leaky_relu"), LayerSpec(4, "tanh"), LayerSpec(2, "identity")),
                "squared_error_no_half"),
    NetworkSpec(3, (LayerSpec(4, "relu"), LayerSpec(3, "softmax")), "squared_error"),
    NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(2, "sigmoid")), "binary_cross_entropy"),
    NetworkSpec(12, (LayerSpec(11, "sigmoid"), LayerSpec(10, "softmax")), "cross_entropy"),
], ids=["leaky-tanh-linear", "softmax-squared-error", "sigmoid-bce", "wide-softmax"])
def test_other_activations_and_losses_add_up(spec):
    stepper = _stepper(spec, samples=1 if spec.input_size == 2 else 9)
    plan = stepper.plan
    for _ in range(2 * spec.depth + 2):
        snap = stepper.step()
        for quantity in QUANTITIES:
            for layer in range(1, spec.depth + 1):
                arr = snap.get(quantity, layer)
                if arr is None:
                    continue
                for row, col in entries(arr):
                    for precision in (4, 9):
                        text = explain(snap, plan, 0.1, quantity, layer, row, col, precision)
                        check_result(text, arr[row, col], precision)
                        check_arithmetic(text, precision)
    if spec.layers[-1].activation == "softmax" and spec.loss == "squared_error":
        text = explain(snap, plan, 0.1, "delta", 2, 1, 0)
        assert "Jacobian-vector product" in text and "Σₖ a²ₖ gₖ" in text


def test_large_network_shortens_long_sums():
    spec = NetworkSpec(784, (LayerSpec(128, "relu"), LayerSpec(64, "relu"), LayerSpec(10, "softmax")),
                       "cross_entropy")
    stepper = _stepper(spec, samples=64)
    plan = stepper.plan
    for _ in range(7):  # up to backward 1, before the update changes W
        snap = stepper.step()
    text = explain(snap, plan, 0.1, "z", 1, 5, 63)
    assert "… + w¹₆,₇₈₄·a⁰₇₈₄ + b¹₆" in text and "… (784 terms)" in text
    assert "sample 64 of 64" in text
    W, x = snap.get("W", 1), snap.arrays["input"]
    assert f"(the sum of all 784 products is {format_number(W[5] @ x[:, 63])})" in text
    check_arithmetic(text, 4)
    dW = explain(snap, plan, 0.1, "dW", 1, 127, 783)
    assert "… (64 terms)" in dW and "(1/64)" in dW
    check_result(dW, snap.get("dW", 1)[127, 783], 4)
    d1 = explain(snap, plan, 0.1, "delta", 1, 127, 10)
    assert "… (64 terms)" in d1 and "w²₁,₁₂₈·δ²₁" in d1
    check_result(d1, snap.get("delta", 1)[127, 10], 4)


def test_format_number_and_indices():
    assert format_number(0.4) == "0.4"
    assert format_number(1.09861228) == "1.0986"
    assert format_number(-0.032) == "-0.032"
    assert format_number(1.0) == "1"
    assert format_number(0.0) == "0" and format_number(-0.0) == "0"
    assert format_number(6.3487e-4) == "6.349e-04"
    assert format_number(0.0012345) == "0.0012"
    assert format_number(2.5e-12, 10) == "2.5e-12"
    assert format_number(0.123456789012, 10) == "0.123456789"
    assert format_number(0.5866, 1) == "0.6"
    assert format_number(1234567.0) == "1.235e+06"
    assert format_number(float("nan")) == "nan"
    assert sub(12) == "₁₂" and idx(0, 1) == "₁₂" and idx(0, 11) == "₁,₁₂"


def test_bad_arguments_are_refused():
    project, plan, states = iteration_states("seed003_2-2-1")
    snap = states[-2][0]
    with pytest.raises(ValueError):
        explain(snap, plan, 0.5, "q", 1, 0, 0)
    with pytest.raises(ValueError):
        explain(snap, plan, 0.5, "z", 3, 0, 0)
    with pytest.raises(IndexError):
        explain(snap, plan, 0.5, "z", 1, 2, 0)


def test_explain_imports_no_qt():
    code = ("import sys, bpstudio.engine.text.explain;"
            "sys.exit(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
