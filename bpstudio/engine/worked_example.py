"""A textbook worked example of one training iteration, with every number, for handing out.

``worked_example(stepper)`` steps one iteration and writes, in order: the network, the batch's data, the
starting weights, then every stage (forward l, loss, backward L … 1 with BP1/BP2, BP3, BP4, the update) with
its equation and the very matrices the stepper computed substituted into it. Markdown, HTML or LaTeX; the
layout is in ``worked_example_formats``. The numbers are the snapshots' (the panels' and the trace's), written
with ``format_number``, so the handout and the app agree digit for digit.
"""

from __future__ import annotations

import numpy as np

from .errors import ValidationError
from .notation import format_number, sup
from .snapshot import Snapshot
from .stages import BACKWARD, FORWARD, LOSS, Stage
from .stepper import Stepper
from .trace import _fprime
from .worked_example_formats import RENDERERS, Block, Eq, Heading, M, Para, Sub, Table

FORMATS = tuple(RENDERERS)  # md, html, tex
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".tex": "tex"}

Record = tuple[Stage, Snapshot, Snapshot]  # a stage, the state after it, the state before it


def worked_example(stepper: Stepper, project_name: str = "", fmt: str = "md", digits: int = 4) -> str:
    """Step one iteration (the rest of the current one if it is under way) and return its worked example.

    Stages of the current iteration already taken are written from the values they left, so the document
    always covers the whole iteration. ``fmt`` is ``md``, ``html`` or ``tex``."""
    if fmt not in RENDERERS:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}, got {fmt!r}")
    records = _step_iteration(stepper)
    title = f"Worked example: {project_name or 'network ' + '-'.join(map(str, stepper.spec.sizes))}"
    blocks = example_blocks(stepper, records, title, digits)
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


def example_blocks(stepper: Stepper, records: list[Record], title: str, digits: int = 4) -> list[Block]:
    spec, plan, t = stepper.spec, stepper.plan, stepper.training
    first_before = records[0][2]
    last = records[-1][1]
    m, L = last.batch_size, spec.depth
    blocks: list[Block] = [Heading(title, 1)]
    blocks.append(Para(
        f"Iteration {last.iteration + 1} (epoch {last.epoch + 1}, batch {last.batch + 1} of "
        f"{stepper.batches_per_epoch}): every stage of one training step, with the equation it evaluates and "
        f"all its numbers substituted. Samples are columns (column convention); numbers are rounded to "
        f"the shown digits."))
    blocks.append(Heading("The network"))
    rows = [("0 (input)", str(spec.input_size), "—", "—", "—")]
    for l in range(1, L + 1):
        W, b = first_before.get("W", l), first_before.get("b", l)
        assert W is not None and b is not None
        rows.append((str(l), str(spec.sizes[l]), plan.activations[l - 1].name,
                     f"{W.shape[0]} × {W.shape[1]}", f"{b.shape[0]} × {b.shape[1]}"))
    blocks.append(Table(("layer l", "units nˡ", "activation fˡ", "Wˡ", "bˡ"), tuple(rows)))
    rule = "W ← W − η ∂L/∂W (plain gradient descent)" if t.plain else (
        f"momentum μ = {t.momentum:g}, L2 weight decay λ = {t.l2:g}")
    blocks.append(Para(
        f"Loss: {plan.loss.name}, {plan.loss.formula} per sample; the batch loss is the mean over the m samples. "
        f"Learning rate η = {t.learning_rate:g}; update: {rule}. Batch: m = {m} of {stepper.samples} sample(s)."))
    blocks.append(Heading("The data of this batch"))
    blocks.append(Para(f"Inputs X = a⁰ ({spec.input_size} × m) and targets Y ({spec.sizes[-1]} × m), "
                       f"one sample per column."))
    blocks.append(Sub("X", ("=", M("X", last.arrays["input"]))))
    blocks.append(Sub("Y", ("=", M("Y", last.arrays["target"]))))
    blocks.append(Heading("The starting weights and biases"))
    for l in range(1, L + 1):
        blocks.append(Sub(f"W{sup(l)}", ("=", M(f"W{sup(l)}", first_before.get("W", l)))))
        blocks.append(Sub(f"b{sup(l)}", ("=", M(f"b{sup(l)}", first_before.get("b", l)))))
    for i, (stage, after, before) in enumerate(records, start=1):
        blocks.append(Heading(f"Stage {i}: {stage.name}"))
        blocks += stage_blocks(stepper, stage, after, before, digits)
    blocks.append(Heading("Result"))
    loss = "not computed" if last.loss is None else format_number(last.loss, digits)
    blocks.append(Para(f"The batch loss of this iteration (before the update) is L = {loss}. The next iteration "
                       f"starts from the updated weights and biases of the last stage."))
    return blocks


def stage_blocks(stepper: Stepper, stage: Stage, snap: Snapshot, before: Snapshot, digits: int = 4) -> list[Block]:
    """The equation and substituted numbers of one stage; ``before`` is the state the stage started from."""
    plan = stepper.plan
    l, m = stage.layer, snap.batch_size
    g = snap.get
    s, p = sup(l), sup(l - 1)

    if stage.kind == FORWARD:
        f = plan.activations[l - 1]
        a_prev = snap.arrays["input"] if l == 1 else g("a", l - 1)
        out: list[Block] = [Eq((f"z{s} = W{s} a{p} + b{s}", f"a{s} = {f.label}(z{s}),   {f.formula}"))]
        out.append(Para(("a⁰ = x, the inputs. " if l == 1 else "")
                        + f"b{s} is added to each of the m = {m} columns."))
        out.append(Sub(f"z{s}", ("=", M(f"W{s}", g("W", l)), M(f"a{p}", a_prev), "+", M(f"b{s}", g("b", l)),
                                 "=", M(f"z{s}", g("z", l)))))
        out.append(Sub(f"a{s}", ("=", f"{f.label}(z{s}) =", M(f"a{s}", g("a", l)))))
        return out
    if stage.kind == LOSS:
        return _loss_blocks(stepper, snap, digits)
    if stage.kind == BACKWARD:
        return _delta_blocks(stepper, l, snap) + _gradient_blocks(l, snap)
    return _update_blocks(stepper, snap, before)


def _loss_blocks(stepper: Stepper, snap: Snapshot, digits: int) -> list[Block]:
    plan, L = stepper.plan, stepper.spec.depth
    S = sup(L)
    losses = snap.arrays.get("losses")
    value = "not computed" if snap.loss is None else format_number(snap.loss, digits)
    out: list[Block] = [Eq((f"{plan.loss.formula}   (per sample)", "L = (1/m) Σᵢ Lᵢ   (the mean over the batch)",
                            plan.loss.gradient))]
    out.append(Sub("Lᵢ", ("=", M("Lᵢ (per sample)", None if losses is None else losses[None, :]))))
    out.append(Eq((f"L = {value}",)))
    a, y, grad = snap.get("a", L), snap.arrays["target"], snap.arrays.get("grad_a")
    if plan.loss.name == "squared_error":
        out.append(Sub("∇ₐL", ("=", M(f"a{S}", a), "−", M("y", y), "=", M("∇ₐL", grad))))
    elif plan.loss.name == "squared_error_no_half":
        out.append(Sub("∇ₐL", ("=", "2 · (", M(f"a{S}", a), "−", M("y", y), ") =", M("∇ₐL", grad))))
    else:
        out.append(Sub("∇ₐL", ("=", M("∇ₐL", grad))))
    if plan.fused:
        out.append(Para(f"∇ₐL is shown for completeness: with a {plan.activations[-1].name} output and "
                        f"{plan.loss.name} loss, BP1 simplifies to δ{S} = a{S} − y (next stage)."))
    return out


def _delta_blocks(stepper: Stepper, l: int, snap: Snapshot) -> list[Block]:
    plan, L = stepper.plan, stepper.spec.depth
    f, g, s = plan.activations[l - 1], snap.get, sup(l)
    fp = _fprime(f, g("z", l), g("a", l))
    if l == L and plan.fused:
        return [
            Eq(("BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ)", f"with {f.name} output and {plan.loss.name}: δᴸ = aᴸ − y")),
            Para(f"The factors of ∇ₐL and of the derivative of {f.name} cancel, so the error of the output "
                 f"layer is simply the output minus the target."),
            Sub(f"δ{s}", ("=", M(f"a{s}", g("a", l)), "−", M("y", snap.arrays["target"]), "=",
                          M(f"δ{s}", g("delta", l)))),
        ]
    if l == L:
        if fp is None:  # softmax without cross-entropy: its full Jacobian, not ⊙
            return [Eq(("BP1: δᴸ = (∂aᴸ/∂zᴸ)ᵀ ∇ₐL", "softmax: δᵢ = aᵢ (gᵢ − Σₖ aₖ gₖ),  g = ∇ₐL")),
                    Sub(f"δ{s}", ("=", M(f"δ{s}", g("delta", l))))]
        return [
            Eq(("BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ)", f.derivative)),
            Sub(f"δ{s}", ("=", M("∇ₐL", snap.arrays.get("grad_a")), "⊙", M(f"{f.label}′(z{s})", fp), "=",
                          M(f"δ{s}", g("delta", l)))),
        ]
    u = sup(l + 1)
    W_up, d_up = g("W", l + 1), g("delta", l + 1)
    back = None if W_up is None or d_up is None else W_up.T @ d_up
    return [
        Eq((f"BP2: δ{s} = ((W{u})ᵀ δ{u}) ⊙ {f.label}′(z{s})", f.derivative)),
        Para(f"W{u} is used as it is before this iteration's update."),
        Sub(f"(W{u})ᵀ δ{u}", ("=", M(f"(W{u})ᵀ", None if W_up is None else W_up.T), M(f"δ{u}", d_up), "=",
                              M(f"(W{u})ᵀ δ{u}", back))),
        Sub(f"δ{s}", ("=", M(f"(W{u})ᵀ δ{u}", back), "⊙", M(f"{f.label}′(z{s})", fp), "=",
                      M(f"δ{s}", g("delta", l)))),
    ]


def _gradient_blocks(l: int, snap: Snapshot) -> list[Block]:
    g, s, p, m = snap.get, sup(l), sup(l - 1), snap.batch_size
    delta = g("delta", l)
    a_prev = snap.arrays["input"] if l == 1 else g("a", l - 1)
    sums = None if delta is None else delta.sum(axis=1, keepdims=True)
    return [
        Eq((f"BP3: ∂L/∂b{s} = (1/m) Σ (the columns of δ{s})", f"BP4: ∂L/∂W{s} = (1/m) δ{s} (a{p})ᵀ")),
        Sub(f"∂L/∂b{s}", ("=", f"(1/{m}) ·", M(f"Σ columns of δ{s}", sums), "=", M(f"∂L/∂b{s}", g("db", l)))),
        Sub(f"∂L/∂W{s}", ("=", f"(1/{m}) ·", M(f"δ{s}", delta), M(f"(a{p})ᵀ", None if a_prev is None else a_prev.T),
                          "=", M(f"∂L/∂W{s}", g("dW", l)))),
    ]


def _update_blocks(stepper: Stepper, snap: Snapshot, before: Snapshot) -> list[Block]:
    t, L = stepper.training, stepper.spec.depth
    eta, mu, lam = t.learning_rate, t.momentum, t.l2
    out: list[Block]
    if t.plain:
        out = [Eq(("Wˡ ← Wˡ − η ∂L/∂Wˡ,   bˡ ← bˡ − η ∂L/∂bˡ", f"η = {eta:g}"))]
    else:
        out = [Eq(("vWˡ ← μ vWˡ − η (∂L/∂Wˡ + λ Wˡ),   Wˡ ← Wˡ + vWˡ",
                   "vbˡ ← μ vbˡ − η ∂L/∂bˡ,   bˡ ← bˡ + vbˡ   (biases are not decayed)",
                   f"η = {eta:g},  μ = {mu:g},  λ = {lam:g}")),
               Para("vW and vb are the velocities: the step each weight took, carried over with factor μ "
                    "(0 before the first iteration).")]
    for l in range(1, L + 1):
        s = sup(l)
        for q, grad in (("W", "dW"), ("b", "db")):
            old, new, d = before.get(q, l), snap.get(q, l), snap.get(grad, l)
            assert old is not None and new is not None and d is not None
            if t.plain:
                out.append(Sub(f"{q}{s}", ("←", M(f"{q}{s} (before)", old), f"− {eta:g} ·", M(f"∂L/∂{q}{s}", d),
                                           "=", M(f"{q}{s} (after)", new))))
                continue
            v = new - old  # W ← W + v: the velocity is the step just taken
            decay = lam if q == "W" else 0.0
            v_prev = np.zeros_like(v) if mu == 0 else (v + eta * (d + decay * old)) / mu
            terms: tuple[str | M, ...] = ("=",)
            if mu:
                terms += (f"{mu:g} ·", M(f"v{q}{s} (before)", v_prev))
            terms += (f"− {eta:g} · (" if decay else f"− {eta:g} ·", M(f"∂L/∂{q}{s}", d))
            if decay:
                terms += (f"+ {decay:g} ·", M(f"{q}{s} (before)", old), ")")
            out.append(Sub(f"v{q}{s}", (*terms, "=", M(f"v{q}{s}", v))))
            out.append(Sub(f"{q}{s}", ("←", M(f"{q}{s} (before)", old), "+", M(f"v{q}{s}", v), "=",
                                       M(f"{q}{s} (after)", new))))
    return out
