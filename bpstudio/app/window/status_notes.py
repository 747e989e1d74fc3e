"""Short notes on the status line ("Saved …", "Snapshot saved to …"): they hide where the iteration is, so they
last a few seconds at most, and the next step clears them at once: the stage's text wins."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar

LONGEST_MS = 4000  # a note never stays longer than this over the stage's text


class StatusNotes(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar

    @Slot(str, int)
    def show(self, text: str, ms: int = LONGEST_MS) -> None:
        self.bar.showMessage(text, min(ms, LONGEST_MS) if ms > 0 else LONGEST_MS)

    @Slot()
    def clear(self) -> None:
        self.bar.clearMessage()


def clear_first(actions: Iterable[QAction], *clears: object) -> None:
    """Each of ``clears`` (callables) runs when one of ``actions`` is triggered — connected before the action does
    its work, so what the step itself says (a divergence, a refusal) is shown after the old notes went."""
    for action in actions:
        for clear in clears:
            action.triggered.connect(clear)
