"""Start the Qt application on a project (the built-in example unless one is given)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from bpstudio.app.look import presentation, theme
from bpstudio.app.widgets import app_settings
from bpstudio.app.widgets.form_fields import message_box
from bpstudio.engine import BPStudioError, Project
from bpstudio.engine.atomic_file import remove_leftovers_in
from bpstudio.engine.examples import DEFAULT_EXAMPLE, resolve_project
from bpstudio.engine.resource_files import ICON_SIZES, icon_path
from bpstudio.session.crash_recovery import autosave_file, left_by_a_crash, recovered_project

from .autosave import data_dir
from .error_box import ErrorBox
from .project_files import remember_file

if TYPE_CHECKING:  # imported when the app starts, after the language is installed (texts translate on import)
    from .main_window import MainWindow

_IMPORTED = time.time()  # the start time where /proc does not tell it


DESKTOP_ID = "io.github.bpstudio.BPStudio"  # packaging/linux/<id>.desktop, .metainfo.xml, the icon's name


def app_icon() -> QIcon:
    """The app icon: the PNG renderings for the sizes they exist at, the SVG for every other size."""
    icon = QIcon()
    for size in ICON_SIZES:
        if icon_path(size).is_file():
            icon.addFile(str(icon_path(size)), QSize(size, size))
    if icon_path().is_file():
        icon.addFile(str(icon_path()))
    return icon


def load_start_project(name: str | None) -> tuple[Project, str | None]:
    """The project to open, and an error message if the requested one could not be read."""
    if name:
        try:
            return resolve_project(name), None
        except (BPStudioError, OSError) as exc:
            return resolve_project(DEFAULT_EXAMPLE), str(exc)
    return resolve_project(DEFAULT_EXAMPLE), None


def launch(name: str | None = None, language_choice: str | None = None) -> int:
    """``language_choice`` (system, en, zh_CN) overrides the stored one for this start only."""
    from bpstudio.app.look.language import install_language, load_bundled_fonts, resolve, stored_choice

    from .main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("BP Studio")
    app.setOrganizationName("BP Studio")
    app.setDesktopFileName(DESKTOP_ID)  # docks match the window to the installed .desktop file
    app.setWindowIcon(app_icon())
    load_bundled_fonts()  # a packaged build's CJK font, if it carries one
    install_language(resolve(language_choice or stored_choice()))  # before any widget: they translate once
    project, error = load_start_project(name)
    theme.apply_theme(app_settings.theme())  # the theme and presentation mode of last time, before any widget
    presentation.set_presentation(app_settings.presentation())
    clean_up_after_a_crash()
    crashed = left_by_a_crash(data_dir())  # before the window starts a session (and an autosave) of its own
    recovered = recovered_project(crashed) if crashed is not None else None
    window = MainWindow(project)
    if name and Path(name).is_file() and error is None:
        window.files.opened(Path(name))  # Save writes back to it
        remember_file(Path(name))
    window.show()
    if os.environ.get("BPSTUDIO_STARTUP_PROBE") == "1":
        _startup_probe(window)
    if error:
        message_box(window, QCoreApplication.translate("launch", "Could not open project"),
                    QCoreApplication.translate("launch", "{error}\n\nThe built-in example is open instead.")
                    .format(error=error))
    if crashed is not None and recovered is not None and offer_recovery(window, crashed):
        window.files.open_recovered(recovered)
    errors = ErrorBox(window).install()  # an exception nothing caught: a box, and the app goes on
    try:
        return app.exec()
    finally:
        errors.uninstall()


def clean_up_after_a_crash() -> int:
    """Remove the temporary files that saves a kill interrupted left next to the autosave and the recent projects
    (each of those files is whole: the old or the new version); how many were removed."""
    return remove_leftovers_in([autosave_file(data_dir()), *app_settings.recent_files()])


def offer_recovery(window: QWidget, path: Path) -> bool:
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


def _startup_probe(window: MainWindow) -> None:
    """BPSTUDIO_STARTUP_PROBE=1 (benchmarks/bench_startup.py): once the window is exposed with its first engine
    state in every view, paint it, print ``bpstudio-startup shown=<seconds since the process started>``, close."""
    def check() -> None:
        handle = window.windowHandle()
        if window.state is None or window.render_pending or handle is None or not handle.isExposed():
            return
        timer.stop()
        window.repaint()  # a real, synchronous paint of the whole window on that state
        print(f"bpstudio-startup shown={time.time() - _process_start():.3f}", flush=True)
        window.close()  # as a user would: the engine thread stops, the app quits

    timer = QTimer(window, interval=5)
    timer.timeout.connect(check)
    timer.start()


def _process_start() -> float:
    """When this process started (epoch seconds): /proc on Linux, else when this module was imported."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rpartition(")")[2].split()[19])  # field 22, starttime
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return _IMPORTED
