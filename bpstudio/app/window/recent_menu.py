"""File ▸ Open recent: the projects opened or saved lately, rebuilt each time the menu opens."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.app.widgets import app_settings


class RecentFilesMenu(QMenu):
    fileChosen = Signal(Path)  # noqa: N815 - Qt's naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Open &recent"), parent)
        self.setObjectName("recentFilesMenu")
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    @Slot()
    def rebuild(self) -> None:
        self.clear()
        paths = app_settings.recent_files()
        self._file_actions: list[QAction] = []
        for number, path in enumerate(paths, start=1):
            action = QAction(f"&{number} {path.name.replace('&', '&&')}", self)
            action.setToolTip(str(path.parent))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.fileChosen.emit(p))
            self.addAction(action)
            self._file_actions.append(action)
        if not paths:
            self.addAction(self.tr("No recent projects")).setEnabled(False)
        self.addSeparator()
        self.clear_action = self.addAction(self.tr("Clear list"))
        self.clear_action.setObjectName("clearRecentFiles")
        self.clear_action.setToolTip(self.tr("Forget the recently opened projects (the files stay)"))
        self.clear_action.setEnabled(bool(paths))
        self.clear_action.triggered.connect(self.clear_list)

    def file_actions(self) -> list[QAction]:
        """The entries that open a file, in order."""
        return list(self._file_actions)

    @Slot()
    def clear_list(self) -> None:
        app_settings.clear_recent_files()
        self.rebuild()


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication, QPushButton

    app = QApplication.instance() or QApplication(sys.argv)
    button = QPushButton("Open recent")
    menu = RecentFilesMenu(button)
    menu.fileChosen.connect(lambda p: print(p))
    button.setMenu(menu)
    button.show()
    sys.exit(app.exec())
