"""Export the network, its data, its weights and its training settings as a standalone NumPy training script.

The script trains from where the stepper is (its weights and optimizer state now, the next batch it would take) with
the same batches in the same order and prints the batch loss of every iteration and the training-set loss after
every epoch — the numbers BP Studio computes, bit for bit: every float is written exactly, and the maths is the
engine's own expressions (``numpy_export_code``). Small arrays are written as numbers to read; an array of more
than ``LITERAL_LIMIT`` numbers as its exact bytes, zlib-compressed and base64-encoded (the file stays a few
times smaller than its data); a script over ``MAX_BYTES`` is refused.

This module only writes text: it imports no Qt, and the script imports only NumPy and the standard library.
"""

from __future__ import annotations

import base64
import math
import re
import zlib

import numpy as np

from bpstudio.engine.errors import ValidationError
from bpstudio.engine.i18n import translate
from bpstudio.engine.optimizers import Buffers
from bpstudio.engine.step_history import State
from bpstudio.engine.stepper import Stepper

from .clean import one_line
from .numpy_export_code import LOOP, UNPACK, UPDATES, functions

Array = np.ndarray
LITERAL_LIMIT = 20_000  # numbers in one array written as text; more are written as exact bytes
MAX_BYTES = 200_000_000  # a bigger script is refused (the data would not fit a text file anyone opens)



def _number(v: float) -> str:
    """A literal that reads back to exactly this float (repr: the shortest form that round-trips)."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(v)


def array_code(a: Array, rows: bool = False) -> str:
    """Code for a 2-D float64 array: nested lists, one row per line, or ``unpack(...)`` of its exact bytes.
    ``rows``: the array is written transposed (a sample per line) and transposed back, as BP Studio holds it."""
    a = np.asarray(a, dtype=np.float64)
    shown = a.T if rows else a
    if a.size > LITERAL_LIMIT:
        data = base64.b64encode(zlib.compress(np.ascontiguousarray(shown, dtype="<f8").tobytes(), 6)).decode()
        lines = "\n".join(f'    "{data[i:i + 96]}"' for i in range(0, len(data), 96))
        code = f"unpack(\n{lines},\n    {shown.shape!r})"
    else:
        body = "\n".join("    [" + ", ".join(_number(v) for v in row) + "]," for row in shown)
        code = f"np.array([\n{body}\n])" if len(shown) else f"np.zeros({shown.shape!r})"
    if rows:  # x, y as samples × values, used as their transposes (a view: the layout BP Studio computes on)
        return code + ".T"
    return code


def arrays_code(arrays: list[Array], label: str) -> str:
    parts = [f"    # {label}{l}: {a.shape[0]} x {a.shape[1]}\n    " + array_code(a).replace("\n", "\n    ") + ","
             for l, a in enumerate(arrays, start=1)]
    return "[\n" + "\n".join(parts) + "\n]"


def start_of(stepper: Stepper) -> tuple[State, int, int]:
    """The state to start from and the (epoch, batch) of the next iteration it trains."""
    state = stepper.checkpoint()
    assert isinstance(state, State)
    epoch, batch = state.epoch, state.batch
    if stepper.complete:  # the update is done: the next iteration takes the next batch
        batch += 1
        if batch == stepper.batches_per_epoch:
            epoch, batch = epoch + 1, 0
    return state, epoch, batch


def settings_code(stepper: Stepper, project_name: str, epochs: int | None, epoch: int, batch: int) -> str:
    """The constants of an exported program: the network, the hyper-parameters and where BP Studio is (the NumPy
    script and the PyTorch program write them alike)."""
    spec, plan, t = stepper.spec, stepper.plan, stepper.training
    acts = [f.name for f in plan.activations]
    return f'''PROJECT = {project_name!r}
SIZES = {list(spec.sizes)!r}
ACTIVATIONS = {acts!r}
LOSS = {plan.loss.name!r}

# hyper-parameters
LEARNING_RATE = {t.learning_rate!r}
BATCH_SIZE = {stepper.batch_size}  # samples per batch (the last of an epoch may have fewer)
EPOCHS = {t.epochs if epochs is None else epochs}
SHUFFLE = {t.shuffle!r}
SEED = {t.seed}
MOMENTUM = {t.momentum!r}
L2 = {t.l2!r}
PLAIN = {t.plain!r}  # no momentum and no L2: W <- W - lr dW
OPTIMIZER = {t.optimizer!r}
BETA1, BETA2 = {t.beta1!r}, {t.beta2!r}  # Adam's
ALPHA = {t.alpha!r}  # RMSProp's
EPS = {t.eps!r}  # RMSProp's and Adam's

# where BP Studio is: the next iteration's number, epoch and batch (counted from 0)
START_ITERATION = {stepper.completed_iterations + 1}
START_EPOCH = {epoch}
START_BATCH = {batch}
'''


def numpy_script(stepper: Stepper, project_name: str = "", epochs: int | None = None) -> str:
    """The text of a standalone script (NumPy and the standard library only) that trains ``epochs`` epochs (the
    project's by default; the current epoch, begun or not, counts as the first) from the stepper's weights,
    momentum and place in the epoch, and prints the batch loss of each iteration and the training-set loss
    after each epoch, exactly as BP Studio computes them (``--json``: only those, as JSON)."""
    spec, plan, t = stepper.spec, stepper.plan, stepper.training
    if plan.loss.fused_with is not None and not plan.fused:  # the spec's validation refuses this
        raise ValueError(f"{plan.loss.name} needs a {plan.loss.fused_with} output layer")
    state, epoch, batch = start_of(stepper)
    params = [(np.asarray(W), np.asarray(b)) for W, b in state.params]
    moments = Buffers(t.optimizer, params, state.moments)  # zeros when it has none yet
    acts = [f.name for f in plan.activations]
    x, y = stepper.x, stepper.y
    # the same memory layout as the engine's data (a sample per row, seen transposed) so the products sum alike
    as_rows = bool(x.flags.f_contiguous and not x.flags.c_contiguous)
    layout = " (written one sample per line)" if as_rows else ""
    title = one_line(project_name)
    header = f"# {title}: BP Studio's training in NumPy\n" if title else "# BP Studio's training in NumPy\n"
    sizes = "-".join(str(n) for n in spec.sizes)
    plain = "plain gradient descent" if t.plain else f"momentum {t.momentum!r}, L2 {t.l2!r} on weights only"
    if t.optimizer == "rmsprop":
        plain = f"RMSProp alpha {t.alpha!r}, eps {t.eps!r}, L2 {t.l2!r} on weights only"
    elif t.optimizer == "adam":
        plain = f"Adam beta1 {t.beta1!r}, beta2 {t.beta2!r}, eps {t.eps!r}, L2 {t.l2!r} on weights only"
    v_start = (f'VW_START = {arrays_code([v for v, _ in moments.v], "vW")}\n'
               f'VB_START = {arrays_code([u for _, u in moments.v], "vb")}\n')
    s_start = (f'SW_START = {arrays_code([v for v, _ in moments.s], "sW")}\n'
               f'SB_START = {arrays_code([u for _, u in moments.s], "sb")}\n')
    if t.optimizer == "sgd":
        s_start = "SW_START, SB_START = VW_START, VB_START  # (SGD keeps no s)\n"
    elif t.optimizer == "rmsprop":
        v_start = "VW_START, VB_START = [], []  # (RMSProp keeps no v)\n"
    shuffle = ("full batch, never shuffled" if stepper.batch_size >= stepper.samples else
               f"shuffled every epoch from seed {t.seed}" if t.shuffle else "in the order given")
    text = f'''#!/usr/bin/env python3
{header}#
# Network {sizes}, activations {", ".join(acts)}; loss {plan.loss.name}, the mean over a batch's samples.
# {stepper.samples} training samples in batches of {stepper.batch_size} ({shuffle}); learning rate \
{t.learning_rate!r}, {plain}.
# Starts after {stepper.completed_iterations} complete iteration(s) of BP Studio, from the weights and optimizer \
state then.
# Column convention as in BP Studio: W^l is (n^l, n^(l-1)), b^l is (n^l, 1), samples are columns.
# Prints the batch loss of every iteration and the training-set loss after every epoch (the loss plot's curve),
# the same numbers as BP Studio to the last bit (same NumPy build; every number below is written exactly).
#
#     python THIS_FILE.py [--epochs N] [--epochs-only] [--json]
#
# Needs only NumPy.
import base64
import json
import sys
import zlib

import numpy as np

np.seterr(over="ignore", invalid="ignore", divide="ignore")  # a diverging run gives inf and NaN, as in BP Studio
nan, inf = float("nan"), float("inf")


{UNPACK}

{settings_code(stepper, project_name, epochs, epoch, batch)}
# the training data: x (n^0, N) and y (n^L, N), one column per sample{layout}
X = {array_code(x, as_rows)}
Y = {array_code(y, as_rows)}
SAMPLES = X.shape[1]

W_START = {arrays_code([W for W, _ in params], "W")}
B_START = {arrays_code([b for _, b in params], "b")}
# the optimizer's state (zeros before the first update): v, momentum's velocity or Adam's first moment,
# s, the running mean of squared gradients (RMSProp, Adam), and t, Adam's updates so far
T_START = {moments.t}
{v_start}{s_start}'''
    text += functions(acts, plan.loss.name, plan.fused)
    text += LOOP.format(update=UPDATES[t.optimizer], f_names=", ".join(f"f_{a}" for a in acts),
                        df_names=", ".join("None" if a == "softmax" else f"df_{a}" for a in acts))
    if len(text) > MAX_BYTES:
        too_large = translate("NumpyExport",
                              "the NumPy script would be {size} MB with this data, more than {limit} MB")
        raise ValidationError("data", too_large.format(size=len(text) // 1_000_000, limit=MAX_BYTES // 1_000_000))
    return text


def in_deeplearning_names(text: str) -> str:
    """The script as seed 002 and Ng's course write it: W^[l], dZ, dA, dW, db (the arrays are the same)."""
    text = text.replace("# Column convention as in BP Studio: W^l is (n^l, n^(l-1)), b^l is (n^l, 1), samples are "
                        "columns.", "# deeplearning.ai notation (seed 002), column-oriented as BP Studio: W^[l] is "
                        "(n^[l], n^[l-1]), b^[l] is (n^[l], 1),\n# X = A^[0] is (n^[0], m): samples are columns. "
                        "dZ^[l] = dL/dZ^[l], dA = dL/dA^[L], dW^[l], db^[l].")
    text = re.sub(r"\bdelta\b", "dZ", re.sub(r"\bgrad_a\b", "dA", text))
    return re.sub(r"\b([WwbzaZA]|dZ|dW|db|dA)\^(l|L|\d+|\(l-1\))",
                  lambda m: f"{m.group(1)}^[{m.group(2).strip('()')}]", text)
