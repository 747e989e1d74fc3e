"""The network form's edits of the layers and the loss, also asked for from the canvas (through the main
window): each builds the new network, checks it as the loader would and asks for it, or explains a refusal
with what to do instead. Each returns True when the edit was asked for, False when refused, None when there
was nothing to do. The output layer and the loss move together (``output_choices``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from bpstudio.app.widgets.network_labels import activation_label, loss_label
from bpstudio.engine import LayerSpec, NetworkSpec, Project, get_activation, get_loss
from bpstudio.session.output_choices import OutputChoice, choose_output, classes_of, output_sizes

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)
NEW_LAYER = LayerSpec(4, "sigmoid")  # the first hidden layer added to a network that has none


class NetworkEdits:
    """Mixed into ``NetworkForm``, which provides ``project``, ``_request`` and ``_show_message``."""

    project: Project | None

    if TYPE_CHECKING:  # provided by the form (defined here they would come first in its MRO)
        def _request(self, description: str, hint: str = "", **parts: Any) -> bool: ...
        def _refuse(self, reason: str, hint: str = "") -> None: ...
        def _show_message(self, text: str, error: bool) -> None: ...

    def _network_with(self, layers: list[LayerSpec]) -> NetworkSpec:
        assert self.project is not None
        return replace(self.project.network, layers=tuple(layers))

    # ----- units ------------------------------------------------------------------------
    def set_units(self, l: int, units: int) -> bool | None:
        """Layer l (1 … L) gets ``units`` units."""
        if self.project is None or not 1 <= l <= self.project.network.depth:
            return None
        net = self.project.network
        if net.layers[l - 1].units == units:
            return None
        if units < 1:
            hint = (translate("NetworkForm", "To remove hidden layer {l}, use its ✕ (Remove layer) button.")
                    if l < net.depth else self._output_size_hint())
            self._refuse(translate("NetworkForm", "a layer needs at least 1 unit; layer {l} keeps {n}.").format(
                l=l, n=net.layers[l - 1].units), hint.format(l=l))
            return False
        description = translate("NetworkForm", "Set layer {l} units to {n}").format(l=l, n=units)
        if l == net.depth:
            if units not in output_sizes(self.project):
                self._refuse(translate("NetworkForm", "the output layer has one unit per target value, so its size "
                                                      "follows the data."), self._output_size_hint())
                return False
            return self._request_output(choose_output(self.project, units=units), description)
        layers = list(net.layers)
        layers[l - 1] = replace(layers[l - 1], units=units)
        return self._request(description, network=self._network_with(layers))

    def _output_size_hint(self) -> str:
        assert self.project is not None
        classes = classes_of(self.project)
        if classes == 2:
            return translate("NetworkForm", "With 2 classes the output has 1 unit (0/1 targets, sigmoid) or 2 units "
                                            "(one-hot targets, softmax).")
        if classes:
            text = translate("NetworkForm", "The data has {k} classes, so the output has {k} units (one-hot "
                                            "targets); choose other data on the Data tab to change it.")
            return text.format(k=classes)
        n = self.project.network.layers[-1].units
        if n == 1:
            return translate("NetworkForm", "Each target is a single value; choose other data on the Data tab to "
                                            "change it.")
        return translate("NetworkForm", "Each target has {n} values; choose other data on the Data tab to change "
                                        "it.").format(n=n)

    # ----- activation and loss -------------------------------------------------------------
    def set_activation(self, l: int, name: str) -> bool | None:
        if self.project is None or not 1 <= l <= self.project.network.depth:
            return None
        layers = list(self.project.network.layers)
        if get_activation(layers[l - 1].activation).name == name:
            return None
        description = translate("NetworkForm", "Set layer {l} activation to {name}").format(
            l=l, name=activation_label(name))
        if l == len(layers):
            return self._request_output(choose_output(self.project, activation=name), description)
        layers[l - 1] = replace(layers[l - 1], activation=name)
        return self._request(description, network=self._network_with(layers))

    def set_loss(self, name: str) -> bool | None:
        if self.project is None or get_loss(self.project.network.loss).name == name:
            return None
        return self._request_output(choose_output(self.project, loss=name),
                                    translate("NetworkForm", "Set loss to {loss}").format(loss=loss_label(name)))

    def _request_output(self, choice: OutputChoice, description: str) -> bool:
        """Ask for an edit of the output layer or the loss, saying what came along with it."""
        also = [self._also_text(what, value) for what, value in choice.also]
        if also:
            description += " (" + ", ".join(also) + ")"
        done = self._request(description, self._output_hint(choice.network), network=choice.network)
        if done and also:
            self._show_message(translate("NetworkForm", "Also changed, so that the output, the loss and the targets "
                                                        "fit together: {changes}.").format(changes=", ".join(also)),
                               error=False)
        return done

    @staticmethod
    def _also_text(what: str, value: object) -> str:
        if what == "units":
            text = (translate("NetworkForm", "the output layer to {n} units (one-hot targets)") if value != 1 else
                    translate("NetworkForm", "the output layer to 1 unit (0/1 targets)"))
            return text.format(n=value)
        if what == "activation":
            return translate("NetworkForm", "the output activation to {name}").format(name=activation_label(str(value)))
        return translate("NetworkForm", "the loss to {loss}").format(loss=loss_label(str(value)))

    def _output_hint(self, network: NetworkSpec) -> str:
        """How to get what was asked, for a refused output or loss edit."""
        assert self.project is not None
        out = network.layers[-1]
        if get_activation(out.activation).name == "softmax" and out.units < 2:
            return translate("NetworkForm", "Softmax gives one probability per class (one-hot targets, 2 or "
                                            "more units); these targets are single values, so choose class data on the "
                                            "Data tab, or keep a sigmoid or linear output with ½‖y − a‖².")
        if get_loss(network.loss).fused_with is not None:
            return translate("NetworkForm", "{loss} compares probabilities with class targets between 0 and 1; for "
                                            "these targets choose ½‖y − a‖², or choose class data on the Data tab."
                             ).format(loss=loss_label(network.loss))
        return ""

    # ----- hidden layers ---------------------------------------------------------------------
    def add_hidden_layer(self) -> bool | None:
        """A hidden layer just before the output layer, like the last hidden one."""
        if self.project is None:
            return None
        layers = list(self.project.network.layers)
        layers.insert(len(layers) - 1, layers[-2] if len(layers) > 1 else NEW_LAYER)
        return self._request(translate("NetworkForm", "Add hidden layer {l}").format(l=len(layers) - 1),
                             network=self._network_with(layers))

    def insert_hidden_layer(self, index: int) -> bool | None:
        """Insert a hidden layer so that it becomes layer ``index`` (1 … L; the output layer stays last)."""
        if self.project is None or not 1 <= index <= self.project.network.depth:
            return None
        layers = list(self.project.network.layers)
        template = layers[index - 2] if index >= 2 else (layers[0] if len(layers) > 1 else NEW_LAYER)
        layers.insert(index - 1, template)
        return self._request(translate("NetworkForm", "Insert hidden layer {l}").format(l=index),
                             network=self._network_with(layers))

    def remove_hidden_layer(self, l: int) -> bool | None:
        if self.project is None or not 1 <= l <= self.project.network.depth:
            return None
        if l == self.project.network.depth:
            self._refuse(translate("NetworkForm", "the output layer cannot be removed."), translate(
                "NetworkForm", "Remove a hidden layer instead (its ✕ button), or change the output's units."))
            return False
        layers = list(self.project.network.layers)
        del layers[l - 1]
        return self._request(translate("NetworkForm", "Remove layer {l}").format(l=l),
                             network=self._network_with(layers))

    def move_hidden_layer(self, l: int, step: int) -> bool | None:
        if self.project is None:
            return None
        layers, k = list(self.project.network.layers), l + step
        if not (1 <= l < len(layers) and 1 <= k < len(layers)):
            return None  # hidden layers move among themselves; the output layer stays last
        layers[l - 1], layers[k - 1] = layers[k - 1], layers[l - 1]
        text = translate("NetworkForm", "Move layer {l} up") if step < 0 else translate("NetworkForm",
                                                                                          "Move layer {l} down")
        return self._request(text.format(l=l), network=self._network_with(layers))
