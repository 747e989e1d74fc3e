"""Classroom and accessibility: presentation mode, light and dark themes, keyboard reach, accessible names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QMenu, QScrollArea, QWidget

from bpstudio.app.look import presentation, theme
from bpstudio.app.look.accessibility import focusable, unnamed
from bpstudio.app.widgets import app_settings
from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path


@pytest.fixture
def window(open_window):
    yield open_window(size=(1280, 800), stages=3)
    presentation.set_presentation(False)  # application-wide: never left on for the next test
    if theme.current() != "system":
        theme.apply_theme("system")


def menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def test_every_focusable_control_has_an_accessible_name(window, qtbot):
    qtbot.waitUntil(lambda: not unnamed(window))  # controls made by later renders are named a moment after
    for widget in window.findChildren(QWidget):
        if focusable(widget) and widget.isVisible():
            assert widget.accessibleName().strip(), widget
            if widget.toolTip():
                assert widget.accessibleDescription(), widget
    assert window.canvas.accessibleName() == "Network diagram"
    assert window.equations.browser.accessibleName() == "Equations"
    assert window.form.findChild(QAbstractSpinBox) is not None
    named = {w.accessibleName() for w in window.form.findChildren(QWidget) if focusable(w)}
    assert {"Learning rate η", "Batch size m", "Epochs", "Seed"} <= named  # from their labels


def test_a_new_projects_controls_are_named_but_a_runs_states_do_not_walk_every_widget(window, qtbot):
    w = window
    qtbot.waitUntil(lambda: not unnamed(w))
    walks = []
    w.classroom.naming_timer.timeout.connect(lambda: walks.append(1))
    for _ in range(3):  # results of the same project (as a run's states are)
        before = w.state.snapshot
        w.actions_.step.trigger()
        qtbot.waitUntil(lambda before=before: w.state.snapshot is not before)
    qtbot.wait(400)  # longer than the naming timer's delay
    assert walks == []
    w.files.open_project(load_project(example_path("spiral_softmax")))  # a layer more: the form makes its row
    qtbot.waitUntil(lambda: w.state.project.network.depth == 3)
    qtbot.waitUntil(lambda: walks == [1] and not unnamed(w))


def test_every_menu_action_has_a_tooltip_and_every_shortcut_is_in_a_menu(window):
    in_menus = []
    for top in window.menuBar().actions():
        assert "&" in top.text(), top.text()  # a mnemonic: Alt+letter opens it
        in_menus += menu_actions(top.menu())
    for action in in_menus:
        assert action.toolTip().strip(), action.text()
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts() and a.isVisible()]
    for action in with_keys:
        assert action in in_menus, action.text()
    keys = [k.toString() for a in with_keys for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), "a key bound twice"
    assert window.classroom.presentation_action.shortcut().toString() == "F12"


@pytest.mark.parametrize("form_name", ["form", "data_panel", "run_panel"])
def test_tab_order_visits_the_form_in_visual_order(window, form_name):
    form = window.training.run_panel if form_name == "run_panel" else getattr(window, form_name)
    dock = {"form": window.form_dock, "data_panel": window.data_source_dock,
            "run_panel": window.training.run_dock}[form_name]
    dock.raise_()
    QApplication.processEvents()
    controls = [w for w in form.findChildren(QWidget) if focusable(w) and w.isVisible() and w.isEnabled()
                and not isinstance(w.parentWidget(), QAbstractSpinBox)  # a spin box's own line edit
                and not isinstance(w, QScrollArea)]  # the form's scrolling frame, around the others
    assert len(controls) >= 3
    start = min(controls, key=lambda w: (w.mapTo(form, w.rect().topLeft()).y(), w.mapTo(form, w.rect().topLeft()).x()))
    order, current = [], start
    for _ in range(2000):
        if current in controls and current not in order:
            order.append(current)
        current = current.nextInFocusChain()
        if current is start:
            break
    assert set(order) == set(controls)
    places = [(w.mapTo(form, w.rect().center()), w) for w in order]
    for (a, wa), (b, wb) in zip(places, places[1:], strict=False):
        same_row = abs(a.y() - b.y()) < 8
        assert (b.x() > a.x()) if same_row else (b.y() > a.y()), (wa.accessibleName(), wb.accessibleName())


def test_go_to_actions_put_the_focus_in_each_panel(window, qtbot):
    window.activateWindow()
    by_name = {a.objectName(): a for a in window.classroom.go_to_actions}
    assert [a.shortcut().toString() for a in window.classroom.go_to_actions][:3] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    by_name["goToEquations"].trigger()
    assert QApplication.focusWidget() is window.equations.browser or window.equations.browser.hasFocus()
    by_name["goToTraining"].trigger()
    assert window.training.run_dock.isVisible()
    focused = QApplication.focusWidget()
    assert focused is not None and window.training.run_panel.isAncestorOf(focused)


def test_dark_theme_changes_the_palette_and_the_plots(window, qtbot):
    plot = window.training.loss_plot.loss_plot
    light_ground = plot.backgroundBrush().color().lightness()
    window.classroom.theme_actions["dark"].trigger()
    assert theme.current() == "dark" and app_settings.theme() == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    qtbot.waitUntil(lambda: plot.backgroundBrush().color().lightness() < 80)
    axis = plot.getPlotItem().getAxis("left")
    assert axis.textPen().color().lightness() > 150  # light tick labels on the dark ground
    assert window.classroom.theme_actions["dark"].isChecked()
    window.classroom.theme_actions["system"].trigger()
    qtbot.waitUntil(lambda: plot.backgroundBrush().color().lightness() == light_ground)
    assert app_settings.theme() == "system"


def test_presentation_mode_enlarges_fonts_and_lines_and_restores_them(window, qtbot):
    app = QApplication.instance()
    curve = window.training.loss_plot.curves["train_loss"]
    table = window.matrices.findChild(QWidget, "matrixTable")
    before = {
        "app": app.font().pointSizeF(),
        "equations": window.equations.browser.font().pointSizeF(),
        "equation size": window.equations._equation_pt,
        "table": table.font().pointSizeF(),
        "pen": curve.opts["pen"].widthF(),
        "edge": window.canvas.edges[1][0].pen().widthF(),
        "ticks": window.training.loss_plot.loss_plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF(),
    }
    docks = [window.training.loss_dock, window.training.data_dock, window.form_dock, window.equation_dock]
    sizes = [d.size() for d in docks]
    window.classroom.presentation_action.trigger()  # F12
    scale = presentation.font_scale()  # 1.5 on a large screen; the tests' offscreen 800 × 800 one gets 1.2
    assert scale == presentation.screen_scale() > 1.15
    assert presentation.is_on() and app_settings.presentation()
    assert app.font().pointSizeF() == pytest.approx(before["app"] * scale)
    qtbot.waitUntil(lambda: window.equations.browser.font().pointSizeF() != before["equations"])  # posted events
    assert window.equations.browser.font().pointSizeF() == pytest.approx(before["equations"] * scale)
    assert window.equations._equation_pt == pytest.approx(before["equation size"] * scale)
    assert table.font().pointSizeF() == pytest.approx(before["table"] * scale)
    assert curve.opts["pen"].widthF() == pytest.approx(before["pen"] * 2)
    assert window.canvas.edges[1][0].pen().widthF() == pytest.approx(before["edge"] * 2)
    ticks = window.training.loss_plot.loss_plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF()
    assert ticks == pytest.approx(before["ticks"] * scale)
    window.classroom.presentation_action.trigger()  # and back
    assert not presentation.is_on() and not app_settings.presentation()
    assert app.font().pointSizeF() == before["app"]
    qtbot.waitUntil(lambda: window.equations.browser.font().pointSizeF() == before["equations"])
    assert window.equations.browser.font().pointSizeF() == before["equations"]
    assert window.equations._equation_pt == before["equation size"]
    assert table.font().pointSizeF() == before["table"]
    assert curve.opts["pen"].widthF() == before["pen"]
    assert window.canvas.edges[1][0].pen().widthF() == before["edge"]
    assert window.training.loss_plot.loss_plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() \
        == before["ticks"]
    try:
        qtbot.waitUntil(lambda: [d.size() for d in docks] == sizes, timeout=3000)  # the layout of before, too
    except Exception:
        raise AssertionError(f"{[d.size().toTuple() for d in docks]} != {[s.toTuple() for s in sizes]}") from None


def test_a_new_window_reflects_the_mode_already_on(qtbot):
    presentation.set_presentation(True)
    try:
        w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
        qtbot.addWidget(w)
        assert w.classroom.presentation_action.isChecked()
        assert Qt.Key.Key_F12.value == w.classroom.presentation_action.shortcut()[0].key().value
        w.close()
    finally:
        presentation.set_presentation(False)
