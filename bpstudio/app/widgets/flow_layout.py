"""A row of controls that wraps onto more lines when its panel is narrow (Qt's "flow layout" example): a bar
of switches above a plot or a table never makes its dock, and so the window, wider than a small screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their preferred widths, wrapping to a new line where the next does not fit; an
    item whose horizontal policy expands takes what is left of its line. As narrow as its widest item."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def add(self, *widgets: QWidget | int) -> FlowLayout:
        """Widgets in order; an int is a gap of that many pixels before the next widget."""
        gap = 0
        for widget in widgets:
            if isinstance(widget, int):
                gap = widget
                continue
            self.addWidget(widget)
            if gap:
                widget.setProperty("bps_flow_gap", gap)
            gap = 0
        return self

    # ----- QLayout -----------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self._shown()
        width = sum(_preferred_width(i) + self._gap(i) for i in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # ----- placing -----------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _gap(item: QLayoutItem) -> int:
        widget = item.widget()
        gap = widget.property("bps_flow_gap") if widget is not None else None
        return gap if isinstance(gap, int) else 0

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """The items in lines, each with the width it gets before any expanding."""
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item in self._shown():
            w = min(_preferred_width(item), width)
            w = max(w, min(item.minimumSize().width(), width))
            extra = self._spacing + self._gap(item) if lines[-1] else 0
            if lines[-1] and used + extra + w > width:
                lines.append([])
                used, extra = 0, 0
            lines[-1].append((item, w))
            used += extra + w
        return lines

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        for line in self._lines(max(1, area.width())):
            used = sum(w for _, w in line) + sum(self._spacing + self._gap(i) for i, _ in line[1:])
            growing = [i for i, _ in line if _expands(i)]
            share = (area.width() - used) // len(growing) if growing and area.width() > used else 0
            widths = [w + (share if item in growing else 0) for item, w in line]
            heights = [_height(item, w) for (item, _), w in zip(line, widths, strict=True)]
            line_height = max(heights, default=0)
            x = area.x()
            for n, ((item, _), w, h) in enumerate(zip(line, widths, heights, strict=True)):
                if n:
                    x += self._spacing + self._gap(item)
                if move:  # each at its own height, centred in the line
                    item.setGeometry(QRect(QPoint(x, y + (line_height - h) // 2), QSize(w, h)))
                x += w
            y += line_height + self._spacing
        return max(0, y - self._spacing - area.y()) + m.top() + m.bottom()


def _preferred_width(item: QLayoutItem) -> int:
    """A wrapping label's text on one line (its own size hint would wrap a short text for a nicer shape: "No test
    set: only" over "the training curves"); any other item's size hint."""
    label = item.widget()
    if isinstance(label, QLabel) and label.wordWrap() and label.textFormat() != Qt.TextFormat.RichText:
        margins = label.contentsMargins()
        return (label.fontMetrics().horizontalAdvance(label.text()) + 2 * label.margin() + margins.left()
                + margins.right() + 4)
    return item.sizeHint().width()


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and bool(widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)


def _height(item: QLayoutItem, width: int) -> int:
    if item.hasHeightForWidth():
        return max(item.minimumSize().height(), item.heightForWidth(width))
    return item.sizeHint().height()


def flow_row(*widgets: QWidget | int, spacing: int = 6) -> QWidget:
    """``widgets`` in a widget of their own that wraps them (a layout with height-for-width needs one)."""
    holder = QWidget()
    FlowLayout(holder, spacing).add(*widgets)
    return holder
