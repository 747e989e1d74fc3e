"""Run one view alone for a quick look: ``python -m bpstudio.app.<feature>.<module>`` uses this."""

from __future__ import annotations

import sys

from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.view_state import ViewState


def example_state(name: str = "seed003_2-2-1", stages: int = 3, layer: int = 1) -> ViewState:
    """The example project after ``stages`` stages, for previews and tests."""
    project = load_project(example_path(name))
    stepper = project.stepper()
    snap = stepper.snapshot()
    for _ in range(stages):
        snap = stepper.step()
    return ViewState(project, snap, layer, stepper.can_step_back)


def preview(widget_factory, state: ViewState | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    widget = widget_factory()
    widget.set_state(state or example_state())
    widget.resize(900, 600)
    widget.show()
    return app.exec()
