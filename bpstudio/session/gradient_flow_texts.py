"""The Gradient flow tab's numbers for the state shown, in plain words, one line per layer l < L:

    layer 2: ‖δ²‖/‖δ³‖ = 0.21 = 0.9 (weights) × 0.23 (f′ gate); 40 % saturated

On the batch, from the snapshot's own δ (the numbers the matrix panels show), while the backward pass has made
them with the weights shown — from backward L until the update. Otherwise (the forward pass, after the update,
after a run) the training log's last row: the training set, as the curves' last point. Qt-free: the app's
translator reaches these texts through ``engine.i18n``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from bpstudio.engine import gradient_flow as gf
from bpstudio.engine.i18n import translate
from bpstudio.engine.stages import UPDATE
from bpstudio.engine.text.convention import transposed
from bpstudio.engine.text.indices import superscript

from .view_state import ViewState


@dataclass(frozen=True)
class FlowNumbers:
    """What the table says: where the numbers come from, and one line per layer (layer 1 first)."""

    source: str
    lines: tuple[str, ...]  # the top layer's first, as BP2 goes
    layers: tuple[int, ...]  # the layer of each line
    flows: tuple[gf.LayerFlow | None, ...]  # the numbers behind the lines, layer 1 first (None: not computed yet)


def upstream_symbol(layer: int | None, convention: str) -> str:
    """(Wˡ⁺¹)ᵀδˡ⁺¹ in the column convention, δˡ⁺¹(Wˡ⁺¹)ᵀ in the row convention: what BP2 multiplies by f′(zˡ)
    (for layer l, or with the letter l when ``layer`` is None)."""
    up = "ˡ⁺¹" if layer is None else superscript(layer + 1)
    return f"δ{up}(W{up})ᵀ" if transposed(convention) else f"(W{up})ᵀδ{up}"


def number(value: float) -> str:
    return "—" if not np.isfinite(value) else f"{value:.3g}"


def percent(value: float) -> str:
    return f"{100 * value:.0f} %"


def flow_line(flow: gf.LayerFlow) -> str:
    """"layer 2: ‖δ²‖/‖δ³‖ = 0.21 = 0.9 (weights) × 0.23 (f′ gate); 40 % saturated"."""
    l, up = superscript(flow.layer), superscript(flow.layer + 1)
    text = translate("GradientFlow", "layer {layer}: ‖δ{l}‖/‖δ{up}‖ = {ratio} = {weights} (weights) × {gate} "
                     "(f′ gate)").format(layer=flow.layer, l=l, up=up, ratio=number(flow.ratio),
                                         weights=number(flow.weights), gate=number(flow.gate))
    if np.isfinite(flow.saturated):
        text += translate("GradientFlow", "; {share} saturated").format(share=percent(flow.saturated))
    if np.isfinite(flow.dead):
        text += translate("GradientFlow", "; {share} dead").format(share=percent(flow.dead))
    return text


def from_row(row: Mapping[str, float], layers: int) -> list[gf.LayerFlow]:
    """A training-log row's gradient-flow columns as one ``LayerFlow`` per layer l < L."""
    return [gf.LayerFlow(l, *(row.get(f"{kind}_{l}", float("nan")) for kind in gf.KINDS)) for l in range(1, layers)]


def batch_flows(state: ViewState) -> list[gf.LayerFlow | None] | None:
    """The batch's numbers from the snapshot's δ, where the backward pass has made them (None for a layer whose
    δ is still to come); None when no δ of this iteration is there, or the update has changed the weights."""
    snap, L = state.snapshot, state.depth
    if snap.get("delta", L) is None or (snap.stage is not None and snap.stage.kind == UPDATE):
        return None
    plan = state.plan
    out: list[gf.LayerFlow | None] = []
    for l in range(1, L):
        delta, above, z, a = snap.get("delta", l), snap.get("delta", l + 1), snap.get("z", l), snap.get("a", l)
        W = snap.get("W", l + 1)
        if delta is None or above is None or z is None or a is None or W is None:
            out.append(None)
        else:
            out.append(gf.layer_flow(l, W, above, delta, plan.activations[l - 1], z, a))
    return out


def flow_numbers(state: ViewState | None, last_row: Mapping[str, float] | None) -> FlowNumbers:
    """The table for ``state``; ``last_row``: the training log's last row (None before the first)."""
    if state is not None and state.depth < 2:
        return FlowNumbers(translate("GradientFlow", "A network of one layer passes δ through no other layer: "
                                     "there is nothing to measure."), (), (), ())
    batch = None if state is None else batch_flows(state)
    if state is not None and batch is not None:
        m, L = state.snapshot.batch_size, state.depth
        source = translate("GradientFlow", "Now, on this batch ({m} samples), from δ as the panels show them:"
                           ).format(m=m)
        lines = [flow_line(f) if f is not None else translate(
            "GradientFlow", "layer {layer}: δ{l} comes at backward {layer}").format(
            layer=l, l=superscript(l)) for l, f in enumerate(batch, start=1)]
        return FlowNumbers(source, tuple(reversed(lines)), tuple(range(L - 1, 0, -1)), tuple(batch))
    if state is None or last_row is None:
        return FlowNumbers(translate("GradientFlow", "Step through a backward pass (or train) to see the numbers."),
                           (), (), ())
    L = state.depth
    flows = from_row(last_row, L)
    source = translate("GradientFlow", "After iteration {i}, on the training set (the curves' last point):").format(
        i=int(last_row.get("iteration", 0)))
    return FlowNumbers(source, tuple(flow_line(f) for f in reversed(flows)), tuple(range(L - 1, 0, -1)), tuple(flows))
