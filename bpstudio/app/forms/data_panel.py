"""The data panel: where the samples come from (a generator, Iris, one typed sample, a CSV file) and the test set.

Like the network form it never changes the project itself: Apply (or Enter in a field) builds the new
project with ``data_edits.project_with_data``, which fits the input and output layers to the data, and
emits ``projectEditRequested(project, description)`` for the main window's undo stack. A typed value that
makes no sense is explained in the panel's message line, and the project stays as it was.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import spin_box
from bpstudio.app.widgets.form_messages import clear_message, message_line, show_message, shown_message, shows_error
from bpstudio.app.widgets.network_labels import activation_label, loss_label
from bpstudio.app.widgets.styles import HINT_STYLE
from bpstudio.engine import Project, ValidationError
from bpstudio.engine.csv_import import NUMBER
from bpstudio.engine.datasets import MAX_SAMPLES, MULTICLASS
from bpstudio.engine.text.indices import format_value
from bpstudio.session.data_edits import project_with_data, source_of, target_classes
from bpstudio.session.view_state import ViewState

from .csv_import_dialog import CsvImportDialog

GENERATED = ("xor", "circles", "moons", "spiral", "blobs", "sine")
DEFAULT_X, DEFAULT_Y = "0.05, 0.10", "0.01, 0.99"  # Mazur's worked example
SPLIT_KEYS = ("test_fraction", "split_seed")


class _Refused(Exception):
    """A typed value that cannot be used; the text says why."""


class DataPanel(QWidget):
    """Shows the project's data settings; asks for new data with ``projectEditRequested``."""

    projectEditRequested = Signal(object, str)  # (the new Project, a description used as the undo text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._pending: Project | None = None  # the project last requested: its message stays when it arrives
        self._shown_data: object = None
        self._shown_fraction = (0, 0.0)  # (percent shown, the project's exact fraction)
        self.csv_dialog: CsvImportDialog | None = None  # while the import dialog is open
        self._build()
        self.setEnabled(False)  # until a project arrives

    # ----- construction -----------------------------------------------------------------
    def _build(self) -> None:
        self.message_label = message_line()
        self.source_box = QComboBox()
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_box.setMinimumContentsLength(8)
        for key, text, tip in [
            ("xor", self.tr("XOR"), self.tr("Points around the unit square's corners; class 1 at (0, 1) and (1, 0).")),
            ("circles", self.tr("Circles"), self.tr("Two concentric rings: no straight line separates them.")),
            ("moons", self.tr("Moons"), self.tr("Two interleaved half-moons.")),
            ("spiral", self.tr("Spiral (k classes)"), self.tr("k interleaved spiral arms: needs hidden layers.")),
            ("blobs", self.tr("Blobs (k classes)"), self.tr("k Gaussian clusters on a circle of radius 2.")),
            ("sine", self.tr("Sine (1-D regression)"), self.tr("y = sin x + noise: one input, one real output.")),
            ("iris", self.tr("Iris (real data, 150 flowers)"), self.tr("Fisher's Iris: 4 measurements, 3 species.")),
            ("sample", self.tr("One sample (typed)"), self.tr("One sample x and its target y: a worked example.")),
            ("csv", self.tr("CSV file…"), self.tr("Import a table, choosing its feature and label columns.")),
        ]:
            self.source_box.addItem(text, key)
            self.source_box.setItemData(self.source_box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.source_box.setToolTip(self.tr("Where the samples come from. The input size follows the data; the "
                                           "output layer changes only when it does not fit the targets."))
        self.source_box.currentIndexChanged.connect(self._show_fields)
        self.source_box.activated.connect(self._source_activated)

        self.samples_box = spin_box(1, MAX_SAMPLES, self.tr("N, how many samples to generate (training and test)."),
                                    200)
        self.noise_edit = QLineEdit()
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
        self.split_seed_box.setMinimumWidth(90)  # its hint fits "seed 2147483647": too wide for a side panel
        self.noise_edit.setText("0.1")
        self.apply_button = QPushButton(self.tr("App&ly"))
        self.apply_button.setToolTip(self.tr("Use these data settings (or Enter in a field); Ctrl+Z undoes."))
        self.apply_button.clicked.connect(self.apply)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(HINT_STYLE)
        self.summary_label.setToolTip(self.tr("The project's data now: how many samples train and how many test."))

        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, field in [(self.tr("So&urce"), self.source_box), (self.tr("Sa&mples N"), self.samples_box),
                             (self.tr("&Noise σ"), self.noise_edit), (self.tr("Classes &k"), self.classes_box),
                             (self.tr("&Generator seed"), self.seed_box), (self.tr("Input &x"), self.x_edit),
                             (self.tr("Target &y"), self.y_edit)]:
            form.addRow(label, field)
        form.insertRow(5, self.standardize_box)
        form.addRow(self.csv_button)
        self.split_row = QWidget()
        split = QHBoxLayout(self.split_row)
        split.setContentsMargins(0, 0, 0, 0)
        split.addWidget(self.test_box, 1)
        split.addWidget(self.split_seed_box, 1)
        test_label = QLabel(self.tr("Hel&d-out test set"))
        test_label.setBuddy(self.test_box)
        form.addRow(test_label, self.split_row)
        self.test_box.valueChanged.connect(lambda percent: self.split_seed_box.setEnabled(percent > 0))
        items = [form.itemAt(i, QFormLayout.ItemRole.LabelRole) for i in range(form.rowCount())]
        labels = [w for item in items if item is not None and (w := item.widget()) is not None]
        width = max(w.sizeHint().width() for w in labels) + 4  # one label column whatever rows are shown
        for w in labels:
            w.setMinimumWidth(width)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.message_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)

    # ----- access for tests and the main window ---------------------------------------------
    @property
    def project(self) -> Project | None:
        return self._project

    def source(self) -> str:
        """The source chosen: a generator name, "iris", "sample", "csv" or "table" (the project's own rows)."""
        return str(self.source_box.currentData())

    def set_source(self, key: str) -> None:
        """Choose a source as the user does (CSV opens the import dialog)."""
        index = self.source_box.findData(key)
        self.source_box.setCurrentIndex(index)
        self._source_activated(index)

    def message(self) -> str:
        return shown_message(self.message_label)

    def message_is_error(self) -> bool:
        return shows_error(self.message_label)

    def summary(self) -> str:
        return self.summary_label.text()

    # ----- showing a state ------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        project = state.project
        if self._project is not None and (project is self._project or project == self._project):
            return
        if not (self._pending is not None and (project is self._pending or project == self._pending)):
            self._clear_message()  # a project from elsewhere (open, undo): the old message no longer applies
        self._pending = None
        self._project = project
        self.setEnabled(True)
        if project.data is not self._shown_data:  # a network edit leaves the fields as the user left them
            self._show_data(project)

    def _show_data(self, project: Project) -> None:
        data = self._shown_data = project.data
        source = source_of(data)
        table = self.source_box.findData("table")
        if source == "table" and table < 0:
            self.source_box.addItem(self.tr("Table in the project"), "table")
            self.source_box.setItemData(self.source_box.count() - 1, self.tr(
                "The samples written in the project; Apply keeps them and changes only the test set."),
                Qt.ItemDataRole.ToolTipRole)
        elif source != "table" and table >= 0:
            self.source_box.removeItem(table)
        params = data.get("params") or {}
        if source in GENERATED:
            self.samples_box.setValue(params.get("n", 200))
            self.noise_edit.setText(format_value(params.get("noise", 0.1)))
            self.seed_box.setValue(params.get("seed", 0))
            self.classes_box.setValue(params.get("classes", self.classes_box.value()))
        elif source == "iris":
            self.standardize_box.setChecked(bool(data.get("standardize", False)))
        elif source == "sample":
            self.x_edit.setText(_row_text(data["x"]))
            self.y_edit.setText(_row_text(data["y"]))
        fraction = float(data.get("test_fraction", 0.0))
        self._shown_fraction = (round(fraction * 100), fraction)
        self.test_box.setValue(self._shown_fraction[0])
        self.split_seed_box.setValue(int(data.get("split_seed", 0)))
        self.split_seed_box.setEnabled(fraction > 0)
        self.source_box.blockSignals(True)
        self.source_box.setCurrentIndex(self.source_box.findData(source))
        self.source_box.blockSignals(False)
        self._show_fields()
        self.summary_label.setText(self._summary_of(project))

    def _show_fields(self) -> None:
        source = self.source()
        for widget, on in [(self.samples_box, source in GENERATED), (self.noise_edit, source in GENERATED),
                           (self.seed_box, source in GENERATED), (self.classes_box, source in MULTICLASS),
                           (self.standardize_box, source == "iris"), (self.x_edit, source == "sample"),
                           (self.y_edit, source == "sample"), (self.csv_button, source == "csv"),
                           (self.split_row, source != "sample")]:  # one sample is never split
            self.form.setRowVisible(widget, on)
        if source == "sample":
            self.x_edit.setText(self.x_edit.text() or DEFAULT_X)
            self.y_edit.setText(self.y_edit.text() or DEFAULT_Y)

    def _summary_of(self, project: Project) -> str:
        """"200 samples: 160 training, 40 test · 2 features · 3 classes"."""
        try:
            train, test = project.split()
            classes = target_classes(project.data)
        except ValidationError as exc:
            return str(exc)
        n_test = len(test.x) if test else 0
        n = len(train.x) + n_test
        if n == 1:
            text = self.tr("1 sample")
        elif n_test:
            text = self.tr("{n} samples: {train} training, {test} test").format(n=n, train=n - n_test, test=n_test)
        else:
            text = self.tr("{n} samples, all for training").format(n=n)
        d, k = train.x.shape[1], train.y.shape[1]
        parts = [text, self.tr("1 feature") if d == 1 else self.tr("{d} features").format(d=d)]
        if classes is not None:
            parts.append(self.tr("{k} classes").format(k=classes))
        else:
            parts.append(self.tr("1 target value") if k == 1 else self.tr("{k} target values").format(k=k))
        return " · ".join(parts)

    # ----- messages -----------------------------------------------------------------------
    def _show_message(self, text: str, error: bool) -> None:
        show_message(self.message_label, text, error)

    def _clear_message(self) -> None:
        clear_message(self.message_label)

    # ----- requesting new data ------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the fields pass Enter on: it applies
            self.apply()
            return
        super().keyPressEvent(event)

    def _source_activated(self, index: int) -> None:
        if self.source_box.itemData(index) == "csv" and not (
                self._project is not None and source_of(self._project.data) == "csv"):
            self.open_csv_dialog()

    def apply(self) -> None:
        """Build the data of the fields and ask for it; a bad value is explained instead."""
        if self._project is None:
            return
        try:
            data, description = self._data_of(self.source())
        except _Refused as exc:
            self._show_message(self.tr("Not changed: {reason}").format(reason=exc), error=True)
            return
        if data is None:
            self.open_csv_dialog()
        else:
            self._request(data, description)

    def _data_of(self, source: str) -> tuple[dict[str, Any] | None, str]:
        assert self._project is not None
        split = self._split()
        if source in GENERATED:
            params: dict[str, Any] = {"n": self.samples_box.value(), "noise": self._noise(),
                                      "seed": self.seed_box.value()}
            if source in MULTICLASS:
                params["classes"] = self.classes_box.value()
            names = {"xor": self.tr("XOR"), "circles": self.tr("two circles"), "moons": self.tr("two moons"),
                     "spiral": self.tr("spiral"), "blobs": self.tr("blobs"), "sine": self.tr("sine")}
            return ({"generator": source, "params": params, **split},
                    self.tr("Use {name} data ({n} samples)").format(name=names[source], n=params["n"]))
        if source == "iris":
            return ({"dataset": "iris", "standardize": self.standardize_box.isChecked(), **split},
                    self.tr("Use the Iris data"))
        if source == "sample":
            x = self._numbers(self.x_edit.text(), self.tr("input x"))
            y = self._numbers(self.y_edit.text(), self.tr("target y"))
            return {"x": [x], "y": [y]}, self.tr("Use one sample x = ({x})").format(x=", ".join(map(format_value, x)))
        old = self._project.data
        if source_of(old) != source:  # a CSV file not imported yet: the dialog asks for it
            return None, ""
        kept = {k: v for k, v in old.items() if k not in SPLIT_KEYS}
        return {**kept, **split}, self.tr("Set the test set to {p} %").format(p=self.test_box.value())

    def _split(self) -> dict[str, Any]:
        percent, fraction = self._shown_fraction  # an unchanged 12 % stays the project's exact 0.125
        if self.test_box.value() != percent:
            fraction = self.test_box.value() / 100
        return {"test_fraction": fraction, "split_seed": self.split_seed_box.value()} if fraction else {}

    def _noise(self) -> float:
        text = self.noise_edit.text().strip().replace(",", ".")
        value = float(text) if NUMBER.fullmatch(text) else math.nan
        if not math.isfinite(value) or value < 0:
            raise _Refused(self.tr("the noise σ must be a number ≥ 0, such as 0.1 (not “{text}”).").format(
                text=self.noise_edit.text()))
        return value

    def _numbers(self, text: str, what: str) -> list[float]:
        parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
        if not parts:
            raise _Refused(self.tr("type the {what} as numbers separated by commas, such as 0.05, 0.10.")
                           .format(what=what))
        for i, part in enumerate(parts, 1):
            if not NUMBER.fullmatch(part) or not math.isfinite(float(part)):
                raise _Refused(self.tr("in the {what}, value {i} “{part}” is not a number.")
                               .format(what=what, i=i, part=part))
        return [float(p) for p in parts]

    def _request(self, data: dict[str, Any], description: str) -> bool:
        assert self._project is not None
        old = self._project
        try:
            edit = project_with_data(old, data)
        except ValidationError as exc:
            self._show_message(self.tr("Not changed: {reason}").format(reason=exc), error=True)
            return False
        if edit.project == old:
            self._show_message(self.tr("The project already uses this data."), error=False)
            return False
        notes = []
        net, new_net = old.network, edit.project.network
        if new_net.input_size != net.input_size:
            notes.append(self.tr("The input size is now {n}.").format(n=new_net.input_size))
        out = new_net.layers[-1]
        if (net.layers[-1], net.loss) != (out, new_net.loss):
            text = self.tr("The output layer is now 1 {activation} unit with loss {loss}, to fit the targets.") \
                if out.units == 1 else self.tr("The output layer is now {n} {activation} units with loss {loss}, to "
                                               "fit the targets.")
            notes.append(text.format(n=out.units, activation=activation_label(out.activation),
                                     loss=loss_label(new_net.loss)))
        if edit.dropped_parameters:
            notes.append(self.tr("The explicit starting weights no longer fit: the weights now start from "
                                 "{method}.").format(method=edit.project.init.method))
        if notes:
            self._show_message(" ".join(notes), error=False)
        else:
            self._clear_message()
        self._pending = edit.project
        self.projectEditRequested.emit(edit.project, description)
        return True

    # ----- CSV ----------------------------------------------------------------------------
    def open_csv_dialog(self) -> None:
        """Open the import dialog (window-modal); the project changes when it is accepted and fits."""
        if self._project is None:
            return
        self.csv_dialog = CsvImportDialog(self, check=self._csv_problem)
        self.csv_dialog.finished.connect(self._csv_finished)
        self.csv_dialog.open()

    def _csv_problem(self, data: dict[str, Any]) -> str | None:
        """Why the imported data cannot be used with this project, asked on OK (so the dialog says it)."""
        assert self._project is not None
        try:
            project_with_data(self._project, {**data, **self._split()})
        except ValidationError as exc:
            return str(exc)
        return None

    def _csv_finished(self, result: int) -> None:
        dialog, self.csv_dialog = self.csv_dialog, None
        assert dialog is not None and self._project is not None
        data = dialog.data() if result == QDialog.DialogCode.Accepted else None
        if data is None:
            self._show_data(self._project)  # cancelled: back to the project's own source
        else:
            name = Path(dialog.source_name).name or self.tr("a CSV file")
            self._request({**data, **self._split()}, self.tr("Import {name}").format(name=name))
        dialog.deleteLater()


def _row_text(rows: object) -> str:
    row = rows[0] if isinstance(rows, list) and rows else []
    return ", ".join(format_value(v) for v in (row if isinstance(row, list) else [row]))


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import preview

    sys.exit(preview(DataPanel))
