"""The stages of the current iteration, like a debugger's call stack: done ones ticked, the one
just taken highlighted; clicking a stage goes there (stepping back or forward)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import fill
from bpstudio.app.widgets.styles import DARK_TEXT, HIGHLIGHT
from bpstudio.engine.stages import Stage, iteration_stages
from bpstudio.engine.text.convention import COLUMN, check, written
from bpstudio.session.view_state import ViewState


class StageList(QWidget):
    stageRequested = Signal(int)  # position to go to: stages done, 0 … 2L+2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Stages of this iteration"))
        self.title.setToolTip(self.tr("Click a stage to go there: back through the stages kept, or forward by "
                                      "computing"))
        self.list = QListWidget()
        self.list.setObjectName("stageList")
        self.list.setToolTip(self.title.toolTip())
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        fill(QVBoxLayout(self), self.title, self.list, margins=(0, 0, 0, 0))
        self._stages: tuple[Stage, ...] = ()
        self._position = 0
        self._optimizer = "sgd"
        self._notation = COLUMN  # the labels' symbols: (Z^[l], A^[l]) in the deeplearning.ai notation
        self._state: ViewState | None = None

    def set_notation(self, notation: str) -> None:
        self._notation = check(notation)
        if self._state is not None:
            self.set_state(self._state)

    def label(self, stage: Stage, depth: int) -> str:
        return written(self._label(stage, depth), self._notation)

    def _label(self, stage: Stage, depth: int) -> str:
        eqs = ", ".join(stage.equations(depth))
        if stage.kind == "forward":  # its one equation is the forward one: z = W a + b, a = f(z)
            return self.tr("Forward · layer {l}  (zˡ, aˡ)").format(l=stage.layer)
        if stage.kind == "backward":
            return self.tr("Backward · layer {l}  ({eqs})").format(l=stage.layer, eqs=eqs)
        if stage.kind == "loss":
            return self.tr("Loss")
        if self._optimizer == "adam":
            return self.tr("Update  (Adam: v, s → W)")
        if self._optimizer == "rmsprop":
            return self.tr("Update  (RMSProp: s → W)")
        return self.tr("Update  (W ← W − η∂L/∂W)")

    def set_state(self, state: ViewState) -> None:
        self._state, depth = state, state.depth
        stages = iteration_stages(depth)
        position = state.snapshot.position
        if stages != self._stages or state.project.training.optimizer != self._optimizer:
            self._stages, self._optimizer = stages, state.project.training.optimizer
            self.list.clear()
            for stage in stages:
                item = QListWidgetItem(self.label(stage, depth))
                item.setData(Qt.ItemDataRole.UserRole, stage.name)
                self.list.addItem(item)
        self._position = position
        bold = QFont(self.list.font())
        bold.setBold(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            done, current = i < position, i == position - 1
            item.setText(("✓ " if done else "   ") + self.label(stages[i], depth))
            item.setFont(bold if current else self.list.font())
            # the current stage: dark text on its own pale yellow; the others in the theme's text colours
            role = QPalette.ColorRole.Text if done else QPalette.ColorRole.PlaceholderText
            item.setForeground(QBrush(QColor(DARK_TEXT) if current else self.list.palette().color(role)))
            item.setBackground(QBrush(QColor(HIGHLIGHT) if current else QColor(0, 0, 0, 0)))
        if position:
            self.list.setCurrentRow(position - 1)
        else:
            self.list.clearSelection()

    def _activated(self, item: QListWidgetItem) -> None:
        target = self.list.row(item) + 1  # go to "this stage done"
        if target != self._position:
            self.stageRequested.emit(target)


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(StageList)
