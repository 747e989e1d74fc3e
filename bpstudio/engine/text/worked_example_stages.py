"""The worked example's stages: each stage's equation with the stepper's very matrices substituted into it
(forward l, the loss, BP1 or BP2 with BP3 and BP4, the update), in the column or the row convention."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.i18n import translate
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stages import BACKWARD, FORWARD, LOSS, Stage
from bpstudio.engine.stepper import Stepper

from . import convention as conv
from .notation import format_number, sup
from .worked_example_formats import Block, Eq, M, Para, Sub
from .worked_example_optimizers import adaptive_update_blocks


class Writer:
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


def stage_blocks(stepper: Stepper, stage: Stage, snap: Snapshot, before: Snapshot, digits: int = 4,
                 notation: str = conv.COLUMN) -> list[Block]:
    """The equation and substituted numbers of one stage; ``before`` is the state the stage started from."""
    plan, w = stepper.plan, Writer(conv.check(notation))
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


def _loss_blocks(stepper: Stepper, snap: Snapshot, digits: int, w: Writer) -> list[Block]:
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


def _delta_blocks(stepper: Stepper, l: int, snap: Snapshot, w: Writer) -> list[Block]:
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
        back_name, factors = f"δ{u} (W{u})ᵀ", (w.m(f"δ{u}", d_up), w.m(f"(W{u})ᵀ", WT))
    else:
        back_name, factors = f"(W{u})ᵀ δ{u}", (w.m(f"(W{u})ᵀ", WT), w.m(f"δ{u}", d_up))
    return [
        Eq((f"BP2: δ{s} = ({back_name}) ⊙ {f.label}′(z{s})", f.derivative)),
        note,
        Sub(back_name, ("=", *factors, "=", w.m(back_name, back))),
        Sub(f"δ{s}", ("=", w.m(back_name, back), "⊙", w.m(f"{f.label}′(z{s})", fp), "=", w.m(f"δ{s}", g("delta", l)))),
    ]


def _gradient_blocks(l: int, snap: Snapshot, w: Writer) -> list[Block]:
    g, s, p, m = snap.get, sup(l), sup(l - 1), snap.batch_size
    delta = g("delta", l)
    a_prev = snap.arrays["input"] if l == 1 else g("a", l - 1)
    sums = None if delta is None else delta.sum(axis=1, keepdims=True)
    a_T = None if a_prev is None else a_prev.T
    if w.rows:  # ∂L/∂Wˡ = (1/m) (Aˡ⁻¹)ᵀ δˡ; ∂L/∂bˡ the mean down each column
        sum_name = translate("WorkedExample", "Σ rows of δ{s}").format(s=s)
        bp3 = translate("WorkedExample", "BP3: ∂L/∂b{s} = (1/m) Σ (the rows of δ{s})").format(s=s)
        bp4, factors = f"BP4: ∂L/∂W{s} = (1/m) (A{p})ᵀ δ{s}", (w.m(f"(A{p})ᵀ", a_T), w.m(f"δ{s}", delta))
    else:
        sum_name = translate("WorkedExample", "Σ columns of δ{s}").format(s=s)
        bp3 = translate("WorkedExample", "BP3: ∂L/∂b{s} = (1/m) Σ (the columns of δ{s})").format(s=s)
        bp4, factors = f"BP4: ∂L/∂W{s} = (1/m) δ{s} (a{p})ᵀ", (w.m(f"δ{s}", delta), w.m(f"(a{p})ᵀ", a_T))
    return [
        Eq((bp3, bp4)),
        Sub(f"∂L/∂b{s}", ("=", f"(1/{m}) ·", w.m(sum_name, sums), "=", w.m(f"∂L/∂b{s}", g("db", l)))),
        Sub(f"∂L/∂W{s}", ("=", f"(1/{m}) ·", *factors, "=", w.m(f"∂L/∂W{s}", g("dW", l)))),
    ]


def _update_blocks(stepper: Stepper, snap: Snapshot, before: Snapshot, w: Writer) -> list[Block]:
    t, L = stepper.training, stepper.spec.depth
    eta, mu, lam = t.learning_rate, t.momentum, t.l2
    out: list[Block]
    if t.optimizer != "sgd":
        return adaptive_update_blocks(t, L, snap, before, w.m)
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
