"""An exception no code caught — in a slot, a timer, an event handler — reaches ``sys.excepthook``. While the app
runs, the hook here shows it in a box with the details to copy (and still writes them to stderr); the window and
its work stay as they were, and the app goes on."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from bpstudio.app.widgets.form_fields import message_box


class ErrorBox(QObject):
    # (kind, message, details): the hook may run in any thread (an error in the engine's); the box is made in
    # the window's, where this object lives (a queued signal)
    reported = Signal(str, str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None  # the box shown last (tests look at it)
        self.more = 0  # errors that came while the box was open (counted in it, not a box each)
        self._previous = sys.excepthook
        self.reported.connect(self._show)

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
        if not issubclass(kind, KeyboardInterrupt):  # (Ctrl+C in the terminal: stderr only)
            self.reported.emit(f"{kind.__name__}: {error}", details)

    @Slot(str, str)
    def _show(self, error: str, details: str) -> None:
        if self.box is not None and isValid(self.box) and self.box.isVisible():  # one box: a repeating error is
            # counted (an error in a paint would open a box per repaint)
            self.more += 1
            self.box.setInformativeText(self.tr("{n} more errors since (details on stderr).").format(n=self.more))
            return
        self.more = 0
        self.box = message_box(self.window, self.tr("Unexpected error"), self.tr(
            "Something went wrong that BP Studio did not expect: {error}\n\nYour work is still open as it was; "
            "saving it under a new name is a good idea. The details (Show Details…) can be copied into a bug "
            "report.").format(error=error), details, QMessageBox.Icon.Critical)
