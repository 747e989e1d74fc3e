"""An exception no code caught — in a slot, a timer, an event handler — reaches ``sys.excepthook``. While the app
runs, the hook here shows it in a box with the details to copy (and still writes them to stderr); the window and
its work stay as they were, and the app goes on."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio.app.widgets.form_fields import message_box


class ErrorBox(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None  # the box shown last (tests look at it)
        self._previous = sys.excepthook
        self._showing = False

    def install(self) -> ErrorBox:
        self._previous = sys.excepthook
        sys.excepthook = self.report
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.report:
            sys.excepthook = self._previous

    def report(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(details)  # for a bug report made from the terminal too
        if issubclass(kind, KeyboardInterrupt) or self._showing:
            return  # Ctrl+C in the terminal; an error while the box is made: stderr only
        self._showing = True
        try:
            self.box = message_box(self.window, self.tr("Unexpected error"), self.tr(
                "Something went wrong that BP Studio did not expect: {error}\n\nYour work is still open as it was; "
                "saving it under a new name is a good idea. The details (Show Details…) can be copied into a bug "
                "report.").format(error=f"{kind.__name__}: {error}"), details, QMessageBox.Icon.Critical)
        finally:
            self._showing = False
