"""The context menu of a layer on the network canvas: insert, remove, move, change the activation.

It only asks: each action calls back with a request, and whoever owns the project (the network
form, through the main window) decides and edits. Actions that could not make a valid network
are disabled: the output layer is neither removed nor moved (its units must match the targets),
and softmax is offered on the output layer only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.engine.activations import ACTIVATIONS

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


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
        fill_activation_menu(self.addMenu(self.tr("Activation")), layer, output, activations[layer - 1],
                             set_activation)

    def _add(self, text: str, enabled: bool, slot: Callable[[], None]) -> QAction:
        action = self.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: slot())
        return action


def fill_activation_menu(menu: QMenu, layer: int, output: bool, current: str,
                         set_activation: Callable[[int, str], None]) -> QMenu:
    """The activations layer ``layer`` can have (softmax for the output only), ``current`` checked."""
    group = QActionGroup(menu)
    names = {
        "identity": translate("LayerMenu", "linear (identity)"), "sigmoid": translate("LayerMenu", "sigmoid σ"),
        "tanh": translate("LayerMenu", "tanh"), "relu": translate("LayerMenu", "ReLU"),
        "leaky_relu": translate("LayerMenu", "leaky ReLU"), "softmax": translate("LayerMenu", "softmax (output only)"),
    }
    for name, act in ACTIVATIONS.items():
        if act.output_only and not output:
            continue
        action = QAction(names.get(name, name), group)
        action.setCheckable(True)
        action.setChecked(name == current)
        action.setData(name)
        if name != current:  # choosing the current one again asks for nothing
            action.triggered.connect(lambda _checked=False, n=name: set_activation(layer, n))
        menu.addAction(action)
    return menu
