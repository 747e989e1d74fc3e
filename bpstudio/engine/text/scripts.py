"""The scripts File ▸ Export writes from the engine's state: what → ``write(stepper, project_name)``."""

from __future__ import annotations

from collections.abc import Callable

from bpstudio.engine.stepper import Stepper

from .numpy_export import numpy_script
from .torch_export import torch_script

SCRIPTS: dict[str, Callable[[Stepper, str], str]] = {
    "torch": torch_script,  # this batch's loss and gradients in PyTorch
    "numpy": numpy_script,  # training from these weights, in NumPy alone
}
