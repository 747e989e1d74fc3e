"""The Lesson dock around the panel, the Lessons menu and the step keys: F1 shows the panel, Alt+PgDown /
Alt+PgUp go to the next / previous step. The window places the dock and the menu; the dock asks for room the
first time it is shown (``roomWanted``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from bpstudio.app.widgets.form_fields import scrolled
from bpstudio.app.widgets.step_actions import make_action

from .lesson_panel import LessonPanel

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


class Lessons(QObject):
    roomWanted = Signal()  # noqa: N815 - Qt's naming: the dock is shown for the first time

    def __init__(self, panel: LessonPanel, host: QWidget) -> None:
        """``host``: the widget whose keys the step actions are (the window)."""
        super().__init__(host)
        self.panel = panel
        self.dock = QDockWidget(translate("Lessons", "Lesson"), host)
        self.dock.setObjectName("lessonDock")
        # a short dock scrolls rather than squeezing the panels around it; never narrower than the panel's controls
        scroll = scrolled(self.panel, up_and_down=True)
        self.dock.setWidget(scroll)
        self.scroll = scroll  # a long feedback (a named mistake, the hint) is scrolled into sight in a short dock
        panel.feedbackShown.connect(lambda: QTimer.singleShot(0, self, lambda: scroll.ensureWidgetVisible(
            panel.feedback, 0, 0)))
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.dock.visibilityChanged.connect(self._dock_visible)
        self._sized = False

        self.show_action = make_action(host, translate("Lessons", "Lesson panel"), ["F1"], translate(
            "Lessons", "Show the guided lessons"), "showLessons")
        self.show_action.triggered.connect(self.show_panel)
        self.next_action = make_action(host, translate("Lessons", "Next lesson step"), ["Alt+PgDown"], translate(
            "Lessons", "Go to the next step of the lesson, once this one is done"), "nextLessonStep")
        self.next_action.triggered.connect(self.panel.next)
        self.previous_action = make_action(host, translate("Lessons", "Previous lesson step"), ["Alt+PgUp"],
                                           translate("Lessons", "Go back to the previous step of the lesson"),
                                           "previousLessonStep")
        self.previous_action.triggered.connect(self.panel.previous)
        self.open_action = make_action(host, translate("Lessons", "Open lesson file…"), [], translate(
            "Lessons", "Open a lesson file of your own (JSON, see docs/lessons.md)"), "openLesson")
        self.open_action.triggered.connect(self._open)

        self.menu = QMenu(translate("Lessons", "&Lessons"), host)
        self.menu.setObjectName("lessonsMenu")
        self.menu.setToolTipsVisible(True)
        self.menu.addAction(self.show_action)
        self.menu.addSeparator()
        self.start_actions: list[QAction] = []
        for i, path in enumerate(self.panel.paths):
            action = QAction(self.panel.picker.itemText(i), self)
            action.setObjectName(f"startLesson_{path.stem}")
            action.setToolTip(translate("Lessons", "Start this lesson (its network is opened)"))
            action.triggered.connect(lambda _=False, p=path: self._start(p))
            self.menu.addAction(action)
            self.start_actions.append(action)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addActions([self.previous_action, self.next_action])
        host.addActions([self.show_action, self.next_action, self.previous_action])  # keys with the menu closed

    @Slot()
    def show_panel(self) -> None:
        first = not self.dock.isVisible() and not self._sized
        self.dock.show()
        self.dock.raise_()
        if first:  # room for the text and the prediction, the first time it is shown
            self._sized = True
            QTimer.singleShot(0, self, self.roomWanted.emit)
        self.panel.picker.setFocus()

    @Slot(bool)
    def _dock_visible(self, visible: bool) -> None:
        """No outline left behind when the Lesson dock is closed; back when it is shown again."""
        panel = self.panel
        if not visible:
            panel.highlighter.clear()
        elif panel.step is not None and not panel.course.finished and panel.highlighter.panel is None:
            panel.highlighter.show(panel.step.highlight)

    def _start(self, path: Path) -> None:
        self.show_panel()
        self.panel.picker.setCurrentIndex(self.panel.paths.index(path))
        self.panel.start_path(path)

    @Slot()
    def _open(self) -> None:
        self.show_panel()
        self.panel.open_dialog()
