"""The side form: the project's network (layers, activations, loss) and its hyper-parameters.

For each edit it builds the new ``Project``, checks it as the loader would (``project_edits``) and asks
for it (``ProjectForm``); after a refused edit the control returns to the project's value.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QToolButton, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import (
    add_items,
    align_labels,
    fill,
    growing_form,
    read_only_spin,
    scrolled,
    shrinkable_combo,
    titled_section,
    wrapped_label,
)
from bpstudio.app.widgets.layer_list import LayerList
from bpstudio.app.widgets.network_labels import LOSS_ORDER, init_label, loss_label, loss_tip
from bpstudio.app.widgets.styles import HINT_STYLE
from bpstudio.engine import ValidationError
from bpstudio.engine.losses import get_loss
from bpstudio.session.output_choices import output_sizes
from bpstudio.session.project_edits import edit_project
from bpstudio.session.view_state import ViewState

from .hyper_parameters import HyperParameters
from .network_edits import NetworkEdits
from .project_form import ProjectForm


class NetworkForm(NetworkEdits, ProjectForm):
    """Shows a project's network and hyper-parameters; asks for edits with ``projectEditRequested``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "message")
        self._updating = False  # set while the form shows a project: nothing is requested then
        self._samples = 0
        self._forms: list[QFormLayout] = []
        network = self._build_network_group()
        self.hyper_parameters = h = HyperParameters()
        h.editRequested.connect(lambda description, parts: self._request(description, **parts))
        h.refused.connect(self._refuse)
        self.init_box, self.scale_box, self.learning_rate_box = h.init_box, h.scale_box, h.learning_rate_box
        self.batch_size_box, self.epochs_box, self.seed_box = h.batch_size_box, h.epochs_box, h.seed_box
        self.shuffle_box, self.momentum_box, self.l2_box = h.shuffle_box, h.momentum_box, h.l2_box
        body = QWidget()
        fill(QVBoxLayout(body), network, h, (None, 1), margins=(8, 4, 8, 8))
        align_labels(self._forms + h.forms)  # one label column for all sections: the fields line up down the panel
        scroll = scrolled(body)
        fill(QVBoxLayout(self), (scroll, 1), fill(QVBoxLayout(), self.message_label, margins=(8, 0, 8, 6)),
             margins=(0, 0, 0, 0), spacing=4)  # the message under the fields: showing it moves none of them
        self._body, self._scroll = body, scroll
        self._counted_data: object = None
        self.setEnabled(False)  # until a project arrives

    # ----- construction -----------------------------------------------------------------
    def _form(self) -> QFormLayout:
        form = growing_form()
        self._forms.append(form)
        return form

    def _build_network_group(self) -> QWidget:
        group, layout = titled_section(self.tr("Network"))
        top = self._form()
        self.input_size_box = read_only_spin()
        top.addRow(self.tr("Input size n⁰"), self.input_size_box)
        layout.addLayout(top)
        self.data_label = wrapped_label(style=HINT_STYLE)
        layout.addWidget(self.data_label)

        self.layers = LayerList()
        self.layers.unitsEdited.connect(self.set_units)
        self.layers.activationEdited.connect(self.set_activation)
        self.layers.moveRequested.connect(self.move_hidden_layer)
        self.layers.removeRequested.connect(self.remove_hidden_layer)
        self.layers.addRequested.connect(self.add_hidden_layer)
        self.add_layer_button = self.layers.add_button
        layout.addWidget(self.layers)

        bottom = self._form()
        self.loss_box = shrinkable_combo()
        add_items(self.loss_box, [(loss_label(name), name, loss_tip(name)) for name in LOSS_ORDER])
        self.loss_box.setToolTip(self.tr(
            "The loss per sample, L(a, y); the loss of a batch is the mean over its m samples. The backward pass "
            "starts from ∇ₐL.\n½‖y − a‖²: ∇ₐL = a − y.   ‖a − y‖² (no ½, as in 3Blue1Brown): ∇ₐL = 2(a − y).\n"
            "cross-entropy −Σᵢ yᵢ log aᵢ needs a softmax output; binary cross-entropy needs a sigmoid output. "
            "With those pairs δᴸ = a − y."))
        self.loss_box.currentIndexChanged.connect(self._loss_edited)
        bottom.addRow(self.tr("L&oss"), self.loss_box)
        layout.addLayout(bottom)
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

    # ----- showing a state ------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self._moved_on(state)
        if self._take(state.project):
            self._show_project()
        self.layers.set_selected_layer(state.layer)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Never narrower than the fields (asked again whenever they change): a side panel with a
        horizontal scroll bar hides their ends."""
        hint = super().minimumSizeHint()
        need = self._body.minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width() + 4
        return QSize(max(hint.width(), need), hint.height())

    def _tab_in_visual_order(self) -> None:
        """New layer rows join the end of the window's Tab chain: put them, row by row, between the input
        size and the loss, where they are on screen."""
        order = [self.input_size_box, *self.layers.in_visual_order(), self.loss_box]
        # a read-only number box takes no focus itself (Qt then ignores it here), its text does
        order = [box.findChild(QLineEdit) or box if box.focusPolicy() == Qt.FocusPolicy.NoFocus else box
                 for box in order]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _show_project(self) -> None:
        """Put the project's values into the controls, requesting nothing."""
        project = self.project
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
            self.layers.show_network(net, project.data, output_sizes(project))
            self._tab_in_visual_order()
            self.loss_box.setCurrentIndex(max(0, self.loss_box.findData(get_loss(net.loss).name)))
            self.hyper_parameters.show_project(project, self._samples)
        finally:
            self._updating = False
        self.updateGeometry()  # the docks ask minimumSizeHint again: fit the width of the fields shown

    # ----- requesting edits -----------------------------------------------------------------
    def _refuse(self, reason: str, hint: str = "") -> None:
        text = self.tr("Not changed: {reason}").format(reason=reason.rstrip())
        if hint and not text.endswith((".", "!", "?", ")")):
            text += "."
        self._show_message(f"{text} {hint}" if hint else text, error=True)
        self._show_project()  # the control goes back to the project's value

    def _request(self, description: str, hint: str = "", **parts) -> bool:
        """Build and check the edited project, then ask for it; a refusal is explained instead."""
        assert self.project is not None
        try:
            edit = edit_project(self.project, **parts)
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

    def _loss_edited(self) -> None:
        if not self._updating:
            self.set_loss(self.loss_box.currentData())


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(NetworkForm)
