"""The Lockstep tab (Compare with…): run B is the project with one setting changed; A and B step together, one
stage at a time, and every box of the chosen layer (W, b, z, a, δ, ∂L/∂W, ∂L/∂b) shows A, B or A − B. The first
stage and entry where they part is said in words and marked in its box."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.flow_layout import flow_row
from bpstudio.app.widgets.form_fields import push_button
from bpstudio.app.widgets.preview import example_state, show_alone
from bpstudio.engine import Project
from bpstudio.engine.lockstep import Parting
from bpstudio.engine.snapshot import key
from bpstudio.engine.text.indices import superscript
from bpstudio.session import lockstep_session as ls
from bpstudio.session.view_state import ViewState

from .lockstep_runner import LockstepState

BOXES = (("W", "W"), ("b", "b"), ("z", "z"), ("a", "a"), ("delta", "δ"), ("dW", "∂L/∂W"), ("db", "∂L/∂b"))
SHOWN = 6  # rows and columns of a box shown (around the entry where A and B part)
PARTED = QColor("#F0C000")
DIFFERS = QColor(230, 80, 60, 70)
SHOWS = ("A", "B", "A − B")
EMPTY = 60  # the width of a box not computed yet


class LockstepView(QWidget):
    startRequested = Signal(object, str)  # noqa: N815 - Qt's naming; the Setting, B's value as typed
    stepRequested = Signal()  # noqa: N815
    untilRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._settings: list[ls.Setting] = []
        self.state = LockstepState(None)
        self.setting_box = QComboBox()
        self.setting_box.setObjectName("lockstepSetting")
        self.setting_box.setToolTip(self.tr("The one setting run B changes; everything else (seed, data, "
                                            "batches) is A's"))
        self.setting_box.currentIndexChanged.connect(self._setting_chosen)
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("lockstepValue")
        self.value_edit.setMaximumWidth(110)
        self.value_edit.setToolTip(self.tr("B's value of the setting"))
        self.start_button = push_button(self.tr("Compare with…"), self._start)
        self.start_button.setToolTip(self.tr("Make run B from this project with the setting changed, and start A "
                                             "and B from the start side by side"))
        self.step_button = push_button(self.tr("Step both"), self.stepRequested)
        self.step_button.setToolTip(self.tr("A and B take one stage each"))
        self.until_button = push_button(self.tr("Until they part"), self.untilRequested)
        self.until_button.setToolTip(self.tr("Step both until their numbers first differ"))
        self.layer_spin = QSpinBox(minimum=1, maximum=1)
        self.layer_spin.setPrefix(self.tr("layer "))
        self.layer_spin.valueChanged.connect(lambda _l: self.redraw())
        self.show_group = QButtonGroup(self)
        shows = []
        for i, text in enumerate(SHOWS):
            button = QRadioButton(text)
            button.setObjectName(f"lockstepShow{i}")
            self.show_group.addButton(button, i)
            shows.append(button)
        shows[0].setChecked(True)
        self.show_group.idToggled.connect(lambda _i, on: self.redraw() if on else None)
        change = QLabel(self.tr("Change"))
        to = QLabel(self.tr("to"))
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("lockstepStatus")
        self.boxes: dict[str, QTableWidget] = {}
        self.titles: dict[str, QLabel] = {}
        grid = QGridLayout()
        for col, (name, symbol) in enumerate(BOXES):
            self.titles[name] = QLabel(symbol)
            table = QTableWidget()
            table.setObjectName(f"lockstep_{name}")
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setDefaultSectionSize(20)
            for bar in (table.horizontalScrollBar(), table.verticalScrollBar()):
                bar.setEnabled(False)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.boxes[name] = table
            grid.addWidget(self.titles[name], 0, col)
            grid.addWidget(table, 1, col, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(len(BOXES), 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(inner)
        controls = flow_row(change, self.setting_box, to, self.value_edit, self.start_button, 12, self.step_button,
                            self.until_button, 12, self.layer_spin, *shows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(controls)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.redraw()

    # ----- input ------------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        """The settings offered follow the project shown (run A)."""
        project = state.project
        if project is self._project:
            return
        self._project = project
        chosen = self.setting_box.currentData()
        self._settings = ls.settings(project)
        self.setting_box.blockSignals(True)
        self.setting_box.clear()
        for setting in self._settings:
            self.setting_box.addItem(setting.label, setting)
        index = self._settings.index(chosen) if chosen in self._settings else 0
        self.setting_box.setCurrentIndex(index)
        self.setting_box.blockSignals(False)
        if not self.value_edit.text() or chosen not in self._settings:
            self._setting_chosen()

    def set_lockstep(self, state: LockstepState) -> None:
        self.state = state
        lock = state.lockstep
        if lock is not None:
            self.layer_spin.setMaximum(lock.a.spec.depth)
            if lock.parting is not None and lock.parting.layer:
                self.layer_spin.setValue(lock.parting.layer)
        self.redraw()

    def choose(self, setting: ls.Setting, value: str) -> None:
        """Pick the setting to change and B's value (as a person would in the combo and the field)."""
        self.setting_box.setCurrentIndex(self._settings.index(setting))
        self.value_edit.setText(value)

    @Slot()
    def _setting_chosen(self) -> None:
        setting = self.setting_box.currentData()
        if setting is not None and self._project is not None:
            self.value_edit.setText(str(setting.value(self._project)))

    @Slot()
    def _start(self) -> None:
        setting = self.setting_box.currentData()
        if setting is not None:
            self.startRequested.emit(setting, self.value_edit.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new font (presentation mode, F12): the boxes fitted again to their numbers."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.redraw()

    # ----- output -----------------------------------------------------------------------
    def shown(self) -> int:
        """0: A, 1: B, 2: A − B."""
        return self.show_group.checkedId()

    def redraw(self) -> None:
        state, lock = self.state, self.state.lockstep
        for button in (self.step_button, self.until_button):
            button.setEnabled(lock is not None)
        if lock is None:
            self.status.setText(state.error or self.tr(
                "Choose a setting and B's value, then Compare with…: runs A (this project) and B (the one setting "
                "changed) start together with the same seed, data and batches."))
            for table in self.boxes.values():
                table.setRowCount(0)
                table.setColumnCount(0)
                table.setFixedSize(EMPTY, EMPTY // 2)
            return
        a_value, b_value = (str(v) for v in state.values)
        label = state.setting.label if state.setting is not None else ""
        sa = lock.snapshots[0]
        where = self.tr("next: iteration {i}, {stage}").format(i=sa.iteration + 1, stage=sa.next_stage.label)
        text = self.tr("A: {name} {a} · B: {name} {b} · {where}").format(name=label, a=a_value, b=b_value,
                                                                          where=where)
        self.status.setText("\n".join(t for t in (text, ls.parting_text(lock.parting, lock.stages), state.error)
                                      if t))
        layer = self.layer_spin.value()
        for name, _symbol in BOXES:
            self._fill(name, layer, lock.arrays(key(name, layer)), lock.parting)

    def _fill(self, name: str, layer: int, arrays: tuple, parting: Parting | None) -> None:
        table = self.boxes[name]
        show = self.shown()
        values = arrays[show]
        a, b = arrays[0], arrays[1]
        marked = None if parting is None or parting.key != key(name, layer) else parting.index
        self.titles[name].setText(BOXES[[n for n, _ in BOXES].index(name)][1] + superscript(layer)
                                  + ("  ◆" if parting is not None and parting.key == key(name, layer) else ""))
        if values is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            table.setFixedSize(EMPTY, EMPTY // 2)
            return
        rows, cols = values.shape
        r0, c0 = (0, 0) if marked is None else (max(0, marked[0] - SHOWN // 2), max(0, marked[1] - SHOWN // 2))
        r0, c0 = min(r0, max(0, rows - SHOWN)), min(c0, max(0, cols - SHOWN))
        shown_rows, shown_cols = range(r0, min(rows, r0 + SHOWN)), range(c0, min(cols, c0 + SHOWN))
        table.setRowCount(len(shown_rows))
        table.setColumnCount(len(shown_cols))
        table.setVerticalHeaderLabels([str(r + 1) for r in shown_rows])
        table.setHorizontalHeaderLabels([str(c + 1) for c in shown_cols])
        same = a is not None and b is not None and a.shape == b.shape
        for i, r in enumerate(shown_rows):
            for j, c in enumerate(shown_cols):
                item = QTableWidgetItem(f"{values[r, c]:.4g}")
                if same and not (a[r, c] == b[r, c] or (np.isnan(a[r, c]) and np.isnan(b[r, c]))):
                    item.setBackground(DIFFERS)
                if marked == (r, c):
                    item.setBackground(PARTED)
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("A and B first part here"))
                table.setItem(i, j, item)
        _fit(table)


def _fit(table: QTableWidget) -> None:
    """The box as large as its numbers: no scroll bars inside the scrolled row of boxes."""
    table.resizeColumnsToContents()
    frame = 2 * table.frameWidth()
    width = table.verticalHeader().sizeHint().width() + sum(table.columnWidth(c) for c in range(table.columnCount()))
    height = table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedSize(width + frame, height + frame)


def _preview() -> LockstepView:
    view = LockstepView()
    view.set_state(example_state("xor_tanh"))
    return view


if __name__ == "__main__":
    import sys

    sys.exit(show_alone(_preview))
