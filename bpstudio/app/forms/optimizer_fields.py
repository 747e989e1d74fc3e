"""The Training section's optimizer rows: SGD (with the momentum row), RMSProp (α, ε) or Adam (β₁, β₂, ε).

Only the rows of the chosen optimizer are shown. Choosing RMSProp or Adam sets μ to 0 (momentum is SGD's; Adam's
β₁ plays its part). Typed values are checked here (β and α from 0 up to 1, ε > 0) and a bad one is refused with a
message; the project keeps its value. Defaults are PyTorch's (β₁ 0.9, β₂ 0.999, α 0.99, ε 1e-8).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from bpstudio.app.widgets.form_fields import add_items, shrinkable_combo
from bpstudio.engine import TrainingSpec
from bpstudio.engine.text.indices import format_value

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

Typed = Callable[[QLineEdit, str, Callable[[float], bool], str, Callable[[str], str]], None]


def optimizer_label(name: str) -> str:
    return {"sgd": translate("NetworkForm", "SGD (gradient descent)"), "rmsprop": translate("NetworkForm", "RMSProp"),
            "adam": translate("NetworkForm", "Adam")}[name]


class OptimizerFields:
    """Adds the optimizer combo and the rows of β₁, β₂, α and ε to ``form``, around the ``momentum`` row."""

    def __init__(self, form: QFormLayout, momentum: QWidget, typed: Typed,
                 request: Callable[[str, TrainingSpec], None]) -> None:
        self._form, self._momentum, self._request = form, momentum, request
        self._training: TrainingSpec | None = None
        self.box = shrinkable_combo()
        add_items(self.box, [(optimizer_label("sgd"), "sgd", translate("NetworkForm",
                                  "W ← W − η ∂L/∂W, with momentum μ when μ > 0: v ← μv − η∂L/∂W, W ← W + v.")),
                             (optimizer_label("rmsprop"), "rmsprop", translate("NetworkForm",
                                  "s ← αs + (1 − α)g²,  W ← W − η g / (√s + ε): each weight's step is divided by the "
                                  "root mean square of its recent gradients.")),
                             (optimizer_label("adam"), "adam", translate("NetworkForm",
                                  "v ← β₁v + (1 − β₁)g,  s ← β₂s + (1 − β₂)g²,  W ← W − η v̂ / (√ŝ + ε) with the bias "
                                  "corrections v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ): momentum and RMSProp together."))])
        self.box.setToolTip(translate("NetworkForm",
            "How each update uses the gradient g = ∂L/∂W + λW (the biases' g is ∂L/∂b). SGD is plain gradient "
            "descent (with momentum μ if set); RMSProp divides each step by the root mean square of recent "
            "gradients; Adam adds momentum to that. The same rules as torch.optim.SGD, RMSprop and Adam.\n"
            "RMSProp and Adam take much smaller learning rates than plain descent (such as 0.001 to 0.01)."))
        self.box.currentIndexChanged.connect(self._chosen)
        row = form.rowCount() - 1  # the momentum row, the last one so far
        form.insertRow(row, translate("NetworkForm", "Optimizer"), self.box)
        self._next_row = row + 2  # the rows below go under the momentum row
        beta = translate("NetworkForm", "{name} must be a finite number from 0 up to (not including) 1, such as "
                                        "{example} (not “{{text}}”).")
        self.beta1_box = self._row(typed, "beta1", translate("NetworkForm", "Adam β₁"), translate("NetworkForm",
            "β₁, the decay of Adam's mean of gradients v ← β₁v + (1 − β₁)g, from 0 up to 1 (PyTorch's default 0.9). "
            "Press Enter to apply."), lambda v: 0 <= v < 1, beta.format(name="β₁", example="0.9"),
            lambda v: translate("NetworkForm", "Set Adam β₁ to {value}").format(value=v))
        self.beta2_box = self._row(typed, "beta2", translate("NetworkForm", "Adam β₂"), translate("NetworkForm",
            "β₂, the decay of Adam's mean of squared gradients s ← β₂s + (1 − β₂)g², from 0 up to 1 (PyTorch's "
            "default 0.999). Press Enter to apply."), lambda v: 0 <= v < 1, beta.format(name="β₂", example="0.999"),
            lambda v: translate("NetworkForm", "Set Adam β₂ to {value}").format(value=v))
        self.alpha_box = self._row(typed, "alpha", translate("NetworkForm", "RMSProp α"), translate("NetworkForm",
            "α, the decay of RMSProp's mean of squared gradients s ← αs + (1 − α)g², from 0 up to 1 (PyTorch's "
            "default 0.99; Ng's course calls it β). Press Enter to apply."), lambda v: 0 <= v < 1,
            beta.format(name="α", example="0.99"),
            lambda v: translate("NetworkForm", "Set RMSProp α to {value}").format(value=v))
        self.eps_box = self._row(typed, "eps", translate("NetworkForm", "Epsilon ε"), translate("NetworkForm",
            "ε, added to √s so that a weight whose gradients were all 0 is not divided by 0; a number > 0 "
            "(PyTorch's default 1e-8). Press Enter to apply."), lambda v: v > 0, translate("NetworkForm",
                "ε must be a finite number greater than 0, such as 1e-8 (not “{text}”)."),
            lambda v: translate("NetworkForm", "Set ε to {value}").format(value=v))
        QWidget.setTabOrder(self.box, momentum)  # Tab goes down the rows as they are on screen

    def _row(self, typed: Typed, field: str, label: str, tip: str, ok: Callable[[float], bool], refusal: str,
             description: Callable[[str], str]) -> QLineEdit:
        box = QLineEdit()
        box.setToolTip(tip)
        box.editingFinished.connect(lambda: typed(box, field, ok, refusal, description))
        self._form.insertRow(self._next_row, label, box)
        self._next_row += 1
        return box

    def show(self, training: TrainingSpec) -> None:
        """The project's values (the caller blocks requests while it shows them); only the chosen one's rows."""
        self._training = training
        self.box.setCurrentIndex(max(0, self.box.findData(training.optimizer)))
        for box, value in ((self.beta1_box, training.beta1), (self.beta2_box, training.beta2),
                           (self.alpha_box, training.alpha), (self.eps_box, training.eps)):
            box.setText(format_value(value))
            box.setCursorPosition(0)
        name = training.optimizer
        for widget, shown in ((self._momentum, name == "sgd"), (self.beta1_box, name == "adam"),
                              (self.beta2_box, name == "adam"), (self.alpha_box, name == "rmsprop"),
                              (self.eps_box, name != "sgd")):
            self._form.setRowVisible(widget, shown)

    def _chosen(self) -> None:
        name, t = self.box.currentData(), self._training
        if t is None or name is None or name == t.optimizer:
            return
        changed = replace(t, optimizer=name, momentum=t.momentum if name == "sgd" else 0.0)
        self._request(translate("NetworkForm", "Use the optimizer {name}").format(name=optimizer_label(name)), changed)
