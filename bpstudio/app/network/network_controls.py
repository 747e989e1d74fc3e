"""Buttons on the network canvas, as in TensorFlow Playground: over each layer − and + for its units, its
activation (a menu) and ✕ to remove it; over the inputs + and − for hidden layers; under the loss box the
loss (a menu). And the note that says, next to the button that asked, why an edit was refused.

The buttons only call back (the canvas turns that into a request signal); the network form, through the main
window, decides. Buttons are scene items laid out in pixels like the rest (``place``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsTextItem

from bpstudio.app.look import presentation
from bpstudio.engine import NetworkSpec, get_activation, get_loss

from . import network_layout as geometry
from .network_items import INK, pixel_font

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

BUTTON_PX = 12.0  # the buttons' text, in pixels (times 1.5 in presentation mode)
ROW_H = 19.0  # times the font scale (``network_layout.BUTTON_ROWS`` leaves room for two rows)
BUTTON_BG, BUTTON_HOVER, BUTTON_LINE = QColor(255, 255, 255), QColor(226, 236, 250), QColor(150, 160, 175)
ERROR_BG, ERROR_LINE, INFO_BG, INFO_LINE = QColor(253, 236, 234), QColor(179, 38, 30), QColor(255, 248, 214), \
    QColor(176, 140, 30)


def short_loss(name: str) -> str:
    return {"squared_error": "½‖y − a‖²", "squared_error_no_half": "‖a − y‖²",
            "cross_entropy": translate("NetworkCanvas", "cross-entropy"),
            "binary_cross_entropy": translate("NetworkCanvas", "binary CE")}[get_loss(name).name]


class CanvasButton(QGraphicsRectItem):
    """A small button in the scene: ``key`` names it ("units+ 2", "activation 1", "loss", …)."""

    def __init__(self, key: str, text: str, tip: str, action: Callable[[], None]) -> None:
        super().__init__()
        self.key, self.action, self.enabled = key, action, True
        self.label = QGraphicsSimpleTextItem(text, self)
        self.label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(tip)
        self.setZValue(8)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setPen(QPen(BUTTON_LINE, 1))
        self.setBrush(QBrush(BUTTON_BG))

    def text(self) -> str:
        return self.label.text()

    def set_enabled(self, enabled: bool, tip: str | None = None) -> None:
        self.enabled = enabled
        self.label.setBrush(QBrush(INK if enabled else QColor(170, 170, 170)))
        self.setCursor(Qt.CursorShape.PointingHandCursor if enabled else Qt.CursorShape.ArrowCursor)
        if tip is not None:
            self.setToolTip(tip)

    def place(self, x: float, y: float, min_width: float = 0.0, align: str = "centre") -> None:
        """At height ``y``, centred on ``x`` (or ending, or starting, at ``x`` for ``align="right"``, "left")."""
        self.label.setFont(pixel_font(BUTTON_PX))
        br = self.label.boundingRect()
        w, h = max(br.width() + 10, min_width, br.height() + 4), br.height() + 3
        left = x - w if align == "right" else x if align == "left" else x - w / 2
        self.setRect(left, y, w, h)
        self.label.setPos(left + (w - br.width()) / 2, y + 1.5)

    def activate(self) -> bool:
        """What a click does; False when disabled."""
        if self.enabled:
            self.action()
        return self.enabled

    def hoverEnterEvent(self, event) -> None:
        self.setBrush(QBrush(BUTTON_HOVER if self.enabled else BUTTON_BG))
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.setBrush(QBrush(BUTTON_BG))
        super().hoverLeaveEvent(event)


class NoteItem(QGraphicsRectItem):
    """A message on the diagram next to a button: red for a refused edit, yellow for what else changed."""

    def __init__(self, text: str, error: bool) -> None:
        super().__init__()
        self.error = error
        self.body = QGraphicsTextItem(self)
        self.body.setPlainText(text)
        self.body.setDefaultTextColor(ERROR_LINE.darker(130) if error else INK)
        self.body.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPen(QPen(ERROR_LINE if error else INFO_LINE, 1.2))
        self.setBrush(QBrush(ERROR_BG if error else INFO_BG))
        self.setZValue(20)
        self.setToolTip(translate("NetworkCanvas", "Click anywhere on the diagram to close this note"))

    def text(self) -> str:
        return self.body.toPlainText()

    def place(self, anchor: QRectF, scene_rect: QRectF) -> None:
        """Under ``anchor`` (above it when there is no room), inside the scene."""
        self.body.setFont(pixel_font(12))
        width = min(340.0, scene_rect.width() - 16)
        self.body.setTextWidth(width - 8)
        h = self.body.boundingRect().height() + 6
        x = min(max(anchor.center().x() - width / 2, scene_rect.left() + 8), scene_rect.right() - 8 - width)
        y = anchor.bottom() + 4
        if y + h > scene_rect.bottom() - 4:
            y = max(scene_rect.top() + 4, anchor.top() - 4 - h)
        self.setRect(x, y, width, h)
        self.body.setPos(x + 4, y + 3)


class CanvasControls:
    """The buttons of one network. ``units(l, n)``, ``insert(index)``, ``remove(l)``, ``activation_menu(l, button)``
    and ``loss_menu(button)`` are called back."""

    def __init__(self, scene: QGraphicsScene, spec: NetworkSpec, units: Callable[[int, int], None],
                 insert: Callable[[int], None], remove: Callable[[int], None],
                 activation_menu: Callable[[int, CanvasButton], None],
                 loss_menu: Callable[[CanvasButton], None]) -> None:
        self.spec = spec
        self.buttons: dict[str, CanvasButton] = {}
        L = spec.depth
        add = self._add
        add("layer+", translate("NetworkCanvas", "+ layer"), translate(
            "NetworkCanvas", "Add a hidden layer before the output layer, like the last hidden one (Insert)"),
            lambda: insert(L))
        remove_tip = translate("NetworkCanvas", "Remove the last hidden layer, layer {l} (Delete removes the selected "
                                                "one)").format(l=L - 1)
        add("layer-", translate("NetworkCanvas", "− layer"), remove_tip, lambda: remove(L - 1))
        if L == 1:
            self.buttons["layer-"].set_enabled(False, translate("NetworkCanvas", "There is no hidden layer to remove"))
        for l, layer in enumerate(spec.layers, start=1):
            n = layer.units
            add(f"units- {l}", "−", translate("NetworkCanvas", "One unit fewer in layer {l} (now {n}; key −)").format(
                l=l, n=n), partial(units, l, n - 1))
            add(f"units+ {l}", "+", translate("NetworkCanvas", "One unit more in layer {l} (now {n}; key +)").format(
                l=l, n=n), partial(units, l, n + 1))
            if l < L:
                add(f"remove {l}", "✕", translate("NetworkCanvas", "Remove hidden layer {l} (Delete)").format(l=l),
                    partial(remove, l))
            act = get_activation(layer.activation)
            add(f"activation {l}", f"{act.label} ▾", translate(
                "NetworkCanvas", "The activation of layer {l}: choose another (key A)").format(l=l),
                partial(self._menu, activation_menu, l))
        add("loss", f"{short_loss(spec.loss)} ▾", translate("NetworkCanvas", "The loss: choose another (key L)"),
            lambda: loss_menu(self.buttons["loss"]))
        for button in self.buttons.values():
            scene.addItem(button)

    def _menu(self, activation_menu: Callable[[int, CanvasButton], None], l: int) -> None:
        activation_menu(l, self.buttons[f"activation {l}"])

    def _add(self, key: str, text: str, tip: str, action: Callable[[], None]) -> None:
        self.buttons[key] = CanvasButton(key, text, tip, action)

    def one_row_gap(self) -> float:
        """The widest column's buttons in one row (− + ✕ left of the centre, the activation right of it), with
        room between neighbours."""
        fs = presentation.font_scale()
        metrics = QFontMetricsF(pixel_font(BUTTON_PX))
        widest = max(metrics.horizontalAdvance(b.text()) + 10 for k, b in self.buttons.items()
                     if k.startswith("activation"))
        units = 3 * (20 * fs + 2)
        x0 = geometry.SIDE + geometry.LEFT  # the inputs' column: its two buttons may be pushed right of it
        inputs_right = max(4.0, x0 - 60 * fs) + 118 * fs - x0
        return max(2 * max(widest, units, 58 * fs + 4) + 12, inputs_right + units + 12)

    def place(self, g: geometry.Geometry) -> None:
        fs = presentation.font_scale()
        b, r1 = self.buttons, geometry.buttons_top(fs)
        r2 = r1 + (ROW_H + 2) * fs
        one_row = g.button_rows == 1
        if one_row:  # side by side, inside the scene
            start = max(4.0, g.xs[0] - 60 * fs)
            b["layer+"].place(start, r1, 58 * fs, align="left")
            b["layer-"].place(start + 60 * fs, r1, 58 * fs, align="left")
        else:
            b["layer+"].place(g.xs[0], r1, 58 * fs)
            b["layer-"].place(g.xs[0], r2, 58 * fs)
        w = 20 * fs
        for l in range(1, self.spec.depth + 1):
            x, remove = g.xs[l], b.get(f"remove {l}")
            activation = b[f"activation {l}"]
            activation.place(x, r2, 40 * fs)
            right = x + w * 1.5 + 2  # the units' buttons, centred or (one row) left of the activation
            if one_row:
                activation.place(x + 2, r1, 40 * fs, align="left")
                right = x - 2
            buttons = [b[f"units- {l}"], b[f"units+ {l}"], *([remove] if remove is not None else [])]
            if not one_row:
                right = x + (len(buttons) * (w + 2) - 2) / 2
            for i, button in enumerate(reversed(buttons)):
                button.place(right - i * (w + 2), r1, w, align="right")
        box = g.loss_box()
        b["loss"].place(box[0] + box[2], box[1] + box[3] + 4, box[2], align="right")
