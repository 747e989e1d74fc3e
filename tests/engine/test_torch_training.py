"""Export as a PyTorch training program: run in a fresh interpreter, it reproduces BP Studio's loss curve (every
batch loss, the training-set loss after every epoch) and final weights to 1e-10.

The programs run with ``.venv/bin/pip install torch==2.13.0`` in place (else those tests skip); several programs
share one fresh interpreter (``runpy``), since importing torch takes seconds. The text tests need no torch.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.engine import LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine.backprop import batch_loss
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.resource_files import examples_dir
from bpstudio.engine.spec import InitSpec
from bpstudio.engine.text import torch_training_code
from bpstudio.engine.text.torch_training import torch_training_script

EXAMPLES = sorted(p.stem for p in examples_dir().glob("*.bpsproj"))
TOLERANCE = 1e-10
RUNNER = """import json, runpy, sys
for path in sys.argv[1:]:
    sys.argv = [path, "--json"]
    runpy.run_path(path, run_name="__main__")
"""


def engine_run(stepper: Stepper, epochs: int) -> dict[str, list]:
    """BP Studio's batch losses, training-set losses after each epoch and final weights, training ``epochs``
    epochs on from where the stepper is (the current epoch counts as the first), as the program does."""
    per = stepper.batches_per_epoch
    probe = stepper.checkpoint()
    start = (probe.batch + (1 if stepper.complete else 0)) % per  # type: ignore[attr-defined]
    batch_losses, train_losses = [], []
    for _ in range((per - start) + (epochs - 1) * per):
        snap = stepper.finish_iteration()
        batch_losses.append(snap.loss)
        if snap.batch == per - 1:
            train_losses.append(batch_loss(stepper.plan, stepper.parameters, stepper.x, stepper.y))
    return {"batch_loss": batch_losses, "train_loss": train_losses,
            "W": [np.array(W) for W, _ in stepper.parameters], "b": [np.array(b) for _, b in stepper.parameters]}


def run_programs(texts: list[str], tmp_path: Path) -> list[dict]:
    """Each program's --json output; the programs run one after another in one fresh interpreter."""
    pytest.importorskip("torch")
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"train_{i}.py")
        paths[-1].write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", "-c", RUNNER, *map(str, paths)], capture_output=True, text=True,
                          timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(texts)
    return [json.loads(line) for line in lines]


def assert_reproduced(result: dict, expected: dict, what: str) -> None:
    assert len(result["batch_loss"]) == len(expected["batch_loss"]) > 0, what
    assert len(result["train_loss"]) == len(expected["train_loss"]) > 0, what
    for key in ("batch_loss", "train_loss"):
        np.testing.assert_allclose(result[key], expected[key], rtol=TOLERANCE, atol=0, err_msg=f"{what}: {key}")
    for key in ("W", "b"):
        for l, (ours, theirs) in enumerate(zip(result[key], expected[key], strict=True), start=1):
            assert np.shape(ours) == theirs.shape, f"{what}: {key}{l}"
            np.testing.assert_allclose(ours, theirs, rtol=TOLERANCE, atol=TOLERANCE, err_msg=f"{what}: {key}{l}")
    # not a coincidence of near-zero numbers: training moved the weights and the losses far more than that
    assert np.ptp(expected["batch_loss"]) > 1e-6, what


def test_every_example_reproduces_the_apps_curve_and_weights(tmp_path):
    texts, expected = [], []
    for name in EXAMPLES:
        project = resolve_project(name)
        stepper = project.stepper()
        epochs = max(2, min(project.training.epochs, 300 // stepper.batches_per_epoch))
        texts.append(torch_training_script(stepper, project.name, epochs))
        expected.append(engine_run(stepper, epochs))
    for name, result, engine in zip(EXAMPLES, run_programs(texts, tmp_path), expected, strict=True):
        assert_reproduced(result, engine, name)


def custom(acts: tuple[str, ...], loss: str, training: TrainingSpec, n: int = 13, init: str = "xavier") -> Stepper:
    units = (5, 4)[: len(acts) - 1] + (2,)  # 3 inputs, hidden layers of 5 and 4 units, 2 outputs
    spec = NetworkSpec(3, tuple(LayerSpec(u, f) for u, f in zip(units, acts, strict=True)), loss)
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3, n))
    y = np.eye(2)[:, rng.integers(0, 2, size=n)] if loss == "cross_entropy" else (
        rng.uniform(size=(2, n)) if acts[-1] == "sigmoid" else rng.normal(size=(2, n)))
    return Stepper(spec, x, y, training, InitSpec(init))


CASES = {  # 13 samples: batches of 4, 3, 5 and 6 leave a smaller last batch
    "momentum + L2, shuffled, ragged batches, tanh + softmax CE":
        (("tanh", "softmax"), "cross_entropy", TrainingSpec(0.1, 4, seed=4, momentum=0.9, l2=0.01)),
    "momentum alone, ReLU, sigmoid + binary CE": (("relu", "relu", "sigmoid"), "binary_cross_entropy",
                                                  TrainingSpec(0.2, 3, seed=2, momentum=0.5), "he"),
    "L2 alone, sigmoid, squared error": (("sigmoid", "identity"), "squared_error",
                                         TrainingSpec(0.3, 6, seed=1, l2=0.05)),
    "in order, leaky ReLU, no 1/2": (("leaky_relu", "identity"), "squared_error_no_half",
                                     TrainingSpec(0.05, 5, shuffle=False, momentum=0.3, l2=0.002)),
    "batch 1, softmax with squared error": (("softmax",), "squared_error", TrainingSpec(0.7, 1, seed=8)),
    "full batch, momentum + L2": (("tanh", "sigmoid"), "binary_cross_entropy",
                                  TrainingSpec(0.8, 0, momentum=0.8, l2=0.03)),
}


def test_momentum_l2_shuffling_and_ragged_batches_reproduce_the_engine(tmp_path):
    steppers = {}
    for case, (acts, loss, training, *init) in CASES.items():
        steppers[case] = custom(acts, loss, training, init=init[0] if init else "xavier")
    texts = [torch_training_script(s, case, 6) for case, s in steppers.items()]
    expected = [engine_run(s, 6) for s in steppers.values()]
    for case, result, engine in zip(CASES, run_programs(texts, tmp_path), expected, strict=True):
        assert_reproduced(result, engine, case)


def test_it_goes_on_from_where_the_app_is_with_the_momentum_under_way(tmp_path):
    """Mid-epoch with momentum: the velocities become SGD's momentum buffers (-v / lr); mid-iteration too."""
    make = CASES["momentum + L2, shuffled, ragged batches, tanh + softmax CE"]
    mid_epoch = custom(*make)
    mid_epoch.run_iterations(6)  # 4 batches an epoch: epoch 2, batch 2 done
    mid_iteration = custom(*make)
    mid_iteration.run_iterations(9)
    for _ in range(3):
        mid_iteration.step()
    texts = [torch_training_script(mid_epoch, "", 3), torch_training_script(mid_iteration, "", 2)]
    assert "START_ITERATION = 7\nSTART_EPOCH = 1\nSTART_BATCH = 2\n" in texts[0]
    assert "START_ITERATION = 10\nSTART_EPOCH = 2\nSTART_BATCH = 1\n" in texts[1]
    expected = [engine_run(mid_epoch, 3), engine_run(mid_iteration, 2)]
    assert len(expected[0]["batch_loss"]) == 2 + 4 + 4
    results = run_programs(texts, tmp_path)
    for result, engine in zip(results, expected, strict=True):
        assert_reproduced(result, engine, "under way")
    # without the momentum buffers loaded, the first step would differ: the velocity matters here
    fresh = texts[0].replace("if MOMENTUM != 0:", "if False:")
    assert abs(run_programs([fresh], tmp_path)[0]["batch_loss"][1] - expected[0]["batch_loss"][1]) > 1e-6


OPTIMIZER_CASES = {  # torch.optim.Adam and RMSprop, with L2 on the weights only, from the start and under way
    "Adam + L2, shuffled, ragged batches": (("tanh", "softmax"), "cross_entropy",
                                           TrainingSpec(0.01, 4, seed=4, l2=0.01, optimizer="adam")),
    "Adam, other betas, full batch": (("relu", "sigmoid"), "binary_cross_entropy",
                                      TrainingSpec(0.02, 0, optimizer="adam", beta1=0.8, beta2=0.99, eps=1e-6), "he"),
    "RMSProp + L2, batch 3": (("sigmoid", "identity"), "squared_error",
                              TrainingSpec(0.01, 3, seed=2, l2=0.05, optimizer="rmsprop")),
    "RMSProp, alpha 0.9, in order": (("leaky_relu", "identity"), "squared_error_no_half",
                                     TrainingSpec(0.005, 5, shuffle=False, optimizer="rmsprop", alpha=0.9)),
}


def test_adam_and_rmsprop_programs_reproduce_the_engine_from_the_start_and_under_way(tmp_path):
    """Adam's v, s and t and RMSProp's s are loaded as torch's exp_avg, exp_avg_sq, step and square_avg."""
    steppers = {}
    for case, (acts, loss, training, *init) in OPTIMIZER_CASES.items():
        steppers[case] = custom(acts, loss, training, init=init[0] if init else "xavier")
        under_way = custom(acts, loss, training, init=init[0] if init else "xavier")
        under_way.run_iterations(7)
        steppers[case + ", under way"] = under_way
    texts = [torch_training_script(s, case, 5) for case, s in steppers.items()]
    assert "torch.optim.Adam(groups, lr=LEARNING_RATE, betas=(BETA1, BETA2), eps=EPS)" in texts[0]
    assert "T_START = 7\n" in texts[1] and "torch.optim.RMSprop(" in texts[4]
    expected = [engine_run(s, 5) for s in steppers.values()]
    results = run_programs(texts, tmp_path)
    for case, result, engine in zip(steppers, results, expected, strict=True):
        assert_reproduced(result, engine, case)
    # Adam under way: without its state loaded, the first step would differ
    fresh = texts[1].replace("if T_START > 0:", "if False:")
    assert abs(run_programs([fresh], tmp_path)[0]["batch_loss"][1] - expected[1]["batch_loss"][1]) > 1e-6


def test_the_printed_curve_and_weights(tmp_path):
    pytest.importorskip("torch")
    project = resolve_project("xor_tanh")
    path = tmp_path / "xor.py"
    path.write_text(torch_training_script(project.stepper(), project.name, 2), encoding="utf-8")
    out = subprocess.run([sys.executable, "-I", str(path), "--epochs", "1"], capture_output=True, text=True,
                         timeout=300, check=True).stdout
    engine = engine_run(project.stepper(), 1)
    assert out.startswith(f"{project.name}: 2-4-1, tanh, sigmoid, loss binary_cross_entropy; 50 iterations")
    first = out.splitlines()[1]
    assert first.startswith("iteration 1  epoch 1  batch 1  batch loss ")
    assert float(first.rsplit(" ", 1)[1]) == pytest.approx(engine["batch_loss"][0], rel=TOLERANCE)
    last_epoch = next(line for line in out.splitlines() if line.startswith("epoch 1 done (iteration 50)"))
    assert float(last_epoch.rsplit(" ", 1)[1]) == pytest.approx(engine["train_loss"][0], rel=TOLERANCE)
    assert "W2 after training (1, 4):" in out and "b1 after training:" in out


# ----- without torch: the text ---------------------------------------------------------------
def test_the_program_holds_the_exact_weights_and_says_what_differs_from_pytorchs_defaults():
    stepper = custom(*CASES["momentum + L2, shuffled, ragged batches, tanh + softmax CE"])
    stepper.run_iterations(5)
    text = torch_training_script(stepper, "net", 4)
    tree = ast.parse(text)
    imports = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imports.add((node.module or "").split(".")[0])
    assert imports == {"base64", "json", "sys", "zlib", "numpy", "torch"}
    for W, b in stepper.parameters:
        assert all(repr(float(v)) in text for v in np.concatenate([W.ravel(), b.ravel()]))
    for vW, _ in stepper.checkpoint().moments.v:  # type: ignore[attr-defined]
        assert all(repr(float(v)) in text for v in vW.ravel())
    assert "torch.set_default_dtype(torch.float64)" in text
    assert "optimizer = torch.optim.SGD(groups, lr=LEARNING_RATE, momentum=MOMENTUM)" in text
    assert '[{"params": weights, "weight_decay": L2}, {"params": biases, "weight_decay": 0.0}]' in text
    assert "class Net(nn.Module):" in text and "loss = batch_loss(model(x), y)" in text
    assert "return z2  # the logits" in text and "F.cross_entropy(out, y)" in text
    assert "What differs from PyTorch's defaults, and why:" in text
    assert "MOMENTUM = 0.9\nL2 = 0.01" in text and "EPOCHS = 4\n" in text
    assert "buf = -v / lr" in text


def test_the_optimizer_table_has_one_entry_per_rule():
    rules = torch_training_code.OPTIMIZERS
    assert set(rules) == {"sgd", "rmsprop", "adam"}
    assert rules["sgd"].make.startswith("torch.optim.SGD(") and "momentum_buffer" in rules["sgd"].state
    assert rules["rmsprop"].make.startswith("torch.optim.RMSprop(") and "square_avg" in rules["rmsprop"].state
    assert rules["adam"].make.startswith("torch.optim.Adam(") and "exp_avg_sq" in rules["adam"].state


def test_command_line_writes_the_training_program_and_keeps_the_gradient_check(tmp_path, capsys):
    path = tmp_path / "xor.py"
    assert main(["torch", "xor_tanh", "--epochs", "3", "--out", str(path)]) == 0
    assert f"PyTorch training program written to {path}" in capsys.readouterr().out
    project = resolve_project("xor_tanh")
    assert path.read_text(encoding="utf-8") == torch_training_script(project.stepper(), project.name, 3)
    assert main(["torch", "seed003_2-2-1"]) == 0
    assert f"EPOCHS = {resolve_project('seed003_2-2-1').training.epochs}\n" in capsys.readouterr().out
    assert main(["torch", "seed003_2-2-1", "--gradients"]) == 0
    assert "loss.backward()" in capsys.readouterr().out
