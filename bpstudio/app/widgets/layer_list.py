"""The layers of a network as a small grid: units and activation per layer, and buttons to add, move
and remove hidden layers. It only shows and asks: edits are signals (the network form checks them)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.engine import NetworkSpec
from bpstudio.engine.activations import get_activation
from bpstudio.engine.text.indices import superscript
from bpstudio.session.view_state import ViewState

from .form_fields import add_items, fill, read_only_spin, shrinkable_combo, spin_box
from .network_labels import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, activation_label, activation_tip
from .styles import HINT_STYLE, READ_ONLY_STYLE

MAX_HIDDEN_UNITS = 4096


class _Row:
    def __init__(self, label: QLabel, units: QSpinBox, activation: QComboBox,
                 buttons: tuple[QToolButton, QToolButton, QToolButton] | None) -> None:
        self.label, self.units, self.activation, self.buttons = label, units, activation, buttons


class LayerList(QWidget):
    """Layers 1 … L; the last is the output layer, whose units are fixed by the data's targets."""

    unitsEdited = Signal(int, int)  # (layer l, 1-based; units)
    activationEdited = Signal(int, str)  # (layer l; activation name)
    moveRequested = Signal(int, int)  # (layer l; −1 up, +1 down)
    removeRequested = Signal(int)  # layer l
    addRequested = Signal()  # a hidden layer before the output layer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._updating = False
        self._grid_widget = QWidget()
        self.add_button = QPushButton(self.tr("&Add hidden layer"))
        self.add_button.setToolTip(self.tr(
            "Add a hidden layer just before the output layer, with the size and activation of the last hidden "
            "layer. The layer sizes change, so explicit starting weights are dropped."))
        self.add_button.clicked.connect(lambda _c=False: self.addRequested.emit())
        self._layout = fill(QVBoxLayout(self), self._grid_widget, self.add_button, margins=(0, 0, 0, 0))

    # ----- access for the form and tests (l is 1-based, as shown) ----------------------------
    def units_box(self, l: int) -> QSpinBox:
        return self._rows[l - 1].units

    def activation_box(self, l: int) -> QComboBox:
        return self._rows[l - 1].activation

    def in_visual_order(self) -> list[QWidget]:
        """Each row's units, activation and buttons, then the add button: as they are on screen."""
        return [w for row in self._rows for w in (row.units, row.activation, *(row.buttons or ()))] + [self.add_button]

    def buttons(self, l: int) -> tuple[QToolButton, QToolButton, QToolButton]:
        """(move up, move down, remove) of hidden layer l."""
        buttons = self._rows[l - 1].buttons
        if buttons is None:
            raise IndexError(f"layer {l} is the output layer: it cannot be moved or removed")
        return buttons

    # ----- showing ----------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self.show_network(state.project.network, state.project.data)
        self.set_selected_layer(state.layer)

    def show_network(self, net: NetworkSpec, data: dict | None = None, output_sizes: tuple[int, ...] = ()) -> None:
        """Show ``net`` without emitting anything. ``data`` (the project's) explains the output size;
        ``output_sizes``: the sizes the data allows the output layer (more than one: it can be edited)."""
        self._updating = True
        try:
            if len(self._rows) != net.depth:
                self._rebuild(net.depth)
            self._output_choice(output_sizes)  # the range first: a value outside it would be clamped
            for l, (row, layer) in enumerate(zip(self._rows, net.layers, strict=True), start=1):
                if l < net.depth:  # a file may hold a bigger layer than the form offers: show it as it is
                    row.units.setMaximum(max(MAX_HIDDEN_UNITS, layer.units))
                row.units.setValue(layer.units)
                name = get_activation(layer.activation).name
                row.activation.setCurrentIndex(max(0, row.activation.findData(name)))
                self._explain(l, row, net, data or {})
        finally:
            self._updating = False

    def set_selected_layer(self, layer: int) -> None:
        for l, row in enumerate(self._rows, start=1):
            font = row.label.font()
            font.setBold(l == layer)
            row.label.setFont(font)

    def _explain(self, l: int, row: _Row, net: NetworkSpec, data: dict) -> None:
        L, sl, sp = net.depth, superscript(l), superscript(l - 1)
        units = net.layers[l - 1].units
        shape = self.tr("W{l} is {rows} × {cols} (n{l} × n{p}) and b{l} is {rows} × 1, in z{l} = W{l}a{p} + b{l}."
                        ).format(l=sl, p=sp, rows=units, cols=net.sizes[l - 1])
        if l == L:
            row.label.setToolTip(self.tr("Layer {l}, the output layer: a{l} is the network's output.").format(l=sl))
            row.units.setToolTip(self.tr(
                "nᴸ = {n}, fixed by the data's targets (each y is {targets}), so it cannot be changed here. "
            ).format(n=units, targets=self._target_kind(data, units)) + shape if row.units.isReadOnly() else self.tr(
                "nᴸ, the output units. The data has 2 classes: 1 unit with 0/1 targets (sigmoid, binary "
                "cross-entropy), or 2 units with one-hot targets (softmax, cross-entropy). The output activation "
                "and the loss change with it. ") + shape)
            row.activation.setToolTip(self.tr(
                "fᴸ, the output activation: a{l} = f{l}(z{l}). softmax (only here, and only with at least 2 units: "
                "with 1 unit it always gives 1) turns z into probabilities. cross-entropy needs softmax; binary "
                "cross-entropy needs sigmoid."
            ).format(l=sl))
            return
        row.label.setToolTip(self.tr("Layer {l}, a hidden layer").format(l=sl))
        row.units.setToolTip(self.tr("n{l}, the number of units in layer {n} (1 … {max}). ").format(
            l=sl, n=l, max=MAX_HIDDEN_UNITS) + shape + "\n" + self.tr(
            "Changing it changes the shapes, so explicit starting weights are dropped."))
        row.activation.setToolTip(self.tr(
            "f{l}, applied element by element: a{l} = f{l}(z{l}), and BP2 multiplies by f{l}′(z{l}). softmax is "
            "offered only for the output layer: its Jacobian is not diagonal."
        ).format(l=sl))
        up, down, remove = self.buttons(l)
        up.setEnabled(l > 1)
        down.setEnabled(l < L - 1)
        up.setToolTip(self.tr("Move layer {l} up (swap it with layer {k})").format(l=l, k=l - 1))
        down.setToolTip(self.tr("Move layer {l} down (swap it with layer {k})").format(l=l, k=l + 1))
        remove.setToolTip(self.tr("Remove hidden layer {l}").format(l=l))
        up.setAccessibleName(self.tr("Move layer {l} up").format(l=l))
        down.setAccessibleName(self.tr("Move layer {l} down").format(l=l))
        remove.setAccessibleName(self.tr("Remove layer {l}").format(l=l))

    def _output_choice(self, sizes: tuple[int, ...]) -> None:
        """Two classes: the output's size picks the targets, 1 unit (0/1) or 2 (one-hot)."""
        box = self._rows[-1].units
        editable = len(sizes) > 1
        box.setReadOnly(not editable)
        box.setButtonSymbols(QSpinBox.ButtonSymbols.UpDownArrows if editable else QSpinBox.ButtonSymbols.NoButtons)
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.NoFocus)
        box.setStyleSheet("" if editable else READ_ONLY_STYLE)
        box.setRange(min(sizes), max(sizes)) if editable else box.setRange(0, 1_000_000)

    def _target_kind(self, data: dict, n: int) -> str:
        generator = data.get("generator")
        if generator and generator != "sine":
            return self.tr("a 0/1 class") if n == 1 else self.tr("one-hot over {n} classes").format(n=n)
        return self.tr("1 value") if n == 1 else self.tr("{n} values").format(n=n)

    def _rebuild(self, depth: int) -> None:
        """A fresh grid. The old one is deleted later: this may run inside one of its buttons' handlers
        (the main window calls set_state back while the edit is being requested)."""
        old = self._grid_widget
        self._layout.removeWidget(old)
        old.hide()
        old.deleteLater()
        self._grid_widget = QWidget()
        grid = QGridLayout(self._grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for col, text in enumerate((self.tr("#"), self.tr("Units"), self.tr("Activation"))):
            header = QLabel(text)
            header.setStyleSheet(HINT_STYLE)
            grid.addWidget(header, 0, col)
        self._rows = []
        for l in range(1, depth + 1):
            row = self._make_row(l, output=l == depth)
            grid.addWidget(row.label, l, 0)
            grid.addWidget(row.units, l, 1)
            grid.addWidget(row.activation, l, 2)
            if row.buttons is None:  # the output layer stays last: where the buttons would be, say why
                self.output_note = QLabel(self.tr("output"))
                self.output_note.setStyleSheet(HINT_STYLE)
                self.output_note.setToolTip(self.tr("The output layer is always the last layer."))
                grid.addWidget(self.output_note, l, 3, 1, 3)
            for col, button in enumerate(row.buttons or (), start=3):
                grid.addWidget(button, l, col)
            self._rows.append(row)
        grid.setColumnStretch(2, 1)
        self._layout.insertWidget(0, self._grid_widget)

    def _make_row(self, l: int, output: bool) -> _Row:
        label = QLabel(str(l))
        if output:
            units = read_only_spin()
            units.setKeyboardTracking(False)
            units.valueChanged.connect(lambda value, l=l: self._emit(self.unitsEdited, l, value))
        else:
            units = spin_box(0, MAX_HIDDEN_UNITS)  # 0 is refused by the form, which says why (not a silent 1)
            units.setKeyboardTracking(False)  # one edit per value entered, not one per digit typed
            units.valueChanged.connect(lambda value, l=l: self._emit(self.unitsEdited, l, value))
        units.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        activation = shrinkable_combo(6)
        add_items(activation, [(activation_label(name), name, activation_tip(name))
                               for name in (OUTPUT_ACTIVATIONS if output else HIDDEN_ACTIVATIONS)])
        activation.currentIndexChanged.connect(
            lambda _i, l=l: self._emit(self.activationEdited, l, self._rows[l - 1].activation.currentData()))
        buttons = None
        if not output:
            buttons = (self._tool_button("↑", lambda _c=False, l=l: self._emit(self.moveRequested, l, -1)),
                       self._tool_button("↓", lambda _c=False, l=l: self._emit(self.moveRequested, l, +1)),
                       self._tool_button("✕", lambda _c=False, l=l: self._emit(self.removeRequested, l)))
        return _Row(label, units, activation, buttons)

    @staticmethod
    def _tool_button(text: str, slot) -> QToolButton:
        button = QToolButton(autoRaise=True)
        button.setText(text)
        button.setFixedWidth(22)
        button.clicked.connect(slot)
        return button

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        if not self._updating:  # a request, never while showing
            signal.emit(*args)


if __name__ == "__main__":
    from .preview import run_preview

    run_preview(LayerList)
