"""The context menu of a layer on the network canvas: insert, remove, move, change the activation.

It only asks: each action calls back with a request, and whoever owns the project (the network
form, through the main window) decides and edits. Actions that could not make a valid network
are disabled: the output layer is neither removed nor moved (its units must match the targets),
and softmax is offered on the output layer only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.engine.activations import ACTIVATIONS


class LayerMenu(QMenu):
    def __init__(
        self,
        parent: QWidget,
        layer: int,
        activations: tuple[str, ...],  # f¹ … fᴸ by engine name
        insert: Callable[[int], None],
        remove: Callable[[int], None],
        move: Callable[[int, int], None],
        set_activation: Callable[[int, str], None],
    ) -> None:
        super().__init__(parent)
        L = len(activations)
        if layer == 0:
            self._add(self.tr("Insert a layer after the inputs"), True, lambda: insert(1))
            return
        output = layer == L
        self._add(self.tr("Insert a layer before layer {l}").format(l=layer), True, lambda: insert(layer))
        self._add(self.tr("Insert a layer after layer {l}").format(l=layer), not output, lambda: insert(layer + 1))
        self._add(self.tr("Remove layer {l}").format(l=layer), not output and L > 1, lambda: remove(layer))
        self._add(self.tr("Move towards the inputs"), not output and layer > 1, lambda: move(layer, -1))
        self._add(self.tr("Move towards the output"), layer + 1 < L, lambda: move(layer, 1))
        sub_menu = self.addMenu(self.tr("Activation"))
        group = QActionGroup(sub_menu)
        names = {
            "identity": self.tr("linear (identity)"), "sigmoid": self.tr("sigmoid σ"), "tanh": self.tr("tanh"),
            "relu": self.tr("ReLU"), "leaky_relu": self.tr("leaky ReLU"), "softmax": self.tr("softmax (output only)"),
        }
        current = activations[layer - 1]
        for name, act in ACTIVATIONS.items():
            if act.output_only and not output:
                continue
            action = QAction(names.get(name, name), group)
            action.setCheckable(True)
            action.setChecked(name == current)
            if name != current:  # choosing the current one again asks for nothing
                action.triggered.connect(lambda _checked=False, n=name: set_activation(layer, n))
            sub_menu.addAction(action)

    def _add(self, text: str, enabled: bool, slot: Callable[[], None]) -> QAction:
        action = self.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: slot())
        return action
