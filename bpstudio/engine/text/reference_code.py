"""The reference program: the engine's training loop as a short NumPy program a learner can read, with only the
lines for the project's activations and loss, in the column or the row notation.

The column program is the engine's loop itself: the same operations in the same order as ``backprop`` (forward,
loss, BP1/BP2, BP4, BP3, update), so executed on the same batches and weights it gives the same bits as the
stepped path and the fast path (tests/engine/test_reference_code.py). The row program is the same loop written
with samples as rows (Z = A W + b), bit for bit too: its products are ``np.matmul(A, W, order="F")``, whose result
NumPy lays out as the engine's column array transposed — it computes it as the engine's own W·a (the same BLAS call)
— and Y is laid out so, so every later sum runs over memory as the engine's does.

Every line is a ``CodeLine``: its code, the stage that computes it (``Stage.name``: "forward 2", "loss",
"backward 1", "update"; "" for set-up), the snapshot keys it assigns, and an English comment marked for
translation. One equation is one line, so a line can be swapped for a variant (a planted bug) on its own.
The program expects, in its namespace: ``batches`` (an iterable of (x, y), the engine's batches in order, column
convention as the engine holds them) and the weights W1, b1, … (in the notation's orientation: in the row notation
the engine's arrays transposed, ``W.T``, which is how their memory is read for the same bits).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bpstudio.engine.i18n import QT_TRANSLATE_NOOP, translate
from bpstudio.engine.snapshot import key
from bpstudio.engine.spec import NetworkSpec, TrainingSpec

from .code_snippets import activation_lines, loss_gradient, per_sample_loss, times_derivative
from .convention import COLUMN, DEEPLEARNING, check, transposed, written

CONTEXT = "ReferenceCode"


@dataclass(frozen=True)
class CodeLine:
    code: str  # Python, indented as in the program
    stage: str = ""  # the Stage.name whose step runs this line; "" for set-up and the loop's head
    makes: tuple[str, ...] = ()  # snapshot keys ("L2/delta", "loss") this line assigns
    comment: str = ""  # English, marked for translation in CONTEXT; {l} is the layer
    layer: int = 0
    role: str = ""  # the equation: forward, activation, loss, grad_a, BP1 … BP4, update (what a bug may replace)
    convention: str = COLUMN  # how the comment names things (dZ^[l] in the deeplearning.ai notation)

    def comment_text(self) -> str:
        """The comment in the UI's language."""
        text = translate(CONTEXT, self.comment).format(l=self.layer) if self.comment else ""
        return written(text, self.convention)


_C = {  # comments, by role; words translated, formulas as TEACHING.md writes them
    "import": QT_TRANSLATE_NOOP("ReferenceCode", "the engine's loop, line for line"),
    "lr": QT_TRANSLATE_NOOP("ReferenceCode", "learning rate η"),
    "momentum": QT_TRANSLATE_NOOP("ReferenceCode", "momentum μ and L2 weight decay λ"),
    "velocity": QT_TRANSLATE_NOOP("ReferenceCode", "velocities start at zero"),
    "loop": QT_TRANSLATE_NOOP("ReferenceCode", "every batch of every epoch, in the engine's order"),
    "rows": QT_TRANSLATE_NOOP("ReferenceCode", "samples as rows: Xᵀ, Yᵀ"),
    "order": QT_TRANSLATE_NOOP("ReferenceCode", 'order="F", asfortranarray: arrays laid out as the engine\'s, '
                                                "transposed, so NumPy adds in its order (the same bits)"),
    "m": QT_TRANSLATE_NOOP("ReferenceCode", "m: samples in the batch"),
    "forward": QT_TRANSLATE_NOOP("ReferenceCode", "forward {l}: weighted input"),
    "activation": QT_TRANSLATE_NOOP("ReferenceCode", "activation of layer {l}"),
    "loss": QT_TRANSLATE_NOOP("ReferenceCode", "loss of each sample"),
    "mean": QT_TRANSLATE_NOOP("ReferenceCode", "the batch loss: their mean"),
    "grad_a": QT_TRANSLATE_NOOP("ReferenceCode", "∇ₐL, one per sample, not averaged"),
    "BP1": QT_TRANSLATE_NOOP("ReferenceCode", "BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ)"),
    "BP1 fused": QT_TRANSLATE_NOOP("ReferenceCode", "BP1: δᴸ = a − y (the loss fused with the output)"),
    "BP2": QT_TRANSLATE_NOOP("ReferenceCode", "BP2: δ from the layer above (its W before the update)"),
    "BP4": QT_TRANSLATE_NOOP("ReferenceCode", "BP4: ∂L/∂W, the mean over the batch"),
    "BP3": QT_TRANSLATE_NOOP("ReferenceCode", "BP3: ∂L/∂b, the mean of δ"),
    "update": QT_TRANSLATE_NOOP("ReferenceCode", "update: W ← W − η ∂L/∂W"),
    "update momentum": QT_TRANSLATE_NOOP("ReferenceCode", "update with momentum: v ← μv − η(∂L/∂W + λW), W ← W + v"),
    "adam": QT_TRANSLATE_NOOP("ReferenceCode", "Adam's β₁, β₂, ε and L2 weight decay λ"),
    "rmsprop": QT_TRANSLATE_NOOP("ReferenceCode", "RMSProp's α, ε and L2 weight decay λ"),
    "moments": QT_TRANSLATE_NOOP("ReferenceCode", "v and s start at zero, t counts the updates"),
    "update adam": QT_TRANSLATE_NOOP("ReferenceCode", "Adam: v, s, then W ← W − η v̂/(√ŝ + ε), v̂ = v/(1 − β₁ᵗ), "
                                                      "ŝ = s/(1 − β₂ᵗ)"),
    "update rmsprop": QT_TRANSLATE_NOOP("ReferenceCode", "RMSProp: s ← αs + (1 − α)g², W ← W − η g/(√s + ε)"),
}


@dataclass(frozen=True)
class Names:
    """The program's variable names in one notation."""

    convention: str

    @property
    def row(self) -> bool:
        return transposed(self.convention)

    @property
    def capitals(self) -> bool:  # batch matrices as capitals: the row convention's and the course's Z1, A1, X, Y
        return self.convention != COLUMN

    def z(self, l: int) -> str:
        return f"Z{l}" if self.capitals else f"z{l}"

    def a(self, l: int) -> str:
        if l == 0:
            return "X" if self.capitals else "x"
        return f"A{l}" if self.capitals else f"a{l}"

    @property
    def y(self) -> str:
        return "Y" if self.capitals else "y"

    def delta(self, l: int) -> str:
        return f"dZ{l}" if self.convention == DEEPLEARNING else f"delta{l}"

    @property
    def grad_a(self) -> str:
        return "dAL" if self.convention == DEEPLEARNING else "grad_a"


def _line(code: str, role: str, stage: str = "", makes: tuple[str, ...] = (), layer: int = 0,
          comment: str | None = None, depth: int = 1) -> CodeLine:
    return CodeLine("    " * depth + code, stage, makes, _C.get(role if comment is None else comment, ""), layer, role)


def reference_lines(spec: NetworkSpec, training: TrainingSpec, convention: str = COLUMN) -> tuple[CodeLine, ...]:
    """The program for ``spec`` trained with ``training``, in ``convention``."""
    n = Names(check(convention))
    U, B = (1, 0) if n.row else (0, 1)  # the units' axis, the batch's axis
    L = spec.depth
    acts = [spec.activation(l).name for l in range(1, L + 1)]
    out: list[CodeLine] = [
        _line("import numpy as np", "import", depth=0), _line("", "", depth=0),
        _line(f"lr = {training.learning_rate!r}", "lr", depth=0)]
    if training.optimizer != "sgd":
        out += _adaptive_setup(training, L)
    elif not training.plain:
        out.append(_line(f"mu, l2 = {training.momentum!r}, {training.l2!r}", "momentum", depth=0))
        for l in range(1, L + 1):
            out.append(_line(f"vW{l}, vb{l} = np.zeros_like(W{l}), np.zeros_like(b{l})", "velocity", layer=l,
                             depth=0, comment="velocity" if l == 1 else ""))
    if n.row:
        out.append(_line("", "order", depth=0))
    out.append(_line(f"for {n.a(0)}, {n.y} in batches:", "loop", depth=0))
    if n.row:
        out.append(_line(f"{n.a(0)}, {n.y} = {n.a(0)}.T, np.asfortranarray({n.y}.T)", "rows"))
    out.append(_line(f"m = {n.a(0)}.shape[{B}]", "m"))
    for l in range(1, L + 1):  # forward l
        stage, z, a = f"forward {l}", n.z(l), n.a(l)
        prod = f'np.matmul({n.a(l - 1)}, W{l}, order="F")' if n.row else f"W{l} @ {n.a(l - 1)}"
        out.append(_line(f"{z} = {prod} + b{l}", "forward", stage, (key("z", l),), l))
        lines = activation_lines(acts[l - 1], z, a, U, l)
        out += [_line(code, "activation", stage, (key("a", l),) if code.startswith(a) else (), l,
                      comment="activation" if i == len(lines) - 1 else "") for i, code in enumerate(lines)]
    fused = spec.fused_output
    losses = per_sample_loss(spec.loss_fn.name, fused, n.z(L), n.a(L), n.y, U)
    out += [_line(code, "loss", "loss", ("losses",) if code.startswith("losses") else (),
                  comment="loss" if i == len(losses) - 1 else "") for i, code in enumerate(losses)]
    out.append(_line("loss = float(np.mean(losses))", "mean", "loss", ("loss",)))
    if not fused:
        out.append(_line(f"{n.grad_a} = {loss_gradient(spec.loss_fn.name, n.a(L), n.y)}", "grad_a", "loss",
                         ("grad_a",)))
    for l in range(L, 0, -1):  # backward l: BP1 or BP2, then BP4, BP3 (as backprop.backward_layer)
        stage, d = f"backward {l}", n.delta(l)
        if l == L and fused:
            out.append(_line(f"{d} = {n.a(L)} - {n.y}", "BP1", stage, (key("delta", l),), l, comment="BP1 fused"))
        elif l == L:
            code = times_derivative(acts[-1], n.grad_a, n.z(l), n.a(l), U)
            out.append(_line(f"{d} = {code}", "BP1", stage, (key("delta", l),), l))
        else:
            back = (f'np.matmul({n.delta(l + 1)}, W{l + 1}.T, order="F")' if n.row
                    else f"(W{l + 1}.T @ {n.delta(l + 1)})")
            code = times_derivative(acts[l - 1], back, n.z(l), n.a(l), U)
            out.append(_line(f"{d} = {code}", "BP2", stage, (key("delta", l),), l))
        grad_w = f'np.matmul({n.a(l - 1)}.T, {d}, order="F")' if n.row else f"({d} @ {n.a(l - 1)}.T)"
        out.append(_line(f"dW{l} = {grad_w} / m", "BP4", stage, (key("dW", l),), l))
        out.append(_line(f"db{l} = {d}.sum(axis={B}, keepdims=True) / m", "BP3", stage, (key("db", l),), l))
    if training.optimizer != "sgd":
        out += _adaptive_update(training, L)
        return tuple(replace(c, convention=n.convention) for c in out)
    for l in range(1, L + 1):  # the update
        made = (key("W", l), key("b", l))
        if training.plain:
            first = "update" if l == 1 else ""
            out.append(_line(f"W{l} -= lr * dW{l}", "update", "update", made[:1], l, comment=first))
            out.append(_line(f"b{l} -= lr * db{l}", "update", "update", made[1:], l, comment=""))
        else:
            out += [_line(f"vW{l} = mu * vW{l} - lr * (dW{l} + l2 * W{l})", "update", "update", (), l,
                          comment="update momentum" if l == 1 else ""),
                    _line(f"vb{l} = mu * vb{l} - lr * db{l}", "update", "update", (), l, comment=""),
                    _line(f"W{l} += vW{l}", "update", "update", made[:1], l, comment=""),
                    _line(f"b{l} += vb{l}", "update", "update", made[1:], l, comment="")]
    return tuple(replace(c, convention=n.convention) for c in out)  # comments named as the notation names things


def _adaptive_setup(t: TrainingSpec, L: int) -> list[CodeLine]:
    adam = t.optimizer == "adam"
    out = [_line(f"beta1, beta2, eps, l2 = {t.beta1!r}, {t.beta2!r}, {t.eps!r}, {t.l2!r}", "adam", depth=0) if adam
           else _line(f"alpha, eps, l2 = {t.alpha!r}, {t.eps!r}, {t.l2!r}", "rmsprop", depth=0)]
    for l in range(1, L + 1):
        zeros = f"np.zeros_like(W{l}), np.zeros_like(b{l})"
        code = f"vW{l}, vb{l}, sW{l}, sb{l} = {zeros}, {zeros}" if adam else f"sW{l}, sb{l} = {zeros}"
        out.append(_line(code, "moments", layer=l, depth=0, comment="moments" if l == 1 else ""))
    if adam:
        out.append(_line("t = 0", "moments", depth=0, comment=""))
    return out


def _adaptive_update(t: TrainingSpec, L: int) -> list[CodeLine]:
    """Adam's or RMSProp's update, the same operations in the same order as ``optimizers``, so the same bits."""
    adam, out = t.optimizer == "adam", []
    if adam:
        out.append(_line("t += 1", "update", "update", comment="update adam"))
    for l in range(1, L + 1):
        for q in ("W", "b"):
            g, made = f"d{q}{l}", (key(q, l),)
            if q == "W" and t.l2:
                g = f"gW{l}"
                out.append(_line(f"{g} = dW{l} + l2 * W{l}", "update", "update", (), l, comment=""))
            v, s_ = f"v{q}{l}", f"s{q}{l}"
            if adam:
                out += [_line(f"{v} = beta1 * {v} + (1 - beta1) * {g}", "update", "update", (), l, comment=""),
                        _line(f"{s_} = beta2 * {s_} + (1 - beta2) * ({g} * {g})", "update", "update", (), l,
                              comment=""),
                        _line(f"{q}{l} -= lr * ({v} / (1.0 - beta1 ** t)) / (np.sqrt({s_} / (1.0 - beta2 ** t)) + eps)",
                              "update", "update", made, l, comment="")]
            else:
                first = "update rmsprop" if l == 1 and q == "W" else ""
                out += [_line(f"{s_} = alpha * {s_} + (1 - alpha) * ({g} * {g})", "update", "update", (), l,
                              comment=first),
                        _line(f"{q}{l} -= lr * {g} / (np.sqrt({s_}) + eps)", "update", "update", made, l, comment="")]
    return out


def program_text(lines: tuple[CodeLine, ...], comments: bool = True) -> str:
    """The program as one text; each line's comment (in the UI's language) after its code."""
    return "\n".join(line_text(c, comments) for c in lines) + "\n"


def line_text(line: CodeLine, comments: bool = True) -> str:
    text = line.comment_text() if comments else ""
    if not text:
        return line.code.rstrip() if line.code.strip() else ""
    return f"{line.code}  # {text}" if line.code.strip() else f"# {text}"


def stage_line_numbers(lines: tuple[CodeLine, ...], stage: str) -> tuple[int, ...]:
    """The 0-based numbers of the lines that ``stage`` (a Stage.name) computes."""
    return tuple(i for i, c in enumerate(lines) if stage and c.stage == stage)


def line_making(lines: tuple[CodeLine, ...], made: str) -> int | None:
    """The number of the line that assigns snapshot key ``made`` ("L2/dW"), if one does."""
    return next((i for i, c in enumerate(lines) if made in c.makes), None)


def with_line(lines: tuple[CodeLine, ...], number: int, code: str) -> tuple[CodeLine, ...]:
    """The program with line ``number``'s code replaced (indentation kept): one line at a time, for variants."""
    old = lines[number]
    indent = old.code[: len(old.code) - len(old.code.lstrip())]
    return lines[:number] + (replace(old, code=indent + code.strip()),) + lines[number + 1:]
