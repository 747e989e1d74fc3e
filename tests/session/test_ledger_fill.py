"""A step's result comes at once; the update ledger's measurements follow in a result of their own (or with the
next command's result), equal to measuring at once."""

from __future__ import annotations

from dataclasses import replace

from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.update_ledger import LedgerDetails
from bpstudio.session import commands as do
from bpstudio.session.ledger_fill import WAIT
from bpstudio.session.studio_session import StudioSession


def execute(s: StudioSession, cmd: do.Command, ident: int) -> do.EngineResult:
    s.marks.sent = ident  # as the controller does before sending
    (report,) = s.execute(replace(cmd, ident=ident))
    assert isinstance(report, do.EngineResult)
    return report


def test_the_update_is_shown_first_and_measured_in_the_next_result() -> None:
    project = load_project(example_path("seed003_2-2-1"))
    s = StudioSession(project)
    try:
        first = execute(s, do.FinishIteration(), 1)
        (entry,) = first.snapshot.ledger
        assert entry.predicted < 0 and not entry.measured  # the step's own result: the prediction only
        assert s.wake_in() == WAIT
        (later,) = s.tick()
        assert isinstance(later, do.EngineResult) and later.command.ident == 1
        (measured,) = later.snapshot.ledger
        assert measured.measured and measured.predicted == entry.predicted
        fresh = LedgerDetails(s.engine.ledger.plan, s.engine.ledger.train).measure(entry)
        assert (measured.line, measured.train_before, measured.train_after) == (
            fresh.line, fresh.train_before, fresh.train_after)  # the same numbers as measured at once
        assert s.tick() == [] and s.wake_in() is None  # nothing more to do
        second = execute(s, do.FinishIteration(), 2)  # the first stays measured; the second waits its turn
        assert [e.measured for e in second.snapshot.ledger] == [True, False]
        s.marks.sent = 3  # a newer command is on its way: its result carries the measurements
        assert s.tick() == []
        third = execute(s, do.Step(), 3)
        assert third.snapshot.ledger[-1].predicted == second.snapshot.ledger[-1].predicted
    finally:
        s.close()
