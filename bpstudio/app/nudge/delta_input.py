"""Where Δ is chosen: typed (Enter), dragged on a slider over ±range, or set by the view (a pick on the plot, a
lesson). A bad Δ — not a number, NaN, infinite, beyond ±1000 — is refused in place and the previous Δ kept."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QSlider, QWidget

from bpstudio.app.widgets.form_fields import buddy_label, shown_message, wrapped_label
from bpstudio.app.widgets.styles import ERROR_RED, text_style
from bpstudio.engine import nudge as nd
from bpstudio.engine.text.notation import format_number

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

REACHES = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0)  # the slider's and the curve's ±range
STEPS = 1000  # slider positions on each side of 0


class DeltaInput(QWidget):
    deltaChanged = Signal(float)  # noqa: N815 - a Δ taken (typed, slid, set, or clipped to a smaller range)
    reachChanged = Signal(float)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delta, self.reach, self.precision = 0.1, 1.0, 4
        self.edit = QLineEdit()
        self.edit.setObjectName("nudgeDelta")
        self.edit.setToolTip(translate("NudgeView", "Type Δ, the nudge (such as 0.1, −0.5 or 2e-3), and press Enter."))
        self.edit.returnPressed.connect(self.submit)
        self.reach_combo = QComboBox()
        self.reach_combo.setObjectName("nudgeReach")
        self.reach_combo.setToolTip(translate("NudgeView", "How far the slider and the plot reach on each side of 0"))
        for reach in REACHES:
            self.reach_combo.addItem(f"±{reach:g}", reach)
        self.reach_combo.setCurrentIndex(REACHES.index(self.reach))
        self.reach_combo.currentIndexChanged.connect(self._reach_chosen)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("nudgeSlider")
        self.slider.setRange(-STEPS, STEPS)
        self.slider.setToolTip(translate("NudgeView", "Drag to nudge: Δ from −range to +range"))
        self.slider.valueChanged.connect(self._slid)
        self.message_label = wrapped_label(name="nudgeMessage", style=text_style(ERROR_RED), hidden=True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        # no letter to jump here: Ctrl+Shift+N comes to the line edit
        grid.addWidget(buddy_label(translate("NudgeView", "Δ ="), self.edit), 0, 0)
        grid.addWidget(self.edit, 0, 1)
        grid.addWidget(self.reach_combo, 0, 2)
        grid.addWidget(self.slider, 1, 0, 1, 3)
        grid.addWidget(self.message_label, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self._show_delta()

    def set_delta(self, delta: float) -> bool:
        """Take ``delta`` (the range grows to hold it) and say so with ``deltaChanged``; refuse a bad one in place.
        True if taken."""
        try:
            delta = nd.check_delta(delta)
        except (TypeError, ValueError):
            return self._refuse(self._bad_delta_text(delta))
        self.message_label.clear()
        self.message_label.hide()
        self.delta = delta
        reach = nd.reach_for(delta, self.reach)
        if reach != self.reach:
            self._set_reach(reach)
        self._show_delta()
        self.deltaChanged.emit(delta)
        return True

    @Slot()
    def submit(self) -> bool:
        """Read the typed Δ: take a finite number, else say why in place and keep the Δ there was."""
        text = self.edit.text().strip()
        if not text:
            return self._refuse(translate("NudgeView", "Type a number for Δ first, such as 0.1."))
        try:
            value = float(text.replace("−", "-").replace(",", "."))
        except ValueError:
            return self._refuse(translate(
                "NudgeView", "“{text}” is not a number. Type one such as 0.1 or −2e-3.").format(text=text))
        return self.set_delta(value)

    def message(self) -> str:
        return shown_message(self.message_label)

    def _bad_delta_text(self, delta: object) -> str:
        if isinstance(delta, float) and not math.isfinite(delta):
            return translate("NudgeView", "Δ must be a finite number, not NaN or infinity. Δ stays {delta}.").format(
                delta=format_number(self.delta, self.precision))
        return translate("NudgeView", "Δ = {value} is too large: a nudge is at most ±{limit}. Δ stays {delta}.").format(
            value=delta, limit=f"{nd.LIMIT:g}", delta=format_number(self.delta, self.precision))

    def _refuse(self, text: str) -> bool:
        self.message_label.setText("⚠ " + text)
        self.message_label.show()
        return False

    def _show_delta(self) -> None:
        self.edit.setText(f"{self.delta:.10g}")
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(max(-1.0, min(1.0, self.delta / self.reach)) * STEPS))

    def _set_reach(self, reach: float) -> None:
        self.reach = reach
        with QSignalBlocker(self.reach_combo):
            self.reach_combo.setCurrentIndex(REACHES.index(reach) if reach in REACHES else len(REACHES) - 1)
        self.reachChanged.emit(reach)

    @Slot(int)
    def _slid(self, value: int) -> None:
        self.set_delta(float(f"{self.reach * value / STEPS:.6g}"))

    @Slot(int)
    def _reach_chosen(self, index: int) -> None:
        self._set_reach(REACHES[index])
        if abs(self.delta) > self.reach:  # clipped to the new range
            self.set_delta(self.reach if self.delta > 0 else -self.reach)
        else:
            self._show_delta()
