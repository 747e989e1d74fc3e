"""The update ledger's measurements come after a step's result, in a result of their own: measuring an update
(its line through the batch and two passes over the training set, about 84 ms on 784-128-64-10 with 2 000 samples)
would otherwise delay the step's panels; a newer command's result carries them instead."""

from __future__ import annotations

from dataclasses import replace

from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.update_ledger import LedgerDetails

from . import commands as do

WAIT = 0.03  # s after a step's result: time for the window to draw it first


class LedgerFill:
    def __init__(self) -> None:
        self.due: do.Command | None = None  # the command whose result waits for its ledger's measurements

    def shown(self, details: LedgerDetails, snap: Snapshot, cmd: do.Command, fill: bool) -> Snapshot:
        """``snap`` with its ledger as measured so far (``fill``: measured now); remembers what is left to do."""
        ledger = details.fill(snap.ledger) if fill else details.known(snap.ledger)
        self.due = None if fill or not details.unmeasured(ledger) else cmd
        return replace(snap, ledger=ledger)

    def wait(self, held: float | None) -> float | None:
        """Seconds until the session should tick, given the throttle's ``held``."""
        if self.due is None:
            return held
        return WAIT if held is None else min(held, WAIT)
