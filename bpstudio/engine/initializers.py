"""Initial weights. Every draw comes from one seeded numpy Generator, so a seed fixes the run."""

from __future__ import annotations

import numpy as np

from .backprop import Params
from .spec import InitSpec, NetworkSpec


def initial_parameters(spec: NetworkSpec, init: InitSpec, rng: np.random.Generator) -> Params:
    """[(W¹, b¹), …, (Wᴸ, bᴸ)] with Wˡ of shape (nˡ, nˡ⁻¹) and bˡ of shape (nˡ, 1)."""
    params = []
    sizes = spec.sizes
    for l in range(1, len(sizes)):
        fan_in, fan_out = sizes[l - 1], sizes[l]
        shape = (fan_out, fan_in)
        if init.method == "xavier":  # Glorot uniform
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            W = rng.uniform(-limit, limit, shape)
        elif init.method == "he":  # He normal, for ReLU layers
            W = rng.normal(0.0, np.sqrt(2.0 / fan_in), shape)
        elif init.method == "small_uniform":
            W = rng.uniform(-init.scale, init.scale, shape)
        elif init.method == "zeros":
            W = np.zeros(shape)
        else:
            raise ValueError(f"{init.method!r} weights must be given explicitly")
        params.append((W, np.zeros((fan_out, 1))))
    return params
