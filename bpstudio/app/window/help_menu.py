"""The Help menu: the keys table (read from the window's own actions, so it stays true whatever is added), where
the user guide is, and About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

import bpstudio
from bpstudio.app.widgets.form_fields import fill
from bpstudio.app.widgets.step_actions import make_action

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

KEYS_SHORTCUT = "Ctrl+/"


def plain(text: str) -> str:
    """A menu text without its mnemonic mark and trailing dots: "Open &example…" → "Open example"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def key_rows(w: QMainWindow) -> list[tuple[str, str, str]]:
    """(keys, what, where) for every action of the window that has a key: the menus' in menu order, then those
    that are in no menu (the window's own keys); each once."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def add(action: QAction, where: str) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        if keys:
            rows.append((keys, plain(action.text()), where))

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} ▸ {plain(sub.title())}")
            else:
                add(action, where)

    for action in w.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(menu.title()))
    for action in w.findChildren(QAction):
        add(action, translate("HelpMenu", "(window)"))
    return rows


class KeysTable(QDialog):
    """Every key of the window, as its actions have them now; not modal: it can stay open beside the work."""

    def __init__(self, w: QMainWindow) -> None:
        super().__init__(w)
        self.setObjectName("keysTable")
        self.setWindowTitle(translate("HelpMenu", "Keyboard shortcuts"))
        rows = key_rows(w)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([translate("HelpMenu", "Keys"), translate("HelpMenu", "Does"),
                                              translate("HelpMenu", "Menu")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(translate("HelpMenu", "Alt with an underlined letter opens a menu or moves to a field. "
                                            "Hover any control for what it does."), wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        fill(QVBoxLayout(self), (self.table, 1), note, buttons)
        screen = w.screen().availableGeometry() if w.screen() else None
        self.resize(min(640, screen.width() - 40) if screen else 640, min(620, screen.height() - 80) if screen else 620)

    def rows(self) -> list[list[str]]:
        t = self.table
        return [[item.text() if (item := t.item(r, c)) is not None else "" for c in range(3)]
                for r in range(t.rowCount())]


def guide_path() -> Path | None:
    """The user guide's first page, when BP Studio runs from its source (a package carries no docs)."""
    page = Path(bpstudio.__file__).resolve().parent.parent / "docs" / "guide" / "studio.md"
    return page if page.is_file() else None


class HelpMenu:
    def __init__(self, w: QMainWindow) -> None:
        self.window = w
        self.dialog: KeysTable | None = None
        self.menu = w.menuBar().addMenu(translate("HelpMenu", "&Help"))
        self.menu.setObjectName("helpMenu")
        self.menu.setToolTipsVisible(True)
        self.keys_action = make_action(w, translate("HelpMenu", "Keyboard shortcuts"), [KEYS_SHORTCUT], translate(
            "HelpMenu", "Every key of the window in one table, read from the menus themselves"), "showKeys")
        self.keys_action.triggered.connect(self.show_keys)
        w.addAction(self.keys_action)  # the key works with the menu closed
        page = guide_path()
        self.guide_action = make_action(w, translate("HelpMenu", "User guide"), [], translate(
            "HelpMenu", "Open the user guide (docs/guide/studio.md)") if page else translate(
            "HelpMenu", "The user guide is in docs/guide of BP Studio's source; this copy does not carry it"),
            "showGuide")
        self.guide_action.setEnabled(page is not None)
        self.guide_action.triggered.connect(self.open_guide)
        self.about_action = make_action(w, translate("HelpMenu", "About BP Studio"), [], translate(
            "HelpMenu", "The version, the licence and what BP Studio is for"), "about")
        self.about_action.triggered.connect(self.about)
        self.menu.addActions([self.keys_action, self.guide_action])
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)

    def show_keys(self) -> KeysTable:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = KeysTable(self.window)  # anew: the actions' keys as they are now
        self.dialog.show()
        return self.dialog

    def open_guide(self) -> None:
        page = guide_path()
        if page is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(page)))

    def about_text(self) -> str:
        return translate("HelpMenu", "BP Studio {version}\n\nA studio for learning backpropagation: step through "
                                     "forward, loss, backward and update one stage at a time, with every number one "
                                     "hover away.\n\nPress F1 for the guided lessons; Help ▸ Keyboard shortcuts "
                                     "lists every key.\n\nMIT licence.").format(version=bpstudio.__version__)

    def about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, translate("HelpMenu", "About BP Studio"), self.about_text(),
                          QMessageBox.StandardButton.Close, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
