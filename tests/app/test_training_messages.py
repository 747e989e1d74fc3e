"""Issue 14, items 11 and 12, in the window: a diverged run says where in plain words and the loss curve reaches
the mark of that point with readable ticks; a network that stopped learning is named; a log-scale loss with a
single point keeps its tick labels apart."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFontMetrics, QImage, QPainter
from test_training_window import open_example, wait_status
from window_helpers import settle

from bpstudio.engine.run_settings import DIVERGED, RUNNING


@pytest.fixture
def window(open_window):
    return open_window(threaded=True, size=(1440, 900))


def set_learning_rate(qtbot, w, value: str) -> None:
    box = w.form.learning_rate_box
    box.setText(value)
    box.setModified(True)
    box.editingFinished.emit()
    qtbot.waitUntil(lambda: w.state.project.training.learning_rate == float(value))


def shown_labels(plot) -> list[tuple[float, str]]:
    """(top in pixels, text) of every tick label the left axis draws now, as pyqtgraph lays them out to paint."""
    axis = plot.getPlotItem().getAxis("left")
    image = QImage(axis.width(), axis.height(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((rect.top(), text) for rect, _flags, text in (specs[2] if specs else []) if text)


def assert_readable(plot) -> None:
    labels = shown_labels(plot)
    assert len(labels) >= 2, labels
    height = QFontMetrics(plot.getPlotItem().getAxis("left").style["tickFont"]).height()
    assert all(b - a >= height * 0.9 for (a, _), (b, _) in zip(labels, labels[1:], strict=False)), labels  # apart
    assert all(len(text) <= 9 for _, text in labels), labels  # no 300-digit numbers the axis cannot show


def test_a_diverged_run_is_said_plainly_and_marked_where_the_curve_ends(qtbot, window):
    w = window
    open_example(qtbot, w, "sine_regression")
    set_learning_rate(qtbot, w, "20")
    w.training.actions.run.trigger()
    wait_status(qtbot, w, DIVERGED)
    where = w.controller.run_status.divergence
    text = w.messages.text()
    assert f"the loss became too large to compute (infinite, or NaN: not a number) in iteration {where.iteration + 1}" \
        in text
    assert "(loss)" not in text and "losses" not in text and "first appeared" not in text
    status = w.training.run_panel.status_label.text()
    assert status.startswith("Diverged: the loss became too large") and "(loss)" not in status
    plot = w.training.loss_plot
    qtbot.waitUntil(lambda: plot.divergence_mark.shown)
    assert plot.divergence_mark.text == f"diverged in iteration {where.iteration + 1}"
    assert plot.divergence_mark.line.value() == where.iteration

    def drawn_to() -> float:
        x, y = plot.curves["train_loss"].getData()
        return -1.0 if x is None else float(x[np.isfinite(y)].max())

    w.training.refresh_plots()
    qtbot.waitUntil(lambda: drawn_to() >= where.iteration - 2)  # the curve reaches the mark, not 40 before it
    assert drawn_to() <= where.iteration  # and nothing past it (rows the run wrote past it are gone)
    settle(qtbot, w)
    assert_readable(plot.loss_plot)  # a loss of 10³⁰⁰ on a linear axis still has its labels
    w.training.run_panel.forever_radio.setChecked(True)
    w.controller.reset()
    qtbot.waitUntil(lambda: not plot.divergence_mark.shown)  # a reset takes the mark away


def test_a_network_that_stopped_learning_is_named(qtbot, window):
    w = window
    open_example(qtbot, w, "spiral_softmax")
    set_learning_rate(qtbot, w, "1000")
    w.training.run_panel.forever_radio.setChecked(True)
    w.training.actions.run.trigger()
    qtbot.waitUntil(lambda: "stopped learning" in w.messages.text(), timeout=60_000)
    w.training.actions.pause.trigger()
    qtbot.waitUntil(lambda: w.controller.run_status.state != RUNNING)
    text = w.messages.text()
    assert "The network has stopped learning: the gradient ∂L/∂W of every layer has been 0" in text
    assert "units of layer 1 are dead: ReLU gives 0 for every sample" in text
    assert "lower η and reset" in text


def test_a_log_scale_loss_with_one_point_keeps_its_labels_apart(qtbot, open_window):
    w = open_window(size=(1440, 900))
    plot = w.training.loss_plot
    plot.log_box.setChecked(True)
    w.actions_.finish.trigger()  # one iteration: the log's first rows
    settle(qtbot, w)
    w.training.refresh_plots()
    qtbot.waitUntil(lambda: len(w.controller.log) >= 1 and plot.curves["train_loss"].getData()[0] is not None)
    qtbot.wait(50)
    assert_readable(plot.loss_plot)
    labels = [text for _, text in shown_labels(plot.loss_plot)]
    assert "0.1" in labels and "0.03" not in labels  # decades, not every 0.01 … 0.09 on top of each other


def bottom_labels(plot) -> list[tuple[float, float, str]]:
    """(left, right, text) of every label the bottom axis draws now, as pyqtgraph lays them out to paint."""
    axis = plot.getPlotItem().getAxis("bottom")
    image = QImage(max(1, axis.width()), max(1, axis.height()), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((rect.left(), rect.right(), text) for rect, _flags, text in (specs[2] if specs else []) if text)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_decision_boundarys_axis_labels_never_overlap(qtbot, open_window, size):
    """A finer tick level thinned to every other label must not slip between the main labels (0.4 0.5 0.6)."""
    w = open_window(size=size)
    settle(qtbot, w)
    plot = w.training.data_view.plot
    qtbot.waitUntil(lambda: plot.getPlotItem().getAxis("bottom").width() > 50)
    labels = bottom_labels(plot)
    assert len(labels) >= 2, labels
    assert all(right + 4 <= left for (_, right, _), (left, _, _) in zip(labels, labels[1:], strict=False)), labels


def test_a_short_accuracy_plot_keeps_its_labels_apart(qtbot, open_window):
    """Presentation mode on a small screen leaves the accuracy plot ~70 px high: 0.25 … 0.75 piled up there."""
    w = open_window(size=(1024, 768))
    plot = w.training.loss_plot.accuracy_plot
    w.training.loss_plot.accuracy_plot.setFixedHeight(90)
    settle(qtbot, w)
    qtbot.wait(50)
    labels = shown_labels(plot)
    height = QFontMetrics(plot.getPlotItem().getAxis("left").style["tickFont"]).height()
    assert labels and all(b - a >= height * 0.9 for (a, _), (b, _) in zip(labels, labels[1:], strict=False)), labels
