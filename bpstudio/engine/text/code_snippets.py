"""The NumPy expressions of the reference program (``reference_code``) for each activation and loss: the very
operations of ``activations.py`` and ``losses.py``, in the same order, so the program's bits are the engine's.

``U`` is the axis of the units (0 in the column notation, 1 in the row notation): softmax and the per-sample
losses sum over it. Each function returns code text; names are the program's variable names.
"""

from __future__ import annotations

from bpstudio.engine.activations import LEAKY_SLOPE


def activation_lines(name: str, z: str, a: str, U: int, layer: int) -> list[str]:  # noqa: N803 - the axis
    """The line(s) computing a = f(z)."""
    if name == "softmax":  # as activations._softmax: shift by the max, then normalise
        e = f"e{layer}"
        return [f"{e} = np.exp({z} - {z}.max(axis={U}, keepdims=True))",
                f"{a} = {e} / {e}.sum(axis={U}, keepdims=True)"]
    return [f"{a} = " + {
        "identity": f"np.copy({z})",  # (keeps the layout: a row program's Z is the engine's z transposed)
        "sigmoid": f"1.0 / (1.0 + np.exp(-{z}))",
        "tanh": f"np.tanh({z})",
        "relu": f"np.maximum({z}, 0.0)",
        "leaky_relu": f"np.where({z} > 0, {z}, {LEAKY_SLOPE!r} * {z})",
    }[name]]


def times_derivative(name: str, grad: str, z: str, a: str, U: int) -> str:  # noqa: N803 - the axis
    """δ = grad ⊙ f′(z) (softmax: its Jacobian-vector product), as ``Activation.backward`` computes it."""
    if name == "softmax":
        return f"{a} * ({grad} - ({a} * {grad}).sum(axis={U}, keepdims=True))"
    return f"{grad} * " + {
        "identity": f"np.ones_like({z})",
        "sigmoid": f"({a} * (1.0 - {a}))",
        "tanh": f"(1.0 - {a} * {a})",
        "relu": f"({z} > 0).astype({z}.dtype)",
        "leaky_relu": f"np.where({z} > 0, 1.0, {LEAKY_SLOPE!r})",
    }[name]


def per_sample_loss(name: str, fused: bool, z: str, a: str, y: str, U: int) -> list[str]:  # noqa: N803
    """Lines ending in ``losses = …`` (one value per sample), as ``backprop.loss_per_sample``."""
    if fused and name == "cross_entropy":  # losses._ce_from_z: log Σ e^z from z, never log 0
        return [f"zmax = {z}.max(axis={U}, keepdims=True)",
                f"lse = zmax + np.log(np.exp({z} - zmax).sum(axis={U}, keepdims=True))",
                f"losses = np.sum({y} * (lse - {z}), axis={U})"]
    if fused and name == "binary_cross_entropy":  # losses._bce_from_z
        return [f"losses = np.sum(np.maximum({z}, 0.0) - {z} * {y} + np.log1p(np.exp(-np.abs({z}))), axis={U})"]
    return ["losses = " + {
        "squared_error": f"0.5 * np.sum(({y} - {a}) ** 2, axis={U})",
        "squared_error_no_half": f"np.sum(({a} - {y}) ** 2, axis={U})",
    }[name]]


def loss_gradient(name: str, a: str, y: str) -> str:
    """∇ₐL per sample, never averaged (``Loss.grad``). Cross-entropies are always fused with their output
    (``NetworkSpec.validate``): BP1 is a − y there, and the program needs no ∇ₐL."""
    return {
        "squared_error": f"{a} - {y}",
        "squared_error_no_half": f"2.0 * ({a} - {y})",
    }[name]
