"""Runs A and B stepped in lockstep, off the window's thread: each request (start, one stage, until they part)
runs in a thread of its own and answers with ``ready``; one at a time (a request while one runs is refused)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from bpstudio.engine import BPStudioError, Project
from bpstudio.engine.lockstep import Lockstep
from bpstudio.session import lockstep_session as ls

UNTIL_MOST = 20_000  # stages "until they part" tries before it says they are still equal


@dataclass(frozen=True)
class LockstepState:
    """What the view shows: the lockstep (None before a start), the setting changed and A's and B's values of it,
    or why the request failed."""

    lockstep: Lockstep | None
    setting: ls.Setting | None = None
    values: tuple[object, object] = (None, None)
    error: str = ""


class LockstepRunner(QObject):
    ready = Signal(object)  # LockstepState, in the window's thread
    _done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = LockstepState(None)
        self.busy = False
        self._thread: threading.Thread | None = None
        self._done.connect(self._finished)

    def start(self, a: Project, setting: ls.Setting, text: str) -> bool:
        def work() -> LockstepState:
            b = ls.project_b(a, setting, text)
            return LockstepState(ls.start(a, b), setting, (setting.value(a), setting.value(b)))
        return self._go(work)

    def step(self) -> bool:
        return self._go(lambda: self._on(lambda lock: lock.step()))

    def until_parted(self) -> bool:
        return self._go(lambda: self._on(lambda lock: lock.until_parted(UNTIL_MOST)))

    def _on(self, do: Callable[[Lockstep], object]) -> LockstepState:
        lock = self.state.lockstep
        if lock is not None:
            do(lock)
        return LockstepState(lock, self.state.setting, self.state.values)

    def _go(self, work: Callable[[], LockstepState]) -> bool:
        if self.busy:
            return False
        self.busy = True

        def run() -> None:
            try:
                result = work()
            except BPStudioError as exc:
                result = LockstepState(self.state.lockstep, self.state.setting, self.state.values, str(exc))
            except Exception as exc:  # noqa: BLE001 - said in the view; the window stays up
                result = LockstepState(self.state.lockstep, self.state.setting, self.state.values, repr(exc))
            try:
                self._done.emit(result)
            except RuntimeError:  # the window closed meanwhile: nobody waits for the answer
                pass

        self._thread = threading.Thread(target=run, name="bpstudio-lockstep", daemon=True)
        self._thread.start()
        return True

    @Slot(object)
    def _finished(self, state: LockstepState) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.busy = False
        self.state = state
        self.ready.emit(state)

    def wait(self) -> None:
        """Let a request under way end (closing)."""
        if self._thread is not None:
            self._thread.join()
