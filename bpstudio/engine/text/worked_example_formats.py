"""The worked example's blocks and how each format writes them: Markdown and LaTeX (HTML in
``worked_example_html``).

``worked_example.py`` says *what* the document holds (headings, equations, matrices substituted into
equations); this module says *how* each format writes it. Matrices up to ``FULL`` × ``FULL`` are written
in full, larger ones by shape, range, mean and their top-left corner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bpstudio.engine.i18n import translate

from .notation import format_number

FULL = 8  # matrices up to FULL × FULL are written out
CORNER = 3  # larger ones show their top-left CORNER × CORNER entries
INLINE_COLUMNS = 24  # a substitution wider than this (columns of all its matrices) is listed instead


@dataclass(frozen=True)
class M:
    """A named matrix in the document; ``value`` None means not computed."""

    name: str
    value: np.ndarray | None


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Eq:
    """Equations in symbols, one a line."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Sub:
    """``lhs`` followed by ``terms`` (operators as text, matrices as M): an equation with its numbers."""

    lhs: str
    terms: tuple[str | M, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Para | Eq | Sub | Table


def written_out(a: np.ndarray | None) -> bool:
    return a is not None and a.shape[0] <= FULL and a.shape[1] <= FULL


def summary(a: np.ndarray, digits: int) -> str:
    with np.errstate(invalid="ignore"):
        lo, hi, mean = (format_number(float(v), digits) for v in (np.min(a), np.max(a), np.mean(a)))
    text = translate("WorkedExample", "{rows} × {cols} matrix: min {lo}, max {hi}, mean {mean}; top-left corner")
    return text.format(rows=a.shape[0], cols=a.shape[1], lo=lo, hi=hi, mean=mean)


def _not_computed() -> str:
    return translate("WorkedExample", "(not computed)")


def _shape(a: np.ndarray) -> str:
    return f"({a.shape[0]} × {a.shape[1]})"


def _cells(a: np.ndarray, digits: int) -> list[list[str]]:
    """The entries as text; a large matrix gives its corner with … for what is left out."""
    if written_out(a):
        return [[format_number(v, digits) for v in row] for row in a]
    r, c = min(CORNER, a.shape[0]), min(CORNER, a.shape[1])
    rows = [[format_number(v, digits) for v in row[:c]] + (["…"] if c < a.shape[1] else []) for row in a[:r]]
    if r < a.shape[0]:
        rows.append(["⋮"] * c + (["⋱"] if c < a.shape[1] else []))
    return rows


def _inline(sub: Sub) -> bool:
    mats = _listed(sub)
    return (all(written_out(m.value) for m in mats)
            and sum(m.value.shape[1] for m in mats if m.value is not None) <= INLINE_COLUMNS)


def _listed(sub: Sub) -> list[M]:
    return [t for t in sub.terms if isinstance(t, M)]


# ----- Markdown ----------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md_text(s: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", s)


def _md_matrix(a: np.ndarray, digits: int) -> list[str]:
    cells = _cells(a, digits)
    widths = [max(len(row[j]) for row in cells) for j in range(len(cells[0]))]
    return ["[ " + "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " ]" for row in cells]


def _md_side_by_side(pieces: list[list[str]]) -> list[str]:
    height = max(len(p) for p in pieces)
    cols = []
    for p in pieces:
        width = max(len(s) for s in p)
        top = (height - len(p)) // 2
        cols.append([" " * width] * top + [s.ljust(width) for s in p] + [" " * width] * (height - top - len(p)))
    return [" ".join(col[i] for col in cols).rstrip() for i in range(height)]


def _md_block(b: Block, digits: int) -> str:
    if isinstance(b, Heading):
        return "#" * b.level + " " + _md_text(b.text)
    if isinstance(b, Para):
        return _md_text(b.text)
    if isinstance(b, Eq):
        return "```text\n" + "\n".join(b.lines) + "\n```"
    if isinstance(b, Table):
        rows = [b.header, tuple("---" for _ in b.header), *b.rows]
        return "\n".join("| " + " | ".join(_md_text(c) for c in row) + " |" for row in rows)
    if _inline(b):
        pieces = [[b.lhs]] + [[t] if isinstance(t, str) else _md_matrix(t.value, digits)  # type: ignore[arg-type]
                              for t in b.terms]
        return "```text\n" + "\n".join(_md_side_by_side(pieces)) + "\n```"
    out = []
    for m in _listed(b):
        if m.value is None:
            out.append(f"{m.name} = {_not_computed()}")
        elif written_out(m.value):
            out += _md_side_by_side([[f"{m.name} {_shape(m.value)} ="], _md_matrix(m.value, digits)])
        else:
            out.append(f"{m.name}: {summary(m.value, digits)}:")
            out += ["    " + line for line in _md_matrix(m.value, digits)]
    return "```text\n" + "\n".join(out) + "\n```"


def to_markdown(blocks: list[Block], digits: int) -> str:
    return "\n\n".join(_md_block(b, digits) for b in blocks) + "\n"


# ----- LaTeX -------------------------------------------------------------------------------------
_SUPS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ᴸˡᵀ⁽⁾", [*"0123456789+-", "L", "l", r"\top", "(", ")"], strict=True))
_SUBS = dict(zip("₀₁₂₃₄₅₆₇₈₉ₐᵢⱼₖ", [*"0123456789", "a", "i", "j", "k"], strict=True))
_MATH = {
    "δ": r"\delta", "η": r"\eta", "α": r"\alpha", "μ": r"\mu", "λ": r"\lambda", "σ": r"\sigma", "∇": r"\nabla",
    "⊙": r"\odot", "∂": r"\partial", "Σ": r"\sum", "←": r"\leftarrow", "→": r"\rightarrow", "≥": r"\geq",
    "≤": r"\leq", "·": r"\cdot", "×": r"\times", "−": "-", "′": "'", "‖": r"\|", "½": r"\tfrac{1}{2}",
    "…": r"\dots", "⋮": r"\vdots", "⋱": r"\ddots", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
    "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\sim", "\\": r"\backslash", "ε": r"\varepsilon",
}
_TEXT = {"&": r"\&", "%": r"\%", "#": r"\#", "$": r"\$", "_": r"\_", "{": r"\{", "}": r"\}",
         "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", "—": "---",
         "–": "--", "…": r"\dots{}", "‘": "`", "’": "'", "“": "``", "”": "''", "<": r"\textless{}",
         ">": r"\textgreater{}", "|": r"\textbar{}"}


def tex_math(s: str) -> str:
    """Symbols as written in the app (δ¹, ∇ₐL, (W²)ᵀ) as LaTeX math; words go in \\text{}."""
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch in _SUPS or ch in _SUBS:
            table, mark = (_SUPS, "^") if ch in _SUPS else (_SUBS, "_")
            j = i
            while j < len(s) and s[j] in table:
                j += 1
            out.append(mark + "{" + "".join(table[c] for c in s[i:j]) + "}")
            i = j
        elif ch == "^" and s[i + 1:i + 2] == "[" and "]" in s[i:]:  # the deeplearning.ai notation's W^[l]
            end, tail = s.index("]", i), ""
            while end + 1 < len(s) and s[end + 1] in "ᵀ′":  # W^[l]ᵀ, g^[l]′: one superscript, not two
                end += 1
                tail += r"\top " if s[end] == "ᵀ" else r"\prime "
            out.append("^{[" + tex_math(s[i + 2:s.index("]", i)]) + "]" + tail.rstrip() + "}")
            i = end + 1
        elif ch == "^" and s[i + 1:i + 2] == "(" and ")" in s[i:]:
            end = s.index(")", i)
            out.append("^{" + tex_math(s[i + 2:end]) + "}")
            i = end + 1
        elif ch.isascii() and ch.isalpha():
            j = i
            while j < len(s) and s[j].isascii() and s[j].isalpha():
                j += 1
            word = s[i:j]
            out.append(word if len(word) == 1 else r"\text{" + word + "}")
            i = j
        elif ch == " ":
            j = i
            while j < len(s) and s[j] == " ":
                j += 1
            out.append(r"\quad " if j - i > 1 else r"\ ")
            i = j
        else:
            if ch in _MATH:  # a command before a letter needs a space: \partial L, not \partialL
                out.append(_MATH[ch] + (" " if _MATH[ch][-1].isalpha() else ""))
            else:  # a character no map knows: set as text (LuaLaTeX/XeLaTeX print any)
                out.append(ch if ch.isascii() else r"\text{" + ch + "}")
            i += 1
    return "".join(out)


def tex_text(s: str) -> str:
    """Prose for LaTeX: specials escaped, symbols (δᴸ, η, ∇ₐL) set as math."""
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch == "^" and s[i + 1:i + 2] == "[" and "]" in s[i:]:  # W^[l] in prose: its superscript as math
            end = s.index("]", i)
            out.append("$" + tex_math(s[i:end + 1]) + "$")
            i = end + 1
        elif ch in _TEXT:
            out.append(_TEXT[ch])
            i += 1
        elif ch.isascii() or not (ch in _MATH or ch in _SUPS or ch in _SUBS):
            out.append(ch)
            i += 1
        else:
            j = i
            while j < len(s) and (s[j] in _MATH or s[j] in _SUPS or s[j] in _SUBS or s[j].isalpha()) \
                    and s[j] not in _TEXT:
                j += 1
            out.append("$" + tex_math(s[i:j]).rstrip() + "$")
            i = j
    return "".join(out)


def _tex_matrix(a: np.ndarray, digits: int) -> str:
    rows = [" & ".join(_MATH.get(c, c) for c in row) for row in _cells(a, digits)]
    return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"


def _tex_eq_line(line: str) -> str:
    if "=" in line:
        left, right = line.split("=", 1)
        return tex_math(left.rstrip()) + " &= " + tex_math(right.lstrip())
    return "& " + tex_math(line)


def _align(lines: list[str]) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}"


def _tex_block(b: Block, digits: int) -> str:
    if isinstance(b, Heading):
        return ("\\section*{" if b.level <= 2 else "\\subsection*{") + tex_text(b.text) + "}"
    if isinstance(b, Para):
        return tex_text(b.text)
    if isinstance(b, Eq):
        return _align([_tex_eq_line(line) for line in b.lines])
    if isinstance(b, Table):
        spec = "l" * len(b.header)
        rows = [" & ".join(tex_text(c) for c in row) + r" \\" for row in (b.header, *b.rows)]
        return ("\\begin{center}\n\\begin{tabular}{" + spec + "}\n\\hline\n" + rows[0] + "\n\\hline\n"
                + "\n".join(rows[1:]) + "\n\\hline\n\\end{tabular}\n\\end{center}")
    if _inline(b):
        terms = [tex_math(t) if isinstance(t, str) else _tex_matrix(t.value, digits)  # type: ignore[arg-type]
                 for t in b.terms]
        if b.terms and b.terms[0] == "=":
            return _align([tex_math(b.lhs) + " &= " + " ".join(terms[1:])])
        return _align([tex_math(b.lhs) + " & " + " ".join(terms)])
    out = []
    for m in _listed(b):
        if m.value is None:
            out.append(_align([tex_math(m.name) + r" &= \text{" + tex_text(_not_computed()) + "}"]))
        elif written_out(m.value):
            out.append(_align([tex_math(m.name) + " &= " + _tex_matrix(m.value, digits)]))
        else:
            out.append("$" + tex_math(m.name) + "$: " + tex_text(summary(m.value, digits)) + ":\n"
                       + _align([r"&" + _tex_matrix(m.value, digits)]))
    return "\n".join(out)


def to_latex(blocks: list[Block], digits: int, title: str) -> str:
    body = "\n\n".join(_tex_block(b, digits) for b in blocks if not (isinstance(b, Heading) and b.level == 1))
    return ("\\documentclass[11pt]{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n"
            "\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n\\setcounter{MaxMatrixCols}{20}\n"
            "\\title{" + tex_text(title) + "}\n\\date{}\n\\begin{document}\n\\maketitle\n\n"
            + body + "\n\n\\end{document}\n")
