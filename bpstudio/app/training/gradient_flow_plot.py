"""Why gradients vanish, beside the gradient sizes: per layer l < L, read from a ``TrainingLog``, the ratio
‖δˡ‖/‖δˡ⁺¹‖ and its two parts, what the weights do and what the f′(zˡ) gate lets through (one plot, log axis),
or the shares of saturated and dead units (the other plot); beside them, what the curves mean in plain words and
the numbers of the state shown (``session.gradient_flow_texts``).

Same refresh discipline as the other plots: new data is handed over only when the log changed.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from bpstudio.app.widgets.export_menu import add_picture_actions
from bpstudio.app.widgets.flow_layout import flow_row
from bpstudio.app.widgets.form_fields import fill, scrolled
from bpstudio.app.widgets.preview import example_state, example_training, show_alone
from bpstudio.engine.text.convention import COLUMN, written
from bpstudio.engine.training_log import TrainingLog
from bpstudio.session.gradient_flow_texts import flow_numbers, upstream_symbol
from bpstudio.session.view_state import ViewState

from . import plot_style as style
from .plot_axes import SteppedRange

RATIOS, SHARES = 0, 1  # the pages of the plot stack, the items of the Show box
PARTS = ("ratio", "weights", "gate")
UNITS = ("saturated", "dead")


def _dotted(colour) -> pg.QtGui.QPen:
    return pg.mkPen(colour, width=style.LINE_WIDTH, style=Qt.PenStyle.DotLine)


class GradientFlowPlot(QWidget):
    """``ratio_plot`` holds ``curves[kind][l − 1]`` for kind in ratio, weights, gate; ``share_plot`` those for
    saturated and dead. ``numbers`` says the state's numbers, ``key`` what the curves mean."""

    xAxisChanged = Signal(str)  # noqa: N815 - Qt's naming; "iteration" or "epoch", to keep the other plots in step

    def __init__(self, notation: Callable[[], str] = lambda: COLUMN, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientFlowPlot")
        self.notation = notation
        self._log: TrainingLog | None = None
        self._shown: tuple | None = None
        self._state: ViewState | None = None
        self.curves: dict[str, list[pg.PlotDataItem]] = {kind: [] for kind in PARTS + UNITS}

        self.show_box = QComboBox()
        self.show_box.addItem(self.tr("‖δˡ‖/‖δˡ⁺¹‖ = weights × f′ gate"))
        self.show_box.addItem(self.tr("Saturated and dead units"))
        self.show_box.setToolTip(self.tr("How much of the error each layer passes down, split in two; or how many "
                                         "of its units let almost nothing through"))
        self.layer_box = QComboBox()
        self.layer_box.setToolTip(self.tr("Show every layer's curves, or one layer's"))
        self.x_box = style.x_axis_combo(self)
        controls = flow_row(self.show_box, self.layer_box, self.x_box)  # no Alt letters: see the other plots

        self.ratio_plot = style.new_plot_widget(self)
        self.ratio_plot.setLabel("left", self.tr("factor per layer"), **style.label_style())
        self.ratio_plot.getPlotItem().setLogMode(False, True)
        self.share_plot = style.new_plot_widget(self)
        self.share_plot.setLabel("left", self.tr("share of units"), **style.label_style())
        self.share_plot.getPlotItem().getAxis("left").setTicks([[(v, f"{100 * v:.0f} %") for v in (0, .5, 1)]])
        self.hints = [style.hint_text(p, self, self.tr("Run or step an iteration to see how δ shrinks"))
                      for p in (self.ratio_plot, self.share_plot)]
        self.follow = [SteppedRange(self.ratio_plot.getPlotItem()),
                       SteppedRange(self.share_plot.getPlotItem(), follow_y=False)]
        self.stack = QStackedWidget()
        self.stack.addWidget(self.ratio_plot)
        self.stack.addWidget(self.share_plot)

        self.numbers = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.numbers.setObjectName("gradientFlowNumbers")
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.key.setObjectName("gradientFlowKey")
        self.line_key = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)  # which line is which
        self.line_key.setObjectName("gradientFlowLineKey")
        side = QWidget()
        fill(QVBoxLayout(side), controls, self.line_key, 4, self.numbers, 8, self.key, None, margins=(6, 2, 4, 2))
        self.side = scrolled(side)  # the words wrap: the plot keeps its half
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("gradientFlowSplit")
        self.split.addWidget(self.stack)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self._user_split = False
        self.split.splitterMoved.connect(self._split_moved)
        fill(QVBoxLayout(self), (self.split, 1), margins=(2, 2, 2, 2))

        self.show_box.currentIndexChanged.connect(self._page)
        self.layer_box.currentIndexChanged.connect(self._filter)
        self.x_box.currentIndexChanged.connect(self._x_axis_changed)
        self._label_x()
        self._page(RATIOS)
        self.refresh()
        self.picture_menu = add_picture_actions(self, "gradient-flow")  # right-click: save as PNG or SVG

    def picture_rect(self) -> QRect:
        """What a saved picture shows: the plot and the numbers and words beside it."""
        return self.split.geometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """The plot and the words half each, until the user moves the divider (Qt's share by the size hints left
        the plot a sliver in a narrow dock)."""
        super().resizeEvent(event)
        width = self.split.width()
        if not self._user_split and width > 0:
            self.split.setSizes([width // 2, width - width // 2])

    # ----- API --------------------------------------------------------------------------
    def set_log(self, log: TrainingLog | None) -> None:
        """Show this log (kept by reference; ``refresh`` re-reads it)."""
        self._log, self._shown = log, None
        for follow in self.follow:
            follow.reset()
        self.refresh()

    def set_state(self, state: ViewState) -> None:
        """The numbers of the state shown (the batch's, or the log's last row)."""
        self._state = state
        self._write_numbers()

    def set_x_axis(self, column: str) -> None:
        self.x_box.setCurrentIndex(max(0, self.x_box.findData(column)))

    def refresh(self) -> None:
        """Re-read the log's gradient-flow columns; does nothing when the log has not changed."""
        log = self._log
        key = None if log is None else (len(log), log.generation, self.x_box.currentData())
        if key == self._shown and key is not None:
            return
        self._shown = key
        self._one_set_per_layer(0 if log is None else log.layers)
        empty = log is None or not len(log) or log.layers < 2
        for hint, plot, log_y in zip(self.hints, (self.ratio_plot, self.share_plot), (True, False), strict=True):
            if empty:
                style.show_empty(plot, hint, log_y)
            hint.setVisible(empty)
        if log is None or empty:
            for curves in self.curves.values():
                for curve in curves:
                    curve.setData([], [])
        else:
            x = log.column(self.x_box.currentData())
            for kind, curves in self.curves.items():
                for l, curve in enumerate(curves, start=1):
                    y = log.flow(kind, l)
                    if not np.isfinite(y[-1]) and not np.isfinite(y).any():  # not for this layer: dead sigmoids
                        curve.setData([], [])
                        continue
                    curve.setData(x, y)
                    style.dot_if_alone(curve, len(x))
            ratios = [log.flow(kind, l) for kind in PARTS for l in range(1, log.layers)]
            self.follow[0].update(x, ratios, log.generation, True)
            self.follow[1].update(x, [], log.generation, False)
            self.share_plot.setYRange(0, 1, padding=0.05)
        self._write_numbers()

    # ----- internals ---------------------------------------------------------------------
    def _split_moved(self) -> None:
        self._user_split = True

    def _page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self._write_key()

    def _x_axis_changed(self) -> None:
        self.xAxisChanged.emit(self.x_box.currentData())
        self._label_x()
        for follow in self.follow:
            follow.reset()
        self._shown = None
        self.refresh()

    def _label_x(self) -> None:
        text = self.tr("iteration") if self.x_box.currentData() == "iteration" else self.tr("epoch")
        for plot in (self.ratio_plot, self.share_plot):
            plot.setLabel("bottom", text, **style.label_style())

    def _one_set_per_layer(self, layers: int) -> None:
        """One curve per kind and layer l < L, coloured by layer; solid, dashed, dotted by kind."""
        if len(self.curves["ratio"]) == max(0, layers - 1):
            return
        for kind, curves in self.curves.items():
            plot = self.ratio_plot if kind in PARTS else self.share_plot
            for curve in curves:
                plot.removeItem(curve)
        count = max(1, layers - 1)
        for kind in PARTS + UNITS:
            plot, made = (self.ratio_plot if kind in PARTS else self.share_plot), []
            for l in range(1, layers):
                colour = style.class_colour(l - 1, count)
                curve = style.log_curve(plot, colour, self.tr("layer {l}").format(l=l),
                                        dashed=kind in ("weights", "dead"))
                if kind == "gate":
                    curve.setPen(_dotted(colour))
                    curve.bps_widths = [style.LINE_WIDTH, None]
                made.append(curve)
            self.curves[kind] = made
        self._fill_layer_box(layers)

    def _fill_layer_box(self, layers: int) -> None:
        chosen = self.layer_box.currentData()
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        self.layer_box.addItem(self.tr("every layer"), 0)
        for l in range(1, layers):
            self.layer_box.addItem(self.tr("layer {l}").format(l=l), l)
        self.layer_box.setCurrentIndex(max(0, self.layer_box.findData(chosen)))
        self.layer_box.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        only = self.layer_box.currentData() or 0
        for curves in self.curves.values():
            for l, curve in enumerate(curves, start=1):
                curve.setVisible(only in (0, l))

    def _write_key(self) -> None:
        """What the curves of the page shown mean, in plain words."""
        up = upstream_symbol(None, self.notation())
        if self.stack.currentIndex() == RATIOS:
            self.line_key.setText(self.tr("<b>━━ ratio</b> = <b>– – weights</b> × <b>┈┈ f′ gate</b> · colours: "
                                          "layers"))
            lines = [self.tr("<b>Solid — ‖δˡ‖/‖δˡ⁺¹‖</b>: how much of layer l + 1's error reaches layer l. "
                             "Under 1 it shrinks; many layers under 1 multiply to almost nothing: the gradient "
                             "vanishes."),
                     self.tr("<b>Dashed — weights, ‖{up}‖/‖δˡ⁺¹‖</b>: what multiplying by the weights does to "
                             "it.").format(up=up),
                     self.tr("<b>Dotted — f′ gate, ‖δˡ‖/‖{up}‖</b>: what ⊙ f′(zˡ) lets through. σ′ is at most "
                             "0.25, so a sigmoid layer's gate is under 0.25 however good its weights.").format(up=up),
                     self.tr("Solid = dashed × dotted; the colours are the layers, as in the lines above. ‖·‖ "
                             "sums the squares over every unit and every sample (of the training set on the curves).")]
        else:
            self.line_key.setText(self.tr("<b>━━ saturated</b> · <b>– – dead</b> · colours: layers"))
            lines = [self.tr("<b>Solid — saturated</b>: share of a sigmoid or tanh layer's units (over every "
                             "training sample) with f′(z) &lt; 0.01: they pass on less than 1 % of their error."),
                     self.tr("<b>Dashed — dead</b>: share of a ReLU layer's units with f′(z) = 0 on every "
                             "training sample: they pass nothing back, and their weights no longer learn.")]
        self.key.setText(written("<br>".join(lines), self.notation()))  # dZ^[l] in the deeplearning.ai notation

    def _write_numbers(self) -> None:
        log = self._log
        table = flow_numbers(self._state, log.last if log is not None else None)
        count = max(1, max(table.layers, default=1))
        lines = [f'<span style="color:{style.class_colour(l - 1, count).name()}">■</span> {escape(t)}'
                 for l, t in zip(table.layers, table.lines, strict=True)]
        self.numbers.setText(written("<b>{}</b><br>{}".format(escape(table.source), "<br>".join(lines)),
                                     self.notation()))
        self._write_key()


def _preview() -> GradientFlowPlot:
    """The deep sigmoid example over 600 iterations: ``python -m bpstudio.app.training.gradient_flow_plot``."""
    widget = GradientFlowPlot()
    widget.set_log(example_training("deep_sigmoid_moons", iterations=600)[2])
    widget.set_state(example_state("deep_sigmoid_moons", stages=12))
    return widget


if __name__ == "__main__":
    import sys

    sys.exit(show_alone(_preview, width=900, height=320))
