"""The axes of the training plots: the range that follows the data in steps (pyqtgraph redraws an axis
whenever its range moves), and the log-scale and x-axis switches the loss and gradient plots share."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from .plot_style import show_empty


class SteppedRange:
    """Follows the data as auto-range does, but in steps: the view jumps to a rounder, larger range only
    when the data leaves it. pyqtgraph rebuilds an axis (hundreds of Python calls) whenever its range
    moves; auto-range moves it on every refresh of a growing curve, stepping a few times per run.
    A zoom or pan by the user stops the following; the plot's "A" button starts it again."""

    def __init__(self, item: pg.PlotItem, follow_y: bool = True) -> None:
        self.item, self.follow_y = item, follow_y
        self.following = True
        self._bounds: tuple[float, float, float, float] | None = None  # x lo, x hi, y lo, y hi of the data
        self._seen = (-1, 0)  # (log generation, rows) already in _bounds
        self._view = item.getViewBox()
        self._view.sigRangeChangedManually.connect(self._manual)
        item.autoBtn.clicked.connect(self.reset)

    def _manual(self, *_) -> None:
        self.following = False

    def reset(self) -> None:
        """Follow again, from the whole data (a new log, another x axis, the "A" button)."""
        self.following, self._bounds, self._seen = True, None, (-1, 0)

    def update(self, x: np.ndarray, ys: list[np.ndarray], generation: int, log_y: bool) -> None:
        if not self.following or not len(x):
            return
        self._view.disableAutoRange()
        start = self._seen[1] if self._seen[0] == generation and self._bounds is not None else 0
        start = start if start <= len(x) else 0
        self._seen = (generation, len(x))
        new = np.concatenate([y[start:] for y in ys]) if ys else np.empty(0)
        new = new[np.isfinite(new) & ((new > 0) if log_y else True)]
        lo_y, hi_y = (float(new.min()), float(new.max())) if new.size else (None, None)
        b = self._bounds if start else None
        x_lo, x_hi = float(x[0]) if b is None else b[0], float(x[-1])
        if b is not None:
            lo_y = b[2] if lo_y is None else min(lo_y, b[2])
            hi_y = b[3] if hi_y is None else max(hi_y, b[3])
        self._bounds = (x_lo, x_hi, lo_y if lo_y is not None else 0.0, hi_y if hi_y is not None else 1.0)
        (vx0, vx1), (vy0, vy1) = self._view.viewRange()
        if x_hi > vx1 or x_lo < vx0 or x_hi - x_lo < 0.4 * (vx1 - vx0):
            span = _nice(max(x_hi - x_lo, 1.0) * 1.5)  # at least an iteration (or an epoch) wide
            self._view.setXRange(x_lo, x_lo + span, padding=0.02)
        if not self.follow_y or lo_y is None or hi_y is None:
            return
        if log_y:  # whole decades, at least one: a single point (or a flat curve) still has 10ⁿ ticks to read
            lo, hi = np.floor(np.log10(lo_y) - 0.25), np.ceil(np.log10(hi_y) + 0.25)
            if lo < vy0 or hi > vy1 or (vy1 - vy0) > 3 * max(hi - lo, 1.0):
                self._view.setYRange(lo, hi, padding=0.12)  # (room for the labels of the decades at the ends)
        elif lo_y < vy0 or hi_y > vy1 or (vy1 - vy0) > 3 * max(hi_y - lo_y, 1e-12):
            pad = 0.1 * max(hi_y - lo_y, abs(hi_y), 1e-12)
            self._view.setYRange(min(lo_y, 0.0) if lo_y >= 0 else lo_y - pad, hi_y + pad, padding=0)


def _nice(x: float) -> float:
    """The next of 1, 2, 5 × 10ⁿ at or above x."""
    p = 10.0 ** np.floor(np.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * p >= x:
            return m * p
    return 10.0 * p


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
