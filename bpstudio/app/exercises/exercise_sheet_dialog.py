"""File ▸ Export ▸ Exercise sheets…: how many variants, the seed, what the student computes, the formats, the
language and notation, and the folder. The dialog says which network the variants use (the project's, or a small
one when the project's is too big to compute by hand) and shows the first variant's code."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import add_items, buddy_label, fill, wrapped_label
from bpstudio.app.widgets.preview import show_alone
from bpstudio.app.widgets.styles import INFO_STYLE
from bpstudio.engine.exercise_code import MAX_SEED, PARTS, make_code
from bpstudio.engine.exercise_variant import exercise_network, small_enough
from bpstudio.engine.spec import NetworkSpec
from bpstudio.engine.text.exercise_sheets import MAX_COUNT, SheetRequest
from bpstudio.engine.text.worked_example import FORMATS

Named = TypeVar("Named", bound=QWidget)


def _named(widget: Named, name: str) -> Named:
    widget.setObjectName(name)  # for tests and lessons
    return widget


def _spin(low: int, high: int, value: int, name: str) -> QSpinBox:
    spin = _named(QSpinBox(), name)
    spin.setRange(low, high)
    spin.setValue(value)
    return spin


def _box(text: str, name: str) -> QCheckBox:
    box = _named(QCheckBox(text), name)
    box.setChecked(True)
    return box


class ExerciseSheetDialog(QDialog):
    def __init__(self, network: NetworkSpec, notation: str = "column", language: str = "en", folder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exercise sheets"))
        self.setMinimumWidth(520)
        self.network = network
        self.count = _spin(1, MAX_COUNT, 30, "exerciseCount")
        self.count.setToolTip(self.tr("How many variants: one exercise each, with different numbers"))
        self.seed = _spin(0, MAX_SEED, 7, "exerciseSeed")
        self.seed.setToolTip(self.tr("The same seed writes the same sheets; another seed, other numbers"))
        titles = {"Z": self.tr("z, the pre-activations"), "A": self.tr("a, the activations"),
                  "L": self.tr("the loss L"), "D": self.tr("δ, the errors"), "W": self.tr("∂L/∂W"),
                  "B": self.tr("∂L/∂b"), "U": self.tr("W and b after the update")}
        self.parts = {p: _box(titles[p], f"exercisePart_{p}") for p in PARTS}
        self.formats = {f: _box(label, f"exerciseFormat_{f}")
                        for f, label in zip(FORMATS, ("Markdown", "HTML", "LaTeX"), strict=True)}
        self.language = _named(QComboBox(), "exerciseLanguage")
        add_items(self.language, [("English", "en", ""), ("中文（简体）", "zh_CN", "")])
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.notation = _named(QComboBox(), "exerciseNotation")
        add_items(self.notation, [(self.tr("Column (W a, samples as columns)"), "column", ""),
                                  (self.tr("Row (A W, samples as rows)"), "row", "")])
        self.notation.setCurrentIndex(max(self.notation.findData(notation), 0))
        self.folder = _named(QLineEdit(folder), "exerciseFolder")
        self.folder.setToolTip(self.tr("exercises.* (for students) and answer-key.* (for you) are written here"))
        browse = QPushButton(self.tr("B&rowse…"))
        browse.clicked.connect(self._browse)
        self.note = wrapped_label(name="exerciseNote", style=INFO_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Variants:"), self.count)
        form.addRow(self.tr("&Seed:"), self.seed)
        parts = QVBoxLayout()
        for box in self.parts.values():
            parts.addWidget(box)
        form.addRow(self.tr("Students compute:"), parts)
        form.addRow(self.tr("Formats:"), fill(QHBoxLayout(), *self.formats.values(), None))
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Notation:"), self.notation)
        form.addRow(buddy_label(self.tr("&Folder:"), self.folder), fill(QHBoxLayout(), self.folder, browse))
        fill(QVBoxLayout(self), form, self.note, None, self.buttons)
        for box in (*self.parts.values(), *self.formats.values()):
            box.toggled.connect(self.refresh)
        self.seed.valueChanged.connect(self.refresh)
        self.folder.textChanged.connect(self.refresh)
        self.refresh()

    def chosen_parts(self) -> str:
        return "".join(p for p, box in self.parts.items() if box.isChecked())

    def request(self) -> SheetRequest:
        return SheetRequest(self.network, self.count.value(), self.seed.value(), self.chosen_parts(),
                            self.notation.currentData(), tuple(f for f, b in self.formats.items() if b.isChecked()),
                            self.language.currentData())

    def target(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def refresh(self) -> None:
        small = exercise_network(self.network)
        sizes, own = "-".join(map(str, small.sizes)), "-".join(map(str, self.network.sizes))
        if small_enough(self.network):
            note = self.tr("The variants use the project's network, {sizes}.").format(sizes=sizes)
        else:
            note = self.tr("The project's network, {own}, is too big to compute by hand: the variants use {sizes} "
                           "with its activations and loss.").format(own=own, sizes=sizes)
        parts = self.chosen_parts()
        if parts:
            code = make_code(self.seed.value(), 1, small, parts).text
            note += " " + self.tr("The first variant's code: {code}").format(code=code)
        else:
            note += " " + self.tr("Choose at least one thing to compute.")
        self.note.setText(note)
        ok = bool(parts) and any(b.isChecked() for b in self.formats.values()) and bool(self.folder.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the exercise sheets"), self.folder.text())
        if folder:
            self.folder.setText(folder)


if __name__ == "__main__":
    from bpstudio.engine.examples import resolve_project

    show_alone(lambda: ExerciseSheetDialog(resolve_project("iris_softmax").network, folder=str(Path.home())),
               560, 560)
