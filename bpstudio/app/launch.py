"""Start the Qt application on a project (the built-in example unless one is given)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ..engine import BPStudioError, Project


def load_start_project(name: str | None) -> tuple[Project, str | None]:
    """The project to open, and an error message if the requested one could not be read."""
    from ..cli import DEFAULT_EXAMPLE, resolve_project

    if name:
        try:
            return resolve_project(name), None
        except (BPStudioError, OSError) as exc:
            return resolve_project(DEFAULT_EXAMPLE), str(exc)
    return resolve_project(DEFAULT_EXAMPLE), None


def launch(name: str | None = None) -> int:
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("BP Studio")
    app.setOrganizationName("BP Studio")
    project, error = load_start_project(name)
    window = MainWindow(project)
    if name and Path(name).is_file() and error is None:
        window.files.opened(Path(name))  # Save writes back to it
        window.remember_file(Path(name))
    window.show()
    if error:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("launch", "Could not open project"),
            QCoreApplication.translate("launch", "{error}\n\nThe built-in example is open instead.").format(
                error=error
            ),
        )
    return app.exec()
