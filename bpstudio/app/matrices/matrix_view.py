"""One quantity's box: a title with its symbol and shape, then its matrix — a table when it is
small (≤ 40 × 40), a colour image with a colour bar and a hover read-out when it is large, or a
"not computed yet" placeholder. The widgets are created once and reused on every ``set_state``."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager

import numpy as np
from PySide6.QtCore import QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.widgets.export_menu import add_export_actions
from bpstudio.app.widgets.form_fields import fill, wrapped_label
from bpstudio.engine.backprop import Plan
from bpstudio.engine.text.explain import format_number
from bpstudio.session.view_state import ViewState

from .matrix_image import MatrixImage
from .matrix_model import MatrixModel
from .matrix_picture import whole_table
from .matrix_titles import describe, title, widest_candidates
from .row_header import RowHeaderWidth

TABLE_LIMIT = 40  # rows and columns up to this are a table; anything larger is an image
CHANGED_COLOUR = "#e08a00"


class MatrixView(QFrame):
    """Shows one ``MatrixModel``; ``hovered`` carries the derivation of the entry under the mouse."""

    hovered = Signal(str)
    entryActivated = Signal(str, int, int, int)  # quantity, layer, row, col (double-click)

    def __init__(self, quantity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixView")
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the page keeps its place while its boxes are shown one by one
        self.setSizePolicy(policy)
        self.quantity = quantity
        self.model = MatrixModel(quantity, parent=self)
        self.mode = "empty"  # "table", "image" or "empty" (not computed yet)
        self._kind = ""  # "table" or "image", by the quantity's shape
        self.highlighted = False  # shown as changed by the stage just taken (outline, marker, bold numbers)
        self._widths_key: tuple | None = None  # what the table's column widths were computed for
        self._row_header = RowHeaderWidth()
        self._width = 0
        self._look: tuple[float, int] | None = None  # font size, palette of the last refresh

        self.title = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.title.setObjectName("matrixTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self.title.setFont(font)
        self._title = ""
        self.placeholder = wrapped_label(name="notComputed")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)  # greyed: there is nothing to read here yet
        self.table = self._make_table()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.table)
        self.image_page: MatrixImage | None = None  # built for the first matrix too large for a table

        fill(QVBoxLayout(self), self.title, (self.stack, 1), margins=(3, 2, 3, 3), spacing=2)
        # right-click anywhere on the box (table, image or title): copy or save the matrix, or a picture
        self.export_menu = add_export_actions(self, lambda: self.model.array,
                                              lambda: f"{self.quantity}{self.model.layer}")

    # ----- construction -----------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView(wordWrap=False, cornerButtonEnabled=False)
        table.setObjectName("matrixTable")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setMouseTracking(True)
        font = table.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))  # compact: a panel shows seven of these
        table.setFont(font)
        for header in (table.horizontalHeader(), table.verticalHeader()):
            header.setFont(font)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
        # "from unit 12" and "sample 7" break after the word, so a column is as narrow as its numbers
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        table.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 5)
        table.entered.connect(self._table_hovered)
        table.doubleClicked.connect(self._table_activated)
        return table

    # ----- state ------------------------------------------------------------------------
    @property
    def layer(self) -> int:
        return self.model.layer

    def set_state(self, state: ViewState, layer: int | None = None, plan: Plan | None = None) -> None:
        reset = self.model.set_state(state, layer, plan)
        look = (self.table.font().pointSizeF(), self.palette().cacheKey())  # presentation mode, the theme
        if reset or look != self._look:
            self._look = look
            self._refresh()

    def set_notation(self, notation: str) -> None:
        """"column" or "row": the matrix, its headers, shape and title as that convention writes them."""
        if notation != self.model.notation:
            self.model.set_notation(notation)
            self._widths_key, self._width = None, 0
            if self.model.expected_shape() is not None:  # it has been given a state
                self._refresh()

    def set_precision(self, precision: int) -> None:
        self.model.set_precision(precision)
        if self.mode == "table":
            self._fit_columns()
        elif self.mode == "image" and self.image_page is not None:
            self.image_page.refresh_entry()

    def title_text(self) -> str:
        m = self.model
        return title(self.quantity, m.layer, m.notation, m.array.shape if m.array is not None else m.expected_shape())

    def _refresh(self) -> None:
        m = self.model
        changed = m.changed
        self._title = ("● " if changed else "") + self.title_text()
        self._elide_title()
        tip = describe(self.quantity, m.layer, m.notation)
        if changed:
            tip += "\n" + self.tr("Computed by the stage just taken (outlined, numbers in bold).")
        self.title.setToolTip(tip)
        self._set_frame(changed)
        array = m.array
        shape = array.shape if array is not None else m.expected_shape()
        # table or image is decided by the shape, known before the numbers: a large quantity keeps its
        # image (axes, colour bar) on show while not computed, so computing it only fills the image in
        small = shape is None or (shape[0] <= TABLE_LIMIT and shape[1] <= TABLE_LIMIT)
        self._set_kind("table" if small else "image")
        if small:
            if array is None:
                self.placeholder.setText(m.not_computed_message())
                self.stack.setCurrentWidget(self.placeholder)
            else:
                self.stack.setCurrentWidget(self.table)
                self._fit_columns()
        else:
            assert shape is not None and self.image_page is not None
            self.image_page.show_model((int(shape[0]), int(shape[1])))
        self.mode = "empty" if array is None else self._kind

    def _set_frame(self, changed: bool) -> None:
        """The changed marker: an outline drawn in paintEvent and a coloured title (no style sheet,
        which would restyle every child on every step)."""
        if changed == self.highlighted:
            return
        self.highlighted = changed
        palette = self.title.palette()
        colour = QColor(CHANGED_COLOUR) if changed else self.palette().windowText().color()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.title.setPalette(palette)
        self.update()

    def _elide_title(self) -> None:
        """The title on one line if it fits, else broken before its shape (“… = (n¹, m)” below), and
        elided only if a line still does not fit."""
        fm = self.title.fontMetrics()
        width = max(10, self.title.width())
        text = self._title
        lines = [text]
        # measured with the changed mark: a stage that marks or unmarks the box does not move the tables
        if fm.horizontalAdvance(text if text.startswith("● ") else "● " + text) > width and " = " in text:
            head, tail = text.rsplit(" = ", 1)
            lines = [head, "= " + tail]
        self.title.setText("\n".join(fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines))
        height = fm.lineSpacing() * len(lines) + 2
        if self.title.height() != height:
            self.title.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 2 if self.highlighted else 1
        colour = QColor(CHANGED_COLOUR) if self.highlighted else self.palette().mid().color()
        painter.setPen(QPen(colour, width))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2), 3, 3)
        painter.end()

    def _set_kind(self, kind: str) -> None:
        if kind == self._kind:
            return
        if kind == "table":
            self.table.setModel(self.model)
            self._widths_key = None
        else:
            self.table.setModel(None)  # a hidden table would still follow every reset
            if self.image_page is None:
                self.image_page = MatrixImage(self.model)
                self.image_page.hovered.connect(self.hovered)
                self.stack.addWidget(self.image_page)
            self.stack.setCurrentWidget(self.image_page)
        self._kind = kind

    # ----- table ------------------------------------------------------------------------
    def _fit_columns(self) -> None:
        """Fixed column widths, as wide as the widest number shown: no per-cell size queries by Qt.
        While the shape and precision stay, widths only grow, so the table does not jitter as it steps."""
        m = self.model
        array = m.array
        if array is None or array.size == 0:
            return
        key = (m.precision, self.quantity, array.shape, m.layer, m.notation, self.table.font().pointSizeF())
        texts = {format_number(x, m.precision) for x in widest_candidates(array)}
        longest = max(len(t) for t in texts)
        font = self.table.font()
        font.setBold(m.changed)  # changed numbers are bold, and wider
        fm = QFontMetrics(font)
        header = str(m.headerData(array.shape[1] - 1, Qt.Orientation.Horizontal)).split()
        width = max(fm.horizontalAdvance(t) for t in [*(t for t in texts if len(t) == longest), *header]) + 10
        if key == self._widths_key and width <= self._width:
            return
        self._widths_key, self._width = key, width
        header_view = self.table.horizontalHeader()
        header_view.setDefaultSectionSize(width)
        labels = [str(m.headerData(c, Qt.Orientation.Horizontal)) for c in range(array.shape[1])]
        header_fm = QFontMetrics(header_view.font())
        wrap = Qt.TextFlag.TextWordWrap  # "from unit 1" on as many lines as it needs
        high = max(header_fm.boundingRect(0, 0, width - 8, 999, wrap, t).height() for t in labels)
        header_view.setFixedHeight(high + 6)

    def content_width(self, with_title: bool = True) -> int:
        """The width the box needs to show its whole table (or a fair share for an image); the title
        elides, so ``with_title=False`` asks for the table alone."""
        title = self.title.fontMetrics().horizontalAdvance(self._title) + 12 if with_title else 0
        if self._kind == "image":
            return max(title, 220)
        shape = self.model.array.shape if self.model.array is not None else self.model.expected_shape()
        if shape is None or self.model.array is None and self._width == 0:
            return max(title, 120)
        rows, cols = shape  # not computed yet: the room its table took (the boxes stay put as stages pass)
        table = self.table
        scroll = table.verticalScrollBar().sizeHint().width() if rows > 6 else 0
        return max(title, self._row_header.of(table, rows) + cols * self._width + scroll
                   + 2 * table.frameWidth() + 14)  # + the highlight border of a box just computed

    def whole_picture(self) -> AbstractContextManager[None]:
        return whole_table(self, self.table, self.mode == "table" and self.model.array is not None)  # all of it

    def _table_hovered(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hovered.emit(self.model.explain(index.row(), index.column()))

    def _table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entryActivated.emit(self.quantity, self.model.layer, index.row(), index.column())

    def hover_entry(self, row: int, col: int) -> str:
        """Show entry (row, col) as if hovered (for keyboard use and tests); returns its derivation."""
        if self.mode == "image" and self.image_page is not None:
            return self.image_page.hover_entry(row, col)
        text = self.model.explain(row, col)
        self.hovered.emit(text)
        return text


def _preview_image() -> MatrixView:
    """A 128 × 784 weight matrix drawn as an image: ``python -m bpstudio.app.matrices.matrix_view image``."""
    from bpstudio.engine import LayerSpec, NetworkSpec, Project, TrainingSpec

    rng = np.random.default_rng(1)
    spec = NetworkSpec(784, (LayerSpec(128, "relu"), LayerSpec(10, "softmax")), "cross_entropy")
    project = Project(spec, {"x": rng.random((64, 784)).tolist(), "y": np.eye(10)[rng.integers(0, 10, 64)].tolist()},
                      TrainingSpec(learning_rate=0.1))
    stepper = project.stepper()
    stepper.finish_iteration()
    view = MatrixView("W")
    view.set_state(ViewState(project, stepper.snapshot(), 1))
    return view


if __name__ == "__main__":
    from bpstudio.app.widgets.preview import preview, show_alone

    sys.exit(show_alone(_preview_image, 700, 400) if sys.argv[1:] == ["image"] else preview(lambda: MatrixView("z")))
