"""Docks stacked as tabs show whole titles (Gradient size and Gradient flow both read "Gradient …" when elided)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar


def test_stacked_docks_show_their_whole_titles_even_in_a_narrow_row(qtbot, open_window):
    w = open_window(size=(1280, 800))
    w.chain.graph.dock.show()  # the Chain rule dock joins the plots' tabs when it first opens
    w.lessons.show_action.trigger()  # and the Lesson dock narrows their row
    qtbot.wait(50)
    bars = [b for b in w.findChildren(QTabBar) if b.isVisible() and b.parent() is w]
    titles = {b.tabText(i) for b in bars for i in range(b.count())}
    assert {"Loss and accuracy", "Gradient size", "Gradient flow", "Update ledger", "Chain rule"} <= titles
    for bar in bars:
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
        for i in range(bar.count()):  # each tab as wide as its title (the bar scrolls when they do not all fit)
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i))
