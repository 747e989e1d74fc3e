"""The one throttle between the engine and the screen: which reports go to the window, and when.

- A command's result goes at once, unless one went less than a frame ago and a newer command is on its way:
  then the newest goes when the frame is over (a burst of steps repaints at most 60 times a second).
- While a run trains, its log rows and decision fields go at most 40 times a second (the plots redraw for each),
  and a state for the panels with every slice the run shows (each stage at the animated speeds, each
  iteration up to 30 a second); faster, one is asked of the run 4 times a second (100–1000 iterations a
  second) or once a second (full speed): a render costs the run time, and so does sending a state.

The engine side applies it; the controller and the window show what arrives.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from bpstudio.engine.run_settings import SPEEDS

from .commands import EngineResult

FRAME = 0.016  # s: at most ~60 results a second
PLOTS = 1 / 40  # s between run progress reports (each redraws the plots on screen)
TICK = 0.005  # s between looks at a run's reports where their arrival cannot wake the engine (no pipe to watch)


def every_slice_shown(speed: int) -> bool:
    """At these speeds each slice of a run (a stage, or an iteration) is shown with its state."""
    rate = SPEEDS[speed].iterations_per_second
    return rate is not None and rate <= 30


class Throttle:
    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self._held: EngineResult | None = None
        self.progress = False  # a run's rows or field not reported yet
        self._result_time = self._progress_time = self._panels_time = -math.inf

    def result(self, result: EngineResult, newer_coming: bool) -> EngineResult | None:
        """``result`` if it goes now, else None: it is held (the newest only) until ``wait()`` is over."""
        now = self.clock()
        if newer_coming and now - self._result_time < FRAME:
            self._held = result
            return None
        self._held, self.progress = None, False
        self._result_time = self._progress_time = now
        return result

    def held(self, now: bool = False) -> EngineResult | None:
        """The result held, once its frame is over or ``now`` (then it is no longer held)."""
        if self._held is None or (not now and self.clock() - self._result_time < FRAME):
            return None
        result, self._held, self.progress = self._held, None, False
        self._result_time = self._progress_time = self.clock()
        return result

    def wait(self) -> float | None:
        """Seconds until the held result is due (None: none is held)."""
        if self._held is None:
            return None
        return max(0.0, FRAME - (self.clock() - self._result_time))

    def progress_due(self) -> bool:
        now = self.clock()
        if not self.progress or now - self._progress_time < PLOTS:
            return False
        self.progress, self._progress_time = False, now
        return True

    def panels_due(self, speed: int) -> bool:
        """Whether to ask the run for a state now (at the speeds that do not show every slice)."""
        now = self.clock()
        if every_slice_shown(speed) or now - self._panels_time < _panels_interval(speed):
            return False
        self._panels_time = now
        return True

    def run_wait(self, speed: int, woken: bool) -> float | None:
        """While a run trains: seconds until a look is due without a new report — progress held for its frame, a
        state to ask for — or TICK where a report's arrival does not wake the engine (``woken`` False)."""
        now, waits = self.clock(), [] if woken else [TICK]
        if self.progress:
            waits.append(PLOTS - (now - self._progress_time))
        if not every_slice_shown(speed):
            waits.append(_panels_interval(speed) - (now - self._panels_time))
        return max(0.0, min(waits)) if waits else None


def _panels_interval(speed: int) -> float:
    return 1.0 if SPEEDS[speed].iterations_per_second is None else 0.25
