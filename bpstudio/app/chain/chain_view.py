"""The Chain rule dock's view: the computational graph of one number (a weight, a bias, an entry of z, a, δ or
∂L/∂W) for one sample of the batch, drawn, with the paths' products, their sum and the batch mean written under it.

``show_entry(quantity, layer, row, col)`` (engine indices, as the panels' signals carry them) chooses the number;
the sample box chooses the sample; typing a label such as ``W2[1,2]`` (as the panels show it, in the notation on
show) does both. Hovering a node emits ``nodeHovered``, clicking it ``nodeActivated`` (quantity, layer, row, col;
"" for none), so the window can show the node's matrix cell and canvas unit. The graph is built from the immutable
snapshot (``engine.chain_graph``, a few milliseconds even on 784-128-64-10), only while the view is shown.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QLineEdit, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from bpstudio.app.look import presentation, theme
from bpstudio.app.widgets.flow_layout import flow_row
from bpstudio.app.widgets.form_fields import buddy_label, fill, spin_box, wrapped_label
from bpstudio.app.widgets.styles import ERROR_STYLE
from bpstudio.engine.chain_graph import ChainGraph, Node, graph_from_snapshot
from bpstudio.engine.entry_ref import EntryRef, parse_entry
from bpstudio.engine.errors import BPStudioError
from bpstudio.engine.text import chain_text as ct
from bpstudio.engine.text.convention import COLUMN, check
from bpstudio.session.view_state import ViewState

from .chain_scene import ChainScene

MIN_SCALE = 0.7  # a graph wider than the view is shrunk down to this, then scrolled


class ChainView(QWidget):
    nodeHovered = Signal(str, int, int, int)  # quantity (W, b, z, a; "" for none), layer, row, col (engine)
    nodeActivated = Signal(str, int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: ViewState | None = None
        self._ref: EntryRef | None = None
        self._sample = 0
        self._notation = COLUMN
        self._digits = 4
        self._dirty = False
        self._drawn_width = 0
        self.graph: ChainGraph | None = None
        self.build_ms = 0.0  # how long the last graph took to build (engine) …
        self.draw_ms = 0.0  # … and to draw

        self.entry_edit = QLineEdit()
        self.entry_edit.setObjectName("chainEntry")
        self.entry_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("delta3[10,10]") + 24)
        self.entry_edit.setToolTip(self.tr("The number whose chain is drawn, as the panels label it (1-based): "
                                           "W2[1,2], b2[1], z2[1], a2[1], delta2[1], dW2[1,2]. Or click a matrix "
                                           "entry, a weight or a unit."))
        self.entry_edit.returnPressed.connect(self._typed)
        self.sample_spin = spin_box(1, 1, self.tr("Which sample of the batch the graph follows (its loss Lₛ)"), 1)
        self.sample_spin.setObjectName("chainSample")
        self.sample_spin.valueChanged.connect(self._sample_picked)
        self.title = QLabel()
        self.title.setObjectName("chainTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.message = wrapped_label(name="chainMessage", style=ERROR_STYLE)
        self.message.hide()
        bar = flow_row(buddy_label(self.tr("Entry:"), self.entry_edit), self.entry_edit,
                       buddy_label(self.tr("Sample:"), self.sample_spin), self.sample_spin, self.title)

        self.scene = ChainScene(self)
        self.scene.hub.hovered.connect(self._node_hovered)
        self.scene.hub.activated.connect(self._node_activated)
        self.canvas = QGraphicsView(self.scene)
        self.canvas.setObjectName("chainGraph")
        self.canvas.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QPlainTextEdit(readOnly=True, lineWrapMode=QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.summary.setObjectName("chainSummary")
        self.summary.setPlaceholderText(self.tr("Click a weight, a bias or a matrix entry to see its chain to the "
                                                "loss."))
        self.split = split = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        split.addWidget(self.canvas)
        split.addWidget(self.summary)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([400, self.fontMetrics().lineSpacing() * 4])
        fill(QVBoxLayout(self), bar, self.message, (split, 1), margins=(4, 4, 4, 4), spacing=4)
        theme.notifier().changed.connect(self._restyle)
        presentation.notifier().changed.connect(self._presentation)
        self.setMinimumSize(220, 160)

    # ----- the view interface ---------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self._state = state
        m = state.snapshot.batch_size
        with QSignalBlocker(self.sample_spin):
            self.sample_spin.setMaximum(m)
            self._sample = min(self._sample, m - 1)
            self.sample_spin.setValue(self._sample + 1)
        sizes = state.project.network.sizes
        if self._ref is None or not _fits(self._ref, sizes):
            self._ref = EntryRef("W", len(sizes) - 1, 0, 0)  # the output layer's first weight (seed 004's wᴸ)
        self._refresh()

    def set_notation(self, notation: str) -> None:
        self._notation = check(notation)
        self._refresh()

    def set_precision(self, digits: int) -> None:
        self._digits = digits
        self._refresh()

    @property
    def state(self) -> ViewState | None:
        return self._state

    def entry(self) -> EntryRef | None:
        return self._ref

    def sample(self) -> int:
        """The sample followed, 0-based."""
        return self._sample

    def show_entry(self, quantity: str, layer: int, row: int, col: int) -> None:
        """Draw the chain of this entry (engine indices; for z, a, δ the column is the sample)."""
        ref = EntryRef(quantity, layer, row, col)
        if ref.batch:
            self._sample = col
        self._ref = ref
        self.message.hide()
        self._refresh()

    # ----- drawing --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self._refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.graph is not None and abs(self.canvas.viewport().width() - self._drawn_width) > 40:
            self._refresh()  # wrapped again for the new width
        else:
            self._fit()

    def _room(self) -> tuple[float, float]:
        """Where the graph may go: the view's width, and its pane's height less three lines of sums."""
        least = self.summary.fontMetrics().lineSpacing() * 3 + 12
        self._drawn_width = self.canvas.viewport().width()
        return float(self._drawn_width), float(max(sum(self.split.sizes()) - least, 60) - 24)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange,
                            QEvent.Type.PaletteChange) and self.graph is not None:
            self._refresh()  # presentation mode, a theme: the boxes and lines drawn at the new sizes

    @Slot()
    def _restyle(self, *_: object) -> None:
        self._refresh()

    @Slot(bool)
    def _presentation(self, _on: bool) -> None:
        QTimer.singleShot(0, self, self._restyle)  # once the fonts have grown

    def _refresh(self) -> None:
        state, ref = self._state, self._ref
        if state is None or ref is None:
            return
        if not self.isVisible():
            self._dirty = True  # drawn when shown: a hidden dock costs nothing during a run
            return
        self._dirty = False
        with QSignalBlocker(self.entry_edit), QSignalBlocker(self.sample_spin):
            self.entry_edit.setText(ref.with_sample(self._sample).label(self._notation))
            self.sample_spin.setValue(self._sample + 1)
        start = time.perf_counter()
        try:
            graph = graph_from_snapshot(state.snapshot, ref, self._sample, state.project.training)
        except (BPStudioError, ValueError) as exc:
            self._say(str(exc))
            return
        self.build_ms = (time.perf_counter() - start) * 1000
        self.graph = graph
        start = time.perf_counter()
        self.scene.show_graph(graph, self.font(), self.palette(), self._digits, self._notation, self._room())
        self.canvas.setSceneRect(self.scene.itemsBoundingRect().adjusted(-12, -12, 12, 12))
        self._share()
        self._fit()
        self.title.setText(self.tr("{entry} · sample {s} of {m}").format(
            entry=ct.entry_title(graph, self._notation), s=graph.sample + 1, m=graph.batch_size))
        self.summary.setPlainText("\n".join(self._summary(graph)))
        self.draw_ms = (time.perf_counter() - start) * 1000

    def _summary(self, graph: ChainGraph) -> list[str]:
        lines = ct.summary_lines(graph, self._digits, self._notation)
        if graph.weights == "recovered":
            lines.insert(0, self.tr("After the update: the graph uses the weights this iteration's forward pass "
                                    "used (W + η ∂L/∂W)."))
        elif graph.weights == "updated":
            lines.insert(0, self.tr("After an update with momentum or L2: the graph uses the updated weights, so it "
                                    "is the next iteration's chain on this batch."))
        return lines

    def _share(self) -> None:
        """The graph's pane as tall as the graph needs (at most what leaves the sums three lines), the sums the rest."""
        total = sum(self.split.sizes())
        if total <= 0:
            return
        rect, width = self.canvas.sceneRect(), self.canvas.viewport().width()
        scale = min(1.0, width / rect.width()) if rect.width() > 0 else 1.0
        need = int(rect.height() * max(scale, MIN_SCALE)) + 2 * self.canvas.frameWidth() + 4
        least = self.summary.fontMetrics().lineSpacing() * 3 + 12
        graph = max(min(need, total - least), total // 3)
        self.split.setSizes([graph, total - graph])

    def _fit(self) -> None:
        rect = self.canvas.sceneRect()
        view = self.canvas.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        scale = min(1.0, view.width() / rect.width(), view.height() / rect.height())
        self.canvas.resetTransform()
        self.canvas.scale(max(scale, MIN_SCALE), max(scale, MIN_SCALE))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # ----- user choices -----------------------------------------------------------------------
    @Slot()
    def _typed(self) -> None:
        try:
            ref = parse_entry(self.entry_edit.text(), self._notation)
            if self._state is not None:
                ref.check(self._state.project.network.sizes, self._state.snapshot.batch_size)
        except BPStudioError as exc:
            self._say(str(exc))
            return
        one_index = "," not in self.entry_edit.text()  # z2[1]: unit 1 of the sample already followed
        self.show_entry(ref.quantity, ref.layer, ref.row, self._sample if ref.batch and one_index else ref.col)

    @Slot(int)
    def _sample_picked(self, value: int) -> None:
        self._sample = value - 1
        self._refresh()

    @Slot(object)
    def _node_hovered(self, node: Node | None) -> None:
        self.nodeHovered.emit(*self._address(node))

    @Slot(object)
    def _node_activated(self, node: Node) -> None:
        self.nodeActivated.emit(*self._address(node))

    def _address(self, node: Node | None) -> tuple[str, int, int, int]:
        if node is None or node.quantity == "loss":
            return "", 0, 0, 0
        if node.quantity in ("W", "b"):  # (the cell of ∂L/∂W when that is the entry chosen)
            chosen = self._ref.quantity if self._ref is not None and self._ref.parameter else node.quantity
            return chosen, node.layer, node.unit, node.col
        return node.quantity, node.layer, node.unit, self._sample


def _fits(ref: EntryRef, sizes: tuple[int, ...]) -> bool:
    try:
        ref.check(sizes)
    except BPStudioError:
        return False
    return True
