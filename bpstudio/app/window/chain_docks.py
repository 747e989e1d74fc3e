"""The docks that show the chain rule at work on the current numbers (the graph of one number, the nudge, the
update ledger, why gradients vanish): made here, so that the window only renders them, lists them in View and
lets lessons point at them."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.app.engine_link.engine_controller import EngineController

from .render_schedule import StateView


class ChainDocks:
    def __init__(self, window: QMainWindow, controller: EngineController) -> None:
        self.views: list[StateView] = []  # rendered with every state, in one slice of their own
        self.docks: list[QDockWidget] = []  # listed in View
        self.targets: dict[str, tuple[QDockWidget | None, QWidget]] = {}  # what a lesson may point at, by name
