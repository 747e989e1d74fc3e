"""What every neuron computes: a small map of each unit's activation over the input plane, inside its circle.

The engine computes the maps with the decision field (``engine.unit_fields``: one forward pass of a 24 × 24 grid),
and they reach the canvas with it (``follow``); here they only become pictures, once per new field, in an
event-loop slice of their own. Hovering a unit shows its map large, with z, a and δ for the sample shown and
where that sample lies. With more than two inputs a note on the canvas says which two span the maps (the others
held at their means) and lets the learner choose others.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QHBoxLayout, QLabel

from bpstudio.engine.decision_field import DecisionField
from bpstudio.engine.text.indices import input_name
from bpstudio.engine.text.notation import format_number
from bpstudio.engine.unit_fields import UnitFields
from bpstudio.session.view_state import ViewState

from . import network_texts as texts
from .network_items import UnitItem, owner
from .network_scene import NetworkItems
from .unit_map_images import UnitMapItem, marked_pixmap_image, render_maps
from .unit_map_note import InputsNote

POPUP_SIZE = 192  # px: the large map
NEAR = 8  # px: a pointer this close to a unit's centre shows its map


class UnitMapPopup(QFrame):
    """A unit's map, large, beside its numbers: shown on hover like a tooltip."""

    def __init__(self, parent: QGraphicsView) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setFrameShape(QFrame.Shape.Box)
        self.picture, self.text = QLabel(), QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(self.picture)
        row.addWidget(self.text)
        self.unit: UnitItem | None = None


class UnitMaps(QObject):
    """The maps of one canvas: made with its items (``place``), coloured from each new field, shown large on hover."""

    inputsChosen = Signal(int, int)  # noqa: N815 - Qt's naming; across, up (0-based inputs)

    def __init__(self, canvas: QGraphicsView) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.items: dict[tuple[int, int], UnitMapItem] = {}  # (column, unit) → its map
        self.images: dict = {}  # (column, unit) → (picture, colour limit), from the field shown
        self.received: UnitFields | None = None  # the maps of the newest field
        self.fields: UnitFields | None = None  # the maps shown (``received`` once it fits the network shown)
        self.state: ViewState | None = None
        self._drawn: NetworkItems | None = None
        self._field: Callable[[], DecisionField | None] = lambda: None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._render)
        self.popup = UnitMapPopup(canvas)
        self.note = InputsNote(canvas, self._loss_box)  # which inputs span the maps (more than two); choose others
        self.note.chosen.connect(self.inputsChosen)
        canvas.viewport().installEventFilter(self)

    # ----- what the window hands over -------------------------------------------------------
    def follow(self, changed: SignalInstance, field: Callable[[], DecisionField | None],
               choose: Callable[[int, int], object]) -> None:
        """Take each new field (``field()`` when ``changed`` fires); ask ``choose(across, up)`` for other inputs."""
        self._field = field
        changed.connect(self._field_changed)  # (a bound slot: disconnected when the canvas goes)
        self.inputsChosen.connect(choose)
        self.set_field(field())

    def _field_changed(self) -> None:
        self.set_field(self._field())

    def set_field(self, field: DecisionField | None) -> None:
        """A new field: its maps become pictures in a slice of their own (a run sends 5 a second)."""
        units = None if field is None else field.units
        if units is not self.received:
            self.received = units
            self._timer.start()

    def set_state(self, state: ViewState) -> None:
        """The state the canvas shows: the sample marked in the large map, the note's names."""
        old = self.state
        self.state = state
        if old is None or old.snapshot.spec != state.snapshot.spec:
            self._timer.start()  # (the output's activation decides the decision boundary)
        self._show_note()
        self._refresh_popup()

    def place(self, drawn: NetworkItems) -> None:
        """The canvas made or laid out its items: a map item in every unit, each fitted to its circle."""
        if drawn is not self._drawn:
            self._drawn = drawn
            self.items = {(c, u.row): UnitMapItem(u) for c, column in enumerate(drawn.units) for u in column}
            self.popup.hide()
            self._apply()
        for item in self.items.values():
            item.fit()
        self._show_note()

    # ----- pictures ---------------------------------------------------------------------------
    def _render(self) -> None:
        """The newest maps as pictures, if they fit the network shown."""
        units = self.received
        spec = None if self.state is None else self.state.snapshot.spec
        fits = (units is not None and spec is not None and units.plane.inputs == spec.sizes[0]
                and len(units.layers) == spec.depth
                and all(a is None or a.shape[-1] == n for a, n in zip(units.layers, spec.sizes[1:], strict=True)))
        self.fields = units if fits else None
        self.images = {} if self.fields is None or spec is None else render_maps(
            self.fields, spec.layers[-1].activation)
        self._apply()
        self._show_note()
        self._refresh_popup()

    def _apply(self) -> None:
        for key, item in self.items.items():
            image, limit = self.images.get(key, (None, 1.0))
            item.set_image(image, limit)

    def shown(self, column: int, unit: int) -> bool:
        """Whether unit ``unit`` (0-based) of column ``column`` shows a map."""
        item = self.items.get((column, unit))
        return item is not None and item.image is not None

    # ----- the note (more than two inputs) ----------------------------------------------------
    def _names(self) -> tuple[str, ...]:
        data = None if self.state is None else self.state.project.data
        names = data.get("features") if isinstance(data, dict) else None
        return tuple(str(n) for n in names) if names else ()

    def note_text(self) -> str:
        return self.note.text_for(None if self.fields is None else self.fields.plane)

    def _show_note(self) -> None:
        self.note.show_for(None if self.fields is None else self.fields.plane, self._names())

    def _loss_box(self) -> QRect | None:
        """Where the canvas draws its loss box, in its viewport's pixels."""
        box = None if self._drawn is None else self._drawn.loss_box.sceneBoundingRect()
        return None if box is None else self.canvas.mapFromScene(box).boundingRect()

    # ----- hover ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.note.schedule()
        elif kind == QEvent.Type.ToolTip:
            unit = self.unit_at(event.pos())  # type: ignore[attr-defined]
            if unit is not None:
                self.show_popup(unit, event.globalPos() + QPoint(16, 16))  # type: ignore[attr-defined]
                return True
            self.popup.hide()
        elif kind == QEvent.Type.MouseMove and self.popup.isVisible():
            if self.unit_at(event.position().toPoint()) is not self.popup.unit:  # type: ignore[attr-defined]
                self.popup.hide()
        elif kind in (QEvent.Type.Leave, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self.popup.hide()
        return False

    def unit_at(self, pos: QPoint) -> UnitItem | None:
        """The unit with a map under ``pos`` (viewport coordinates), or within ``NEAR`` pixels of its centre (a
        small canvas draws units a few pixels wide)."""
        for item in self.canvas.items(pos):
            found = owner(item)
            if isinstance(found, UnitItem):
                return found if self.shown(found.layer, found.row) else None
        near = [((self.canvas.mapFromScene(m.unit.rect().center()) - pos).manhattanLength(), m.unit)
                for m in self.items.values() if m.image is not None]
        best = min(near, key=lambda pair: pair[0], default=None)
        return best[1] if best is not None and best[0] <= NEAR else None

    def popup_text(self, unit: UnitItem) -> str:
        """The unit's numbers for the sample shown (its tooltip's), then what the map spans."""
        assert self.fields is not None
        plane, names = self.fields.plane, self._names()
        image, limit = self.images[unit.layer, unit.row]
        lines = [self._numbers(unit), ""]
        across = plane.features[0] if plane.inputs > 1 else 0
        lines.append(self.tr("across: {x} from {lo} to {hi}").format(
            x=input_name(across, names), lo=format_number(self.fields.xs[0]), hi=format_number(self.fields.xs[-1])))
        if self.fields.ys is not None:
            lines.append(self.tr("up: {x} from {lo} to {hi}").format(
                x=input_name(plane.features[1], names), lo=format_number(self.fields.ys[0]),
                hi=format_number(self.fields.ys[-1])))
        if plane.inputs > 2:
            lines.append(self.tr("the {n} other inputs at their means").format(n=plane.inputs - 2))
        lines.append(self.tr("colours: blue −{v}, white 0, red +{v} (this map's largest |a|)").format(
            v=format_number(limit)))
        if self._sample_point() is not None:
            lines.append(self.tr("ring: the sample shown"))
        return "\n".join(lines)

    def _numbers(self, unit: UnitItem) -> str:
        """z, a, δ and b of the unit for the sample shown, as far as computed (its tooltip's text)."""
        if self.state is None:
            return self.tr("unit {j} of layer {l}").format(j=unit.row + 1, l=unit.layer)
        snap, c = self.state.snapshot, unit.layer
        if c == 0:
            return texts.unit_tip(0, unit.row, snap.arrays["input"], None, None, None)
        return texts.unit_tip(c, unit.row, *(snap.get(q, c) for q in ("a", "z", "delta", "b")))

    def _sample_point(self) -> tuple[float, float] | None:
        """Where sample 1 lies on the map, as fractions of its width and height (None: off the map)."""
        if self.fields is None or self.state is None:
            return None
        x = self.state.snapshot.arrays["input"][:, 0]
        plane, xs, ys = self.fields.plane, self.fields.xs, self.fields.ys
        fx = (x[plane.features[0] if plane.inputs > 1 else 0] - xs[0]) / (xs[-1] - xs[0])
        fy = 0.5 if ys is None else (x[plane.features[1]] - ys[0]) / (ys[-1] - ys[0])
        point = (float(fx), float(fy))
        return point if all(0.0 <= v <= 1.0 for v in point) else None

    def _refresh_popup(self) -> None:
        """A new state or new maps while the large map is open: it follows them."""
        if self.popup.isVisible() and self.popup.unit is not None:
            self.show_popup(self.popup.unit, self.popup.pos())

    def show_popup(self, unit: UnitItem, where: QPoint) -> None:
        item = self.items.get((unit.layer, unit.row))
        if (unit.layer, unit.row) not in self.images or item is None or item.unit is not unit:
            self.popup.hide()  # (the network changed under it)
            return
        image, _ = self.images[unit.layer, unit.row]
        self.popup.unit = unit
        self.popup.picture.setPixmap(QPixmap.fromImage(marked_pixmap_image(image, POPUP_SIZE, self._sample_point())))
        self.popup.text.setText(self.popup_text(unit))
        self.popup.adjustSize()
        screen = (self.canvas.screen() or QApplication.primaryScreen()).availableGeometry()
        size = self.popup.size()  # on the screen whole: left of the pointer when it would cross the right edge
        x = where.x() if where.x() + size.width() <= screen.right() else where.x() - size.width() - 32
        y = min(where.y(), screen.bottom() - size.height())
        self.popup.move(max(screen.left(), x), max(screen.top(), y))
        self.popup.show()
