"""One quantity of every layer side by side — W¹, W², W³ … — the matrix panel's "across layers" page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from bpstudio.engine.backprop import Plan
from bpstudio.session.view_state import ViewState

from .box_room import BoxRoom
from .matrix_grid import MIN_BOX_WIDTH
from .matrix_view import MatrixView


class AcrossLayers(QWidget):
    """``views[l - 1]`` shows layer l; ``hovered`` and ``entryActivated`` come from the boxes."""

    hovered = Signal(str)
    entryActivated = Signal(str, int, int, int)  # quantity, layer, row, col

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: list[MatrixView] = []
        self._key: tuple[str, int] | None = None
        self._room = BoxRoom()  # what each box asks for, steady while stepping
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(4)

    def show_quantity(self, quantity: str, depth: int, precision: int, notation: str) -> None:
        """A box of ``quantity`` for each of ``depth`` layers (the boxes stay while both stay)."""
        if self._key == (quantity, depth):
            return
        for view in self.views:
            self._grid.removeWidget(view)
            view.deleteLater()
        self.views = []
        for c in range(depth):
            view = MatrixView(quantity)
            view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            view.model.set_precision(precision)
            view.set_notation(notation)
            view.hovered.connect(self.hovered)
            view.entryActivated.connect(self.entryActivated)
            self.views.append(view)
            self._grid.addWidget(view, 0, c)
            self._grid.setColumnStretch(c, 1)
            view.show()  # added to a visible page, a widget would otherwise appear only after the event loop
        for c in range(depth, self._grid.columnCount()):
            self._grid.setColumnStretch(c, 0)
        self._key = (quantity, depth)

    def set_state(self, state: ViewState, plan: Plan) -> None:
        for l, view in enumerate(self.views, start=1):
            view.set_state(state, l, plan)
        self.share_width()

    def share_width(self) -> None:
        """Each layer's box as wide as its table needs, in proportion when there is less room: a narrow W¹ beside
        a wide W² leaves no empty half while the other scrolls sideways. As tall as its rows need."""
        for c, view in enumerate(self.views):
            width, height = self._room.of(view)
            need = max(width, MIN_BOX_WIDTH // 2)
            self._grid.setColumnStretch(c, need)
            self._grid.setColumnMinimumWidth(c, min(need, MIN_BOX_WIDTH))
            view.setMinimumHeight(height)

    def set_notation(self, notation: str) -> None:
        for view in self.views:
            view.set_notation(notation)
        self.share_width()

    def set_precision(self, precision: int) -> None:
        for view in self.views:
            view.set_precision(precision)
        self.share_width()
