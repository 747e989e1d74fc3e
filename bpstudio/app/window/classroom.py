"""The classroom additions to the window's View menu: presentation mode (F12), the theme (System, Light,
Dark), and "Go to" actions that put the keyboard focus in each panel (Ctrl+1 … Ctrl+9); and accessible
names for every control. ``install_classroom(window)`` is called once, at the end of the window's constructor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from bpstudio.app.look import presentation, theme
from bpstudio.app.look.accessibility import add_missing_mnemonics, focusable, name_widgets
from bpstudio.app.widgets import app_settings
from bpstudio.app.widgets.step_actions import make_action

if TYPE_CHECKING:
    from .main_window import MainWindow


translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def install_classroom(w: MainWindow) -> None:
    menu = w.view_menu
    menu.addSeparator()
    w.presentation_action = make_action(
        w, translate("Classroom", "&Presentation mode"), [presentation.KEY],
        translate("Classroom", "Larger fonts and thicker lines for a projector; press again to go back"),
        "presentationMode")
    w.presentation_action.setCheckable(True)
    w.presentation_action.setChecked(presentation.is_on())
    w.presentation_action.toggled.connect(_set_presentation)
    w.classroom_hooks = hooks = ClassroomHooks(w)
    presentation.notifier().changed.connect(hooks.presentation_changed)
    theme.notifier().changed.connect(hooks.theme_changed)
    menu.addAction(w.presentation_action)
    w.addAction(w.presentation_action)
    _theme_menu(w)
    _go_to_menu(w)
    _name_main_views(w)
    add_missing_mnemonics(w.menuBar().actions())
    # views make controls as they show a project: name those too, a moment after each result
    w.accessibility_timer = QTimer(w)
    w.accessibility_timer.setSingleShot(True)
    w.accessibility_timer.setInterval(200)
    w.accessibility_timer.timeout.connect(lambda: name_widgets(w))
    w.controller.stateChanged.connect(lambda *_: w.accessibility_timer.start())
    name_widgets(w)


def _set_presentation(on: bool) -> None:
    presentation.set_presentation(on)
    app_settings.set_presentation(on)


class ClassroomHooks(QObject):
    """The window's side of a presentation or theme change (a child of the window, so the application-wide
    signals let go of it when the window goes)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._layout_before: QByteArray | None = None  # the docks as they were before presentation mode
        self._form_minimum = 0
        self._size_before = window.size()

    def presentation_changed(self, on: bool) -> None:
        self.window.presentation_action.setChecked(on)
        w, docks = self.window, [self.window.training.loss_dock, self.window.training.data_dock]
        if on:
            # the plots under the panels need more height for their larger labels: 1.3 times
            self._layout_before = w.saveState()
            self._form_minimum = w.form_dock.minimumWidth()  # a refit while large would keep the form wide
            self._size_before = w.size()  # larger fonts may have to widen a small window
            height = max(dock.height() for dock in docks)
            w.resizeDocks(docks, [round(height * 1.3)] * 2, Qt.Orientation.Vertical)
        elif self._layout_before is not None:
            # back to the very layout of before, once the smaller fonts have shrunk the minimum sizes
            saved, self._layout_before = self._layout_before, None
            w.form_dock.setMinimumWidth(self._form_minimum)
            size = self._size_before
            # (fonts reach the widgets in posted events: restore once they have, and once more after the relayout)
            for delay in (0, 100, 400):
                QTimer.singleShot(delay, self, lambda: (w.resize(size), w.restoreState(saved)))
        self._rerender()

    def theme_changed(self, name: str) -> None:
        self.window.theme_actions[name].setChecked(True)
        QTimer.singleShot(0, self, self._rerender)  # once the widgets have the new palette

    def _rerender(self) -> None:
        """Views that size or colour things once per state (the matrix columns, the equations) draw again."""
        if self.window.state is not None:
            self.window._render()


def _theme_menu(w: MainWindow) -> None:
    sub = w.view_menu.addMenu(translate("Classroom", "&Theme"))
    sub.menuAction().setToolTip(translate("Classroom", "Light or dark colours, or the system's own"))
    group = QActionGroup(w)
    group.setExclusive(True)
    tips = {
        "system": (translate("Classroom", "&System"),
                   translate("Classroom", "The colours and style of the desktop")),
        "light": (translate("Classroom", "&Light"),
                  translate("Classroom", "Dark text on a light ground, in every panel and plot")),
        "dark": (translate("Classroom", "&Dark"),
                 translate("Classroom", "Light text on a dark ground, in every panel and plot")),
    }
    w.theme_actions = {}
    for name, (text, tip) in tips.items():
        action = QAction(text, w)
        action.setObjectName(f"theme_{name}")
        action.setCheckable(True)
        action.setChecked(theme.current() == name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False, n=name: _set_theme(n))
        group.addAction(action)
        sub.addAction(action)
        w.theme_actions[name] = action


def _set_theme(name: str) -> None:
    theme.apply_theme(name)
    app_settings.set_theme(name)


def _go_to_menu(w: MainWindow) -> None:
    """One key per panel: the keyboard reaches every dock and the central views (Ctrl+1 … Ctrl+9)."""
    t = w.training
    places = [
        (translate("Classroom", "Network diagram"), None, w.canvas, "goToCanvas"),
        (translate("Classroom", "Matrices"), None, w.matrices, "goToMatrices"),
        (translate("Classroom", "Equations"), w.equation_dock, w.equations, "goToEquations"),
        (translate("Classroom", "Stages"), w.stage_dock, w.stages, "goToStages"),
        (translate("Classroom", "Network settings"), w.form_dock, w.form, "goToNetwork"),
        (translate("Classroom", "Data settings"), w.data_source_dock, w.data_panel, "goToData"),
        (translate("Classroom", "Training settings"), t.run_dock, t.run_panel, "goToTraining"),
        (translate("Classroom", "Loss and accuracy plots"), t.loss_dock, t.loss_plot, "goToLoss"),
        (translate("Classroom", "Data and decision boundary"), t.data_dock, t.data_view, "goToDataView"),
    ]
    sub = w.view_menu.addMenu(translate("Classroom", "&Go to"))
    sub.menuAction().setToolTip(translate("Classroom", "Put the keyboard focus in a panel"))
    w.go_to_actions = []
    for number, (title, dock, widget, name) in enumerate(places, start=1):
        action = make_action(w, title, [f"Ctrl+{number}"],
                             translate("Classroom", "Show the panel and put the keyboard focus in it"), name)
        action.triggered.connect(lambda _=False, d=dock, v=widget: focus_panel(d, v))
        sub.addAction(action)
        w.addAction(action)
        w.go_to_actions.append(action)


def focus_panel(dock: QDockWidget | None, widget: QWidget) -> QWidget | None:
    """Show the dock (in front of its tab group) and focus the first control of ``widget`` that takes it."""
    if dock is not None:
        dock.show()
        dock.raise_()
    for candidate in [widget, *widget.findChildren(QWidget)]:
        if focusable(candidate) and candidate.isVisible() and candidate.isEnabled():
            candidate.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return candidate
    return None


def _name_main_views(w: MainWindow) -> None:
    t = w.training
    names = [
        (w.canvas, translate("Classroom", "Network diagram")),
        (w.matrices, translate("Classroom", "Matrix panels")),
        (w.equations.browser, translate("Classroom", "Equations")),
        (w.stages.list, translate("Classroom", "Stages of this iteration")),
        (t.loss_plot.loss_plot, translate("Classroom", "Loss plot")),
        (t.loss_plot.accuracy_plot, translate("Classroom", "Accuracy plot")),
        (t.gradient_plot.plot, translate("Classroom", "Gradient size plot")),
        (t.data_view.plot, translate("Classroom", "Data and decision boundary plot")),
    ]
    for widget, name in names:
        widget.setAccessibleName(name)


def apply_stored_look(app: QApplication) -> None:
    """The theme and presentation mode of last time, before the window is made (launch)."""
    theme.apply_theme(app_settings.theme())
    presentation.set_presentation(app_settings.presentation())
