"""Export the project as a PyTorch training program: an ``nn.Module`` with BP Studio's layers and weights, its
batches in its order, ``torch.optim.SGD`` with its momentum and L2, in float64, training N epochs.

Like the NumPy script (``numpy_export``, whose data writers, ``unpack`` and ``epoch_order`` it uses) it trains on
from where the stepper is — its weights, its momentum, the next batch it would take — and prints the batch loss of
every iteration and the training-set loss after every epoch, then the final weights. Those agree with BP Studio's
to ~1e-12 (PyTorch sums its matrix products in another order; ``tests/engine/test_torch_training.py`` checks 1e-10).
The program needs PyTorch and NumPy (NumPy for the data and for each epoch's order, drawn as BP Studio draws it).

This module only writes text: it imports neither torch nor Qt.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.errors import ValidationError
from bpstudio.engine.i18n import translate
from bpstudio.engine.optimizers import Buffers
from bpstudio.engine.stepper import Stepper

from . import numpy_export
from .clean import one_line
from .numpy_export_code import EPOCH_ORDER, UNPACK
from .torch_training_code import ACTIVATIONS, HEADER_NOTES, LOSSES, OPTIMIZERS, PROGRAM


def _forward(acts: list[str], fused: bool) -> str:
    lines, prev = [], "x"
    for l, act in enumerate(acts, start=1):
        lines.append(f"        z{l} = layer{l}({prev})")
        if l < len(acts) or not fused:
            lines.append(f"        a{l} = {ACTIVATIONS[act].format(z=f'z{l}')}")
        prev = f"a{l}"
    L = len(acts)
    if fused:
        lines.append(f"        return z{L}  # the logits: the loss applies {acts[-1]} itself, stably, as BP Studio")
    else:
        lines.append(f"        return a{L}")
    return "\n".join(lines)


def torch_training_script(stepper: Stepper, project_name: str = "", epochs: int | None = None) -> str:
    """The text of a standalone program (PyTorch, NumPy and the standard library) that trains ``epochs`` epochs
    (the project's by default; the current epoch, begun or not, counts as the first) from the stepper's weights,
    optimizer state and place in the epoch, and prints the loss curve and the final weights (``--json``: those as
    JSON). The optimizer is the project's, written with ``torch.optim`` as ``OPTIMIZERS`` says."""
    spec, plan, t = stepper.spec, stepper.plan, stepper.training
    if plan.loss.fused_with is not None and not plan.fused:  # the spec's validation refuses this
        raise ValueError(f"{plan.loss.name} needs a {plan.loss.fused_with} output layer")
    state, epoch, batch = numpy_export.start_of(stepper)
    params = [(np.asarray(W), np.asarray(b)) for W, b in state.params]
    moments = Buffers(t.optimizer, params, state.moments)  # zeros when it has none yet
    acts = [f.name for f in plan.activations]
    x, y = stepper.x, stepper.y
    as_rows = bool(x.flags.f_contiguous and not x.flags.c_contiguous)
    loss_code, loss_note = LOSSES[plan.loss.name]
    rule = OPTIMIZERS[t.optimizer]
    title = one_line(project_name)
    header = f"# {title}: BP Studio's training in PyTorch\n" if title else "# BP Studio's training in PyTorch\n"
    sizes = "-".join(str(n) for n in spec.sizes)
    plain = ("plain gradient descent" if t.plain else f"momentum {t.momentum!r}, L2 {t.l2!r} on weights only"
             if t.optimizer == "sgd" else f"{rule.name}, L2 {t.l2!r} on weights only")
    shuffle = ("full batch, never shuffled" if stepper.batch_size >= stepper.samples else
               f"shuffled every epoch from seed {t.seed}" if t.shuffle else "in the order given")
    L = spec.depth
    text = f'''#!/usr/bin/env python3
{header}#
# Network {sizes}, activations {", ".join(acts)}; loss {plan.loss.name}, the mean over a batch's samples.
# {stepper.samples} training samples in batches of {stepper.batch_size} ({shuffle}); learning rate \
{t.learning_rate!r}, {plain}.
# Starts after {stepper.completed_iterations} complete iteration(s) of BP Studio, from the weights and momentum then.
# Prints the batch loss of every iteration, the training-set loss after every epoch (the loss plot's curve) and
# the final weights: BP Studio's numbers to about 12 digits (PyTorch's matrix products add in another order than
# NumPy's, so the last digits may differ; every number below is written exactly).
#
#     python THIS_FILE.py [--epochs N] [--epochs-only] [--json]
#
{HEADER_NOTES.format(loss_note=loss_note, optimizer_notes=rule.notes)}#
# Needs PyTorch and NumPy (NumPy draws each epoch's order exactly as BP Studio does).
import base64
import json
import sys
import zlib

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Sampler, TensorDataset

torch.set_default_dtype(torch.float64)
nan, inf = float("nan"), float("inf")


{UNPACK}

{numpy_export.settings_code(stepper, project_name, epochs, epoch, batch)}
# the training data: x (n^0, N) and y (n^L, N), one column per sample as BP Studio holds them
X = {numpy_export.array_code(x, as_rows)}
Y = {numpy_export.array_code(y, as_rows)}
SAMPLES = X.shape[1]
PER_EPOCH = -(-SAMPLES // BATCH_SIZE)
X_ROWS, Y_ROWS = torch.from_numpy(np.ascontiguousarray(X.T)), torch.from_numpy(np.ascontiguousarray(Y.T))

# the weights W^l (n^l, n^(l-1)) and biases b^l (n^l, 1) now
W_START = {numpy_export.arrays_code([W for W, _ in params], "W")}
B_START = {numpy_export.arrays_code([b for _, b in params], "b")}
# BP Studio's optimizer state (zeros before the first update): v, momentum's velocity or Adam's first moment;
# s, the running mean of squared gradients (RMSProp, Adam); t, Adam's updates so far
T_START = {moments.t}
VW_START = {numpy_export.arrays_code([v for v, _ in moments.v], "vW")}
VB_START = {numpy_export.arrays_code([u for _, u in moments.v], "vb")}
SW_START = {numpy_export.arrays_code([v for v, _ in moments.s], "sW")}
SB_START = {numpy_export.arrays_code([u for _, u in moments.s], "sb")}


{EPOCH_ORDER}'''
    text += PROGRAM.format(
        returns=(f"Returns z^{L}, the logits (the loss applies {acts[-1]})." if plan.fused else f"Returns a^{L}."),
        unpack_layers=", ".join(f"layer{l}" for l in range(1, L + 1)) + ("," if L == 1 else ""),
        forward=_forward(acts, plan.fused), loss=loss_code, make_optimizer=rule.make, load_when=rule.when,
        state=rule.state)
    if len(text) > numpy_export.MAX_BYTES:
        too_large = translate("TorchExport",
                              "the PyTorch program would be {size} MB with this data, more than {limit} MB")
        raise ValidationError("data", too_large.format(size=len(text) // 1_000_000,
                                                       limit=numpy_export.MAX_BYTES // 1_000_000))
    return text
