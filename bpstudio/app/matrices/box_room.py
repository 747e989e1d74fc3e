"""What a matrix box asks the layout for, kept steady while the numbers change: the same box of the same shape
asks for the same room at every stage. Measured from the table as it is shown, its width and height depend on
the moment (a box not computed yet has no table; a table without a model has no row header, 41 px narrower), and
each change lays the page, the centre and the window out again and repaints every box: 30–50 ms a stage at
4 iterations a second. So the room is remembered by what fixes it (shape, precision, notation, font size), a
box not computed yet asks for what it took when it was, and a computed one never for less. The batch axis of z, a
and δ counts as the batch size set, not the batch shown: an epoch's last, smaller batch (12 of the spiral's 300
samples in batches of 32) keeps the room of a whole one rather than laying everything out twice an epoch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bpstudio.engine.text.convention import transposed

if TYPE_CHECKING:
    from .matrix_view import MatrixView

MAX_ROWS_SHOWN = 6  # a box asks for the height of this many rows at most
PER_SAMPLE = ("z", "a", "delta")  # a column (a row, transposed) per sample of the batch


class BoxRoom:
    def __init__(self) -> None:
        self._seen: dict[tuple, tuple[int, int]] = {}
        self.batch_size = 0  # the training's batch size (0: the whole set), set with each state

    def of(self, view: MatrixView) -> tuple[int, int]:
        """(width its table needs, height up to ``MAX_ROWS_SHOWN`` rows: 0 while it has never been a table)."""
        m = view.model
        array = m.array
        computed = array is not None
        shape: tuple[int | str, ...] | None = array.shape if array is not None else m.expected_shape()
        if shape is not None and m.quantity in PER_SAMPLE:
            batch = 0 if transposed(m.notation) else 1
            shape = tuple(f"batch {self.batch_size}" if i == batch else n for i, n in enumerate(shape))
        key = (id(view), m.quantity, m.layer, shape, m.precision, m.notation, view.table.font().pointSizeF())
        width, height = view.content_width(with_title=False), content_height(view)
        old = self._seen.get(key)
        if old is not None:
            width, height = (max(width, old[0]), max(height, old[1])) if computed else old
        self._seen[key] = (width, height)
        return width, height


def content_height(view: MatrixView, rows_shown: int = MAX_ROWS_SHOWN) -> int:
    """The height a box's table needs to show up to ``rows_shown`` rows whole (0: not a table yet): its title,
    header and rows; a taller matrix scrolls inside its box."""
    layout = view.layout()
    if view.mode != "table" or view.model.array is None or layout is None:
        return 0
    table = view.table
    rows = min(view.model.rowCount(), rows_shown)
    margins = layout.contentsMargins()
    return (view.title.sizeHint().height() + layout.spacing() + margins.top() + margins.bottom()
            + table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth() + 2)
