"""A message strip above the work area: errors and notes appear where the user is looking."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from bpstudio.app.widgets.form_fields import fill

STYLES = {
    "error": "background:#fde2e1; color:#7a1010; border:1px solid #e8a1a0;",
    "info": "background:#e3effc; color:#123e6b; border:1px solid #a8c8ea;",
}


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
                            textFormat=Qt.TextFormat.PlainText)  # a message may hold a file's name: never HTML
        close = QToolButton(autoRaise=True)
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss this message"))
        close.clicked.connect(self.hide)
        fill(QHBoxLayout(self), (self.label, 1), close, margins=(10, 6, 6, 6))
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.hide)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()
        self.kind = ""

    def show_message(self, text: str, kind: str = "error", seconds: float = 12.0) -> None:
        self.kind = kind
        self.setStyleSheet(f"#messageBar {{{STYLES[kind]} border-radius:4px;}}")
        self.label.setText(text)
        self.show()
        self._timer.start(int(seconds * 1000))

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
