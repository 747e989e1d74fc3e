"""Export as a NumPy script: run in a fresh interpreter, the script prints BP Studio's loss curve bit for bit.

The engine's curve is measured here as the app measures it: the batch loss of every iteration (the loss stage,
stepped) and the training-set loss after every epoch (``probe_row``'s train_loss, as the loss plot draws it,
on the training set as the window's engine holds it), the latter also along the fast path. Floats are compared
by their repr, so NaN and the last bit count."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.engine import LayerSpec, NetworkSpec, Stepper, TrainingSpec, ValidationError
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.probe import probe_row
from bpstudio.engine.resource_files import examples_dir
from bpstudio.engine.spec import InitSpec
from bpstudio.engine.text import numpy_export
from bpstudio.engine.text.numpy_export import numpy_script
from bpstudio.engine.text.scripts import suggested_filename

EXAMPLES = sorted(p.stem for p in examples_dir().glob("*.bpsproj"))
ALLOWED_IMPORTS = {"numpy", "base64", "json", "sys", "zlib"}


def engine_curve(stepper: Stepper, epochs: int, train: tuple | None = None) -> tuple[list[str], list[str]]:
    """(batch losses, training-set losses) as BP Studio computes them, as reprs; the stepper is stepped on."""
    train = train or (stepper.x, stepper.y)
    probe = stepper.checkpoint()
    per = stepper.batches_per_epoch
    first = stepper.completed_iterations
    start_batch = (probe.batch + (1 if stepper.complete else 0)) % per  # type: ignore[attr-defined]
    count = (per - start_batch) + (epochs - 1) * per  # as run_epochs counts: the current epoch is the first
    batch_losses, train_losses = [], []
    for _ in range(count):
        snap = stepper.finish_iteration()
        batch_losses.append(repr(snap.loss))
        if snap.batch == per - 1:
            row = probe_row(stepper.plan, stepper.parameters, stepper.completed_iterations, per, train, None)
            train_losses.append(repr(float(row[2])))
    # the fast path (how a run trains) reaches the same training-set losses
    fast: list[str] = []
    stepper.restore(probe)
    ends = {first + i for i in range(count + 1) if i and (start_batch + i) % per == 0}

    def observe(done, Ws, bs):
        if done in ends:
            fast.append(repr(float(probe_row(stepper.plan, list(zip(Ws, bs, strict=True)), done, per, train, None)[2])))
    stepper.run_iterations(count + 1, observe=observe)  # the last one is stepped, not observed: one more
    assert fast == train_losses
    return batch_losses, train_losses


def script_curve(text: str, tmp_path: Path, *args: str) -> tuple[list[str], list[str], str]:
    path = tmp_path / "train.py"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", str(path), "--json", *args], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    text_out = subprocess.run([sys.executable, "-I", str(path), *args], capture_output=True, text=True,
                              timeout=120, cwd=tmp_path, check=True).stdout
    return [repr(v) for v in out["batch_loss"]], [repr(v) for v in out["train_loss"]], text_out


def assert_same_curve(stepper: Stepper, tmp_path: Path, epochs: int, name: str = "", train=None) -> str:
    text = numpy_script(stepper, name, epochs)
    batch, train_loss, printed = script_curve(text, tmp_path)
    expected_batch, expected_train = engine_curve(stepper, epochs, train)
    assert batch == expected_batch
    assert train_loss == expected_train and len(train_loss) == epochs
    for loss in expected_batch:  # the human output says the same numbers
        assert f"batch loss {loss}\n" in printed
    for loss in expected_train:
        assert f"training-set loss {loss}\n" in printed
    return text


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_prints_the_apps_curve_bit_for_bit(name, tmp_path):
    project = resolve_project(name)
    train, _ = project.split()
    text = assert_same_curve(project.stepper(), tmp_path, 2, project.name, (train.x.T, train.y.T))
    imports = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            imports |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imports.add((node.module or "").split(".")[0])
    assert imports <= ALLOWED_IMPORTS and "numpy" in imports
    assert "import torch" not in text and "bpstudio" not in text.replace(project.name, "")


def custom(acts: tuple[str, ...], loss: str, training: TrainingSpec, n: int = 13, init: str = "xavier") -> Stepper:
    units = (5, 4)[: len(acts) - 1] + (2,)  # 3 inputs, hidden layers of 5 and 4 units, 2 outputs
    spec = NetworkSpec(3, tuple(LayerSpec(u, f) for u, f in zip(units, acts, strict=True)), loss)
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3, n))
    y = np.eye(2)[:, rng.integers(0, 2, size=n)] if loss == "cross_entropy" else (
        rng.uniform(size=(2, n)) if acts[-1] == "sigmoid" else rng.normal(size=(2, n)))
    return Stepper(spec, x, y, training, InitSpec(init))


CASES = {
    "batch 1, shuffled, sigmoid": (("sigmoid", "sigmoid"), "squared_error", TrainingSpec(0.5, 1, seed=9)),
    "mini-batch 4 of 13 (last smaller), ReLU, softmax + cross-entropy":
        (("relu", "relu", "softmax"), "cross_entropy", TrainingSpec(0.2, 4, seed=2), "he"),
    "mini-batch in order, tanh, no ½":
        (("tanh", "identity"), "squared_error_no_half", TrainingSpec(0.05, 5, shuffle=False)),
    "full batch, leaky ReLU": (("leaky_relu", "sigmoid"), "binary_cross_entropy", TrainingSpec(0.8, 0)),
    "momentum and L2": (("tanh", "softmax"), "cross_entropy", TrainingSpec(0.1, 3, seed=4, momentum=0.9, l2=0.01)),
    "L2 alone": (("sigmoid", "identity"), "squared_error", TrainingSpec(0.3, 6, seed=1, l2=0.05)),
    "softmax with squared error (the full Jacobian)": (("softmax",), "squared_error", TrainingSpec(0.7, 2, seed=8)),
    "diverging to NaN": (("relu", "identity"), "squared_error", TrainingSpec(40.0, 2, seed=3), "he"),
    "Adam with L2": (("tanh", "softmax"), "cross_entropy", TrainingSpec(0.05, 3, seed=4, optimizer="adam", l2=0.01)),
    "Adam, other betas": (("relu", "sigmoid"), "binary_cross_entropy",
                          TrainingSpec(0.02, 0, optimizer="adam", beta1=0.8, beta2=0.95, eps=1e-6)),
    "RMSProp": (("sigmoid", "identity"), "squared_error", TrainingSpec(0.01, 4, seed=2, optimizer="rmsprop")),
    "RMSProp with L2": (("tanh", "softmax"), "cross_entropy",
                        TrainingSpec(0.01, 3, seed=6, optimizer="rmsprop", alpha=0.9, l2=0.03)),
}


@pytest.mark.parametrize("case", CASES)
def test_each_kind_of_training_prints_the_same_curve(case, tmp_path):
    acts, loss, training, *init = CASES[case]
    stepper = custom(acts, loss, training, init=init[0] if init else "xavier")
    assert_same_curve(stepper, tmp_path, 3)


def test_it_goes_on_from_where_the_app_is_mid_epoch_with_momentum_and_mid_iteration(tmp_path):
    stepper = custom(("tanh", "softmax"), "cross_entropy", TrainingSpec(0.1, 3, seed=4, momentum=0.8, l2=0.02))
    stepper.run_iterations(6)  # epoch 2 of 5 batches, batch 2 done; momentum under way
    text = assert_same_curve(stepper, tmp_path, 2)
    assert "START_ITERATION = 7\nSTART_EPOCH = 1\nSTART_BATCH = 1\n" in text
    for _ in range(3):  # mid-iteration: the weights are still those before this iteration's update
        stepper.step()
    text = assert_same_curve(stepper, tmp_path, 1)
    assert f"START_ITERATION = {stepper.completed_iterations - 3}\n" not in text


@pytest.mark.parametrize("optimizer", ["adam", "rmsprop"])
def test_it_goes_on_from_adams_and_rmsprops_state_mid_epoch(optimizer, tmp_path):
    stepper = custom(("tanh", "softmax"), "cross_entropy", TrainingSpec(0.02, 3, seed=4, optimizer=optimizer))
    stepper.run_iterations(6)  # v, s (and Adam's t = 6) under way: the script must start from them, not zeros
    text = assert_same_curve(stepper, tmp_path, 2)
    assert ("T_START = 6\n" if optimizer == "adam" else "T_START = 0\n") in text
    assert f"OPTIMIZER = {optimizer!r}\n" in text


def test_large_data_is_written_as_exact_bytes_and_a_script_too_large_is_refused(tmp_path, monkeypatch):
    project = resolve_project("digits_softmax")
    stepper = project.stepper()
    text = numpy_script(stepper, project.name, 1)
    assert "X = unpack(" in text and "W_START" in text
    assert len(text) < 4 * stepper.x.size  # compressed: fewer than 4 characters a number
    monkeypatch.setattr(numpy_export, "MAX_BYTES", 10_000)
    with pytest.raises(ValidationError, match="more than 0 MB"):
        numpy_script(stepper, project.name, 1)
    assert main(["numpy", "digits_softmax", "-o", str(tmp_path / "d.py")]) == 2
    assert not (tmp_path / "d.py").exists()


def test_command_line_writes_the_script_and_its_epochs(tmp_path, capsys):
    path = tmp_path / "xor.py"
    assert main(["numpy", "xor_tanh", "-o", str(path), "--epochs", "2"]) == 0
    assert f"NumPy script written to {path}" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert "EPOCHS = 2\n" in text
    batch, train, _ = script_curve(text, tmp_path)
    project = resolve_project("xor_tanh")
    split, _ = project.split()
    assert (batch, train) == engine_curve(project.stepper(), 2, (split.x.T, split.y.T))
    more, _, _ = script_curve(text, tmp_path, "--epochs", "3")  # the script's own --epochs
    assert more[: len(batch)] == batch and len(more) == len(batch) * 3 // 2
    assert main(["numpy", "seed003_2-2-1"]) == 0
    assert "LEARNING_RATE = " in capsys.readouterr().out


def test_file_names():
    assert suggested_filename("Spiral (softmax)", "numpy") == "spiral_softmax_numpy.py"
    assert suggested_filename("", "numpy") == "network_numpy.py"
