"""One quantity of one layer (W, b, z, a, δ, ∂L/∂W or ∂L/∂b) as a Qt table model.

Cells show the engine's value formatted by ``format_number`` (the formatter of the hover
derivations, so a cell and its tooltip agree), coloured from a precomputed blue–white–red
table spanning ±max|x|; the tooltip is the entry's derivation, computed only when asked for.
A quantity the current iteration has not computed yet has no rows: the view says so.

In the row convention (``set_notation("row")``) the model holds the engine's array transposed: rows,
columns, headers, exports and the colour image are the displayed ones, and a displayed (row, col) is
explained as the engine's (col, row). ``engine_array`` is the engine's own array.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from bpstudio.app.widgets.app_settings import DEFAULT_PRECISION, clamp_precision
from bpstudio.app.widgets.diverging import colour_indices, diverging_lut, symmetric_limit
from bpstudio.engine.backprop import Plan
from bpstudio.engine.snapshot import QUANTITIES, Snapshot, key
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.explain import explain, format_number, stage_computing
from bpstudio.engine.text.indices import superscript
from bpstudio.session.view_state import ViewState

from .planted_marks import WRONG_BACKGROUND, WRONG_FONTS, WRONG_FOREGROUND, PlantedMarks

Index = QModelIndex | QPersistentModelIndex

_R = Qt.ItemDataRole
_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND = _R.DisplayRole, _R.ToolTipRole, _R.BackgroundRole, _R.ForegroundRole
_FONT, _ALIGNMENT, _USER = _R.FontRole, _R.TextAlignmentRole, _R.UserRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LUT = diverging_lut()
_BACKGROUNDS = [QBrush(QColor(int(r), int(g), int(b))) for r, g, b in _LUT]
# dark text on light cells, white on the saturated ends (relative luminance below about 0.45)
_LUMA = (0.2126 * _LUT[:, 0] + 0.7152 * _LUT[:, 1] + 0.0722 * _LUT[:, 2]) / 255.0
_FOREGROUNDS = [QBrush(QColor(255, 255, 255) if y < 0.45 else QColor(20, 20, 20)) for y in _LUMA]


def same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Both missing, or the same shape and numbers (NaN equal to NaN, so a diverged matrix is not redrawn)."""
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=True))


class MatrixModel(QAbstractTableModel):
    """``quantity`` (one of W, b, z, a, delta, dW, db) of one layer of the current snapshot."""

    def __init__(self, quantity: str, layer: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if quantity not in QUANTITIES:
            raise ValueError(f"unknown quantity {quantity!r}")
        self.quantity = quantity
        self.layer = layer
        self.precision = DEFAULT_PRECISION
        self._snap: Snapshot | None = None
        self._plan: Plan | None = None
        self._lr = 0.0
        self.array: np.ndarray | None = None  # as displayed (transposed in the row convention)
        self.engine_array: np.ndarray | None = None  # as the engine holds it (column convention)
        self.notation = conv.COLUMN
        self.changed = False  # the stage just taken computed this quantity (snapshot.changed has its key)
        self.limit = 1.0  # max|x|: the colour scale spans ±limit
        self._colours: np.ndarray | None = None  # built on first paint: image views never need it
        self._tip: tuple[int, int, int, str] | None = None  # (row, col, precision, text) of the last tooltip
        self._headers: dict[tuple[int, bool, bool], str] = {}  # (section, horizontal, tooltip) → label
        self.marks = PlantedMarks()  # the entries a planted mistake made wrong
        self._bold = QFont()
        self._bold.setBold(True)

    # ----- feeding ----------------------------------------------------------------------
    def set_state(self, state: ViewState, layer: int | None = None, plan: Plan | None = None) -> bool:
        return self.set_snapshot(state.snapshot, plan or state.plan, state.learning_rate,
                                 state.layer if layer is None else layer)

    def set_snapshot(self, snap: Snapshot, plan: Plan, learning_rate: float, layer: int) -> bool:
        """Show ``snap``'s numbers; False when this quantity reads exactly as before (same layer, same numbers,
        same mark), so nothing is reset or repainted: a stage computes one layer's quantities, and a
        run's state leaves many the same."""
        array, changed = snap.get(self.quantity, layer), key(self.quantity, layer) in snap.changed
        old = self._snap
        marked = self.marks.update(snap, key(self.quantity, layer), array, self.notation)
        unchanged = (old is not None and layer == self.layer and changed == self.changed  # (the shape of one not
                     and snap.batch_size == old.batch_size and snap.spec.sizes == old.spec.sizes  # computed yet too)
                     and same(array, self.engine_array) and not marked)
        if unchanged:
            self._snap, self._plan, self._lr, self._tip = snap, plan, float(learning_rate), None  # for derivations
            self.engine_array, self.array = array, conv.orient(array, self.notation)
            return False
        shown = conv.orient(array, self.notation)
        # new numbers in the same rows and columns: their cells change, the headers stay (a reset would have the
        # headers ask Python for every label and role again: ~18 000 calls a second at 30 states a second)
        before = self.array
        refill = before is not None and shown is not None and layer == self.layer and shown.shape == before.shape
        if not refill:
            self.beginResetModel()
        try:
            self._snap, self._plan, self._lr, self.layer = snap, plan, float(learning_rate), layer
            self.engine_array, self.array = array, shown
            self.changed = key(self.quantity, layer) in snap.changed
            self.limit = symmetric_limit(self.array)
            self._colours = None
            self._tip = None
        finally:
            if refill:
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            else:
                self._headers = {}
                self.endResetModel()
        return True

    def set_notation(self, notation: str) -> None:
        """"column" (the engine's arrays) or "row" (their transposes)."""
        notation = conv.check(notation)
        if notation == self.notation:
            return
        self.beginResetModel()
        try:
            self.notation = notation
            self.array = conv.orient(self.engine_array, notation)
            self.marks.orient(notation)
            self._colours = None
            self._tip = None
            self._headers = {}
        finally:
            self.endResetModel()

    @property
    def transposed(self) -> bool:
        return self.notation == conv.ROW

    def engine_index(self, row: int, col: int) -> tuple[int, int]:
        """The engine's (row, col) of displayed entry (row, col)."""
        return conv.engine_index(row, col, self.notation)

    def set_precision(self, precision: int) -> None:
        precision = clamp_precision(precision)
        if precision == self.precision:
            return
        self.precision = precision
        self._tip = None
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    # ----- what it holds ----------------------------------------------------------------
    @property
    def computed(self) -> bool:
        return self.array is not None

    def expected_shape(self) -> tuple[int, int] | None:
        """The displayed shape, known even before the quantity is computed."""
        if self._snap is None:
            return None
        sizes = self._snap.spec.sizes
        n, n_prev, m = sizes[self.layer], sizes[self.layer - 1], self._snap.batch_size
        shape = {"W": (n, n_prev), "dW": (n, n_prev), "b": (n, 1), "db": (n, 1)}.get(self.quantity, (n, m))
        return conv.display_shape(shape, self.notation)

    def not_computed_message(self) -> str:
        stage = stage_computing(self.quantity, self.layer)
        return self.tr("not computed yet — computed at stage {stage}").format(stage=stage.label)

    def value(self, row: int, col: int) -> float:
        assert self.array is not None
        return float(self.array[row, col])

    def text(self, row: int, col: int) -> str:
        return format_number(self.value(row, col), self.precision)

    def explain(self, row: int, col: int) -> str:
        """The derivation of displayed entry (row, col), 0-based, at the current precision (cached for the
        last one): in the row convention that of the engine's entry (col, row)."""
        if self._snap is None or self._plan is None:
            return ""
        tip = self._tip
        if tip is not None and tip[:3] == (row, col, self.precision):
            return tip[3]
        r, c = self.engine_index(row, col)
        text = explain(self._snap, self._plan, self._lr, self.quantity, self.layer, r, c, self.precision,
                       self.notation)
        self._tip = (row, col, self.precision, text)
        return text

    def colour_index(self, row: int, col: int) -> int:
        if self._colours is None:
            assert self.array is not None
            self._colours = colour_indices(self.array, self.limit)
        return int(self._colours[row, col])

    # ----- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if self.array is None or (parent is not None and parent.isValid()) else int(self.array.shape[0])

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if self.array is None or (parent is not None and parent.isValid()) else int(self.array.shape[1])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.array is None:
            return None
        r, c = index.row(), index.column()  # (the roles as constants: a table asks for seven per cell per repaint)
        wrong = self.marks.shown is not None and self.marks.at(r, c)
        if role == _DISPLAY:
            return self.text(r, c)
        if role == _BACKGROUND:
            return WRONG_BACKGROUND if wrong else _BACKGROUNDS[self.colour_index(r, c)]
        if role == _FOREGROUND:
            return WRONG_FOREGROUND if wrong else _FOREGROUNDS[self.colour_index(r, c)]
        if role == _TOOLTIP:
            return self.marks.tip(r, c, self.precision) + self.explain(r, c) if wrong else self.explain(r, c)
        if role == _FONT:
            return WRONG_FONTS[self.changed] if wrong else self._bold if self.changed else None
        if role == _ALIGNMENT:
            return _RIGHT
        if role == _USER:
            return self.value(r, c)
        return None

    def column_name(self, col: int) -> str:
        """A column in words, for read-outs: "sample 4", "from unit 2", "b²" (row convention: "unit 2")."""
        return self._axis_name(col, self.transposed)

    def row_name(self, row: int) -> str:
        """A row in words, for read-outs: "unit 3" (row convention: "sample 3", "from unit 3", "b²")."""
        return self._axis_name(row, not self.transposed)

    def _axis_name(self, i: int, units: bool) -> str:
        if units:
            return self.tr("unit {j}").format(j=i + 1)
        if self.quantity in ("W", "dW"):
            return self.tr("from unit {k}").format(k=i + 1)
        if self.quantity in ("b", "db"):
            return self._bias_symbol()
        return self.tr("sample {s}").format(s=i + 1)

    def _bias_symbol(self) -> str:
        return conv.written(("b" if self.quantity == "b" else "∂L/∂b") + superscript(self.layer), self.notation)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Units are the rows (the columns in the row convention); samples, or source units, the other axis.
        Kept until the next reset: a table asks for every label on every repaint."""
        if role != _DISPLAY and role != _TOOLTIP:
            return None
        asked = (section, orientation == Qt.Orientation.Horizontal, role == _TOOLTIP)
        label = self._headers.get(asked)
        if label is None:
            label = self._headers[asked] = self._header(section, orientation, role)
        return label

    def _header(self, section: int, orientation: Qt.Orientation, role: int) -> str:
        tip, n, l, rows = role == _TOOLTIP, section + 1, self.layer, self.transposed
        if (orientation == Qt.Orientation.Horizontal) == rows:  # the layer's units
            if not tip:
                return self.tr("unit {j}").format(j=n)
            return (self.tr("column {j}: unit {j} of layer {l}") if rows else
                    self.tr("unit {j} of layer {l}: row {j}")).format(j=n, l=l)
        if self.quantity in ("b", "db"):
            symbol = self._bias_symbol()
            return self.tr("{symbol}, one value per unit").format(symbol=symbol) if tip else symbol
        if self.quantity in ("W", "dW") and not tip:
            return self.tr("from unit {k}").format(k=n)
        if self.quantity in ("W", "dW") and l == 1:
            return (self.tr("row {k}: weights from input {k} (x{k})") if rows else
                    self.tr("column {k}: weights from input {k} (x{k})")).format(k=n)
        if self.quantity in ("W", "dW"):
            return (self.tr("row {k}: weights from unit {k} of layer {p}") if rows else
                    self.tr("column {k}: weights from unit {k} of layer {p}")).format(k=n, p=l - 1)
        if not tip:
            return self.tr("#{s}").format(s=n)  # compact: the tooltip and the title say "sample"
        return (self.tr("row {s}: sample {s} of the batch") if rows else
                self.tr("column {s}: sample {s} of the batch")).format(s=n)
