"""The seven boxes of one layer — W, b, z, a, δ, ∂L/∂W, ∂L/∂b — in a grid. The matrix panel keeps one
grid per layer, so following the stepper from layer to layer only switches pages: each box keeps its
shape, its image ranges and axes, and is merely refilled."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from bpstudio.app.widgets.app_settings import DEFAULT_PRECISION
from bpstudio.engine.backprop import Plan
from bpstudio.session.view_state import ViewState

from .box_room import PER_SAMPLE, BoxRoom
from .matrix_view import MatrixView

# (row, column, rows, columns) in a 6-row grid. Parameters over their gradients on the left (W over
# ∂L/∂W, b over ∂L/∂b); the per-sample (nˡ, m) matrices z, a, δ stacked on the right, where a wide
# batch has the most room
GRID = {"W": (0, 0, 3, 1), "dW": (3, 0, 3, 1), "b": (0, 1, 3, 1), "db": (3, 1, 3, 1),
        "z": (0, 2, 2, 1), "a": (2, 2, 2, 1), "delta": (4, 2, 2, 1)}
# the row convention's batch matrices are (m, nˡ): tall, so z, a, δ stand side by side, each the full height
ROW_GRID = {"W": (0, 0, 3, 1), "dW": (3, 0, 3, 1), "b": (0, 1, 3, 1), "db": (3, 1, 3, 1),
            "z": (0, 2, 6, 1), "a": (0, 3, 6, 1), "delta": (0, 4, 6, 1)}
GRID_COLUMNS, GRID_ROWS = 3, 6
MIN_BOX_WIDTH = 150


class MatrixGrid(QWidget):
    """All quantities of layer ``layer``; ``hovered`` and ``entryActivated`` come from its boxes."""

    hovered = Signal(str)
    entryActivated = Signal(str, int, int, int)  # quantity, layer, row, col

    def __init__(self, layer: int, precision: int = DEFAULT_PRECISION, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.views: dict[str, MatrixView] = {}
        self._needs: list[int] = []
        self._heights: list[int] = []
        self._room = BoxRoom()  # what each box asks for, steady while stepping
        self._places = GRID  # GRID in the column convention, ROW_GRID in the row one
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for q, (r, c, rows, cols) in GRID.items():
            view = MatrixView(q)
            # the column stretch, set from what each column's tables need, decides the widths
            policy = view.sizePolicy()  # (keeping its room while hidden: see state_steps)
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            policy.setVerticalPolicy(QSizePolicy.Policy.Expanding)
            view.setSizePolicy(policy)
            view.model.set_precision(precision)
            view.hovered.connect(self.hovered)
            view.entryActivated.connect(self.entryActivated)
            self.views[q] = view
            grid.addWidget(view, r, c, rows, cols)
        for r in range(GRID_ROWS):
            grid.setRowStretch(r, 1)
        self._grid = grid

    def set_state(self, state: ViewState, plan: Plan | None = None) -> None:
        plan = plan or state.plan
        self._room.batch_size = state.project.training.batch_size
        for view in self.views.values():
            view.set_state(state, self.layer, plan)
        self.share_width()

    def state_steps(self, state: ViewState, shown: Callable[[], bool], show: Callable[[], None],
                    superseded: Callable[[], bool]) -> Iterator[None]:
        """``set_state`` one box per step; if the page is not ``shown``, its boxes are filled while hidden, it is
        shown (``show``) with its boxes hidden (their room kept), and they show one per step. Given up when
        ``superseded`` (another mode, or a state shown at once); a box is never left hidden."""
        boxes = list(self.views.values())
        self._room.batch_size = state.project.training.batch_size
        for view in boxes:
            view.set_state(state, self.layer, state.plan)
            yield
            if superseded():
                return
        self.share_width()
        if not shown():
            for view in boxes:
                view.hide()
            show()
            yield
        for view in boxes:
            if superseded():
                break
            if view.isHidden():
                view.show()
                yield
        for view in boxes:
            view.show()

    def set_notation(self, notation: str) -> None:
        """"column" or "row" for every box; the row convention stands the tall z, a, δ side by side."""
        for view in self.views.values():
            view.set_notation(notation)
        places = ROW_GRID if notation == "row" else GRID
        if places is not self._places:
            for view in self.views.values():
                self._grid.removeWidget(view)
            for c in range(max(GRID_COLUMNS, len({p[1] for p in ROW_GRID.values()}))):
                self._grid.setColumnStretch(c, 0)
                self._grid.setColumnMinimumWidth(c, 0)
            self._places = places
            for q, (r, c, rows, cols) in places.items():
                self._grid.addWidget(self.views[q], r, c, rows, cols)
            self._needs = []
        self.share_width()

    def set_precision(self, precision: int) -> None:
        for view in self.views.values():
            view.set_precision(precision)
        self.share_width()

    def share_width(self) -> None:
        """Each column as wide as its tables need (titles elide), the widest column taking what is
        left: a 2 × 2 W and a 2 × 1 b stay narrow so the batch matrices z, a, δ show whole."""
        places = self._places
        columns = 1 + max(c for _, c, _, _ in places.values())
        needs = [0] * columns
        room = {q: self._room.of(v) for q, v in self.views.items()}
        for q, (_, c, _, _) in places.items():
            needs[c] = max(needs[c], room[q][0], MIN_BOX_WIDTH // 2)
        heights = [h for _, h in room.values()]
        if needs == self._needs and heights == self._heights:
            return  # setting the same sizes again would still lay everything out again
        self._needs, self._heights = needs, heights
        widest = {max(range(columns), key=needs.__getitem__)}
        if places is ROW_GRID:  # z, a, δ share what is left, side by side
            widest = {c for q, (_, c, _, _) in places.items() if q in PER_SAMPLE}
        for q, (_, c, _, _) in places.items():
            self.views[q].setMinimumWidth(min(needs[c], MIN_BOX_WIDTH))
            self.views[q].setMinimumHeight(room[q][1])
        for c, need in enumerate(needs):
            if c in widest:
                self._grid.setColumnMinimumWidth(c, min(need, MIN_BOX_WIDTH))
                self._grid.setColumnStretch(c, 1)
            else:  # exactly what it needs, as long as that leaves the widest column a fair share
                self._grid.setColumnMinimumWidth(c, min(need, 2 * MIN_BOX_WIDTH))
                self._grid.setColumnStretch(c, 0)



if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(lambda: MatrixGrid(1))
