"""The network canvas: units, weights and biases drawn from the snapshot, clicks and requests as signals."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSceneHoverEvent,
)

from bpstudio.app.network.network_canvas import NetworkCanvas
from bpstudio.app.network.network_items import BandItem, BlockItem, EdgeItem, EdgeLayer
from bpstudio.app.network.network_paint import BACKWARD_BG, FORWARD_BG
from bpstudio.app.widgets.preview import example_state
from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Project, TrainingSpec, load_project
from bpstudio.engine.examples import wide_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.text.explain import format_number
from bpstudio.session.view_state import ViewState


@pytest.fixture
def canvas(qtbot):
    c = NetworkCanvas()
    qtbot.addWidget(c)
    c.resize(600, 350)
    c.show()
    qtbot.waitExposed(c)
    return c


def big_project(batch: int = 8) -> Project:
    return wide_project(samples=batch)


def view_point(canvas: NetworkCanvas, scene_point: QPointF):
    return canvas.mapFromScene(scene_point)


def along(edge: EdgeItem, t: float) -> QPointF:
    line = edge.line()
    return line.p1() + (line.p2() - line.p1()) * t


def test_2_2_1_has_five_units_three_biases_six_weights(canvas):
    canvas.set_state(example_state("seed003_2-2-1", 0))
    assert len(canvas.unit_items()) == 5
    assert sum(len(b) for b in canvas.biases) == 3
    assert sum(len(e) for e in canvas.edges.values()) == 6
    assert not canvas.blocks and not canvas.bands


def test_units_show_sample_1_activations_once_computed(canvas):
    canvas.set_state(example_state("seed003_2-2-1", 0))
    layer1 = canvas.units[1]
    assert all(u.value.text() == "" for u in layer1)  # nothing computed yet
    state = example_state("seed003_2-2-1", 1)
    canvas.set_state(state)
    a1 = state.snapshot.get("a", 1)
    assert [u.value.text() for u in layer1] == [f"{a1[0, 0]:.2f}", f"{a1[1, 0]:.2f}"] == ["0.59", "0.59"]
    assert all(u.value.isVisible() for u in layer1)
    assert format_number(a1[0, 0]) in layer1[0].toolTip()
    x = state.snapshot.arrays["input"]
    assert [u.value.text() for u in canvas.units[0]] == [f"{x[0, 0]:.2f}", f"{x[1, 0]:.2f}"]


def test_a_units_tooltip_is_written_when_the_view_asks_for_it(canvas):
    """A state does not write the units' tooltips (a run shows 30 a second); the tooltip event does, with the
    numbers of the state on show."""
    state = example_state("seed003_2-2-1", 1)
    canvas.set_state(state)
    unit = canvas.units[1][1]
    assert QGraphicsEllipseItem.toolTip(unit) == ""  # Qt's copy: not written by the state
    at = canvas.mapFromScene(unit.sceneBoundingRect().center())
    QApplication.sendEvent(canvas.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, canvas.viewport().mapToGlobal(at)))
    assert format_number(state.snapshot.get("a", 1)[1, 0]) in QGraphicsEllipseItem.toolTip(unit)
    assert QGraphicsEllipseItem.toolTip(unit) == unit.toolTip()
    edge = canvas.edge_item(2, 0, 0)  # a weight's tooltip the same way (hovering it writes none)
    assert edge is not None and QGraphicsLineItem.toolTip(edge) == ""
    at = canvas.mapFromScene(edge.line().pointAt(0.5))
    QApplication.sendEvent(canvas.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, canvas.viewport().mapToGlobal(at)))
    assert QGraphicsLineItem.toolTip(edge) == edge.toolTip() and "w²₁₁ = " in edge.toolTip()


def hover(item) -> None:
    item.hoverEnterEvent(QGraphicsSceneHoverEvent())
    item.hoverLeaveEvent(QGraphicsSceneHoverEvent())


def test_edge_tooltip_and_colour_come_from_the_weights(canvas):
    state = example_state("seed003_2-2-1", 0)
    canvas.set_state(state)
    W2 = state.snapshot.get("W", 2)
    edge = canvas.edge_item(2, 0, 1)
    hover(edge)  # the tooltip is written when the pointer comes (hundreds of edges change on every stage)
    hover(canvas.edge_item(1, 0, 1))
    assert edge.toolTip() == f"w²₁₂ = {format_number(W2[0, 1])} (unit 2 of layer 1 → unit 1 of layer 2)"
    assert "w²₁₂ = 0.45" in edge.toolTip()
    assert "input x₂ → unit 1 of layer 1" in canvas.edge_item(1, 0, 1).toolTip()
    # all weights of seed 003 are positive: red, and the largest one the widest
    widths = {(e.row, e.col): e.pen().widthF() for e in canvas.edges[1]}
    assert max(widths, key=widths.get) == (1, 1)  # 0.30 is the largest weight of W¹
    assert all(e.pen().color().red() > e.pen().color().blue() for e in canvas.edges[1])


def test_negative_weights_are_blue(canvas):
    spec = NetworkSpec(2, (LayerSpec(2, "tanh"), LayerSpec(1, "sigmoid")), "squared_error")
    project = Project(spec, {"x": [[0, 1]], "y": [[1]]}, TrainingSpec(0.5, 0, 1, 0, False), InitSpec("explicit"),
                      ((np.array([[-1.0, 0.5], [0.0, 1.0]]), np.zeros((2, 1))),
                       (np.array([[1.0, -0.25]]), np.zeros((1, 1)))))
    canvas.set_state(ViewState(project, project.stepper().snapshot()))
    neg, pos = canvas.edge_item(1, 0, 0).pen().color(), canvas.edge_item(1, 1, 1).pen().color()
    assert neg.blue() > neg.red() and pos.red() > pos.blue()
    hover(canvas.edge_item(2, 0, 1))
    assert "= -0.25" in canvas.edge_item(2, 0, 1).toolTip()


@pytest.mark.parametrize(("layer", "row", "col"), [(1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1), (2, 0, 0), (2, 0, 1)])
def test_clicking_an_edge_emits_its_weight(canvas, qtbot, layer, row, col):
    canvas.set_state(example_state("seed003_2-2-1", 0))
    edge = canvas.edge_item(layer, row, col)
    pos = view_point(canvas, along(edge, 0.4))  # not the middle: two edges of layer 1 cross there
    with qtbot.waitSignal(canvas.parameterClicked) as blocker:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [layer, "W", row, col]
    assert canvas.selected_parameter() == (layer, "W", row, col)


def test_clicking_a_bias_emits_it(canvas, qtbot):
    canvas.set_state(example_state("seed003_2-2-1", 0))
    bias = canvas.bias_item(1, 1)
    pos = view_point(canvas, bias.sceneBoundingRect().center())
    with qtbot.waitSignal(canvas.parameterClicked) as blocker:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [1, "b", 1, 0]
    assert "b¹₂ = 0.35" in bias.toolTip()


def test_clicking_a_column_selects_its_layer(canvas, qtbot):
    canvas.set_state(example_state("seed003_2-2-1", 0))
    column = canvas.columns[2]
    below_the_unit = QPointF(column.rect().center().x(), column.rect().bottom() - 10)
    with qtbot.waitSignal(canvas.layerSelected) as blocker:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=view_point(canvas, below_the_unit))
    assert blocker.args == [2]
    assert canvas.layer_at(view_point(canvas, below_the_unit)) == 2


def test_highlighted_layer_follows_the_stage(canvas):
    project = load_project(example_path("seed003_2-2-1"))
    stepper = project.stepper()
    seen = []
    for _ in stepper.stages:
        snap = stepper.step()
        canvas.set_state(ViewState(project, snap))
        seen.append(canvas.highlighted_layer())
        if snap.stage.kind in ("forward", "backward"):
            colour = FORWARD_BG if snap.stage.kind == "forward" else BACKWARD_BG
            assert canvas.columns[snap.stage.layer].brush().color() == colour
            others = [c for c in canvas.columns if c.layer != snap.stage.layer]
            assert all(c.brush().style() == Qt.BrushStyle.NoBrush for c in others)
            arrow = "→ forward" if snap.stage.kind == "forward" else "← backward (δ)"
            assert canvas.drawn.header.text().startswith(arrow)
    assert seen == [1, 2, 0, 2, 1, 0]


def test_loss_box_shows_the_batch_loss(canvas):
    state = example_state("seed003_2-2-1", 3)
    canvas.set_state(state)
    assert format_number(state.snapshot.loss) in canvas.drawn.loss_text.text()


def test_784_128_64_10_collapses_and_is_fast(canvas):
    project = big_project()
    stepper = project.stepper()
    snaps = [stepper.snapshot()] + [stepper.step() for _ in range(4)]
    canvas.set_state(ViewState(project, snaps[0]))
    items = canvas.scene().items()
    assert len(items) < 500
    assert set(canvas.blocks) == {0, 1, 2} and set(canvas.bands) == {1, 2, 3}
    assert len(canvas.units[3]) == 10 and not canvas.edges
    assert sum(isinstance(i, BlockItem) for i in items) == 3 and sum(isinstance(i, BandItem) for i in items) == 3
    assert "128" in " ".join(line.text() for line in canvas.blocks[1].lines)
    assert "W² (64 × 128)" in canvas.bands[2].toolTip()
    times = []
    for snap in snaps:
        start = time.perf_counter()
        canvas.set_state(ViewState(project, snap))
        times.append(time.perf_counter() - start)
    assert min(times) < 0.03 and np.median(times) < 0.03
    assert len(canvas.scene().items()) == len(items)  # items are reused, not rebuilt


def test_spiral_draws_every_weight_of_16_unit_layers(canvas):
    canvas.set_state(example_state("spiral_softmax", 0))
    assert sum(len(e) for e in canvas.edges.values()) == 2 * 16 + 16 * 16 + 16 * 3
    assert len(canvas.unit_items()) == 2 + 16 + 16 + 3


def test_structure_change_rebuilds(canvas):
    canvas.set_state(example_state("spiral_softmax", 0))
    canvas.set_state(example_state("seed003_2-2-1", 0))
    assert len(canvas.unit_items()) == 5 and len(canvas.scene().items()) < 60 + 2 * 10  # + 10 buttons (and labels)


def test_everything_fits_in_a_600_by_350_view(canvas):
    for name in ("seed003_2-2-1", "spiral_softmax"):
        canvas.set_state(example_state(name, 5))
        visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        for item in canvas.scene().items():
            if item.isVisible() and not item.sceneBoundingRect().isEmpty():  # text holders are empty
                assert visible.contains(item.sceneBoundingRect()), (name, item, item.sceneBoundingRect())


def test_layer_menu_emits_requests(canvas, qtbot):
    canvas.set_state(example_state("seed003_2-2-1", 0))
    menu = canvas.layer_menu(1)
    actions = {a.text(): a for a in menu.actions()}
    with qtbot.waitSignal(canvas.insertLayerRequested) as blocker:
        actions["Insert a layer before layer 1"].trigger()
    assert blocker.args == [1]
    with qtbot.waitSignal(canvas.insertLayerRequested) as blocker:
        actions["Insert a layer after layer 1"].trigger()
    assert blocker.args == [2]
    with qtbot.waitSignal(canvas.removeLayerRequested) as blocker:
        actions["Remove layer 1"].trigger()
    assert blocker.args == [1]
    assert not actions["Move towards the inputs"].isEnabled()
    assert not actions["Move towards the output"].isEnabled()  # the only hidden layer
    activation = {a.text(): a for a in actions["Activation"].menu().actions()}
    assert "softmax (output only)" not in activation
    assert activation["sigmoid σ"].isChecked()
    with qtbot.waitSignal(canvas.activationChangeRequested) as blocker:
        activation["tanh"].trigger()
    assert blocker.args == [1, "tanh"]
    output = {a.text(): a for a in canvas.layer_menu(2).actions()}
    assert not output["Remove layer 2"].isEnabled()
    assert "softmax (output only)" in {a.text() for a in output["Activation"].menu().actions()}


def test_move_requests_between_hidden_layers(canvas, qtbot):
    canvas.set_state(example_state("spiral_softmax", 0))
    actions = {a.text(): a for a in canvas.layer_menu(2).actions()}
    with qtbot.waitSignal(canvas.moveLayerRequested) as blocker:
        actions["Move towards the inputs"].trigger()
    assert blocker.args == [2, -1]
    actions = {a.text(): a for a in canvas.layer_menu(1).actions()}
    with qtbot.waitSignal(canvas.moveLayerRequested) as blocker:
        actions["Move towards the output"].trigger()
    assert blocker.args == [1, 1]


def test_runs_alone_as_a_preview(monkeypatch):
    from PySide6.QtWidgets import QApplication

    from bpstudio.app.widgets import preview

    made = []
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert preview.preview(lambda: made.append(NetworkCanvas()) or made[-1]) == 0
    assert len(made[0].unit_items()) == 5
    made[0].close()


def test_backward_stages_show_delta_under_the_units(canvas):
    state = example_state("seed003_2-2-1", 5)  # after backward 1: δ² and δ¹ are known
    canvas.set_state(state)
    for layer in (1, 2):
        delta = state.snapshot.get("delta", layer)
        for u in canvas.units[layer]:
            assert u.delta.isVisible() and u.delta.text() == f"δ = {format_number(delta[u.row, 0])}"
    canvas.set_state(example_state("seed003_2-2-1", 2))  # forward only: no δ yet
    assert not any(u.delta.isVisible() for u in canvas.unit_items())


def test_labels_follow_the_size_of_the_view(canvas, qtbot):
    canvas.set_state(example_state("seed003_2-2-1", 1))
    unit = canvas.units[1][0]
    assert unit.value.isVisible()
    canvas.resize(260, 170)  # below the minimum layout: scaled down, labels still inside their units
    qtbot.waitUntil(lambda: canvas.transform().m11() < 1.0)
    assert unit.sceneBoundingRect().contains(unit.value.sceneBoundingRect()) or not unit.value.isVisible()
    canvas.resize(1200, 700)
    qtbot.waitUntil(lambda: canvas.scene().sceneRect().width() >= 1190)
    assert canvas.transform().m11() == 1.0 and unit.value.isVisible()


def nan_state():
    """A state as a diverged run shows it: NaN and infinity in the arrays."""
    from dataclasses import replace

    from bpstudio.engine.snapshot import Snapshot

    state = example_state("seed003_2-2-1", 5)
    snap = state.snapshot
    arrays = {k: np.array(v) for k, v in snap.arrays.items()}
    arrays["L1/W"][0, 0] = np.nan
    arrays["L1/a"][1, 0] = np.inf
    arrays["L1/delta"][0, 0] = np.nan
    bad = Snapshot.build(snap.spec, snap.stage, snap.next_stage, snap.position, snap.iteration, snap.epoch,
                         snap.batch, arrays, float("nan"), snap.changed)
    return replace(state, snapshot=bad)


def test_nan_and_infinity_do_not_break_the_canvas(canvas):
    canvas.set_state(nan_state())
    hover(canvas.edge_item(1, 0, 0))
    assert "nan" in canvas.edge_item(1, 0, 0).toolTip()
    assert canvas.edge_item(1, 1, 1).pen().widthF() > 1  # the finite weights keep their scale
    assert canvas.units[1][1].value.text() == "inf"


def test_two_digit_indices_are_separated(canvas):
    state = example_state("spiral_softmax", 0)
    canvas.set_state(state)
    W2 = state.snapshot.get("W", 2)
    hover(canvas.edge_item(2, 10, 3))
    tip = canvas.edge_item(2, 10, 3).toolTip()
    assert tip.startswith(f"w²₁₁,₄ = {format_number(W2[10, 3])} (unit 4 of layer 1 → unit 11 of layer 2)")


def test_a_layers_weights_are_drawn_again_only_when_they_change(qtbot, monkeypatch, open_window):
    drawn: list[int] = []
    paint = EdgeLayer.paint

    def counted(self, painter, option, widget=None):
        drawn.append(self.edges[0].layer)
        paint(self, painter, option, widget)

    monkeypatch.setattr(EdgeLayer, "paint", counted)  # before the window makes its items
    w = open_window("seed003_2-2-1", stages=1)
    pixels = w.canvas.grab().toImage()
    assert w.canvas.edges[1][0].flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    drawn.clear()

    def step() -> None:
        before = w.state.snapshot
        w.actions_.step.trigger()
        qtbot.waitUntil(lambda: w.state.snapshot is not before and not w.render_pending)
        w.canvas.grab()

    for _ in range(4):  # forward 2, loss, backward 2, backward 1: the columns change colour, the weights do not
        step()
    assert drawn == []
    step()  # the update: the weights change by less than a colour step here, so the picture stays
    assert w.state.snapshot.stage.kind == "update"
    before = w.state.snapshot
    w.controller.set_parameter(2, "W", (0, 1), -3.0)  # a weight that changes colour and width
    qtbot.waitUntil(lambda: w.state.snapshot is not before and not w.render_pending)
    w.canvas.grab()
    assert w.canvas.edge_item(2, 0, 1).pen().color().blue() > w.canvas.edge_item(2, 0, 1).pen().color().red()
    assert drawn == [2]  # only that layer's picture is drawn again
    assert pixels.size() == w.canvas.grab().toImage().size()


def test_a_hovered_weight_draws_itself_over_its_layer(qtbot, canvas):
    canvas.set_state(example_state())
    edge = canvas.edges[1][0]
    event = QGraphicsSceneHoverEvent(QGraphicsSceneHoverEvent.Type.GraphicsSceneHoverEnter)
    width = edge.pen().widthF()
    edge.hoverEnterEvent(event)
    assert not edge.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    assert edge.pen().widthF() == pytest.approx(width + 1.5)
    edge.hoverLeaveEvent(QGraphicsSceneHoverEvent(QGraphicsSceneHoverEvent.Type.GraphicsSceneHoverLeave))
    assert edge.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    assert edge.pen().widthF() == pytest.approx(width)


def test_a_weight_hovered_while_its_layer_is_drawn_again_leaves_no_trace(qtbot, open_window):
    w = open_window("seed003_2-2-1", stages=1)
    edge, layers = w.canvas.edge_item(2, 0, 1), w.canvas.drawn.edge_layers
    edge.hoverEnterEvent(QGraphicsSceneHoverEvent(QGraphicsSceneHoverEvent.Type.GraphicsSceneHoverEnter))
    layers[2].update()  # its layer's picture drawn again while it is hovered (as when a run updates the weights)
    w.canvas.grab()
    edge.hoverLeaveEvent(QGraphicsSceneHoverEvent(QGraphicsSceneHoverEvent.Type.GraphicsSceneHoverLeave))
    shown = w.canvas.grab().toImage()
    for layer in layers.values():
        layer.update()
    clean = w.canvas.grab().toImage()  # every picture drawn from scratch
    assert shown == clean
