"""What the Nudge view writes: the names along the chain (w → z → a → L) in the column or the row notation, the
rows of its table, and the comparison of ΔL with the chain rule's (∂L/∂w)·Δ, at the app's one precision."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.engine.nudge import Nudge, Target
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.notation import format_number

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

SHOWN_UNITS = 3  # of a wider layer, the units whose z moved most for the sample; the rest are counted


def parameter_name(target: Target, notation: str) -> str:
    """w²₁₂ / b²₁ (column) or W²[2, 1] / b²[1, 1] (row), as the panels and the canvas write them."""
    return conv.entry_name(target.name, target.layer, target.row, target.col, notation)


def unit_name(quantity: str, layer: int, unit: int, sample: int, notation: str) -> str:
    """z²₁ (column: the sample is said apart) or Z²[s, 1] (row: the sample is the row)."""
    return conv.entry_name(quantity, layer, unit, sample, notation)


def parameter_meaning(target: Target, notation: str) -> str:
    if target.name == "W":
        return conv.weight_meaning(target.layer, target.row, target.col, notation)
    return translate("Nudge", "the bias of unit {j} of layer {l}").format(j=target.row + 1, l=target.layer)


@dataclass(frozen=True)
class Row:
    """One node of the chain: its name, Δ for the sample shown, the mean Δ over the batch, and a tooltip with the
    values before and after the nudge."""

    name: str
    change: str
    batch: str
    tip: str


def chain_rows(n: Nudge, sample: int, notation: str, precision: int) -> list[Row]:
    """The nudge's path: the parameter, then z and a of each layer from the nudged one up, then the loss."""
    def num(x: float) -> str:
        return format_number(x, precision)

    b, t = n.base, n.target
    before = b.value
    rows = [Row(parameter_name(t, notation), num(n.delta), num(n.delta), translate(
        "Nudge", "{name}: {before} → {after}").format(name=parameter_name(t, notation), before=num(before),
                                                      after=num(before + n.delta)))]
    for i, l in enumerate(n.layers):
        dz = n.dz[i]
        units = [t.row] if i == 0 else _largest(dz[:, sample])
        for quantity, changes, values in (("z", dz, b.zs[l - 1]), ("a", n.da[i], b.activations[l])):
            for j in units:
                name = unit_name(quantity, l, j, sample, notation)
                tip = translate("Nudge", "{name} for sample {s}: {before} → {after}").format(
                    name=name, s=sample + 1, before=num(values[j, sample]),
                    after=num(values[j, sample] + changes[j, sample]))
                rows.append(Row(name, num(changes[j, sample]), num(float(np.mean(changes[j]))), tip))
        rest = dz.shape[0] - len(units)
        if rest > 0 and i == 0:
            rows.append(Row(translate("Nudge", "the other {n} units of layer {l}").format(n=rest, l=l), "0", "0",
                            translate("Nudge", "Only the z of unit {j} has {name} in its sum: the other units of "
                                               "layer {l} do not move.").format(
                                j=t.row + 1, name=parameter_name(t, notation), l=l)))
        elif rest > 0:
            rows.append(Row(translate("Nudge", "… {n} more units of layer {l}").format(n=rest, l=l),
                            translate("Nudge", "largest |Δ| shown"), "", translate(
                                "Nudge", "Every unit of layer {l} moves: the nudge reaches it through the units "
                                         "below. The {k} that moved most for this sample are shown.").format(
                                    l=l, k=len(units))))
    rows.append(Row(translate("Nudge", "L of sample {s}").format(s=sample + 1), num(n.dlosses[sample]),
                    "", translate("Nudge", "this sample's loss: {before} → {after}").format(
                        before=num(b.losses[sample]), after=num(b.losses[sample] + n.dlosses[sample]))))
    rows.append(Row(translate("Nudge", "L, batch mean"), "", num(n.dloss), translate(
        "Nudge", "the batch loss (mean over {m} samples): {before} → {after}").format(
            m=b.x.shape[1], before=num(b.loss), after=num(n.loss))))
    return rows


def _largest(changes: np.ndarray) -> list[int]:
    if changes.size <= SHOWN_UNITS + 1:
        return list(range(changes.size))
    return sorted(int(j) for j in np.argsort(-np.abs(changes), kind="stable")[:SHOWN_UNITS])


def chain_line(n: Nudge, sample: int, notation: str, precision: int) -> str:
    """Seed 004's path in one line: Δw → Δz → Δa → ΔL, the unit nudged directly, then the loss."""
    t, l = n.target, n.target.layer
    z, a = unit_name("z", l, t.row, sample, notation), unit_name("a", l, t.row, sample, notation)
    steps = [f"Δ{parameter_name(t, notation)} = {format_number(n.delta, precision)}",
             f"Δ{z} = {format_number(n.dz[0][t.row, sample], precision)}",
             f"Δ{a} = {format_number(n.da[0][t.row, sample], precision)}"]
    if len(n.dz) > 1:
        steps.append("…")
    steps.append(f"ΔL = {format_number(n.dloss, precision)}")
    return " → ".join(steps)


def comparison(n: Nudge, notation: str, precision: int) -> tuple[str, str, str]:
    """(true ΔL, the chain rule's prediction, their difference) as the view's three large lines."""
    def num(x: float) -> str:
        return format_number(x, precision)

    name = parameter_name(n.target, notation)
    true = translate("Nudge", "ΔL = {dl}   (a forward pass with {name} + Δ)").format(dl=num(n.dloss), name=name)
    predicted = translate("Nudge", "(∂L/∂{name})·Δ = {g} × {d} = {p}   (the chain rule)").format(
        name=name, g=num(n.base.gradient), d=num(n.delta), p=num(n.predicted))
    difference = translate("Nudge", "difference {e}: it shrinks faster than Δ (like Δ²)").format(
        e=num(n.dloss - n.predicted))
    return true, predicted, difference
