"""The Code panel's "Plant a bug" bar: a list of the typical mistakes (``engine.mistakes``) to switch on one at a
time, or off; those that cannot happen in this network are listed greyed, with the reason (NumPy's own error where
the buggy line would fail) as their tooltip. Planted, the bar says what the learner did, with its formula, and
compares the batch loss with the correct one (the matrices mark their own wrong entries)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bpstudio.engine.mistakes import available, mistake
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.text.explain import format_number
from bpstudio.session.view_state import ViewState

SHORTCUT = "Ctrl+Shift+B"


class MistakeBar(QWidget):
    plantRequested = Signal(str)  # noqa: N815 - Qt's naming: a mistake's id, "" to switch it off

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("plantBug")
        self.combo.setToolTip(self.tr("Plant a bug ({key}): the engine runs one typical mistake in a copy of the "
                                      "network; the matrices mark every entry that differs from the correct value. "
                                      "Switch it off and everything is exact again.").format(key=SHORTCUT))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.caption = QLabel(self.tr("Plant a bug:"))
        self.caption.setBuddy(self.combo)
        self.note = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.note.setObjectName("plantedNote")
        self.note.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption)
        row.addWidget(self.combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self._key: tuple = ()
        self.planted = ""
        self.combo.activated.connect(self._picked)

    def set_state(self, state: ViewState) -> None:
        snap = state.snapshot
        p = state.project
        m = snap.batch_size  # m of the batch on show
        self.planted = snap.planted.mistake if snap.planted is not None else ""
        key = (p.network, m, self.planted)
        if key != self._key:
            self._key = key
            self._fill(state, m)
        self._describe(snap)

    def _fill(self, state: ViewState, m: int) -> None:
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            self.combo.addItem(self.tr("None: the correct program"), "")
            model = self.combo.model()
            assert isinstance(model, QStandardItemModel)
            for entry, reason in available(state.project.network, m):
                self.combo.addItem(entry.title, entry.id)
                item = model.item(self.combo.count() - 1)
                item.setToolTip(reason or entry.what_you_did)
                if reason:
                    item.setEnabled(False)
            self.combo.setCurrentIndex(max(0, self.combo.findData(self.planted)))
        finally:
            self.combo.blockSignals(False)

    def _describe(self, snap: Snapshot) -> None:
        if not self.planted or snap.planted is None:
            self.note.hide()
            return
        text = self.tr("Planted: {name}. {did}").format(name=mistake(self.planted).title,
                                                          did=mistake(self.planted).what_you_did)
        right = snap.planted.loss
        if snap.loss is not None and right is not None and snap.loss != right:
            text += "\n" + self.tr("Batch loss {buggy}, correct {right}.").format(
                buggy=format_number(snap.loss, 4), right=format_number(right, 4))
        self.note.setText(text)
        self.note.show()

    def _picked(self, index: int) -> None:
        chosen = self.combo.itemData(index) or ""
        if chosen != self.planted:
            self.plantRequested.emit(chosen)

    def popup(self) -> None:
        """The list, opened (the shortcut)."""
        self.combo.setFocus()
        self.combo.showPopup()
