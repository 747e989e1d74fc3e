"""The Code dock (View ▸ Code, Ctrl+Shift+P for program): a tab beside the Equations on the right, hidden until
asked for, so nothing else moves. It follows View ▸ Notation and the matrices' digits; a click on a matrix box's
title puts the line that made that quantity in front (when the dock is open)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from bpstudio.app.code.code_view import CodeView
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.matrices.matrix_view import MatrixView
from bpstudio.engine.snapshot import key
from bpstudio.session.view_state import ViewState

from .window_layout import RIGHT, make_dock

SHORTCUT = "Ctrl+Shift+P"
BESIDE = "equationDock"
TITLE_WIRED = "bpstudio_code_title_wired"  # a matrix box's property: its title's clicks show the line


class CodeDock(QObject):
    def __init__(self, window: QMainWindow, matrices: MatrixPanel) -> None:
        super().__init__(window)
        self.window, self.matrices = window, matrices
        self.view = CodeView(matrices.precision)
        self.view.set_notation(matrices.notation())
        self.dock = make_dock(QCoreApplication.translate("MainWindow", "Code"), "codeDock", self.view, window)
        window.addDockWidget(RIGHT, self.dock)
        beside = window.findChild(QDockWidget, BESIDE)
        if beside is not None:
            window.tabifyDockWidget(beside, self.dock)
        self.dock.hide()  # until View ▸ Code: a tab appearing would shorten the Equations
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setShortcut(QKeySequence(SHORTCUT))
        self.toggle.triggered.connect(lambda on: self.dock.raise_() if on else None)
        self._titles: dict[QObject, MatrixView] = {}
        self._notation_followed = False

    def set_state(self, state: ViewState) -> None:
        menu = getattr(self.window, "notation_menu", None)  # made after the docks
        if menu is not None and not self._notation_followed:
            self._notation_followed = True
            menu.notationChanged.connect(self.view.set_notation)
        self.view.set_notation(self.matrices.notation())
        self.view.set_state(state)
        for box in self.matrices.findChildren(MatrixView):  # the boxes of pages built since the last state
            if not box.property(TITLE_WIRED):
                box.setProperty(TITLE_WIRED, True)
                self._titles[box.title] = box
                box.title.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        box = self._titles.get(watched)
        if box is not None and event.type() == QEvent.Type.MouseButtonRelease and self.dock.isVisible():
            self.show_making(box.quantity, box.layer)
        return False

    def show_making(self, quantity: str, layer: int) -> bool:
        """The line that computes ``quantity`` of ``layer``, in front (the dock raised)."""
        made = quantity if quantity in ("losses", "grad_a", "loss") else key(quantity, layer)
        if not self.view.show_making(made):
            return False
        self.dock.raise_()
        return True
