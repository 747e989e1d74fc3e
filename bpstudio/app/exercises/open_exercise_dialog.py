"""File ▸ Open exercise…: type the code printed on an exercise sheet; the dialog says at once which variant it
names, or in plain words what is wrong with it, and OK opens exactly that variant."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import buddy_label, fill, wrapped_label
from bpstudio.app.widgets.preview import show_alone
from bpstudio.app.widgets.styles import ERROR_STYLE, INFO_STYLE
from bpstudio.engine import ValidationError
from bpstudio.engine.exercise_code import EXAMPLE
from bpstudio.engine.exercise_variant import Variant, variant_from_code
from bpstudio.engine.i18n import translate
from bpstudio.engine.project import Project
from bpstudio.engine.text.exercise_answers import PART_TITLES


class OpenExerciseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, code: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open exercise"))
        self.setMinimumWidth(520)
        self.variant: Variant | None = None
        intro = wrapped_label(self.tr(
            "Type the code printed beside an exercise on its sheet. BP Studio opens exactly that variant: its "
            "network, its sample and its weights, one training step to take stage by stage while you check your "
            "answers against the panels."))
        self.code_edit = QLineEdit(code)
        self.code_edit.setObjectName("exerciseCode")
        self.code_edit.setPlaceholderText(EXAMPLE)
        self.code_edit.setToolTip(self.tr("The exercise's code, as on the sheet; letters in either case"))
        self.status = wrapped_label(name="exerciseStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.code_edit.textChanged.connect(self.check)
        fill(QVBoxLayout(self), intro, buddy_label(self.tr("&Code:"), self.code_edit), self.code_edit, self.status,
             self.buttons)
        self.check()

    def check(self) -> None:
        text = self.code_edit.text().strip()
        self.variant = None
        if not text:
            self.status.setText(self.tr("A code looks like {example}.").format(example=EXAMPLE))
            self.status.setStyleSheet(INFO_STYLE)
        else:
            try:
                self.variant = variant_from_code(text)
            except ValidationError as exc:
                self.status.setText(exc.message)
                self.status.setStyleSheet(ERROR_STYLE)
            else:
                code = self.variant.code
                parts = ", ".join(translate("Exercises", PART_TITLES[p]) for p in code.parts)
                sizes = "-".join(map(str, code.network.sizes))
                self.status.setText(self.tr("Exercise {index} of the sheet with seed {seed}: network {sizes}; to "
                                            "compute: {parts}.").format(index=code.index, seed=code.seed, sizes=sizes,
                                                                        parts=parts))
                self.status.setStyleSheet(INFO_STYLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(self.variant is not None)

    def project(self) -> Project | None:
        """The variant as a project to open (None until the code is good)."""
        return None if self.variant is None else self.variant.project()


if __name__ == "__main__":
    show_alone(OpenExerciseDialog, 560, 240)
