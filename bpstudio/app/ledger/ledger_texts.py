"""What the ledger says in words: the selected update, read against its prediction, and, when the last steps went
past the valley's bottom (a run diverging, usually), why."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from bpstudio.engine.text.convention import ROW
from bpstudio.engine.text.notation import format_number
from bpstudio.engine.update_ledger import LINE_T, LedgerEntry

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def prediction_symbol(notation: str, plain: bool) -> str:
    """The first-order prediction as the notation writes a dot product of two parameter vectors."""
    if plain:
        return "−η‖g‖²"
    return "g Δθᵀ" if notation == ROW else "gᵀΔθ"


def number(value: float | None, digits: int) -> str:
    return "—" if value is None else format_number(value, digits)


def best_t_text(e: LedgerEntry) -> str:
    """The best t on the line; "≥ 2.5" when the loss still falls at the line's end."""
    best = e.best_t
    if best is None:
        return "—"
    return "≥ " + format_number(best, 2) if best == LINE_T[-1] else format_number(best, 2)


def overshoot_run(ledger: Sequence[LedgerEntry]) -> tuple[int, LedgerEntry | None]:
    """How many of the newest updates, in a row, went past the valley's bottom (counting the very last ones whose loss
    had already overflowed, when steps before them overshot), and the first of them with finite numbers."""
    entries = list(ledger)
    overflowed = 0
    while entries and not (math.isfinite(entries[-1].batch_before) and math.isfinite(entries[-1].predicted)):
        entries.pop()  # the loss had overflowed already: nothing left to compare
        overflowed += 1
    n = 0
    while n < len(entries) and entries[-1 - n].overshot:
        n += 1
    if not n:
        return 0, None
    run = entries[len(entries) - n:]
    first = next((e for e in run if math.isfinite(e.batch_change or math.inf)), run[0])
    return n + overflowed, first


def overshooting(ledger: Sequence[LedgerEntry]) -> int:
    return overshoot_run(ledger)[0]


def described(ledger: Sequence[LedgerEntry]) -> LedgerEntry | None:
    """The update an overshoot is told by: the first of the last steps that overshot (with finite numbers)."""
    return overshoot_run(ledger)[1]


def entry_text(e: LedgerEntry, digits: int, symbol: str) -> str:
    """One update read out: predicted against real, and where the line's bottom is."""
    text = translate("LedgerView", "Update of iteration {i}: the gradient predicted ΔL = {symbol} = {pred}; on its "
                     "batch the loss changed by {real}.").format(i=e.iteration + 1, symbol=symbol,
                                                                 pred=number(e.predicted, digits),
                                                                 real=number(e.batch_change, digits))
    best = e.best_t
    if best == 0:
        text += " " + translate("LedgerView", "Along the step the loss only rose: already at t = {t} it was higher "
                                "than at t = 0.").format(t=format_number(LINE_T[1], 2))
    elif best == LINE_T[-1]:
        text += " " + translate("LedgerView", "Along the step the loss still falls at t = {t}: a longer step "
                                "would have lowered it more.").format(t=format_number(best, 2))
    elif best is not None:
        text += " " + translate("LedgerView", "Along the step the loss is lowest at t = {t} (the step taken is "
                                "t = 1).").format(t=format_number(best, 2))
    return text


def overshoot_text(ledger: Sequence[LedgerEntry], diverged: bool, digits: int) -> str:
    """Why the loss rose: the last steps went past the valley's bottom (empty when they did not)."""
    n, e = overshoot_run(ledger)
    if e is None:
        return translate("LedgerView", "The run diverged, but the updates in the ledger did not overshoot on "
                         "their own batches.") if diverged and ledger else ""
    pred, real = number(e.predicted, digits), number(e.batch_change, digits)
    best = e.best_t
    if best is None:
        how = translate("LedgerView", "the loss on its batch rose by {real} where the gradient predicted a "
                        "change of {pred}").format(real=real, pred=pred)
    elif best == 0:
        how = translate("LedgerView", "the loss along the step was already higher at t = {t} than at t = 0, so at "
                        "t = 1 it rose by {real} where the gradient predicted {pred}").format(
            t=format_number(LINE_T[1], 2), real=real, pred=pred)
    else:
        how = translate("LedgerView", "the loss along the step fell only up to t = {t} and rose after it, so at "
                        "t = 1 it rose by {real} where the gradient predicted {pred}").format(
            t=format_number(best, 2), real=real, pred=pred)
    if n == 1:
        text = translate("LedgerView", "The last step went past the valley's bottom: {how}.").format(how=how)
    else:
        text = translate("LedgerView", "The last {n} steps went past the valley's bottom. In the first of them "
                         "(iteration {i}), {how}.").format(n=n, i=e.iteration + 1, how=how)
    if diverged:
        text = translate("LedgerView", "Why the run diverged: {text} Each step overshot further, so the numbers grew "
                         "until they overflowed. Lower the learning rate η.").format(text=text)
    else:
        text += " " + translate("LedgerView", "A smaller learning rate η would land nearer the bottom.")
    return text
