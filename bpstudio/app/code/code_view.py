"""The Code panel: the reference program (``engine.text.reference_code``) for the project's network, in the notation
on show, with the lines of the stage just computed highlighted like a debugger's current line. Hovering a variable
shows its current matrix; ``show_making`` puts the line that made a panel's quantity in front."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QToolTip, QVBoxLayout, QWidget

from bpstudio.engine.stages import Stage
from bpstudio.engine.text.convention import COLUMN, check, orient
from bpstudio.engine.text.planted_code import planted_lines
from bpstudio.engine.text.reference_code import CodeLine, line_making, line_text, reference_lines
from bpstudio.session.view_state import ViewState

from .code_colours import CodeColours, colour
from .mistake_bar import MistakeBar

TARGET = re.compile(r"^\s*(\w+)\s*[-+]?=")
WORD = re.compile(r"\w+")
DATA = {"x": "input", "X": "input", "y": "target", "Y": "target"}


class CodeView(QWidget):
    variableHovered = Signal(str)  # noqa: N815 - Qt's naming: the snapshot key of the variable under the mouse

    def __init__(self, precision: Callable[[], int] = lambda: 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.precision = precision
        self.header = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.header.setObjectName("codeStage")
        self.editor = QPlainTextEdit(readOnly=True)
        self.editor.setObjectName("codeText")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the family only, by a style sheet: the size stays the application's, which presentation mode scales
        self.editor.setStyleSheet('QPlainTextEdit { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; }')
        self.colours = CodeColours(self.editor.document())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.bug_bar = MistakeBar()
        layout.addWidget(self.bug_bar)
        layout.addWidget(self.header)
        layout.addWidget(self.editor, 1)
        self.editor.viewport().installEventFilter(self)
        self.lines: tuple[CodeLine, ...] = ()
        self.names: dict[str, str] = {}  # variable → snapshot key
        self.current: tuple[int, ...] = ()  # the highlighted lines (0-based)
        self.buggy: tuple[int, ...] = ()  # the lines of a planted mistake (0-based)
        self._notation = COLUMN
        self._state: ViewState | None = None
        self._text = ""

    # ----- state ------------------------------------------------------------------------------
    def notation(self) -> str:
        return self._notation

    def set_notation(self, notation: str) -> None:
        self._notation = check(notation)
        if self._state is not None:
            self.set_state(self._state)

    def set_state(self, state: ViewState) -> None:
        self._state = state
        self.bug_bar.set_state(state)
        lines = reference_lines(state.project.network, state.project.training, self._notation)
        planted = state.snapshot.planted.mistake if state.snapshot.planted is not None else ""
        self.buggy = ()
        if planted:
            lines, self.buggy = planted_lines(lines, planted, state.project.network, self._notation)
        bug = self.tr("✗ planted bug") if planted else ""  # (the bar above names it)
        text = "\n".join(line.code + "  # " + bug if i in self.buggy else line_text(line)
                         for i, line in enumerate(lines)) + "\n"
        if text != self._text:
            self._text = text
            scroll = self.editor.verticalScrollBar().value()
            self.editor.setPlainText(text)
            self.editor.verticalScrollBar().setValue(scroll)
        self.lines = lines
        self.names = {**DATA, **{m.group(1): c.makes[0] for c in lines if c.makes and (m := TARGET.match(c.code))}}
        self._highlight(state.snapshot.stage)

    def _highlight(self, stage: Stage | None) -> None:
        name = stage.name if stage is not None else ""
        self.current = tuple(i for i, c in enumerate(self.lines) if name and c.stage == name)
        if not self.current:
            following = self._state.snapshot.next_stage.label if self._state is not None else ""
            self.header.setText(self.tr("Next: {stage}. Step to run its lines.").format(stage=following))
        else:
            first, last = self.current[0] + 1, self.current[-1] + 1
            self.header.setText(self.tr("Just computed: {stage} (lines {first}–{last})").format(
                stage=stage.label if stage is not None else "", first=first, last=last))
        self._mark(self.current)

    def _mark(self, numbers: tuple[int, ...]) -> None:
        marks = []
        for i in sorted(set(numbers) | set(self.buggy)):
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(colour("bug" if i in self.buggy else "band"))
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(self.editor.document().findBlockByNumber(i))
            marks.append(sel)
        self.editor.setExtraSelections(marks)
        if not numbers:
            return
        ends = [QTextCursor(self.editor.document().findBlockByNumber(i)) for i in (numbers[0], numbers[-1])]
        room = self.editor.viewport().rect()
        self.editor.setTextCursor(ends[0])
        if not all(room.contains(self.editor.cursorRect(c)) for c in ends):  # out of view: the group a third down
            self.editor.centerCursor()
            bar = self.editor.verticalScrollBar()
            bar.setValue(min(bar.maximum(), bar.value() + max(0, (len(numbers) - 1) // 2)))

    def show_making(self, made: str) -> bool:
        """Put the line that assigns snapshot key ``made`` ("L2/dW") in view, selected; False if none does."""
        number = line_making(self.lines, made)
        if number is None:
            return False
        cursor = QTextCursor(self.editor.document().findBlockByNumber(number))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        return True

    # ----- hover: the variable's current matrix -----------------------------------------------
    def variable_at(self, line: int, column: int) -> str:
        """The variable name at ``column`` of line ``line`` (0-based), or ""."""
        block = self.editor.document().findBlockByNumber(line).text()
        code = block.split("#", 1)[0]
        return next((m.group() for m in WORD.finditer(code) if m.start() <= column < m.end() and not
                     code[m.start() - 1: m.start()] == "."), "")

    def tooltip(self, variable: str) -> str:
        """What hovering ``variable`` shows: its matrix as the panels show it now, or why there is none."""
        key = self.names.get(variable)
        if key is None or self._state is None:
            return ""
        snap = self._state.snapshot
        if key == "loss":
            value = "" if snap.loss is None else f"{snap.loss:.{self.precision()}g}"
            return self.tr("loss = {value}").format(value=value) if value else ""
        array = snap.arrays.get(key)
        if array is None:
            return self.tr("{name}: not computed yet in this iteration").format(name=variable)
        shown = orient(np.asarray(array), self._notation)
        assert shown is not None
        numbers = np.array2string(shown, precision=self.precision(), suppress_small=True, threshold=64, edgeitems=3,
                                  max_line_width=90)
        rows, cols = shown.shape
        head = self.tr("{name}: {rows} × {cols}, now").format(name=variable, rows=rows, cols=cols)
        return f"<b>{head}</b><pre>{numbers}</pre>"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cursor = self.editor.cursorForPosition(event.pos())
            variable = self.variable_at(cursor.blockNumber(), cursor.positionInBlock())
            text = self.tooltip(variable)
            if text:
                QToolTip.showText(event.globalPos(), text, self.editor.viewport())
                self.variableHovered.emit(self.names.get(variable, ""))
            else:
                QToolTip.hideText()
            return True
        return False
