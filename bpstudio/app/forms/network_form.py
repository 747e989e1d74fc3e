"""The side form: the project's network (layers, activations, loss) and its hyper-parameters.

For each edit it builds the new ``Project``, checks it as the loader would (``project_edits``) and asks
for it (``ProjectForm``); after a refused edit the control returns to the project's value.
"""

from __future__ import annotations

import math
import sys
from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.form_fields import (
    INT_MAX,
    add_items,
    align_labels,
    read_only_spin,
    section_title,
    shrinkable_combo,
)
from bpstudio.app.widgets.form_messages import (
    typed_number,
)
from bpstudio.app.widgets.layer_list import LayerList
from bpstudio.app.widgets.network_labels import (
    INIT_ORDER,
    LOSS_ORDER,
    activation_label,
    init_label,
    init_tip,
    loss_label,
    loss_tip,
)
from bpstudio.app.widgets.styles import HINT_STYLE
from bpstudio.engine import LayerSpec, NetworkSpec, Project, TrainingSpec, ValidationError
from bpstudio.engine.activations import get_activation
from bpstudio.engine.losses import get_loss
from bpstudio.engine.text.indices import format_value
from bpstudio.session.project_edits import edit_project
from bpstudio.session.view_state import ViewState

from .project_form import ProjectForm

NEW_LAYER = LayerSpec(4, "sigmoid")  # the first hidden layer added to a network that has none


class NetworkForm(ProjectForm):
    """Shows a project's network and hyper-parameters; asks for edits with ``projectEditRequested``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "message")
        self._updating = False  # set while the form shows a project: nothing is requested then
        self._samples = 0
        self._forms: list[QFormLayout] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        message_box = QVBoxLayout()
        message_box.setContentsMargins(8, 6, 8, 0)
        message_box.addWidget(self.message_label)
        outer.addLayout(message_box)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 4, 8, 8)
        column.addWidget(self._build_network_group())
        column.addWidget(self._build_init_group())
        column.addWidget(self._build_training_group())
        column.addStretch(1)
        align_labels(self._forms)  # one label column for all sections: the fields line up down the panel
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._body, self._scroll = body, scroll
        self._counted_data: object = None
        self.setEnabled(False)  # until a project arrives

    # ----- construction -----------------------------------------------------------------
    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._forms.append(form)
        return form

    @staticmethod
    def _section(title: str) -> tuple[QWidget, QVBoxLayout]:
        """A titled section; plain headers rather than group boxes, whose frames cost a narrow panel width."""
        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(section_title(title))
        return section, layout

    def _build_network_group(self) -> QWidget:
        group, layout = self._section(self.tr("Network"))
        top = self._form()
        self.input_size_box = read_only_spin()
        top.addRow(self.tr("Input size n⁰"), self.input_size_box)
        layout.addLayout(top)
        self.data_label = QLabel()
        self.data_label.setWordWrap(True)
        self.data_label.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.data_label)

        self.layers = LayerList()
        self.layers.unitsEdited.connect(self._units_edited)
        self.layers.activationEdited.connect(self._activation_edited)
        self.layers.moveRequested.connect(self._move_layer)
        self.layers.removeRequested.connect(self._remove_layer)
        self.layers.addRequested.connect(self._add_layer)
        layout.addWidget(self.layers)

        bottom = self._form()
        self.loss_box = shrinkable_combo()
        add_items(self.loss_box, [(loss_label(name), name, loss_tip(name)) for name in LOSS_ORDER])
        self.loss_box.setToolTip(self.tr(
            "The loss per sample, L(a, y); the loss of a batch is the mean over its m samples. The backward pass "
            "starts from ∇ₐL.\n½‖y − a‖²: ∇ₐL = a − y.   ‖a − y‖² (no ½, as in 3Blue1Brown): ∇ₐL = 2(a − y).\n"
            "cross-entropy −Σᵢ yᵢ log aᵢ needs a softmax output; binary cross-entropy needs a sigmoid output. "
            "With those pairs δᴸ = a − y."
        ))
        self.loss_box.currentIndexChanged.connect(self._loss_edited)
        bottom.addRow(self.tr("L&oss"), self.loss_box)
        layout.addLayout(bottom)
        return group

    def _build_init_group(self) -> QWidget:
        group, layout = self._section(self.tr("Starting weights"))
        form = self._form()
        layout.addLayout(form)
        self.init_box = shrinkable_combo()
        self.init_box.setToolTip(self.tr(
            "How W starts; biases start at 0. Random draws are seeded by the seed below.\n"
            "xavier: Wˡ ~ U(±√(6/(nˡ⁻¹+nˡ))).  he: Wˡ ~ N(0, 2/nˡ⁻¹).  small uniform: Wˡ ~ U(−scale, +scale).  "
            "zeros: Wˡ = 0.\nexplicit is offered only when the project holds its own starting weights."
        ))
        self.init_box.currentIndexChanged.connect(self._init_edited)
        form.addRow(self.tr("&Initialiser"), self.init_box)
        self.scale_box = QDoubleSpinBox()
        self.scale_box.setDecimals(4)
        self.scale_box.setRange(0.0001, 100.0)
        self.scale_box.setSingleStep(0.01)
        self.scale_box.setKeyboardTracking(False)
        self.scale_box.setToolTip(self.tr(
            "The half-width of small uniform: Wˡ ~ U(−scale, +scale). Only small uniform uses it."
        ))
        self.scale_box.valueChanged.connect(self._scale_edited)
        form.addRow(self.tr("S&cale"), self.scale_box)
        return group

    def _build_training_group(self) -> QWidget:
        group, layout = self._section(self.tr("Training"))
        form = self._form()
        layout.addLayout(form)
        self.learning_rate_box = QLineEdit()
        self.learning_rate_box.setToolTip(self.tr(
            "η, the learning rate, a number > 0. Every update does W ← W − η ∂L/∂W and b ← b − η ∂L/∂b.\n"
            "Too small and the loss falls slowly; too large and it jumps about or grows. Press Enter to apply."
        ))
        self.learning_rate_box.editingFinished.connect(self._learning_rate_edited)
        form.addRow(self.tr("Learning &rate η"), self.learning_rate_box)

        self.batch_size_box = QSpinBox()
        self.batch_size_box.setRange(0, INT_MAX)
        self.batch_size_box.setSpecialValueText(self.tr("full batch"))
        self.batch_size_box.setKeyboardTracking(False)
        self.batch_size_box.valueChanged.connect(self._batch_size_edited)
        form.addRow(self.tr("&Batch size m"), self.batch_size_box)

        self.epochs_box = QSpinBox()
        self.epochs_box.setRange(1, INT_MAX)
        self.epochs_box.setKeyboardTracking(False)
        self.epochs_box.valueChanged.connect(self._epochs_edited)
        form.addRow(self.tr("E&pochs"), self.epochs_box)

        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, INT_MAX)
        self.seed_box.setKeyboardTracking(False)
        self.seed_box.setToolTip(self.tr(
            "Seeds the random starting weights (unused with explicit weights) and the order of the samples in "
            "each epoch. The same seed gives a bit-identical run."
        ))
        self.seed_box.valueChanged.connect(self._seed_edited)
        form.addRow(self.tr("See&d"), self.seed_box)

        self.shuffle_box = QCheckBox(self.tr("S&huffle every epoch"))
        self.shuffle_box.setToolTip(self.tr(
            "Reshuffle the samples at the start of every epoch, so the mini-batches differ from epoch to epoch. "
            "The full batch is never shuffled (its mean does not depend on the order)."
        ))
        self.shuffle_box.toggled.connect(self._shuffle_edited)
        form.addRow(self.shuffle_box)

        self.momentum_box = QDoubleSpinBox()
        self.momentum_box.setRange(0.0, 0.999)
        self.momentum_box.setDecimals(3)
        self.momentum_box.setSingleStep(0.05)
        self.momentum_box.setKeyboardTracking(False)
        self.momentum_box.setToolTip(self.tr(
            "μ, momentum, from 0 up to (not including) 1. Each update keeps a velocity per weight:\n"
            "v ← μv − η(∂L/∂W + λW),  W ← W + v  (v starts at 0).\n"
            "The steps accumulate along directions the gradient keeps pointing to, which speeds up long valleys. "
            "0 is plain gradient descent, W ← W − η ∂L/∂W."
        ))
        self.momentum_box.valueChanged.connect(self._momentum_edited)
        form.addRow(self.tr("&Momentum μ"), self.momentum_box)

        self.l2_box = QLineEdit()
        self.l2_box.setToolTip(self.tr(
            "λ, L2 weight decay, a number ≥ 0. The loss gets (λ/2)‖W‖² added, so each update uses ∂L/∂W + λW "
            "and pulls every weight towards 0 (biases are not decayed). The panels show BP4's ∂L/∂W and the "
            "loss curves show the data loss, both without the λ term. 0 turns it off. Press Enter to apply."
        ))
        self.l2_box.editingFinished.connect(self._l2_edited)
        form.addRow(self.tr("L&2 decay λ"), self.l2_box)
        return group

    # ----- access for tests and the main window (l is 1-based, as shown) ---------------------
    def layer_units_box(self, l: int) -> QSpinBox:
        """Units of layer l, 1 … L; layer L (the output) is read-only."""
        return self.layers.units_box(l)

    def activation_box(self, l: int) -> QComboBox:
        """Activation of layer l; the items' data are the engine's activation names."""
        return self.layers.activation_box(l)

    def move_up_button(self, l: int) -> QToolButton:
        return self.layers.buttons(l)[0]

    def move_down_button(self, l: int) -> QToolButton:
        return self.layers.buttons(l)[1]

    def remove_layer_button(self, l: int) -> QToolButton:
        return self.layers.buttons(l)[2]

    @property
    def add_layer_button(self) -> QPushButton:
        return self.layers.add_button

    # ----- showing a state ------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        if self._take(state.project):
            self._show_project()
        self.layers.set_selected_layer(state.layer)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Never narrower than the fields (asked again whenever they change): a side panel with a
        horizontal scroll bar hides their ends."""
        hint = super().minimumSizeHint()
        need = self._body.minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width() + 4
        return QSize(max(hint.width(), need), hint.height())

    def _fit_width(self) -> None:
        self.updateGeometry()  # the docks ask minimumSizeHint again

    def _tab_in_visual_order(self) -> None:
        """New layer rows join the end of the window's Tab chain: put them, row by row, between the input
        size and the loss, where they are on screen."""
        order: list[QWidget] = [self.input_size_box]
        for l in range(1, self.layers.layer_count + 1):
            order += [self.layers.units_box(l), self.layers.activation_box(l)]
            if l < self.layers.layer_count:
                order += list(self.layers.buttons(l))
        order += [self.layers.add_button, self.loss_box]
        # a read-only number box takes no focus itself (Qt then ignores it here), its text does
        order = [box.findChild(QLineEdit) if box.focusPolicy() == Qt.FocusPolicy.NoFocus else box for box in order]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _show_project(self) -> None:
        """Put the project's values into the controls, requesting nothing."""
        project = self._project
        assert project is not None
        self._updating = True
        try:
            self.setEnabled(True)
            if project.data is not self._counted_data:  # counting builds the data: once per data, not per edit
                try:
                    self._samples = int(project.dataset().x.shape[0])
                except ValidationError:
                    self._samples = 0
                self._counted_data = project.data
            net = project.network
            self.input_size_box.setValue(net.input_size)
            self.input_size_box.setToolTip(self.tr(
                "n⁰ = {n}, the number of values in each sample x. It is fixed by the data (every sample has {n} "
                "values), so it cannot be changed here."
            ).format(n=net.input_size))
            generator = project.data.get("generator")
            if generator:
                self.data_label.setText(self.tr("Data: {generator} generator, {n} samples").format(
                    generator=generator, n=self._samples))
            else:
                text = self.tr("Data: one sample") if self._samples == 1 else self.tr("Data: a table of {n} samples")
                self.data_label.setText(text.format(n=self._samples))
            self.layers.show_network(net, project.data)
            self._tab_in_visual_order()
            self.loss_box.setCurrentIndex(max(0, self.loss_box.findData(get_loss(net.loss).name)))
            self._show_init(project)
            self._show_training(project.training)
        finally:
            self._updating = False
        self._fit_width()

    def _show_init(self, project: Project) -> None:
        self.init_box.clear()
        add_items(self.init_box, [(init_label(name), name, init_tip(name)) for name in INIT_ORDER
                                  if name != "explicit" or project.parameters is not None])
        method = self._effective_init(project)
        self.init_box.setCurrentIndex(max(0, self.init_box.findData(method)))
        self.scale_box.setValue(project.init.scale)
        self.scale_box.setEnabled(method == "small_uniform")

    @staticmethod
    def _effective_init(project: Project) -> str:
        return "explicit" if project.parameters is not None else project.init.method  # weights win (formats.md)

    def _show_training(self, training: TrainingSpec) -> None:
        self.learning_rate_box.setText(format_value(training.learning_rate))
        self.learning_rate_box.setCursorPosition(0)
        self.batch_size_box.setValue(training.batch_size)
        self.epochs_box.setValue(training.epochs)
        self.seed_box.setValue(training.seed)
        self.shuffle_box.setChecked(training.shuffle)
        self.momentum_box.setValue(training.momentum)
        self.l2_box.setText(format_value(training.l2))
        self.l2_box.setCursorPosition(0)
        n = self._samples
        self.batch_size_box.setToolTip(self.tr(
            "m, the samples per iteration (this data has N = {n}). The batch loss is the mean over its m "
            "samples, L = (1/m) Σᵢ Lᵢ, and ∂L/∂Wˡ = (1/m) δˡ (Aˡ⁻¹)ᵀ, while δ stays per sample.\n"
            "1 = stochastic gradient descent; full batch (0, or any m ≥ N) = all N samples every iteration."
        ).format(n=n))
        m = training.batch_size if 0 < training.batch_size < n else n
        self.epochs_box.setToolTip(self.tr(
            "How many epochs a training run takes. One epoch passes over every sample once: ⌈N / m⌉ = {k} "
            "iteration(s) here."
        ).format(k=math.ceil(n / m) if m else 1))

    # ----- requesting edits -----------------------------------------------------------------
    def _refuse(self, reason: str, hint: str = "") -> None:
        text = self.tr("Not changed: {reason}").format(reason=reason.rstrip())
        if hint and not text.endswith((".", "!", "?", ")")):
            text += "."
        self._show_message(f"{text} {hint}" if hint else text, error=True)
        self._show_project()  # the control goes back to the project's value

    def _request(self, description: str, hint: str = "", **parts) -> bool:
        """Build and check the edited project, then ask for it; a refusal is explained instead."""
        assert self._project is not None
        try:
            edit = edit_project(self._project, **parts)
        except ValidationError as exc:
            self._refuse(exc.message, hint)
            return False
        if edit.shapes_changed:
            self._show_message(self.tr(
                "The layer sizes changed, so the explicit starting weights no longer fit: they were dropped and "
                "the weights now start from xavier initialisation."
            ), error=False)
        elif edit.dropped_parameters:
            self._show_message(self.tr(
                "The explicit starting weights were dropped: the weights now start from {method}."
            ).format(method=init_label(edit.project.init.method)), error=False)
        else:
            self._clear_message()
        self._ask(edit.project, description)
        return True

    def _network_with(self, layers: list[LayerSpec]) -> NetworkSpec:
        assert self._project is not None
        return replace(self._project.network, layers=tuple(layers))

    def _units_edited(self, l: int, units: int) -> None:
        if self._project is None or self._project.network.layers[l - 1].units == units:
            return
        layers = list(self._project.network.layers)
        layers[l - 1] = replace(layers[l - 1], units=units)
        self._request(self.tr("Set layer {l} units to {n}").format(l=l, n=units), network=self._network_with(layers))

    def _activation_edited(self, l: int, name: str) -> None:
        if self._project is None:
            return
        layers = list(self._project.network.layers)
        if get_activation(layers[l - 1].activation).name == name:
            return
        layers[l - 1] = replace(layers[l - 1], activation=name)
        hint = ""
        if (l == len(layers) and get_loss(self._project.network.loss).fused_with not in (None, name)
                and not (name == "softmax" and layers[l - 1].units < 2)):  # that refusal has its own reason
            hint = self.tr("Choose a loss that suits the new output first, such as ½‖y − a‖².")
        self._request(self.tr("Set layer {l} activation to {name}").format(l=l, name=activation_label(name)),
                      hint, network=self._network_with(layers))

    def _add_layer(self) -> None:
        if self._project is None:
            return
        layers = list(self._project.network.layers)
        layers.insert(len(layers) - 1, layers[-2] if len(layers) > 1 else NEW_LAYER)
        self._request(self.tr("Add hidden layer {l}").format(l=len(layers) - 1), network=self._network_with(layers))

    def _remove_layer(self, l: int) -> None:
        if self._project is None or not 1 <= l < self._project.network.depth:
            return
        layers = list(self._project.network.layers)
        del layers[l - 1]
        self._request(self.tr("Remove layer {l}").format(l=l), network=self._network_with(layers))

    def _move_layer(self, l: int, step: int) -> None:
        if self._project is None:
            return
        layers, k = list(self._project.network.layers), l + step
        if not (1 <= l < len(layers) and 1 <= k < len(layers)):
            return  # hidden layers move among themselves; the output layer stays last
        layers[l - 1], layers[k - 1] = layers[k - 1], layers[l - 1]
        text = self.tr("Move layer {l} up") if step < 0 else self.tr("Move layer {l} down")
        self._request(text.format(l=l), network=self._network_with(layers))

    # ----- requests from elsewhere (the canvas's layer menu): the same validated path as the form's own controls
    def insert_hidden_layer(self, index: int) -> None:
        """Insert a hidden layer so that it becomes layer ``index`` (1 … L; the output layer stays last)."""
        if self._project is None or not 1 <= index <= self._project.network.depth:
            return
        layers = list(self._project.network.layers)
        template = layers[index - 2] if index >= 2 else (layers[0] if len(layers) > 1 else NEW_LAYER)
        layers.insert(index - 1, template)
        self._request(self.tr("Insert hidden layer {l}").format(l=index), network=self._network_with(layers))

    def remove_hidden_layer(self, l: int) -> None:
        self._remove_layer(l)

    def move_hidden_layer(self, l: int, step: int) -> None:
        self._move_layer(l, step)

    def set_activation(self, l: int, name: str) -> None:
        self._activation_edited(l, name)

    def _loss_edited(self) -> None:
        if self._updating or self._project is None:
            return
        name = self.loss_box.currentData()
        if get_loss(self._project.network.loss).name == name:
            return
        fused = get_loss(name).fused_with
        hint = self.tr("Set the output layer's activation to {activation} first.").format(activation=fused) \
            if fused else ""
        self._request(self.tr("Set loss to {loss}").format(loss=loss_label(name)), hint,
                      network=replace(self._project.network, loss=name))

    def _init_edited(self) -> None:
        if self._updating or self._project is None:
            return
        name = self.init_box.currentData()
        if name is None or name == self._effective_init(self._project):
            return
        self._request(self.tr("Set initialiser to {method}").format(method=init_label(name)),
                      init=replace(self._project.init, method=name), drop_parameters=True)

    def _scale_edited(self, value: float) -> None:
        if self._updating or self._project is None or value == self._project.init.scale:
            return
        self._request(self.tr("Set initialiser scale to {scale}").format(scale=format_value(value)),
                      init=replace(self._project.init, scale=float(value)))

    def _learning_rate_edited(self) -> None:
        if self._updating or self._project is None or not self.learning_rate_box.isModified():
            return
        self.learning_rate_box.setModified(False)  # Enter and then leaving the box finish one edit, not two
        text = self.learning_rate_box.text()
        value = typed_number(text)
        if not math.isfinite(value) or value <= 0:
            self._refuse(self.tr(
                "the learning rate η must be a finite number greater than 0, such as 0.5 or 1e-3 (not “{text}”)."
            ).format(text=text))
            return
        if value == self._project.training.learning_rate:
            self._show_project()  # "0.50" is shown as 0.5 again
            return
        self._request(self.tr("Set learning rate to {eta}").format(eta=format_value(value)),
                      training=replace(self._project.training, learning_rate=value))

    def _momentum_edited(self, value: float) -> None:
        if self._updating or self._project is None or value == self._project.training.momentum:
            return
        self._request(self.tr("Set momentum to {mu}").format(mu=format_value(value)),
                      training=replace(self._project.training, momentum=float(value)))

    def _l2_edited(self) -> None:
        if self._updating or self._project is None or not self.l2_box.isModified():
            return
        self.l2_box.setModified(False)
        text = self.l2_box.text()
        value = typed_number(text)
        if not math.isfinite(value) or value < 0:
            self._refuse(self.tr(
                "the L2 decay λ must be a finite number ≥ 0, such as 0 or 1e-4 (not “{text}”)."
            ).format(text=text))
            return
        if value == self._project.training.l2:
            self._show_project()
            return
        self._request(self.tr("Set L2 decay to {lam}").format(lam=format_value(value)),
                      training=replace(self._project.training, l2=value))

    def _batch_size_edited(self, value: int) -> None:
        if self._updating or self._project is None or value == self._project.training.batch_size:
            return
        text = self.tr("Use the full batch") if value == 0 else self.tr("Set batch size to {m}").format(m=value)
        self._request(text, training=replace(self._project.training, batch_size=value))

    def _epochs_edited(self, value: int) -> None:
        if self._updating or self._project is None or value == self._project.training.epochs:
            return
        self._request(self.tr("Set epochs to {n}").format(n=value),
                      training=replace(self._project.training, epochs=value))

    def _seed_edited(self, value: int) -> None:
        if self._updating or self._project is None or value == self._project.training.seed:
            return
        self._request(self.tr("Set seed to {seed}").format(seed=value),
                      training=replace(self._project.training, seed=value))

    def _shuffle_edited(self, on: bool) -> None:
        if self._updating or self._project is None or on == self._project.training.shuffle:
            return
        self._request(self.tr("Turn shuffling on") if on else self.tr("Turn shuffling off"),
                      training=replace(self._project.training, shuffle=on))


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import preview

    sys.exit(preview(NetworkForm))
