"""The gradient check: backprop's ∂L/∂W, ∂L/∂b against finite differences, per parameter array,
with the entries that agree least.

The view computes nothing: "Check gradients" emits ``checkRequested``; the window runs
``gradient_check`` (in the engine's thread) and calls ``show_result``.
"""

from __future__ import annotations

import math
import sys
from collections import Counter

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import fill, section_title, wrapped_label
from bpstudio.app.widgets.preview import show_alone
from bpstudio.app.widgets.styles import ERROR_RED, ERROR_STYLE, HINT_STYLE, PASS_GREEN, WAIT_AMBER, text_style
from bpstudio.engine.examples import DEFAULT_EXAMPLE
from bpstudio.engine.gradcheck import STEP, TOLERANCE, GradCheckEntry, GradCheckResult
from bpstudio.engine.text.indices import parameter_symbol, superscript

from .gradcheck_rows import Row, RowsModel, format_error, format_gradient, format_tolerance

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

SUMMARY_STYLES = {True: text_style(PASS_GREEN, bold=True), False: text_style(ERROR_RED, bold=True)}
WORST_COUNT = 5


class GradCheckView(QWidget):
    """Shows a ``GradCheckResult``: a summary, one row per parameter array, and the worst entries."""

    checkRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_button = QPushButton(self.tr("Check gradients"))
        self.check_button.setObjectName("checkGradients")
        self.check_button.setToolTip(self.tr(
            "Compare backprop's ∂L/∂W and ∂L/∂b for the current weights and batch with finite differences: each "
            "weight and bias θ in turn is moved by ±h and ±2h and the loss computed again,\n"
            "∂L/∂θ ≈ (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h  (the fourth-order central difference, "
            "h = {h:g}).\nAn entry passes when the relative error |backprop − numeric| / max(|backprop|, |numeric|) "
            "is < {tol}; gradients too small to compare relatively are compared absolutely."
        ).format(h=STEP, tol=format_tolerance(TOLERANCE)))
        self.check_button.clicked.connect(self.checkRequested)
        self._button_text = self.check_button.text()

        self._idle_text = self.tr("Not checked yet: press Check gradients to compare backprop with finite "
                                  "differences for the current weights and batch.")
        self.summary_label = wrapped_label(self._idle_text, "gradcheckSummary", self.tr(
            "How many of the checked entries agree, and the largest relative error among them"), HINT_STYLE, True)
        self.where_label = wrapped_label(tip=self.tr("The weights and the batch the check used"), style=HINT_STYLE,
                                         hidden=True)
        self.error_label = wrapped_label(name="gradcheckError", style=ERROR_STYLE, hidden=True)
        self.age_label = wrapped_label(name="gradcheckAge", tip=self.tr(
            "Whether the check is about the weights shown now, or how many updates ago it was made"), hidden=True)
        self._summary_style = HINT_STYLE

        error_tip = self.tr("|backprop − numeric| / max(|backprop|, |numeric|, floor); the floor keeps "
                            "near-zero gradients from being compared relatively")
        self.parameter_model = RowsModel([
            (self.tr("Parameter"), self.tr("The weight matrix Wˡ or bias vector bˡ of layer l")),
            (self.tr("Entries"), self.tr("How many entries of the array were checked")),
            (self.tr("Largest error"), self.tr("The largest relative error in the array: ") + error_tip),
            (self.tr("Result"), self.tr("pass when every entry's relative error is < {tol}").format(
                tol=format_tolerance(TOLERANCE))),
        ], self)
        self.parameter_model.centred = {self.tr("pass"), self.tr("fail")}
        self.parameter_table = self._table(self.parameter_model, self.tr(
            "One row per parameter array: green when backprop and the finite differences agree, red when not"))
        self.worst_model = RowsModel([
            (self.tr("Array"), self.tr("The weight matrix Wˡ or bias vector bˡ the entry belongs to")),
            (self.tr("Index"), self.tr("(row, column), counted from 1 as in the matrix panels")),
            (self.tr("Backprop"), self.tr("∂L/∂θ as backpropagation computed it (BP3, BP4)")),
            (self.tr("Numeric"), self.tr("∂L/∂θ from the fourth-order central difference")),
            (self.tr("Rel. error"), error_tip),
        ], self)
        self.worst_table = self._table(self.worst_model, self.tr(
            "The entries with the largest relative errors, largest first"))

        self.parameter_header = section_title(self.tr("Per parameter"), self.parameter_table.toolTip())
        self.worst_header = section_title(self.tr("Largest relative errors"), self.worst_table.toolTip())
        fill(QVBoxLayout(self), self.check_button, self.summary_label, self.where_label, self.age_label,
             self.error_label, 6,
             self.parameter_header, self.parameter_table, 6, self.worst_header, self.worst_table, (None, 1),
             margins=(8, 6, 8, 8))
        self._show_tables(False)

    @staticmethod
    def _table(model: RowsModel, tip: str) -> QTableView:
        table = QTableView(wordWrap=False)
        table.setModel(model)
        table.setToolTip(tip)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        return table

    def _show_tables(self, on: bool) -> None:
        for widget in (self.parameter_header, self.parameter_table, self.worst_header, self.worst_table):
            widget.setVisible(on)

    # ----- what the window calls --------------------------------------------------------
    def show_busy(self) -> None:
        """While the check runs: the button waits and says so."""
        self.check_button.setEnabled(False)
        self.check_button.setText(self.tr("Checking…"))
        self.error_label.hide()

    def show_error(self, text: str) -> None:
        self._ready(error=text)

    def show_result(self, result: GradCheckResult, where: str = "") -> None:
        """``where`` says which weights and batch were checked, e.g. "iteration 3, batch 1 of 4"."""
        self._ready()
        total = len(result.checked)
        bad = sum(1 for e in result.checked if not e.rel_error < result.tolerance)
        largest = format_error(result.max_error)
        if total == 0:
            text = self.tr("There are no weights or biases to check.")
        elif bad == 0:
            text = (self.tr("The 1 gradient agrees (relative error {err})") if total == 1 else
                    self.tr("All {n} gradients agree (largest relative error {err})"))
        else:
            text = self.tr("{bad} of {n} disagree (largest relative error {err}, tolerance {tol})")
        text = text.format(n=total, bad=bad, err=largest, tol=format_tolerance(result.tolerance))
        failing = [f"{name}{superscript(layer)}" for layer, name, _, ok in result.per_parameter() if not ok]
        if failing:
            text += self.tr("; failing: {names}").format(names=", ".join(failing))
        if result.kinks:
            text += self.tr("; {k} more not checkable: their finite-difference steps cross a ReLU kink (some z "
                            "changes sign), where the loss has no derivative").format(k=result.kinks)
        self.summary_label.setText(text)
        self._summary_style = SUMMARY_STYLES[bad == 0] if total else HINT_STYLE
        self.summary_label.setStyleSheet(self._summary_style)
        self.show_age(None)
        details = [where] if where else []
        details.append(self.tr("loss {loss:.6g}").format(loss=result.loss))
        self.where_label.setText(self.tr("Checked at {what}").format(what=" · ".join(details)))
        self.where_label.show()

        counts = Counter((e.layer, e.name) for e in result.entries)
        self.parameter_model.set_rows([
            Row((f"{name}{superscript(layer)}", str(counts[(layer, name)]), format_error(err),
                 self.tr("pass") if ok else self.tr("fail")),
                (f"{name}{superscript(layer)}", counts[(layer, name)], err, ok), ok)
            for layer, name, err, ok in result.per_parameter()
        ])
        self.worst_model.set_rows([self._worst_row(e, result.tolerance) for e in result.worst(WORST_COUNT)])
        self._show_tables(total > 0)
        for table in (self.parameter_table, self.worst_table):
            rows = table.model().rowCount()
            height = table.horizontalHeader().height() + sum(table.rowHeight(i) for i in range(rows))
            if table.horizontalScrollBar().isVisible():
                height += table.horizontalScrollBar().sizeHint().height()
            table.setMaximumHeight(height + 2 * table.frameWidth() + 2)

    def show_age(self, ago: int | None) -> None:
        """How the checked weights relate to those shown now: the same (None), ``ago`` updates ago, or other weights
        (0: an edit, a step back or a reset since). A stale result turns grey and says so, in amber."""
        if not self.where_label.isVisible() and self.where_label.isHidden():
            return  # nothing checked yet
        if ago is None:
            self.age_label.setText(self.tr("✓ These are the weights shown now."))
            self.age_label.setStyleSheet(HINT_STYLE)
            self.summary_label.setStyleSheet(self._summary_style)
        else:
            text = self.tr("⚠ Checked 1 update ago: the weights have changed since. Check again (Ctrl+G) for the "
                           "weights shown now.") if ago == 1 else self.tr(
                "⚠ Checked {n} updates ago: the weights have changed since. Check again (Ctrl+G) for the weights "
                "shown now.") if ago > 1 else self.tr(
                "⚠ Checked at other weights than those shown now (edited, stepped back or reset since). Check "
                "again (Ctrl+G) for the weights shown now.")
            self.age_label.setText(text.format(n=ago))
            self.age_label.setStyleSheet(text_style(WAIT_AMBER, bold=True))
            self.summary_label.setStyleSheet(HINT_STYLE)  # grey: about weights no longer shown
        self.age_label.show()

    def age(self) -> str:
        return "" if self.age_label.isHidden() else self.age_label.text()

    def _worst_row(self, e: GradCheckEntry, tolerance: float) -> Row:
        symbol = parameter_symbol(e.layer, e.name, *e.index)
        row, col = e.index[0] + 1, e.index[1] + 1
        tip = self.tr("{symbol}: backprop {bp!r}, numeric {num!r}, relative error {err:.3e}").format(
            symbol=symbol, bp=e.backprop, num=e.numeric, err=e.rel_error)
        return Row((f"{e.name}{superscript(e.layer)}", f"({row}, {col})", format_gradient(e.backprop),
                    format_gradient(e.numeric), format_error(e.rel_error)),
                   (f"{e.name}{superscript(e.layer)}", (row, col), e.backprop, e.numeric, e.rel_error),
                   e.rel_error < tolerance and math.isfinite(e.rel_error), tip)

    def clear(self) -> None:
        """Forget the result shown (another project was opened, its weights are not the ones checked)."""
        self._ready()
        self.where_label.hide()
        self.age_label.hide()
        self.summary_label.setText(self._idle_text)
        self.summary_label.setStyleSheet(HINT_STYLE)
        self.parameter_model.set_rows([])
        self.worst_model.set_rows([])
        self._show_tables(False)

    def _ready(self, error: str = "") -> None:
        """The button usable again; ``error``, if any, said under it."""
        self.check_button.setEnabled(True)
        self.check_button.setText(self._button_text)
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))


def preview_view(example: str = DEFAULT_EXAMPLE) -> GradCheckView:
    """The view checking an example's starting weights on its first batch; the button checks again."""
    from bpstudio.engine import gradient_check, load_project
    from bpstudio.engine.backprop import Plan
    from bpstudio.engine.resource_files import example_path

    view = GradCheckView()
    project = load_project(example_path(example))
    stepper = project.stepper()

    def check() -> None:
        view.show_busy()
        x, y = stepper.current_batch()
        result = gradient_check(Plan.of(project.network), stepper.parameters, x, y)
        view.show_result(result, translate("GradCheckView", "iteration {i}").format(i=stepper.iteration + 1))

    view.checkRequested.connect(check)
    check()
    return view


if __name__ == "__main__":
    sys.exit(show_alone(lambda: preview_view(*sys.argv[1:2]), 400, 560))
