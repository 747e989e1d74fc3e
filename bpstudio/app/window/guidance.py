"""What tells a newcomer what is going on: a key pressed for an action that is off says why (F9 while a value on
the hidden Training tab is wrong), where the user is looking; the Help menu; and on the first launch a pointer to
the lessons (F1) in the status bar, which does not come back once closed or once the lessons are opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QToolButton, QWidget

from bpstudio.app.widgets import app_settings
from bpstudio.app.widgets.form_fields import fill
from bpstudio.app.widgets.run_actions import RunActions
from bpstudio.app.widgets.step_actions import keys_text

from .help_menu import HelpMenu

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)
POINTER_STYLE = "#lessonPointer { background:#e3effc; color:#123e6b; border:1px solid #a8c8ea; border-radius:4px; }"


class SayWhyOff(QObject):
    """While ``action`` is off, its keys still answer: they say why (its tip, which the action's owner keeps
    saying why) through ``say``. While it is on, these shortcuts are off, so no key is ever ambiguous."""

    def __init__(self, host: QWidget, action: QAction, say: Callable[[str], None]) -> None:
        super().__init__(host)
        self.action, self.say = action, say
        self.shortcuts = [QShortcut(key, host) for key in action.shortcuts()]
        for shortcut in self.shortcuts:
            shortcut.activated.connect(self._refused)
        action.changed.connect(self._follow)
        self._follow()

    @Slot()
    def _follow(self) -> None:
        for shortcut in self.shortcuts:
            shortcut.setEnabled(not self.action.isEnabled())

    @Slot()
    def _refused(self) -> None:
        self.say(self.action.toolTip())


def keys(action: QAction) -> str:
    """An action's keys as a tooltip names them: "Shift+F11 / Alt+Left"."""
    return keys_text([k.toString() for k in action.shortcuts()])


class WhyOff(QObject):
    """``action``'s tooltip says why while it is off (``why``), its own tip while it is on; with ``SayWhyOff`` its
    key says it too."""

    def __init__(self, action: QAction, why: str) -> None:
        super().__init__(action)
        self.action, self.why, self.tip = action, why, action.toolTip()
        action.changed.connect(self._follow)
        self._follow()

    @Slot()
    def _follow(self) -> None:
        want = self.tip if self.action.isEnabled() else self.why
        if self.action.toolTip() != want:
            self.action.setToolTip(want)


class LessonPointer(QWidget):
    """"New here? Press F1 for the guided lessons." in the status bar, with Open and ✕; not modal."""

    def __init__(self, show_lessons: QAction) -> None:
        super().__init__()
        self.setObjectName("lessonPointer")
        self.label = QLabel(translate("Guidance", "New here? Try the guided lessons (F1)."))  # short: 1024 px wide
        self.label.setToolTip(translate("Guidance", "The lessons walk you through backpropagation one step at a "
                                                    "time, with questions to check what you predicted"))
        self.open_button = QToolButton(autoRaise=True)
        self.open_button.setText(translate("Guidance", "Open lessons"))
        self.open_button.setToolTip(translate("Guidance", "Show the Lesson panel (F1)"))
        self.close_button = QToolButton(autoRaise=True)
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("Guidance", "Close this pointer; it will not come back"))
        fill(QHBoxLayout(self), self.label, self.open_button, self.close_button, margins=(8, 0, 2, 0), spacing=4)
        self.setStyleSheet(POINTER_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.open_button.clicked.connect(show_lessons.trigger)
        self.close_button.clicked.connect(self.dismiss)
        show_lessons.triggered.connect(self.dismiss)  # found: no need to point any more

    @Slot()
    def dismiss(self) -> None:
        app_settings.dismiss_lesson_pointer()
        self.hide()


class Guidance(QObject):
    def __init__(self, w: QMainWindow, run: RunActions, back: QAction, show_lessons: QAction,
                 say: Callable[[str], None]) -> None:
        super().__init__(w)
        self.why_off = [WhyOff(back, translate("Guidance", "Step back ({keys}) is off: no earlier stage is kept — at "
                                                           "the start, after a reset, or after opening a project or an "
                                                           "edit that starts training over.").format(keys=keys(back))),
                        WhyOff(run.pause, translate("Guidance", "Pause ({keys}) is off: no run is going; Run (F9) "
                                                                "starts one.").format(keys=keys(run.pause))),
                        WhyOff(run.stop, translate("Guidance", "Stop ({keys}) is off: no run is going or paused.")
                               .format(keys=keys(run.stop)))]
        self.run_refused = SayWhyOff(w, run.run, say)  # the Training tab keeps Run's tip saying why
        self.refused = [SayWhyOff(w, action, say) for action in (back, run.pause, run.stop)]
        self.help = HelpMenu(w)
        self.pointer: LessonPointer | None = None
        if not app_settings.lesson_pointer_dismissed():
            self.pointer = LessonPointer(show_lessons)
            w.statusBar().addPermanentWidget(self.pointer)
