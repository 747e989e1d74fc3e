"""The matrix panel's boxes, each handed once to the docks that wire it (its clicks, its title): the panel builds
a layer's page when it is first shown, so new boxes are looked for once per state, for every dock at once."""

from __future__ import annotations

from collections.abc import Callable

from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.matrices.matrix_view import MatrixView
from bpstudio.session.view_state import ViewState

SEEN = "bpstudio_box_seen"  # a box's property: handed out already


class NewBoxes:
    def __init__(self, matrices: MatrixPanel) -> None:
        self.matrices = matrices
        self.wirers: list[Callable[[MatrixView], None]] = []

    def set_state(self, state: ViewState) -> None:
        for box in self.matrices.findChildren(MatrixView):  # the boxes of pages built since the last state
            if not box.property(SEEN):
                box.setProperty(SEEN, True)
                for wire in self.wirers:
                    wire(box)
