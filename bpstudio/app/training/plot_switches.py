"""What the two training plots (loss, gradients) have in common: a log-scale switch and an x-axis switch."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from .plot_style import show_empty
from .stepped_range import SteppedRange


class PlotSwitches(QWidget):
    """The base of a training plot. It provides ``log_box``, ``x_box``, ``hint``, ``follow`` and
    ``main_plot``; it overrides ``refresh`` and ``_label_x``."""

    xAxisChanged = Signal(str)  # "iteration" or "epoch", so the window can keep other plots in step
    log_box: QCheckBox
    x_box: QComboBox
    hint: pg.TextItem
    follow: SteppedRange
    main_plot: pg.PlotWidget
    _shown: tuple | None  # (rows, generation, x column) last handed to pyqtgraph

    def refresh(self) -> None:
        raise NotImplementedError

    def _label_x(self) -> None:
        raise NotImplementedError

    def x_column(self) -> str:
        return self.x_box.currentData()

    def set_x_axis(self, column: str) -> None:
        """"iteration" or "epoch"."""
        self.x_box.setCurrentIndex(max(0, self.x_box.findData(column)))

    def is_log_scale(self) -> bool:
        return self.log_box.isChecked()

    def set_log_scale(self, on: bool) -> None:
        if self.log_box.isChecked() != on:
            self.log_box.setChecked(on)  # toggled comes back here
            return
        self.main_plot.getPlotItem().setLogMode(False, on)
        self._start_over()
        if self.hint.isVisible():
            show_empty(self.main_plot, self.hint, on)

    def _x_axis_changed(self) -> None:
        self._label_x()
        self._start_over()  # a zoom in iterations means nothing in epochs
        self.xAxisChanged.emit(self.x_column())

    def _start_over(self) -> None:
        """Follow the whole data again and re-read the log."""
        self.follow.reset()
        self._shown = None
        self.refresh()
