"""The Digits dock: the first layer's weights as 8×8 pictures, live, and a pad to draw a digit and step it.

Shown for a network whose inputs are an 8×8 image (64 inputs, as the handwritten digits); any other network gets
a line saying so. "Step this digit" asks for the project with the drawing as its only sample and the weights of
now (``session.drawn_sample``): the panels then show that sample, stepped by the engine; Ctrl+Z undoes it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from bpstudio.app.widgets.form_fields import fill, section_title, wrapped_label
from bpstudio.app.widgets.styles import HINT_STYLE
from bpstudio.engine import ValidationError
from bpstudio.engine.builtin_datasets import image_shape
from bpstudio.session.drawn_sample import INK, drawn_pixels, drawn_project
from bpstudio.session.view_state import ViewState

from .digit_pad import DigitPad
from .weight_pictures import WeightPictures


class DigitsView(QWidget):
    """``set_state`` draws W¹'s pictures (when visible); ``projectEditRequested`` carries a drawn digit."""

    projectEditRequested = Signal(object, str)  # (the project with the drawn sample, the undo text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitsView")
        self.state: ViewState | None = None
        self._drawn_for: object = None  # the data the pad last showed
        self._stale = False
        self.note = wrapped_label(name="digitsNote", style=HINT_STYLE)
        self.weights_title = section_title(self.tr("First-layer weights, one picture per hidden unit"), self.tr(
            "Row i of W¹ holds unit i's 64 weights, one per input pixel: drawn as the 8×8 image they weigh. "
            "Red: ink there raises the unit's z; blue: lowers it. Watch them while training."))
        self.weights_title.setWordWrap(True)
        self.pictures = WeightPictures()
        self.scale_label = wrapped_label(style=HINT_STYLE)
        self.per_unit_box = QCheckBox(self.tr("Own scale per picture"))
        self.per_unit_box.setToolTip(self.tr("Off: one colour scale for every picture, as the W¹ panel's, so they "
                                             "compare. On: each picture from its own −max|w| to +max|w|, which shows "
                                             "the pattern of a unit whose weights are small."))
        self.per_unit_box.toggled.connect(self._per_unit_toggled)
        self.pad = DigitPad()
        self.digit_box = QSpinBox()
        self.digit_box.setRange(0, 9)
        self.digit_box.setPrefix(self.tr("y = "))
        self.digit_box.setToolTip(self.tr("The digit you drew: the target y (one-hot) for the loss and the "
                                          "backward pass."))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Blank every pixel of the pad."))
        self.clear_button.clicked.connect(self.pad.clear)
        self.take_button = QPushButton(self.tr("Take sample 1"))
        self.take_button.setToolTip(self.tr("Copy the first sample the panels show (column #1 of the batch) onto "
                                            "the pad, with its digit y: change it, then step it."))
        self.take_button.clicked.connect(self.take_sample)
        self.use_button = QPushButton(self.tr("Step this digit"))
        self.use_button.setToolTip(self.tr(
            "Make the drawing the only sample, with the network's weights of now: step it forward and backward "
            "with the step keys (F11) and watch every panel. The data and the training come back with Ctrl+Z."))
        self.use_button.clicked.connect(self.use_drawing)
        self.pad_note = wrapped_label(style=HINT_STYLE)
        pad_side = QVBoxLayout()
        fill(pad_side, self.digit_box, self.clear_button, self.take_button, self.use_button, (None, 1),
             margins=(0, 0, 0, 0))
        pad_row = fill(QHBoxLayout(), self.pad, pad_side, (None, 1), margins=(0, 0, 0, 0))
        self.pad_title = section_title(self.tr("Draw a digit"), self.pad.toolTip())
        fill(QVBoxLayout(self), self.note, self.weights_title, self.pictures, self.scale_label, self.per_unit_box,
             self.pad_title,
             pad_row, self.pad_note, (None, 1), margins=(6, 4, 6, 6))
        self.pad_note.setText(self.tr("Draw, choose the digit y, then Step this digit: it becomes the sample the "
                                      "panels show. Ctrl+Z gives back the data and the training."))

    def set_state(self, state: ViewState) -> None:
        self.state = state
        if not self.isVisible():
            self._stale = True  # drawn when shown: a hidden dock costs nothing during a run
            return
        self._stale = False
        project = state.project
        net = project.network
        shape = image_shape(net.input_size)
        for widget in (self.weights_title, self.pictures, self.scale_label, self.per_unit_box, self.pad_title,
                       self.pad, self.digit_box, self.clear_button, self.take_button, self.use_button,
                       self.pad_note):
            widget.setVisible(shape is not None)
        self.note.setVisible(shape is None)
        if shape is None:
            self.note.setText(self.tr("Weight pictures and the drawing pad are for a network whose inputs are an "
                                      "8×8 image: 64 inputs, such as the handwritten digits (Data tab, or File ▸ "
                                      "Open example). This network has {n} inputs.").format(n=net.input_size))
            return
        weights = state.snapshot.get("W", 1)
        assert weights is not None
        self.pictures.set_weights(weights, shape)
        self._show_scale()
        self.digit_box.setMaximum(net.layers[-1].units - 1)
        if project.data is not self._drawn_for:
            self._drawn_for = project.data
            drawn = drawn_pixels(project)
            if drawn is not None:  # a drawn digit's project (after undo and redo too): the pad shows it
                self.pad.set_pixels(drawn)
                self.digit_box.setValue(int(np.argmax(project.data["y"][0])))

    def _per_unit_toggled(self, on: bool) -> None:
        self.pictures.set_per_unit(on)
        self._show_scale()

    def _show_scale(self) -> None:
        units = len(self.pictures.pictures())
        if self.pictures.per_unit:
            self.scale_label.setText(self.tr("{units} units of layer 1 · each picture from −max|w| (blue) to "
                                             "+max|w| (red) of its own row").format(units=units))
        else:
            self.scale_label.setText(self.tr("{units} units of layer 1 · colours from −{limit} (blue) to +{limit} "
                                             "(red), the W¹ panel's scale").format(
                units=units, limit=f"{self.pictures.limit:.3g}"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale and self.state is not None:
            self.set_state(self.state)

    def take_sample(self) -> None:
        """The pad shows sample #1 of the batch shown: its inputs × 16, rounded to whole pixels."""
        if self.state is None:
            return
        arrays = self.state.snapshot.arrays
        self.pad.set_pixels(np.clip(np.rint(arrays["input"][:, 0] * INK), 0, INK).astype(int).tolist())
        self.digit_box.setValue(int(np.argmax(arrays["target"][:, 0])))

    def use_drawing(self) -> None:
        """Ask for the project whose only sample is the drawing (explained here when it cannot be)."""
        if self.state is None:
            return
        try:
            project = drawn_project(self.state.project, self.state.snapshot, self.pad.pixels(),
                                    self.digit_box.value())
        except ValidationError as exc:
            self.pad_note.setText(str(exc))
            return
        self.projectEditRequested.emit(project, self.tr("Step a drawn {digit}").format(digit=self.digit_box.value()))
