"""BP Studio's engine: backpropagation in plain NumPy, one stage at a time. Imports no Qt."""

from bpstudio.engine.text.trace import trace_iteration

from .activations import ACTIVATIONS, Activation, get_activation
from .backprop import Plan
from .datasets import GENERATORS, Dataset, generate
from .errors import BPStudioError, FormatError, HistoryError, ValidationError
from .gradcheck import GradCheckResult, gradient_check
from .losses import LOSSES, Loss, get_loss
from .project import Project, load_project, loads_project, project_from_dict, save_project
from .snapshot import QUANTITIES, Snapshot
from .snapshot_io import LoadedSnapshot, load_snapshot, save_snapshot
from .spec import INITIALIZERS, InitSpec, LayerSpec, NetworkSpec, TrainingSpec
from .stages import Stage, iteration_stages
from .stepper import Stepper

__all__ = [
    "ACTIVATIONS", "Activation", "get_activation", "Plan", "GENERATORS", "Dataset", "generate",
    "BPStudioError", "FormatError", "HistoryError", "ValidationError", "GradCheckResult",
    "gradient_check", "LOSSES", "Loss", "get_loss", "Project", "load_project", "loads_project",
    "project_from_dict", "save_project", "QUANTITIES", "Snapshot", "LoadedSnapshot", "load_snapshot",
    "save_snapshot", "INITIALIZERS", "InitSpec", "LayerSpec", "NetworkSpec", "TrainingSpec", "Stage",
    "iteration_stages", "Stepper", "trace_iteration",
]
