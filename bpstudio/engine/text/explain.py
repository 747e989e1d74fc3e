"""How one entry of a matrix was computed, written out with the engine's own numbers.

``explain(snap, plan, η, "z", layer, row, col)`` gives a few lines of plain text: the
equation for that entry (column convention of TEACHING.md, indices shown 1-based), the
terms with their values, and the result, which is the entry itself formatted by
``format_number`` — the formatter the matrix panels use, so tooltip and cell always agree.
Arguments are 0-based indices of the engine's array (row = unit j, col = sample s for z, a, δ;
col = unit k for W, ∂L/∂W). With ``convention="row"`` the text first names the entry where the row
convention shows it (W²[k, j], Z²[s, j]: the transposed position) and writes weights as W[k, j] and the
matrix equations in the row order; ``convention="deeplearning"`` writes the column text with Ng's names
(w^[2]₁₂, dZ^[2], g′, α). The numbers are the same.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.backprop import Plan
from bpstudio.engine.i18n import translate
from bpstudio.engine.snapshot import QUANTITIES, Snapshot
from bpstudio.engine.stages import stage_computing

from . import convention as conv
from .explain_backward import BackwardTerms
from .explain_forward import ForwardTerms
from .indices import idx
from .notation import format_number

__all__ = ["explain", "format_number", "idx", "stage_computing"]  # the last three for the views that show it


class _Explainer(ForwardTerms, BackwardTerms):
    """``_{quantity}(row, col)`` for every quantity: the forward ones and the backward ones."""


def explain(snap: Snapshot, plan: Plan, learning_rate: float, quantity: str, layer: int, row: int, col: int,
            precision: int = 4, convention: str = conv.COLUMN) -> str:
    """Plain text, several lines, saying how entry (row, col) of ``quantity`` of ``layer`` was computed.
    ``row``, ``col`` index the engine's (column-convention) array; ``convention`` is how it is displayed."""
    if quantity not in QUANTITIES:
        raise ValueError(f"unknown quantity {quantity!r}; choose one of {', '.join(QUANTITIES)}")
    if not 1 <= layer <= plan.spec.depth:
        raise ValueError(f"layer must be from 1 to {plan.spec.depth}, got {layer}")
    x = _Explainer(snap, plan, float(learning_rate), layer, precision, conv.check(convention))
    value = snap.get(quantity, layer)
    name = conv.entry_name(quantity, layer, row, col, x.convention)
    if value is None:
        return translate("Explain", "{name} is not computed yet in this iteration: it is computed at stage "
                         "{stage}.").format(name=name, stage=stage_computing(quantity, layer).label)
    if not (0 <= row < value.shape[0] and 0 <= col < value.shape[1]):
        raise IndexError(f"({row}, {col}) is outside {quantity} of layer {layer}, shape {value.shape}")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # a diverged run is still explained
        lines = getattr(x, f"_{quantity}")(row, col)
    if x.row:
        lines = [x.where(quantity, row, col, value.shape), *lines]
    return conv.written("\n".join(lines), x.convention)  # W^[l], dZ^[l] … in the deeplearning.ai notation
