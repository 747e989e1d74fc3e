"""Importing a CSV file: a preview of the file, the label and feature columns, and what they will become.

Every choice is built at once with ``engine.csv_import``; a problem is shown in the dialog, naming the row
and column (which the preview marks), and OK stays disabled until the choice builds. Nothing reaches the
project before OK: ``data()`` is then the inline data dict (samples as rows, feature and class names).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import add_items, buddy_label, fill, wrapped_label
from bpstudio.app.widgets.preview import show_alone
from bpstudio.app.widgets.styles import ERROR_STYLE, INFO_STYLE
from bpstudio.engine import ValidationError
from bpstudio.engine.csv_import import MAX_BYTES, CsvTable, ImportedData, build_dataset, parse_csv, read_csv

from .csv_preview import PREVIEW_ROWS, CsvPreview, located

SHOWN_CLASSES = 8  # class names listed in the summary; the rest are counted


class CsvImportDialog(QDialog):
    """Choose a CSV file's feature and label columns. ``check`` (optional) is asked on OK whether the
    data fits the project; a reason it returns is shown here and the dialog stays open."""

    def __init__(self, parent: QWidget | None = None,
                 check: Callable[[dict[str, Any]], str | None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a CSV file"))
        self.resize(760, 600)
        self._check = check
        self.table: CsvTable | None = None
        self.imported: ImportedData | None = None
        self.source_name = ""  # the file's name, for the undo text

        self.path_edit = QLineEdit()
        self.path_edit.setToolTip(self.tr(
            "The file: one sample per row, cells separated by commas (or semicolons, tabs). The first row holds "
            "the column names when any of its cells is not a number. Enter loads it."))
        self.path_edit.returnPressed.connect(lambda: self.load_path(self.path_edit.text().strip()))
        self.browse_button = QPushButton(self.tr("B&rowse…"))
        self.browse_button.setToolTip(self.tr("Choose a CSV file on disk"))
        self.browse_button.clicked.connect(self.browse)

        self.preview = CsvPreview()
        self.model = self.preview.rows

        self.label_box = QComboBox()
        self.label_box.setToolTip(self.tr("The column holding each sample's target y: class names or numbers."))
        self.label_box.currentIndexChanged.connect(self._label_changed)
        self.kind_box = QComboBox()
        add_items(self.kind_box, [
            (self.tr("auto"), "auto", self.tr("Text and whole numbers are classes; other numbers are values.")),
            (self.tr("classes"), "classes", self.tr("Each different label is a class (one-hot targets).")),
            (self.tr("numeric (regression)"), "numeric", self.tr("The label is a number to predict.")),
        ])
        self.kind_box.setToolTip(self.tr("How labels become targets: classes (one-hot) or a number (regression)."))
        self.kind_box.currentIndexChanged.connect(self.rebuild)
        self.standardize_box = QCheckBox(self.tr("&Standardise features (mean 0, sd 1)"))
        self.standardize_box.setToolTip(self.tr("Scale each feature to mean 0 and standard deviation 1 over all "
                                                "rows; the project stores the scaled values."))
        self.standardize_box.toggled.connect(self.rebuild)
        self.feature_list = QListWidget()
        self.feature_list.setToolTip(self.tr("The columns that form each sample's input x, one input unit each."))
        self.feature_list.itemChanged.connect(self.rebuild)

        self.message_label = wrapped_label(
            tip=self.tr("What the current choice gives, or why it cannot be imported"), selectable=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setToolTip(self.tr("Use this data in the project (enabled when the choice can be imported)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Close without changing the project"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._show_message(self.tr("Choose a file to see its rows."), error=False)
        self._enable_choices(False)

    def _layout(self) -> None:
        path_row = fill(QHBoxLayout(), buddy_label(self.tr("&File"), self.path_edit), (self.path_edit, 1),
                        self.browse_button)
        preview_label = buddy_label(self.tr("Pre&view (first {n} rows)").format(n=PREVIEW_ROWS), self.preview)
        choices = QFormLayout()
        choices.addRow(self.tr("&Label column"), self.label_box)
        choices.addRow(self.tr("Labels &are"), self.kind_box)
        choices.addRow(self.standardize_box)
        features = fill(QVBoxLayout(), buddy_label(self.tr("Fea&tures"), self.feature_list), self.feature_list)
        bottom = fill(QHBoxLayout(), (choices, 1), (features, 1))
        fill(QVBoxLayout(self), path_row, preview_label, (self.preview, 3), (bottom, 2), self.message_label,
             self.buttons)

    # ----- loading ------------------------------------------------------------------------
    def browse(self) -> None:
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a CSV file"), start,
                                              self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.load_path(path)

    def load_path(self, path: str | Path) -> bool:
        """Read and show a file; False (with the reason shown) when it cannot be read as a table."""
        path = Path(path)
        self.path_edit.setText(str(path))
        self.source_name = path.name
        try:
            table = read_csv(path)
        except ValidationError as exc:
            try:  # a readable file that is not a table: show its rows, so the one at fault can be seen
                text = path.read_text(encoding="utf-8-sig") if path.stat().st_size <= MAX_BYTES else ""
            except (OSError, UnicodeDecodeError):
                text = ""
            return self._load(None, text, exc)
        return self._load(table, "", None)

    def load_text(self, text: str, name: str = "") -> bool:
        """Show a table given as text (tests, paste)."""
        self.source_name = name
        self.path_edit.setText(name)
        try:
            return self._load(parse_csv(text), text, None)
        except ValidationError as exc:
            return self._load(None, text, exc)

    def _load(self, table: CsvTable | None, text: str, error: ValidationError | None) -> bool:
        self.table, self.imported = table, None
        if table is None:  # show the raw cells, so the row named in the message can be seen
            self.preview.show_text(text)
            self._fill_columns([])
            self._enable_choices(False)
            assert error is not None
            self._refuse(error)
            return False
        self.preview.show_table(table)
        self._fill_columns(list(table.header))
        self._enable_choices(True)
        return self.rebuild()

    def _fill_columns(self, header: list[str]) -> None:
        with QSignalBlocker(self.label_box), QSignalBlocker(self.feature_list):
            self.label_box.clear()
            self.label_box.addItems(header)
            self.label_box.setCurrentIndex(len(header) - 1)  # the label is usually the last column
            self.feature_list.clear()
            for name in header:
                item = QListWidgetItem(name)
                item.setCheckState(Qt.CheckState.Checked)
                item.setToolTip(self.tr("Use column “{name}” as an input feature").format(name=name))
                self.feature_list.addItem(item)
            self._label_changed()

    def _enable_choices(self, on: bool) -> None:
        for widget in (self.label_box, self.kind_box, self.standardize_box, self.feature_list):
            widget.setEnabled(on)
        self.ok_button.setEnabled(False)

    def _label_changed(self) -> None:
        """The label column is no feature: its item is unchecked and disabled; the others stay as chosen."""
        label = self.label_box.currentIndex()
        blocked = self.feature_list.blockSignals(True)
        for i in range(self.feature_list.count()):
            item = self.feature_list.item(i)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
            if i == label:
                item.setCheckState(Qt.CheckState.Unchecked)
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            elif not item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(Qt.CheckState.Checked)  # the old label column becomes a feature again
            item.setFlags(flags)
        self.feature_list.blockSignals(blocked)
        if not blocked:
            self.rebuild()

    # ----- building -----------------------------------------------------------------------
    def feature_columns(self) -> list[int]:
        return [i for i in range(self.feature_list.count())
                if self.feature_list.item(i).checkState() == Qt.CheckState.Checked
                and i != self.label_box.currentIndex()]

    def rebuild(self) -> bool:
        """Build the current choice; show what it gives or why it cannot be built."""
        self.imported = None
        self.ok_button.setEnabled(False)
        if self.table is None:
            return False
        self.model.mark(None, None)
        try:
            self.imported = build_dataset(self.table, self.feature_columns(), self.label_box.currentIndex(),
                                          self.kind_box.currentData(), self.standardize_box.isChecked())
        except ValidationError as exc:
            self._refuse(exc)
            return False
        self._show_message(self.summary(), error=False)
        self.ok_button.setEnabled(True)
        return True

    def summary(self) -> str:
        imported = self.imported
        assert imported is not None
        rows, features = len(imported.dataset.x), len(imported.features)
        text = self.tr("{rows} rows · {n} features").format(rows=rows, n=features) if features != 1 else \
            self.tr("{rows} rows · 1 feature").format(rows=rows)
        if imported.classes is None:
            text += self.tr(" · numeric target “{label}” (regression)").format(label=imported.label)
        else:
            names = list(imported.classes[:SHOWN_CLASSES])
            if len(imported.classes) > SHOWN_CLASSES:
                names.append(self.tr("… {n} more").format(n=len(imported.classes) - SHOWN_CLASSES))
            text += self.tr(" · {k} classes: {names}").format(k=len(imported.classes), names=", ".join(names))
        if self.standardize_box.isChecked():
            text += self.tr(" · standardised")
        return text

    def data(self) -> dict[str, Any] | None:
        """The inline data dict of the current choice (None when it does not build): x and y as rows,
        y one-hot for classes; the feature and class names for display."""
        if self.imported is None:
            return None
        ds = self.imported.dataset
        data: dict[str, Any] = {"x": ds.x.tolist(), "y": ds.y.tolist(), "features": list(self.imported.features)}
        if self.imported.classes is not None:
            data["classes"] = list(self.imported.classes)
        return data

    def accept(self) -> None:
        data = self.data()
        if data is None:
            return
        reason = self._check(data) if self._check else None
        if reason:
            self._show_message(self.tr("Cannot use this data: {reason}").format(reason=reason), error=True)
            return
        super().accept()

    # ----- messages -----------------------------------------------------------------------
    def message(self) -> str:
        return self.message_label.text()

    def message_is_error(self) -> bool:
        return self.message_label.property("kind") == "error"

    def _refuse(self, exc: ValidationError) -> None:
        text, row, column = located(exc, list(self.table.header) if self.table else [])
        self._show_message(text, error=True)
        self.preview.mark(row, column, text)

    def _show_message(self, text: str, error: bool) -> None:
        self.message_label.setText(("⚠ " if error else "") + text)
        self.message_label.setProperty("kind", "error" if error else "info")
        self.message_label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Enter in the path field loads the file; it must not also press Import on the table just loaded
        if self.path_edit.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


if __name__ == "__main__":
    from bpstudio.engine.resource_files import resource_dir

    def shown() -> CsvImportDialog:
        dialog = CsvImportDialog()
        dialog.load_path(sys.argv[1] if len(sys.argv) > 1 else resource_dir() / "datasets" / "iris.csv")
        return dialog

    sys.exit(show_alone(shown, 760, 600))
