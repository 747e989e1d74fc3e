"""Export to PyTorch: the script rebuilds the network exactly, and autograd agrees with BP1–BP4.

The comparisons run the generated script in a subprocess with a Python that has torch: this one if it can
``import torch``, else the interpreter named by BPSTUDIO_TORCH_PYTHON (a path or a command); without one they
are skipped. The other tests need no torch.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.engine import LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine.backprop import full_gradients
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.spec import InitSpec
from bpstudio.engine.text.scripts import suggested_filename
from bpstudio.engine.text.torch_export import _number, torch_script

RTOL = 1e-12
MODULE = Path(__file__).resolve().parents[2] / "bpstudio" / "engine" / "text" / "torch_export.py"


# ----- the networks ------------------------------------------------------------------------
def example(name: str, iterations: int = 0, stages: int = 0) -> Stepper:
    stepper = resolve_project(name).stepper()
    stepper.run_iterations(iterations)
    for _ in range(stages):
        stepper.step()
    return stepper


def leaky_no_half() -> Stepper:
    """leaky_relu hidden layers and squared_error_no_half, on data where many z are negative."""
    spec = NetworkSpec(3, (LayerSpec(5, "leaky_relu"), LayerSpec(4, "leaky_relu"), LayerSpec(2, "identity")),
                       "squared_error_no_half")
    rng = np.random.default_rng(7)
    x, y = rng.normal(size=(3, 12)), rng.normal(size=(2, 12))
    stepper = Stepper(spec, x, y, TrainingSpec(learning_rate=0.05, batch_size=5, seed=3), InitSpec("he"))
    stepper.run_iterations(4)
    return stepper


def one_layer_softmax_squared_error() -> Stepper:
    """One layer (L = 1), softmax without cross-entropy: the full softmax Jacobian in BP1."""
    spec = NetworkSpec(4, (LayerSpec(3, "softmax"),), "squared_error")
    rng = np.random.default_rng(11)
    x = rng.normal(size=(4, 6))
    y = np.eye(3)[:, rng.integers(0, 3, size=6)]
    return Stepper(spec, x, y, TrainingSpec(learning_rate=0.3), InitSpec("small_uniform", 1.0))


CASES = {
    "seed003_2-2-1": lambda: example("seed003_2-2-1"),  # sigmoid + squared error, full batch
    "seed003_2-2-1 trained": lambda: example("seed003_2-2-1", iterations=25),
    "spiral_softmax mini-batch": lambda: example("spiral_softmax", iterations=13),  # relu + softmax CE
    "xor_tanh": lambda: example("xor_tanh", iterations=3),  # tanh + sigmoid, binary CE from z
    "xor_tanh mid-iteration": lambda: example("xor_tanh", iterations=2, stages=4),
    "sine_regression": lambda: example("sine_regression", iterations=7),  # identity output
    "leaky_relu + squared_error_no_half": leaky_no_half,
    "softmax + squared_error, one layer": one_layer_softmax_squared_error,
}


def engine_numbers(stepper: Stepper) -> tuple[float, list[tuple[np.ndarray, np.ndarray]]]:
    x, y = stepper.current_batch()
    return full_gradients(stepper.plan, list(stepper.parameters), x, y)


def assignments(text: str) -> dict[str, object]:
    """The script's top-level literal assignments (W_VALUES, X_VALUES, …), read without running it."""
    out: dict[str, object] = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return out


# ----- a Python with torch -------------------------------------------------------------------
@functools.cache
def _find_torch_python() -> tuple[str | None, str]:
    if importlib.util.find_spec("torch") is not None:
        return sys.executable, ""
    named = os.environ.get("BPSTUDIO_TORCH_PYTHON", "").strip()
    if not named:
        return None, "torch is not installed here and BPSTUDIO_TORCH_PYTHON is not set"
    exe = named if Path(named).is_file() else shutil.which(named)
    if exe is None:
        return None, f"BPSTUDIO_TORCH_PYTHON={named!r} is not an interpreter found on this machine"
    probe = subprocess.run([exe, "-c", "import torch"], capture_output=True, text=True, timeout=120)
    if probe.returncode != 0:
        return None, f"BPSTUDIO_TORCH_PYTHON={named!r} cannot import torch"
    return exe, ""


def torch_python() -> str:
    exe, why = _find_torch_python()
    if exe is None:
        pytest.skip(why)
    return exe


def run_script(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "check_torch.py"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([torch_python(), str(path), *args], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


# ----- with torch: the numbers equal the engine's --------------------------------------------
@pytest.mark.parametrize("case", list(CASES))
def test_torch_autograd_equals_the_engine(case, tmp_path):
    stepper = CASES[case]()
    text = torch_script(stepper, case)
    result = json.loads(run_script(tmp_path, text, "--json"))
    loss, grads = engine_numbers(stepper)
    np.testing.assert_allclose(result["loss"], loss, rtol=RTOL, atol=0)
    assert len(result["dW"]) == len(result["db"]) == len(grads) == stepper.spec.depth
    for l, ((dW, db), tW, tb) in enumerate(zip(grads, result["dW"], result["db"], strict=True), start=1):
        assert np.shape(tW) == dW.shape and np.shape(tb) == db.shape, f"layer {l}"
        np.testing.assert_allclose(np.array(tW), dW, rtol=RTOL, atol=0, err_msg=f"dL/dW{l}")
        np.testing.assert_allclose(np.array(tb), db, rtol=RTOL, atol=0, err_msg=f"dL/db{l}")


def test_mid_iteration_export_is_the_iteration_on_screen(tmp_path):
    """Stepped into the backward pass: the script's gradients are those the panels show for this iteration."""
    stepper = example("xor_tanh", iterations=2, stages=5)  # forward 1, 2, loss, backward 2, 1
    snap = stepper.snapshot()
    result = json.loads(run_script(tmp_path, torch_script(stepper), "--json"))
    for l in (1, 2):
        np.testing.assert_allclose(np.array(result["dW"][l - 1]), snap.arrays[f"L{l}/dW"], rtol=RTOL, atol=0)
        np.testing.assert_allclose(np.array(result["db"][l - 1]), snap.arrays[f"L{l}/db"], rtol=RTOL, atol=0)
    assert result["loss"] == pytest.approx(snap.loss, rel=RTOL)


def test_the_summary_reads_well_and_reports_agreement(tmp_path):
    out = run_script(tmp_path, torch_script(example("spiral_softmax", iterations=2), "Three spirals"))
    assert out.startswith("Three spirals: 2-16-16-3, relu, relu, softmax, loss cross_entropy")
    assert "batch of 32 samples" in out
    assert "dL/dW3 (3, 16):" in out and "dL/db1 (16, 1):" in out
    worst = float(out.strip().splitlines()[-1].rsplit(":", 1)[1])
    assert worst < RTOL


# ----- without torch: the text ---------------------------------------------------------------
@pytest.mark.parametrize("case", list(CASES))
def test_the_script_holds_the_exact_weights_batch_and_engine_numbers(case):
    stepper = CASES[case]()
    text = torch_script(stepper, case)
    compile(text, "exported.py", "exec")
    values = assignments(text)
    assert values["PROJECT"] == case
    assert values["LOSS"] == stepper.spec.loss
    assert values["ACTIVATIONS"] == [layer.activation for layer in stepper.spec.layers]
    Ws, bs = values["W_VALUES"], values["B_VALUES"]
    assert isinstance(Ws, list) and isinstance(bs, list)
    for (W, b), w_text, b_text in zip(stepper.parameters, Ws, bs, strict=True):
        assert np.array(w_text).tobytes() == W.tobytes()  # bit for bit, shape included
        assert np.array(w_text).shape == W.shape and np.array(b_text).shape == b.shape
        assert np.array(b_text).tobytes() == b.tobytes()
        for v in W.ravel():
            assert repr(float(v)) in text
    x, y = stepper.current_batch()
    assert np.array(values["X_VALUES"]).tobytes() == np.ascontiguousarray(x).tobytes()
    assert np.array(values["Y_VALUES"]).tobytes() == np.ascontiguousarray(y).tobytes()
    # BP Studio's own numbers, for the script's comparison, are in it exactly too
    engine = json.loads(next(s.value for s in ast.walk(ast.parse(text))
                             if isinstance(s, ast.Constant) and isinstance(s.value, str) and s.value.startswith("{")))
    loss, grads = engine_numbers(stepper)
    assert engine["loss"] == loss
    for (dW, db), eW, eb in zip(grads, engine["dW"], engine["db"], strict=True):
        assert np.array(eW).tobytes() == dW.tobytes() and np.array(eb).tobytes() == db.tobytes()


def test_the_script_needs_only_torch_and_the_standard_library():
    text = torch_script(example("xor_tanh"))
    imported = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    assert imported == {"json", "sys", "torch", "torch.nn.functional"}
    assert "torch.set_default_dtype(torch.float64)" in text
    assert 'F.binary_cross_entropy_with_logits(z2, y, reduction="none")' in text  # the loss from z
    spiral = torch_script(example("spiral_softmax"))
    assert "F.log_softmax(z3, dim=0)" in spiral and "torch.relu(z1)" in spiral
    assert "F.leaky_relu(z1, negative_slope=0.01)" in torch_script(leaky_no_half())


def test_the_export_module_imports_neither_torch_nor_qt():
    tree = ast.parse(MODULE.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    assert roots <= {"__future__", "collections", "json", "math", "re", "numpy", "bpstudio"}


@pytest.mark.parametrize("value", [0.1, -0.0, 5e-324, 1.7976931348623157e308, 1 / 3, -2.5e-17, float("inf"),
                                   float("-inf")])
def test_numbers_are_written_exactly(value):
    assert np.float64(eval(_number(value))).tobytes() == np.float64(value).tobytes()


def test_nan_is_written_as_a_valid_literal():
    assert np.isnan(eval(_number(float("nan"))))


def test_any_project_name_gives_a_valid_script():
    name = 'He said """hi"""\n# and \\ left'
    text = torch_script(example("seed003_2-2-1"), name)
    compile(text, "exported.py", "exec")
    assert assignments(text)["PROJECT"] == name
    assert suggested_filename(name, "torch") == "he_said_hi_and_left_torch.py"
    assert (suggested_filename("Seed 003: a 2-2-1 sigmoid network", "torch")
            == "seed_003_a_2_2_1_sigmoid_network_torch.py")
    assert suggested_filename("", "torch") == "network_torch.py"


# ----- the command line ----------------------------------------------------------------------
def test_cli_writes_the_script_after_training(capsys, tmp_path):
    out_file = tmp_path / "xor.py"
    code = main(["torch", "xor_tanh", "--iterations", "3", "--out", str(out_file), "--gradients"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert str(out_file) in out
    project = resolve_project("xor_tanh")
    assert out_file.read_text(encoding="utf-8") == torch_script(example("xor_tanh", iterations=3), project.name)


def test_cli_prints_the_script_by_default(capsys):
    code = main(["torch", "seed003_2-2-1", "--gradients"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out == torch_script(example("seed003_2-2-1"), resolve_project("seed003_2-2-1").name)


def test_cli_reports_a_missing_project(capsys, tmp_path):
    code = main(["torch", str(tmp_path / "nope.bpsproj"), "--gradients"])
    _, err = capsys.readouterr()
    assert code == 2 and "bpstudio torch: error" in err


def test_control_characters_in_the_name_give_a_valid_script():
    """A NUL made the script uncompilable (in its header comment); a carriage return ended the comment."""
    name = "net\x00work\rprint('x')\x1b[31m\ud800"
    text = torch_script(example("seed003_2-2-1"), name)
    compile(text, "exported.py", "exec")
    assert "\x00" not in text and "\r" not in text and "\x1b" not in text
    assert text.splitlines()[1] == "# net work print('x') [31m\ufffd: BP Studio's network in PyTorch"
    assert assignments(text)["PROJECT"] == name  # the name itself, exactly, as an escaped literal
    text.encode("utf-8")  # writable
