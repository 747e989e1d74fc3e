"""Start the Qt application on a project (the built-in example unless one is given)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QApplication, QMessageBox

from ..engine import BPStudioError, Project
from .autosave import left_by_a_crash, recovered_project
from .classroom import apply_stored_look


def load_start_project(name: str | None) -> tuple[Project, str | None]:
    """The project to open, and an error message if the requested one could not be read."""
    from ..cli import DEFAULT_EXAMPLE, resolve_project

    if name:
        try:
            return resolve_project(name), None
        except (BPStudioError, OSError) as exc:
            return resolve_project(DEFAULT_EXAMPLE), str(exc)
    return resolve_project(DEFAULT_EXAMPLE), None


def launch(name: str | None = None, language_choice: str | None = None) -> int:
    """``language_choice`` (system, en, zh_CN) overrides the stored one for this start only."""
    from .language import install_language, resolve, stored_choice
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("BP Studio")
    app.setOrganizationName("BP Studio")
    install_language(resolve(language_choice or stored_choice()))  # before any widget: they translate once
    project, error = load_start_project(name)
    apply_stored_look(app)  # theme and presentation mode of last time, before any widget exists
    crashed = left_by_a_crash()  # before the window starts a session (and an autosave) of its own
    recovered = recovered_project(crashed) if crashed is not None else None
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
    if recovered is not None and offer_recovery(window, crashed):
        window.open_recovered(recovered)
    return app.exec()


def offer_recovery(window, path: Path) -> bool:
    """Ask whether to restore the work an earlier session left unsaved when it ended without closing."""
    when = QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime)).toString("yyyy-MM-dd HH:mm")
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("launch", "Restore unsaved work?"),
        QCoreApplication.translate(
            "launch", "BP Studio did not close properly last time. Restore the work it saved automatically at "
            "{when}? (No: it is discarded.)").format(when=when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes
