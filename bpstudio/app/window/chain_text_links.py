"""Entries named or shown in a text (the equations, the matrices' derivation pane) found from a double-click: a
name as the panels write it (w²₁₂, b²₁, z²₁, a²₁, δ²₁, ∂L/∂w²₁₂) or a number of a written-out matrix, which is
the entry with exactly that value as shown (same digits) — of the quantities the stage just computed, then of
the selected layer, then of the others; a value shown by more than one entry of the first group that has it
opens nothing (it would be a guess)."""

from __future__ import annotations

import re

import numpy as np

from bpstudio.engine.snapshot import QUANTITIES
from bpstudio.engine.text.notation import format_number
from bpstudio.session.view_state import ViewState

_SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUB = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_NAME = re.compile(r"(∂L/∂)?([wbzaδ])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)([₀₁₂₃₄₅₆₇₈₉,]+)")
NAME_CHARS = set("∂L/wbzaδ⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉,") | set("d^[]0123456789")  # and Ng's w^[2]₁₂, dz^[2]₁
_DEEPLEARNING = re.compile(r"(d?)([wbza])\^\[(\d+)\]")
_TO_COLUMN = {"w": "w", "b": "b", "z": "z", "a": "a", "dw": "∂L/∂w", "db": "∂L/∂b", "dz": "δ"}
_TO_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _column_name(text: str) -> str:
    """w^[2]₁₂ → w²₁₂, dw^[2]₁₂ → ∂L/∂w²₁₂, dz^[2]₁ → δ²₁: the deeplearning.ai notation's names read back."""
    return _DEEPLEARNING.sub(lambda m: _TO_COLUMN.get(m.group(1) + m.group(2), "?") + m.group(3).translate(_TO_SUP),
                             text)


def entry_from_symbol(text: str) -> tuple[str, int, int, int] | None:
    """(quantity, layer, row, col) of an entry named as the equations write it: w²₁₂, b²₁, z²₁, a²₁, δ²₁,
    ∂L/∂w²₁₂ (indices with commas once one has two digits), or in the deeplearning.ai notation (w^[2]₁₂,
    dw^[2]₁₂, dz^[2]₁); None if ``text`` is no such name."""
    m = _NAME.fullmatch(_column_name(text.strip().rstrip(",")))
    if m is None:
        return None
    grad, letter, layer = bool(m.group(1)), m.group(2), int(m.group(3).translate(_SUP))
    raw = m.group(4).translate(_SUB)
    parts = raw.split(",") if "," in raw else list(raw)
    if not all(parts) or layer < 1:
        return None
    index = [int(p) - 1 for p in parts]
    quantity = {"w": "W", "b": "b", "z": "z", "a": "a", "δ": "delta"}[letter]
    if quantity == "W" and len(index) != 2 or quantity != "W" and len(index) != 1 or min(index) < 0:
        return None
    if grad and quantity in ("W", "b"):
        quantity = "d" + quantity
    return quantity, layer, index[0], index[1] if len(index) > 1 else 0


_NUMBER_CHARS = set("0123456789.-e+")


def number_at(block: str, at: int) -> str:
    """The number under position ``at`` of ``block`` ("" if none)."""
    start, end = at, at
    while start > 0 and block[start - 1] in _NUMBER_CHARS:
        start -= 1
    while end < len(block) and block[end] in _NUMBER_CHARS:
        end += 1
    word = block[start:end].strip("+")
    try:
        float(word)
    except ValueError:
        return ""
    return word


def entry_from_number(word: str, state: ViewState, precision: int) -> tuple[str, int, int, int] | None:
    """The one entry shown as ``word`` at ``precision`` digits (see the module); None if none or several."""
    if not word:
        return None
    snap, depth = state.snapshot, state.depth
    changed = [k for k in snap.changed if "/" in k]
    layers = [state.layer, *(l for l in range(1, depth + 1) if l != state.layer)]
    groups = [changed, [f"L{state.layer}/{q}" for q in QUANTITIES],
              [f"L{l}/{q}" for l in layers[1:] for q in QUANTITIES]]
    for keys in groups:
        hits = []
        for key in keys:
            array = snap.arrays.get(key)
            if array is None:
                continue
            layer, quantity = int(key[1:key.index("/")]), key[key.index("/") + 1:]
            for (r, c), v in _near(array, float(word), precision):
                if format_number(v, precision) == word:
                    hits.append((quantity, layer, r, c))
        if hits:
            return hits[0] if len(set(hits)) == 1 else None
    return None


def _near(array: np.ndarray, value: float, precision: int) -> list[tuple[tuple[int, int], float]]:
    """The entries that could be shown as ``value`` (within what rounding to ``precision`` digits moves)."""
    a = array if array.ndim == 2 else array.reshape(-1, 1)
    tol = max(abs(value) * 1e-2, 10.0 ** -precision)
    with np.errstate(invalid="ignore"):
        rows, cols = np.nonzero(np.abs(a - value) <= tol)
    return [((int(r), int(c)), float(a[r, c])) for r, c in zip(rows, cols, strict=True)]
