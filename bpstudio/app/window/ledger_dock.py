"""The Update ledger dock (Ctrl+Shift+U): a tab of the plots along the bottom, so nothing else moves; it follows
the run's status (a divergence is explained from the ledger), the precision and the notation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.ledger.ledger_view import LedgerView
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.engine.run_settings import DIVERGED, RunStatus

from .window_layout import BOTTOM, BOTTOM_TAB, make_dock

KEY = "Ctrl+Shift+U"


def ledger_dock(window: QMainWindow, controller: EngineController, matrices: MatrixPanel
                ) -> tuple[LedgerView, QDockWidget]:
    view = LedgerView(matrices.notation, matrices.precision)
    dock = make_dock(QCoreApplication.translate("MainWindow", "Update ledger"), "ledgerDock", view, window)
    dock.setProperty(BOTTOM_TAB, True)  # placed with the plots (window_layout.place_training_docks)
    window.addDockWidget(BOTTOM, dock)
    # the key brings the tab to the front (a toggle would hide a tab that is only behind another); View's toggle
    # names the key, which it answers only where it has the focus (in the menu)
    toggle = dock.toggleViewAction()
    toggle.setShortcut(QKeySequence(KEY))
    toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    toggle.triggered.connect(lambda on: dock.raise_() if on else None)
    front = QShortcut(QKeySequence(KEY), window)  # the key of that View item, anywhere in the window
    front.setObjectName("showLedger")
    front.activated.connect(dock.show)
    front.activated.connect(dock.raise_)

    def status(run: RunStatus) -> None:
        view.set_diverged(run.state == DIVERGED)

    controller.runStatusChanged.connect(status)
    dock.visibilityChanged.connect(lambda shown: view.refresh() if shown else None)  # it draws only when on screen
    matrices.precision_spin.valueChanged.connect(view.refresh)
    return view, dock
