"""The classroom additions to the window's View menu: presentation mode (F12), the theme (System, Light,
Dark), and "Go to" actions that put the keyboard focus in each panel (Ctrl+1 … Ctrl+9); an Alt+letter for
every menu, and accessible names for the main views and every control. The views that size or colour things
once per state draw again after a change of mode or theme: ``rerenderRequested`` asks the window.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.app.equations.stage_list import StageList
from bpstudio.app.look import presentation, theme
from bpstudio.app.look.accessibility import add_missing_mnemonics, focusable, name_widgets
from bpstudio.app.widgets import app_settings
from bpstudio.app.widgets.step_actions import make_action

from .training_ui import TrainingUi

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

# each panel's dock (None: in the centre) and its widget, by the names lessons use too
Panels = Mapping[str, tuple[QDockWidget | None, QWidget]]


class Classroom(QObject):
    rerenderRequested = Signal()  # noqa: N815 - Qt's naming

    def __init__(self, w: QMainWindow, view_menu: QMenu, panels: Panels, form_dock: QDockWidget,
                 bottom_docks: list[QDockWidget]) -> None:
        """``w``: the window whose layout presentation mode saves and gives back; ``bottom_docks`` grow in it."""
        super().__init__(w)
        self.w = w
        self.form_dock, self.bottom_docks = form_dock, bottom_docks
        self._layout_before: QByteArray | None = None  # the docks as they were before presentation mode
        self._form_minimum = 0
        self._size_before = w.size()
        view_menu.addSeparator()
        self.presentation_action = make_action(
            w, translate("Classroom", "&Presentation mode"), [presentation.KEY],
            translate("Classroom", "Larger fonts and thicker lines for a projector; press again to go back"),
            "presentationMode")
        self.presentation_action.setCheckable(True)
        self.presentation_action.setChecked(presentation.is_on())
        self.presentation_action.toggled.connect(_set_presentation)
        presentation.notifier().changed.connect(self.presentation_changed)
        theme.notifier().changed.connect(self.theme_changed)
        view_menu.addAction(self.presentation_action)
        w.addAction(self.presentation_action)
        self.theme_actions = self._theme_menu(view_menu)
        self.go_to_actions = self._go_to_menu(view_menu, panels)
        add_missing_mnemonics(w.menuBar().actions())  # every menu is in the bar by now
        # views make controls as they show a project: name those too, a moment after each result
        self.naming_timer = QTimer(self, singleShot=True, interval=200)
        self.naming_timer.timeout.connect(self.name_controls)
        self._named_for: object = None  # the project whose controls were named

    @Slot()
    def name_controls(self) -> None:
        name_widgets(self.w)

    @Slot(object)
    def name_soon(self, result: object = None) -> None:
        """After a result: the views make controls when they show another project (not while a run goes on,
        where naming would walk every widget once a second)."""
        project = getattr(result, "project", None)
        if project is None or project is not self._named_for:
            self._named_for = project
            self.naming_timer.start()

    # ----- presentation mode and themes ---------------------------------------------------------
    @Slot(bool)
    def presentation_changed(self, on: bool) -> None:
        self.presentation_action.setChecked(on)
        w, docks = self.w, self.bottom_docks
        if on:
            # the plots under the panels need more height for their larger labels: 1.3 times
            self._layout_before = w.saveState()
            self._form_minimum = self.form_dock.minimumWidth()  # a refit while large would keep the form wide
            self._size_before = w.size()  # larger fonts may have to widen a small window
            height = max(dock.height() for dock in docks)
            if presentation.font_scale() >= presentation.FONT_SCALE:  # (a small screen has no height to spare)
                w.resizeDocks(docks, [round(height * 1.3)] * len(docks), Qt.Orientation.Vertical)
        elif self._layout_before is not None:
            # back to the very layout of before, once the smaller fonts have shrunk the minimum sizes
            saved, self._layout_before = self._layout_before, None
            self.form_dock.setMinimumWidth(self._form_minimum)
            size = self._size_before
            # (fonts reach the widgets in posted events: restore once they have, and once more after the relayout)
            for delay in (0, 100, 400):
                QTimer.singleShot(delay, self, lambda: (w.resize(size), w.restoreState(saved)))
        self.rerenderRequested.emit()

    @Slot(str)
    def theme_changed(self, name: str) -> None:
        self.theme_actions[name].setChecked(True)
        QTimer.singleShot(0, self, self.rerenderRequested.emit)  # once the widgets have the new palette

    def _theme_menu(self, view_menu: QMenu) -> dict[str, QAction]:
        sub = view_menu.addMenu(translate("Classroom", "&Theme"))
        sub.menuAction().setToolTip(translate("Classroom", "Light or dark colours, or the system's own"))
        group = QActionGroup(self.w)
        tips = {
            "system": (translate("Classroom", "&System"),
                       translate("Classroom", "The colours and style of the desktop")),
            "light": (translate("Classroom", "&Light"),
                      translate("Classroom", "Dark text on a light ground, in every panel and plot")),
            "dark": (translate("Classroom", "&Dark"),
                     translate("Classroom", "Light text on a dark ground, in every panel and plot")),
        }
        actions = {}
        for name, (text, tip) in tips.items():
            action = make_action(group, text, [], tip, f"theme_{name}")
            action.setCheckable(True)
            action.setChecked(theme.current() == name)
            action.triggered.connect(lambda _=False, n=name: _set_theme(n))
            sub.addAction(action)
            actions[name] = action
        return actions

    def _go_to_menu(self, view_menu: QMenu, panels: Panels) -> list[QAction]:
        """One key per panel: the keyboard reaches every dock and the central views (Ctrl+1 … Ctrl+9)."""
        places = [
            (translate("Classroom", "Network diagram"), "network", "goToCanvas"),
            (translate("Classroom", "Matrices"), "matrices", "goToMatrices"),
            (translate("Classroom", "Equations"), "equations", "goToEquations"),
            (translate("Classroom", "Stages"), "stages", "goToStages"),
            (translate("Classroom", "Network settings"), "form", "goToNetwork"),
            (translate("Classroom", "Data settings"), "data", "goToData"),
            (translate("Classroom", "Training settings"), "training", "goToTraining"),
            (translate("Classroom", "Loss and accuracy plots"), "plots", "goToLoss"),
            (translate("Classroom", "Data and decision boundary"), "decision", "goToDataView"),
        ]
        sub = view_menu.addMenu(translate("Classroom", "&Go to"))
        sub.menuAction().setToolTip(translate("Classroom", "Put the keyboard focus in a panel"))
        actions = []
        for number, (title, panel, name) in enumerate(places, start=1):
            action = make_action(self.w, title, [f"Ctrl+{number}"],
                                 translate("Classroom", "Show the panel and put the keyboard focus in it"), name)
            dock, widget = panels[panel]
            action.triggered.connect(lambda _=False, d=dock, v=widget: focus_panel(d, v))
            sub.addAction(action)
            self.w.addAction(action)
            actions.append(action)
        return actions


def _set_presentation(on: bool) -> None:
    presentation.set_presentation(on)
    app_settings.set_presentation(on)


def _set_theme(name: str) -> None:
    theme.apply_theme(name)
    app_settings.set_theme(name)


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


def name_main_views(canvas: QWidget, matrices: QWidget, equations: EquationPanel, stages: StageList,
                    training: TrainingUi) -> None:
    """What a screen reader calls the big views (their own controls are named from their labels)."""
    names = [
        (canvas, translate("Classroom", "Network diagram")),
        (matrices, translate("Classroom", "Matrix panels")),
        (equations.browser, translate("Classroom", "Equations")),
        (stages.list, translate("Classroom", "Stages of this iteration")),
        (training.loss_plot.loss_plot, translate("Classroom", "Loss plot")),
        (training.loss_plot.accuracy_plot, translate("Classroom", "Accuracy plot")),
        (training.gradient_plot.plot, translate("Classroom", "Gradient size plot")),
        (training.data_view.plot, translate("Classroom", "Data and decision boundary plot")),
    ]
    for widget, name in names:
        widget.setAccessibleName(name)

