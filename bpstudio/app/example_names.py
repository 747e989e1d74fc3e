"""The built-in examples' names, marked for translation. A project keeps its name in its file; the window
and the exports show a shipped example's name in the UI's language (any other name as it is)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..engine.i18n import QT_TRANSLATE_NOOP

NAMES = frozenset({  # the "name" of each file in resources/examples (a test keeps the two in step)
    QT_TRANSLATE_NOOP("Examples", "Iris: softmax on a real dataset"),
    QT_TRANSLATE_NOOP("Examples", "Seed 000: the output-layer error δᴸ"),
    QT_TRANSLATE_NOOP("Examples", "Seed 001: where the batch mean is taken"),
    QT_TRANSLATE_NOOP("Examples", "Seed 003: a 2-2-1 sigmoid network learns XOR"),
    QT_TRANSLATE_NOOP("Examples", "Seed 004: one neuron per layer, the chain rule"),
    QT_TRANSLATE_NOOP("Examples", "Fitting a sine curve (regression)"),
    QT_TRANSLATE_NOOP("Examples", "Softmax + cross-entropy: δ = a − y"),
    QT_TRANSLATE_NOOP("Examples", "Three spirals: ReLU layers and a softmax output"),
    QT_TRANSLATE_NOOP("Examples", "XOR with a tanh hidden layer (mini-batches of 4)"),
})


def shown_name(name: str) -> str:
    """``name`` as the UI shows it: translated when it is a built-in example's."""
    return QCoreApplication.translate("Examples", name) if name in NAMES else name
