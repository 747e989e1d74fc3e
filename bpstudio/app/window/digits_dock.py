"""The Digits dock (weight pictures and the drawing pad), tabbed with the Equations; it comes forward by itself
when a project whose inputs are an 8×8 image arrives, and View ▸ Digits shows it at any time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.matrices.digits_view import DigitsView
from bpstudio.app.widgets.form_fields import scrolled
from bpstudio.engine.builtin_datasets import image_shape
from bpstudio.session.commands import EngineResult

from .window_layout import RIGHT, make_dock


class DigitsDock(QObject):
    def __init__(self, w: QMainWindow, view: DigitsView, beside: QDockWidget, controller: EngineController) -> None:
        super().__init__(w)
        self.dock = make_dock(QCoreApplication.translate("MainWindow", "Digits"), "digitsDock", scrolled(view), w)
        w.addDockWidget(RIGHT, self.dock)
        w.tabifyDockWidget(beside, self.dock)
        self.dock.hide()  # until a network with image inputs arrives, or View shows it
        self._image_inputs = False
        controller.stateChanged.connect(self._result)

    @Slot(object)
    def _result(self, result: EngineResult) -> None:
        image = image_shape(result.project.network.input_size) is not None
        if image and not self._image_inputs:
            self.dock.show()
            self.dock.raise_()
        self._image_inputs = image
