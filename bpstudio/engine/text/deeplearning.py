"""The third notation: seed 002's and the deeplearning.ai course's (Andrew Ng).

It is column-oriented like the engine (samples are columns, X is n × m, Z = W A + b), so every array is shown
exactly as in the column convention; only the names and the forms of the equations differ:

=================  ====================  ===========================================
quantity           column convention     deeplearning.ai
=================  ====================  ===========================================
layer superscript  W², aˡ⁻¹              W^[2], A^[l−1]
batch arrays       z², a², δ²            Z^[2], A^[2], dZ^[2]   (one entry: z^[2]₁)
gradients          ∂L/∂W², ∂L/∂b²        dW^[2], db^[2]         (one entry: dw^[2]₁₂)
output gradient    ∇ₐL                   dA^[L]
activation         f, f′(zˡ)             g^[l], g^[l]′(Z^[l])
learning rate      η, ←                  α, :=
=================  ====================  ===========================================

Layer superscripts are written ``^[l]`` in every text: Unicode has no superscript square brackets, and the
course's W⁽ˡ⁾ with round ones is its index of the i-th *sample* (x⁽ⁱ⁾), so it would misread; ``W^[l]`` is how the
course's own notes, forum posts and code comments type it, and it reads the same in a table header, a tooltip,
Markdown and a Python comment. (LaTeX sets it as W^{[l]}; HTML exports keep the text so a copy reads the same.)

``TABLE`` holds the names and ``EQUATIONS`` the general equations; ``rewrite`` writes any text the column
convention writes (a panel's title, an equation with its numbers, a hover derivation, a lesson step, an export)
in this notation, by the same table, so no view branches on the notation itself.
"""

from __future__ import annotations

import re

NAME = "deeplearning"

# quantity: (name of the batch matrix, name of one of its entries) — the ^[l] follows the letters
TABLE = {
    "W": ("W", "w"), "b": ("b", "b"), "z": ("Z", "z"), "a": ("A", "a"), "delta": ("dZ", "dz"),
    "dW": ("dW", "dw"), "db": ("db", "db"), "grad_a": ("dA", "da"), "f": ("g", "g"), "eta": ("α", "α"),
}

EQUATIONS = {
    "forward": "Z^[l] = W^[l] A^[l−1] + b^[l],   A^[l] = g^[l](Z^[l])",
    "BP1": "dZ^[L] = dA^[L] ⊙ g^[L]′(Z^[L])",
    "BP2": "dA^[l] = W^[l+1]ᵀ dZ^[l+1],   dZ^[l] = dA^[l] ⊙ g^[l]′(Z^[l])",
    "BP3": "db^[l] = (1/m) Σ dZ^[l] over the m columns",
    "BP4": "dW^[l] = (1/m) dZ^[l] A^[l−1]ᵀ",
    "update": "W^[l] := W^[l] − α dW^[l],   b^[l] := b^[l] − α db^[l]",
    "weight": "w^[l]ⱼₖ",
}

# the derivative of the loss with respect to the output, per sample, for each loss (dA^[L] = ∂L/∂A^[L])
OUTPUT_GRADIENTS = {
    "binary_cross_entropy": "dA^[L] = −y/a + (1 − y)/(1 − a)",
    "cross_entropy": "dA^[L] = −y/a",
    "squared_error": "dA^[L] = a − y",
    "squared_error_no_half": "dA^[L] = 2(a − y)",
}

_SUPS = "⁰¹²³⁴⁵⁶⁷⁸⁹ˡᴸ⁻⁺⁽⁾"
_PLAIN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹ˡᴸ⁻⁺⁽⁾", "0123456789lL−+()")
_SUBS = "₀₁₂₃₄₅₆₇₈₉ᵢⱼₖ"
_SUP = f"[{_SUPS}]+"
_BEFORE = r"(?<![A-Za-z_])"  # a symbol starts a word: "tanh²" or "seed²" are not layer names


def layer_mark(sup: str) -> str:
    """"^[l−1]" for "ˡ⁻¹", "^[2]" for "²", "^[l+1]" for "⁽ˡ⁺¹⁾"."""
    return "^[" + sup.translate(_PLAIN).strip("()") + "]"


def _named(quantity: str) -> str:
    return TABLE[quantity][0]


def _symbol(letter: str, sup: str, rest: str) -> str:
    """One symbol with its layer: the matrix's name, or the entry's when subscripts follow."""
    quantity = {"W": "W", "w": "W", "b": "b", "z": "z", "Z": "z", "a": "a", "A": "a", "δ": "delta", "f": "f",
                "dW": "dW", "dw": "dW", "db": "db", "dA": "grad_a"}.get(letter, "")
    if letter in ("W", "w", "dW", "dw", "n"):
        name = letter  # W the matrix, w one weight: as the column convention has it
    else:
        name = TABLE[quantity][1 if rest else 0]
    return name + layer_mark(sup) + rest


_DEFINED = re.compile(rf"δ({_SUP}) = ∂L/∂z\1(?![{_SUBS}])")  # the definition keeps its ∂: dZ^[l] = ∂L/∂Z^[l]
_INDICES = rf"((?:[{_SUBS}]+(?:,[{_SUBS}]+)*)?)"  # ₁₂ or ₁₂,₁ (a comma once an index has two digits)
_GRADIENT = re.compile(rf"∂L/∂([Wwbzaδ])({_SUP}){_INDICES}")
_PRIME = re.compile(rf"{_BEFORE}f′\(([zZ])({_SUP})\)")
_F_OF = re.compile(rf"{_BEFORE}f\(([zZ])({_SUP})\)")
_LAYERED = re.compile(rf"{_BEFORE}([WwbzaZAδfn])({_SUP}){_INDICES}")
_BARE_GRADIENT = re.compile(r"∂L/∂([Wbza])(?![A-Za-z^])")
_BARE_DELTA = re.compile(rf"δ([{_SUBS}]*)")
_TRANSPOSED = re.compile(r"\(((?:W|A|dZ|dA)\^\[[^\]]+\])\)ᵀ")
_PROTECTED = re.compile(r"(?<!\()1 − a²(?!\))")  # tanh′ = 1 − a²: a square; (1 − a²) is layer 2's


def hide_text(text: str, keep: list[str]) -> str:
    keep.append(text)
    return f"\x00{len(keep) - 1}\x00"


def rewrite(text: str) -> str:
    """A text written in the column convention, written in the deeplearning.ai notation (same numbers)."""
    if not text:
        return text
    keep: list[str] = []
    text = _PROTECTED.sub(lambda m: hide_text(m.group(0), keep), text)
    text = _DEFINED.sub(lambda m: hide_text(f"dZ{layer_mark(m.group(1))} = ∂L/∂Z{layer_mark(m.group(1))}", keep), text)
    text = text.replace("∇ₐL", "dA" + layer_mark("ᴸ")).replace("a⁰ = x", "A^[0] = X")
    text = _GRADIENT.sub(lambda m: _symbol({"z": "δ", "a": "dA"}.get(m.group(1), "d" + m.group(1)), m.group(2),
                                           m.group(3)), text)
    text = _PRIME.sub(lambda m: f"g{layer_mark(m.group(2))}′(Z{layer_mark(m.group(2))})", text)
    text = _F_OF.sub(lambda m: f"g{layer_mark(m.group(2))}(Z{layer_mark(m.group(2))})", text)
    text = _LAYERED.sub(lambda m: _symbol(m.group(1), m.group(2), m.group(3)), text)
    text = _BARE_GRADIENT.sub(lambda m: "d" + m.group(1), text)
    text = _BARE_DELTA.sub(lambda m: ("dz" if m.group(1) else "dZ") + m.group(1), text)
    text = re.sub(rf"{_BEFORE}f′", "g′", text)
    text = _TRANSPOSED.sub(r"\1ᵀ", text)  # W^[l+1]ᵀ, as the course writes W^[l+1]T
    text = re.sub(r"(?<=\S) ← ", " := ", text.replace("η", "α"))  # an assignment; "← backward" is an arrow
    return re.sub("\x00(\\d+)\x00", lambda m: keep[int(m.group(1))], text)
