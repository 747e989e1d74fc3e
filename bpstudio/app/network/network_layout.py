"""Where the network canvas puts things, in pixels, for a given size: pure arithmetic, no Qt.

Columns (inputs, layer 1 … L) are spread evenly left to right, leaving room on the right for
the loss box; units are spaced evenly in the height left between the stage header and the
column labels, all columns with the same spacing so equal layers look equal; the unit radius
follows the spacing. Collapsed layers are one tall block.
"""

from __future__ import annotations

from dataclasses import dataclass

BOTTOM, SIDE, LOSS_W = 44.0, 22.0, 86.0
HEADER, BUTTON_ROW = 22.0, 23.0  # over the units: the stage line, then one or two rows of buttons (times the font
ONE_ROW_GAP = 130.0  # scale); columns this far apart have their buttons in one row (unless told otherwise)
LEFT = 36.0  # from the side to the inputs' column
MAX_SPACING = 84.0  # between unit centres
MAX_RADIUS = 23.0
BLOCK_WIDTH = 46.0


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    xs: tuple[float, ...]  # column centres
    gap: float  # between column centres
    ys: tuple[tuple[float, ...], ...]  # unit centres per column; () for a collapsed one
    r: float  # unit radius
    spacing: float
    cy: float  # the vertical middle of the units' area
    avail: float  # the height of the units' area
    extents: tuple[tuple[float, float, float], ...]  # per column: half-width, top, bottom
    blocks: dict[int, tuple[float, float]]  # collapsed column → block width, height
    top: float = 8 + HEADER + 2 * BUTTON_ROW  # where the units' area starts
    button_rows: int = 2

    @property
    def bias_size(self) -> float:
        return max(4.0, min(self.r * 0.5, 9.0))

    @property
    def room_below(self) -> float:
        """Free height under a unit, above the bias of the next one (for its δ label)."""
        return self.spacing - 2 * self.r - self.bias_size * 0.6

    @property
    def value_px(self) -> float:
        """Pixel size of the value inside a unit, at least 11 px (hidden where it does not fit)."""
        return min(max(self.r * 0.6, 11.0), 13.0)

    def column_rect(self, c: int) -> tuple[float, float, float, float]:
        """x, y, w, h of the background of column c (kept inside the scene)."""
        x = self.xs[c]
        loss_left = self.loss_box()[0]
        half = min(self.gap * 0.36, x - 2, loss_left - 6 - x)  # the output column stops short of the loss box
        return x - half, self.top - 4, 2 * half, self.avail + 8

    def loss_box(self) -> tuple[float, float, float, float]:
        return self.width - SIDE - LOSS_W + 6, self.cy - 24, LOSS_W - 6, 48.0


def buttons_top(font_scale: float = 1.0) -> float:
    """Where the rows of buttons start, under the stage line."""
    return 8 + HEADER * font_scale


def compute(sizes: tuple[int, ...], collapsed: set[int], width: float, height: float,
            font_scale: float = 1.0, one_row_gap: float = ONE_ROW_GAP) -> Geometry:
    """``one_row_gap``: how far apart columns must be for their buttons to fit in one row (pixels)."""
    cols = len(sizes)
    left, right = SIDE + LEFT, width - SIDE - LOSS_W - 24
    gap = (right - left) / max(cols - 1, 1)
    xs = tuple(left + c * gap for c in range(cols)) if cols > 1 else ((left + right) / 2,)
    rows = 1 if gap >= one_row_gap else 2
    top = buttons_top(font_scale) + rows * BUTTON_ROW * font_scale
    avail = height - top - BOTTOM
    cy = top + avail / 2
    shown = [n for c, n in enumerate(sizes) if c not in collapsed] or [1]
    spacing = min(avail / max(shown), MAX_SPACING)
    r = max(4.0, min(spacing * 0.42, gap * 0.2, MAX_RADIUS))
    ys: list[tuple[float, ...]] = []
    extents: list[tuple[float, float, float]] = []
    blocks: dict[int, tuple[float, float]] = {}
    for c, n in enumerate(sizes):
        if c in collapsed:
            bw, bh = max(2 * r, BLOCK_WIDTH), avail * 0.78
            blocks[c] = (bw, bh)
            ys.append(())
            extents.append((bw / 2, cy - bh / 2, cy + bh / 2))
            continue
        column = tuple(cy + (j - (n - 1) / 2) * spacing for j in range(n))
        ys.append(column)
        extents.append((r, column[0] - r, column[-1] + r))
    return Geometry(width, height, xs, gap, tuple(ys), r, spacing, cy, avail, tuple(extents), blocks, top, rows)
