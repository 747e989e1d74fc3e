"""Nudge: move the selected weight or bias by Δ and watch the nudge travel w → z → a → L (seed 004, 3Blue1Brown's
way), the true ΔL of a forward pass beside the chain rule's (∂L/∂w)·Δ, and a plot of ΔL against Δ with its tangent.

Everything is computed from the snapshot the view is given (``engine.nudge``), on copies: nudging changes neither
the project nor the training. Δ is typed, dragged on the slider or picked on the plot; a bad Δ is refused in place
and the previous one kept. The work is light (a first-layer weight of 784-128-64-10, batch 64: about 1–3 ms for the
numbers, 1–5 ms for the curve) and done only while the view is on screen, the curve in an event-loop slice of its
own after the numbers (a drag of Δ needs no new curve). Lessons drive it with ``nudge_parameter``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import buddy_label, fill, scrolled, wrapped_label
from bpstudio.app.widgets.styles import HINT_STYLE, text_style
from bpstudio.engine import nudge as nd
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState

from . import nudge_texts as texts
from .delta_input import DeltaInput
from .nudge_plot import NudgePlot

CURVE_COLUMNS = 2048  # samples × Δs of the curve computed in one slice of the event loop (a few ms at most)


class NudgeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nudgeView")
        self.state: ViewState | None = None
        self.target: nd.Target | None = None
        self.reach = 1.0  # the curve's ±range: the Δ input's
        self.sample = 0
        self.notation = conv.COLUMN
        self.precision = 4
        self.result: nd.Nudge | None = None
        self.curve: tuple[np.ndarray, np.ndarray] | None = None  # (Δs, true ΔL)
        self._base: nd.Base | None = None
        self._dirty = True  # a new state or target not yet computed (done once on screen)
        self._curve_timer = QTimer(self, singleShot=True, interval=0)
        self._parts: list[np.ndarray] = []  # the curve so far, when it takes more than one slice
        self._parts_of: tuple[nd.Base, float] | None = None  # the base and range they belong to
        self._curve_timer.timeout.connect(self._compute_curve)

        self.symbol_label = QLabel()
        self.symbol_label.setObjectName("nudgeSymbol")
        self.symbol_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.symbol_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.symbol_label.setFont(font)
        self.meaning_label = wrapped_label(style=HINT_STYLE)
        self.delta_input = DeltaInput()
        self.delta_input.deltaChanged.connect(self._delta_changed)
        self.delta_input.reachChanged.connect(self._reach_changed)
        self.delta_edit, self.slider = self.delta_input.edit, self.delta_input.slider
        self.reach_combo, self.message_label = self.delta_input.reach_combo, self.delta_input.message_label
        self.sample_spin = QSpinBox()
        self.sample_spin.setRange(1, 1)
        self.sample_spin.setObjectName("nudgeSample")
        self.sample_spin.setToolTip(self.tr("The sample whose z, a and loss the chain shows"))
        self.sample_spin.valueChanged.connect(self._sample_chosen)
        self.chain_label = wrapped_label(name="nudgeChain", selectable=True)
        self.true_label = wrapped_label(name="nudgeTrue", style=text_style("#0072B2", bold=True), selectable=True)
        self.predicted_label = wrapped_label(name="nudgePredicted", style=text_style("#D55E00", bold=True),
                                             selectable=True)
        self.difference_label = wrapped_label(name="nudgeDifference", selectable=True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("nudgeTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.plot = NudgePlot()
        self.plot.setToolTip(self.tr("The true ΔL (blue line) and the chain rule's (∂L/∂w)·Δ (orange dashes, the "
                                     "tangent at Δ = 0) against Δ; the dot is the Δ shown. Press or drag to pick Δ."))
        self.plot.deltaPicked.connect(self._picked)
        self.plot.set_labels("Δ", "ΔL")
        self.note_label = wrapped_label(style=HINT_STYLE, text=self.tr(
            "Nothing here changes the project or the training: every nudge is a forward pass on a copy."))

        samples = QHBoxLayout()
        fill(samples, buddy_label(self.tr("Sample"), self.sample_spin), self.sample_spin, None)
        inner = QWidget()
        fill(QVBoxLayout(inner), self.symbol_label, self.meaning_label, self.delta_input, samples,
             self.true_label, self.predicted_label, self.difference_label, (self.plot, 1), self.chain_label,
             self.table, self.note_label, margins=(6, 6, 6, 6))
        fill(QVBoxLayout(self), scrolled(inner, up_and_down=True), margins=(0, 0, 0, 0))

    # ----- what the view is given ------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        """The engine's latest state: the nudge is computed again from its parameters and batch."""
        self.state = state
        self._base = None
        if self.target is None or not self._fits(self.target):
            self.target = nd.Target(state.layer, "W", 0, 0)
        m = int(state.snapshot.arrays["input"].shape[1])
        with QSignalBlocker(self.sample_spin):
            self.sample_spin.setMaximum(m)
        self.sample = min(self.sample, m - 1)
        self._refresh()

    def set_target(self, layer: int, name: str, row: int, col: int) -> None:
        """Nudge Wˡ[row, col] (name "W") or bˡ[row] (name "b"), engine indices (layer 1-based, row, col 0-based)."""
        target = nd.Target(layer, name, row, col if name == "W" else 0)
        if self.state is not None and not self._fits(target):
            raise ValueError(f"the network has no {name}{layer}[{row}, {col}]")
        self.target, self._base = target, None
        self._refresh()

    def set_notation(self, notation: str) -> None:
        self.notation = conv.check(notation)
        self._show()

    def set_precision(self, digits: int) -> None:
        self.precision = int(digits)
        self._show()

    # ----- Δ ---------------------------------------------------------------------------------
    @property
    def delta(self) -> float:
        return self.delta_input.delta

    def set_delta(self, delta: float) -> bool:
        """Nudge by ``delta``; a bad one (NaN, infinite, beyond ±1000) is refused in place. True if taken."""
        return self.delta_input.set_delta(delta)

    def nudge_parameter(self, layer: int, name: str, row: int, col: int, delta: float) -> bool:
        """For lessons: select a parameter and nudge it by Δ, as a click and a typed Δ would."""
        self.set_target(layer, name, row, col)
        return self.set_delta(delta)

    def submit(self) -> bool:
        return self.delta_input.submit()

    def message(self) -> str:
        return self.delta_input.message()

    @Slot(float)
    def _delta_changed(self, _delta: float) -> None:
        self._refresh(curve=False)

    @Slot(float)
    def _reach_changed(self, reach: float) -> None:
        self.reach = reach
        self.curve = None
        self._refresh()

    @Slot(float)
    def _picked(self, delta: float) -> None:
        self.set_delta(float(f"{delta:.3g}"))

    @Slot(int)
    def _sample_chosen(self, value: int) -> None:
        self.sample = value - 1
        self._show()

    # ----- computing and showing ---------------------------------------------------------------
    def _fits(self, target: nd.Target) -> bool:
        if self.state is None or not 1 <= target.layer <= self.state.depth:
            return False
        array = self.state.snapshot.get(target.name, target.layer)
        return array is not None and target.row < array.shape[0] and target.col < array.shape[1]

    def _refresh(self, curve: bool = True) -> None:
        if curve:
            self.curve = None
        if not self.isVisible():
            self._dirty = True
            return
        self.compute()
        self._show()

    def compute(self, curve: bool = False) -> None:
        """The nudge for the state, target and Δ: done now, visible or not; the curve now too with ``curve``,
        else in the next slice of the event loop."""
        self._dirty = False
        if self.state is None or self.target is None:
            return
        with np.errstate(all="ignore"):  # a diverged network's numbers are shown as they are (nan, inf)
            if self._base is None:
                self._base, self.curve = nd.from_snapshot(self.state.snapshot, self.target), None
            self.result = nd.nudge(self._base, self.delta)
        if self.curve is None:
            if curve:
                self._compute_curve(whole=True)
            else:
                self._curve_timer.start()

    @Slot()
    def _compute_curve(self, whole: bool = False) -> None:
        """The next part of the curve (a few Δs: at most CURVE_COLUMNS columns of forward pass), then the next in
        the next slice of the event loop; ``whole``: every part now. Shown when complete."""
        self._curve_timer.stop()
        b = self._base
        if b is None or self.result is None or self.curve is not None:
            return
        if self._parts_of != (b, self.reach):  # a new base or range: start again
            self._parts_of, self._parts = (b, self.reach), []
        deltas = nd.curve_deltas(self.reach)
        step = max(1, CURVE_COLUMNS // b.x.shape[1])
        while (done := sum(part.size for part in self._parts)) < deltas.size:
            with np.errstate(all="ignore"):
                self._parts.append(nd.curve(b, deltas[done:done + step]))
            if not whole and done + step < deltas.size:
                self._curve_timer.start()
                return
        self.curve = deltas, np.concatenate(self._parts)
        self._parts_of, self._parts = None, []
        self.plot.show_curve(*self.curve, b.gradient)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.compute()
            self._show()

    def _show(self) -> None:
        n, t = self.result, self.target
        if n is None or t is None or n.target != t or self._dirty:
            return
        notation, digits, s = self.notation, self.precision, min(self.sample, n.base.x.shape[1] - 1)
        self.symbol_label.setText(self.tr("Nudge {name} = {value}").format(
            name=texts.parameter_name(t, notation), value=format_number(n.base.value, digits)))
        self.meaning_label.setText(texts.parameter_meaning(t, notation))
        self.chain_label.setText(texts.chain_line(n, s, notation, digits))
        true, predicted, difference = texts.comparison(n, notation, digits)
        self.true_label.setText(true)
        self.predicted_label.setText(predicted)
        self.difference_label.setText(difference)
        self._fill_table(texts.chain_rows(n, s, notation, digits), s)
        if self.curve is not None:
            self.plot.show_curve(*self.curve, n.base.gradient)
        self.plot.mark(n.delta, n.dloss)

    def _fill_table(self, rows: list[texts.Row], sample: int) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("along the chain"), self.tr("Δ, sample {s}").format(
            s=sample + 1), self.tr("Δ, batch mean")])
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.name, row.change, row.batch)):
                item = self.table.item(r, c)
                if item is None:  # items are kept and refilled: a new item measures the columns again
                    item = QTableWidgetItem()
                    if c:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(r, c, item)
                item.setText(text)
                item.setToolTip(row.tip)
        self.table.resizeColumnsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setFixedHeight(height)


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import example_state, show_alone

    def _view() -> NudgeView:
        view = NudgeView()
        view.set_state(example_state("seed004_chain_1-1-1", stages=0))
        view.set_target(2, "W", 0, 0)
        return view

    show_alone(_view, 420, 760)
