"""What the window says about the state it shows: where the iteration is (its status bar; that the numbers have
diverged is in ``divergence_texts``). Qt-free: the app's translator reaches these texts through ``engine.i18n``."""

from __future__ import annotations

from bpstudio.engine.i18n import translate
from bpstudio.engine.text.explain import format_number
from bpstudio.session.view_state import ViewState


def where_text(state: ViewState, digits: int) -> str:
    """"Backward · layer 2 of 3 · iteration 4 · epoch 1" — counted from 1 for people."""
    snap, depth = state.snapshot, state.depth
    stage = snap.stage
    i, e = snap.iteration + 1, snap.epoch + 1
    if stage is None:
        return translate("MainWindow", "Ready · next: forward, layer 1 · iteration {i} · epoch {e}").format(i=i, e=e)
    kinds = {"forward": translate("MainWindow", "Forward"), "backward": translate("MainWindow", "Backward"),
             "loss": translate("MainWindow", "Loss"), "update": translate("MainWindow", "Update")}
    if stage.layer:
        return translate("MainWindow", "{kind} · layer {l} of {L} · iteration {i} · epoch {e}").format(
            kind=kinds[stage.kind], l=stage.layer, L=depth, i=i, e=e)
    text = translate("MainWindow", "{kind} · iteration {i} · epoch {e}").format(kind=kinds[stage.kind], i=i, e=e)
    if stage.kind == "loss" and snap.loss is not None:
        text += translate("MainWindow", " · L = {loss}").format(loss=format_number(snap.loss, digits))
    return text
