"""File ▸ Export: a snapshot of this stage (.npz), a worked example of this iteration (Markdown, HTML or
LaTeX), a NumPy script and a PyTorch program that train on from these weights and print BP Studio's loss curve, and
a PyTorch script that recomputes this batch's loss and gradients.

The snapshot comes from the state on screen (immutable); the worked example and the script are written by
the engine thread (the example steps a copy of the engine through the iteration). Files are written
atomically (``engine.atomic_file``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.app.widgets.step_actions import make_action
from bpstudio.engine import save_snapshot
from bpstudio.engine.atomic_file import write_text_atomically
from bpstudio.engine.text import scripts
from bpstudio.session.view_state import ViewState

EXAMPLE_FORMATS = {"md": ("Markdown", "*.md"), "html": ("HTML", "*.html"), "tex": ("LaTeX", "*.tex")}


class ExportActions(QObject):
    errorOccurred = Signal(str)  # noqa: N815 - Qt's naming
    statusMessage = Signal(str, int)  # noqa: N815 - the text, for how many milliseconds

    def __init__(self, host: QWidget, controller: EngineController, state: Callable[[], ViewState | None],
                 display: Callable[[], tuple[int, str]]) -> None:
        """``host``: the window (the parent of dialogs); ``state``: what it shows; ``display``: the digits and the
        notation it shows them in."""
        super().__init__(host)
        self.host, self.controller, self.state, self.display = host, controller, state, display
        self._pending: dict[str, Path] = {}  # what → where its text goes when the engine answers
        # the entry (a label in the notation on show) and sample whose chain the worked example ends with, if any
        self.chain_entry: Callable[[], tuple[str, int] | None] = lambda: None
        self.snapshot_action = make_action(host, self.tr("Snapshot of this stage (.npz)…"), [], self.tr(
            "Every array of the stage on screen, in the snapshot format (docs/formats.md), to inspect later"),
            "exportSnapshot")
        self.snapshot_action.triggered.connect(self._snapshot_dialog)
        self.example_actions: dict[str, QAction] = {}
        for fmt, (label, _) in EXAMPLE_FORMATS.items():
            action = make_action(host, self.tr("Worked example ({format})…").format(format=label), [], self.tr(
                "This iteration written out as in a textbook: the network, the data, every stage with its "
                "equation and the numbers"), f"exportExample_{fmt}")
            action.triggered.connect(lambda _=False, f=fmt: self._example_dialog(f))
            self.example_actions[fmt] = action
        self.torch_action = make_action(host, self.tr("PyTorch training program…"), [], self.tr(
            "A standalone PyTorch program that trains on from these weights with the same batches, momentum and L2, in "
            "double precision, and prints BP Studio's loss curve and final weights"), "exportTorch")
        self.torch_action.triggered.connect(lambda: self._torch_dialog("torch"))
        self.torch_gradients_action = make_action(host, self.tr("PyTorch gradient check (this batch)…"), [], self.tr(
            "A standalone script that builds this network with these weights and this batch in PyTorch and "
            "prints the loss and gradients, to compare with BP Studio's"), "exportTorchGradients")
        self.torch_gradients_action.triggered.connect(lambda: self._torch_dialog("torch_gradients"))
        self.numpy_action = make_action(host, self.tr("NumPy script…"), [], self.tr(
            "A standalone script, needing only NumPy, that trains on from these weights with the same batches and "
            "prints BP Studio's loss curve, bit for bit"), "exportNumpy")
        self.numpy_action.triggered.connect(self._numpy_dialog)
        controller.exportReady.connect(self._ready)

    def menu(self, parent: QMenu) -> QMenu:
        menu = parent.addMenu(self.tr("E&xport"))
        menu.addAction(self.snapshot_action)
        menu.addSeparator()
        menu.addActions(list(self.example_actions.values()))
        menu.addSeparator()
        menu.addAction(self.numpy_action)
        menu.addAction(self.torch_action)
        menu.addAction(self.torch_gradients_action)
        return menu

    # ----- where to (dialogs) -----------------------------------------------------------------
    def _ask(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.host, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    def _name(self) -> str:
        state = self.state()
        return state.project.name if state is not None else ""

    def _stem(self) -> str:
        return "".join(c if c.isalnum() else "_" for c in (self._name() or "bpstudio"))[:60]

    @Slot()
    def _snapshot_dialog(self) -> None:
        path = self._ask(self.tr("Save snapshot"), f"{self._stem()}.npz", self.tr("Snapshots (*.npz)"))
        if path is not None:
            self.snapshot_to(path)

    def _example_dialog(self, fmt: str) -> None:
        label, pattern = EXAMPLE_FORMATS[fmt]
        path = self._ask(self.tr("Save worked example"), f"{self._stem()}.{fmt}", f"{label} ({pattern})")
        if path is not None:
            self.example_to(path, fmt)

    def _torch_dialog(self, what: str) -> None:
        name = scripts.suggested_filename(self._name(), what)
        path = self._ask(self.tr("Save PyTorch script"), name, self.tr("Python scripts (*.py)"))
        if path is not None:
            self.torch_to(path, what)

    @Slot()
    def _numpy_dialog(self) -> None:
        name = scripts.suggested_filename(self._name(), "numpy")
        path = self._ask(self.tr("Save NumPy script"), name, self.tr("Python scripts (*.py)"))
        if path is not None:
            self.numpy_to(path)

    # ----- exports (tests call these with a path) ------------------------------------------------
    def snapshot_to(self, path: Path) -> bool:
        state = self.state()
        if state is None:
            return False
        try:
            save_snapshot(path, state.snapshot, state.project.to_dict())
        except Exception as exc:  # noqa: BLE001 - any failure is said in the window
            self.errorOccurred.emit(self.tr("Could not save {path}: {error}").format(path=path.name, error=exc))
            return False
        self.statusMessage.emit(self.tr("Snapshot saved to {path}").format(path=path), 6000)
        return True

    def example_to(self, path: Path, fmt: str) -> None:
        self._pending["example"] = path
        digits, notation = self.display()
        entry, sample = self.chain_entry() or ("", 0)
        self.controller.export("example", fmt, digits, notation, entry, sample)  # as the numbers are on screen

    def torch_to(self, path: Path, what: str = "torch") -> None:
        """``what``: "torch" (the training program) or "torch_gradients" (this batch's loss and gradients)."""
        self._pending[what] = path
        self.controller.export(what)

    def numpy_to(self, path: Path) -> None:
        self._pending["numpy"] = path
        self.controller.export("numpy", notation=self.display()[1])  # dZ, dA in the deeplearning.ai notation

    @Slot(str, object)
    def _ready(self, what: str, text: object) -> None:
        path = self._pending.pop(what, None)
        if path is None or not isinstance(text, str):
            return
        try:
            write_text_atomically(path, text)
        except Exception as exc:  # noqa: BLE001 - any failure is said in the window
            self.errorOccurred.emit(self.tr("Could not save {path}: {error}").format(path=path.name, error=exc))
            return
        done = {"example": self.tr("Worked example saved to {path}"),
                "numpy": self.tr("NumPy script saved to {path} — run it with: python {path}"),
                "torch": self.tr("PyTorch training program saved to {path} — run it with: python {path}")}.get(
            what, self.tr("PyTorch script saved to {path} — run it with: python {path}"))
        self.statusMessage.emit(done.format(path=path), 8000)
