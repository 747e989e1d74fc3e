"""The loss along one update's step, L(θ + tΔθ) on its batch for t from 0 to 2.5: the curve, the first-order
prediction (its tangent at t = 0, slope gᵀΔθ), the step taken (t = 1) and the best step on that line."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QWidget

from bpstudio.app.look import presentation, theme
from bpstudio.engine.update_ledger import LINE_T, LedgerEntry

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)
CURVE, TANGENT, STEP, BEST = "#0072B2", "#E69F00", "#7F7F7F", "#D55E00"  # Okabe–Ito: safe for colour-blind viewers
TICK_POINT_SIZE = 11


class LinePlot(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerLinePlot")
        self.setMinimumSize(80, 36)
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setMenuEnabled(False)
        self.curve = item.plot([], [], symbol="o", symbolSize=5)
        self.tangent = item.plot([], [])
        self.best = item.plot([], [], pen=None, symbol="star", symbolSize=16)
        self.step = pg.InfiniteLine(1.0, angle=90, label=translate("LedgerView", "step taken, t = 1"),
                                    labelOpts={"position": 0.9, "anchors": [(0, 0.5), (0, 0.5)]})
        item.addItem(self.step)
        self.step.hide()
        self.entry: LedgerEntry | None = None
        self.style_()
        presentation.notifier().changed.connect(self.style_)
        theme.notifier().changed.connect(self.style_)

    def show_entry(self, entry: LedgerEntry | None) -> None:
        """Draw ``entry``'s line (nothing when it has none yet)."""
        self.entry = entry
        if entry is None or not entry.measured:
            for curve in (self.curve, self.tangent, self.best):
                curve.setData([], [])
            self.step.hide()
            return
        t = np.asarray(LINE_T)
        loss = np.asarray(entry.line, dtype=float)
        shown = np.isfinite(loss)
        self.curve.setData(t[shown], loss[shown])
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging step's numbers overflow: data, not faults
            tangent = entry.batch_before + t * entry.predicted  # L(θ) + t gᵀΔθ, the first-order picture
            lo, hi = (float(loss[shown].min()), float(loss[shown].max())) if shown.any() else (0.0, 0.0)
            near = np.isfinite(tangent) & (tangent >= lo - 0.5 * (hi - lo))  # about as far as the curve's range
        self.tangent.setData(t[near], tangent[near])
        best = entry.best_t
        self.best.setData([] if best is None else [best], [] if best is None else [loss[LINE_T.index(best)]])
        self.step.show()

    def style_(self, *_: object) -> None:
        """Colours from the palette, sizes from presentation mode."""
        fg = self.palette().color(QPalette.ColorRole.Text)
        self.setBackground(self.palette().color(QPalette.ColorRole.Base))
        font = QFont()
        font.setPointSizeF(TICK_POINT_SIZE * presentation.font_scale())
        item, width = self.getPlotItem(), 2.5 * presentation.line_scale()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.enableAutoSIPrefix(False)  # the loss as the table writes it, not in thousandths
            axis.setStyle(tickFont=font)
            axis.setPen(fg)
            axis.setTextPen(fg)
        css = {"color": fg.name(), "font-size": f"{12 * presentation.font_scale():g}pt"}
        item.setLabel("bottom", translate("LedgerView", "t, along the step Δθ"), **css)
        item.setLabel("left", translate("LedgerView", "loss"), **css)
        self.curve.setPen(pg.mkPen(CURVE, width=width))
        self.curve.setSymbolBrush(pg.mkBrush(CURVE))
        self.curve.setSymbolPen(pg.mkPen(CURVE))
        self.tangent.setPen(pg.mkPen(TANGENT, width=width, style=Qt.PenStyle.DashLine))
        self.best.setSymbolBrush(pg.mkBrush(BEST))
        self.best.setSymbolPen(pg.mkPen(BEST))
        self.step.setPen(pg.mkPen(STEP, width=width * 0.8, style=Qt.PenStyle.DotLine))
        self.step.label.setColor(fg)
        self.step.label.setFont(font)


def key_text() -> str:
    """The plot's key, above it (a legend inside would cover the curve where it matters)."""
    return translate("LedgerView", "{curve} loss along the step, L(θ + tΔθ)   {tangent} first-order prediction   "
                     "{best} best t").format(curve=f"<b style='color:{CURVE}'>●—</b>",
                                             tangent=f"<b style='color:{TANGENT}'>– –</b>",
                                             best=f"<b style='color:{BEST}'>★</b>")
