"""The built-in examples: the one the app opens on, how a name is found, and their names marked for
translation. A project keeps its name in its file; the window and the exports show a shipped example's name in
the UI's language (any other name as it is)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from .exercise_code import PREFIX
from .exercise_variant import variant_from_code
from .i18n import QT_TRANSLATE_NOOP, translate
from .project import Project, load_project
from .resource_files import example_path
from .spec import InitSpec, LayerSpec, NetworkSpec, TrainingSpec

DEFAULT_EXAMPLE = "seed003_2-2-1"  # what the app opens on (File ▸ New starts from ``new_project`` instead)

NAMES = frozenset({  # the "name" of each file in resources/examples (a test keeps the two in step)
    QT_TRANSLATE_NOOP("Examples", "Handwritten digits: 64-32-10 softmax"),
    QT_TRANSLATE_NOOP("Examples", "Iris: softmax on a real dataset"),
    QT_TRANSLATE_NOOP("Examples", "Seed 000: the output-layer error δᴸ"),
    QT_TRANSLATE_NOOP("Examples", "Seed 001: where the batch mean is taken"),
    QT_TRANSLATE_NOOP("Examples", "Seed 003: a 2-2-1 sigmoid network learns XOR"),
    QT_TRANSLATE_NOOP("Examples", "Seed 004: one neuron per layer, the chain rule"),
    QT_TRANSLATE_NOOP("Examples", "Fitting a sine curve (regression)"),
    QT_TRANSLATE_NOOP("Examples", "Softmax + cross-entropy: δ = a − y"),
    QT_TRANSLATE_NOOP("Examples", "Three spirals: ReLU layers and a softmax output"),
    QT_TRANSLATE_NOOP("Examples", "XOR with a tanh hidden layer (mini-batches of 4)"),
    QT_TRANSLATE_NOOP("Examples", "Vanishing gradients: six sigmoid layers on the moons"),
})


def shown_name(name: str) -> str:
    """``name`` as the UI shows it: translated when it is a built-in example's."""
    return translate("Examples", name) if name in NAMES else name


def resolve_project(name: str) -> Project:
    """A .bpsproj path, the name of a built-in example, or an exercise's code (BP1-…)."""
    path = Path(name)
    if not path.exists() and re.match(rf"\s*{PREFIX}\d+-", name, re.I) and not example_path(name).exists():
        return variant_from_code(name).project()
    if not path.exists() and example_path(name).exists():
        path = example_path(name)
    return load_project(path)


def new_project(name: str = "Untitled") -> Project:
    """What File ▸ New starts from: a small, clean 2-3-1 network (tanh, then a sigmoid output with binary
    cross-entropy) on 200 generated "moons" points, random Xavier weights, plain gradient descent: nothing copied
    from the project that was open, no explicit weights, few epochs."""
    network = NetworkSpec(2, (LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")), "binary_cross_entropy")
    data = {"generator": "moons", "params": {"n": 200, "noise": 0.1, "seed": 0}}
    training = TrainingSpec(learning_rate=0.5, batch_size=0, epochs=200, seed=0, shuffle=False)
    return Project(network, data, training, InitSpec("xavier"), name=name)


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
