"""What every view renders: the project, the engine's latest snapshot, and the selected layer.

Views get a new ``ViewState`` with ``set_state`` and never talk to the engine; they ask for
changes by emitting signals that the main window routes to the engine controller.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bpstudio.engine import Project, Snapshot
from bpstudio.engine.backprop import Plan


@dataclass(frozen=True)
class ViewState:
    project: Project
    snapshot: Snapshot
    layer: int = 1  # the selected layer, 1 … L
    can_step_back: bool = False

    @property
    def plan(self) -> Plan:
        return Plan.of(self.project.network)

    @property
    def depth(self) -> int:
        return self.project.network.depth

    @property
    def learning_rate(self) -> float:
        return self.project.training.learning_rate

    def with_layer(self, layer: int) -> ViewState:
        return replace(self, layer=max(1, min(layer, self.depth)))
