"""Nudge: move the selected weight or bias by Δ and watch the nudge travel w → z → a → L (seed 004, 3Blue1Brown's
way), the true ΔL of a forward pass beside the chain rule's (∂L/∂w)·Δ, and a plot of ΔL against Δ with its tangent.

Everything is computed from the snapshot the view is given (``engine.nudge``), on copies: nudging changes neither
the project nor the training. Δ is typed, dragged on the slider or picked on the plot; a bad Δ is refused in place
and the previous one kept. The work is light (a first-layer weight of 784-128-64-10, batch 64: about 1–3 ms for the
numbers, 1–5 ms for the curve) and done only while the view is on screen, the curve in an event-loop slice of its
own after the numbers (a drag of Δ needs no new curve). Lessons drive it with ``nudge_parameter``.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import buddy_label, fill, scrolled, shown_message, wrapped_label
from bpstudio.app.widgets.styles import ERROR_RED, HINT_STYLE, text_style
from bpstudio.engine import nudge as nd
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState

from . import nudge_texts as texts
from .nudge_plot import NudgePlot

REACHES = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0)  # the slider's and the curve's ±range
STEPS = 1000  # slider positions on each side of 0


class NudgeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nudgeView")
        self.state: ViewState | None = None
        self.target: nd.Target | None = None
        self.delta = 0.1
        self.reach = 1.0
        self.sample = 0
        self.notation = conv.COLUMN
        self.precision = 4
        self.result: nd.Nudge | None = None
        self.curve: tuple[np.ndarray, np.ndarray] | None = None  # (Δs, true ΔL)
        self._base: nd.Base | None = None
        self._dirty = True  # a new state or target not yet computed (done once on screen)
        self._curve_timer = QTimer(self, singleShot=True, interval=0)
        self._curve_timer.timeout.connect(self._compute_curve)

        self.symbol_label = QLabel()
        self.symbol_label.setObjectName("nudgeSymbol")
        self.symbol_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.symbol_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.symbol_label.setFont(font)
        self.meaning_label = wrapped_label(style=HINT_STYLE)
        self.delta_edit = QLineEdit()
        self.delta_edit.setObjectName("nudgeDelta")
        self.delta_edit.setToolTip(self.tr("Type Δ, the nudge (such as 0.1, −0.5 or 2e-3), and press Enter."))
        self.delta_edit.returnPressed.connect(self.submit)
        self.reach_combo = QComboBox()
        self.reach_combo.setObjectName("nudgeReach")
        self.reach_combo.setToolTip(self.tr("How far the slider and the plot reach on each side of 0"))
        for reach in REACHES:
            self.reach_combo.addItem(f"±{reach:g}", reach)
        self.reach_combo.setCurrentIndex(REACHES.index(self.reach))
        self.reach_combo.currentIndexChanged.connect(self._reach_chosen)
        self.sample_spin = QSpinBox()
        self.sample_spin.setRange(1, 1)
        self.sample_spin.setObjectName("nudgeSample")
        self.sample_spin.setToolTip(self.tr("The sample whose z, a and loss the chain shows"))
        self.sample_spin.valueChanged.connect(self._sample_chosen)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(-STEPS, STEPS)
        self.slider.setObjectName("nudgeSlider")
        self.slider.setToolTip(self.tr("Drag to nudge: Δ from −range to +range"))
        self.slider.valueChanged.connect(self._slid)
        self.message_label = wrapped_label(name="nudgeMessage", style=text_style(ERROR_RED), hidden=True)
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

        controls = QGridLayout()
        controls.addWidget(buddy_label(self.tr("Δ ="), self.delta_edit), 0, 0)  # no letter: Ctrl+Shift+N comes here
        controls.addWidget(self.delta_edit, 0, 1)
        controls.addWidget(self.reach_combo, 0, 2)
        controls.addWidget(self.slider, 1, 0, 1, 3)
        controls.addWidget(buddy_label(self.tr("Sample"), self.sample_spin), 2, 0)
        controls.addWidget(self.sample_spin, 2, 1)
        controls.setColumnStretch(1, 1)
        inner = QWidget()
        fill(QVBoxLayout(inner), self.symbol_label, self.meaning_label, controls, self.message_label,
             self.true_label, self.predicted_label, self.difference_label, (self.plot, 1), self.chain_label,
             self.table, self.note_label, margins=(6, 6, 6, 6))
        fill(QVBoxLayout(self), scrolled(inner, up_and_down=True), margins=(0, 0, 0, 0))
        self._show_delta_text()
        self._set_slider()

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
    def set_delta(self, delta: float) -> bool:
        """Nudge by ``delta``; a bad one (NaN, infinite, beyond ±1000) is refused in place. True if taken."""
        try:
            delta = nd.check_delta(delta)
        except (TypeError, ValueError):
            return self._refuse(self._bad_delta_text(delta))
        self._clear_message()
        self.delta = delta
        reach = nd.reach_for(delta, self.reach)
        if reach != self.reach:
            self._set_reach(reach)
        self._show_delta_text()
        self._set_slider()
        self._refresh(curve=False)
        return True

    def nudge_parameter(self, layer: int, name: str, row: int, col: int, delta: float) -> bool:
        """For lessons: select a parameter and nudge it by Δ, as a click and a typed Δ would."""
        self.set_target(layer, name, row, col)
        return self.set_delta(delta)

    @Slot()
    def submit(self) -> bool:
        """Read the typed Δ: take a finite number, else say why in place and keep the Δ there was."""
        text = self.delta_edit.text().strip()
        if not text:
            return self._refuse(self.tr("Type a number for Δ first, such as 0.1."))
        try:
            value = float(text.replace("−", "-").replace(",", "."))
        except ValueError:
            return self._refuse(self.tr("“{text}” is not a number. Type one such as 0.1 or −2e-3.").format(text=text))
        return self.set_delta(value)

    def message(self) -> str:
        return shown_message(self.message_label)

    def _bad_delta_text(self, delta: object) -> str:
        if isinstance(delta, float) and not math.isfinite(delta):
            return self.tr("Δ must be a finite number, not NaN or infinity. Δ stays {delta}.").format(
                delta=format_number(self.delta, self.precision))
        return self.tr("Δ = {value} is too large: a nudge is at most ±{limit}. Δ stays {delta}.").format(
            value=delta, limit=f"{nd.LIMIT:g}", delta=format_number(self.delta, self.precision))

    def _refuse(self, text: str) -> bool:
        self.message_label.setText("⚠ " + text)
        self.message_label.show()
        return False

    def _clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()

    def _show_delta_text(self) -> None:
        self.delta_edit.setText(f"{self.delta:.10g}")

    def _set_slider(self) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(max(-1.0, min(1.0, self.delta / self.reach)) * STEPS))

    def _set_reach(self, reach: float) -> None:
        self.reach = reach
        with QSignalBlocker(self.reach_combo):
            self.reach_combo.setCurrentIndex(REACHES.index(reach) if reach in REACHES else len(REACHES) - 1)
        self.curve = None

    @Slot(int)
    def _slid(self, value: int) -> None:
        self.set_delta(float(f"{self.reach * value / STEPS:.6g}"))

    @Slot(float)
    def _picked(self, delta: float) -> None:
        self.set_delta(float(f"{delta:.3g}"))

    @Slot(int)
    def _reach_chosen(self, index: int) -> None:
        self._set_reach(REACHES[index])
        if abs(self.delta) > self.reach:
            self.delta = self.reach if self.delta > 0 else -self.reach
            self._show_delta_text()
        self._set_slider()
        self._refresh()

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
                self._compute_curve()
            else:
                self._curve_timer.start()

    @Slot()
    def _compute_curve(self) -> None:
        self._curve_timer.stop()
        if self._base is None or self.result is None:
            return
        deltas = nd.curve_deltas(self.reach)
        with np.errstate(all="ignore"):
            self.curve = deltas, nd.curve(self._base, deltas)
        self.plot.show_curve(*self.curve, self._base.gradient)

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
