"""A textbook worked example of one training iteration, with every number, for handing out.

``worked_example(stepper)`` steps one iteration and writes, in order: the network, the batch's data, the
starting weights, then every stage (forward l, loss, backward L … 1 with BP1/BP2, BP3, BP4, the update) with
its equation and the very matrices the stepper computed substituted into it. Markdown, HTML or LaTeX; the
layout is in ``worked_example_formats``. The numbers are the snapshots' (the panels' and the trace's), written
with ``format_number``, so the handout and the app agree digit for digit. ``notation="row"`` writes it in the
row convention (samples as rows, W as n_in × n_out): every matrix transposed, every product in the row order,
the same numbers.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.errors import ValidationError
from bpstudio.engine.i18n import translate
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS, Stage
from bpstudio.engine.stepper import Stepper

from . import convention as conv
from .notation import format_number, sup
from .worked_example_formats import RENDERERS, Block, Eq, Heading, M, Para, Sub, Table

FORMATS = tuple(RENDERERS)  # md, html, tex
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".tex": "tex"}

Record = tuple[Stage, Snapshot, Snapshot]  # a stage, the state after it, the state before it


def worked_example(stepper: Stepper, project_name: str = "", fmt: str = "md", digits: int = 4,
                   notation: str = conv.COLUMN) -> str:
    """Step one iteration (the rest of the current one if it is under way) and return its worked example.

    Stages of the current iteration already taken are written from the values they left, so the document
    always covers the whole iteration. ``fmt`` is ``md``, ``html`` or ``tex``; ``notation`` is ``column``
    (the engine's convention) or ``row``."""
    if fmt not in RENDERERS:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if notation not in conv.CONVENTIONS:
        raise ValidationError("notation", f"must be one of {', '.join(conv.CONVENTIONS)}, got {notation!r}")
    records = _step_iteration(stepper)
    name = project_name or translate("WorkedExample", "network {sizes}").format(
        sizes="-".join(map(str, stepper.spec.sizes)))
    title = translate("WorkedExample", "Worked example: {name}").format(name=name)
    blocks = example_blocks(stepper, records, title, digits, notation)
    return RENDERERS[fmt](blocks, digits, title)


def format_for(path: str, default: str = "md") -> str:
    """The format a file name asks for by its suffix (``.md``, ``.html``, ``.tex``), else ``default``."""
    lower = path.lower()
    return next((f for s, f in SUFFIXES.items() if lower.endswith(s)), default)


def _step_iteration(stepper: Stepper) -> list[Record]:
    start = stepper.snapshot()
    records: list[Record] = []
    if not stepper.complete:  # stages already taken this iteration: their values are in the snapshot
        records = [(stage, start, start) for stage in stepper.stages[: start.position]]
    before = start
    while True:
        after = stepper.step()
        assert after.stage is not None
        records.append((after.stage, after, before))
        before = after
        if stepper.complete:
            return records


class _Writer:
    """Names and matrices as ``notation`` writes them: ``m`` orients a matrix (transposed in the row
    convention), ``za`` names zˡ and aˡ (Zˡ, Aˡ with samples as rows)."""

    def __init__(self, notation: str) -> None:
        self.notation = notation
        self.rows = conv.transposed(notation)

    def m(self, name: str, value: np.ndarray | None) -> M:
        return M(name, conv.orient(value, self.notation))

    def a(self, s: str) -> str:
        return f"A{s}" if self.rows else f"a{s}"

    def z(self, s: str) -> str:
        return f"Z{s}" if self.rows else f"z{s}"

    def shape(self, a: np.ndarray) -> str:
        r, c = conv.display_shape(a.shape, self.notation)
        return f"{r} × {c}"


def example_blocks(stepper: Stepper, records: list[Record], title: str, digits: int = 4,
                   notation: str = conv.COLUMN) -> list[Block]:
    spec, plan, t = stepper.spec, stepper.plan, stepper.training
    w = _Writer(conv.check(notation))
    first_before = records[0][2]
    last = records[-1][1]
    m, L = last.batch_size, spec.depth
    blocks: list[Block] = [Heading(title, 1)]
    if w.rows:
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
    if t.plain:
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
    blocks.append(Sub("X", ("=", w.m("X", last.arrays["input"]))))
    blocks.append(Sub("Y", ("=", w.m("Y", last.arrays["target"]))))
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
    return blocks


def stage_blocks(stepper: Stepper, stage: Stage, snap: Snapshot, before: Snapshot, digits: int = 4,
                 notation: str = conv.COLUMN) -> list[Block]:
    """The equation and substituted numbers of one stage; ``before`` is the state the stage started from."""
    plan, w = stepper.plan, _Writer(conv.check(notation))
    l, m = stage.layer, snap.batch_size
    g = snap.get
    s, p = sup(l), sup(l - 1)

    if stage.kind == FORWARD:
        f = plan.activations[l - 1]
        a_prev = snap.arrays["input"] if l == 1 else g("a", l - 1)
        zs, as_, ap = w.z(s), w.a(s), w.a(p)
        if w.rows:
            out: list[Block] = [Eq((f"{zs} = {ap} W{s} + b{s}", f"{as_} = {f.label}({zs}),   {f.formula}"))]
            first = translate("WorkedExample", "A⁰ = X, the inputs, one sample per row. ") if l == 1 else ""
            out.append(Para(first + translate("WorkedExample", "b{s} is added to each of the m = {m} rows.").format(
                s=s, m=m)))
            out.append(Sub(zs, ("=", w.m(ap, a_prev), w.m(f"W{s}", g("W", l)), "+", w.m(f"b{s}", g("b", l)),
                                "=", w.m(zs, g("z", l)))))
        else:
            out = [Eq((f"{zs} = W{s} {ap} + b{s}", f"{as_} = {f.label}({zs}),   {f.formula}"))]
            first = translate("WorkedExample", "a⁰ = x, the inputs. ") if l == 1 else ""
            out.append(Para(first + translate("WorkedExample", "b{s} is added to each of the m = {m} columns.").format(
                s=s, m=m)))
            out.append(Sub(zs, ("=", w.m(f"W{s}", g("W", l)), w.m(ap, a_prev), "+", w.m(f"b{s}", g("b", l)),
                                "=", w.m(zs, g("z", l)))))
        out.append(Sub(as_, ("=", f"{f.label}({zs}) =", w.m(as_, g("a", l)))))
        return out
    if stage.kind == LOSS:
        return _loss_blocks(stepper, snap, digits, w)
    if stage.kind == BACKWARD:
        return _delta_blocks(stepper, l, snap, w) + _gradient_blocks(l, snap, w)
    return _update_blocks(stepper, snap, before, w)


def _loss_blocks(stepper: Stepper, snap: Snapshot, digits: int, w: _Writer) -> list[Block]:
    plan, L = stepper.plan, stepper.spec.depth
    S = sup(L)
    losses = snap.arrays.get("losses")
    value = translate("WorkedExample", "not computed") if snap.loss is None else format_number(snap.loss, digits)
    out: list[Block] = [Eq((translate("WorkedExample", "{formula}   (per sample)").format(formula=plan.loss.formula),
                            translate("WorkedExample", "L = (1/m) Σᵢ Lᵢ   (the mean over the batch)"),
                            plan.loss.gradient))]
    out.append(Sub("Lᵢ", ("=", w.m(translate("WorkedExample", "Lᵢ (per sample)"),
                                   None if losses is None else losses[None, :]))))
    out.append(Eq((f"L = {value}",)))
    a, y, grad = snap.get("a", L), snap.arrays["target"], snap.arrays.get("grad_a")
    aS = w.a(S)
    if plan.loss.name == "squared_error":
        out.append(Sub("∇ₐL", ("=", w.m(aS, a), "−", w.m("y", y), "=", w.m("∇ₐL", grad))))
    elif plan.loss.name == "squared_error_no_half":
        out.append(Sub("∇ₐL", ("=", "2 · (", w.m(aS, a), "−", w.m("y", y), ") =", w.m("∇ₐL", grad))))
    else:
        out.append(Sub("∇ₐL", ("=", w.m("∇ₐL", grad))))
    if plan.fused:
        out.append(Para(translate("WorkedExample", "∇ₐL is shown for completeness: with a {f} output and {loss} loss, "
                                  "BP1 simplifies to δ{S} = a{S} − y (next stage).").format(
            f=plan.activations[-1].title, loss=plan.loss.title, S=S)))
    return out


def _delta_blocks(stepper: Stepper, l: int, snap: Snapshot, w: _Writer) -> list[Block]:
    plan, L = stepper.plan, stepper.spec.depth
    f, g, s = plan.activations[l - 1], snap.get, sup(l)
    fp = f.fprime(g("z", l), g("a", l))
    if l == L and plan.fused:
        return [
            Eq(("BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ)", translate("WorkedExample", "with {f} output and {loss}: δᴸ = aᴸ − y").format(
                f=f.title, loss=plan.loss.title))),
            Para(translate("WorkedExample", "The factors of ∇ₐL and of the derivative of {f} cancel, so the error of "
                           "the output layer is simply the output minus the target.").format(f=f.title)),
            Sub(f"δ{s}", ("=", w.m(w.a(s), g("a", l)), "−", w.m("y", snap.arrays["target"]), "=",
                          w.m(f"δ{s}", g("delta", l)))),
        ]
    if l == L:
        if fp is None:  # softmax without cross-entropy: its full Jacobian, not ⊙
            return [Eq(("BP1: δᴸ = (∂aᴸ/∂zᴸ)ᵀ ∇ₐL", "softmax: δᵢ = aᵢ (gᵢ − Σₖ aₖ gₖ),  g = ∇ₐL")),
                    Sub(f"δ{s}", ("=", w.m(f"δ{s}", g("delta", l))))]
        return [
            Eq(("BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ)", f.derivative)),
            Sub(f"δ{s}", ("=", w.m("∇ₐL", snap.arrays.get("grad_a")), "⊙", w.m(f"{f.label}′(z{s})", fp), "=",
                          w.m(f"δ{s}", g("delta", l)))),
        ]
    u = sup(l + 1)
    W_up, d_up = g("W", l + 1), g("delta", l + 1)
    back = None if W_up is None or d_up is None else W_up.T @ d_up
    WT = None if W_up is None else W_up.T
    note = Para(translate("WorkedExample", "W{u} is used as it is before this iteration's update.").format(u=u))
    if w.rows:  # δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(zˡ)
        return [
            Eq((f"BP2: δ{s} = (δ{u} (W{u})ᵀ) ⊙ {f.label}′(z{s})", f.derivative)),
            note,
            Sub(f"δ{u} (W{u})ᵀ", ("=", w.m(f"δ{u}", d_up), w.m(f"(W{u})ᵀ", WT), "=", w.m(f"δ{u} (W{u})ᵀ", back))),
            Sub(f"δ{s}", ("=", w.m(f"δ{u} (W{u})ᵀ", back), "⊙", w.m(f"{f.label}′(z{s})", fp), "=",
                          w.m(f"δ{s}", g("delta", l)))),
        ]
    return [
        Eq((f"BP2: δ{s} = ((W{u})ᵀ δ{u}) ⊙ {f.label}′(z{s})", f.derivative)),
        note,
        Sub(f"(W{u})ᵀ δ{u}", ("=", w.m(f"(W{u})ᵀ", WT), w.m(f"δ{u}", d_up), "=", w.m(f"(W{u})ᵀ δ{u}", back))),
        Sub(f"δ{s}", ("=", w.m(f"(W{u})ᵀ δ{u}", back), "⊙", w.m(f"{f.label}′(z{s})", fp), "=",
                      w.m(f"δ{s}", g("delta", l)))),
    ]


def _gradient_blocks(l: int, snap: Snapshot, w: _Writer) -> list[Block]:
    g, s, p, m = snap.get, sup(l), sup(l - 1), snap.batch_size
    delta = g("delta", l)
    a_prev = snap.arrays["input"] if l == 1 else g("a", l - 1)
    sums = None if delta is None else delta.sum(axis=1, keepdims=True)
    a_T = None if a_prev is None else a_prev.T
    if w.rows:  # ∂L/∂Wˡ = (1/m) (Aˡ⁻¹)ᵀ δˡ; ∂L/∂bˡ the mean down each column
        sum_name = translate("WorkedExample", "Σ rows of δ{s}").format(s=s)
        return [
            Eq((translate("WorkedExample", "BP3: ∂L/∂b{s} = (1/m) Σ (the rows of δ{s})").format(s=s),
                f"BP4: ∂L/∂W{s} = (1/m) (A{p})ᵀ δ{s}")),
            Sub(f"∂L/∂b{s}", ("=", f"(1/{m}) ·", w.m(sum_name, sums), "=", w.m(f"∂L/∂b{s}", g("db", l)))),
            Sub(f"∂L/∂W{s}", ("=", f"(1/{m}) ·", w.m(f"(A{p})ᵀ", a_T), w.m(f"δ{s}", delta),
                              "=", w.m(f"∂L/∂W{s}", g("dW", l)))),
        ]
    sum_name = translate("WorkedExample", "Σ columns of δ{s}").format(s=s)
    return [
        Eq((translate("WorkedExample", "BP3: ∂L/∂b{s} = (1/m) Σ (the columns of δ{s})").format(s=s),
            f"BP4: ∂L/∂W{s} = (1/m) δ{s} (a{p})ᵀ")),
        Sub(f"∂L/∂b{s}", ("=", f"(1/{m}) ·", w.m(sum_name, sums), "=", w.m(f"∂L/∂b{s}", g("db", l)))),
        Sub(f"∂L/∂W{s}", ("=", f"(1/{m}) ·", w.m(f"δ{s}", delta), w.m(f"(a{p})ᵀ", a_T),
                          "=", w.m(f"∂L/∂W{s}", g("dW", l)))),
    ]


def _update_blocks(stepper: Stepper, snap: Snapshot, before: Snapshot, w: _Writer) -> list[Block]:
    t, L = stepper.training, stepper.spec.depth
    eta, mu, lam = t.learning_rate, t.momentum, t.l2
    out: list[Block]
    if t.plain:
        out = [Eq(("Wˡ ← Wˡ − η ∂L/∂Wˡ,   bˡ ← bˡ − η ∂L/∂bˡ", f"η = {eta:g}"))]
    else:
        out = [Eq(("vWˡ ← μ vWˡ − η (∂L/∂Wˡ + λ Wˡ),   Wˡ ← Wˡ + vWˡ",
                   translate("WorkedExample", "vbˡ ← μ vbˡ − η ∂L/∂bˡ,   bˡ ← bˡ + vbˡ   (biases are not decayed)"),
                   f"η = {eta:g},  μ = {mu:g},  λ = {lam:g}")),
               Para(translate("WorkedExample", "vW and vb are the velocities: the step each weight took, carried "
                              "over with factor μ (0 before the first iteration)."))]
    for l in range(1, L + 1):
        s = sup(l)
        for q, grad in (("W", "dW"), ("b", "db")):
            old, new, d = before.get(q, l), snap.get(q, l), snap.get(grad, l)
            assert old is not None and new is not None and d is not None
            before_name = translate("WorkedExample", "{q} (before)").format(q=f"{q}{s}")
            after_name = translate("WorkedExample", "{q} (after)").format(q=f"{q}{s}")
            if t.plain:
                out.append(Sub(f"{q}{s}", ("←", w.m(before_name, old), f"− {eta:g} ·", w.m(f"∂L/∂{q}{s}", d),
                                           "=", w.m(after_name, new))))
                continue
            v = new - old  # W ← W + v: the velocity is the step just taken
            decay = lam if q == "W" else 0.0
            v_prev = np.zeros_like(v) if mu == 0 else (v + eta * (d + decay * old)) / mu
            terms: tuple[str | M, ...] = ("=",)
            if mu:
                terms += (f"{mu:g} ·", w.m(translate("WorkedExample", "{q} (before)").format(q=f"v{q}{s}"), v_prev))
            terms += (f"− {eta:g} · (" if decay else f"− {eta:g} ·", w.m(f"∂L/∂{q}{s}", d))
            if decay:
                terms += (f"+ {decay:g} ·", w.m(before_name, old), ")")
            out.append(Sub(f"v{q}{s}", (*terms, "=", w.m(f"v{q}{s}", v))))
            out.append(Sub(f"{q}{s}", ("←", w.m(before_name, old), "+", w.m(f"v{q}{s}", v), "=",
                                       w.m(after_name, new))))
    return out
