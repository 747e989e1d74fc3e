"""How a training run shares Python's interpreter lock with the window.

A run of small iterations is pure Python and would hold the lock nearly all the time; every call
between Qt and Python in the window then waits for it, and a repaint that takes 2 ms alone takes 20.
So the run, between two iterations, sleeps while the window's event loop is busy (or its heartbeat is
late) — but only within a budget, a share of the wall time, so the run keeps most of its speed however
much the window has to draw. Large iterations spend their time in NumPy, which releases the lock:
those runs never wait.
"""

from __future__ import annotations

import time

from bpstudio.session.commands import CancelMark

PYTHON_BOUND_RATE = 2000  # iterations a second above which a run is mostly Python, holding the lock
GUI_LATE = 0.025  # s: a window heartbeat older than this means the window waits for the lock
SHARE = 0.4  # of the wall time the run may give to the window
BURST = 0.05  # s: the most it gives at once (the budget saved up)
NAP = 0.0005  # s per sleep while waiting


class WindowFirst:
    def __init__(self, marks: CancelMark, share: float = SHARE, burst: float = BURST) -> None:
        self.marks, self.share, self.burst = marks, share, burst
        self._budget, self._last = burst, time.perf_counter()

    def give_way(self, rate: float) -> None:
        """Called between iterations of a run measured at ``rate`` iterations a second."""
        if rate < PYTHON_BOUND_RATE:
            return
        m, now = self.marks, time.perf_counter()
        self._budget = min(self.burst, self._budget + self.share * (now - self._last))
        self._last = now
        if not m.heartbeat or not (m.gui_busy or now - m.heartbeat > GUI_LATE) or self._budget <= 0:
            return
        until = now + self._budget
        while (m.gui_busy or time.perf_counter() - m.heartbeat > GUI_LATE) and time.perf_counter() < until:
            time.sleep(NAP)
        end = time.perf_counter()
        self._budget -= end - now
        self._last = end
