"""How a step's numbers colour the canvas's items: a unit by its activation for sample 1 (δ under it once
computed), a weight by its sign and size, a band by its mean weight, a bias by its value, a column by the stage
that computes it. An item whose look would not change is left alone (a run refreshes hundreds of them)."""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

from bpstudio.app.look import presentation
from bpstudio.engine.stages import BACKWARD, FORWARD, UPDATE, Stage
from bpstudio.engine.text.notation import format_number

from . import network_texts as texts
from .network_items import WHITE, BandItem, BiasItem, BlockItem, EdgeItem, UnitItem, blend, diverging

FORWARD_BG = QColor(220, 240, 224)
BACKWARD_BG = QColor(253, 226, 198)
LOSS_BG = QColor(255, 240, 180)
UPDATE_BG = QColor(224, 234, 250)
FORWARD_INK = QColor(30, 110, 50)
BACKWARD_INK = QColor(170, 80, 0)


def two_decimals(v: float) -> str:
    """A unit's value inside its circle: two decimals (the tooltip has the full 4)."""
    text = f"{v:.2f}"
    return "0.00" if text == "-0.00" else text


def finite_scale(values: np.ndarray) -> float:
    """The largest finite |value| (0 if none): colours span ±scale, so one NaN does not blank a layer."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size else 0.0


def column_background(stage: Stage | None, c: int) -> QColor | None:
    """Green for the layer computed forward, orange backward, blue for every layer during the update."""
    kind = None if stage is None else stage.kind
    if stage is not None and stage.layer == c and kind == FORWARD:
        return FORWARD_BG
    if stage is not None and stage.layer == c and kind == BACKWARD:
        return BACKWARD_BG
    return UPDATE_BG if kind == UPDATE and c > 0 else None


def paint_block(block: BlockItem, c: int, n: int, a: np.ndarray | None, b: np.ndarray | None) -> None:
    block.setBrush(QBrush(WHITE if a is None else QColor(236, 236, 236)))
    block.setToolTip(texts.block_tip(c, n, a, b))


def paint_units(units: list[UnitItem], c: int, a: np.ndarray | None, z: np.ndarray | None,
                delta: np.ndarray | None, b: np.ndarray | None, value_font: QFont, delta_font: QFont) -> None:
    scale = 0.0 if a is None else finite_scale(a[:, 0])
    sizes = (scale, presentation.line_scale(), value_font.pixelSize())  # the same for the whole column
    for u in units:
        j = u.row
        # what the unit shows (sample 1): a stage changes one layer's numbers, so most units stay as they were
        look = (*sizes, *(None if v is None else float(v[j, 0]) for v in (a, z, delta, b)))
        if look == u.look:
            continue
        u.look = look
        if a is None:
            u.setBrush(QBrush(WHITE))
            u.setPen(QPen(QColor(170, 170, 170), 1.2, Qt.PenStyle.DashLine))
            u.set_value_text("", value_font)
        else:
            v = float(a[j, 0])
            u.setBrush(QBrush(blend(WHITE, diverging(v, scale, WHITE), 0.55)))
            ring = BACKWARD_INK if delta is not None else QColor(80, 80, 80)
            u.setPen(QPen(ring, (2.0 if delta is not None else 1.3) * sizes[1]))
            u.set_value_text(two_decimals(v), value_font)
        u.set_delta_text("" if delta is None else texts.in_notation(f"δ = {format_number(delta[j, 0])}"), delta_font,
                         BACKWARD_INK)
        u.tip = partial(texts.unit_tip, c, j, a, z, delta, b)


def paint_edges(edges: list[EdgeItem], W: np.ndarray) -> bool:
    """Each weight's colour and width by its value; whether any changed."""
    scale = finite_scale(W)
    flat = W.ravel()
    finite = np.isfinite(flat)
    t = np.where(finite, np.minimum(np.abs(flat) / scale, 1.0), 0.0) if scale > 0 else np.zeros_like(flat)
    # a style a person can tell apart: 1/64 of the colour scale, 1/8 px; an edge whose style stays the
    # same is left alone (hundreds of edges, refreshed while a run goes)
    keys = np.where(finite, np.round(t * np.sign(flat) * 64), 999).astype(int) * 100 + np.round(t * 28)
    changed = False
    for e, w, key, tt in zip(edges, flat.tolist(), keys.tolist(), t.tolist(), strict=True):
        e.weight = w  # the tooltip is written from it when hovered
        if e.style_key != key:
            e.style_key = key
            e.set_weight_style(diverging(w, scale), 0.6 + 3.6 * tt)
            changed = True
    return changed


def paint_band(band: BandItem, l: int, W: np.ndarray) -> None:
    colour = diverging(float(np.mean(W)), finite_scale(W))
    colour.setAlpha(110)
    band.setBrush(QBrush(colour))
    band.setToolTip(texts.band_tip(l, W))


def paint_biases(biases: list[BiasItem], l: int, b: np.ndarray) -> None:
    scale = finite_scale(b)
    for item in biases:
        v = float(b[item.row, 0])
        item.setBrush(QBrush(diverging(v, scale, WHITE)))
        item.setToolTip(texts.bias_tip(l, item.row, v))
