"""View ▸ Notation: the column convention (Wˡ aˡ⁻¹, samples as columns — the engine's), the row convention
(A W, samples as rows — seed 001 and framework code) or the deeplearning.ai notation (seed 002, Ng's course: the
column convention's arrays named W^[l], dZ^[l], dW^[l], g^[l], α). Ctrl+Shift+T goes to the next one.

The choice is stored (``app_settings.notation``) and every view follows it: the matrix panels (values,
shapes, headers, hover derivations, copies and CSV files), the equation panel (equations and numbers), the
selected-weight editor, the network canvas's weight names and File ▸ Export ▸ Worked example. Nothing is
recomputed: the row convention shows the engine's arrays transposed. Snapshots (.npz) stay in the engine's
column convention.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.app.widgets import app_settings
from bpstudio.app.widgets.step_actions import keys_text, make_action
from bpstudio.engine.text.convention import COLUMN, CONVENTIONS, DEEPLEARNING, ROW, check

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

TOGGLE_KEY = "Ctrl+Shift+T"


class NotationMenu(QObject):
    """The submenu, its two exclusive actions and the toggle; ``set_notation`` makes a choice, which
    ``notationChanged`` tells the window (the stored one, at the start, it reads from ``notation()``)."""

    notationChanged = Signal(str)  # noqa: N815 - Qt's naming
    statusMessage = Signal(str, int)  # noqa: N815 - the text, for how many milliseconds

    def __init__(self, view_menu: QMenu, host: QWidget) -> None:
        """``host``: the widget whose key the toggle is (the window)."""
        super().__init__(host)
        self.setObjectName("notationMenu")
        self.menu = view_menu.addMenu(translate("NotationMenu", "&Notation"))
        self.menu.setObjectName("notationSubmenu")
        self.menu.setToolTipsVisible(True)
        self.group = QActionGroup(self)
        self.column_action = self._choice(
            COLUMN, translate("NotationMenu", "Column convention (Wˡ aˡ⁻¹, samples as columns)"),
            translate("NotationMenu", "Wˡ is nˡ × nˡ⁻¹ and each sample is a column: zˡ = Wˡ aˡ⁻¹ + bˡ, "
                      "BP2 δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ) (seeds 000, 002, Nielsen, Ng)"))
        self.row_action = self._choice(
            ROW, translate("NotationMenu", "Row convention (A W, samples as rows)"),
            translate("NotationMenu", "W is nˡ⁻¹ × nˡ and each sample is a row: Zˡ = Aˡ⁻¹ Wˡ + bˡ, "
                      "BP2 δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(zˡ) (seed 001, framework code). The same numbers, transposed"))
        self.deeplearning_action = self._choice(
            DEEPLEARNING, translate("NotationMenu", "deeplearning.ai notation (W^[l], dZ^[l], samples as columns)"),
            translate("NotationMenu", "As seed 002 and Andrew Ng's course write it: samples are columns, Z^[l] = "
                      "W^[l] A^[l−1] + b^[l], A^[l] = g^[l](Z^[l]), derivatives dZ^[l], dW^[l], db^[l], dA^[l], "
                      "learning rate α. The column convention's numbers, renamed"))
        self._actions = {COLUMN: self.column_action, ROW: self.row_action, DEEPLEARNING: self.deeplearning_action}
        self.menu.addSeparator()
        self.toggle_action = make_action(self, translate("NotationMenu", "Switch notation"), [TOGGLE_KEY], translate(
            "NotationMenu", "Go to the next notation: column, row, deeplearning.ai ({key})").format(
            key=keys_text([TOGGLE_KEY])), "toggleNotation")
        self.toggle_action.triggered.connect(self.toggle)
        self.menu.addAction(self.toggle_action)
        host.addAction(self.toggle_action)  # the shortcut works with the menu closed
        self.group.triggered.connect(self._chosen)
        self._notation = check(app_settings.notation())
        self._actions[self._notation].setChecked(True)

    def _choice(self, notation: str, text: str, tip: str) -> QAction:
        action = make_action(self.group, text, [], tip, f"notation_{notation}")
        action.setCheckable(True)
        action.setData(notation)
        self.menu.addAction(action)
        return action

    def notation(self) -> str:
        return self._notation

    @Slot(QAction)
    def _chosen(self, action: QAction) -> None:
        self.set_notation(str(action.data()))

    @Slot()
    def toggle(self) -> None:
        self.set_notation(CONVENTIONS[(CONVENTIONS.index(self._notation) + 1) % len(CONVENTIONS)])

    def set_notation(self, notation: str) -> None:
        """Show everything in ``notation`` ("column", "row" or "deeplearning"), and remember it for the next start."""
        notation = check(notation)
        self._notation = notation
        self._actions[notation].setChecked(True)
        app_settings.set_notation(notation)
        self.notationChanged.emit(notation)
        name = {ROW: translate("NotationMenu", "Row convention: samples as rows, W is nˡ⁻¹ × nˡ"),
                DEEPLEARNING: translate("NotationMenu", "deeplearning.ai notation: samples as columns, W^[l] is "
                                        "n^[l] × n^[l−1], dZ^[l] = dA^[l] ⊙ g^[l]′(Z^[l])")}.get(
            notation, translate("NotationMenu", "Column convention: samples as columns, Wˡ is nˡ × nˡ⁻¹"))
        self.statusMessage.emit(name, 4000)
