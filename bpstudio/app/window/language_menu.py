"""View ▸ Language: System default, English, 中文（简体）. A change is stored and applies at the next start,
which the menu says, offering to restart now (unsaved work is asked about first, as on closing)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from bpstudio.app.look import language

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def restart_command(project: str | None) -> tuple[str, list[str]]:
    """The program and arguments that start this app again, on ``project`` (a file) if given."""
    arguments = ["gui", project] if project else ["gui"]
    if getattr(sys, "frozen", False):  # a packaged build: the executable is the app
        return sys.executable, arguments
    return sys.executable, ["-m", "bpstudio", *arguments]


class LanguageMenu(QObject):
    def __init__(self, view_menu: QMenu, window: QWidget, file_path: Callable[[], Path | None]) -> None:
        """``window``: closed to restart (which asks about unsaved work); ``file_path``: the project's file,
        which the new start opens."""
        super().__init__(window)
        self.window, self.file_path = window, file_path
        self.menu = view_menu.addMenu(translate("LanguageMenu", "&Language"))
        self.menu.setObjectName("languageMenu")
        self.menu.setToolTip(
            translate("LanguageMenu", "The language of the whole app; it changes when BP Studio starts again"))
        self.menu.setToolTipsVisible(True)
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        system = language.resolve(language.SYSTEM)
        labels = {language.SYSTEM: translate("LanguageMenu", "System default ({language})").format(
            language=language.NATIVE_NAMES[system]), **language.NATIVE_NAMES}
        chosen = language.stored_choice()
        for code, label in labels.items():
            action = QAction(label, self.group)  # (an action made in a group is one of its choices)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            action.setToolTip(
                translate("LanguageMenu", "Show BP Studio in {language} from its next start").format(language=label))
            self.menu.addAction(action)
            self.actions[code] = action
        self.group.triggered.connect(self._chosen)

    @Slot(QAction)
    def _chosen(self, action: QAction) -> None:
        code = action.data()
        if code == language.stored_choice():
            return
        language.store_choice(code)
        if language.resolve(code) == language.current_language():
            return  # e.g. back to the system default, which is what is shown
        if self.ask_restart():
            self.restart()

    def ask_restart(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question,
            translate("LanguageMenu", "Change the language"), translate("LanguageMenu",
            "The new language is used from the next start of BP Studio. Restart now? "
            "(Unsaved work is asked about first.)"), parent=self.window)
        now = box.addButton(translate("LanguageMenu", "Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("LanguageMenu", "Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is now

    def restart(self) -> None:
        path = self.file_path()  # read before closing: the new start reopens the saved file
        if not self.window.close():  # the user kept the window (Cancel on unsaved work)
            return
        program, arguments = restart_command(str(path) if path is not None and path.is_file() else None)
        QProcess.startDetached(program, arguments)

