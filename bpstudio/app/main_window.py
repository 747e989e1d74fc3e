"""The main window. For now a stage-by-stage trace of the project's training; the studio
(canvas, matrix panels, equation panel, worker thread) grows from here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QPlainTextEdit, QSplitter, QToolBar

from ..engine import HistoryError, Project, Snapshot, Stepper
from ..engine.trace import describe


class MainWindow(QMainWindow):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.stepper: Stepper = project.stepper()
        self.setWindowTitle(self.tr("BP Studio — {name}").format(name=project.name))
        self.resize(1200, 760)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setMargin(12)
        self.trace = QPlainTextEdit()
        self.trace.setReadOnly(True)
        self.trace.setObjectName("trace")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.trace.setFont(font)
        split = QSplitter()
        split.addWidget(self.summary)
        split.addWidget(self.trace)
        split.setSizes([320, 880])
        self.setCentralWidget(split)

        self.step_action = self._action(
            self.tr("Step stage"), "F11", self.tr("Compute the next stage (F11)"), self.step
        )
        self.back_action = self._action(
            self.tr("Step back"), "Shift+F11", self.tr("Return to the previous stage (Shift+F11)"), self.step_back
        )
        self.finish_action = self._action(
            self.tr("Finish iteration"), "F5", self.tr("Run the remaining stages of this iteration (F5)"),
            self.finish_iteration,
        )
        self.reset_action = self._action(
            self.tr("Reset"), "Ctrl+R", self.tr("Back to the initial weights, iteration 1 (Ctrl+R)"), self.reset
        )
        bar = QToolBar(self.tr("Stepping"))
        bar.setObjectName("stepping")
        menu = self.menuBar().addMenu(self.tr("&Step"))
        for action in (self.step_action, self.back_action, self.finish_action, self.reset_action):
            bar.addAction(action)
            menu.addAction(action)
        self.addToolBar(bar)
        self.show_snapshot(self.stepper.snapshot())
        self.trace.setPlainText(self.tr("Press F11 to compute the first stage: forward, layer 1."))

    def _action(self, text: str, keys: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # ----- commands ---------------------------------------------------------------------
    def step(self) -> None:
        snap = self.stepper.step()
        assert snap.stage is not None
        self.trace.appendPlainText("\n".join(describe(self.stepper, snap, snap.stage)) + "\n")
        self.show_snapshot(snap)

    def step_back(self) -> None:
        try:
            snap = self.stepper.step_back()
        except HistoryError:
            self.statusBar().showMessage(self.tr("No earlier stage is kept."), 4000)
            return
        self.trace.appendPlainText(self.tr("(stepped back)") + "\n")
        self.show_snapshot(snap)

    def finish_iteration(self) -> None:
        self.step()
        while not self.stepper.complete:
            self.step()

    def reset(self) -> None:
        self.trace.clear()
        self.show_snapshot(self.stepper.reset())

    # ----- display ----------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        self.summary.setText(self._summary(snap))
        self.statusBar().showMessage(self.where(snap))
        self.back_action.setEnabled(self.stepper.can_step_back)

    def where(self, snap: Snapshot) -> str:
        """"Backward · layer 2 of 3 · iteration 4 · epoch 1" — counting from 1 for people."""
        stage = snap.stage
        depth = self.stepper.spec.depth
        iteration, epoch = snap.iteration + 1, snap.epoch + 1
        if stage is None:
            return self.tr("Ready · next: forward, layer 1 · iteration {i} · epoch {e}").format(i=iteration, e=epoch)
        names = {
            "forward": self.tr("Forward"), "backward": self.tr("Backward"),
            "loss": self.tr("Loss"), "update": self.tr("Update"),
        }
        if stage.layer:
            return self.tr("{kind} · layer {l} of {L} · iteration {i} · epoch {e}").format(
                kind=names[stage.kind], l=stage.layer, L=depth, i=iteration, e=epoch
            )
        return self.tr("{kind} · iteration {i} · epoch {e}").format(kind=names[stage.kind], i=iteration, e=epoch)

    def _summary(self, snap: Snapshot) -> str:
        spec, t = self.stepper.spec, self.stepper.training
        layers = "".join(
            self.tr("<li>layer {l}: {n} units, {f}</li>").format(l=i, n=layer.units, f=layer.activation)
            for i, layer in enumerate(spec.layers, start=1)
        )
        loss = "—" if snap.loss is None else f"{snap.loss:.6g}"
        return self.tr(
            "<h3>{name}</h3><p>{description}</p>"
            "<p><b>Network</b> {sizes}<ul><li>input: {n0} values</li>{layers}</ul></p>"
            "<p><b>Loss</b> {loss_name}<br><b>Learning rate</b> η = {lr}<br>"
            "<b>Batch</b> {m} of {N} samples</p><p><b>Batch loss</b> {loss}</p>"
        ).format(
            name=self.project.name, description=self.project.description,
            sizes="-".join(map(str, spec.sizes)), n0=spec.input_size, layers=layers, loss_name=spec.loss,
            lr=f"{t.learning_rate:g}", m=self.stepper.batch_size, N=self.stepper.samples, loss=loss,
        )
