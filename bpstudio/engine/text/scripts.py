"""The scripts File ▸ Export writes from the engine's state: what → ``write(stepper, project_name)``."""

from __future__ import annotations

import re
from collections.abc import Callable

from bpstudio.engine.stepper import Stepper

from .convention import DEEPLEARNING
from .numpy_export import in_deeplearning_names, numpy_script
from .torch_export import torch_script
from .torch_training import torch_training_script

SCRIPTS: dict[str, Callable[[Stepper, str], str]] = {
    "torch": torch_training_script,  # training from these weights in PyTorch (nn.Module, SGD)
    "torch_gradients": torch_script,  # this batch's loss and gradients in PyTorch
    "numpy": numpy_script,  # training from these weights, in NumPy alone
}


def script(what: str, stepper: Stepper, project_name: str, notation: str = "column") -> str:
    """SCRIPTS[what]'s text; the NumPy script names dZ, dA as the deeplearning.ai notation does when it is on show."""
    text = SCRIPTS[what](stepper, project_name)
    return in_deeplearning_names(text) if what == "numpy" and notation == DEEPLEARNING else text


def suggested_filename(project_name: str, what: str) -> str:
    """A file name for the exported script, e.g. ``spiral_softmax_torch.py`` (``what``: a key of ``SCRIPTS``)."""
    stem = re.sub(r"[^0-9A-Za-z]+", "_", project_name).strip("_").lower()[:60]
    return f"{stem or 'network'}_{what}.py"
