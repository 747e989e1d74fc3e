"""The kept runs drawn over the loss and accuracy plots: one thin curve per run shown, in a colour of its own,
named in the plots' legends by what differed ("2: η 0.1")."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from bpstudio.engine.kept_runs import KeptRun

# Okabe–Ito without the live run's blue and vermilion (the live curves keep those)
COLOURS = ("#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#8C564B", "#332288", "#BCBD22", "#7F7F7F")
WIDTH = 1.6


def colour(index: int) -> str:
    return COLOURS[index % len(COLOURS)]


class RunOverlay:
    """Curves of kept runs on two plots (the loss and the accuracy); ``curves[(run index, column)]``."""

    def __init__(self, loss: pg.PlotWidget, accuracy: pg.PlotWidget) -> None:
        self.loss, self.accuracy = loss, accuracy
        self.curves: dict[tuple[int, str], pg.PlotDataItem] = {}

    def show(self, runs: Sequence[KeptRun], labels: Sequence[str], x_column: str = "iteration") -> None:
        """Draw every visible run (against ``x_column``: iteration or epoch); the hidden and deleted go."""
        for curve in self.curves.values():
            plot = curve.getViewBox()
            for widget in (self.loss, self.accuracy):
                legend = widget.getPlotItem().legend
                if legend is not None and legend.getLabel(curve) is not None:
                    legend.removeItem(curve)
            if plot is not None:
                curve.getViewBox().removeItem(curve)
        self.curves = {}
        for i, (run, label) in enumerate(zip(runs, labels, strict=True)):
            if not run.visible or not len(run.rows):
                continue
            x = run.column(x_column)
            for column, widget in (("train_loss", self.loss), ("train_accuracy", self.accuracy)):
                # named once, in the loss plot's legend (the same colour on both plots; the Kept runs tab lists them)
                y = run.column(column)
                if np.isnan(y).all():
                    continue  # a regression target has no accuracy
                pen = QPen(QColor(colour(i)), WIDTH)
                pen.setCosmetic(True)
                pen.setStyle(Qt.PenStyle.SolidLine)
                curve = pg.PlotDataItem(x, y, pen=pen, name=label if widget is self.loss else None,
                                        connect="finite")
                curve.setZValue(-1)  # under the live run's curves
                widget.getPlotItem().addItem(curve)
                self.curves[(i, column)] = curve
        legend = self.loss.getPlotItem().legend
        if legend is not None:  # two columns once runs are kept: a short plot keeps its curves in view
            legend.setColumnCount(2 if len(self.curves) > 1 else 1)
