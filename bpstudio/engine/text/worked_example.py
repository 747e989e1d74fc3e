"""A textbook worked example of one training iteration, with every number, for handing out.

``worked_example(stepper)`` steps one iteration and writes, in order: the network, the batch's data, the
starting weights, then every stage (forward l, loss, backward L … 1 with BP1/BP2, BP3, BP4, the update) with
its equation and the very matrices the stepper computed substituted into it (``worked_example_stages``).
Markdown, HTML or LaTeX; the layout is in ``worked_example_formats``. The numbers are the snapshots' (the
panels' and the trace's), written with ``format_number``, so the handout and the app agree digit for digit.
``notation="row"`` writes it in the row convention (samples as rows, W as n_in × n_out): every matrix
transposed, every product in the row order, the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bpstudio.engine.chain_graph import graph_from_snapshot
from bpstudio.engine.entry_ref import parse_entry
from bpstudio.engine.errors import ValidationError
from bpstudio.engine.i18n import translate
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stages import Stage
from bpstudio.engine.stepper import Stepper

from . import convention as conv
from .clean import one_line, printable
from .notation import format_number, sup
from .worked_example_chain import chain_blocks
from .worked_example_formats import Block, Eq, Heading, Para, Sub, Table, to_latex, to_markdown
from .worked_example_html import to_html
from .worked_example_stages import Writer, stage_blocks

RENDERERS: dict[str, Callable[[list[Block], int, str], str]] = {
    "md": lambda blocks, digits, title: to_markdown(blocks, digits), "html": to_html, "tex": to_latex}
FORMATS = tuple(RENDERERS)  # md, html, tex
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".tex": "tex"}

Record = tuple[Stage, Snapshot, Snapshot]  # a stage, the state after it, the state before it


def worked_example(stepper: Stepper, project_name: str = "", fmt: str = "md", digits: int = 4,
                   notation: str = conv.COLUMN, entry: str = "", sample: int = 0) -> str:
    """Step one iteration (the rest of the current one if it is under way) and return its worked example.

    Stages of the current iteration already taken are written from the values they left, so the document
    always covers the whole iteration. ``fmt`` is ``md``, ``html`` or ``tex``; ``notation`` is ``column``
    (the engine's convention) or ``row``. ``entry`` (a label as the panels show it in ``notation``, e.g. "W2[1,2]")
    adds the chain rule behind that number for ``sample`` (0-based), from the state after the backward pass."""
    if fmt not in RENDERERS:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if notation not in conv.CONVENTIONS:
        raise ValidationError("notation", f"must be one of {', '.join(conv.CONVENTIONS)}, got {notation!r}")
    ref = parse_entry(entry, notation).check(stepper.spec.sizes) if entry else None  # refused before stepping
    records = _step_iteration(stepper)
    name = one_line(project_name) or translate("WorkedExample", "network {sizes}").format(
        sizes="-".join(map(str, stepper.spec.sizes)))
    title = translate("WorkedExample", "Worked example: {name}").format(name=name)
    blocks = example_blocks(stepper, records, title, digits, notation)
    if ref is not None:
        backward_done = next(after for stage, after, _ in records if stage == Stage("backward", 1))
        graph = graph_from_snapshot(backward_done, ref, sample if ref.parameter else None, stepper.training)
        blocks += [written_block(b, notation) for b in chain_blocks(graph, digits, notation)]
    return printable(RENDERERS[fmt](blocks, digits, title))  # (a class name from a CSV may hold controls too)


def format_for(path: str, default: str = "md") -> str:
    """The format a file name asks for by its suffix (``.md``, ``.html``, ``.tex``), else ``default``."""
    lower = path.lower()
    return next((f for s, f in SUFFIXES.items() if lower.endswith(s)), default)


def _step_iteration(stepper: Stepper) -> list[Record]:
    before = stepper.snapshot()  # stages already taken this iteration: their values are in the snapshot
    taken = () if stepper.complete else stepper.stages[: before.position]
    records: list[Record] = [(stage, before, before) for stage in taken]
    while True:
        after = stepper.step()
        assert after.stage is not None
        records.append((after.stage, after, before))
        before = after
        if stepper.complete:
            return records


def example_blocks(stepper: Stepper, records: list[Record], title: str, digits: int = 4,
                   notation: str = conv.COLUMN) -> list[Block]:
    spec, plan, t = stepper.spec, stepper.plan, stepper.training
    w = Writer(conv.check(notation))
    first_before = records[0][2]
    last = records[-1][1]
    m, L = last.batch_size, spec.depth
    blocks: list[Block] = [Heading(title, 1)]
    if notation == conv.DEEPLEARNING:
        convention = conv.description(notation).rstrip(".")
    elif w.rows:
        convention = translate("WorkedExample", "Samples are rows (row convention: W is nˡ⁻¹ × nˡ, the transpose "
                               "of the column convention's Wˡ, and Zˡ = Aˡ⁻¹ Wˡ + bˡ)")
    else:
        convention = translate("WorkedExample", "Samples are columns (column convention)")
    blocks.append(Para(translate(
        "WorkedExample", "Iteration {i} (epoch {e}, batch {b} of {batches}): every stage of one training step, with "
        "the equation it evaluates and all its numbers substituted. {convention}; numbers are rounded to the shown "
        "digits.").format(i=last.iteration + 1, e=last.epoch + 1, b=last.batch + 1,
                          batches=stepper.batches_per_epoch, convention=convention)))
    blocks.append(Heading(translate("WorkedExample", "The network")))
    rows = [(translate("WorkedExample", "0 (input)"), str(spec.input_size), "—", "—", "—")]
    for l in range(1, L + 1):
        W, b = first_before.get("W", l), first_before.get("b", l)
        assert W is not None and b is not None
        rows.append((str(l), str(spec.sizes[l]), plan.activations[l - 1].title, w.shape(W), w.shape(b)))
    blocks.append(Table((translate("WorkedExample", "layer l"), translate("WorkedExample", "units nˡ"),
                         translate("WorkedExample", "activation fˡ"), "Wˡ", "bˡ"), tuple(rows)))
    if t.optimizer == "adam":
        rule = translate("WorkedExample", "Adam, β₁ = {b1}, β₂ = {b2}, ε = {eps}, L2 weight decay λ = {lam}").format(
            b1=f"{t.beta1:g}", b2=f"{t.beta2:g}", eps=f"{t.eps:g}", lam=f"{t.l2:g}")
    elif t.optimizer == "rmsprop":
        rule = translate("WorkedExample", "RMSProp, α = {alpha}, ε = {eps}, L2 weight decay λ = {lam}").format(
            alpha=f"{t.alpha:g}", eps=f"{t.eps:g}", lam=f"{t.l2:g}")
    elif t.plain:
        rule = translate("WorkedExample", "W ← W − η ∂L/∂W (plain gradient descent)")
    else:
        rule = translate("WorkedExample", "momentum μ = {mu}, L2 weight decay λ = {lam}").format(
            mu=f"{t.momentum:g}", lam=f"{t.l2:g}")
    blocks.append(Para(translate(
        "WorkedExample", "Loss: {loss}, {formula} per sample; the batch loss is the mean over the m samples. "
        "Learning rate η = {eta}; update: {rule}. Batch: m = {m} of {n} sample(s).").format(
            loss=plan.loss.title, formula=plan.loss.formula_text, eta=f"{t.learning_rate:g}", rule=rule, m=m,
            n=stepper.samples)))
    blocks.append(Heading(translate("WorkedExample", "The data of this batch")))
    if w.rows:
        blocks.append(Para(translate("WorkedExample", "Inputs X = A⁰ (m × {n_in}) and targets Y (m × {n_out}), "
                                     "one sample per row.").format(n_in=spec.input_size, n_out=spec.sizes[-1])))
    else:
        blocks.append(Para(translate("WorkedExample", "Inputs X = a⁰ ({n_in} × m) and targets Y ({n_out} × m), "
                                     "one sample per column.").format(n_in=spec.input_size, n_out=spec.sizes[-1])))
    blocks += [Sub("X", ("=", w.m("X", last.arrays["input"]))), Sub("Y", ("=", w.m("Y", last.arrays["target"])))]
    blocks.append(Heading(translate("WorkedExample", "The starting weights and biases")))
    for l in range(1, L + 1):
        blocks.append(Sub(f"W{sup(l)}", ("=", w.m(f"W{sup(l)}", first_before.get("W", l)))))
        blocks.append(Sub(f"b{sup(l)}", ("=", w.m(f"b{sup(l)}", first_before.get("b", l)))))
    for i, (stage, after, before) in enumerate(records, start=1):
        blocks.append(Heading(translate("WorkedExample", "Stage {i}: {stage}").format(i=i, stage=stage.label)))
        blocks += stage_blocks(stepper, stage, after, before, digits, w.notation)
    blocks.append(Heading(translate("WorkedExample", "Result")))
    loss = translate("WorkedExample", "not computed") if last.loss is None else format_number(last.loss, digits)
    blocks.append(Para(translate("WorkedExample", "The batch loss of this iteration (before the update) is L = "
                                 "{loss}. The next iteration starts from the updated weights and biases of the last "
                                 "stage.").format(loss=loss)))
    return [written_block(b, notation) for b in blocks]


def written_block(b: Block, notation: str) -> Block:
    """A block's texts and matrix names as ``notation`` names things (W^[l], dZ^[l] in Ng's notation)."""
    if notation != conv.DEEPLEARNING:
        return b
    def w(text: str) -> str:
        return conv.written(text, notation)
    if isinstance(b, Heading | Para):
        return replace(b, text=w(b.text))
    if isinstance(b, Eq):
        return Eq(tuple(map(w, b.lines)))
    if isinstance(b, Table):
        return Table(tuple(map(w, b.header)), tuple(tuple(map(w, row)) for row in b.rows))
    return Sub(w(b.lhs), tuple(w(t) if isinstance(t, str) else replace(t, name=w(t.name)) for t in b.terms))
