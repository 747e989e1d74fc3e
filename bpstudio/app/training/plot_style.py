"""Colours, pens and plot set-up shared by the training plots (loss, gradients, data), chosen to be
read from the back of a lecture room: thick lines, large tick labels, colour-blind-safe colours.

Also ``example_training``: a short training run that fills a ``TrainingLog``, for the plots'
previews, tests and benchmark.
"""

from __future__ import annotations

import weakref
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QWidget

from bpstudio.app.look import presentation, theme

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

# Okabe–Ito first (safe for colour-blind viewers), then distinct extras; classes beyond these get hues
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C564B", "#332288",
           "#BCBD22", "#7F7F7F")
TRAIN_COLOUR = PALETTE[0]
TEST_COLOUR = PALETTE[3]
LINE_WIDTH = 2.5
TICK_POINT_SIZE = 11
LABEL_POINT_SIZE = 12
LEGEND_POINT_SIZE = 11
_PLOTS: weakref.WeakSet = weakref.WeakSet()  # every plot made here, restyled on a theme or presentation change


def label_style() -> dict[str, str]:
    """The axis labels' CSS: the theme's text colour, larger in presentation mode."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.Text).name()
    return {"font-size": f"{LABEL_POINT_SIZE * presentation.font_scale():g}pt", "color": colour}


def class_colour(index: int, count: int = len(PALETTE)) -> QColor:
    if count <= len(PALETTE):
        return QColor(PALETTE[index % len(PALETTE)])
    return pg.intColor(index, hues=count, values=1, maxValue=200, minValue=200)


def class_rgb(count: int) -> np.ndarray:
    """(count, 3) uint8: the class colours as the heat map and the points both use them."""
    return np.array([class_colour(i, count).getRgb()[:3] for i in range(count)], dtype=np.uint8)


def mix(a, b, t: float) -> QColor:
    """Opaque ``a`` moved a fraction ``t`` towards ``b``."""
    a, b = pg.mkColor(a), pg.mkColor(b)
    return QColor(*(round(x * (1 - t) + y * t) for x, y in ((a.red(), b.red()), (a.green(), b.green()),
                                                             (a.blue(), b.blue()))))


def pale(colour, strength: float) -> QColor:
    """``colour`` mixed with white: ``strength`` 1 is the colour itself, 0 is white."""
    return mix("w", colour, strength)


def pen(colour, dashed: bool = False, width: float = LINE_WIDTH):
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.mkPen(colour, width=width, style=style)


def foreground(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.Text)


def new_plot_widget(owner: QWidget, grid: bool = True) -> pg.PlotWidget:
    """A PlotWidget in the palette (light or dark) with large tick labels and a faint grid; it follows
    the theme and presentation mode."""
    plot = pg.PlotWidget(background=owner.palette().color(QPalette.ColorRole.Base))
    plot.bps_grid, plot.bps_legends, plot.bps_hints = grid, [], []
    item = plot.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setStyle(maxTickLevel=1)  # no third tick level: fewer lines, clearer
        axis.enableAutoSIPrefix(False)  # "loss (x0.001)" with 8·10¹ ticks misleads more than it helps
        if grid:  # opaque pale lines: Qt draws translucent ones ~15× slower (10 ms a frame)
            axis.setStyle(tickAlpha=255)
            axis.setGrid(255)
            axis.setZValue(-1)  # behind the view box (transparent), so the lines never cross a curve
    item.setMenuEnabled(False)  # the context menu's many options would only confuse a class
    if not _PLOTS:
        # a new palette reaches the widgets in posted events: restyle once they have it
        theme.notifier().changed.connect(lambda *_: QTimer.singleShot(0, restyle_all))
        presentation.notifier().changed.connect(restyle_all)
    _PLOTS.add(plot)
    style_plot(plot)
    return plot


def style_plot(plot: pg.PlotWidget) -> None:
    """Colours from the plot's palette, sizes from presentation mode: background, axes, grid, labels,
    legends, hints and the width of every curve."""
    base, fg = plot.palette().color(QPalette.ColorRole.Base), foreground(plot)
    plot.setBackground(base)
    font = QFont()
    font.setPointSizeF(TICK_POINT_SIZE * presentation.font_scale())
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setStyle(tickFont=font)
        axis.setPen(fg)
        axis.setTextPen(fg)
        if plot.bps_grid and name in ("left", "bottom"):
            axis.setTickPen(mix(base, fg, 0.13))
        if name in ("left", "right") and axis.fixedWidth is not None:  # room for the larger tick labels
            axis.bps_width = getattr(axis, "bps_width", axis.fixedWidth)
            axis.setWidth(round(axis.bps_width * presentation.font_scale()))
        if axis.labelText:
            axis.setLabel(axis.labelText, axis.labelUnits, axis.labelUnitPrefix, **label_style())
    legend_ground = QColor(base)
    legend_ground.setAlpha(200)  # the curves stay visible behind it
    for legend in plot.bps_legends:
        legend.setLabelTextColor(fg)
        legend.setLabelTextSize(f"{LEGEND_POINT_SIZE * presentation.font_scale():g}pt")
        legend.setBrush(pg.mkBrush(legend_ground))
    for hint in plot.bps_hints:
        hint.setColor(plot.palette().color(QPalette.ColorRole.PlaceholderText))
        hint.setFont(_hint_font())
    for curve in item.listDataItems():
        if isinstance(curve, pg.PlotDataItem):
            thicken(curve)


def restyle_all(*_) -> None:
    for plot in list(_PLOTS):
        if shiboken6.isValid(plot):
            style_plot(plot)


def thicken(curve: pg.PlotDataItem) -> None:
    """The curve's line (and shadow) as wide as when made, times presentation mode's line scale."""
    pens = [curve.opts.get("pen"), curve.opts.get("shadowPen")]
    if not hasattr(curve, "bps_widths"):
        curve.bps_widths = [p.widthF() if isinstance(p, QPen) else None for p in pens]
    for key, p, width in zip(("pen", "shadowPen"), pens, curve.bps_widths, strict=True):
        if isinstance(p, QPen) and width is not None and p.widthF() != width * presentation.line_scale():
            p = QPen(p)
            p.setWidthF(width * presentation.line_scale())
            (curve.setPen if key == "pen" else curve.setShadowPen)(p)


def add_legend(plot: pg.PlotWidget, owner: QWidget) -> pg.LegendItem:
    legend = plot.getPlotItem().addLegend(offset=(-10, 10), labelTextColor=foreground(owner),
                                          labelTextSize=f"{LEGEND_POINT_SIZE}pt")
    plot.bps_legends.append(legend)
    style_plot(plot)
    return legend


def log_curve(plot: pg.PlotWidget, colour, name: str, dashed: bool = False,
              finite: bool = False) -> pg.PlotDataItem:
    """A curve for a log column: peak downsampling and clipping keep 10⁵–10⁶ points smooth.
    ``finite``: the values are never NaN/inf (accuracy), so pyqtgraph can skip its finite check."""
    # one min/max pair per pixel column (pyqtgraph's default is five): the same picture, half the cost
    options = dict(name=name, skipFiniteCheck=finite, connect="all" if finite else "finite",
                   autoDownsampleFactor=1.0)
    if dashed:  # Qt strokes wide dashes slowly (25 ms on a noisy curve): 1-px dashes over a pale solid band
        options.update(pen=pen(colour, True, width=1.0), shadowPen=pg.mkPen(pale(colour, 0.45), width=LINE_WIDTH + 1))
    else:
        options.update(pen=pen(colour))
    curve = pg.PlotDataItem(**options)
    thicken(curve)
    item = plot.getPlotItem()
    # on the PlotItem, not the curve: addItem overwrites a curve's own settings with the PlotItem's
    item.setDownsampling(auto=True, mode="peak")
    item.setClipToView(True)
    item.addItem(curve)
    return curve


def hint_text(plot: pg.PlotWidget, owner: QWidget, text: str) -> pg.TextItem:
    """A grey message in the middle of an empty plot (placed in view coordinates of the default range)."""
    colour = owner.palette().color(QPalette.ColorRole.PlaceholderText)
    item = pg.TextItem(text, color=colour, anchor=(0.5, 0.5))
    item.setFont(_hint_font())
    plot.addItem(item, ignoreBounds=True)
    plot.bps_hints.append(item)
    item.setPos(0.5, 0.5)
    return item


def _hint_font() -> QFont:
    font = QFont()
    font.setPointSizeF((TICK_POINT_SIZE + 1) * presentation.font_scale())
    return font


def show_empty(plot: pg.PlotWidget, hint: pg.TextItem, log_y: bool) -> None:
    """A fixed, plausible range for a plot with no data (1e-4 … 1 on a log axis), the hint in its middle."""
    plot.getPlotItem().enableAutoRange(x=False, y=False)
    y = (-4.0, 0.0) if log_y else (0.0, 1.0)  # view coordinates: log10 of the values on a log axis
    plot.setRange(xRange=(0.0, 1.0), yRange=y, padding=0)
    hint.setPos(0.5, sum(y) / 2)


def x_axis_combo(owner: QWidget) -> QComboBox:
    """Iterations or epochs on the x axis; the item data is the log column."""
    box = QComboBox()
    box.addItem(translate("PlotStyle", "Iterations"), "iteration")
    box.addItem(translate("PlotStyle", "Epochs"), "epoch")
    box.setToolTip(translate("PlotStyle", "Plot against completed iterations (one per mini-batch) or epochs "
                            "(passes over the whole training set)"))
    return box


def show_alone(widget: QWidget, width: int = 800, height: int = 600) -> int:
    """Run one plot as its own window: the modules' ``__main__``."""
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    widget.resize(width, height)
    widget.show()
    return app.exec()


def example_training(name: str = "spiral_softmax", iterations: int = 600, probes: int = 200,
                     test_fraction: float = 0.25):
    """(project, stepper, log) after ``iterations`` iterations of a shipped example, with a training-log
    row every ``iterations // probes`` iterations and a test set split off."""
    from bpstudio.engine import load_project
    from bpstudio.engine.backprop import Plan
    from bpstudio.engine.probe import probe_row
    from bpstudio.engine.resource_files import examples_dir
    from bpstudio.engine.training_log import TrainingLog

    project = load_project(examples_dir() / f"{name}.bpsproj")
    if test_fraction:
        project = replace(project, data={**project.data, "test_fraction": test_fraction})
    train, test = project.split()
    plan = Plan.of(project.network)
    stepper = project.stepper()
    log = TrainingLog(project.network.depth)
    every = max(1, iterations // max(1, probes))
    sets = (train.x.T, train.y.T), (None if test is None else (test.x.T, test.y.T))
    while stepper.iteration < iterations:
        stepper.run_iterations(min(every, iterations - stepper.iteration))
        log.append(probe_row(plan, stepper.parameters, stepper.iteration, stepper.batches_per_epoch, *sets))
    return project, stepper, log


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
        if start > len(x):
            start = 0
        self._seen = (generation, len(x))
        new = np.concatenate([y[start:] for y in ys]) if ys else np.empty(0)
        new = new[np.isfinite(new) & ((new > 0) if log_y else True)]
        lo_y = float(new.min()) if new.size else None
        hi_y = float(new.max()) if new.size else None
        b = self._bounds if start else None
        x_lo = float(x[0]) if b is None else b[0]
        x_hi = float(x[-1])
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
        if log_y:
            lo, hi = np.log10(lo_y), np.log10(hi_y)
            if lo < vy0 or hi > vy1 or (vy1 - vy0) > 3 * max(hi - lo, 1.0):
                self._view.setYRange(np.floor(lo - 0.25), np.ceil(hi + 0.25), padding=0)
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


class PlotSwitches:
    """The log-scale and x-axis switches both training plots have. The plot class provides ``log_box``,
    ``x_box``, ``hint``, ``follow``, ``refresh``, ``_label_x``, ``xAxisChanged`` and ``main_plot``."""

    def x_column(self) -> str:
        return self.x_box.currentData()  # type: ignore[attr-defined]

    def set_x_axis(self, column: str) -> None:
        """"iteration" or "epoch"."""
        self.x_box.setCurrentIndex(max(0, self.x_box.findData(column)))  # type: ignore[attr-defined]

    def is_log_scale(self) -> bool:
        return self.log_box.isChecked()  # type: ignore[attr-defined]

    def set_log_scale(self, on: bool) -> None:
        if self.log_box.isChecked() != on:  # type: ignore[attr-defined]
            self.log_box.setChecked(on)  # type: ignore[attr-defined]  # toggled comes back here
            return
        plot = self.main_plot  # type: ignore[attr-defined]
        plot.getPlotItem().setLogMode(False, on)
        self._start_over()
        if self.hint.isVisible():  # type: ignore[attr-defined]
            show_empty(plot, self.hint, on)  # type: ignore[attr-defined]

    def _x_axis_changed(self) -> None:
        self._label_x()  # type: ignore[attr-defined]
        self._start_over()  # a zoom in iterations means nothing in epochs
        self.xAxisChanged.emit(self.x_column())  # type: ignore[attr-defined]

    def _start_over(self) -> None:
        """Follow the whole data again and re-read the log."""
        self.follow.reset()  # type: ignore[attr-defined]
        self._shown = None
        self.refresh()  # type: ignore[attr-defined]


def dot_if_alone(curve: pg.PlotDataItem, points: int) -> None:
    """One point makes no line: show it as a dot (the first row, before any training)."""
    alone = points == 1
    if alone != (curve.opts.get("symbol") is not None):
        curve.setSymbol("o" if alone else None)
        if alone:
            curve.setSymbolSize(8)
            curve.setSymbolBrush(curve.opts["pen"].color() if hasattr(curve.opts["pen"], "color") else None)
