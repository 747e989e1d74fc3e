"""The docks that show the chain rule at work on the current numbers (the graph of one number, the nudge, the
update ledger, why gradients vanish): made here, so that the window only renders them, lists them in View and
lets lessons point at them."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.equations.equation_panel import EquationPanel
from bpstudio.app.equations.stage_list import StageList
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.network.network_canvas import NetworkCanvas

from .chain_graph_dock import ChainGraphDock
from .code_dock import CodeDock
from .gradient_flow_dock import GradientFlowDock
from .ledger_dock import ledger_dock
from .matrix_boxes import NewBoxes
from .nudge_dock import NudgeDock
from .render_schedule import StateView
from .runs_docks import RunsDocks


class ChainDocks:
    def __init__(self, window: QMainWindow, controller: EngineController, canvas: NetworkCanvas, matrices: MatrixPanel,
                 equations: EquationPanel) -> None:
        self.views: list[StateView] = []  # rendered with every state, in one slice of their own
        self.docks: list[QDockWidget] = []  # listed in View
        self.targets: dict[str, tuple[QDockWidget | None, QWidget]] = {}  # what a lesson may point at, by name
        self.boxes = NewBoxes(matrices)  # the matrix boxes, wired by the graph and the code
        self.views.append(self.boxes)
        self.graph = ChainGraphDock(window, canvas, matrices, equations)  # item 1: the graph of one number
        self.views.append(self.graph)
        self.docks.append(self.graph.dock)
        self.targets["chain"] = (self.graph.dock, self.graph.view)
        self.nudge = NudgeDock(window, canvas, matrices)  # item 2: a tab beside Selected weight
        self.views.append(self.nudge)
        self.docks.append(self.nudge.dock)
        self.targets["nudge"] = (self.nudge.dock, self.nudge.view)
        self.vanish = GradientFlowDock(window, controller, matrices.notation)  # why gradients vanish
        self.views.append(self.vanish)
        self.docks.append(self.vanish.dock)
        self.targets["vanishing"] = (self.vanish.dock, self.vanish.view)
        self.ledger, ledger = ledger_dock(window, controller, matrices)  # the update ledger (issue 15, item 3)
        self.views.append(self.ledger)
        self.docks.append(ledger)
        self.targets["ledger"] = (ledger, self.ledger)
        self.code = CodeDock(window, matrices, controller)  # issue 16, item 1: the engine's loop as a program, stepped
        self.views.append(self.code)
        self.docks.append(self.code.dock)
        self.targets["code"] = (self.code.dock, self.code.view)
        self.boxes.wirers += [self.graph.wire_box, self.code.wire_box]
        self.runs = RunsDocks(window, controller)  # issue 17, item 3: kept runs and the lockstep A/B
        self.views.append(self.runs)
        self.docks += self.runs.docks
        self.targets["runs"] = (self.runs.runs_dock, self.runs.runs_view)
        self.targets["lockstep"] = (self.runs.lockstep_dock, self.runs.lockstep_view)

    def set_notation(self, notation: str) -> None:
        """View ▸ Notation, pushed by the window as to its panels."""
        for view in (self.graph.view, self.nudge.view, self.code.view):
            view.set_notation(notation)
        self.ledger.refresh()
        self.vanish.view.refresh()  # its key and numbers name δ as the notation does
        for stages in self.graph.dock.window().findChildren(StageList):  # the stage list's (zˡ, aˡ) too
            stages.set_notation(notation)
