"""Matrices written as text blocks for a monospaced equation display.

A ``Block`` is a few lines of equal width with a baseline row; ``hcat`` lines blocks up on their
baselines, so ``⎡0.4 ⎤ · [0.1  0.2]`` reads like a matrix equation. ``wrap`` breaks a long
equation before an operator, the way a derivation is broken over lines on paper; ``Derivation`` collects
the equations and sentences of one worked stage. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bpstudio.engine.text.notation import format_number

MINUS = "−"  # U+2212, the minus sign of the equations (numbers keep "-", as in the matrix panels)
MAX_WRITTEN = 8  # matrices with at most this many rows and columns are written out
SAMPLE_ROWS = 12  # a batch too wide to write out shows sample 1's column when it has at most this many rows
OPERATORS = frozenset({"=", "+", MINUS, "·", "⊙", "←"})


@dataclass(frozen=True)
class Block:
    lines: tuple[str, ...]
    base: int = 0  # the row that operators and neighbours line up with

    @property
    def width(self) -> int:
        return max((len(s) for s in self.lines), default=0)

    @property
    def height(self) -> int:
        return len(self.lines)

    def text(self) -> str:
        return "\n".join(s.rstrip() for s in self.lines)


def text_block(s: str) -> Block:
    return Block((s,))


T = text_block  # short: a derivation is written with many of them
EQ = text_block("=")  # each step of a derivation starts with one


def _aligned_column(values: list[str]) -> list[str]:
    """Line a column of numbers up on the decimal point (right-aligned if any uses an exponent)."""
    if any("e" in v for v in values):
        w = max(map(len, values))
        return [v.rjust(w) for v in values]
    heads = [v.split(".")[0] for v in values]
    tails = [v[len(h):] for v, h in zip(values, heads, strict=True)]
    hw, tw = max(map(len, heads)), max(map(len, tails))
    return [h.rjust(hw) + t.ljust(tw) for h, t in zip(heads, tails, strict=True)]


def matrix_block(m: np.ndarray, precision: int = 4) -> Block:
    """⎡a  b⎤ / ⎣c  d⎦ for several rows, [a  b] for one."""
    m = np.atleast_2d(np.asarray(m))
    rows, cols = m.shape
    columns = [_aligned_column([format_number(m[i, j], precision) for i in range(rows)]) for j in range(cols)]
    body = ["  ".join(columns[j][i] for j in range(cols)) for i in range(rows)]
    if rows == 1:
        return Block((f"[{body[0]}]",))
    left = ["⎡", *["⎢"] * (rows - 2), "⎣"]
    right = ["⎤", *["⎥"] * (rows - 2), "⎦"]
    return Block(tuple(f"{lb}{b}{rb}" for lb, b, rb in zip(left, body, right, strict=True)), (rows - 1) // 2)


def hcat(*blocks: Block, sep: str | list[str] = " ") -> Block:
    """Blocks side by side, baselines on one row; ``sep`` between each pair (or one per gap)."""
    seps = list(sep) if isinstance(sep, list) else [sep] * max(len(blocks) - 1, 0)
    pairs = [(b, seps[i - 1] if i else "") for i, b in enumerate(blocks) if b.height]
    if not pairs:
        return Block(("",))
    above = max(b.base for b, _ in pairs)
    below = max(b.height - b.base - 1 for b, _ in pairs)
    rows = []
    for r in range(above + below + 1):
        parts = []
        for n, (b, gap) in enumerate(pairs):
            i = r - (above - b.base)
            parts.append((gap if n else "") + (b.lines[i] if 0 <= i < b.height else "").ljust(b.width))
        rows.append("".join(parts))
    return Block(tuple(rows), above)


def stacked(rows: list[Block]) -> str:
    """Rows one under the other, an empty line between two that both hold a written-out matrix: the ⎣ ⎦ of one
    never touch the ⎡ ⎤ of the next (two 3 × 1 vectors would read as one 6 × 1)."""
    lines: list[str] = []
    for n, row in enumerate(rows):
        if n and row.height > 1 and rows[n - 1].height > 1:
            lines.append("")
        lines.append(row.text())
    return "\n".join(lines)


@dataclass(frozen=True)
class Paren:
    """An opening or closing parenthesis, as tall as the row it ends up on."""

    side: str  # "(" or ")"

    def block(self, above: int, below: int) -> Block:
        h = above + below + 1
        if h == 1:
            return Block((self.side,))
        top, mid, bot = ("⎛", "⎜", "⎝") if self.side == "(" else ("⎞", "⎟", "⎠")
        return Block((top, *[mid] * (h - 2), bot), above)


Term = Block | Paren


def _row(terms: list[Term]) -> Block:
    blocks = [t for t in terms if isinstance(t, Block)]
    above = max((b.base for b in blocks), default=0)
    below = max((b.height - b.base - 1 for b in blocks), default=0)
    seps = [
        "" if (isinstance(a, Paren) and a.side == "(") or (isinstance(b, Paren) and b.side == ")") else " "
        for a, b in zip(terms, terms[1:], strict=False)
    ]
    return hcat(*(t.block(above, below) if isinstance(t, Paren) else t for t in terms), sep=seps)


def _is_operator(t: Term) -> bool:
    return isinstance(t, Block) and t.height == 1 and t.lines[0].strip() in OPERATORS


def wrap(lead: str, terms: list[Term], width: int) -> list[Block]:
    """``lead`` then ``terms``: each ``=`` starts a row, as in a derivation on paper; a row wider than
    ``width`` characters is broken again before another operator. Operators of continuation rows
    stand under the first ``=``, or a little further in when they continue a step."""
    chunks: list[list[Term]] = []
    for t in terms:
        if not chunks or (_is_operator(t) and not _is_operator(chunks[-1][-1])):
            chunks.append([t])
        else:
            chunks[-1].append(t)
    rows: list[list[Term]] = []
    current: list[Term] = [text_block(lead)]
    for chunk in chunks:
        starts_step = _is_operator(chunk[0]) and chunk[0].lines[0].strip() == "="  # type: ignore[union-attr]
        if len(current) > 1 and (starts_step or _row(current + chunk).width > width):
            rows.append(current)
            current = [text_block(" " * (len(lead) + (0 if starts_step else 2))), *chunk]
        else:
            current = current + chunk
    rows.append(current)
    return [_row(r) for r in rows]


class Derivation:
    """A worked stage in reading order: ``parts`` are ("math", monospaced lines) and ("text", sentence).
    ``orient`` writes an engine array as the convention does; a batch matrix too large to write out is
    named by its shape, and its sample 1 follows the equation under ``sample_heading``."""

    def __init__(self, width: int, precision: int, orient: Callable[[np.ndarray], np.ndarray],
                 sample_heading: str, not_computed: str) -> None:
        self.width, self.precision, self.orient = width, precision, orient
        self.sample_heading, self.not_computed = sample_heading, not_computed  # "{name} (not computed)"
        self.parts: list[tuple[str, str]] = []
        self._samples: list[tuple[str, np.ndarray]] = []

    def matrix(self, name: str, arr: np.ndarray | None, batch: bool = False) -> Block:
        """A matrix written out, or its name and shape when it is too large to read."""
        if arr is None:
            return T(self.not_computed.format(name=name))
        engine = np.atleast_2d(arr)
        shown = self.orient(engine)
        if shown.shape[0] <= MAX_WRITTEN and shown.shape[1] <= MAX_WRITTEN:
            return matrix_block(shown, self.precision)
        if batch and engine.shape[0] <= SAMPLE_ROWS and all(n != name for n, _ in self._samples):
            self._samples.append((name, self.orient(engine[:, :1])))  # sample 1: the engine's first column
        return T(f"{name} ({shown.shape[0]} × {shown.shape[1]})")

    def equation(self, lead: str, terms: list[Term]) -> None:
        self.parts.append(("math", stacked(wrap(lead, terms, self.width))))
        if self._samples:
            self.text(self.sample_heading)
            width = max(len(n) for n, _ in self._samples)
            self.parts.append(("math", stacked([r for n, col in self._samples for r in wrap(
                n.ljust(width), [EQ, matrix_block(col, self.precision)], self.width)])))
            self._samples = []

    def text(self, s: str) -> None:
        self.parts.append(("text", s))
