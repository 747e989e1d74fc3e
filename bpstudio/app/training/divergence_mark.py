"""Where a run diverged, on the loss plot: a dashed red line at the last iteration whose numbers were all finite,
labelled with the iteration the message names, so the end of the curve and the message meet."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt

from bpstudio.app.widgets.styles import ERROR_RED
from bpstudio.engine.training_log import TrainingLog

NO_MARK = math.inf


class DivergenceMark:
    """``place(iteration)`` shows the line (None hides it); ``follow(log, x_column)`` puts it on the x axis in use
    (iterations or epochs) and brings it into view."""

    def __init__(self, plot: pg.PlotWidget, label: str) -> None:
        self.plot, self._label = plot, label
        self.iteration = NO_MARK
        self.line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(ERROR_RED, width=2,
                                                                           style=Qt.PenStyle.DashLine),
                                    label="", labelOpts={"position": 0.9, "color": ERROR_RED,
                                                         "anchors": [(1.05, 0), (1.05, 0)]})
        self.line.setZValue(10)
        self.line.hide()
        plot.addItem(self.line, ignoreBounds=True)

    @property
    def shown(self) -> bool:
        return self.line.isVisible()

    @property
    def text(self) -> str:
        return self.line.label.toPlainText() if self.shown else ""

    def place(self, iteration: int | None) -> None:
        self.iteration = NO_MARK if iteration is None else iteration
        self.line.setVisible(iteration is not None)
        if iteration is not None:
            self.line.label.setFormat(self._label.format(i=iteration + 1))

    def follow(self, log: TrainingLog, x_column: str) -> None:
        if not self.shown:
            return
        x = float(self.iteration)
        if x_column == "epoch" and len(log):  # the log's own ratio of epochs to iterations
            iterations, epochs = log.column("iteration"), log.column("epoch")
            done = iterations > 0
            x = x * float(epochs[done][-1] / iterations[done][-1]) if done.any() else 0.0
        self.line.setValue(x)
        view = self.plot.getPlotItem().getViewBox()
        (x0, x1), _ = view.viewRange()
        if x > x1:
            view.setXRange(x0, x + 0.05 * (x - x0), padding=0)
