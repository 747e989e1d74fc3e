"""Colours, pens and plot set-up shared by the training plots (loss, gradients, data), chosen to be
read from the back of a lecture room: thick lines, large tick labels, colour-blind-safe colours.

Also ``example_training``: a short training run that fills a ``TrainingLog``, for the plots'
previews, tests and benchmark.
"""

from __future__ import annotations

import weakref
from functools import partial

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette, QPen
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
    colours = [class_colour(i, count) for i in range(count)]
    return np.array([(c.red(), c.green(), c.blue()) for c in colours], dtype=np.uint8)


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
        axis.logTickStrings = partial(readable_log_labels, axis)
        axis.tickStrings = partial(readable_labels, axis)
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


def readable_labels(axis: pg.AxisItem, values: list[float], scale: float, spacing: float) -> list[str]:
    """Linear ticks of huge or tiny numbers (a diverging loss reaches 10²⁶⁰) as 3·10²⁶⁰, not as 261 digits the axis
    has no room for (it would show no label at all); ordinary ones as pyqtgraph writes them."""
    if axis.logMode:
        return readable_log_labels(axis, values, scale, spacing)
    biggest = max((abs(v * scale) for v in values), default=0.0)
    if 1e-3 <= spacing * scale and biggest < 1e6:
        strings = pg.AxisItem.tickStrings(axis, values, scale, spacing)
    else:
        strings = [_power_of_ten(v * scale) for v in values]
    return _spaced(axis, values, spacing, strings)


def _spaced(axis: pg.AxisItem, values: list[float], spacing: float, strings: list[str]) -> list[str]:
    """Every k-th label only, where labels at every tick would run into each other (a narrow plot, large fonts)."""
    lo, hi = axis.range
    across = axis.orientation in ("top", "bottom")
    pixels = spacing * (axis.width() if across else axis.height()) / max(abs(hi - lo), 1e-300)
    metrics = QFontMetrics(axis.style["tickFont"] or QFont())
    need = max((metrics.horizontalAdvance(t) for t in strings), default=0) + 8 if across else metrics.height()
    if not strings or pixels <= 0 or pixels >= need:
        return strings
    length = axis.width() if across else axis.height()
    levels = axis.tickSpacing(min(lo, hi), max(lo, hi), length) if length > 0 else []
    if levels and spacing < levels[0][0] * (1 - 1e-9):
        # a finer level too crowded for its labels: none (thinned ones would pass pyqtgraph's crowding check and
        # land between the main level's labels: 0.4 0.5 0.6)
        return [""] * len(strings)
    every = int(np.ceil(need / pixels))
    return [t if round(v / spacing) % every == 0 else "" for v, t in zip(values, strings, strict=True)]


def _power_of_ten(value: float) -> str:
    """3·10²⁶⁰, −2.5·10⁻⁷, 0."""
    if value == 0 or not np.isfinite(value):
        return f"{value:g}"
    mantissa, _, exponent = f"{value:.2g}".partition("e")
    if not exponent:
        return mantissa
    power = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return ("" if mantissa == "1" else "−" if mantissa == "-1" else mantissa.replace("-", "−") + "·") + f"10{power}"


def readable_log_labels(axis: pg.AxisItem, values: list[float], scale: float, spacing: float) -> list[str]:
    """A log axis's labels where they have room: every 1·10ⁿ; 2 and 5 too on a taller axis; all nine only
    when a decade is tall enough (a short axis, or a single point, would pile them on top of each other)."""
    strings = pg.AxisItem.logTickStrings(axis, values, scale, spacing)
    lo, hi = axis.range
    length = axis.height() if axis.orientation in ("left", "right") else axis.width()
    decade = length / max(hi - lo, 1e-9)  # pixels per factor of 10
    line = QFontMetrics(axis.style["tickFont"] or QFont()).height() * 1.1
    shown = range(1, 10) if decade * np.log10(10 / 9) >= line else (1, 2, 5) if decade * np.log10(2) >= line else (1,)
    return [text if round(10 ** (v - np.floor(v + 1e-9))) in shown else ""
            for v, text in zip(values, strings, strict=True)]


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
    item = pg.TextItem(text, color=owner.palette().color(QPalette.ColorRole.PlaceholderText), anchor=(0.5, 0.5))
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


def dot_if_alone(curve: pg.PlotDataItem, points: int) -> None:
    """One point makes no line: show it as a dot (the first row, before any training)."""
    alone = points == 1
    if alone != (curve.opts.get("symbol") is not None):
        curve.setSymbol("o" if alone else None)
        if alone:
            curve.setSymbolSize(8)
            curve.setSymbolBrush(curve.opts["pen"].color() if hasattr(curve.opts["pen"], "color") else None)
