"""The data and what the network makes of it: a scatter of the samples (training filled, test hollow,
coloured by class or by target value) over the network's decision field — a heat map of the argmax
class for two inputs (for more, a slice through the input space over the two the unit maps span), the fitted
curve for one.

``set_field`` runs up to ~30 times a second during a run, so its colours come from tables built once
in ``set_data``: the only new array per call is the 80 × 80 RGBA image.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from bpstudio.app.widgets.export_menu import add_picture_actions
from bpstudio.app.widgets.form_fields import fill, wrapped_label
from bpstudio.app.widgets.preview import TRAINING_EXAMPLE, example_training, show_alone
from bpstudio.engine.datasets import Dataset
from bpstudio.engine.decision_field import DecisionField, field_extent, input_plane
from bpstudio.engine.text.indices import input_name

from . import plot_style as style
from .data_points import labels_of, thinned

LEVELS = 64  # shades per class in the heat map: from white (a coin toss) to the class colour (certain)
FIELD_STRENGTH = 0.55  # a certain region is this far from white towards its class colour: points stay visible
FIELD_STRENGTH_REGRESSION = 0.7  # the output's colour, paled, so points of the same value still stand out
MAX_LEGEND_CLASSES = 10
POINT_SIZE = 9
OUTLINE = "#303030"
REGRESSION_MAP = pg.colormap.get("viridis")


class DataView(QWidget):
    """``plot`` holds ``train_points`` and ``test_points`` over ``image`` (a plane's RGBA colours) or ``curve`` (a
    fitted curve); ``colour_bar`` is a regression plane's scale; ``extent`` the decision field's input range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.extent: tuple[tuple[float, float], ...] | None = None  # the decision field's input range
        self.classes = 0  # 0 for a regression target
        self._lut = np.zeros((1, LEVELS, 4), np.uint8)  # (class, shade) → RGBA
        self._levels = (0.0, 1.0)  # a regression target's colour range
        self._rect_key: tuple | None = None
        self.features: tuple[int, int] = (0, 1)  # the inputs across and up
        self._shown: tuple = ([], [], [], (), [])  # (sets, their labels, class colours, input names, notes)

        self.plot = style.new_plot_widget(self, grid=False)  # grid lines would read as structure in the map
        self.plot.setToolTip(self.tr("The samples (training filled, test hollow) over what the network "
                                     "outputs at each point of the input plane"))
        item = self.plot.getPlotItem()
        self.image = pg.ImageItem(axisOrder="row-major")  # per item, never the global option
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.curve = pg.PlotDataItem(pen=style.pen(style.PALETTE[3], width=3.5))
        self.curve.setZValue(5)
        self.plot.addItem(self.curve)
        style.thicken(self.curve)  # presentation mode: twice as thick
        self.train_points = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen(OUTLINE, width=1))
        self.test_points = pg.ScatterPlotItem(size=POINT_SIZE, brush=pg.mkBrush(None))
        for z, points in enumerate((self.train_points, self.test_points)):
            points.setZValue(10 + z)
            self.plot.addItem(points)
        self.colour_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=REGRESSION_MAP, width=14,
                                          interactive=False, colorMapMenu=False)
        self.colour_bar.setToolTip(self.tr("The colour of a target value, and of the network's output"))
        item.layout.addItem(self.colour_bar, 2, 5)  # beside the right axis, as ColorBarItem itself does
        self.colour_bar.hide()
        self.legend = wrapped_label(name="dataViewLegend", tip=self.tr(
            "Colours are classes, in the points and in the regions the network assigns to them; paler regions are "
            "less certain"))
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.note = wrapped_label(name="dataViewNote", tip=self.tr("What this view cannot show for this data"),
                                  hidden=True)
        fill(QVBoxLayout(self), self.legend, (self.plot, 1), self.note, margins=(2, 2, 2, 2))
        self.picture_menu = add_picture_actions(self, "data")  # right-click: save as PNG or SVG

    # ----- API --------------------------------------------------------------------------
    def set_data(self, train: Dataset, test: Dataset | None, classes: tuple[str, ...] | None = None,
                 features: tuple[str, ...] = ()) -> None:
        """Show these samples (``features``: the inputs' names, if the data has them); clears the decision field
        until the next ``set_field``."""
        sets = [train] if test is None else [train, test]
        d = train.x.shape[1]
        labels = [labels_of(s) for s in sets]
        top = max((int(l.max(initial=0)) for l in labels if l is not None), default=-1)
        self.classes = 0 if labels[0] is None else max(len(classes or ()), train.y.shape[1], 1 + top, 2)
        notes = []
        all_x = np.vstack([s.x for s in sets])
        self.extent = extent = field_extent(all_x) if d <= 2 else None
        one_d = d == 1
        colours = []
        if self.classes:
            rgb = style.class_rgb(self.classes)
            t = np.linspace(0.0, FIELD_STRENGTH, LEVELS)[None, :, None]
            self._lut = np.empty((self.classes, LEVELS, 4), np.uint8)
            self._lut[..., :3] = np.rint(255.0 * (1 - t) + rgb[:, None, :] * t)
            self._lut[..., 3] = 255
            colours = [style.class_colour(i, self.classes) for i in range(self.classes)]
        else:
            lo, hi = float(train.y[:, 0].min()), float(train.y[:, 0].max())
            self._levels = (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)
            full = REGRESSION_MAP.getLookupTable(nPts=256, alpha=True).astype(np.float64)
            full[:, :3] = 255.0 * (1 - FIELD_STRENGTH_REGRESSION) + full[:, :3] * FIELD_STRENGTH_REGRESSION
            self._lut = np.rint(full).astype(np.uint8)[None]  # paler than the points, which keep full colour
            self.colour_bar.setLevels(self._levels)
            if train.y.shape[1] > 1:
                notes.append(self.tr("the colours show output 1 of {k}").format(k=train.y.shape[1]))
        for s, filled in zip(sets, (True, False), strict=False):
            if len(thinned(len(s.x))) < len(s.x):
                notes.append(self.tr("{shown} of {n} {which} points shown").format(
                    shown=len(thinned(len(s.x))), n=len(s.x), which=self.tr("training") if filled else self.tr("test")))
        if test is None:
            self.test_points.setData([], [])
        self._fill_legend(colours if self.classes else [], classes, test is not None, one_d)
        self.colour_bar.setVisible(not self.classes and d >= 2)
        self._shown = (sets, labels, colours, features, notes)
        # more than two inputs: the engine's plane (the two that vary most), until a field says which
        self._draw(input_plane(all_x).features if d > 2 else (0, 1))
        if one_d and extent is not None:
            ys = np.concatenate([p.data["y"] for p in (self.train_points, self.test_points)])
            self.plot.setRange(xRange=extent[0], yRange=field_extent(ys[:, None])[0], padding=0)
        self.set_field(None)

    def _draw(self, features: tuple[int, ...]) -> None:
        """The points, axes and note over inputs ``features`` (across, up)."""
        sets, labels, colours, names, notes = self._shown
        self.features = a, b = features[0], features[-1]
        d = sets[0].x.shape[1]
        one_d = d == 1
        for s, points, filled, lab in zip(sets, (self.train_points, self.test_points), (True, False), labels,
                                          strict=False):
            keep = thinned(len(s.x))
            x = s.x[keep, a]
            y = (s.y[keep, 0] if s.y.shape[1] == 1 or lab is None else lab[keep]) if one_d else s.x[keep, b]
            if self.classes and lab is not None:
                colour = [colours[int(c)] for c in lab[keep]]
            elif one_d:
                colour = [pg.mkColor(style.TRAIN_COLOUR)] * len(keep)
            else:
                colour = list(REGRESSION_MAP.map(self._scaled(s.y[keep, 0]) / 255.0, mode="qcolor"))
            if filled:
                points.setData(x, y, brush=[pg.mkBrush(c) for c in colour])
            else:
                points.setData(x, y, pen=[pg.mkPen(c, width=2.5) for c in colour])
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("x (input)") if one_d else input_name(a, names), **style.label_style())
        item.setLabel("left", input_name(b, names) if not one_d else
                      (self.tr("y (target)") if labels[0] is None or sets[0].y.shape[1] == 1 else self.tr("class")),
                      **style.label_style())
        if not one_d:
            x_range, y_range = field_extent(np.vstack([s.x[:, [a, b]] for s in sets]))
            self.plot.setRange(xRange=x_range, yRange=y_range, padding=0)
        slice_note = [] if d <= 2 else [self.tr("a slice: {x} and {y}, the other {n} inputs at their means").format(
            x=input_name(a, names), y=input_name(b, names), n=d - 2)]
        self.note.setText("; ".join(slice_note + notes))
        self.note.setVisible(bool(slice_note + notes))

    def set_field(self, field: DecisionField | None) -> None:
        """The network's outputs over the input space (None: show none)."""
        self.image.setVisible(field is not None and field.kind == "plane")
        self.curve.setVisible(field is not None and field.kind == "curve")
        if field is None or field.kind == "units":  # (an output layer too wide to map: only the canvas's maps)
            return
        if field.units is not None and field.units.plane.inputs > 2 and field.units.plane.features != self.features:
            self._draw(field.units.plane.features)  # the learner chose other inputs for the maps
        if field.kind == "curve":
            out = field.outputs
            self.curve.setData(field.xs, out[:, 0] if out.shape[1] == 1 or not self.classes
                               else np.argmax(out, axis=1))
            return
        self.image.setImage(self.field_colours(field.outputs), autoLevels=False)
        xs, ys = field.xs, field.ys
        assert ys is not None  # a plane has both axes
        key = (xs[0], xs[-1], ys[0], ys[-1], len(xs), len(ys))
        if key != self._rect_key:  # setRect scales by the image's size: only after an image of it is set
            self._rect_key = key
            dx, dy = (xs[-1] - xs[0]) / max(1, len(xs) - 1), (ys[-1] - ys[0]) / max(1, len(ys) - 1)
            self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys)))

    def field_colours(self, outputs: np.ndarray) -> np.ndarray:
        """(R, R, nᴸ) outputs → (R, R, 4) RGBA: the argmax class's colour, whiter where the top
        probability is lower (a coin toss is white); for regression, output 1 on the colour map."""
        if not self.classes:
            return self._lut[0, self._scaled(outputs[..., 0])]
        if outputs.shape[-1] == 1:  # one sigmoid unit: class 1 when aᴸ ≥ ½, the same rule as accuracy
            p1 = outputs[..., 0]
            cls = (p1 >= 0.5).view(np.int8)
            top, k = np.maximum(p1, 1.0 - p1), 2
        else:
            cls = np.argmax(outputs, axis=-1)
            top, k = np.max(outputs, axis=-1), outputs.shape[-1]
        strength = np.nan_to_num((top - 1.0 / k) * (k / (k - 1.0)), nan=0.0, posinf=1.0, neginf=0.0)
        shade = (np.clip(strength, 0.0, 1.0) * (LEVELS - 1) + 0.5).astype(np.intp)
        return self._lut[np.minimum(cls, len(self._lut) - 1), shade]

    # ----- internals ---------------------------------------------------------------------
    def _scaled(self, values: np.ndarray) -> np.ndarray:
        """Values → indices 0 … 255 into the regression colour table (NaN at the low end)."""
        lo, hi = self._levels
        t = np.nan_to_num((values - lo) * (255.0 / (hi - lo)), nan=0.0, posinf=255.0, neginf=0.0)
        return np.clip(t, 0.0, 255.0).astype(np.intp)

    def _fill_legend(self, colours: list, names: tuple[str, ...] | None, has_test: bool, curve: bool) -> None:
        """A one-line legend above the plot (inside it, it would hide points near a corner)."""
        def entry(symbol: str, colour: str, name: str) -> str:
            name = escape(name).replace(" ", "&nbsp;")  # a line breaks between entries, never inside one
            return f'<span style="color:{colour}; font-size:14pt">{symbol}</span>&nbsp;{name}'

        parts = [entry("●", c.name(), names[i] if names and i < len(names) else self.tr("class {i}").format(i=i))
                 for i, c in enumerate(colours[:MAX_LEGEND_CLASSES])]
        if len(colours) > MAX_LEGEND_CLASSES:
            parts.append(escape(self.tr("… {n} classes in all").format(n=len(colours))))
        if has_test:
            grey = self.palette().placeholderText().color().name()
            parts += [entry("●", grey, self.tr("training (filled)")), entry("○", grey, self.tr("test (hollow)"))]
        if curve:
            parts.append(entry("━", self.curve.opts["pen"].color().name(), self.tr("the network's output aᴸ")))
        self.legend.setText("&nbsp;&nbsp; ".join(parts))
        self.legend.setVisible(bool(parts))


def _preview(name: str = TRAINING_EXAMPLE) -> DataView:
    """After some training: ``python -m bpstudio.app.training.data_view [xor_tanh | sine_regression | …]``."""
    from bpstudio.engine.backprop import Plan
    from bpstudio.engine.decision_field import decision_field

    project, stepper, _ = example_training(name, iterations=1500, probes=1)
    view = DataView()
    view.set_data(*project.split())
    if view.extent is not None:
        view.set_field(decision_field(Plan.of(project.network), stepper.parameters, view.extent))
    return view


if __name__ == "__main__":
    import sys

    sys.exit(show_alone(lambda: _preview(*sys.argv[1:2]), 700, 600))
