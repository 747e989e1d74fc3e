"""What a matrix box says about its quantity: the symbol and shape in its title, what the quantity is in the
title's tooltip (every notation), and which of its values need the widest column."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.engine.text import convention as conv
from bpstudio.engine.text.indices import superscript

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def widest_candidates(array: np.ndarray, count: int = 48) -> np.ndarray:
    """Values whose text is longest: the largest in size (most integer digits) and the smallest
    non-zero (scientific notation). Formatting every cell of a 40 × 40 table each step costs ~2 ms."""
    flat = array.ravel()
    if flat.size <= 2 * count:
        return flat
    size = np.abs(flat)
    largest = flat[np.argpartition(size, -count)[-count:]]
    nonzero = flat[size > 0]
    smallest = nonzero[np.argpartition(np.abs(nonzero), count)[:count]] if nonzero.size > count else nonzero
    return np.concatenate([largest, smallest])


def symbol(quantity: str, layer: int, notation: str = conv.COLUMN) -> str:
    """How TEACHING.md writes the quantity: W², b², z², a², δ² = ∂L/∂z², ∂L/∂W², ∂L/∂b² (Z², A² in the row
    convention, where a batch matrix has a row per sample)."""
    l = superscript(layer)
    if notation == conv.DEEPLEARNING:  # W^[2], Z^[2], dZ^[2], dW^[2], db^[2]
        return conv.written(f"{conv.SYMBOLS[quantity]}{l}", notation)
    name = (conv.ROW_SYMBOLS if notation == conv.ROW else conv.SYMBOLS)[quantity]
    return f"δ{l} = ∂L/∂z{l}" if quantity == "delta" else f"{name}{l}"


def title(quantity: str, layer: int, notation: str, shape: tuple[int, ...] | None) -> str:
    """"W² · 2 × 2 = (n², n¹)": the symbol, then the shape in numbers (when known) and in symbols."""
    size = f"{shape[0]} × {shape[1]} = " if shape else ""
    return f"{symbol(quantity, layer, notation)} · {size}{conv.shape_tuple_label(quantity, layer, notation)}"


def describe(quantity: str, layer: int, notation: str = conv.COLUMN) -> str:
    """What the quantity is, for the title's tooltip."""
    l, p = superscript(layer), superscript(layer - 1)
    if notation == conv.ROW:
        row_texts = {
            "W": translate("MatrixView",
                           "Weights of layer {l} in the row convention (the transpose of W{sl}): row k holds the "
                           "weights from unit k of layer {p}, column j those into unit j."),
            "b": translate("MatrixView",
                           "Biases of layer {l}: one per unit (a row), added to every row (every sample) of Z{sl}."),
            "z": translate("MatrixView", "Weighted inputs Z{sl} = A{sp} W{sl} + b{sl}: one row per sample."),
            "a": translate("MatrixView", "Activations A{sl} = f(Z{sl}): one row per sample."),
            "delta": translate("MatrixView",
                               "Errors δ{sl} = ∂L/∂z{sl}, one row per sample (never averaged): BP1 at the output "
                               "layer, BP2 (δ{sl} = (δ⁽ˡ⁺¹⁾ (W⁽ˡ⁺¹⁾)ᵀ) ⊙ f′(z{sl})) below it."),
            "dW": translate("MatrixView",
                            "Weight gradient ∂L/∂W{sl} = (1/m) (A{sp})ᵀ δ{sl} (BP4): the mean over the m samples of "
                            "the batch."),
            "db": translate("MatrixView",
                            "Bias gradient ∂L/∂b{sl}: the mean of δ{sl} over its m rows, the samples of the batch "
                            "(BP3)."),
        }
        return row_texts[quantity].format(l=layer, p=layer - 1, sl=l, sp=p)
    texts = {
        "W": translate("MatrixView",
                       "Weights of layer {l}: row j holds the weights into unit j, column k those from unit k "
                       "of layer {p}."),
        "b": translate("MatrixView", "Biases of layer {l}: one per unit, added to z{sl} for every sample."),
        "z": translate("MatrixView", "Weighted inputs z{sl} = W{sl} a{sp} + b{sl}: one column per sample."),
        "a": translate("MatrixView", "Activations a{sl} = f(z{sl}): one column per sample."),
        "delta": translate("MatrixView",
                           "Errors δ{sl} = ∂L/∂z{sl}, one column per sample (never averaged): BP1 at the output "
                           "layer, BP2 below it."),
        "dW": translate("MatrixView",
                        "Weight gradient ∂L/∂W{sl} = (1/m) δ{sl} (a{sp})ᵀ (BP4): the mean over the m samples of "
                        "the batch."),
        "db": translate("MatrixView",
                        "Bias gradient ∂L/∂b{sl}: the mean of δ{sl} over the m samples of the batch (BP3)."),
    }
    return conv.written(texts[quantity].format(l=layer, p=layer - 1, sl=l, sp=p), notation)
