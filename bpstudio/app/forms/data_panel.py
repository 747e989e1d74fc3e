"""The data panel: where the samples come from (a generator or dataset, by picture or name; one typed sample; a
CSV file) and the test set. Apply (or Enter) asks for what ``data_edits.project_with_data`` builds (input and
output layers fitted to the data); a typed value that makes no sense is refused (``ProjectForm``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import (
    add_items,
    align_labels,
    buddy_label,
    fill,
    growing_form,
    shrinkable_combo,
    spin_box,
    wrapped_label,
)
from bpstudio.app.widgets.styles import HINT_STYLE
from bpstudio.engine import Project, ValidationError
from bpstudio.engine.builtin_datasets import BUILTIN
from bpstudio.engine.datasets import GENERATORS, MAX_SAMPLES, MULTICLASS
from bpstudio.engine.text.indices import format_value
from bpstudio.session.data_edits import project_with_data, source_of
from bpstudio.session.view_state import ViewState

from . import data_texts as texts
from .csv_import_dialog import CsvImportDialog
from .data_thumbnails import DataThumbnails
from .project_form import ProjectForm

DEFAULT_X, DEFAULT_Y = "0.05, 0.10", "0.01, 0.99"  # Mazur's worked example
SPLIT_KEYS = ("test_fraction", "split_seed")


class DataPanel(ProjectForm):
    """Shows the project's data settings; asks for new data with ``projectEditRequested``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown_data: object = None
        self._shown_fraction = (0, 0.0)  # (percent shown, the exact fraction)
        self.csv_dialog: CsvImportDialog | None = None  # while the import dialog is open
        self._build()
        self.setEnabled(False)  # until a project arrives

    def _build(self) -> None:
        self.thumbnails = DataThumbnails()
        self.thumbnails.chosen.connect(self._thumbnail_chosen)
        self.source_box = shrinkable_combo()
        add_items(self.source_box, texts.sources())
        self.source_box.setToolTip(self.tr("Where the samples come from. The input size follows the data; the "
                                           "output layer changes only when it does not fit the targets."))
        self.source_box.currentIndexChanged.connect(self._show_fields)
        self.source_box.activated.connect(self._source_activated)

        self.samples_box = spin_box(1, MAX_SAMPLES, self.tr("N, how many samples to generate (training and test)."),
                                    200)
        self.samples_box.valueChanged.connect(self.thumbnails.set_samples)
        self.noise_edit = QLineEdit("0.1")
        self.noise_edit.setToolTip(self.tr("The standard deviation of the Gaussian noise, a number ≥ 0 such as 0.1."))
        self.classes_box = spin_box(2, 50, self.tr("k, the number of classes: one output unit per class."), 3)
        self.seed_box = spin_box(0, tip=self.tr("Seeds the generator: the same seed gives the same samples."))
        self.standardize_box = QCheckBox(self.tr("Standardise each feature (&z-score)"))
        self.standardize_box.setToolTip(self.tr("Scale each input to mean 0 and standard deviation 1."))
        self.x_edit = QLineEdit()
        self.x_edit.setToolTip(self.tr("The inputs x, separated by commas (a point for decimals), such as {x}. "
                                       "Their number becomes the input size n⁰.").format(x=DEFAULT_X))
        self.y_edit = QLineEdit()
        self.y_edit.setToolTip(self.tr("The target y, such as {y}: one value per output unit.").format(y=DEFAULT_Y))
        self.csv_button = QPushButton(self.tr("Choose CSV file…"))
        self.csv_button.setToolTip(self.tr("Import another CSV file; the project changes only if the import succeeds."))
        self.csv_button.clicked.connect(self.open_csv_dialog)
        self.test_box = spin_box(0, 90, self.tr("The share of the samples kept apart as a test set: never "
                                                "trained on, only evaluated. 0 %: every sample trains."), suffix=" %")
        self.split_seed_box = spin_box(0, tip=self.tr("Seeds the random choice of the test samples."))
        self.split_seed_box.setPrefix(self.tr("seed "))
        self.split_seed_box.setMinimumWidth(90)  # (its hint fits a 10-digit seed)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Use these data settings (or Enter in a field); Ctrl+Z undoes."))
        self.apply_button.clicked.connect(self.apply)
        self.summary_label = wrapped_label(
            tip=self.tr("The project's data now: how many samples train and how many test."), style=HINT_STYLE)

        self.form = form = growing_form()
        for label, field in [(self.tr("So&urce"), self.source_box), (self.tr("Samples &N"), self.samples_box),
                             (self.tr("Noise σ"), self.noise_edit), (self.tr("Classes &k"), self.classes_box),
                             (self.tr("&Generator seed"), self.seed_box), (self.tr("Input &x"), self.x_edit),
                             (self.tr("Target y"), self.y_edit)]:
            form.addRow(label, field)
        form.insertRow(5, self.standardize_box)
        form.addRow(self.csv_button)
        self.split_row = QWidget()
        fill(QHBoxLayout(self.split_row), (self.test_box, 1), (self.split_seed_box, 1), margins=(0, 0, 0, 0))
        form.addRow(buddy_label(self.tr("Held-out test set"), self.test_box), self.split_row)
        self.test_box.valueChanged.connect(lambda percent: self.split_seed_box.setEnabled(percent > 0))
        align_labels([form], margin=4)  # one label column whatever rows are shown
        buttons = fill(QHBoxLayout(), (None, 1), self.apply_button)
        # the message below the fields and Apply: it moves none of them
        fill(QVBoxLayout(self), self.thumbnails, form, buttons, self.summary_label, self.message_label, (None, 1),
             margins=(8, 6, 8, 8))

    # ----- access for tests and the main window -----
    def source(self) -> str:
        """The source chosen: a generator or dataset name, "sample", "csv" or "table" (the project's own rows)."""
        return str(self.source_box.currentData())

    def set_source(self, key: str) -> None:
        """Choose a source as the user does (CSV opens the import dialog)."""
        index = self.source_box.findData(key)
        self.source_box.setCurrentIndex(index)
        self._source_activated(index)

    def summary(self) -> str:
        return self.summary_label.text()

    # ----- showing a state -----
    def set_state(self, state: ViewState) -> None:
        project = state.project
        self._moved_on(state)
        if not self._take(project):
            return
        self.setEnabled(True)
        if project.data is not self._shown_data:  # a network edit leaves the fields as the user left them
            self._show_data(project)

    def _show_data(self, project: Project) -> None:
        data = self._shown_data = project.data
        source = source_of(data)
        table = self.source_box.findData("table")
        if source == "table" and table < 0:
            add_items(self.source_box, [(self.tr("Table in the project"), "table", self.tr(
                "The samples written in the project; Apply keeps them and changes only the test set."))])
        elif source != "table" and table >= 0:
            self.source_box.removeItem(table)
        params = data.get("params") or {}
        if source in GENERATORS:
            self.samples_box.setValue(params.get("n", 200))
            self.noise_edit.setText(format_value(params.get("noise", 0.1)))
            self.seed_box.setValue(params.get("seed", 0))
            self.classes_box.setValue(params.get("classes", self.classes_box.value()))
        elif source == "iris":
            self.standardize_box.setChecked(bool(data.get("standardize", False)))
        elif source == "sample":
            self.x_edit.setText(texts.row_text(data["x"]))
            self.y_edit.setText(texts.row_text(data["y"]))
        fraction = float(data.get("test_fraction", 0.0))
        self._shown_fraction = (round(fraction * 100), fraction)
        self.test_box.setValue(self._shown_fraction[0])
        self.split_seed_box.setValue(int(data.get("split_seed", 0)))
        self.split_seed_box.setEnabled(fraction > 0)
        with QSignalBlocker(self.source_box):
            self.source_box.setCurrentIndex(self.source_box.findData(source))
        self._show_fields()
        self.thumbnails.select(source)
        self.summary_label.setText(texts.data_summary(project))

    def _show_fields(self) -> None:
        source = self.source()
        for widget, on in [(self.samples_box, source in GENERATORS), (self.noise_edit, source in GENERATORS),
                           (self.seed_box, source in GENERATORS), (self.classes_box, source in MULTICLASS),
                           (self.standardize_box, source == "iris"), (self.x_edit, source == "sample"),
                           (self.y_edit, source == "sample"), (self.csv_button, source == "csv"),
                           (self.split_row, source != "sample")]:  # one sample is never split
            self.form.setRowVisible(widget, on)
        if source == "sample":
            self.x_edit.setText(self.x_edit.text() or DEFAULT_X)
            self.y_edit.setText(self.y_edit.text() or DEFAULT_Y)

    # ----- requesting new data -----
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the fields pass Enter on: it applies
            self.apply()
            return
        super().keyPressEvent(event)

    def _source_activated(self, index: int) -> None:
        if self.source_box.itemData(index) == "csv" and not (
                self.project is not None and source_of(self.project.data) == "csv"):
            self.open_csv_dialog()

    def _thumbnail_chosen(self, key: str) -> None:
        self.set_source(key)
        self.apply()
        if self._pending is None and self.project is not None:  # refused, or the same data: the message says
            self.thumbnails.select(source_of(self.project.data))

    def apply(self) -> None:
        """Build the data of the fields and ask for it; a bad value is explained instead."""
        if self.project is None:
            return
        try:
            data, description = self._data_of(self.source())
        except texts.Refused as exc:
            self._show_message(self.tr("Not changed: {reason}").format(reason=exc), error=True)
            return
        if data is None:
            self.open_csv_dialog()
        else:
            self._request(data, description)

    def _data_of(self, source: str) -> tuple[dict[str, Any] | None, str]:
        assert self.project is not None
        split = self._split()
        if source in GENERATORS:
            params: dict[str, Any] = {"n": self.samples_box.value(), "noise": texts.typed_noise(self.noise_edit.text()),
                                      "seed": self.seed_box.value()}
            if source in MULTICLASS:
                params["classes"] = self.classes_box.value()
            return {"generator": source, "params": params, **split}, texts.generator_undo_text(source, params["n"])
        if source in BUILTIN:  # the digits cannot be standardised: some pixels are 0 in every image
            scaled = {"standardize": self.standardize_box.isChecked()} if source == "iris" else {}
            return {"dataset": source, **scaled, **split}, texts.dataset_undo_text(source)
        if source == "sample":
            x = texts.typed_numbers(self.x_edit.text(), self.tr("input x"))
            y = texts.typed_numbers(self.y_edit.text(), self.tr("target y"))
            return {"x": [x], "y": [y]}, self.tr("Use one sample x = ({x})").format(x=", ".join(map(format_value, x)))
        old = self.project.data
        if source_of(old) != source:  # a CSV file not imported yet: the dialog asks for it
            return None, ""
        kept = {k: v for k, v in old.items() if k not in SPLIT_KEYS}
        return {**kept, **split}, self.tr("Set the test set to {p} %").format(p=self.test_box.value())

    def _split(self) -> dict[str, Any]:
        percent, fraction = self._shown_fraction  # an unchanged 12 % stays the project's exact 0.125
        if self.test_box.value() != percent:
            fraction = self.test_box.value() / 100
        return {"test_fraction": fraction, "split_seed": self.split_seed_box.value()} if fraction else {}

    def _request(self, data: dict[str, Any], description: str) -> bool:
        assert self.project is not None
        old = self.project
        try:
            edit = project_with_data(old, data)
        except ValidationError as exc:
            self._show_message(self.tr("Not changed: {reason}").format(reason=exc), error=True)
            return False
        if edit.project == old:
            self._show_message(self.tr("The project already uses this data."), error=False)
            return False
        notes = texts.change_notes(old, edit)
        if notes:
            self._show_message(" ".join(notes), error=False)
        else:
            self._clear_message()
        self._ask(edit.project, description)
        return True

    # ----- CSV -----
    def open_csv_dialog(self) -> None:
        """Open the import dialog (window-modal); the project changes when it is accepted and fits."""
        if self.project is None:
            return
        self.csv_dialog = CsvImportDialog(self, check=self._csv_problem)
        self.csv_dialog.finished.connect(self._csv_finished)
        self.csv_dialog.open()

    def _csv_problem(self, data: dict[str, Any]) -> str | None:
        """Why the imported data cannot be used with this project, asked on OK (so the dialog says it)."""
        assert self.project is not None
        try:
            project_with_data(self.project, {**data, **self._split()})
        except ValidationError as exc:
            return str(exc)
        return None

    def _csv_finished(self, result: int) -> None:
        dialog, self.csv_dialog = self.csv_dialog, None
        assert dialog is not None and self.project is not None
        data = dialog.data() if result == QDialog.DialogCode.Accepted else None
        if data is None:
            self._show_data(self.project)  # cancelled: back to the project's own source
        else:
            name = Path(dialog.source_name).name or self.tr("a CSV file")
            self._request({**data, **self._split()}, self.tr("Import {name}").format(name=name))
        dialog.deleteLater()


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(DataPanel)
