"""The network form's "Starting weights" and "Training" sections: how W starts, and η, m, epochs, seed,
shuffling, the optimizer (``optimizer_fields``: SGD with momentum, RMSProp, Adam) and L2 decay.

It shows a project's values and asks for a change with ``editRequested(description, parts)``, the parts
as ``project_edits.edit_project`` takes them; a typed value that cannot be used is ``refused(reason)``.
The form checks and requests; texts keep the form's translation context.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import (
    add_items,
    fill,
    growing_form,
    shrinkable_combo,
    spin_box,
    titled_section,
    typed_number,
)
from bpstudio.app.widgets.network_labels import INIT_ORDER, init_label, init_tip
from bpstudio.engine import Project, TrainingSpec
from bpstudio.engine.text.indices import format_value

from .optimizer_fields import OptimizerFields

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def _double_box(low: float, high: float, decimals: int, step: float, tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(decimals)  # first: the range is rounded to the decimals
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setKeyboardTracking(False)  # one edit per value entered, not one per digit typed
    box.setToolTip(tip)
    return box


class HyperParameters(QWidget):
    editRequested = Signal(str, object)  # (description for the undo stack, {part: value} for edit_project)
    refused = Signal(str)  # why a typed value cannot be used

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._samples = 0
        self._updating = False  # set while a project is shown: nothing is requested then
        self.forms: list[QFormLayout] = []
        fill(QVBoxLayout(self), self._build_init_group(), self._build_training_group(), margins=(0, 0, 0, 0))

    def _section(self, title: str) -> tuple[QWidget, QFormLayout]:
        group, layout = titled_section(title)
        form = growing_form()
        layout.addLayout(form)
        self.forms.append(form)
        return group, form

    def _build_init_group(self) -> QWidget:
        group, form = self._section(translate("NetworkForm", "Starting weights"))
        self.init_box = shrinkable_combo()
        self.init_box.setToolTip(translate("NetworkForm",
            "How W starts; biases start at 0. Random draws are seeded by the seed below.\n"
            "xavier: Wˡ ~ U(±√(6/(nˡ⁻¹+nˡ))).  he: Wˡ ~ N(0, 2/nˡ⁻¹).  small uniform: Wˡ ~ U(−scale, +scale).  "
            "zeros: Wˡ = 0.\nexplicit is offered only when the project holds its own starting weights."))
        self.init_box.currentIndexChanged.connect(self._init_edited)
        form.addRow(translate("NetworkForm", "&Initialiser"), self.init_box)
        self.scale_box = _double_box(0.0001, 100.0, 4, 0.01, translate("NetworkForm",
            "The half-width of small uniform: Wˡ ~ U(−scale, +scale). Only small uniform uses it."))
        self.scale_box.valueChanged.connect(self._scale_edited)
        form.addRow(translate("NetworkForm", "S&cale"), self.scale_box)
        return group

    def _build_training_group(self) -> QWidget:
        group, form = self._section(translate("NetworkForm", "Training"))
        self.learning_rate_box = QLineEdit()
        self.learning_rate_box.setToolTip(translate("NetworkForm",
            "η, the learning rate, a number > 0. Every update does W ← W − η ∂L/∂W and b ← b − η ∂L/∂b.\n"
            "Too small and the loss falls slowly; too large and it jumps about or grows. Press Enter to apply."))
        self.learning_rate_box.editingFinished.connect(lambda: self._typed(
            self.learning_rate_box, "learning_rate", lambda v: v > 0, translate("NetworkForm",
                "the learning rate η must be a finite number greater than 0, such as 0.5 or 1e-3 (not “{text}”)."),
            lambda v: translate("NetworkForm", "Set learning rate to {eta}").format(eta=v)))
        form.addRow(translate("NetworkForm", "Learning &rate η"), self.learning_rate_box)

        self.batch_size_box = spin_box(0)
        self.batch_size_box.setSpecialValueText(translate("NetworkForm", "full batch"))
        self.batch_size_box.valueChanged.connect(lambda m: self._set("batch_size", m, translate(
            "NetworkForm", "Use the full batch") if m == 0 else translate(
            "NetworkForm", "Set batch size to {m}").format(m=m)))
        form.addRow(translate("NetworkForm", "&Batch size m"), self.batch_size_box)

        self.epochs_box = spin_box(1)
        self.epochs_box.valueChanged.connect(lambda n: self._set(
            "epochs", n, translate("NetworkForm", "Set epochs to {n}").format(n=n)))
        form.addRow(translate("NetworkForm", "E&pochs"), self.epochs_box)

        self.seed_box = spin_box(0, tip=translate("NetworkForm",
            "Seeds the random starting weights (unused with explicit weights) and the order of the samples in "
            "each epoch. The same seed gives a bit-identical run."))
        self.seed_box.valueChanged.connect(lambda seed: self._set(
            "seed", seed, translate("NetworkForm", "Set seed to {seed}").format(seed=seed)))
        form.addRow(translate("NetworkForm", "See&d"), self.seed_box)
        for box in (self.batch_size_box, self.epochs_box, self.seed_box):
            box.setKeyboardTracking(False)

        self.shuffle_box = QCheckBox(translate("NetworkForm", "Shuffle ever&y epoch"))
        self.shuffle_box.setToolTip(translate("NetworkForm",
            "Reshuffle the samples at the start of every epoch, so the mini-batches differ from epoch to epoch. "
            "The full batch is never shuffled (its mean does not depend on the order)."))
        self.shuffle_box.toggled.connect(lambda on: self._set("shuffle", on, translate(
            "NetworkForm", "Turn shuffling on") if on else translate("NetworkForm", "Turn shuffling off")))
        form.addRow(self.shuffle_box)

        self.momentum_box = _double_box(0.0, 0.999, 3, 0.05, translate("NetworkForm",
            "μ, momentum, from 0 up to (not including) 1. Each update keeps a velocity per weight:\n"
            "v ← μv − η(∂L/∂W + λW),  W ← W + v  (v starts at 0).\n"
            "The steps accumulate along directions the gradient keeps pointing to, which speeds up long valleys. "
            "0 is plain gradient descent, W ← W − η ∂L/∂W."))
        self.momentum_box.valueChanged.connect(lambda mu: self._set("momentum", float(mu), translate(
            "NetworkForm", "Set momentum to {mu}").format(mu=format_value(mu))))
        form.addRow(translate("NetworkForm", "&Momentum μ"), self.momentum_box)
        self.optimizer = OptimizerFields(form, self.momentum_box, self._typed, self._set_training)
        self.optimizer_box = self.optimizer.box

        self.l2_box = QLineEdit()
        self.l2_box.setToolTip(translate("NetworkForm",
            "λ, L2 weight decay, a number ≥ 0. The loss gets (λ/2)‖W‖² added, so each update uses ∂L/∂W + λW "
            "and pulls every weight towards 0 (biases are not decayed). The panels show BP4's ∂L/∂W and the "
            "loss curves show the data loss, both without the λ term. 0 turns it off. Press Enter to apply."))
        self.l2_box.editingFinished.connect(lambda: self._typed(
            self.l2_box, "l2", lambda v: v >= 0, translate("NetworkForm",
                "the L2 decay λ must be a finite number ≥ 0, such as 0 or 1e-4 (not “{text}”)."),
            lambda v: translate("NetworkForm", "Set L2 decay to {lam}").format(lam=v)))
        form.addRow(translate("NetworkForm", "L&2 decay λ"), self.l2_box)
        return group

    # ----- showing ----------------------------------------------------------------------
    def show_project(self, project: Project, samples: int) -> None:
        """Put the project's values into the controls, requesting nothing (``samples``: N of its data)."""
        self._project, self._samples = project, samples
        self._updating = True
        try:
            self._show_init(project)
            self._show_training(project)
        finally:
            self._updating = False

    def _show_init(self, project: Project) -> None:
        self.init_box.clear()
        add_items(self.init_box, [(init_label(name), name, init_tip(name)) for name in INIT_ORDER
                                  if name != "explicit" or project.parameters is not None])
        method = _effective_init(project)
        self.init_box.setCurrentIndex(max(0, self.init_box.findData(method)))
        self.scale_box.setValue(project.init.scale)
        self.scale_box.setEnabled(method == "small_uniform")

    def _show_training(self, project: Project) -> None:
        training = project.training
        self.learning_rate_box.setText(format_value(training.learning_rate))
        self.learning_rate_box.setCursorPosition(0)
        self.batch_size_box.setValue(training.batch_size)
        self.epochs_box.setValue(training.epochs)
        self.seed_box.setValue(training.seed)
        self.shuffle_box.setChecked(training.shuffle)
        self.momentum_box.setValue(training.momentum)
        self.optimizer.show(training)
        self.l2_box.setText(format_value(training.l2))
        self.l2_box.setCursorPosition(0)
        n = self._samples
        self.batch_size_box.setToolTip(translate("NetworkForm",
            "m, the samples per iteration (this data has N = {n}). The batch loss is the mean over its m "
            "samples, L = (1/m) Σᵢ Lᵢ, and ∂L/∂Wˡ = (1/m) δˡ (Aˡ⁻¹)ᵀ, while δ stays per sample.\n"
            "1 = stochastic gradient descent; full batch (0, or any m ≥ N) = all N samples every iteration."
        ).format(n=n))
        m = training.batch_size if 0 < training.batch_size < n else n
        self.epochs_box.setToolTip(translate("NetworkForm",
            "How many epochs a training run takes. One epoch passes over every sample once: ⌈N / m⌉ = {k} "
            "iteration(s) here."
        ).format(k=math.ceil(n / m) if m else 1))

    # ----- requesting -------------------------------------------------------------------
    def _init_edited(self) -> None:
        if self._updating or self._project is None:
            return
        name = self.init_box.currentData()
        if name is None or name == _effective_init(self._project):
            return
        self.editRequested.emit(translate("NetworkForm", "Set initialiser to {method}").format(
            method=init_label(name)), {"init": replace(self._project.init, method=name), "drop_parameters": True})

    def _scale_edited(self, value: float) -> None:
        if self._updating or self._project is None or value == self._project.init.scale:
            return
        self.editRequested.emit(translate("NetworkForm", "Set initialiser scale to {scale}").format(
            scale=format_value(value)), {"init": replace(self._project.init, scale=float(value))})

    def _set(self, field: str, value: Any, description: str) -> None:
        """Ask for ``training.<field> = value``, unless the project has that value already."""
        if self._updating or self._project is None or value == getattr(self._project.training, field):
            return
        self.editRequested.emit(description, {"training": replace(self._project.training, **{field: value})})

    def _set_training(self, description: str, training: TrainingSpec) -> None:
        if not self._updating and self._project is not None and training != self._project.training:
            self.editRequested.emit(description, {"training": training})

    def _typed(self, box: QLineEdit, field: str, ok: Callable[[float], bool], refusal: str,
               description: Callable[[str], str]) -> None:
        """A number typed into ``box`` for ``training.<field>``: refused with ``refusal`` unless ``ok``."""
        if self._updating or self._project is None or not box.isModified():
            return
        box.setModified(False)  # Enter and then leaving the box finish one edit, not two
        text = box.text()
        value = typed_number(text)
        if not (math.isfinite(value) and ok(value)):
            self.refused.emit(refusal.format(text=text))
        elif value == getattr(self._project.training, field):
            self.show_project(self._project, self._samples)  # "0.50" is shown as 0.5 again
        else:
            self._set(field, value, description(format_value(value)))


def _effective_init(project: Project) -> str:
    return "explicit" if project.parameters is not None else project.init.method  # weights win (formats.md)
