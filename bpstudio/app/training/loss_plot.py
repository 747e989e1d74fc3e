"""Loss and accuracy over training, read from a ``TrainingLog``: the loss on the left, the accuracy on
the right (x axes linked), training solid and test dashed.

``refresh()`` is called up to ~30 times a second during a run: it hands pyqtgraph the log's column
views (no copies) only when the log has grown or changed, and pyqtgraph's peak downsampling and
clipping keep hundreds of thousands of points smooth.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bpstudio.app.widgets.export_menu import add_picture_actions
from bpstudio.app.widgets.flow_layout import flow_row
from bpstudio.app.widgets.form_fields import buddy_label, fill
from bpstudio.app.widgets.preview import example_training, show_alone
from bpstudio.engine.training_log import TrainingLog

from . import plot_style as style
from .divergence_mark import DivergenceMark
from .plot_axes import PlotSwitches, SteppedRange

LEFT_AXIS_WIDTH = 64  # both plots' left axes equally wide, so their x axes line up


class LossPlot(PlotSwitches):
    """``loss_plot`` and ``accuracy_plot`` side by side; ``curves`` by log column ("train_loss", "test_accuracy" …)."""

    def set_loss_form(self, form: str) -> None:
        """Name the loss in use above the plot (e.g. ½‖y − a‖² or ‖a − y‖²: the two squared errors differ by 2)."""
        self.form_label.setText(self.tr("L = {form}, the mean over the samples").format(form=form) if form else "")
        self.loss_form = form

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log: TrainingLog | None = None
        self._shown = None
        self._has_test = self._has_accuracy = False
        self._state: tuple | None = None  # (empty, has test set, has accuracy) as last shown

        self.log_box = QCheckBox(self.tr("Log scale"))
        self.log_box.setToolTip(self.tr("Loss on a logarithmic axis: late, small improvements stay visible "
                                        "(zero, negative or infinite values are left out)"))
        self.log_box.toggled.connect(self.set_log_scale)
        self.x_box = style.x_axis_combo(self)
        self.x_box.currentIndexChanged.connect(self._x_axis_changed)
        x_label = buddy_label(self.tr("x axis"), self.x_box)
        self.form_label = QLabel(wordWrap=True)  # which loss the curves show (wraps in a narrow dock)
        self.form_label.setObjectName("lossForm")
        self.form_label.setToolTip(self.tr("The loss in use, per sample; a point of the curve is its mean over "
                                           "the training (or test) set"))
        self.loss_form = ""
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("lossPlotNote")
        self.note.setToolTip(self.tr("Why a curve is missing"))
        self.note.hide()
        controls = flow_row(self.log_box, 12, x_label, self.x_box, 12, self.form_label, 12, self.note)

        self.loss_plot = self.main_plot = style.new_plot_widget(self)
        self.loss_plot.setToolTip(self.tr("Mean loss over the whole training set (solid) and test set (dashed), "
                                          "measured after each logged update"))
        self.accuracy_plot = style.new_plot_widget(self)
        self.accuracy_plot.setToolTip(self.tr("Fraction of samples classified right, training (solid) and "
                                              "test (dashed)"))
        self.accuracy_plot.setXLink(self.loss_plot)
        self.accuracy_plot.setYRange(0.0, 1.0, padding=0.05)
        accuracy_axis = self.accuracy_plot.getPlotItem().getAxis("left")
        # 0.25 and 0.75 a finer level, labelled only where the axis has room for them (a short plot piled them up)
        accuracy_axis.setTicks([[(v, f"{v:g}") for v in (0.0, 0.5, 1.0)], [(v, f"{v:g}") for v in (0.25, 0.75)]])
        accuracy_axis.setStyle(hideOverlappingLabels=False)  # 1 (all right) is the label that matters
        self.accuracy_plot.getPlotItem().setMouseEnabled(y=False)
        self.accuracy_plot.getPlotItem().enableAutoRange(y=False)
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getPlotItem().getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        self.loss_plot.setLabel("left", self.tr("loss"), **style.label_style())
        self.accuracy_plot.setLabel("left", self.tr("accuracy"), **style.label_style())
        style.add_legend(self.loss_plot, self)
        style.add_legend(self.accuracy_plot, self).setOffset((-10, -10))  # bottom right: accuracy rises
        self.curves = {
            "train_loss": style.log_curve(self.loss_plot, style.TRAIN_COLOUR, self.tr("training loss")),
            "test_loss": style.log_curve(self.loss_plot, style.TEST_COLOUR, self.tr("test loss"), dashed=True),
            "train_accuracy": style.log_curve(self.accuracy_plot, style.TRAIN_COLOUR,
                                              self.tr("training accuracy"), finite=True),
            "test_accuracy": style.log_curve(self.accuracy_plot, style.TEST_COLOUR, self.tr("test accuracy"),
                                             dashed=True, finite=True),
        }
        self.hint = style.hint_text(self.loss_plot, self, self.tr("Run or step an iteration to see the loss"))
        self.divergence_mark = DivergenceMark(self.loss_plot, self.tr("diverged in iteration {i}"))
        self.follow = SteppedRange(self.loss_plot.getPlotItem())

        # side by side: the dock sits under the panels, wide and short
        plots = fill(QHBoxLayout(), (self.loss_plot, 3), (self.accuracy_plot, 2))
        fill(QVBoxLayout(self), controls, (plots, 1), margins=(2, 2, 2, 2))
        self._label_x()
        self.refresh()
        self.picture_menu = add_picture_actions(self, "loss")  # right-click: save as PNG or SVG

    def picture_rect(self) -> QRect:
        """What a saved picture shows: the plots, not the switches above them."""
        rect = QRect()
        for plot in (self.loss_plot, self.accuracy_plot):
            if not plot.isHidden():
                rect = rect.united(plot.geometry())
        return rect

    # ----- API --------------------------------------------------------------------------
    def set_log(self, log: TrainingLog | None) -> None:
        """Show this log (kept by reference; ``refresh`` re-reads it)."""
        self._log = log
        self.divergence_mark.place(None)
        self._shown = self._state = None  # a new log starts with the whole run in view
        self.follow.reset()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the log's columns; does nothing when the log has not changed since the last call."""
        log = self._log
        x_name = self.x_column()
        key = None if log is None else (len(log), log.generation, x_name)
        if key == self._shown and key is not None:
            return
        if key is None or self._shown is None or key[1] != self._shown[1]:
            self._has_test = self._has_accuracy = False  # cleared or reset (maybe for other data): look again
            if log is None or not len(log):
                self.divergence_mark.place(None)  # a reset: the mark of a divergence undone
        self._shown = key
        if log is None or not len(log):
            for curve in self.curves.values():
                curve.setData([], [])
            self._update_visibility(empty=True)
            return
        x = log.column(x_name)
        # test set and accuracy are properties of the data, fixed until a reset: look until found
        self._has_test = self._has_test or not np.isnan(log.column("test_loss")).all()
        self._has_accuracy = self._has_accuracy or not np.isnan(log.column("train_accuracy")).all()
        for name, curve in self.curves.items():
            test, accuracy = name.startswith("test"), name.endswith("accuracy")
            if (self._has_test or not test) and (self._has_accuracy or not accuracy):
                curve.setData(x, log.column(name))
                style.dot_if_alone(curve, len(x))
            elif curve.yData is not None:
                curve.setData([], [])
        self._update_visibility(empty=False)
        losses = [log.column("train_loss")] + ([log.column("test_loss")] if self._has_test else [])
        self.follow.update(x, losses, log.generation, self.is_log_scale())
        self.divergence_mark.follow(log, x_name)

    def mark_divergence(self, iteration: int | None) -> None:
        """A red line where a run diverged: after ``iteration`` whole iterations the next one's numbers grew
        infinite (None: no mark)."""
        self.divergence_mark.place(iteration)
        if self._log is not None:
            self.divergence_mark.follow(self._log, self.x_column())

    # ----- internals ---------------------------------------------------------------------
    def _label_x(self) -> None:
        """The x axis's name under both plots (they stand side by side)."""
        text = self.tr("iteration") if self.x_column() == "iteration" else self.tr("epoch")
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getPlotItem().showLabel("bottom", True)
            plot.setLabel("bottom", text, **style.label_style())

    def _update_visibility(self, empty: bool) -> None:
        """Hint, test curves, legend entries, accuracy plot and note: only when what is shown changes,
        so a zoom the user made while training is left alone."""
        state = (empty, self._has_test, self._has_accuracy)
        if state == self._state:
            return
        was_empty = self._state is None or self._state[0]
        self._state = state
        self.hint.setVisible(empty)
        for name, curve in self.curves.items():
            test = name.startswith("test")
            if test:
                curve.setVisible(self._has_test)
            legend = (self.accuracy_plot if name.endswith("accuracy") else self.loss_plot).getPlotItem().legend
            listed = legend.getLabel(curve) is not None
            wanted = not empty and (self._has_test or not test)
            if wanted and not listed:
                legend.addItem(curve, curve.name())
            elif listed and not wanted:
                legend.removeItem(curve)
        regression = not empty and not self._has_accuracy
        if self.accuracy_plot.isVisibleTo(self) == regression:
            self.accuracy_plot.setVisible(not regression)
            self._label_x()
        if regression:
            self.note.setText(self.tr("No accuracy for a regression target"))
        elif not empty and not self._has_test:
            self.note.setText(self.tr("No test set: only the training curves"))
        self.note.setVisible(regression or (not empty and not self._has_test))
        if empty:
            style.show_empty(self.loss_plot, self.hint, self.is_log_scale())
        elif was_empty:
            self.follow.reset()


def _preview() -> LossPlot:
    """The spiral example trained 1500 iterations, with a test set: ``python -m bpstudio.app.training.loss_plot``."""
    widget = LossPlot()
    widget.set_log(example_training(iterations=1500)[2])
    return widget


if __name__ == "__main__":
    import sys

    sys.exit(show_alone(_preview))
