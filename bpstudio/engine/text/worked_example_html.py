"""The worked example as a standalone HTML page: equations as text, matrices as tables between square brackets
(as the equation panel and LaTeX's bmatrix draw them, never the vertical bars of a determinant) with each column's
decimal points lined up."""

from __future__ import annotations

import html

import numpy as np

from .worked_example_formats import (
    Block,
    Eq,
    Heading,
    Para,
    Table,
    _cells,
    _inline,
    _listed,
    _not_computed,
    _shape,
    summary,
    written_out,
)

# ----- HTML --------------------------------------------------------------------------------------
CSS = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.eq { font-family: 'DejaVu Sans Mono', monospace; background: #f6f6f6; padding: .4em .8em; margin: .5em 0; }
.eq div { white-space: pre-wrap; }
.sub { display: flex; flex-wrap: wrap; align-items: center; gap: .4em; margin: .6em 0;
       font-family: 'DejaVu Sans Mono', monospace; }
.mx { display: inline-flex; align-items: stretch; margin: 0 .25em; vertical-align: middle; }
.mx::before, .mx::after { content: ""; width: .3em; border: 2px solid #333; }
.mx::before { border-right: none; } .mx::after { border-left: none; }
table.m { border-collapse: collapse; margin: .15em 0; }
table.m td { padding: .1em .45em; text-align: right; white-space: pre; font-family: 'DejaVu Sans Mono', monospace; }
table.m td.gap { text-align: center; }
table.info { border-collapse: collapse; } table.info td, table.info th { border: 1px solid #bbb; padding: .2em .6em; }
.summary { font-style: italic; }
"""


def _h(s: str) -> str:
    return html.escape(s, quote=True)


def _html_matrix(a: np.ndarray, digits: int) -> str:
    """A table between square brackets (the ``mx`` box draws them), numbers aligned on the decimal point."""
    cells = _cells(a, digits)
    columns = [aligned([row[c] for row in cells if c < len(row)]) for c in range(max(map(len, cells)))]
    rows = "".join("<tr>" + "".join(_td(columns[c][r]) for c in range(len(row))) + "</tr>"
                   for r, row in enumerate(cells))
    return f'<span class="mx"><table class="m">{rows}</table></span>'


def _td(text: str) -> str:
    return f'<td class="gap">{_h(text)}</td>' if text in GAPS else f"<td>{_h(text)}</td>"


GAPS = ("…", "⋮", "⋱")  # what a large matrix's corner leaves out


def aligned(column: list[str]) -> list[str]:
    """A column's numbers padded to line up on the decimal point in a monospaced font, right-aligned: the parts
    after the point padded to one width (a column with an exponent is only right-aligned)."""
    numbers = [v for v in column if v not in GAPS]
    if any("e" in v or "inf" in v or "nan" in v for v in numbers):
        return column
    tail = max((len(v) - len(v.split(".")[0]) for v in numbers), default=0)
    return [v if v in GAPS else v + " " * (tail - (len(v) - len(v.split(".")[0]))) for v in column]


def _html_block(b: Block, digits: int) -> str:
    if isinstance(b, Heading):
        return f"<h{b.level}>{_h(b.text)}</h{b.level}>"
    if isinstance(b, Para):
        return f"<p>{_h(b.text)}</p>"
    if isinstance(b, Eq):
        return '<div class="eq">' + "".join(f"<div>{_h(line)}</div>" for line in b.lines) + "</div>"
    if isinstance(b, Table):
        head = "<tr>" + "".join(f"<th>{_h(c)}</th>" for c in b.header) + "</tr>"
        body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>" for row in b.rows)
        return f'<table class="info">{head}{body}</table>'
    if _inline(b):
        parts = [f"<span>{_h(b.lhs)}</span>"] + [
            f"<span>{_h(t)}</span>" if isinstance(t, str) else _html_matrix(t.value, digits)  # type: ignore[arg-type]
            for t in b.terms
        ]
        return '<div class="sub">' + "".join(parts) + "</div>"
    out = []
    for m in _listed(b):
        if m.value is None:
            out.append(f'<div class="sub"><span>{_h(m.name)} = {_h(_not_computed())}</span></div>')
        elif written_out(m.value):
            out.append(f'<div class="sub"><span>{_h(m.name)} {_h(_shape(m.value))} =</span>'
                       f"{_html_matrix(m.value, digits)}</div>")
        else:
            out.append(f'<div class="sub"><span>{_h(m.name)}:</span> <span class="summary">'
                       f"{_h(summary(m.value, digits))}:</span>{_html_matrix(m.value, digits)}</div>")
    return "".join(out)


def to_html(blocks: list[Block], digits: int, title: str) -> str:
    body = "\n".join(_html_block(b, digits) for b in blocks)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{_h(title)}</title>\n'
            f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
