"""A small editor for one weight or bias: shows w²₁₂ (or b²₁) with its value and takes a new number.

People read 1-based indices (w²₁₂ connects unit 2 of layer 1 to unit 1 of layer 2); the signal
carries the engine's indices: the layer l is 1-based as in ``Stepper.set_parameter`` and
``ViewState.layer``, the row and column are 0-based array indices (w²₁₂ is W²[0, 1]). In the row
convention the same weight is shown as W²[2, 1] (row 2, column 1 of the transposed matrix); the signal
still carries the engine's indices.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from bpstudio.app.widgets.form_fields import shown_message, wrapped_label
from bpstudio.app.widgets.styles import ERROR_RED, HINT_STYLE, text_style
from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.indices import format_value, parameter_symbol, subscript, superscript
from bpstudio.session.view_state import ViewState


class ParameterEditor(QWidget):
    valueEntered = Signal(int, str, int, int, float)  # (layer l ≥ 1, "W" or "b", row, col (0-based), value)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: tuple[int, str, int, int] | None = None  # (layer, name, row, col) in the engine's indices
        self.value = math.nan
        self._notation = conv.COLUMN
        grid = QGridLayout(self)
        self.symbol_label = QLabel()
        font = self.symbol_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.symbol_label.setFont(font)
        self.meaning_label = wrapped_label(style=HINT_STYLE)
        self.value_label = QLabel()
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value_edit = QLineEdit(placeholderText=self.tr("new value, e.g. 0.25"))
        self.value_edit.setToolTip(self.tr("Type a number (such as 0.25, −1.5 or 2e-3) and press Enter."))
        self.value_edit.returnPressed.connect(self.submit)
        self.value_edit.textEdited.connect(lambda _text: self._clear_message())
        self.apply_button = QPushButton(self.tr("Set"))
        self.apply_button.setToolTip(self.tr("Use this value from the current iteration on (Enter). Undo restores "
                                             "the old value."))
        self.apply_button.clicked.connect(self.submit)
        self.message_label = wrapped_label(name="message", style=text_style(ERROR_RED), hidden=True)
        grid.addWidget(self.symbol_label, 0, 0)
        grid.addWidget(self.value_label, 0, 1, 1, 2)
        grid.addWidget(self.meaning_label, 1, 0, 1, 3)
        grid.addWidget(self.value_edit, 2, 0, 1, 2)
        grid.addWidget(self.apply_button, 2, 2)
        grid.addWidget(self.message_label, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        self.setEnabled(False)  # until a target is set

    # ----- what is edited -----------------------------------------------------------------
    def set_target(self, layer: int, name: str, row: int, col: int, value: float) -> None:
        """Edit Wˡ[row, col] (name "W") or bˡ[row] (name "b", col 0); ``value`` is its current value."""
        if name not in ("W", "b"):
            raise ValueError(f"name must be W or b, got {name!r}")
        self.target = (layer, name, row, 0 if name == "b" else col)
        self.setEnabled(True)
        self._clear_message()
        self.symbol_label.setText(conv.entry_name(name, layer, row, col if name == "W" else 0, conv.ROW)
                                  if self._notation == conv.ROW else
                                  conv.written(parameter_symbol(layer, name, row, col), self._notation))
        if name == "W" and self._notation == conv.ROW:
            source = (self.tr("input x{k}").format(k=subscript(col + 1)) if layer == 1 else
                      self.tr("unit {k} of layer {p}").format(k=col + 1, p=layer - 1))
            self.meaning_label.setText(self.tr(
                "Row {k}, column {j} of W{l} in the row convention (n{p} × n{l}, the transpose of the column "
                "convention's W{l}): the weight from {source} to unit {j} of layer {layer}."
            ).format(k=col + 1, j=row + 1, l=superscript(layer), p=superscript(layer - 1), source=source, layer=layer))
        elif name == "W" and layer == 1:
            self.meaning_label.setText(self.tr("The weight from input x{k} to unit {j} of layer 1.").format(
                k=subscript(col + 1), j=row + 1))
        elif name == "W":
            self.meaning_label.setText(self.tr(
                "The weight from unit {k} of layer {p} to unit {j} of layer {l}."
            ).format(k=col + 1, p=layer - 1, j=row + 1, l=layer))
        else:
            self.meaning_label.setText(self.tr("The bias of unit {j} of layer {l}.").format(j=row + 1, l=layer))
        self._show_value(value, refill=True)

    def set_notation(self, notation: str) -> None:
        """Name the weight as the column (w²₁₂) or the row convention (W²[2, 1]) writes it."""
        notation = conv.check(notation)
        if notation == self._notation:
            return
        self._notation = notation
        if self.target is not None:
            layer, name, row, col = self.target
            modified, text = self.value_edit.isModified(), self.value_edit.text()
            self.set_target(layer, name, row, col, self.value)
            if modified:
                self.value_edit.setText(text)
                self.value_edit.setModified(True)

    def set_state(self, state: ViewState) -> None:
        """Follow the engine: the current value after a step or an update. Without a target (or when the
        network no longer has it) edit w¹₁₁ of the selected layer."""
        snap = state.snapshot
        if self.target is not None:
            layer, name, row, col = self.target
            array = snap.get(name, layer) if layer <= state.depth else None
            if array is not None and row < array.shape[0] and col < array.shape[1]:
                self._show_value(float(array[row, col]), refill=not self.value_edit.isModified())
                return
        W = snap.get("W", state.layer)
        if W is not None:
            self.set_target(state.layer, "W", 0, 0, float(W[0, 0]))

    def _show_value(self, value: float, refill: bool) -> None:
        self.value = float(value)
        self.value_label.setText(self.tr("current value {value}").format(value=format_value(value)))
        if refill:
            self.value_edit.setText(format_value(value))
            self.value_edit.setModified(False)

    # ----- the new value --------------------------------------------------------------------
    def submit(self) -> bool:
        """Read the line edit; emit ``valueEntered`` for a finite number, else explain. True if emitted."""
        if self.target is None:
            return False
        text = self.value_edit.text().strip()
        if not text:
            return self._refuse(self.tr("Type a number first, such as 0.25."))
        try:
            value = float(text.replace("−", "-").replace(",", "."))
        except ValueError:
            return self._refuse(self.tr("“{text}” is not a number. Type one such as 0.25 or −1.5e-3.").format(
                text=text))
        if not math.isfinite(value):
            return self._refuse(self.tr("A weight must be a finite number, not NaN or infinity."))
        self._clear_message()
        self.value_edit.setModified(False)
        layer, name, row, col = self.target
        self.valueEntered.emit(layer, name, row, col, value)
        return True

    def message(self) -> str:
        """The message line's text, or "" when it is hidden."""
        return shown_message(self.message_label)

    def _refuse(self, text: str) -> bool:
        self.message_label.setText("⚠ " + text)
        self.message_label.show()
        return False

    def _clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(ParameterEditor)
