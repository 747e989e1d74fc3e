"""What one training iteration of a project costs, estimated before anything is allocated: a project whose
iteration would need more memory or work than the studio can give is refused when it is loaded, with the
estimate and the limit, instead of opening and then freezing the window or running out of memory.

The estimate counts float64 arrays: the samples (rows, their transposes and the batch drawn from them), the
batch's z, a, δ and their temporaries and kept stages in every layer, and the weights with their gradients,
velocities and the copies the step-back history keeps. It was calibrated against the engine's peak memory
(docs/formats.md: limits)."""

from __future__ import annotations

from .errors import ValidationError
from .i18n import translate
from .spec import NetworkSpec

MAX_ITERATION_BYTES = 1024 ** 3  # 1 GiB for one iteration
MAX_ITERATION_WORK = 1_000_000_000  # multiply-adds in one iteration (about a second here)
ACTIVATION_COPIES = 8  # per batch sample and unit: z, a, δ, f′(z), temporaries, the kept stages
DATA_COPIES = 4  # per sample and input or target value: the rows, the columns, the batch, the split
MB = 2 ** 20
WEIGHT_COPIES = 8  # per weight: W, ∂L/∂W, velocity, the starting weights, history and snapshot copies


def iteration_cost(network: NetworkSpec, samples: int, batch_size: int) -> tuple[int, int]:
    """(bytes, multiply-adds) of one iteration on ``samples`` samples in batches of ``batch_size`` (0: all)."""
    sizes = network.sizes
    batch = samples if batch_size == 0 else min(batch_size, samples)
    weights = sum(a * b + b for a, b in zip(sizes, sizes[1:], strict=False))
    units = sum(sizes)
    memory = 8 * (ACTIVATION_COPIES * batch * units + DATA_COPIES * samples * (sizes[0] + sizes[-1])
                  + WEIGHT_COPIES * weights)
    return memory, 3 * batch * weights


def check_iteration(network: NetworkSpec, samples: int, batch_size: int) -> None:
    """Refuse (naming the batch size, or the layers when the weights alone are too many) an iteration over the
    limits."""
    memory, work = iteration_cost(network, samples, batch_size)
    weights_only = iteration_cost(network, 1, 1)[0]
    field = "network.layers" if 2 * weights_only > memory else "training.batch_size"
    batch = samples if batch_size == 0 else min(batch_size, samples)
    if memory > MAX_ITERATION_BYTES:
        raise ValidationError(field, translate(
            "Budget", "one training iteration (a batch of {batch:,} samples of {samples:,}) would need about "
            "{need:,} MB of memory; BP Studio allows {most:,} MB. Use a smaller batch, fewer samples or a smaller "
            "network").format(batch=batch, samples=samples, need=memory // MB, most=MAX_ITERATION_BYTES // MB))
    if work > MAX_ITERATION_WORK:
        raise ValidationError(field, translate(
            "Budget", "one training iteration (a batch of {batch:,} samples of {samples:,}) would take about "
            "{need:,} million multiply-adds; BP Studio allows {most:,} million. Use a smaller batch or a smaller "
            "network").format(batch=batch, samples=samples, need=work // 10 ** 6, most=MAX_ITERATION_WORK // 10 ** 6))
