"""Where the window's panels go: the canvas over the matrices in the middle, the forms on the left, the
equations and stages on the right, the plots along the bottom, the Lesson dock beside the plots, and where the
iteration is in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import fill
from bpstudio.app.widgets.one_line_label import OneLineLabel

from .dock_tabs import WholeTabTitles
from .message_bar import MessageBar

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
BOTTOM_TAB = "bpstudio_bottom_tab"  # dock property: a tab of the plots along the bottom (the chain-rule docks)
LESSON_WIDTH = 420  # at least, when the Lesson dock is first shown
HEIGHT_SHARE = 0.4  # of the window's height for the bottom row, then
SMALL_HEIGHT_SHARE = 0.3  # ... in a window under TALL pixels high (a 1280 × 800 or 1024 × 768 screen): the
TALL = 880  # canvas and the matrices above need the room more
WIDTH_SHARE = 0.42  # of the bottom row's width for the Lesson dock


def make_dock(title: str, name: str, widget: QWidget, parent: QWidget) -> QDockWidget:
    """A dock that can be moved, floated and closed (View shows it again)."""
    dock = QDockWidget(title, parent)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    return dock


class _CentreSplit(QSplitter):
    """Shown first, the canvas gets the height its text needs at its real size (its hint) where the matrices keep
    their minimum (a whole small page), and at least half: Qt's own share by the hints left it short at 1280 × 800."""

    _shared = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        canvas, matrices = self.widget(0), self.widget(1)
        if self._shared or canvas is None or matrices is None:
            return
        self._shared = True
        total = sum(self.sizes())
        top = max(total // 2, min(canvas.sizeHint().height(), total - matrices.minimumSizeHint().height()))
        self.setSizes([top, total - top])


def centre(top: MessageBar, canvas: QWidget, matrices: QWidget) -> QWidget:
    """The canvas over the matrices (a splitter between them), the message strip floating over their top."""
    split = _CentreSplit(Qt.Orientation.Vertical)
    split.setObjectName("centreSplit")
    split.addWidget(canvas)
    split.addWidget(matrices)
    split.setStretchFactor(0, 1)  # the canvas as tall as the matrices: its text at its real size (≥ 11 px)
    split.setStretchFactor(1, 1)
    widget = QWidget()
    fill(QVBoxLayout(widget), (split, 1), margins=(4, 4, 4, 4))
    top.float_over(widget)
    return widget


def status_labels(w: QMainWindow) -> tuple[OneLineLabel, QLabel]:
    """Where the iteration is, across the status bar, and whether the engine is computing, at its end."""
    where, busy = OneLineLabel(), QLabel()  # a long text is elided: no new layout of the window at a step
    where.setObjectName("whereLabel")
    w.statusBar().addWidget(where, 1)
    w.statusBar().addPermanentWidget(busy)
    return where, busy


def side_docks(w: QMainWindow, form: QWidget, parameter_editor: QWidget, data_panel: QWidget, equations: QWidget,
               stages: QWidget) -> tuple[QDockWidget, QDockWidget, QDockWidget, QDockWidget, QDockWidget]:
    """The forms on the left (the selected weight under them, shown when a weight is clicked), the equations
    over the stages on the right: their docks, placed."""
    docks = (make_dock(translate("MainWindow", "Network"), "networkDock", form, w),
             make_dock(translate("MainWindow", "Selected weight"), "parameterDock", parameter_editor, w),
             make_dock(translate("MainWindow", "Data"), "dataSourceDock", data_panel, w),
             make_dock(translate("MainWindow", "Equations"), "equationDock", equations, w),
             make_dock(translate("MainWindow", "Stages"), "stageDock", stages, w))
    form_dock, parameter, data, equation_dock, stage_dock = docks
    for dock in (form_dock, parameter, data):
        w.addDockWidget(LEFT, dock)
    w.tabifyDockWidget(form_dock, data)
    w.splitDockWidget(form_dock, parameter, Qt.Orientation.Vertical)
    parameter.hide()
    w.addDockWidget(RIGHT, equation_dock)
    w.addDockWidget(RIGHT, stage_dock)
    w.splitDockWidget(equation_dock, stage_dock, Qt.Orientation.Vertical)
    w.resizeDocks([form_dock, equation_dock], [280, 400], Qt.Orientation.Horizontal)
    w.resizeDocks([equation_dock, stage_dock], [560, 200], Qt.Orientation.Vertical)
    return docks


def place_training_docks(w: QMainWindow, form: QDockWidget, stages: QDockWidget, loss: QDockWidget,
                         gradient: QDockWidget, data_view: QDockWidget, run: QDockWidget,
                         gradcheck: QDockWidget) -> None:
    """The plots along the bottom (gradient sizes a tab behind the loss), the run settings a tab of the forms,
    the gradient check a tab of the stages."""
    for dock in (loss, gradient, data_view):
        w.addDockWidget(BOTTOM, dock)
    w.splitDockWidget(loss, data_view, Qt.Orientation.Horizontal)
    w.tabifyDockWidget(loss, gradient)
    for dock in w.findChildren(QDockWidget):
        if dock.property(BOTTOM_TAB):
            w.tabifyDockWidget(gradient, dock)
    loss.raise_()
    w.addDockWidget(LEFT, run)
    w.addDockWidget(RIGHT, gradcheck)
    w.tabifyDockWidget(form, run)
    w.tabifyDockWidget(stages, gradcheck)
    form.raise_()
    stages.raise_()
    WholeTabTitles(w)  # (a tab's title is never cut short)
    w.resizeDocks([loss, data_view], [700, 360], Qt.Orientation.Horizontal)
    w.resizeDocks([loss], [min(280, bottom_height(w))], Qt.Orientation.Vertical)


def place_lesson_dock(w: QMainWindow, lesson: QDockWidget) -> None:
    """A column of its own at the bottom, beside the plots (not a tab of any dock: a step may raise those; not
    beside the centre, whose panels need their width); hidden until F1 or the Lessons menu shows it."""
    w.addDockWidget(BOTTOM, lesson, Qt.Orientation.Horizontal)
    lesson.hide()


def give_lesson_room(w: QMainWindow, loss: QDockWidget, data_view: QDockWidget, lesson: QDockWidget) -> None:
    """Much of the bottom row's width for the Lesson dock, and a taller bottom row where the other docks allow."""
    width = loss.width() + data_view.width() + lesson.width()
    share = max(LESSON_WIDTH, int(width * WIDTH_SHARE))
    loss_width = max(200, (width - share) * 2 // 3)
    w.resizeDocks([loss, data_view, lesson], [loss_width, width - share - loss_width, share],
                  Qt.Orientation.Horizontal)
    w.resizeDocks([lesson], [max(lesson.height(), bottom_height(w))], Qt.Orientation.Vertical)


def bottom_height(w: QMainWindow) -> int:
    """The bottom row's height when the Lesson dock is first shown: less of a small screen."""
    return int(w.height() * (HEIGHT_SHARE if w.height() >= TALL else SMALL_HEIGHT_SHARE))
