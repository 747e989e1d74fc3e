"""A large matrix as a colour image: symmetric blue–white–red levels with a colour bar, axes that
read 1-based indices, and a hover read-out (unit, sample or source, value) whose derivation is
emitted for the panel's derivation pane. Part of a ``MatrixView``; it reads the view's model."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..engine.explain import format_number
from .matrix_model import DIVERGING_STOPS, MatrixModel

COLOUR_MAP = pg.ColorMap(np.linspace(0.0, 1.0, len(DIVERGING_STOPS)), DIVERGING_STOPS.astype(np.uint8))


def nice_limit(v: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 × 10ᵏ that is ≥ v: symmetric image levels that only
    change when the data grows or shrinks noticeably."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    scale = 10.0 ** np.floor(np.log10(v))
    for step in (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * scale >= v * (1 - 1e-12):
            return float(step * scale)
    return float(10 * scale)


class MatrixImage(QWidget):
    """A view box with two axes and a colour bar — no PlotItem, whose menus and controls cost ~10 ms
    to build per box (a 784-128-64-10 network has nineteen of these)."""

    hovered = Signal(str)  # the derivation of the entry under the mouse

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._shape: tuple[int, int] | None = None
        self._shown: np.ndarray | None = None  # what the image shows now
        self._levels = 0.0  # the colour scale spans ±_levels
        self._hover: tuple[int, int] | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName("matrixImage")
        self.graphics.setBackground(self.palette().window().color())
        layout = self.graphics.ci.layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(2)
        layout.setVerticalSpacing(0)
        self.view_box = pg.ViewBox(enableMouse=False, enableMenu=False, invertY=True, defaultPadding=0.0)
        self.view_box.disableAutoRange()
        font = self.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() - 2))
        text = self.palette().text().color()
        self.left_axis = pg.AxisItem("left", linkView=self.view_box, pen=text, textPen=text)
        self.bottom_axis = pg.AxisItem("bottom", linkView=self.view_box, pen=text, textPen=text)
        for axis in (self.left_axis, self.bottom_axis):
            axis.setStyle(tickFont=font, tickLength=-3, maxTickLevel=0)  # major ticks only: cheap to redraw
            axis.enableAutoSIPrefix(False)
        self.left_axis.setWidth(30)
        self.bottom_axis.setHeight(18)
        self.graphics.addItem(self.left_axis, row=0, col=0)
        self.graphics.addItem(self.view_box, row=0, col=1)
        self.graphics.addItem(self.bottom_axis, row=1, col=1)
        self.image = pg.ImageItem(axisOrder="row-major")  # per item, never the global option
        self.view_box.addItem(self.image)
        self.message = pg.TextItem(color=self.palette().placeholderText().color(), anchor=(0.5, 0.5))
        self.message.setVisible(False)
        self.view_box.addItem(self.message, ignoreBounds=True)
        self.colour_bar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=COLOUR_MAP, interactive=False, width=8,
                                          colorMapMenu=False, pen=self.palette().mid().color())
        self.colour_bar.setImageItem(self.image)
        self.graphics.addItem(self.colour_bar, row=0, col=2)
        bar_axis = self.colour_bar.axis
        bar_axis.setTextPen(text)
        bar_axis.setStyle(tickFont=font)
        bar_axis.enableAutoSIPrefix(False)
        for item in (self.left_axis, self.bottom_axis, bar_axis):  # text is costly: blit it until it changes
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self.readout = QLabel()
        self.readout.setObjectName("hoverReadout")
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        box.addWidget(self.graphics, 1)
        box.addWidget(self.readout)

    def show_model(self, shape: tuple[int, int]) -> None:
        """Show the model's array (of ``shape``), or, when it is not computed, the same axes and no numbers."""
        array = self.model.array
        if shape != self._shape:  # pixel (r, c) covers [c + ½, c + 1½]: ticks read 1-based
            self._shape = shape
            # setRect scales by the image's size, so an image of this shape must be there first
            self.image.setImage(np.zeros(shape), autoLevels=False, levels=(-1.0, 1.0))
            self._shown = None
            self.image.setRect(QRectF(0.5, 0.5, shape[1], shape[0]))
            self.view_box.setRange(xRange=(0.5, shape[1] + 0.5), yRange=(0.5, shape[0] + 0.5), padding=0)
            self.bottom_axis.setStyle(showValues=shape[1] > 1)
            self.message.setPos(0.5 + shape[1] / 2, 0.5 + shape[0] / 2)
        if array is None:
            self.image.setVisible(False)
            self.message.setText(self.tr("not computed yet"))  # short: the view box clips what overflows
            self.message.setVisible(True)
            self.readout.setText(self.model.not_computed_message())
            self.graphics.setToolTip(self.model.not_computed_message())
            self._hover = None
            return
        self.image.setVisible(True)
        self.message.setVisible(False)
        v = nice_limit(self.model.limit)
        shown = self._shown
        # snapshots copy every array, so compare contents: W¹ (128 × 784) is unchanged by most stages
        if shown is None or shown.shape != shape or v != self._levels or not np.array_equal(shown, array):
            self.image.setImage(array, autoLevels=False, levels=(-v, v))
            self._shown = array
        if v != self._levels:  # rounded levels change rarely, so the colour bar's axis is seldom redrawn
            self._levels = v
            self.colour_bar.setLevels(low=-v, high=v)
        if self._hover is not None and self._hover[0] < shape[0] and self._hover[1] < shape[1]:
            self.hover_entry(*self._hover)
        else:
            self._hover = None
            self.graphics.setToolTip("")
            self._idle_readout()

    def refresh_entry(self) -> None:
        """After a precision change: the read-out of the hovered entry at the new precision."""
        if self._hover is not None and self.model.array is not None:
            self.hover_entry(*self._hover)

    def hover_entry(self, row: int, col: int) -> str:
        """Read out entry (row, col), 0-based, as when the mouse is over it; returns its derivation."""
        self._hover = (row, col)
        m = self.model
        where = str(m.headerData(col, Qt.Orientation.Horizontal))
        self.readout.setText(self.tr("unit {j}, {where}: {value}").format(j=row + 1, where=where,
                                                                          value=m.text(row, col)))
        text = m.explain(row, col)
        self.graphics.setToolTip(text)
        self.hovered.emit(text)
        return text

    def _idle_readout(self) -> None:
        array = self.model.array
        finite = np.abs(array[np.isfinite(array)]) if array is not None else np.zeros(0)
        top = float(finite.max()) if finite.size else 0.0
        text = self.tr("all 0") if top == 0.0 else self.tr("max |x| = {v}").format(
            v=format_number(top, self.model.precision))
        if array is not None and finite.size < array.size:
            text += self.tr(" · {n} not finite (NaN or ∞)").format(n=array.size - finite.size)
        self.readout.setText(text)
        self.readout.setToolTip(self.tr("Hover the image: the entry's value, and below how it was computed"))

    def _mouse_moved(self, pos: QPointF) -> None:
        array = self.model.array
        if array is None or not self.isVisible():
            return
        p = self.image.mapFromScene(pos)
        r, c = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= r < array.shape[0] and 0 <= c < array.shape[1] and (r, c) != self._hover:
            self.hover_entry(r, c)


def _preview() -> QWidget:
    """A 128 × 784 weight matrix drawn as an image: ``python -m bpstudio.app.matrix_image``."""
    from ..engine import LayerSpec, NetworkSpec, Project, TrainingSpec
    from .matrix_view import MatrixView
    from .view_state import ViewState

    rng = np.random.default_rng(1)
    spec = NetworkSpec(784, (LayerSpec(128, "relu"), LayerSpec(10, "softmax")), "cross_entropy")
    project = Project(spec, {"x": rng.random((64, 784)).tolist(), "y": np.eye(10)[rng.integers(0, 10, 64)].tolist()},
                      TrainingSpec(learning_rate=0.1))
    stepper = project.stepper()
    stepper.finish_iteration()
    view = MatrixView("W")
    view.set_state(ViewState(project, stepper.snapshot(), 1))
    return view


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    widget = _preview()
    widget.resize(700, 400)
    widget.show()
    sys.exit(app.exec())
