"""The training plots: loss/accuracy and gradient curves read from a TrainingLog, and the data view
with its decision field. Logs come from real training runs of the shipped examples."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from bpstudio.app.training import plot_style as style
from bpstudio.app.training.data_points import MAX_POINTS
from bpstudio.app.training.data_view import FIELD_STRENGTH, LEVELS, DataView
from bpstudio.app.training.gradient_plot import GradientPlot
from bpstudio.app.training.loss_plot import LossPlot
from bpstudio.app.widgets.preview import example_training
from bpstudio.engine import load_project
from bpstudio.engine.backprop import Plan
from bpstudio.engine.decision_field import DecisionField, decision_field, input_plane, network_field
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.training_log import TrainingLog


@pytest.fixture(scope="module")
def spiral():
    """(project, stepper, log): the spiral example, 200 iterations, a test set of a quarter."""
    return example_training("spiral_softmax", iterations=200, probes=50)


@pytest.fixture(scope="module")
def sine():
    return example_training("sine_regression", iterations=300, probes=30, test_fraction=0.0)


def shown(qtbot, widget, width=800, height=600):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def copy_log(log: TrainingLog) -> TrainingLog:
    """A log of the same rows the test may change freely (the fixtures' logs are shared)."""
    out = TrainingLog(log.layers)
    out.append(log.rows())
    return out


# ----- loss plot -------------------------------------------------------------------------------
def test_loss_curves_hold_the_log_columns(qtbot, spiral):
    _, _, log = spiral
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    for name, curve in plot.curves.items():
        np.testing.assert_array_equal(curve.xData, log.column("iteration"))
        np.testing.assert_array_equal(curve.yData, log.column(name))
        assert curve.isVisible()
    assert not plot.hint.isVisible()
    assert not plot.accuracy_plot.isHidden()
    assert plot.curves["test_loss"].opts["pen"].style() == Qt.PenStyle.DashLine
    assert plot.curves["train_loss"].opts["pen"].style() == Qt.PenStyle.SolidLine
    legend = plot.loss_plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["training loss", "test loss"]


def test_log_scale_and_epochs_change_the_axes_and_the_x_data(qtbot, spiral):
    _, stepper, log = spiral
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    left = plot.loss_plot.getPlotItem().getAxis("left")
    assert not left.logMode
    plot.log_box.setChecked(True)
    assert left.logMode and plot.is_log_scale()
    x, y = plot.curves["train_loss"].getData()  # what is drawn: log10 of the loss
    np.testing.assert_allclose(y, np.log10(log.column("train_loss")))
    plot.set_log_scale(False)
    assert not left.logMode and not plot.log_box.isChecked()

    with qtbot.waitSignal(plot.xAxisChanged) as signal:
        plot.x_box.setCurrentIndex(plot.x_box.findData("epoch"))
    assert signal.args == ["epoch"]
    for curve in plot.curves.values():
        np.testing.assert_array_equal(curve.xData, log.column("epoch"))
    assert log.column("epoch")[-1] == pytest.approx(stepper.iteration / stepper.batches_per_epoch)
    assert plot.accuracy_plot.getPlotItem().getAxis("bottom").labelText == "epoch"
    plot.set_x_axis("iteration")
    np.testing.assert_array_equal(plot.curves["train_loss"].xData, log.column("iteration"))


def test_without_a_test_set_the_test_curves_are_hidden(qtbot):
    _, _, log = example_training("xor_tanh", iterations=60, probes=20, test_fraction=0.0)
    assert np.isnan(log.column("test_loss")).all()
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    assert not plot.curves["test_loss"].isVisible() and not plot.curves["test_accuracy"].isVisible()
    assert plot.curves["train_accuracy"].isVisible()
    legend = plot.loss_plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["training loss"]
    assert plot.note.isVisible() and "No test set" in plot.note.text()


def test_regression_hides_the_accuracy_plot_and_says_why(qtbot, sine):
    _, _, log = sine
    assert np.isnan(log.column("train_accuracy")).all()
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    assert plot.accuracy_plot.isHidden()
    assert plot.note.text() == "No accuracy for a regression target"
    assert plot.loss_plot.getPlotItem().getAxis("bottom").labelText == "iteration"  # the x label moved up
    np.testing.assert_array_equal(plot.curves["train_loss"].yData, log.column("train_loss"))


def test_empty_log_shows_the_hint_then_the_rows_as_they_come(qtbot, spiral):
    _, _, full = spiral
    log = TrainingLog(full.layers)
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    assert plot.hint.isVisible() and plot.hint.textItem.toPlainText() == "Run or step an iteration to see the loss"
    assert all(curve.yData is None for curve in plot.curves.values())
    log.append(full.rows()[:3])
    plot.refresh()
    assert not plot.hint.isVisible()
    np.testing.assert_array_equal(plot.curves["test_loss"].yData, full.column("test_loss")[:3])
    log.clear()  # a reset: the generation changes
    plot.refresh()
    assert plot.hint.isVisible() and plot.curves["train_loss"].yData is None


def test_refresh_hands_data_over_only_when_the_log_changed(qtbot, spiral, monkeypatch):
    log = copy_log(spiral[2])
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    calls = []
    curve = plot.curves["train_loss"]
    original = curve.setData
    monkeypatch.setattr(curve, "setData", lambda *a, **k: calls.append(1) or original(*a, **k))
    for _ in range(5):
        plot.refresh()
    assert calls == []
    row = log.rows()[-1:]
    row[0, 0] += 1  # the next iteration
    log.append(row)
    plot.refresh()
    assert len(calls) == 1 and len(curve.yData) == len(log)
    log.truncate(log.column("iteration")[-2])  # same length as before the append, new generation
    plot.refresh()
    assert len(calls) == 2 and len(curve.yData) == len(log)


def test_a_zoom_made_while_training_stays(qtbot, spiral):
    log = copy_log(spiral[2])
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    view = plot.loss_plot.getPlotItem().getViewBox()
    view.setXRange(20.0, 60.0, padding=0)  # the user zooms in (with the mouse, which says so)
    view.sigRangeChangedManually.emit(view.state["mouseEnabled"])
    row = log.rows()[-1:]
    row[0, 0] += 1
    log.append(row)
    plot.refresh()
    qtbot.wait(10)
    assert view.viewRange()[0] == pytest.approx([20.0, 60.0])
    np.testing.assert_array_equal(plot.curves["train_loss"].yData, log.column("train_loss"))
    plot.set_x_axis("epoch")  # a range in iterations means nothing in epochs: the whole run again
    qtbot.wait(10)
    assert view.viewRange()[0][1] >= log.column("epoch")[-1]


def test_log_scale_survives_zero_negative_infinite_and_nan_losses(qtbot, spiral):
    log = copy_log(spiral[2])
    rows = log.rows()[-4:]
    rows[:, 0] += np.arange(1, 5) + rows[-1, 0]
    rows[:, 2] = [0.0, -1.0, np.inf, np.nan]  # a perfect fit, a bad custom loss, divergence
    log.append(rows)
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    plot.set_log_scale(True)
    qtbot.wait(10)
    plot.grab()  # paints without raising
    _, y = plot.curves["train_loss"].getData()
    finite = log.column("train_loss")[:-4]
    np.testing.assert_allclose(y[:-4], np.log10(finite))
    assert np.isnan(y[-4:]).all()  # left out of the drawing, not breaking it
    (x0, x1), (y0, y1) = plot.loss_plot.getPlotItem().getViewBox().viewRange()
    assert np.isfinite([x0, x1, y0, y1]).all()
    assert y1 <= np.log10(np.max(finite)) + 1.5  # the range comes from the finite values (whole decades, padded)


def test_a_log_reset_in_place_for_other_data_is_read_afresh(qtbot, spiral, sine):
    log = copy_log(spiral[2])
    plot = shown(qtbot, LossPlot())
    plot.set_log(log)
    assert plot.curves["test_loss"].isVisible() and not plot.accuracy_plot.isHidden()
    log.reset(sine[2].layers)  # the window keeps one log object and resets it for a new project
    log.append(sine[2].rows())  # regression, no test set
    plot.refresh()
    assert plot.accuracy_plot.isHidden() and not plot.curves["test_loss"].isVisible()
    np.testing.assert_array_equal(plot.curves["train_loss"].yData, sine[2].column("train_loss"))


# ----- gradient plot ---------------------------------------------------------------------------
def test_gradient_plot_draws_one_curve_per_layer_on_a_log_axis(qtbot, spiral):
    project, _, log = spiral
    assert project.network.depth == 3
    plot = shown(qtbot, GradientPlot())
    plot.set_log(log)
    assert plot.is_log_scale() and plot.plot.getPlotItem().getAxis("left").logMode
    assert len(plot.curves) == 3
    assert [label.text for _, label in plot.plot.getPlotItem().legend.items] == ["layer 1", "layer 2", "layer 3"]
    colours = {curve.opts["pen"].color().name() for curve in plot.curves}
    assert len(colours) == 3
    for l, curve in enumerate(plot.curves, start=1):
        np.testing.assert_array_equal(curve.xData, log.column("iteration"))
        np.testing.assert_array_equal(curve.yData, log.gradient(l))
    assert "vanishing" in plot.plot.toolTip() and "exploding" in plot.plot.toolTip()
    plot.log_box.setChecked(False)
    assert not plot.plot.getPlotItem().getAxis("left").logMode
    plot.set_x_axis("epoch")
    np.testing.assert_array_equal(plot.curves[2].xData, log.column("epoch"))


def test_gradient_plot_follows_a_new_network_depth(qtbot, spiral, sine):
    plot = shown(qtbot, GradientPlot())
    plot.set_log(spiral[2])
    plot.set_log(sine[2])  # 1-16-1: two layers
    assert len(plot.curves) == 2
    assert [label.text for _, label in plot.plot.getPlotItem().legend.items] == ["layer 1", "layer 2"]
    np.testing.assert_array_equal(plot.curves[1].yData, sine[2].gradient(2))
    plot.set_log(TrainingLog(2))
    assert plot.hint.isVisible()
    log = copy_log(spiral[2])
    plot.set_log(log)
    log.reset(2)  # in place, as the window does for a new network
    log.append(sine[2].rows())
    plot.refresh()
    assert len(plot.curves) == 2
    np.testing.assert_array_equal(plot.curves[0].yData, sine[2].gradient(1))


# ----- data view -------------------------------------------------------------------------------
def test_scatter_shows_training_filled_and_test_hollow(qtbot, spiral):
    project, _, _ = spiral
    train, test = project.split()
    view = shown(qtbot, DataView(), 700, 600)
    view.set_data(train, test)
    assert view.classes == 3
    points = view.train_points.data
    assert len(points) == len(train.x)
    np.testing.assert_array_equal(points["x"], train.x[:, 0])
    np.testing.assert_array_equal(points["y"], train.x[:, 1])
    for label, brush in zip(train.labels, points["brush"], strict=True):
        assert brush.color().name() == style.PALETTE[label].lower()
    hollow = view.test_points.data
    assert len(hollow) == len(test.x)
    for label, pen in zip(test.labels, hollow["pen"], strict=True):
        assert pen.color().name() == style.PALETTE[label].lower()
    assert view.test_points.opts["brush"].style() == Qt.BrushStyle.NoBrush
    # the entries, each unbreakable (a narrow dock wraps the legend between entries, never inside one)
    assert "test&nbsp;(hollow)" in view.legend.text() and "training&nbsp;(filled)" in view.legend.text()
    parts = [re.sub("<[^>]*>", "", part) for part in view.legend.text().split("&nbsp;&nbsp; ")]
    assert len(parts) == 5 and all(" " not in part for part in parts)  # 3 classes, training, test
    assert not view.note.isVisible()


def test_heat_map_has_the_argmax_class_colour_at_a_known_cell(qtbot, spiral):
    project, _, _ = spiral
    view = shown(qtbot, DataView(), 700, 600)
    view.set_data(*project.split())
    xs, ys = np.linspace(-1.0, 1.0, 5), np.linspace(-2.0, 2.0, 4)
    outputs = np.full((4, 5, 3), 1.0 / 3)  # a coin toss everywhere: white
    outputs[1, 3] = [0.0, 0.0, 1.0]  # certain of class 2 at x = 0.5, y = -2/3
    outputs[2, 0] = [0.1, 0.8, 0.1]  # fairly sure of class 1
    view.set_field(DecisionField("plane", xs, ys, outputs))
    image = view.image.image
    assert image.shape == (4, 5, 4) and image.dtype == np.uint8
    green = np.array([0x00, 0x9E, 0x73])  # class 2's colour, style.PALETTE[2]
    expected = np.rint(255 * (1 - FIELD_STRENGTH) + green * FIELD_STRENGTH)
    np.testing.assert_array_equal(image[1, 3, :3], expected)
    np.testing.assert_array_equal(image[0, 0, :3], [255, 255, 255])
    orange = np.array([0xE6, 0x9F, 0x00])
    t = round((0.8 - 1 / 3) * 1.5 * (LEVELS - 1)) / (LEVELS - 1) * FIELD_STRENGTH
    np.testing.assert_array_equal(image[2, 0, :3], np.rint(255 * (1 - t) + orange * t))
    # pixel (row, column) sits on the grid point (xs[column], ys[row]): rows go up the y axis
    centre = view.image.mapToParent(QPointF(3.5, 1.5))
    assert (centre.x(), centre.y()) == pytest.approx((xs[3], ys[1]))
    assert view.image.isVisible() and not view.curve.isVisible()


def test_one_sigmoid_output_blends_two_class_colours(qtbot):
    project, stepper, _ = example_training("xor_tanh", iterations=400, probes=1)
    view = shown(qtbot, DataView(), 700, 600)
    view.set_data(*project.split())
    assert view.classes == 2
    outputs = np.array([[[0.0], [0.5], [1.0], [np.nan]]])
    view.set_field(DecisionField("plane", np.arange(4.0), np.zeros(1), outputs))
    blue, orange = np.array([0x00, 0x72, 0xB2]), np.array([0xE6, 0x9F, 0x00])
    image = view.image.image
    np.testing.assert_array_equal(image[0, 0, :3], np.rint(255 * (1 - FIELD_STRENGTH) + blue * FIELD_STRENGTH))
    np.testing.assert_array_equal(image[0, 1, :3], [255, 255, 255])  # aᴸ = ½: undecided
    np.testing.assert_array_equal(image[0, 2, :3], np.rint(255 * (1 - FIELD_STRENGTH) + orange * FIELD_STRENGTH))
    np.testing.assert_array_equal(image[0, 3, :3], [255, 255, 255])  # NaN (diverged): no colour, no warning
    field = decision_field(Plan.of(project.network), stepper.parameters, view.extent)
    view.set_field(field)  # the trained network: both classes present
    classes = (field.outputs[..., 0] >= 0.5)
    assert classes.any() and (~classes).any()
    assert view.image.image.shape == (80, 80, 4)


def test_one_input_draws_the_fitted_curve(qtbot, sine):
    project, stepper, _ = sine
    train, test = project.split()
    assert test is None
    view = shown(qtbot, DataView(), 700, 600)
    view.set_data(train, test)
    assert view.classes == 0 and len(view.extent) == 1
    np.testing.assert_array_equal(view.train_points.data["y"], train.y[:, 0])  # x against the target
    assert len(view.test_points.data) == 0
    field = decision_field(Plan.of(project.network), stepper.parameters, view.extent)
    assert field.kind == "curve"
    view.set_field(field)
    np.testing.assert_array_equal(view.curve.xData, field.xs)
    np.testing.assert_array_equal(view.curve.yData, field.outputs[:, 0])
    assert view.curve.isVisible() and not view.image.isVisible()
    view.set_field(None)
    assert not view.curve.isVisible()


def test_more_than_two_features_show_a_slice_over_the_inputs_the_maps_span(qtbot):
    project = load_project(example_path("iris_softmax"))
    train, test = project.split()
    assert train.x.shape[1] == 4
    view = shown(qtbot, DataView(), 700, 600)
    view.set_data(train, test, ("setosa", "versicolor", "virginica"), ("sepal l.", "sepal w.", "petal l.", "petal w."))
    assert view.note.isVisible()  # at first the two inputs that vary most, as the engine's maps
    assert ("a slice: x₃ (petal l.) and x₄ (petal w.), the other 2 inputs at their means"
            in view.note.text())
    assert view.extent is None and view.features == (2, 3)
    np.testing.assert_array_equal(view.train_points.data["y"], train.x[:, 3])
    assert view.plot.getPlotItem().getAxis("bottom").labelText == "x₃ (petal l.)"
    assert "virginica" in view.legend.text()
    stepper = project.stepper()
    stepper.run_iterations(20)
    plane = input_plane(np.vstack([train.x, test.x])).choosing(1, 0)
    field = network_field(stepper.plan, stepper.parameters, plane)
    view.set_field(field)  # the learner chose other inputs: the points and the regions follow
    assert view.features == (1, 0) and view.image.isVisible()
    np.testing.assert_array_equal(view.train_points.data["x"], train.x[:, 1])
    np.testing.assert_array_equal(view.train_points.data["y"], train.x[:, 0])
    assert "x₂ (sepal w.) and x₁ (sepal l.)" in view.note.text()
    expected = view.field_colours(field.units.layers[-1])
    np.testing.assert_array_equal(view.image.image, expected)


def test_regression_on_two_inputs_colours_by_target_with_a_colour_bar(qtbot):
    from bpstudio.engine import LayerSpec, NetworkSpec, Project, TrainingSpec

    rng = np.random.default_rng(0)
    x = rng.uniform(-1.0, 1.0, (60, 2))
    spec = NetworkSpec(2, (LayerSpec(8, "tanh"), LayerSpec(1, "identity")), "squared_error")
    project = Project(spec, {"x": x.tolist(), "y": (x[:, :1] * x[:, 1:]).tolist()}, TrainingSpec())
    stepper = project.stepper()
    stepper.run_iterations(50)
    view = shown(qtbot, DataView(), 700, 600)
    train, _ = project.split()
    view.set_data(train, None)
    assert view.classes == 0 and view.colour_bar.isVisible()
    assert view.colour_bar.levels() == pytest.approx((train.y.min(), train.y.max()))
    field = decision_field(Plan.of(project.network), stepper.parameters, view.extent)
    view.set_field(field)
    top = np.unravel_index(np.argmax(field.outputs[..., 0]), field.outputs.shape[:2])
    bottom = np.unravel_index(np.argmin(field.outputs[..., 0]), field.outputs.shape[:2])
    # viridis: high values are bright yellow, low values dark purple
    assert view.image.image[top][:3].astype(int).sum() > view.image.image[bottom][:3].astype(int).sum()


def test_large_data_sets_are_thinned_for_drawing(qtbot):
    project = load_project(example_path("spiral_softmax"))
    data = {**project.data, "params": {**project.data["params"], "n": 3 * MAX_POINTS}}
    train, test = replace(project, data=data).split()
    view = shown(qtbot, DataView(), 700, 600)
    view.set_data(train, test)
    assert len(view.train_points.data) == MAX_POINTS
    assert f"{MAX_POINTS} of {len(train.x)} training points shown" in view.note.text()


# ----- each module runs alone ------------------------------------------------------------------
@pytest.mark.parametrize("module", ["loss_plot", "gradient_plot", "data_view"])
def test_previews_build(qtbot, module):
    import importlib

    widget = importlib.import_module(f"bpstudio.app.training.{module}")._preview()
    shown(qtbot, widget)
    if module == "data_view":
        assert widget.image.isVisible() and len(widget.train_points.data) > 0
    else:
        curves = widget.curves.values() if module == "loss_plot" else widget.curves
        assert all(curve.yData is not None and len(curve.yData) > 100 for curve in curves)


def test_every_control_has_a_tooltip_and_no_mnemonic_of_its_own(qtbot):
    """The window gives the plots' switches shortcuts (Ctrl+Shift+L/E/G): Alt letters would clash with the
    Data and Training panels shown beside them."""
    from PySide6.QtWidgets import QCheckBox, QComboBox

    for widget in (LossPlot(), GradientPlot(), DataView()):
        qtbot.addWidget(widget)
        for control in widget.findChildren(QCheckBox) + widget.findChildren(QComboBox):
            assert control.toolTip(), control
        for box in widget.findChildren(QCheckBox):
            assert "&" not in box.text()
