"""The note that says which two inputs the units' maps span when the data has more than two (the others held at
their means), drawn in the canvas's top right corner at the scene's scale; a click opens a menu to choose them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsView, QMenu, QToolButton

from bpstudio.app.look import presentation
from bpstudio.engine.text.indices import input_name
from bpstudio.engine.unit_fields import InputPlane

from .network_items import pixel_font


class InputsNote(QToolButton):
    """``chosen(across, up)`` (0-based inputs) when the learner picks others; ``loss_box()`` is where the canvas
    draws its loss box, in its viewport's pixels (the note sits just above it), or None."""

    chosen = Signal(int, int)

    def __init__(self, canvas: QGraphicsView, loss_box: Callable[[], QRect | None]) -> None:
        super().__init__(canvas)
        self.canvas, self.loss_box = canvas, loss_box
        self.plane: InputPlane | None = None
        self.names: tuple[str, ...] = ()
        self.setObjectName("unitMapInputs")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)  # text on the canvas, a button under the mouse
        self.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # the text ends with ▾
        self.setVisible(False)
        self._timer = QTimer(self, singleShot=True, interval=0)  # after the canvas has scaled its scene
        self._timer.timeout.connect(self.place)

    def text_for(self, plane: InputPlane | None) -> str:
        """What the note says ("" when it is not shown: no maps, or two inputs, whose plane is the picture's)."""
        if plane is None or plane.inputs == 2:
            return ""
        if plane.inputs == 1:
            return self.tr("Maps: each unit\nalong {x} →").format(x=input_name(0))
        across, up = plane.features  # (the names are in the menu and the large map: the note stays small)
        return self.tr("Maps: {across} →, {up} ↑ ▾\n{n} other inputs at their mean").format(
            across=input_name(across), up=input_name(up), n=plane.inputs - 2)

    def show_for(self, plane: InputPlane | None, names: tuple[str, ...]) -> None:
        """Say which inputs ``plane`` spans (hidden for none or two)."""
        self.plane, self.names = plane, names
        text = self.text_for(plane)
        self.setVisible(bool(text))
        if not text:
            return
        if text != self.text():
            self.setText(text)
        several = plane is not None and plane.inputs > 2
        self.setToolTip(self.tr("Each unit's map spans two inputs; the others are held at their mean over the "
                                "data. Click to choose the two inputs.") if several else "")
        if several and self.menu() is None:
            self.setMenu(QMenu(self))
            self.menu().aboutToShow.connect(self._fill_menu)
        self.schedule()

    def schedule(self) -> None:
        """Placed again once the canvas has laid out and scaled its scene (a resize, a new network)."""
        if self.isVisible():
            self._timer.start()

    def place(self) -> None:
        """Top right, just above the loss box (the corner an output layer leaves free), at the scene's scale."""
        scale = min(1.0, self.canvas.transform().m11())  # a small canvas scales its scene down: the note too
        font = pixel_font(max(11 * scale, 7 / presentation.font_scale()))  # (presentation mode: larger)
        if font != self.font():
            self.setFont(font)
        self.adjustSize()
        top = 22 * presentation.font_scale() * scale
        box = self.loss_box()
        if box is not None:
            top = max(top, box.top() - self.height() - 2)
        self.move(self.canvas.width() - self.width() - 4, round(top))

    def _fill_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        if self.plane is None:
            return
        for axis, title in ((0, self.tr("Across (→)")), (1, self.tr("Up (↑)"))):
            menu.addSection(title)
            for k in range(self.plane.inputs):
                action = menu.addAction(input_name(k, self.names))
                action.setCheckable(True)
                action.setChecked(self.plane.features[axis] == k)
                action.triggered.connect(lambda _=False, axis=axis, k=k: self.choose(axis, k))

    def choose(self, axis: int, k: int) -> None:
        """Input ``k`` on ``axis`` (0 across, 1 up); the one there before swaps places when k was the other."""
        if self.plane is None or self.plane.inputs < 2:
            return
        across, up = self.plane.features
        if axis == 0:
            across, up = k, (across if k == up else up)
        else:
            across, up = (up if k == across else across), k
        self.chosen.emit(across, up)
