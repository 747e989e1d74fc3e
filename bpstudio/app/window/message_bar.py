"""A message strip over the top of the work area: errors and notes appear where the user is looking. It floats
over the canvas rather than taking a row of the layout, so a message appearing or going never moves a control
under the mouse; it goes by itself, with its ✕, or when the user steps on (the window calls ``clear``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from bpstudio.app.widgets.form_fields import fill

STYLES = {
    "error": "background:#fde2e1; color:#7a1010; border:1px solid #e8a1a0;",
    "info": "background:#e3effc; color:#123e6b; border:1px solid #a8c8ea;",
}
MARGIN = 6  # px between the strip and the edges of the area it floats over


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

    def float_over(self, area: QWidget) -> None:
        """Be drawn over the top of ``area``, following its width (not a row of its layout)."""
        self.setParent(area)
        area.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        area = self.parentWidget()
        if area is None:
            return
        width = max(1, area.width() - 2 * MARGIN)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setGeometry(MARGIN, MARGIN, width, max(height, self.minimumSizeHint().height()))
        self.raise_()

    def show_message(self, text: str, kind: str = "error", seconds: float = 12.0) -> None:
        self.kind = kind
        self.setStyleSheet(f"#messageBar {{{STYLES[kind]} border-radius:4px;}}")
        self.label.setText(text)
        self.show()
        self._place()
        self._timer.start(int(seconds * 1000))

    def clear(self) -> None:
        """The message no longer applies (the user stepped on)."""
        self._timer.stop()
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
