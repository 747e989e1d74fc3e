"""A matrix as text: tab-separated values (pastes into a spreadsheet), a NumPy literal (pastes into
Python), or a CSV file. Numbers are written in full (Python's shortest round-trip ``repr``) unless
fewer digits are asked for, so what is pasted back is exactly what the engine computed."""

from __future__ import annotations

import keyword
import os
import re
from collections.abc import Sequence

import numpy as np

from bpstudio.engine.atomic_file import write_atomically


def _matrix(array: np.ndarray) -> np.ndarray:
    """The array as 2-D floats: a vector is one row."""
    a = np.asarray(array, dtype=float)
    if a.ndim > 2:
        raise ValueError(f"a matrix has at most 2 dimensions, not {a.ndim}")
    return np.atleast_2d(a)


def number_text(x: float, digits: int | None = None) -> str:
    """``repr`` of the float (parses back exactly), or ``digits`` significant digits."""
    x = float(x)
    if digits is None or not np.isfinite(x):
        return repr(x)  # 'nan', 'inf', '-inf' read as such by spreadsheets and float()
    return f"{x:.{max(1, digits)}g}"


def matrix_tsv(array: np.ndarray, digits: int | None = None) -> str:
    """One line per row, entries separated by tabs, ending with a newline."""
    return "".join("\t".join(number_text(x, digits) for x in row) + "\n" for row in _matrix(array))


def _literal_number(x: float) -> str:
    if np.isnan(x):
        return "np.nan"
    if np.isinf(x):
        return "np.inf" if x > 0 else "-np.inf"
    return repr(float(x))


def python_name(name: str) -> str:
    """``name`` as a Python identifier: "δ2" stays (Python allows it), "∂L/∂W2" becomes "L_W2"."""
    text = re.sub(r"\W+", "_", name.strip()).strip("_") or "matrix"
    if not text.isidentifier() or keyword.iskeyword(text):
        text = "m_" + text
    return text


def matrix_numpy_literal(array: np.ndarray, name: str) -> str:
    """``W1 = np.array([[0.1, -0.2], [0.3, 0.4]])``, one row a line, every float in full."""
    rows = ["[" + ", ".join(_literal_number(x) for x in row) + "]" for row in _matrix(array)]
    body = rows[0] if len(rows) == 1 else "\n    " + ",\n    ".join(rows) + ",\n"
    return f"{python_name(name)} = np.array([{body}])\n"


def save_matrix_csv(path: str | os.PathLike, array: np.ndarray, header: Sequence[str] | None = None) -> None:
    """Comma-separated, one row a line, floats in full. A header, if any, is a ``#`` comment line so
    ``numpy.loadtxt(path, delimiter=",")`` still reads the file."""
    a = _matrix(array)

    def write(f) -> None:
        if header is not None:
            f.write("# " + ",".join(str(h) for h in header) + "\n")
        for row in a:
            f.write(",".join(number_text(x) for x in row) + "\n")

    write_atomically(path, write)


def copy_to_clipboard(text: str) -> None:
    """Put plain text on the system clipboard (needs a running QGuiApplication)."""
    from PySide6.QtGui import QGuiApplication

    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        raise RuntimeError("no clipboard: a QGuiApplication must be running")
    clipboard.setText(text)
