"""The canvas's edit requests go to the network form, the one place that builds and checks network edits, so
an edit made on the diagram is exactly the edit the form would make (and goes on the undo stack the same way).
What the form says about it, a refusal and why or what else changed, is shown on the diagram too, next to the
button that asked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu

from bpstudio.app.forms.network_form import NetworkForm
from bpstudio.app.network.network_canvas import NetworkCanvas
from bpstudio.engine import Project


def wire_canvas_edits(canvas: NetworkCanvas, form: NetworkForm, view_menu: QMenu | None = None) -> None:
    asked: list[Project] = []  # the project the form asked for during the canvas's request
    form.projectEditRequested.connect(lambda project, _text: asked.append(project))

    def asking(edit: Callable[..., bool | None]) -> Callable[..., None]:
        def ask(*args: object) -> None:
            before = form.project
            asked.clear()
            done = edit(*args)
            if done is False:
                canvas.show_note(form.message(), True, None if before is None else before.network)
            elif done and asked and form.message() and not form.message_is_error():
                canvas.show_note(form.message(), False, asked[-1].network)  # until the network changes again
        return ask

    canvas.insertLayerRequested.connect(asking(form.insert_hidden_layer))
    canvas.removeLayerRequested.connect(asking(form.remove_hidden_layer))
    canvas.moveLayerRequested.connect(asking(form.move_hidden_layer))
    canvas.activationChangeRequested.connect(asking(form.set_activation))
    canvas.unitsChangeRequested.connect(asking(form.set_units))
    canvas.lossChangeRequested.connect(asking(form.set_loss))
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addActions(canvas.editing.actions())
