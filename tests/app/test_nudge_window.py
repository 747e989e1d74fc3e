"""The Nudge dock in the window: a tab beside Selected weight (Ctrl+Shift+N), following clicks on the canvas and in
the matrix panels, the precision spin box and View ▸ Notation; nudging changes neither the project nor training."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDockWidget
from window_helpers import settle

from bpstudio.engine.text.notation import format_number


def nudge_dock(w) -> QDockWidget:
    return w.findChild(QDockWidget, "nudgeDock")


def test_the_dock_opens_with_its_key_beside_selected_weight_and_moves_nothing(qtbot, open_window):
    w = open_window(size=(1280, 800))
    qtbot.wait(200)  # the first layout settles
    before = {d.objectName(): d.geometry() for d in w.findChildren(QDockWidget) if d.isVisible()}
    central = w.centralWidget().geometry()
    dock = nudge_dock(w)
    assert not dock.isVisible()
    toggle = dock.toggleViewAction()
    assert toggle.shortcut().toString() == "Ctrl+Shift+N" and toggle in w.menus.view.actions()
    toggle.trigger()
    qtbot.waitUntil(lambda: dock.isVisible() and not dock.visibleRegion().isEmpty())
    assert w.parameter_dock in w.tabifiedDockWidgets(dock) or w.form_dock in w.tabifiedDockWidgets(dock)
    qtbot.wait(50)
    assert w.centralWidget().geometry() == central
    for name, rect in before.items():  # every dock that was shown is where it was (the tab it shares aside)
        other = w.findChild(QDockWidget, name)
        if other not in w.tabifiedDockWidgets(dock):
            assert other.geometry() == rect, name
    assert w.chain.targets["nudge"] == (dock, w.chain.nudge.view)


def test_a_clicked_weight_is_nudged_and_training_is_untouched(qtbot, open_window):
    w = open_window(stages=2)
    dock, view = nudge_dock(w), w.chain.nudge.view
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not view.visibleRegion().isEmpty())
    snapshot, project, undo = w.state.snapshot, w.result.project, w.undo_stack.count()
    arrays = {k: np.array(v) for k, v in snapshot.arrays.items()}
    w.canvas.select_parameter(2, "W", 0, 1)
    assert view.target.layer == 2 and view.target.col == 1
    qtbot.waitUntil(lambda: not view.visibleRegion().isEmpty())  # the Nudge tab stays in front
    assert view.symbol_label.text().startswith("Nudge w²₁₂ = ")
    w.matrices.parameterClicked.emit(1, "b", 1, 0)
    assert view.symbol_label.text().startswith("Nudge b¹₂ = ")
    view.delta_edit.setText("0.3")
    view.submit()
    view.slider.setValue(-700)
    assert view.result.delta == -0.7
    assert w.state.snapshot is snapshot and w.result.project is project and w.undo_stack.count() == undo
    assert all(np.array_equal(snapshot.arrays[k], v) for k, v in arrays.items())
    w.actions_.step.trigger()  # and the engine steps on from where it was
    settle(qtbot, w)
    assert w.state.snapshot.position == 3
    assert np.array_equal(w.state.snapshot.get("b", 1), arrays["L1/b"])
    assert view.result.base.params[0][1] is w.state.snapshot.get("b", 1)  # the new state, nudged again


def test_precision_and_notation_follow_the_app(qtbot, open_window):
    w = open_window()
    view = w.chain.nudge.view
    nudge_dock(w).toggleViewAction().trigger()
    w.canvas.select_parameter(2, "W", 0, 1)
    qtbot.waitUntil(lambda: view.result is not None and view.result.target.col == 1)
    w.matrices.set_precision(7)
    assert view.true_label.text().startswith(f"ΔL = {format_number(view.result.dloss, 7)}")
    w.notation_menu.set_notation("row")
    assert view.symbol_label.text().startswith("Nudge W²[2, 1] = ")
    w.notation_menu.set_notation("column")
    assert view.symbol_label.text().startswith("Nudge w²₁₂ = ")


def test_a_lesson_can_point_at_the_nudge_and_drive_it(qtbot, open_window):
    """The lesson target "nudge" (a name lesson files may use) raises the dock; the view is scripted by its method."""
    from bpstudio.engine.lessons import HIGHLIGHTS

    w = open_window("seed004_chain_1-1-1")
    assert "nudge" in HIGHLIGHTS
    highlighter = w.lessons.panel.highlighter
    highlighter.show("nudge")
    dock, view = w.chain.targets["nudge"]
    qtbot.waitUntil(lambda: dock.isVisible() and not view.visibleRegion().isEmpty())
    assert highlighter.frame is not None and highlighter.frame.parent() is dock
    assert view.nudge_parameter(2, "W", 0, 0, 0.01)
    assert view.result.delta == 0.01 and view.table.item(0, 0).text() == "w²₁₁"
    assert not view.nudge_parameter(2, "W", 0, 0, float("nan"))
    assert view.result.delta == 0.01 and "NaN" in view.message()
    highlighter.clear()
