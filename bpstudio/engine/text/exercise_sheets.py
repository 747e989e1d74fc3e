"""Exercise sheets with answer keys: N variants of a small network (``exercise_variant``), a student sheet that
gives each variant's numbers and asks for the chosen parts, and a teacher key with every answer and its worked
steps (the worked example's stages), as Markdown, HTML or LaTeX. Every answer is the engine's
(``exercise_answers``); every variant carries the code that reopens it in the studio.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bpstudio.engine.atomic_file import write_text_atomically
from bpstudio.engine.errors import ValidationError
from bpstudio.engine.exercise_code import ordered_parts
from bpstudio.engine.exercise_variant import DIGITS, Variant, variant_for
from bpstudio.engine.i18n import translate
from bpstudio.engine.spec import NetworkSpec

from . import convention as conv
from .clean import printable
from .exercise_answers import PART_TITLES, Solved, solve, stages_needed
from .notation import sup
from .worked_example import FORMATS, RENDERERS
from .worked_example_formats import Block, Heading, Para, Sub, Table
from .worked_example_stages import Writer, stage_blocks

MAX_COUNT = 500
STUDENT, KEY = "exercises", "answer-key"  # the files' names, before the format's suffix
SUFFIX = {"md": ".md", "html": ".html", "tex": ".tex"}


@dataclass(frozen=True)
class SheetRequest:
    network: NetworkSpec  # the project's: the variants use it when it is small enough
    count: int = 30
    seed: int = 7
    parts: str = "ZALDWBU"
    notation: str = conv.COLUMN
    formats: tuple[str, ...] = FORMATS
    language: str = "en"  # written into the HTML and LaTeX (Chinese needs xelatex); the texts follow translate

    def checked(self) -> SheetRequest:
        if not 1 <= self.count <= MAX_COUNT:
            raise ValidationError("count", translate("Exercises", "must be from 1 to {most}, got {value}").format(
                most=MAX_COUNT, value=self.count))
        bad = [f for f in self.formats if f not in FORMATS]
        if bad or not self.formats:
            raise ValidationError("format", translate("Exercises", "choose formats among {formats}").format(
                formats=", ".join(FORMATS)))
        ordered_parts(self.parts)
        conv.check(self.notation)
        return self


def variants(request: SheetRequest) -> list[Variant]:
    r = request.checked()
    return [variant_for(r.seed, i, r.network, r.parts) for i in range(1, r.count + 1)]


def write_sheets(folder: str | os.PathLike[str], request: SheetRequest) -> list[Path]:
    """Write the student sheet and the key in each requested format into ``folder``; returns the files."""
    solved = [solve(v, request.notation) for v in variants(request)]
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in request.formats:
        for name, blocks, title in ((STUDENT, *sheet_blocks(solved, request)), (KEY, *key_blocks(solved, request))):
            text = render(blocks, fmt, title, request.language, new_page=name == STUDENT)
            written.append(write_text_atomically(out / (name + SUFFIX[fmt]), text))
    return written


def render(blocks: list[Block], fmt: str, title: str, language: str = "en", new_page: bool = False) -> str:
    text = RENDERERS[fmt](blocks, DIGITS, title)
    chinese = language.startswith("zh")
    if fmt == "html":
        if chinese:
            text = text.replace('<html lang="en">', '<html lang="zh-CN">', 1)
        css = "@media print { h2:not(:first-of-type) { break-before: page; } }"
        text = text.replace("</style>", css + "</style>", 1) if new_page else text
    elif fmt == "tex":
        text = text.replace("▸", "\\ensuremath{\\triangleright}")  # File ▸ Open: a glyph no TeX text font has
        if chinese:  # compile with xelatex
            text = text.replace("\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n", "\\usepackage{xeCJK}\n")
        if new_page:
            first = text.index("\\section*{")
            text = text[:first] + text[first:].replace("\n\\section*{", "\n\\clearpage\n\\section*{")
    return printable(text)


def _header(v: Variant, w: Writer, k: int) -> list[Block]:
    """What both documents give of a variant: its network, loss, η and the numbers to start from."""
    spec, params = v.code.network, v.params
    rows = [(translate("WorkedExample", "0 (input)"), str(spec.input_size), "—")]
    rows += [(str(l), str(layer.units), spec.activation(l).title) for l, layer in enumerate(spec.layers, start=1)]
    loss = spec.loss_fn
    blocks: list[Block] = [
        Heading(translate("Exercises", "Exercise {k} · code {code}").format(k=k, code=v.code.text)),
        Table((translate("WorkedExample", "layer l"), translate("WorkedExample", "units nˡ"),
               translate("WorkedExample", "activation fˡ")), tuple(rows)),
        Para(translate("Exercises", "Loss: {loss}, {formula}. Learning rate η = {eta}; one sample (m = 1); plain "
                       "gradient descent. {convention}").format(
            loss=loss.title, formula=loss.formula_text, eta=f"{v.learning_rate:g}", convention=conv.description(
                w.notation))),
        Sub(w.a("⁰") + " = x", ("=", w.m("x", v.x), ",   y =", w.m("y", v.y)))]
    for l, (W, b) in enumerate(params, start=1):
        blocks.append(Sub(f"W{sup(l)}", ("=", w.m(f"W{sup(l)}", W), f",   b{sup(l)} =", w.m(f"b{sup(l)}", b))))
    return blocks


def _task(part: str, solved: Solved, w: Writer) -> str:
    spec = solved.stepper.spec
    eq = conv.equations(w.notation)
    L = spec.depth
    names = ", ".join(a.name for a in solved.answers if a.part == part)
    how = {"Z": eq["forward"].split(",")[0], "A": f"{w.a('ˡ')} = fˡ({w.z('ˡ')})", "L": spec.loss_fn.formula_text,
           "D": eq["BP1"] + ("; " + eq["BP2"] if L > 1 else ""), "W": eq["BP4"], "B": eq["BP3"],
           "U": eq["update"]}[part]
    return translate("Exercises", "Compute {what}: {names}.   ({how})").format(
        what=translate("Exercises", PART_TITLES[part]), names=names, how=how)


def sheet_blocks(solved: list[Solved], request: SheetRequest) -> tuple[list[Block], str]:
    w = Writer(request.notation)
    title = translate("Exercises", "Exercises: one training step by hand")
    blocks: list[Block] = [Heading(title, 1), Para(translate(
        "Exercises", "{count} exercises (seed {seed}). Each is one training step of a small network on one sample. "
        "Write every answer with {digits} decimals, carrying the rounded answers of the steps before: the numbers "
        "are chosen so that this gives the same digits as exact arithmetic (where, rarely, it does not, the key gives "
        "both). To check your work step by step, open "
        "the exercise's code in BP Studio (File ▸ Open exercise…, or bpstudio exercise CODE).").format(
        count=len(solved), seed=request.seed, digits=DIGITS))]
    for k, s in enumerate(solved, start=1):
        v = s.variant
        blocks += _header(v, w, k)
        blocks.append(Heading(translate("Exercises", "Tasks"), 3))
        parts = ordered_parts(request.parts)
        for i, part in enumerate(parts, start=1):
            blocks.append(Para(f"{i}. " + _task(part, s, w)))
        blocks.append(Para(translate("Exercises", "Check: bpstudio exercise {code}").format(code=v.code.text)))
    return blocks, title


def key_blocks(solved: list[Solved], request: SheetRequest) -> tuple[list[Block], str]:
    w = Writer(request.notation)
    title = translate("Exercises", "Answer key: one training step by hand")
    blocks: list[Block] = [Heading(title, 1), Para(translate(
        "Exercises", "The answers to the {count} exercises of seed {seed}, computed by BP Studio's engine, with "
        "{digits} decimals, and the worked steps behind them.").format(count=len(solved), seed=request.seed,
                                                                       digits=DIGITS))]
    for k, s in enumerate(solved, start=1):
        v = s.variant
        blocks += _header(v, w, k)
        blocks.append(Heading(translate("Exercises", "Answers"), 3))
        for a in s.answers:
            blocks.append(Sub(a.name, ("=", w.m(a.name, a.value))))
            carried = s.carried_differs(a)
            if carried is not None:  # the sheet promises the same digits either way: accept both
                blocks.append(Sub(translate("Exercises", "{name}, carrying the rounded answers before it").format(
                    name=a.name), ("=", w.m(a.name, carried))))
        blocks.append(Heading(translate("Exercises", "Worked steps"), 3))
        for i, (stage, after, before) in enumerate(stages_needed(s, v.code.parts), start=1):
            blocks.append(Heading(translate("WorkedExample", "Stage {i}: {stage}").format(i=i, stage=stage.label), 4))
            blocks += stage_blocks(s.stepper, stage, after, before, DIGITS, w.notation)
    return blocks, title

