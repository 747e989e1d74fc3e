"""Run one view alone for a quick look: ``python -m bpstudio.app.<module>`` uses this."""

from __future__ import annotations

import sys

import numpy as np

from ..engine import InitSpec, LayerSpec, NetworkSpec, Project, TrainingSpec, load_project
from ..resources_path import example_path
from .view_state import ViewState


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


def wide_project(samples: int = 64, batch_size: int = 0, seed: int = 0, init: str = "he",
                 learning_rate: float = 0.1, shuffle: bool = False) -> Project:
    """A 784-128-64-10 ReLU/softmax network on random MNIST-shaped data (one-hot targets): the size
    the studio must stay quick at. For previews, tests and benchmarks."""
    rng = np.random.default_rng(seed)
    spec = NetworkSpec(784, (LayerSpec(128, "relu"), LayerSpec(64, "relu"), LayerSpec(10, "softmax")),
                       "cross_entropy")
    x, y = rng.random((samples, 784)), np.eye(10)[rng.integers(0, 10, samples)]
    training = TrainingSpec(learning_rate=learning_rate, batch_size=batch_size, seed=seed, shuffle=shuffle)
    return Project(spec, {"x": x.tolist(), "y": y.tolist()}, training, InitSpec(init), name="784-128-64-10")
