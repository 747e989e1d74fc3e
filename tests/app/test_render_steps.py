"""How the window draws a new state while a run streams them: the matrix panel one box per event-loop slice (a page
coming on screen filled first, then shown), a box whose numbers did not change left alone, and the plots after
the panels' round."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt


def slices_until_drawn(w, layer: int) -> list[tuple[int, int, int]]:
    """Run the renderer's round slice by slice: [(page layer shown, boxes of ``layer`` holding the new state,
    boxes of ``layer`` hidden)]."""
    seen, snap = [], w.renderer._state.snapshot
    while w.renderer.pending:
        w.renderer._next()
        boxes = w.matrices._grid(layer).views.values()
        seen.append((w.matrices.pages.currentWidget().layer, sum(v.model._snap is snap for v in boxes),
                     sum(v.isHidden() for v in boxes)))
    return seen


def test_a_runs_state_draws_a_new_page_box_by_box_and_shows_it_box_by_box(qtbot, open_window):
    w = open_window("seed003_2-2-1", stages=2)  # forward 2: the panels follow the stage to layer 2
    assert w.matrices.pages.currentWidget().layer == 2
    w.renderer.start(w.state.with_layer(1), stepped=True)  # as a run's next state would (its stage in layer 1)
    w.renderer._timer.stop()
    seen = slices_until_drawn(w, 1)
    boxes = len(w.matrices._grid(1).views)
    assert boxes == 7
    # one box filled per slice while layer 2 stays on screen; then layer 1 comes with its boxes hidden (their
    # room kept), and they show one per slice
    assert seen[:boxes] == [(2, n, 0) for n in range(1, boxes + 1)]
    assert seen[boxes] == (1, boxes, boxes)
    assert seen[boxes + 1: 2 * boxes + 1] == [(1, boxes, boxes - n) for n in range(1, boxes + 1)]
    assert seen[-1] == (1, boxes, 0)


def test_boxes_revealed_one_by_one_keep_their_places(qtbot, open_window):
    """A box hidden for the reveal keeps its room, so showing it moves and resizes nothing: a page's boxes are
    laid out once (each move would repaint every box of the page, for every box revealed)."""
    w = open_window("seed003_2-2-1", stages=2)
    w.renderer.start(w.state.with_layer(1), stepped=True)
    w.renderer._timer.stop()
    grid = w.matrices._grid(1)
    places: list = []
    while w.renderer.pending:
        w.renderer._next()
        if w.matrices.pages.currentWidget() is grid:
            grid.layout().activate()
            hidden = sum(v.isHidden() for v in grid.views.values())
            places.append((hidden, {q: v.geometry().getRect() for q, v in grid.views.items()}))
    assert [h for h, _ in places][0] == 7 and places[-1][0] == 0  # shown with every box hidden, then revealed
    assert all(p == places[-1][1] for _, p in places), places
    places = places[-1][1]
    assert all(width > 0 and height > 0 for _, _, width, height in places.values())


def test_a_step_the_user_takes_draws_the_matrix_panel_in_one_slice(qtbot, open_window):
    w = open_window("seed003_2-2-1", stages=2)
    w.renderer.start(w.state.with_layer(1))
    w.renderer._timer.stop()
    seen = slices_until_drawn(w, 1)
    assert seen[0] == (1, 7, 0)  # the matrix panel's group is the first slice, whole


def test_a_box_whose_numbers_did_not_change_is_neither_reset_nor_repainted(qtbot, open_window):
    w = open_window("seed003_2-2-1", stages=1)  # forward 1; layer 2's page was drawn ahead when it opened
    views = {v.quantity: v for v in w.matrices._grid(2).views.values()}
    resets: dict[str, int] = {"W": 0, "z": 0}
    for q in resets:
        views[q].model.modelReset.connect(lambda q=q: resets.__setitem__(q, resets[q] + 1))
    before = views["W"].model.array.copy()
    w.actions_.step.trigger()  # forward 2 computes z², a²; W² stays
    qtbot.waitUntil(lambda: w.state.snapshot.position == 2 and not w.render_pending)
    assert w.matrices.pages.currentWidget().layer == 2
    assert resets == {"W": 0, "z": 1}
    np.testing.assert_array_equal(views["W"].model.array, before)
    assert views["W"].model._snap is w.state.snapshot  # its derivations read the new state
    np.testing.assert_array_equal(views["z"].model.engine_array, w.state.snapshot.get("z", 2))


def test_the_plots_wait_for_the_panels_round(qtbot, open_window):
    w = open_window("seed003_2-2-1")
    t = w.training
    w.renderer.start(w.state)
    assert w.renderer.pending
    t._log_dirty, refreshes = True, t.plot_refreshes
    t.refresh_plots()
    assert t.plot_refreshes == refreshes  # not while the panels draw: it tries again shortly
    qtbot.waitUntil(lambda: not w.renderer.pending)
    qtbot.waitUntil(lambda: t.plot_refreshes == refreshes + 1, timeout=2000)


def test_states_faster_than_a_round_still_reach_every_group_in_turn(qtbot, open_window):
    w = open_window("seed003_2-2-1", stages=1)
    drawn: list[str] = []
    w.renderer.sliceRendered.connect(lambda views: drawn.append(type(views[0]).__name__))
    states = [w.state.with_layer(2), w.state.with_layer(1)]
    for i in range(40):  # a new state before each slice: the round never finishes with one state
        w.renderer.start(states[i % 2], stepped=True)
        w.renderer._timer.stop()
        w.renderer._next()
    assert {"MatrixPanel", "NetworkCanvas", "StageList", "EquationPanel"} <= set(drawn)
    qtbot.waitUntil(lambda: not w.render_pending)


def test_the_matrix_mode_chosen_during_a_round_stays_and_the_layer_combo_follows(qtbot, open_window):
    w = open_window("seed003_2-2-1", stages=2)
    panel = w.matrices
    w.renderer.start(w.state.with_layer(1), stepped=True)
    w.renderer._timer.stop()
    w.renderer._next()  # the first box of layer 1
    assert panel.layer_combo.currentData() == 1  # the combo names the layer being drawn
    panel.set_mode("W")  # W across layers, while the round fills layer 1's page
    qtbot.waitUntil(lambda: not w.render_pending)
    assert panel.pages.currentWidget() is panel.across_page
    assert not any(v.isHidden() for v in panel._grid(1).views.values())


def test_a_box_not_computed_yet_follows_a_new_batch_size(qtbot, open_window):
    w = open_window("seed003_2-2-1")  # ready: z¹ not computed, batch of 4
    z = next(v for v in w.matrices._grid(1).views.values() if v.quantity == "z")
    assert "2 × 4" in z.title.text()
    project = w.state.project
    w.controller.set_project(replace(project, training=replace(project.training, batch_size=2)))
    qtbot.waitUntil(lambda: w.state.snapshot.batch_size == 2 and not w.render_pending)
    assert "2 × 2" in z.title.text()


def test_a_runs_state_draws_the_canvas_in_two_slices_units_and_stage_then_weights(qtbot, open_window):
    w = open_window("seed003_2-2-1", stages=5)  # backward 1: the update comes next
    w.actions_.step.trigger()  # the update: new weights
    qtbot.waitUntil(lambda: w.state.snapshot.stage.kind == "update" and not w.render_pending)
    state = w.state
    w.controller.set_parameter(2, "W", (0, 1), -3.0)  # a weight whose colour changes
    qtbot.waitUntil(lambda: w.state is not state and not w.render_pending)
    w.renderer.start(state, stepped=True)  # back to the state before, one slice at a time
    w.renderer._timer.stop()
    done: list[str] = []
    w.renderer.sliceRendered.connect(lambda views: done.append(type(views[0]).__name__))
    edge = w.canvas.edge_item(2, 0, 1)
    while "MatrixPanel" not in done:
        w.renderer._next()
    assert edge.pen().color().blue() > edge.pen().color().red()  # still the new state's weight (−3)
    w.renderer._next()  # the canvas's first step: units and stage
    assert done[-1] == "MatrixPanel" and edge.pen().color().blue() > edge.pen().color().red()
    assert w.canvas.drawn.header.text().startswith("update")
    w.renderer._next()  # the weights
    assert done[-1] == "NetworkCanvas" and edge.pen().color().red() > edge.pen().color().blue()


def test_a_view_that_fails_does_not_hold_the_others_up(qtbot, open_window, monkeypatch):
    w = open_window("seed003_2-2-1", stages=1)

    def broken(state) -> None:
        raise RuntimeError("a view that fails")

    monkeypatch.setattr(w.matrices, "set_state", broken)
    w.renderer.start(w.state.with_layer(2))
    w.renderer._timer.stop()
    with pytest.raises(RuntimeError, match="a view that fails"):
        w.renderer._next()  # the matrix panel's group
    drawn: list[str] = []
    w.renderer.sliceRendered.connect(lambda views: drawn.append(type(views[0]).__name__))
    qtbot.waitUntil(lambda: not w.renderer.pending, timeout=2000)  # the round goes on by itself
    assert drawn[:3] == ["NetworkCanvas", "StageList", "EquationPanel"]  # then the chain-rule docks' slice
    assert drawn[3:] == ([type(w.chain.views[0]).__name__] if w.chain.views else [])


def test_a_box_asks_for_the_same_room_at_every_stage(qtbot, open_window):
    """Stepping moves no box: a box not computed yet asks for the room it took when it was, and a table's size does
    not follow the moment (each change laid the page, the centre and the window out again: 30–50 ms a stage)."""
    w = open_window("xor_tanh", size=(1440, 900))
    depth = w.state.snapshot.spec.depth
    stages = 2 * depth + 2

    def room() -> dict:
        out = {}
        for layer in range(1, depth + 1):
            grid = w.matrices._grid(layer)
            out.update({(layer, q): (v.minimumHeight(), v.minimumWidth()) for q, v in grid.views.items()})
        return out

    seen = []
    for _ in range(2 * stages):  # the first iteration meets every box computed once; the second must move nothing
        w.actions_.step.trigger()
        qtbot.waitUntil(lambda: not w.render_pending)
        seen.append(room())
    second = seen[stages:]
    assert any(h > 0 for h, _ in second[0].values())
    assert all({k: h for k, (h, _) in r.items()} == {k: h for k, (h, _) in second[0].items()} for r in second), second
    # widths follow the widest number shown so far: they may grow as training moves the numbers, never shrink
    assert all(b[k][1] >= a[k][1] for a, b in zip(seen, seen[1:], strict=False) for k in a), seen


def _batches_of_three(qtbot, w) -> None:
    """seed003's 4 samples in batches of 3: an epoch's second batch has 1 sample."""
    project = w.state.project
    w.controller.set_project(replace(project, training=replace(project.training, batch_size=3)))
    qtbot.waitUntil(lambda: w.state.snapshot.batch_size == 3 and not w.render_pending)


def _step_until(qtbot, w, batch_size: int, position: int) -> None:
    while (w.state.snapshot.batch_size, w.state.snapshot.position) != (batch_size, position):
        w.actions_.step.trigger()
        qtbot.waitUntil(lambda: not w.render_pending)


def test_an_epochs_smaller_last_batch_keeps_the_boxes_room(qtbot, open_window):
    """z, a, δ of a batch of 1 ask for the room of the batch of 3 they showed before: the last batch of every epoch
    would otherwise lay the page, the centre and the window out again, twice an epoch."""
    w = open_window("seed003_2-2-1", size=(1440, 900))
    _batches_of_three(qtbot, w)
    grid = w.matrices._grid(1)
    z = grid.views["z"]

    def room() -> dict:
        return {q: (v.minimumWidth(), v.minimumHeight()) for q, v in grid.views.items()}

    _step_until(qtbot, w, 3, 2 * w.state.depth + 2)  # a whole iteration on the batch of 3
    whole = room()
    _step_until(qtbot, w, 1, 1)  # forward 1 on the batch of 1
    assert "2 × 1" in z.title.text() and z.model.array.shape == (2, 1)
    assert room() == whole
    assert z.content_width(with_title=False) < whole["z"][0]  # its table alone would ask for less


def test_what_a_slice_asks_for_runs_before_the_next_slice(qtbot, open_window, monkeypatch):
    """In a run's round, a slice's paint comes from a chain of posted events (its layout request, then the update
    request that the layout posts), and runs before the next slice: not in the network scene's next update, which
    would paint it and the canvas in one event (on the spiral, the tables with the canvas: 11 ms, where the canvas
    alone takes 6)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

    w = open_window("seed003_2-2-1", stages=2)
    order: list[str] = []
    layout_request, update_request = QEvent.Type(QEvent.registerEventType()), QEvent.Type(QEvent.registerEventType())

    class Chain(QObject):
        def event(self, event) -> bool:
            if event.type() == layout_request:  # as a layout posts its update request when it runs
                order.append("layout")
                QCoreApplication.postEvent(self, QEvent(update_request), Qt.EventPriority.LowEventPriority.value)
                return True
            if event.type() == update_request:
                order.append("paint")
                return True
            return super().event(event)

    chain = Chain()
    canvas_steps, matrices = w.canvas.state_steps, w.matrices.set_state

    def canvas_slices(state):
        order.append("canvas")
        yield from canvas_steps(state)

    def matrix_slice(state):  # one step, which also ends the group (as a page's last box does)
        order.append("matrices")
        matrices(state)
        QCoreApplication.postEvent(chain, QEvent(layout_request))
        yield from ()

    monkeypatch.setattr(w.canvas, "state_steps", canvas_slices)
    monkeypatch.setattr(w.matrices, "state_steps", matrix_slice)
    w.renderer.start(w.state.with_layer(1), stepped=True)  # as a run's state
    qtbot.waitUntil(lambda: not w.render_pending)
    assert order == ["matrices", "layout", "paint", "canvas"], order


def test_new_numbers_in_the_same_shape_refill_the_cells_and_leave_the_headers(qtbot, open_window):
    """A box whose numbers change in the same rows and columns says so with dataChanged: its headers do not ask
    for every label again (a reset did, ~18 000 Python calls a second at 30 states a second). A new shape resets."""
    w = open_window("seed003_2-2-1", size=(1440, 900))
    w.actions_.finish.trigger()  # iteration 1, whole: every box computed (a run's states are such)
    qtbot.waitUntil(lambda: not w.render_pending)
    model = w.matrices._grid(1).views["z"].model
    seen = {"reset": 0, "cells": 0}
    model.modelReset.connect(lambda: seen.__setitem__("reset", seen["reset"] + 1))
    model.dataChanged.connect(lambda *_: seen.__setitem__("cells", seen["cells"] + 1))
    w.actions_.finish.trigger()  # iteration 2: new weights, new z¹, the same 2 × 4
    qtbot.waitUntil(lambda: not w.render_pending and w.state.snapshot.iteration == 1)
    assert seen["reset"] == 0 and seen["cells"] >= 1
    z = w.state.snapshot.get("z", 1)
    assert [[model.value(r, c) for c in range(4)] for r in range(2)] == z.tolist()
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "#4"
    _batches_of_three(qtbot, w)  # batches of 3 and 1: the shape changes, the box is reset
    _step_until(qtbot, w, 3, 1)
    resets = seen["reset"]
    _step_until(qtbot, w, 1, 1)
    assert seen["reset"] > resets and model.columnCount() == 1
