"""No two mnemonics (Alt+letter) collide where Qt resolves them, in English and in Chinese.

Qt resolves a button's, a label buddy's, a group box's, a tab's and a menu title's Alt+letter across the whole
window — docks in a hidden tab included (Qt counts them as visible: Alt+L on the Data tab used to cycle through
Apply, the Training tab's "Until training loss" and the Lessons menu) — and a menu item's letter within its menu.
Each scope: the main window (docks hidden now included: they can be shown at any time), each menu, each dialog."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QMenu, QTabBar, QWidget

from bpstudio.app.forms.csv_import_dialog import CsvImportDialog
from bpstudio.app.look import language


def letter(text: str) -> str:
    """The key Qt binds for ``text``'s mnemonic ("" when none), as Qt itself reads it (&& is a plain &)."""
    return QKeySequence.mnemonic(text).toString().replace("Alt+", "").lower()


def scope_of(widget: QWidget) -> QWidget:
    """The window a widget's Alt+letter is resolved in: its dialog, else the main window (docks belong to it)."""
    w = widget
    while w.parentWidget() is not None and not isinstance(w, QDialog):
        w = w.parentWidget()
    return w


def window_mnemonics(top: QWidget) -> dict[QWidget, dict[str, list[str]]]:
    """Per scope: letter → the texts that claim it."""
    scopes: dict[QWidget, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def claim(widget: QWidget, text: str, what: str) -> None:
        key = letter(text)
        if key:
            scopes[scope_of(widget)][key].append(f"{what} {text!r}")

    if hasattr(top, "menuBar"):
        for action in top.menuBar().actions():
            claim(top, action.text(), "menu")
    for button in top.findChildren(QAbstractButton):
        if not isinstance(button.parentWidget(), QMenu):
            claim(button, button.text(), type(button).__name__)
    for label in top.findChildren(QLabel):
        if label.buddy() is not None:  # a label's letter works only with a buddy
            claim(label, label.text(), "label")
    for box in top.findChildren(QGroupBox):
        claim(box, box.title(), "group")
    for bar in top.findChildren(QTabBar):
        for i in range(bar.count()):
            claim(bar, bar.tabText(i), "tab")
    return scopes


def menu_mnemonics(top: QWidget) -> dict[str, dict[str, list[str]]]:
    menus = {}
    for menu in top.findChildren(QMenu):
        claimed: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            if letter(action.text()):
                claimed[letter(action.text())].append(action.text())
        menus[menu.title() or menu.objectName() or repr(menu)] = claimed
    return menus


def collisions(claimed: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: texts for key, texts in claimed.items() if len(texts) > 1}


@pytest.fixture(params=[language.ENGLISH, language.CHINESE])
def in_language(request, qapp):
    assert language.install_language(request.param) == request.param
    yield request.param
    language.install_language(language.ENGLISH)


def test_no_two_mnemonics_collide_in_the_window_its_menus_and_dialogs(qtbot, open_window, in_language):
    w = open_window(size=(1280, 800))
    w.lessons.show_action.trigger()  # the Lesson dock and the Selected weight dock count too
    w.canvas.parameterClicked.emit(1, "W", 0, 0)
    scopes = window_mnemonics(w)
    main = scopes[w]
    assert len(main) >= 25, sorted(main)  # the walk found the menus, the forms, the run panel …
    assert {"f", "e", "s", "v", "t", "l", "h"} <= set(main)  # the menus' letters
    if in_language == language.CHINESE:
        assert any("文件(&F)" in text for text in main["f"])  # the translated window was walked
    for scope, claimed in scopes.items():
        assert not collisions(claimed), f"{scope.objectName() or scope}: {collisions(claimed)}"
    assert main["l"] == [next(t for t in main["l"] if t.startswith("menu"))]  # Alt+L opens the Lessons menu
    menus = menu_mnemonics(w)
    assert len(menus) >= 8
    for title, claimed in menus.items():
        assert not collisions(claimed), f"menu {title}: {collisions(claimed)}"


def test_the_csv_import_dialog_has_no_colliding_mnemonics(qtbot, in_language):
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    claimed = window_mnemonics(dialog)[dialog]
    assert not collisions(claimed), collisions(claimed)


def test_the_walk_finds_a_collision(qtbot):
    """The check can fail: two buttons with one letter in one window are found."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    top = QDialog()
    qtbot.addWidget(top)
    layout = QHBoxLayout(top)
    for text in ("App&ly", "&Load"):
        layout.addWidget(QPushButton(text))
    assert collisions(window_mnemonics(top)[top]) == {"l": ["QPushButton 'App&ly'", "QPushButton '&Load'"]}
