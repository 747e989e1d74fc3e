"""Run one view alone for a quick look: ``python -m bpstudio.app.<feature>.<module>`` uses this; the
examples it shows are the ones tests and benchmarks use."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import NoReturn

from PySide6.QtWidgets import QApplication, QWidget

from bpstudio.engine import load_project
from bpstudio.engine.examples import DEFAULT_EXAMPLE
from bpstudio.engine.resource_files import example_path
from bpstudio.session.view_state import ViewState

TRAINING_EXAMPLE = "spiral_softmax"  # what the training plots show: three classes, a test set, 3 layers


def example_state(name: str = DEFAULT_EXAMPLE, stages: int = 3, layer: int = 1) -> ViewState:
    """The example project after ``stages`` stages, for previews and tests."""
    project = load_project(example_path(name))
    stepper = project.stepper()
    snap = stepper.snapshot()
    for _ in range(stages):
        snap = stepper.step()
    return ViewState(project, snap, layer, stepper.can_step_back)


def example_training(name: str = TRAINING_EXAMPLE, iterations: int = 600, probes: int = 200,
                     test_fraction: float = 0.25):
    """(project, stepper, log) after ``iterations`` iterations of a shipped example, with a training-log
    row every ``iterations // probes`` iterations and a test set split off."""
    from bpstudio.engine.backprop import Plan
    from bpstudio.engine.probe import probe_row
    from bpstudio.engine.training_log import TrainingLog

    project = load_project(example_path(name))
    if test_fraction:
        project = replace(project, data={**project.data, "test_fraction": test_fraction})
    train, test = project.split()
    plan = Plan.of(project.network)
    stepper = project.stepper()
    log = TrainingLog(project.network.depth)
    every = max(1, iterations // max(1, probes))
    sets = (train.x.T, train.y.T), (None if test is None else (test.x.T, test.y.T))
    while stepper.iteration < iterations:
        stepper.run_iterations(min(every, iterations - stepper.iteration))
        log.append(probe_row(plan, stepper.parameters, stepper.iteration, stepper.batches_per_epoch, *sets))
    return project, stepper, log


def show_alone(widget_factory, width: int = 800, height: int = 600) -> int:
    """Run one widget as its own window (``widget_factory`` is called once the application exists)."""
    app = QApplication.instance() or QApplication(sys.argv)
    widget: QWidget = widget_factory()
    widget.resize(width, height)
    widget.show()
    return app.exec()


def preview(widget_factory, state: ViewState | None = None) -> int:
    """A view showing ``state`` (the default example after three stages)."""
    def shown():
        widget = widget_factory()
        widget.set_state(state or example_state())
        return widget
    return show_alone(shown, 900, 600)


def run_preview(widget_factory) -> NoReturn:
    """``python -m`` a view's module: ``preview``, then exit when its window is closed."""
    sys.exit(preview(widget_factory))
