"""The program's colours, kept simple: keywords bold, numbers, NumPy calls and comments in colours of their own,
light or dark as the theme is; the lines of the stage just computed on a band like a debugger's current line."""

from __future__ import annotations

import re

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from bpstudio.app.look import theme

KEYWORDS = re.compile(r"\b(for|in|import|as|float)\b")
NUMBERS = re.compile(r"(?<![\w.])\d+(\.\d+)?(e-?\d+)?\b")
NUMPY = re.compile(r"\bnp\.\w+|\.(T|sum|max|copy|astype|shape)\b")
COLOURS = {  # light, dark
    "number": ("#b35900", "#f0a35e"),
    "numpy": ("#1c5fa8", "#8cb8f0"),
    "comment": ("#6a737d", "#9aa3ad"),
    "band": ("#fff0a8", "#5c4d12"),  # the current line's background
    "bug": ("#ffc9c9", "#6b1f1f"),  # a planted mistake's lines
}


def colour(role: str) -> QColor:
    light, dark = COLOURS[role]
    return QColor(dark if theme.is_dark() else light)


def _format(role: str = "", bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    if role:
        f.setForeground(colour(role))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    f.setFontItalic(italic)
    return f


class CodeColours(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        theme.notifier().changed.connect(self._theme_changed)  # a method: disconnected when the panel goes

    @Slot(str)
    def _theme_changed(self, _name: str) -> None:
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        code, hash_at = text, text.find("#")
        if hash_at >= 0:
            code = text[:hash_at]
            self.setFormat(hash_at, len(text) - hash_at, _format("comment", italic=True))
        for pattern, fmt in ((KEYWORDS, _format(bold=True)), (NUMBERS, _format("number")),
                             (NUMPY, _format("numpy"))):
            for m in pattern.finditer(code):
                self.setFormat(m.start(), m.end() - m.start(), fmt)
