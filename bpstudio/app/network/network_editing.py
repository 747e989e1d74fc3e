"""Editing the network from the canvas: its buttons (``network_controls``), keys, menus, the note that says why
an edit was refused, and zoom. The canvas only emits requests (``unitsChangeRequested`` …); the main window
routes them to the network form and shows its refusals here with ``show_note``.

Keys, while the canvas has focus, act on the selected layer: + and − its units, A its activation, Delete
removes it (a hidden layer), Insert adds a hidden layer before the output, L the loss. Ctrl+wheel zooms."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QMenu

from bpstudio.app.widgets.network_labels import LOSS_ORDER, loss_label, loss_tip
from bpstudio.app.widgets.step_actions import make_action
from bpstudio.engine import NetworkSpec, get_loss

from .network_controls import CanvasButton, CanvasControls, NoteItem
from .network_layout import ONE_ROW_GAP, Geometry
from .network_menu import fill_activation_menu

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)
ZOOM_STEP, ZOOM_RANGE = 1.25, (0.5, 3.0)


class EditableCanvas(Protocol):
    """What editing needs of the network canvas besides its view: its request signals and layout."""

    unitsChangeRequested: SignalInstance
    insertLayerRequested: SignalInstance
    removeLayerRequested: SignalInstance
    activationChangeRequested: SignalInstance
    lossChangeRequested: SignalInstance

    def relayout(self) -> None: ...
    def selected_layer(self) -> int: ...


class CanvasEditing:
    def __init__(self, view: QGraphicsView, canvas: EditableCanvas) -> None:
        """``view`` and ``canvas``: the network canvas, as a view and as the owner of the requests."""
        self.view = view
        self.canvas = canvas
        self.controls: CanvasControls | None = None
        self.note: NoteItem | None = None
        self._note: tuple[str, bool, str, NetworkSpec | None] | None = None  # text, error, button, shown for
        self.last_button = "loss"  # the button (key) that asked last: a refusal is shown next to it
        self.menu: QMenu | None = None  # the menu of a button, while open
        self.zoom = 1.0
        c = view
        self.zoom_in = make_action(c, translate("NetworkCanvas", "Zoom in on the network"), ["Ctrl+Alt+="],
                                   translate("NetworkCanvas", "Larger units and text on the network diagram "
                                                              "(also Ctrl+wheel)"), "zoomInNetwork")
        self.zoom_out = make_action(c, translate("NetworkCanvas", "Zoom out of the network"), ["Ctrl+Alt+-"],
                                    translate("NetworkCanvas", "Smaller units and text on the network diagram "
                                                               "(also Ctrl+wheel)"), "zoomOutNetwork")
        self.zoom_fit = make_action(c, translate("NetworkCanvas", "Fit the network to its view"), ["Ctrl+Alt+0"],
                                    translate("NetworkCanvas", "Scale the network diagram to fill its view"),
                                    "zoomFitNetwork")
        self.zoom_in.triggered.connect(lambda _c=False: self.set_zoom(self.zoom * ZOOM_STEP))
        self.zoom_out.triggered.connect(lambda _c=False: self.set_zoom(self.zoom / ZOOM_STEP))
        self.zoom_fit.triggered.connect(lambda _c=False: self.set_zoom(1.0))

    def actions(self) -> list[QAction]:
        return [self.zoom_in, self.zoom_out, self.zoom_fit]

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.canvas.relayout()

    # ----- building and placing ------------------------------------------------------------
    def build(self, spec: NetworkSpec) -> None:
        """New buttons for ``spec`` (the scene was cleared); the note again if it still applies."""
        c = self.view
        self.controls = CanvasControls(c.scene(), spec, self._units, self._insert, self._remove,
                                       self._activation_menu, self._loss_menu)
        self.note = None
        if self._note is not None and self._note[3] is not None and self._note[3] != spec:
            self._note = None  # shown for another network: it no longer applies

    def one_row_gap(self) -> float:
        """How far apart the columns must be for each one's buttons to fit in one row."""
        return self.controls.one_row_gap() if self.controls is not None else ONE_ROW_GAP

    def place(self, g: Geometry) -> None:
        if self.controls is not None:
            self.controls.place(g)
        self._show_note()

    def button(self, key: str) -> CanvasButton:
        assert self.controls is not None
        return self.controls.buttons[key]

    # ----- notes -----------------------------------------------------------------------------
    def show_note(self, text: str, error: bool, network: NetworkSpec | None = None) -> None:
        """``text`` next to the button that asked last; kept while the diagram shows ``network`` (any, if None)."""
        self._note = (text, error, self.last_button, network)
        self._show_note()

    def hide_note(self) -> None:
        self._note = None
        self._show_note()

    def note_text(self) -> str:
        return self.note.text() if self.note is not None and self.note.isVisible() else ""

    def _show_note(self) -> None:
        scene = self.view.scene()
        if self.note is not None and (self._note is None or self.note.text() != self._note[0]
                                      or self.note.error != self._note[1]):
            scene.removeItem(self.note)
            self.note = None
        if self._note is None or self.controls is None:
            return
        text, error, key, _ = self._note
        if self.note is None:
            self.note = NoteItem(text, error)
            scene.addItem(self.note)
        anchor = self.controls.buttons.get(key) or self.controls.buttons["loss"]
        self.note.place(anchor.sceneBoundingRect(), scene.sceneRect())

    # ----- clicks, keys, wheel -----------------------------------------------------------------
    def press(self, items: list[QGraphicsItem]) -> bool:
        """A press on ``items`` (top first): a button does its action; any press closes the note."""
        item = items[0] if items else None
        while item is not None and not isinstance(item, CanvasButton | NoteItem):
            item = item.parentItem()
        self.hide_note()
        if isinstance(item, CanvasButton):
            self.click(item.key)
            return True
        return isinstance(item, NoteItem)

    def click(self, key: str) -> bool:
        """What a click on button ``key`` does (tests and keys use it too)."""
        self.last_button = key
        return self.button(key).activate()

    def key(self, event: QKeyEvent) -> bool:
        """A key pressed on the canvas: True if it was one of the editing keys."""
        if self.controls is None or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                         | Qt.KeyboardModifier.AltModifier):
            return False
        l, L = self.canvas.selected_layer(), self.controls.spec.depth
        keys = {Qt.Key.Key_Plus: f"units+ {l}", Qt.Key.Key_Equal: f"units+ {l}", Qt.Key.Key_Minus: f"units- {l}",
                Qt.Key.Key_A: f"activation {l}", Qt.Key.Key_Insert: "layer+", Qt.Key.Key_L: "loss",
                Qt.Key.Key_Delete: f"remove {l}" if l < L else "layer-"}
        key = keys.get(Qt.Key(event.key()))
        if key is None or key not in self.controls.buttons:
            return False
        self.hide_note()
        self.click(key)
        return True

    def wheel(self, ctrl: bool, delta: int) -> bool:
        if not ctrl or delta == 0:
            return False
        self.set_zoom(self.zoom * (ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP))
        return True

    # ----- the requests --------------------------------------------------------------------------
    def _units(self, l: int, n: int) -> None:
        self.canvas.unitsChangeRequested.emit(l, n)

    def _insert(self, index: int) -> None:
        self.canvas.insertLayerRequested.emit(index)

    def _remove(self, l: int) -> None:
        self.canvas.removeLayerRequested.emit(l)

    def activation_menu(self, l: int) -> QMenu:
        assert self.controls is not None
        spec = self.controls.spec
        menu = QMenu(self.view)
        fill_activation_menu(menu, l, l == spec.depth, spec.layers[l - 1].activation,
                             self.canvas.activationChangeRequested.emit)
        return menu

    def loss_menu(self) -> QMenu:
        assert self.controls is not None
        menu, current = QMenu(self.view), get_loss(self.controls.spec.loss).name
        for name in LOSS_ORDER:
            action = menu.addAction(loss_label(name))
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setData(name)
            action.setToolTip(loss_tip(name))
            if name != current:
                action.triggered.connect(lambda _c=False, n=name: self.canvas.lossChangeRequested.emit(n))
        menu.setToolTipsVisible(True)
        return menu

    def _activation_menu(self, l: int, button: CanvasButton) -> None:
        self._popup(self.activation_menu(l), button)

    def _loss_menu(self, button: CanvasButton) -> None:
        self._popup(self.loss_menu(), button)

    def _menu_closed(self) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
            self.menu = None

    def _popup(self, menu: QMenu, button: CanvasButton) -> None:
        """Open ``menu`` under ``button``, without waiting: the choice emits the request."""
        if self.menu is not None:
            self.menu.close()
        self.menu = menu
        menu.aboutToHide.connect(self._menu_closed)
        rect: QRectF = button.sceneBoundingRect()
        view = self.view
        menu.popup(view.viewport().mapToGlobal(view.mapFromScene(rect.bottomLeft()) + QPoint(0, 2)))
