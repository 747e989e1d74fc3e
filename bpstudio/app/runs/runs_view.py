"""The Kept runs tab: every finished or paused run, named by what differed from the others; tick to show it over
the loss and accuracy plots, delete it, or export them all (CSV, the plots as PNG or SVG)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import push_button
from bpstudio.app.widgets.preview import show_alone

from .run_overlay import colour

OUTCOMES = {"finished": "✓", "paused": "‖", "diverged": "✗"}


class RunsView(QWidget):
    visibilityRequested = Signal(int, bool)  # noqa: N815 - Qt's naming
    deleteRequested = Signal(int)  # noqa: N815
    clearRequested = Signal()  # noqa: N815
    csvRequested = Signal()  # noqa: N815
    pngRequested = Signal()  # noqa: N815
    svgRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("keptRuns")
        self.list.setToolTip(self.tr("Tick a run to draw it over the loss and accuracy plots"))
        self.list.itemChanged.connect(self._ticked)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("keptRunsNote")
        self.delete_button = push_button(self.tr("Delete"), self._delete)
        self.delete_button.setToolTip(self.tr("Forget the selected run"))
        self.clear_button = push_button(self.tr("Delete all"), self.clearRequested)
        self.csv_button = push_button(self.tr("Export CSV…"), self.csvRequested)
        self.csv_button.setToolTip(self.tr("Every kept run's loss and accuracy, one line per logged iteration"))
        self.png_button = push_button(self.tr("Save plots as PNG…"), self.pngRequested)
        self.svg_button = push_button(self.tr("Save plots as SVG…"), self.svgRequested)
        for button in (self.png_button, self.svg_button):
            button.setToolTip(self.tr("The loss and accuracy plots with the runs shown over them"))
        buttons = QVBoxLayout()
        for button in (self.delete_button, self.clear_button, self.csv_button, self.png_button, self.svg_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addLayout(row, 1)
        self._filling = False
        self.set_runs([], [], [])

    def set_runs(self, labels: Sequence[str], visible: Sequence[bool], outcomes: Sequence[str]) -> None:
        """One line per kept run: its colour on the plots, its outcome, its label, ticked when shown."""
        self._filling = True
        current = self.list.currentRow()
        self.list.clear()
        for i, (label, shown, outcome) in enumerate(zip(labels, visible, outcomes, strict=True)):
            item = QListWidgetItem(f"{OUTCOMES.get(outcome, '')} {label}")
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(colour(i)))
            item.setIcon(QIcon(pixmap))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("{outcome} run: {label}").format(outcome=self._outcome(outcome), label=label))
            self.list.addItem(item)
        if labels:
            self.list.setCurrentRow(min(max(current, 0), len(labels) - 1))
        self.note.setText(self.tr("Each run is kept here when it finishes or pauses, named by what differed from "
                                  "the other runs kept. Saved with the project.") if labels else self.tr(
            "No runs kept yet: run training (F9); when it finishes or pauses, its curves stay here, to compare "
            "with the next run after you change a setting."))
        self._filling = False
        self._enable()

    def _outcome(self, outcome: str) -> str:
        return {"finished": self.tr("Finished"), "paused": self.tr("Paused"),
                "diverged": self.tr("Diverged")}.get(outcome, outcome)

    def _enable(self) -> None:
        some = self.list.count() > 0
        self.delete_button.setEnabled(some and self.list.currentRow() >= 0)
        for button in (self.clear_button, self.csv_button):
            button.setEnabled(some)

    @Slot(QListWidgetItem)
    def _ticked(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.visibilityRequested.emit(self.list.row(item), item.checkState() == Qt.CheckState.Checked)

    @Slot()
    def _delete(self) -> None:
        if self.list.currentRow() >= 0:
            self.deleteRequested.emit(self.list.currentRow())


def _preview() -> RunsView:
    view = RunsView()
    view.set_runs(["1: η 0.5", "2: η 0.1"], [True, False], ["finished", "paused"])
    return view


if __name__ == "__main__":
    import sys

    sys.exit(show_alone(_preview))
