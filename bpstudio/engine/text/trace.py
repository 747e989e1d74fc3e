"""The stage trace of an iteration as text: each stage's equation with its numbers substituted."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS, Stage
from bpstudio.engine.stepper import Stepper

from .notation import format_number, sup

MAX_WRITTEN = 64  # larger matrices are summarised by shape and range


def fmt(m: np.ndarray | None, precision: int = 4) -> str:
    if m is None:
        return "(not computed)"
    if m.size > MAX_WRITTEN:
        return (f"[{m.shape[0]} × {m.shape[1]} matrix: min {m.min():.{precision}g}, "
                f"max {m.max():.{precision}g}, mean {m.mean():.{precision}g}]")
    # the matrix panels' formatter, so the trace and the window write the same number the same way
    return np.array2string(np.asarray(m), separator=", ", max_line_width=100,
                           formatter={"float_kind": lambda v: format_number(v, precision)})  # type: ignore[arg-type]


def _align(line: str) -> str:
    """Indent a matrix's continuation rows so its columns stand under its first row."""
    if "\n" not in line:
        return line
    col = line.find("= [") + 2
    return line.replace("\n", "\n" + " " * col)


def shape(m: np.ndarray | None) -> str:
    return "" if m is None else f" ({m.shape[0]}×{m.shape[1]})"


def describe(stepper: Stepper, snap: Snapshot, stage: Stage, precision: int = 4) -> list[str]:
    """Lines for one stage, with the values it used and computed."""
    return [_align(line) for line in _describe(stepper, snap, stage, precision)]


def _describe(stepper: Stepper, snap: Snapshot, stage: Stage, precision: int) -> list[str]:
    spec, plan = stepper.spec, stepper.plan
    L, l = spec.depth, stage.layer
    p = precision
    m = snap.batch_size

    def g(q: str, layer: int) -> np.ndarray | None:
        return snap.get(q, layer)

    def prev_a(layer: int) -> tuple[str, np.ndarray | None]:
        if layer == 1:
            return "a⁰ = x", snap.arrays["input"]
        return f"a{sup(layer - 1)}", g("a", layer - 1)

    if stage.kind == FORWARD:
        f = plan.activations[l - 1]
        name, a_prev = prev_a(l)
        return [
            f"[forward {l}]  z{sup(l)} = W{sup(l)} a{sup(l - 1)} + b{sup(l)};  a{sup(l)} = {f.label}(z{sup(l)})",
            f"  W{sup(l)}{shape(g('W', l))} = {fmt(g('W', l), p)}",
            f"  {name}{shape(a_prev)} = {fmt(a_prev, p)}",
            f"  b{sup(l)}{shape(g('b', l))} = {fmt(g('b', l), p)}",
            f"  z{sup(l)}{shape(g('z', l))} = {fmt(g('z', l), p)}",
            f"  a{sup(l)}{shape(g('a', l))} = {fmt(g('a', l), p)}",
        ]
    if stage.kind == LOSS:
        loss, losses = plan.loss, snap.arrays.get("losses")
        return [
            f"[loss]  {loss.formula} per sample; batch loss = mean over m = {m} sample(s)",
            f"  a{sup(L)} = {fmt(g('a', L), p)}",
            f"  y = {fmt(snap.arrays['target'], p)}",
            f"  per-sample L = {fmt(None if losses is None else losses[None, :], p)}",
            f"  L = {format_number(snap.loss, p)}" if snap.loss is not None else "  L = (not computed)",
            f"  {loss.gradient} = {fmt(snap.arrays.get('grad_a'), p)}",
        ]
    if stage.kind == BACKWARD:
        f = plan.activations[l - 1]
        lines = []
        if l == L:
            if plan.fused:
                lines.append(f"[backward {l}]  BP1 (fused {f.name} + {plan.loss.name}): δ{sup(L)} = a{sup(L)} − y")
                lines.append(f"  a{sup(L)} = {fmt(g('a', L), p)}")
                lines.append(f"  y = {fmt(snap.arrays['target'], p)}")
            else:
                lines.append(f"[backward {l}]  BP1: δ{sup(L)} = ∇ₐL ⊙ {f.label}′(z{sup(L)})   [{f.derivative}]")
                lines.append(f"  ∇ₐL = {fmt(snap.arrays.get('grad_a'), p)}")
                lines.append(f"  {f.label}′(z{sup(L)}) = {fmt(f.fprime(g('z', L), g('a', L)), p)}")
        else:
            W_up, d_up = g("W", l + 1), g("delta", l + 1)
            lines.append(
                f"[backward {l}]  BP2: δ{sup(l)} = ((W{sup(l + 1)})ᵀ δ{sup(l + 1)}) ⊙ {f.label}′(z{sup(l)})"
                f"   [{f.derivative}]"
            )
            if W_up is not None and d_up is not None:
                lines.append(f"  (W{sup(l + 1)})ᵀ δ{sup(l + 1)} = {fmt(W_up.T @ d_up, p)}")
            lines.append(f"  {f.label}′(z{sup(l)}) = {fmt(f.fprime(g('z', l), g('a', l)), p)}")
        lines += [
            f"  δ{sup(l)}{shape(g('delta', l))} = {fmt(g('delta', l), p)}",
            f"  BP3: ∂L/∂b{sup(l)} = (1/m) Σ over samples of δ{sup(l)}  (m = {m})",
            f"  ∂L/∂b{sup(l)}{shape(g('db', l))} = {fmt(g('db', l), p)}",
            f"  BP4: ∂L/∂W{sup(l)} = (1/m) δ{sup(l)} (a{sup(l - 1)})ᵀ",
            f"  ∂L/∂W{sup(l)}{shape(g('dW', l))} = {fmt(g('dW', l), p)}",
        ]
        return lines
    eta = stepper.training.learning_rate
    lines = [f"[update]  W ← W − η ∂L/∂W,  b ← b − η ∂L/∂b   (η = {eta:g})"]
    for i in range(1, L + 1):
        lines += [f"  W{sup(i)} = {fmt(g('W', i), p)}", f"  b{sup(i)} = {fmt(g('b', i), p)}"]
    return lines


def trace_iteration(stepper: Stepper, precision: int = 4) -> str:
    """Step through the rest of the current iteration (all of it at a boundary), describing each stage."""
    snap = stepper.snapshot()
    lines = [
        f"Network {'-'.join(map(str, stepper.spec.sizes))}, "
        f"activations {', '.join(a.name for a in stepper.plan.activations)}, loss {stepper.plan.loss.name}",
        f"Iteration {snap.iteration + (2 if stepper.complete else 1)}, "
        f"batch of {stepper.current_batch()[0].shape[1]} sample(s), learning rate {stepper.training.learning_rate:g}",
        "",
    ]
    while True:
        snap = stepper.step()
        assert snap.stage is not None
        lines += [*describe(stepper, snap, snap.stage, precision), ""]
        if stepper.complete:
            break
    return "\n".join(lines)
