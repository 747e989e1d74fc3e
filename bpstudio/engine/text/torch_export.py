"""Export the network, its current weights and the batch to a standalone PyTorch script.

The script builds the same network with the same weights (every float written exactly, so it reads back
to the same bits) on the batch the next forward pass uses, computes the same batch loss, lets autograd
compute ∂L/∂W and ∂L/∂b, and prints them — next to BP Studio's own numbers for that batch, so a learner
can see that backpropagation by hand and PyTorch's autograd agree. It keeps BP Studio's column
convention: Wˡ is (nˡ, nˡ⁻¹), bˡ is (nˡ, 1) and samples are columns.

This module only writes text: it imports neither torch nor Qt.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import numpy as np

from bpstudio.engine import backprop as bp
from bpstudio.engine.activations import LEAKY_SLOPE
from bpstudio.engine.stepper import Stepper

from .clean import one_line

Array = np.ndarray

# aˡ = f(zˡ) in torch, for each activation of activations.py (dim 0: units are rows, samples columns)
_ACTIVATION_CODE = {
    "identity": "{z}",
    "sigmoid": "torch.sigmoid({z})",
    "tanh": "torch.tanh({z})",
    "relu": "torch.relu({z})",
    "leaky_relu": f"F.leaky_relu({{z}}, negative_slope={LEAKY_SLOPE!r})",
    "softmax": "torch.softmax({z}, dim=0)",
}

# the batch loss: the mean over samples (columns) of the per-sample loss, as in losses.py
_LOSS_CODE = {
    "squared_error": ("0.5 * ((y - {a}) ** 2).sum(dim=0)", "L = ½‖y − a‖² per sample"),
    "squared_error_no_half": ("(({a} - y) ** 2).sum(dim=0)", "L = ‖a − y‖² per sample (no ½)"),
}
_FUSED_LOSS_CODE = {  # computed from z, stably, as the engine does
    "cross_entropy": ("-(y * F.log_softmax({z}, dim=0)).sum(dim=0)",
                      "L = −Σᵢ yᵢ log softmax(z)ᵢ per sample, from z via log_softmax"),
    "binary_cross_entropy": ('F.binary_cross_entropy_with_logits({z}, y, reduction="none").sum(dim=0)',
                             "L = −Σᵢ [yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))] per sample, from z"),
}


def _number(v: float) -> str:
    """A Python literal that reads back to exactly this float (repr is the shortest round-trip form)."""
    v = float(v)
    if math.isnan(v):
        return 'float("nan")'
    if math.isinf(v):
        return "1e999" if v > 0 else "-1e999"
    return repr(v)


def _matrix(a: Array, indent: str = "    ") -> str:
    """A 2-D array as nested lists, one row per line."""
    rows = [indent + "[" + ", ".join(_number(v) for v in row) + "]," for row in np.asarray(a, dtype=np.float64)]
    return "[\n" + "\n".join(rows) + "\n" + indent[:-4] + "]"


def _matrices(arrays: Sequence[Array], label: str) -> str:
    parts = [f"    # {label}{l}: {a.shape[0]} × {a.shape[1]}\n    " + _matrix(a, " " * 8) + ","
             for l, a in enumerate(arrays, start=1)]
    return "[\n" + "\n".join(parts) + "\n]"



def torch_script(stepper: Stepper, project_name: str = "") -> str:
    """The text of a standalone script (``import torch`` and the standard library only) that rebuilds the
    stepper's network with its current weights on ``stepper.current_batch()``, computes the batch loss,
    calls ``backward`` and prints the loss and every ∂L/∂Wˡ, ∂L/∂bˡ (``--json``: only those, as JSON).

    The gradients are those of the data loss the engine shows as ∂L/∂W (BP4) and ∂L/∂b (BP3): momentum and
    L2 decay change only the update, which the script does not do."""
    spec, plan = stepper.spec, stepper.plan
    params = [(np.asarray(W), np.asarray(b)) for W, b in stepper.parameters]
    x, y = stepper.current_batch()
    loss_name = plan.loss.name
    if plan.loss.fused_with is not None and not plan.fused:  # the spec's validation refuses this
        raise ValueError(f"{loss_name} needs a {plan.loss.fused_with} output layer")
    with np.errstate(all="ignore"):  # a diverged network is exported as it is
        e_loss, e_grads = bp.full_gradients(plan, list(params), x, y)
    L = spec.depth
    sizes = "-".join(str(n) for n in spec.sizes)
    acts = [f.name for f in plan.activations]
    loss_code, loss_text = (_FUSED_LOSS_CODE if plan.fused else _LOSS_CODE)[loss_name]
    per_sample = loss_code.format(a=f"a{L}", z=f"z{L}")
    loss_comment = (f"    # from z{L}, stably, as BP Studio computes it (a{L} is the output it stands for)\n"
                    if plan.fused else "")
    t = stepper.training

    forward = []
    for l, act in enumerate(acts, start=1):
        prev = "x" if l == 1 else f"a{l - 1}"
        forward.append(f"    z{l} = W{l} @ {prev} + b{l}  # ({spec.sizes[l]}, m)")
        forward.append(f"    a{l} = {_ACTIVATION_CODE[act].format(z=f'z{l}')}")
    names = ", ".join(f"W{l}, b{l}" for l in range(1, L + 1))

    # the engine's numbers as one line of JSON (tolist: each float in its exact round-trip form)
    engine_json = json.dumps({"loss": float(e_loss), "dW": [dW.tolist() for dW, _ in e_grads],
                              "db": [db.tolist() for _, db in e_grads]})
    title = one_line(project_name)  # for a comment: a NUL or a line break there would break the script (PROJECT
    # below holds the name exactly, as a Python literal that escapes them)
    header = f"# {title}: BP Studio's network in PyTorch\n" if title else "# BP Studio's network in PyTorch\n"
    return f'''#!/usr/bin/env python3
{header}#
# Network {sizes}, activations {", ".join(acts)}; loss {loss_name}: {loss_text},
# batch loss = mean over the m = {x.shape[1]} samples of this batch.
# Exported after {stepper.completed_iterations} complete iteration(s) (learning rate {t.learning_rate!r}, \
batch size {stepper.batch_size}, seed {t.seed}):
# the weights as they are now and the batch the next forward pass uses.
# Column convention as in BP Studio: W^l is (n^l, n^(l-1)), b^l is (n^l, 1), samples are columns, so
# W.grad and b.grad are BP Studio's dL/dW (BP4) and dL/db (BP3) entry for entry.
#
#     python THIS_FILE.py          loss, gradients, and how far they are from BP Studio's
#     python THIS_FILE.py --json   only {{"loss": ..., "dW": [...], "db": [...]}}
#
# Needs only PyTorch. Every number below is written exactly (it reads back to the same float64).
import json
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

PROJECT = {project_name!r}
ACTIVATIONS = {acts!r}
LOSS = {loss_name!r}

W_VALUES = {_matrices([W for W, _ in params], "W")}

B_VALUES = {_matrices([b for _, b in params], "b")}

# the batch: inputs x (n^0, m) and targets y (n^L, m), one column per sample
X_VALUES = {_matrix(x)}

Y_VALUES = {_matrix(y)}

# BP Studio's loss and gradients for these weights and this batch, to compare with
BPSTUDIO = json.loads(
    {engine_json!r}
)


def compute():
    """Forward, loss, backward; returns the loss and the tensors with their .grad filled in."""
    x = torch.tensor(X_VALUES, dtype=torch.float64)
    y = torch.tensor(Y_VALUES, dtype=torch.float64)
    Ws = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in W_VALUES]
    bs = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in B_VALUES]
    {", ".join(f"W{l}" for l in range(1, L + 1))}{"," if L == 1 else ""} = Ws
    {", ".join(f"b{l}" for l in range(1, L + 1))}{"," if L == 1 else ""} = bs
{chr(10).join(forward)}
{loss_comment}    loss = ({per_sample}).mean()
    loss.backward()
    return loss, [{names}]


def max_difference(ours, theirs):
    """Largest |ours - theirs| over the entries, relative to the largest |theirs| (absolute if that is 0)."""
    a = torch.tensor(ours, dtype=torch.float64)
    b = torch.tensor(theirs, dtype=torch.float64)
    scale = b.abs().max().item() if b.numel() else 0.0
    diff = (a - b).abs().max().item() if b.numel() else 0.0
    return diff / scale if scale > 0 else diff


def main():
    loss, tensors = compute()
    result = {{
        "loss": loss.item(),
        "dW": [t.grad.tolist() for t in tensors[0::2]],
        "db": [t.grad.tolist() for t in tensors[1::2]],
    }}
    if "--json" in sys.argv[1:]:
        print(json.dumps(result))
        return
    torch.set_printoptions(precision=10)
    print(f"{{PROJECT or 'BP Studio network'}}: {sizes}, {{', '.join(ACTIVATIONS)}}, loss {{LOSS}}")
    print(f"batch of {{len(X_VALUES[0])}} samples, loss {{result['loss']!r}} (BP Studio: {{BPSTUDIO['loss']!r}})")
    worst = abs(result["loss"] - BPSTUDIO["loss"]) / max(abs(BPSTUDIO["loss"]), 1e-300)
    for l, (W, b) in enumerate(zip(tensors[0::2], tensors[1::2]), start=1):
        print(f"\\ndL/dW{{l}} {{tuple(W.shape)}}:\\n{{W.grad}}")
        print(f"dL/db{{l}} {{tuple(b.shape)}}:\\n{{b.grad}}")
        worst = max(worst, max_difference(result["dW"][l - 1], BPSTUDIO["dW"][l - 1]),
                    max_difference(result["db"][l - 1], BPSTUDIO["db"][l - 1]))
    print(f"\\nlargest relative difference from BP Studio's numbers: {{worst:.3g}}")


if __name__ == "__main__":
    main()
'''
