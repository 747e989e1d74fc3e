"""The Update ledger view: a table of the last updates (predicted ΔL, the real ΔL on the batch and on the training
set, their ratio, the best step on the line) and the loss along the selected update's step; above them, in words,
what the selected update did and, when the last steps overshot the valley (a diverging run), why.

Fed by ``set_state`` (the snapshot carries the ledger) and ``set_diverged``; redraws only when the ledger changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import fill
from bpstudio.engine.update_ledger import LedgerEntry
from bpstudio.session.view_state import ViewState

from .ledger_texts import best_t_text, described, entry_text, number, overshoot_text, prediction_symbol
from .line_plot import LinePlot, key_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class LedgerView(QWidget):
    def __init__(self, notation: Callable[[], str], precision: Callable[[], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerView")
        self._notation, self._precision = notation, precision
        self.ledger: tuple[LedgerEntry, ...] = ()  # newest last
        self.diverged = False
        self._plain = True
        self._shown: tuple | None = None
        self._pinned: int | None = None  # the iteration whose update the user chose; None: follow the newest
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("ledgerSummary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("ledgerTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumSize(60, 36)  # the dock no larger at its smallest than the plots it is a tab of
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.plot = LinePlot(self)
        self.key = QLabel(key_text(), wordWrap=True)
        self.key.setObjectName("ledgerKey")
        right = QWidget()
        fill(QVBoxLayout(right), self.key, (self.plot, 1), margins=(0, 0, 0, 0))
        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self._shared = False  # the splitter's first share, when it is first shown
        words = QScrollArea(widgetResizable=True)  # a long verdict in a short dock scrolls
        words.setFrameShape(QFrame.Shape.NoFrame)
        words.setMinimumHeight(self.fontMetrics().height() + 4)  # a short dock stays short (nothing else moves)
        words.setWidget(self.summary)
        self.rows = QSplitter(Qt.Orientation.Vertical)  # the words over the table and the line: drag to share
        self.rows.addWidget(words)
        self.rows.addWidget(split)
        self.rows.setChildrenCollapsible(False)
        fill(QVBoxLayout(self), (self.rows, 1), margins=(2, 2, 2, 2))
        self._render()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shared and self.split.width() > 0:  # the table a little more: the line needs its width too
            self._shared = True
            self.split.setSizes([self.split.width() * 11 // 20, self.split.width() * 9 // 20])
        self._fit_words()

    def _fit_words(self) -> None:
        """The words as tall as they need, up to half the view (the rest scrolls)."""
        total = sum(self.rows.sizes())
        if total <= 0 or not self.isVisible():
            return
        need = self.summary.heightForWidth(max(1, self.rows.width() - 20)) + 4
        top = min(need, total // 2)
        if self.rows.sizes()[0] != top:
            self.rows.setSizes([top, total - top])

    # ----- API --------------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self.ledger = state.snapshot.ledger
        self._plain = state.project.training.plain
        self._render()

    def set_diverged(self, diverged: bool) -> None:
        """Whether the run has just diverged (the words then say why, from the ledger)."""
        self.diverged = diverged
        self._render()

    @Slot()
    def refresh(self, *_: object) -> None:
        """Draw again (another precision or notation)."""
        self._render()

    def selected_entry(self) -> LedgerEntry | None:
        """The update shown in the plot: the one chosen in the table, else the newest."""
        for e in self.ledger:
            if e.iteration == self._pinned:
                return e
        told = described(self.ledger) if self.diverged else None  # a divergence: the step its words tell of
        return told if told is not None else self.ledger[-1] if self.ledger else None

    # ----- drawing ----------------------------------------------------------------------
    def _render(self) -> None:
        if self.visibleRegion().isEmpty():  # a tab behind another, or hidden: drawn when it comes forward (refresh)
            return
        digits, notation = self._precision(), self._notation()
        key = (self.ledger, self.diverged, self._plain, digits, notation)
        if key == self._shown:
            return
        self._shown = key
        symbol = prediction_symbol(notation, self._plain)
        self.table.setHorizontalHeaderLabels([
            self.tr("Iteration"), self.tr("Predicted ΔL\n{symbol}").format(symbol=symbol),
            self.tr("Real ΔL\non the batch"), self.tr("Real ΔL\non the training set"),
            self.tr("Real ÷\npredicted"), self.tr("Best t")])
        tips = {1: self.tr("The first-order prediction of the batch loss change: the gradient g = ∂L/∂θ times the "
                           "update Δθ; for plain gradient descent Δθ = −ηg, so it is −η‖g‖²"),
                5: self.tr("Where the batch loss is lowest along the update's direction (t = 1 is the step taken)")}
        for col, tip in tips.items():
            header = self.table.horizontalHeaderItem(col)
            if header is not None:
                header.setToolTip(tip)
        chosen = self.selected_entry()
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self.ledger))
            for row, e in enumerate(reversed(self.ledger)):
                cells = [str(e.iteration + 1), number(e.predicted, digits), number(e.batch_change, digits),
                         number(e.train_change, digits), number(e.ratio, 3), best_t_text(e)]
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(RIGHT)
                    if e.overshot:
                        item.setToolTip(self.tr("This step went past the valley's bottom: the loss rose"))
                    self.table.setItem(row, col, item)
                if e is chosen:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.table.model().index(row, 0))
        finally:
            self.table.blockSignals(False)
        self._selected()

    @Slot()
    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.ledger:  # the newest on top
            row = rows[0].row()
            newest = row == 0 and not self.diverged  # the top row follows the newest update
            self._pinned = None if newest else self.ledger[len(self.ledger) - 1 - row].iteration
        self._selected()

    def _selected(self) -> None:
        e = self.selected_entry()
        self.plot.show_entry(e)
        digits = self._precision()
        if e is None:
            self.summary.setText(self.tr("Step through an update (F5 finishes the iteration) or run training: each "
                                         "update's predicted and real change of the loss appears here."))
            self._fit_words()
            return
        text = entry_text(e, digits, prediction_symbol(self._notation(), self._plain))
        if not e.measured:
            text += " " + self.tr(
                "(Not measured: during a run the real changes and the line are measured only as time allows.)")
        self.plot.setToolTip(text)
        why = overshoot_text(self.ledger, self.diverged, digits)  # the verdict first: the update's own words then
        self.summary.setText(why or text)  # stay in the plot's tooltip (the dock is short on a small screen)
        self._fit_words()
