"""The graph of one number against PyTorch autograd (float64): for every sample of the batch, the sum of the
graph's path products (or of a layer's fold) equals ∂Lₛ/∂x from autograd on that sample's loss alone. Skipped
where torch is not installed (the other chain-graph tests need no torch)."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine.chain_graph import graph_from_snapshot
from bpstudio.engine.entry_ref import EntryRef
from bpstudio.engine.examples import resolve_project

torch = pytest.importorskip("torch")

EXAMPLES = ("seed003_2-2-1", "seed004_chain_1-1-1", "xor_tanh", "softmax_cross_entropy_small", "spiral_softmax",
            "sine_regression", "iris_softmax")


def _act(name: str, z):  # type: ignore[no-untyped-def]
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "relu":
        return torch.relu(z)
    if name == "leaky_relu":
        return torch.nn.functional.leaky_relu(z, 0.01)
    if name == "softmax":
        return torch.softmax(z, dim=0)
    return z


def _loss(name: str, z, a, y):  # type: ignore[no-untyped-def]
    if name == "squared_error":
        return 0.5 * ((y - a) ** 2).sum()
    if name == "squared_error_no_half":
        return ((a - y) ** 2).sum()
    if name == "cross_entropy":
        return -(y * torch.log_softmax(z, dim=0)).sum()
    return torch.nn.functional.binary_cross_entropy_with_logits(z, y, reduction="sum")


@pytest.mark.parametrize("name", EXAMPLES)
def test_per_sample_path_products_agree_with_autograd(name: str) -> None:
    project = resolve_project(name)
    stepper = project.stepper()
    snap = stepper.snapshot()
    for _ in range(2 * project.network.depth + 1):
        snap = stepper.step()
    spec = project.network
    acts = [spec.layers[i].activation for i in range(spec.depth)]
    x, y = snap.arrays["input"], snap.arrays["target"]
    for s in range(min(x.shape[1], 6)):
        Ws = [torch.tensor(np.array(snap.get("W", l)), dtype=torch.float64, requires_grad=True)
              for l in range(1, spec.depth + 1)]
        bs = [torch.tensor(np.array(snap.get("b", l)), dtype=torch.float64, requires_grad=True)
              for l in range(1, spec.depth + 1)]
        a = torch.tensor(x[:, s:s + 1], dtype=torch.float64)
        z = a
        for W, b, f in zip(Ws, bs, acts, strict=True):
            z = W @ a + b
            a = _act(f, z)
        _loss(spec.loss, z, a, torch.tensor(y[:, s:s + 1], dtype=torch.float64)).backward()
        for l in range(1, spec.depth + 1):
            gW, gb = Ws[l - 1].grad.numpy(), bs[l - 1].grad.numpy()
            for (j, k) in [(0, 0), (gW.shape[0] - 1, gW.shape[1] - 1)]:
                g = graph_from_snapshot(snap, EntryRef("W", l, j, k), sample=s)
                assert abs(g.total - gW[j, k]) <= 1e-12 * max(1.0, abs(gW[j, k]))
                assert abs(float(g.per_sample[s]) - gW[j, k]) <= 1e-12 * max(1.0, abs(gW[j, k]))
                if g.paths:
                    assert abs(g.path_sum() - gW[j, k]) <= 1e-12 * max(1.0, abs(gW[j, k]))
                g = graph_from_snapshot(snap, EntryRef("b", l, j, 0), sample=s)
                assert abs(g.total - gb[j, 0]) <= 1e-12 * max(1.0, abs(gb[j, 0]))
