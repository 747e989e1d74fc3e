"""Waiting for the window in tests."""

from __future__ import annotations

from bpstudio.app.window.main_window import MainWindow


def settle(qtbot, w: MainWindow) -> None:
    """Wait until the worker is idle and the window shows its latest result."""
    qtbot.waitUntil(lambda: not w.controller.busy and w.result is not None
                    and w.result.ident == w.controller.latest.ident and not w.render_pending, timeout=10_000)
