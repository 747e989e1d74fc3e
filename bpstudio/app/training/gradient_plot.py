"""The size of each layer's weight gradient over training, read from a ``TrainingLog``: one curve per
layer of mean |∂L/∂Wˡ| on the training set, on a log axis by default. Lower layers' curves falling
towards 0 show vanishing gradients; curves growing show exploding ones.

Same refresh discipline as the loss plot: new data is handed over only when the log changed.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from bpstudio.app.widgets.export_menu import add_picture_actions
from bpstudio.app.widgets.flow_layout import flow_row
from bpstudio.app.widgets.form_fields import buddy_label, fill
from bpstudio.app.widgets.preview import example_training, show_alone
from bpstudio.engine.training_log import TrainingLog

from . import plot_style as style
from .plot_axes import PlotSwitches, SteppedRange


class GradientPlot(PlotSwitches):
    """``plot`` with one of ``curves`` per layer (``curves[0]`` is layer 1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log: TrainingLog | None = None
        self._shown = None
        self.curves: list = []
        explanation = self.tr("Mean |∂L/∂Wˡ| on the training set: curves that fall towards 0 for the lower "
                              "layers show vanishing gradients; curves that grow show exploding ones.")

        self.log_box = QCheckBox(self.tr("Log scale"))
        self.log_box.setChecked(True)
        self.log_box.setToolTip(self.tr("Gradient size on a logarithmic axis: layers whose gradients differ "
                                        "a thousandfold still show side by side (zeros are left out)"))
        self.log_box.toggled.connect(self.set_log_scale)
        self.x_box = style.x_axis_combo(self)
        self.x_box.currentIndexChanged.connect(self._x_axis_changed)
        x_label = buddy_label(self.tr("Plot against"), self.x_box)
        title = QLabel(self.tr("Gradient size per layer, mean |∂L/∂Wˡ|"), wordWrap=True)  # wraps when narrow
        title.setToolTip(explanation)
        controls = flow_row(title, 12, self.log_box, 12, x_label, self.x_box)

        self.plot = self.main_plot = style.new_plot_widget(self)
        self.plot.setToolTip(explanation)
        self.plot.setLabel("left", self.tr("mean |∂L/∂W|"), **style.label_style())
        self.plot.getPlotItem().setLogMode(False, True)
        style.add_legend(self.plot, self)
        self.hint = style.hint_text(self.plot, self, self.tr("Run or step an iteration to see the gradients"))
        self.follow = SteppedRange(self.plot.getPlotItem())

        fill(QVBoxLayout(self), controls, (self.plot, 1), margins=(2, 2, 2, 2))
        self._label_x()
        self.refresh()
        self.picture_menu = add_picture_actions(self, "gradients")  # right-click: save as PNG or SVG

    def picture_rect(self) -> QRect:
        """What a saved picture shows: the plot, not the switches above it."""
        return self.plot.geometry()

    # ----- API --------------------------------------------------------------------------
    def set_log(self, log: TrainingLog | None) -> None:
        """Show this log (kept by reference; ``refresh`` re-reads it). One curve per layer of its network."""
        self._log = log
        self._shown = None
        self.hint.setVisible(True)  # so the first rows bring the whole run into view
        self.refresh()

    def refresh(self) -> None:
        """Re-read the log's gradient columns; does nothing when the log has not changed."""
        log = self._log
        key = None if log is None else (len(log), log.generation, self.x_column())
        if key == self._shown and key is not None:
            return
        self._shown = key
        self._one_curve_per_layer(0 if log is None else log.layers)  # a reset may change the depth
        empty = log is None or not len(log)
        if log is None or empty:
            for curve in self.curves:
                curve.setData([], [])
            style.show_empty(self.plot, self.hint, self.is_log_scale())
        else:
            x = log.column(self.x_column())
            for l, curve in enumerate(self.curves, start=1):
                curve.setData(x, log.gradient(l))
                style.dot_if_alone(curve, len(x))
            if self.hint.isVisible():  # the first rows: the whole run in view; later, a user's zoom stays
                self.follow.reset()
            self.follow.update(x, [log.gradient(l) for l in range(1, log.layers + 1)], log.generation,
                               self.is_log_scale())
        self.hint.setVisible(empty)

    # ----- internals ---------------------------------------------------------------------
    def _label_x(self) -> None:
        text = self.tr("iteration") if self.x_column() == "iteration" else self.tr("epoch")
        self.plot.setLabel("bottom", text, **style.label_style())

    def _one_curve_per_layer(self, layers: int) -> None:
        if len(self.curves) == layers:
            return
        for curve in self.curves:  # the colours depend on the count: rebuild them all
            self.plot.removeItem(curve)  # also leaves the legend
        self.curves = [style.log_curve(self.plot, style.class_colour(l - 1, layers), self.tr("layer {l}").format(l=l))
                       for l in range(1, layers + 1)]


def _preview() -> GradientPlot:
    """The spiral example's 3 layers over 1500 iterations: ``python -m bpstudio.app.training.gradient_plot``."""
    widget = GradientPlot()
    widget.set_log(example_training(iterations=1500)[2])
    return widget


if __name__ == "__main__":
    import sys

    sys.exit(show_alone(_preview, height=500))
