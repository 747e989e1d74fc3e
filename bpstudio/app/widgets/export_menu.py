"""Context-menu entries that export: a matrix as TSV or a NumPy literal on the clipboard or as a CSV
file; a widget (the canvas, a matrix box, a plot) as a PNG of a chosen width or an SVG.

The actions are made once per widget. Dialogs (file name, width) are asked only when an action is
triggered from the menu; the methods behind them take a path, so tests never open a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from .form_fields import message_box
from .matrix_export import copy_to_clipboard, matrix_numpy_literal, matrix_tsv, python_name, save_matrix_csv
from .picture_export import MAX_SIDE, save_png, save_svg

DEFAULT_PNG_WIDTH = 1920  # a projector's width; print wants more, and can ask for it
Name = str | Callable[[], str]  # a callable for views whose matrix changes name (W¹ → W² with the layer)

_folder: dict[str, str] = {}  # the folder last saved to, per kind, for this session only


translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


def _name(name: Name) -> str:
    return name() if callable(name) else name


def _save(widget: QWidget, path: str | None, ask: tuple[str, str, str, str], write: Callable[[str], object],
          errors: tuple[type[Exception], ...] = (Exception,)) -> bool:
    """Write with ``write(path)``; when ``path`` is None ask for it first with ``ask`` (title, kind, file name,
    filter; the filter's suffix is added if missing), starting in the folder last used for this kind of file.
    A failure is shown; False if nothing was written."""
    if path is None:
        title, kind, file_name, filter_text = ask
        location = QStandardPaths.StandardLocation.PicturesLocation if kind == "picture" else \
            QStandardPaths.StandardLocation.DocumentsLocation
        folder = _folder.get(kind) or QStandardPaths.writableLocation(location) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(widget, title, str(Path(folder) / file_name), filter_text)
        if not path:
            return False
        _folder[kind] = str(Path(path).parent)
        suffix = file_name[file_name.rindex("."):]
        path = path if path.lower().endswith(suffix) else path + suffix
    try:
        write(path)
    except errors as error:
        message_box(widget, translate("ExportMenu", "Export failed"),
                    translate("ExportMenu", "Could not save the file:\n{reason}").format(reason=error))
        return False
    return True


def _action(parent: QObject, object_name: str, text: str, slot: Callable[[], object], tip: str = "") -> QAction:
    action = QAction(text, parent)
    action.setObjectName(object_name)
    action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


class MatrixExport(QObject):
    """Copy as TSV, copy as a NumPy literal, save as CSV, for the matrix ``get_array()`` returns
    (None when there is none: the entries are then disabled)."""

    def __init__(self, widget: QWidget, get_array: Callable[[], np.ndarray | None], name: Name) -> None:
        super().__init__(widget)
        self.setObjectName("matrixExport")
        self.widget, self.get_array, self.name = widget, get_array, name
        self.copy_tsv_action = _action(self, "copyTsvAction", translate(
            "ExportMenu", "Copy as TSV (for a spreadsheet)"), self.copy_tsv, translate(
            "ExportMenu", "Tab-separated numbers in full precision: paste into a spreadsheet"))
        self.copy_numpy_action = _action(self, "copyNumpyAction", translate(
            "ExportMenu", "Copy as NumPy literal"), self.copy_numpy, translate(
            "ExportMenu", "np.array([...]) in full precision: paste into Python"))
        self.save_csv_action = _action(self, "saveCsvAction", translate("ExportMenu", "Save as CSV…"), self.save_csv)

    def actions(self) -> list[QAction]:
        return [self.copy_tsv_action, self.copy_numpy_action, self.save_csv_action]

    def refresh(self) -> None:
        """Enable the entries only when there is a matrix (not while it is "not computed yet")."""
        available = self.get_array() is not None
        for action in self.actions():
            action.setEnabled(available)

    def copy_tsv(self) -> bool:
        array = self.get_array()
        if array is not None:
            copy_to_clipboard(matrix_tsv(array))
        return array is not None

    def copy_numpy(self) -> bool:
        array = self.get_array()
        if array is not None:
            copy_to_clipboard(matrix_numpy_literal(array, _name(self.name)))
        return array is not None

    def save_csv(self, path: str | None = None) -> bool:
        """Write the matrix to ``path`` (asked with a file dialog when None). False if nothing was written."""
        array = self.get_array()
        return array is not None and _save(self.widget, path, (
            translate("ExportMenu", "Save matrix as CSV"), "matrix", python_name(_name(self.name)) + ".csv",
            translate("ExportMenu", "CSV files (*.csv)")), lambda p: save_matrix_csv(p, array))


class PictureExport(QObject):
    """Save ``widget`` as a PNG (its width in pixels asked, default 1920) or an SVG."""

    def __init__(self, widget: QWidget, name: Name) -> None:
        super().__init__(widget)
        self.setObjectName("pictureExport")
        self.widget, self.name = widget, name
        self.save_png_action = _action(self, "savePngAction", translate(
            "ExportMenu", "Save picture as PNG…"), self.save_png, translate(
            "ExportMenu", "A sharp image of any width, for projectors and print"))
        self.save_svg_action = _action(self, "saveSvgAction", translate(
            "ExportMenu", "Save picture as SVG…"), self.save_svg, translate(
            "ExportMenu", "A drawing that stays sharp at any size, for documents"))

    def actions(self) -> list[QAction]:
        return [self.save_png_action, self.save_svg_action]

    def refresh(self) -> None:
        pass

    def save_png(self, path: str | None = None, width: int | None = None, height: int | None = None) -> bool:
        """Write the PNG; the width and the path are asked when None. False if nothing was written."""
        if width is None:
            width, ok = QInputDialog.getInt(
                self.widget, translate("ExportMenu", "Save picture as PNG"),
                translate("ExportMenu", "Width in pixels (the height follows the picture's shape):"),
                DEFAULT_PNG_WIDTH, 16, MAX_SIDE, 10)
            if not ok:
                return False
        return _save(self.widget, path, (
            translate("ExportMenu", "Save picture as PNG"), "picture", python_name(_name(self.name)) + ".png",
            translate("ExportMenu", "PNG images (*.png)")), lambda p: save_png(self.widget, p, width, height),
            (OSError, ValueError))

    def save_svg(self, path: str | None = None) -> bool:
        return _save(self.widget, path, (
            translate("ExportMenu", "Save picture as SVG"), "picture", python_name(_name(self.name)) + ".svg",
            translate("ExportMenu", "SVG drawings (*.svg)")), lambda p: save_svg(self.widget, p, _name(self.name)))


class ContextMenu(QObject):
    """Shows the entries of some export groups when ``widget`` is right-clicked (its children, like a
    table, pass the request up to it). ``matrix`` and ``pictures`` are the groups (None if absent)."""

    def __init__(self, widget: QWidget, groups: list[MatrixExport | PictureExport]) -> None:
        super().__init__(widget)
        self.setObjectName("exportContextMenu")
        self.widget, self.groups = widget, groups
        self.matrix = next((g for g in groups if isinstance(g, MatrixExport)), None)
        self.pictures = next((g for g in groups if isinstance(g, PictureExport)), None)
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(lambda pos: self.popup(self.widget.mapToGlobal(pos)))

    def menu(self) -> QMenu:
        """A new menu with every group's entries, separated, enabled as things stand now."""
        menu = QMenu(self.widget)
        for i, group in enumerate(self.groups):
            group.refresh()
            if i:
                menu.addSeparator()
            menu.addActions(group.actions())
        return menu

    def popup(self, global_pos: QPoint) -> None:
        menu = self.menu()
        menu.exec(global_pos)
        menu.deleteLater()

    def plot_clicked(self, event) -> None:
        """A click in a pyqtgraph scene: a right click (not a right drag, which zooms) opens the menu."""
        if event.button() == Qt.MouseButton.RightButton and not event.double():
            self.popup(event.screenPos().toPoint())


def add_export_actions(widget: QWidget, get_array: Callable[[], np.ndarray | None], name: Name) -> ContextMenu:
    """Give a matrix view a context menu: copy as TSV, copy as NumPy literal, save as CSV, and save the view
    as PNG or SVG. Keep the returned object: its ``menu()`` is what a right-click shows."""
    return ContextMenu(widget, [MatrixExport(widget, get_array, name), PictureExport(widget, name)])


def add_picture_actions(widget: QWidget, name: Name) -> ContextMenu:
    """A context menu with "Save picture as PNG…" and "…as SVG…" for ``widget``. On its pyqtgraph plots
    (whose own menus the studio turns off) a right click opens it, and a right drag still zooms. A
    widget with a context menu of its own (the canvas) should instead make a ``PictureExport`` and add
    its ``actions()`` to that menu."""
    menu = ContextMenu(widget, [PictureExport(widget, name)])
    plots = ([widget] if isinstance(widget, pg.GraphicsView) else []) + widget.findChildren(pg.GraphicsView)
    for plot in plots:
        # Qt's context-menu event comes on the press, which would end a right-drag zoom: use the click
        plot.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        plot.scene().sigMouseClicked.connect(menu.plot_clicked)
    return menu
