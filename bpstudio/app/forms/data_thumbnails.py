"""Data by picture: every generator and shipped dataset as a small picture of its real samples; a click chooses it.

The pictures are drawn once from the engine's own data (the generator with seed 0, the shipped file), so what a
thumbnail shows is what the network will train on, up to the panel's N, noise and seed.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QToolButton, QWidget

from bpstudio.engine.builtin_datasets import BUILTIN, builtin_classes, builtin_dataset
from bpstudio.engine.datasets import GENERATORS, MULTICLASS, REGRESSION, generate

from . import data_texts as texts

PICTURE = 44  # px, each thumbnail's square picture
COLUMNS = 4
CLASS_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7")  # the data view's first class colours
PICTURE_SAMPLES = 200


@lru_cache(maxsize=len(GENERATORS) + len(BUILTIN))
def picture_points(key: str) -> tuple[np.ndarray, np.ndarray | None]:
    """(x (N, d), labels (N,) or None): the samples a thumbnail draws, from the engine's generator or file."""
    if key in BUILTIN:
        ds = builtin_dataset(key, builtin_classes(key))
        return ds.x, ds.labels
    params = {"n": PICTURE_SAMPLES, "noise": 0.1, "seed": 0, **({"classes": 3} if key in MULTICLASS else {})}
    ds = generate(key, params, 1 if key in REGRESSION or key not in MULTICLASS else 3)
    if key in REGRESSION:
        return np.column_stack([ds.x[:, 0], ds.y[:, 0]]), None
    return ds.x, ds.labels


def picture(key: str, size: int = PICTURE) -> QPixmap:
    """The thumbnail of ``key``: its samples as dots coloured by class (the digits: four of the images)."""
    x, labels = picture_points(key)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    shape = BUILTIN[key].image if key in BUILTIN else None
    if shape is not None:
        half = size / 2
        for i in range(4):
            pixels = np.ascontiguousarray(255 - np.rint(x[i].reshape(shape) * 255).astype(np.uint8))
            image = QImage(pixels.data, shape[1], shape[0], shape[1], QImage.Format.Format_Grayscale8)
            painter.drawImage(QRectF((i % 2) * half, (i // 2) * half, half, half), image)
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        points = x[:, -2:] if key in BUILTIN else x[:, :2]  # Iris: petal length and width
        low, high = points.min(axis=0), points.max(axis=0)
        scaled = (points - low) / np.where(high > low, high - low, 1.0) * (size - 6) + 3
        painter.setPen(Qt.PenStyle.NoPen)
        for i, (px, py) in enumerate(scaled):
            colour = CLASS_COLOURS[0 if labels is None else int(labels[i]) % len(CLASS_COLOURS)]
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QPointF(px, size - py), 1.6, 1.6)
    painter.end()
    return pixmap


class DataThumbnails(QWidget):
    """A grid of checkable pictures, one per generator and shipped dataset; ``chosen(key)`` on a click."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # no picture is checked while the source is a CSV file or typed
        self.buttons: dict[str, QToolButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for i, key in enumerate([*GENERATORS, *BUILTIN]):
            button = QToolButton()
            button.setObjectName(f"thumbnail_{key}")
            button.setCheckable(True)
            button.setIconSize(QSize(PICTURE, PICTURE))
            button.setAccessibleName(texts.source_name(key))
            button.clicked.connect(lambda _=False, k=key: self._clicked(k))
            self.buttons[key] = button
            self.group.addButton(button)
            grid.addWidget(button, i // COLUMNS, i % COLUMNS)
        grid.setColumnStretch(COLUMNS, 1)
        self.setStyleSheet("QToolButton { border: 2px solid transparent; border-radius: 4px; padding: 1px; }"
                           "QToolButton:hover { border-color: palette(mid); }"
                           "QToolButton:checked { border-color: palette(highlight); background: palette(highlight); }")
        self.set_samples(PICTURE_SAMPLES)
        self.drawn = False  # drawn when first seen: the window opens on another tab, sooner

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name (a tab behind another never paints)
        super().paintEvent(event)
        if not self.drawn:
            self.drawn = True
            QTimer.singleShot(0, self.draw_pictures)

    def draw_pictures(self) -> None:
        self.drawn = True
        for key, button in self.buttons.items():
            button.setIcon(QIcon(picture(key)))

    def set_samples(self, n: int) -> None:
        """The tooltips say how many samples a generator's click gives: the panel's N."""
        for key, button in self.buttons.items():
            button.setToolTip(texts.thumbnail_tip(key, n))

    def select(self, key: str) -> None:
        """Highlight the picture of ``key`` (none when it is not one of them)."""
        for k, button in self.buttons.items():
            button.setChecked(k == key)

    def selected(self) -> str | None:
        return next((k for k, b in self.buttons.items() if b.isChecked()), None)

    def _clicked(self, key: str) -> None:
        self.select(key)
        self.chosen.emit(key)
