"""A large matrix as a colour image: symmetric blue–white–red levels with a colour bar and a hover
read-out (unit, sample or source, value) whose derivation is
emitted for the panel's derivation pane. Part of a ``MatrixView``; it reads the view's model."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from bpstudio.app.widgets.app_settings import DEFAULT_PRECISION
from bpstudio.app.widgets.diverging import DIVERGING_STOPS, nice_limit
from bpstudio.app.widgets.form_fields import fill
from bpstudio.engine.text.explain import format_number

from .matrix_model import MatrixModel, same
from .planted_marks import WRONG_RGB

COLOUR_MAP = pg.ColorMap(np.linspace(0.0, 1.0, len(DIVERGING_STOPS)), DIVERGING_STOPS.astype(np.uint8))
WRONG_ALPHA = 150  # a planted mistake's wrong entries: amber over the value, whose colour still shows through


class ColourBar(QWidget):
    """The colour scale beside an image: −v at the bottom, 0 in the middle, +v at the top. Painted
    directly (a pyqtgraph ColorBarItem brings an axis whose layout costs milliseconds every paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._low, self._high = -1.0, 1.0
        self.precision = DEFAULT_PRECISION
        self.setFixedWidth(62)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self._gradient_stops = [(float(t), QColor(*map(int, c[:3])))
                                for t, c in zip(np.linspace(0.0, 1.0, len(DIVERGING_STOPS)), DIVERGING_STOPS,
                                                strict=True)]

    def levels(self) -> tuple[float, float]:
        return self._low, self._high

    def setLevels(self, low: float, high: float) -> None:  # noqa: N802 - the name pyqtgraph's bar uses
        if (low, high) != (self._low, self._high):
            self._low, self._high = low, high
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        fm = p.fontMetrics()
        half = fm.height() // 2
        bar = QRectF(2, half, 10, max(4, self.height() - 2 * half))
        gradient = QLinearGradient(bar.bottomLeft(), bar.topLeft())  # low at the bottom
        for t, colour in self._gradient_stops:
            gradient.setColorAt(t, colour)
        p.fillRect(bar, gradient)
        p.setPen(self.palette().mid().color())
        p.drawRect(bar)
        p.setPen(self.palette().text().color())
        for y, value in ((bar.top(), self._high), (bar.center().y(), 0.0), (bar.bottom(), self._low)):
            p.drawText(QPointF(bar.right() + 4, y + fm.ascent() / 2 - 1), format_number(value, 3))
        p.end()


class MatrixImage(QWidget):
    """One ImageItem in a bare view (no PlotItem, no axes: their layout would be redone every paint,
    and a 784-128-64-10 network shows seven of these at once), a colour bar and a read-out line."""

    hovered = Signal(str)  # the derivation of the entry under the mouse

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._shape: tuple[int, int] | None = None
        self._shown: np.ndarray | None = None  # what the image shows now
        self._levels = 0.0  # the colour scale spans ±_levels
        self._hover: tuple[int, int] | None = None
        self.graphics = pg.GraphicsView(background=self.palette().window().color())
        self.graphics.setObjectName("matrixImage")
        self.view_box = pg.ViewBox(enableMouse=False, enableMenu=False, invertY=True, defaultPadding=0.0)
        self.view_box.disableAutoRange()
        self.graphics.setCentralItem(self.view_box)
        self.image = pg.ImageItem(axisOrder="row-major")  # per item, never the global option
        self.image.setLookupTable(COLOUR_MAP.getLookupTable(nPts=256))
        # drawn once per change at the size shown: the window repaints a box (a neighbour revealed, a page shown)
        # far more often than its numbers change, and scaling 128 × 784 pixels costs ~2 ms each time
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.view_box.addItem(self.image)
        self.wrong = pg.ImageItem(axisOrder="row-major")  # the entries a planted mistake made wrong
        self.wrong.setVisible(False)
        self.view_box.addItem(self.wrong)
        self._marked: np.ndarray | None = None  # the mask ``wrong`` shows
        self.message = pg.TextItem(color=self.palette().placeholderText().color(), anchor=(0.5, 0.5))
        self.message.setVisible(False)
        self.view_box.addItem(self.message, ignoreBounds=True)
        self.colour_bar = ColourBar()
        self.colour_bar.setToolTip(self.tr("Colour scale: blue negative, white 0, red positive (symmetric)"))
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self.readout = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.readout.setObjectName("hoverReadout")
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row = fill(QHBoxLayout(), (self.graphics, 1), self.colour_bar, margins=(0, 0, 0, 0), spacing=2)
        fill(QVBoxLayout(self), (row, 1), self.readout, margins=(0, 0, 0, 0), spacing=1)

    def show_model(self, shape: tuple[int, int]) -> None:
        """Show the model's array (of ``shape``), or, when it is not computed, an empty frame and no numbers."""
        array = self.model.array
        if shape != self._shape:  # pixel (r, c) covers [c + ½, c + 1½]: positions read 1-based
            self._shape = shape
            # setRect scales by the image's size, so an image of this shape must be there first
            self.image.setImage(np.zeros(shape), autoLevels=False, levels=(-1.0, 1.0))
            self._shown = None
            self.image.setRect(QRectF(0.5, 0.5, shape[1], shape[0]))
            self.view_box.setRange(xRange=(0.5, shape[1] + 0.5), yRange=(0.5, shape[0] + 0.5), padding=0)
            self.message.setPos(0.5 + shape[1] / 2, 0.5 + shape[0] / 2)
        self.image.setVisible(array is not None)
        self.message.setVisible(array is None)
        self._show_marks(shape)
        if array is None:
            self.message.setText(self.tr("not computed yet"))  # short: the view box clips what overflows
            self.readout.setText(self.model.not_computed_message())
            self.graphics.setToolTip(self.model.not_computed_message())
            self._hover = None
            return
        v = nice_limit(self.model.limit)
        shown = self._shown
        # snapshots copy every array, so compare contents: W¹ (128 × 784) is unchanged by most stages
        if shown is None or shown.shape != shape or v != self._levels or not same(shown, array):
            self.image.setImage(array, autoLevels=False, levels=(-v, v))
            self.image.render()  # colour-map it now, in the render slice, not later in the window's paint
            self._shown = array
        if v != self._levels:  # rounded levels change rarely
            self._levels = v
            self.colour_bar.setLevels(-v, v)
        if self._hover is not None and self._hover[0] < shape[0] and self._hover[1] < shape[1]:
            self.hover_entry(*self._hover)
        else:
            self._hover = None
            self.graphics.setToolTip("")
            self._idle_readout()

    def _show_marks(self, shape: tuple[int, int]) -> None:
        """The entries a planted mistake made wrong, in amber over the values (as a table marks its cells)."""
        mask = self.model.marks.shown
        if mask is None or mask.shape != shape or self.model.array is None:
            self.wrong.setVisible(False)
            self._marked = None
            return
        if mask is not self._marked:
            rgba = np.zeros((*shape, 4), np.uint8)
            rgba[mask] = (*WRONG_RGB, WRONG_ALPHA)
            self.wrong.setImage(rgba, autoLevels=False)
            self.wrong.setRect(QRectF(0.5, 0.5, shape[1], shape[0]))
            self._marked = mask
        self.wrong.setVisible(True)

    def refresh_entry(self) -> None:
        """After a precision change: the read-out of the hovered entry at the new precision."""
        if self._hover is not None and self.model.array is not None:
            self.hover_entry(*self._hover)

    def hover_entry(self, row: int, col: int) -> str:
        """Read out entry (row, col), 0-based, as when the mouse is over it; returns its derivation."""
        self._hover = (row, col)
        m = self.model
        self.readout.setText(self.tr("{row}, {where}: {value}").format(row=m.row_name(row), where=m.column_name(col),
                                                                       value=m.text(row, col)))
        text = m.marks.tip(row, col, m.precision) + m.explain(row, col)
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
        if self.model.marks.count:  # first: a narrow box cuts the line's end
            text = self.tr("{n} wrong (planted bug) · {rest}").format(n=self.model.marks.count, rest=text)
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
