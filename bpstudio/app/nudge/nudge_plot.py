"""The Nudge view's small plot: the true ΔL against Δ, its tangent (∂L/∂w)·Δ at Δ = 0, and the current Δ marked.
Pressing or dragging on the plot picks Δ (``deltaPicked``); the view's own pan and zoom are off."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QMouseEvent, QPalette
from PySide6.QtWidgets import QWidget

from bpstudio.app.look import presentation

TRUE_COLOUR = "#0072B2"  # the training plots' blue
TANGENT_COLOUR = "#D55E00"
TICK_POINT_SIZE = 10


class NudgePlot(pg.PlotWidget):
    deltaPicked = Signal(float)  # noqa: N815 - Qt's naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("nudgePlot")
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)
        item.addLine(x=0, pen=pg.mkPen("#9aa0a6", width=1))
        item.addLine(y=0, pen=pg.mkPen("#9aa0a6", width=1))
        self.true_curve = item.plot(name="ΔL")
        self.tangent = item.plot()
        self.marker = item.plot(symbol="o", symbolSize=10)
        self.marker.setZValue(10)
        self.setMinimumHeight(170)
        self.deltas = np.zeros(0)
        self.changes = np.zeros(0)
        self.gradient = 0.0
        self.delta = 0.0
        self.restyle()
        presentation.notifier().changed.connect(self._presentation_changed)  # a method: gone with the plot

    def restyle(self) -> None:
        """Colours from the palette, line widths and tick fonts from presentation mode."""
        fg = self.palette().color(QPalette.ColorRole.Text)
        self.setBackground(self.palette().color(QPalette.ColorRole.Base))
        font = QFont()
        font.setPointSizeF(TICK_POINT_SIZE * presentation.font_scale())
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setStyle(tickFont=font)
            axis.setPen(fg)
            axis.setTextPen(fg)
        width = 2.0 * presentation.line_scale()
        self.true_curve.setPen(pg.mkPen(TRUE_COLOUR, width=width))
        self.tangent.setPen(pg.mkPen(TANGENT_COLOUR, width=width, style=Qt.PenStyle.DashLine))
        self.marker.setSymbolBrush(pg.mkBrush(TRUE_COLOUR))
        self.marker.setSymbolPen(pg.mkPen(fg, width=1))
        self.marker.setSymbolSize(10 * presentation.line_scale())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 240)  # pyqtgraph's own hint (640 × 480) would make the narrow dock scroll

    @Slot(bool)
    def _presentation_changed(self, _on: bool) -> None:
        self.restyle()

    def set_labels(self, x: str, y: str) -> None:
        item = self.getPlotItem()
        item.setLabel("bottom", x)
        item.setLabel("left", y)

    def show_curve(self, deltas: np.ndarray, changes: np.ndarray, gradient: float) -> None:
        """The true ΔL over ``deltas`` and the tangent through 0 with slope ∂L/∂w, both over the same Δs."""
        self.deltas, self.changes, self.gradient = deltas, changes, gradient
        finite = np.isfinite(changes)
        self.true_curve.setData(deltas[finite], changes[finite])
        low, high = float(deltas[0]), float(deltas[-1])
        self.tangent.setData([low, high], [gradient * low, gradient * high])
        shown = changes[finite]
        top = float(np.max(np.abs(shown))) if shown.size else 1.0
        top = max(top, 1e-300)
        item = self.getPlotItem()
        item.setXRange(low, high, padding=0.02)
        item.setYRange(min(-0.05 * top, float(np.min(shown)) if shown.size else 0.0),
                       max(0.05 * top, float(np.max(shown)) if shown.size else 0.0), padding=0.08)

    def mark(self, delta: float, change: float) -> None:
        self.delta = delta
        self.marker.setData([delta], [change] if np.isfinite(change) else [0.0])

    # ----- Δ from the mouse ------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self._pick(event.position()):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.buttons() & Qt.MouseButton.LeftButton and self._pick(event.position()):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def _pick(self, position: QPointF) -> bool:
        if self.deltas.size == 0:
            return False
        point = self.getPlotItem().vb.mapSceneToView(self.mapToScene(position.toPoint()))
        low, high = float(self.deltas[0]), float(self.deltas[-1])
        self.deltaPicked.emit(float(min(max(point.x(), low), high)))
        return True
