"""The equations of backpropagation, the ones of the current stage highlighted, with its numbers.

Top: forward, loss, BP1–BP4 and the update in the column convention of TEACHING.md. Below: the
equations of the stage just taken, written out with the engine's own arrays for one layer, as a
derivation on paper (``equation_numbers.py``, ``row_numbers.py`` build those). Symbols such as ⊙ and ∇ₐL explain
themselves when hovered. Views never compute training: every number comes from the snapshot.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTextBrowser, QToolTip, QVBoxLayout, QWidget

from bpstudio.app.look import theme
from bpstudio.app.widgets.app_settings import DEFAULT_PRECISION, clamp_precision
from bpstudio.app.widgets.form_fields import fill
from bpstudio.app.widgets.styles import DARK_TEXT, HIGHLIGHT
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stages import Stage
from bpstudio.engine.text.convention import COLUMN, DEEPLEARNING, ROW, check, written
from bpstudio.session.view_state import ViewState

from .equation_numbers import StageNumbers
from .row_numbers import RowStageNumbers

EQUATIONS = ("forward", "loss", "BP1", "BP2", "BP3", "BP4", "update")
MONO_FAMILY = "DejaVu Sans Mono"
# symbol shown in the text → anchor name; hovering the anchor explains the symbol
SYMBOL_ANCHORS = {"⊙": "hadamard", "∇ₐL": "gradient", "η": "eta", "δ": "delta", "α": "eta", "dA^[L]": "gradient"}


def linkify(escaped: str, symbols: tuple[str, ...] = ("⊙", "∇ₐL", "η", "α", "dA^[L]")) -> str:
    """Make each symbol of already escaped HTML an anchor that explains itself on hover."""
    colour = theme.link_colour()
    for sym in symbols:
        anchor = f'<a href="sym:{SYMBOL_ANCHORS[sym]}" style="color:{colour}; text-decoration:none">{sym}</a>'
        escaped = escaped.replace(sym, anchor)
    return escaped


class EquationPanel(QWidget):
    """``set_state`` shows a ViewState; ``text``, ``highlighted`` and ``symbol_help`` are for tests
    and for other views that want the same explanations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self, openLinks=False)
        self.browser.setObjectName("equations")
        self.browser.highlighted.connect(self._on_link_hovered)
        self.browser.anchorClicked.connect(self._on_link_hovered)
        self.browser.viewport().installEventFilter(self)
        self.browser.viewport().setMouseTracking(True)
        # the line length of the derivations follows the width; a scroll bar that comes and goes
        # would change it while the document is being laid out
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self._on_width_changed)
        self._mono = QFont(MONO_FAMILY)
        self._mono.setStyleHint(QFont.StyleHint.Monospace)
        self._mono.setPointSizeF(self.browser.font().pointSizeF())
        self._equation_pt = self.browser.font().pointSizeF() * 1.2  # superscripts stay legible
        fill(QVBoxLayout(self), self.browser, margins=(0, 0, 0, 0))
        self._state: ViewState | None = None
        self._highlighted: tuple[str, ...] = ()
        self._mouse = QPoint()
        self._width_chars = 0
        self._precision = DEFAULT_PRECISION
        self._notation = COLUMN  # "column" or "row": the equations and numbers as that convention writes them
        self._before_update: tuple[int, dict[int, tuple]] | None = None  # (iteration, {l: (W, b)})
        self._help = {
            "⊙": self.tr("⊙ — the Hadamard product: element-wise multiplication of two arrays of the same shape, "
                         "(A ⊙ B)ᵢⱼ = Aᵢⱼ · Bᵢⱼ. Not a matrix product."),
            "∇": self.tr("∇ₐL — the gradient of the loss with respect to the output activations, "
                         "[∂L/∂a₁, …, ∂L/∂aₙ]ᵀ: how the loss changes when each output moves a little. "
                         "The backward pass starts here."),
            "η": self.tr("η — the learning rate: how far each update moves the parameters against the gradient."),
            "δ": self.tr("δˡ = ∂L/∂zˡ — the error of layer l: how the loss changes with each unit's weighted input. "
                         "One column per sample, never averaged."),
        }
        self.setMinimumSize(200, 120)  # it scrolls: small screens (1024 × 768) keep room for the rest

    # ----- public -------------------------------------------------------------------------
    def set_state(self, state: ViewState) -> None:
        self._remember_parameters(state.snapshot)
        self._state = state
        stage = state.snapshot.stage
        self._highlighted = () if stage is None else stage.equations(state.snapshot.spec.depth)
        self._render(keep_scroll=False)

    def notation(self) -> str:
        return self._notation

    def set_notation(self, notation: str) -> None:
        """Write the equations and their numbers in the column or the row convention (same numbers, transposed)."""
        notation = check(notation)
        if notation != self._notation:
            self._notation = notation
            if self._state is not None:
                self._render(keep_scroll=True)

    def set_precision(self, precision: int) -> None:
        """Decimals of the written-out numbers (as the matrix panels' precision setting)."""
        precision = clamp_precision(precision)
        if precision != self._precision:
            self._precision = precision
            if self._state is not None:
                self._render(keep_scroll=True)

    def text(self) -> str:
        """The plain text shown (matrices as they are laid out on screen)."""
        return self.browser.toPlainText()

    def highlighted(self) -> tuple[str, ...]:
        """Names of the highlighted equations, e.g. ("BP2", "BP3", "BP4")."""
        return self._highlighted

    def symbol_help(self, symbol: str) -> str:
        """The explanation shown when ``symbol`` (⊙, ∇ or ∇ₐL, η, δ) is hovered; "" if none."""
        if symbol.startswith("∇") or symbol.startswith("dA"):
            symbol = "∇"
        return written(self._help.get({"α": "η", "dZ": "δ"}.get(symbol, symbol), ""), self._notation)

    # ----- hover help ---------------------------------------------------------------------
    def _on_link_hovered(self, url: QUrl) -> None:
        name = url.toString().removeprefix("sym:")
        symbol = next((s for s, a in SYMBOL_ANCHORS.items() if a == name), None)
        viewport = self.browser.viewport()
        if symbol is None:
            QToolTip.hideText()
            return
        QToolTip.showText(viewport.mapToGlobal(self._mouse), self.symbol_help(symbol), viewport)

    def changeEvent(self, event: QEvent) -> None:
        """A new application font (presentation mode) or palette (theme): sizes and colours are in the HTML."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._mono.setPointSizeF(self.browser.font().pointSizeF())
            self._equation_pt = self.browser.font().pointSizeF() * 1.2
            if self._state is not None:
                self._render(keep_scroll=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.browser.viewport():
            if event.type() == QEvent.Type.MouseMove:
                self._mouse = event.position().toPoint()  # type: ignore[attr-defined]
            elif event.type() == QEvent.Type.Resize and self._state is not None:
                self._relayout.start()  # not now: this may be inside setHtml's own layout
        return super().eventFilter(watched, event)

    def _on_width_changed(self) -> None:
        if self._state is not None and self._chars_per_line() != self._width_chars:
            self._render(keep_scroll=True)

    # ----- rendering ----------------------------------------------------------------------
    def _chars_per_line(self) -> int:
        room = self.browser.viewport().width() - 2 * int(self.browser.document().documentMargin()) - 16
        return max(44, room // max(QFontMetrics(self._mono).horizontalAdvance("0"), 1))

    def _render(self, keep_scroll: bool) -> None:
        assert self._state is not None
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self._width_chars = self._chars_per_line()
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # a diverged run is still shown
            self.browser.setHtml(self._html(self._state))
        bar.setValue(position if keep_scroll else 0)

    def _html(self, state: ViewState) -> str:
        snap = state.snapshot
        numbers = (RowStageNumbers if self._notation == ROW else StageNumbers)(
            state, self._width_chars, self._parameters_before_update(snap), self._precision, self._notation)
        legend = self.tr(
            "Row convention: W is (nˡ⁻¹ × nˡ), the transpose of Wˡ; the m samples of a batch are the rows of Aˡ, "
            "Zˡ, δˡ (m × nˡ), and W[k, j] connects unit k of layer l−1 to unit j. Same numbers, transposed. "
            "Hover ⊙, ∇ₐL or η for its meaning.") if self._notation == ROW else self.tr(
            "deeplearning.ai notation (seed 002): W^[l] is (n^[l] × n^[l−1]); the m samples of a batch are the "
            "columns of A^[l], Z^[l], dZ^[l]; dZ^[l] = ∂L/∂Z^[l], dW^[l] = ∂L/∂W^[l] (the batch mean). "
            "Hover ⊙, dA^[L] or α for its meaning.") if self._notation == DEEPLEARNING else self.tr(
            "Column convention: Wˡ is (nˡ × nˡ⁻¹); the m samples of a batch are the columns of aˡ, zˡ, δˡ. "
            "Hover ⊙, ∇ₐL or η for its meaning.")
        parts = [
            f"<p style='margin-bottom:4px'><b>{html.escape(self._where(snap))}</b></p>",
            self._table(state, numbers),
            f"<p style='color:#666; margin-top:2px'><small>{linkify(html.escape(legend))}</small></p>",
            f"<h4 style='margin-bottom:2px'>{html.escape(numbers.title())}</h4>",
        ]
        for kind, content in numbers.parts():
            if kind == "math":
                parts.append(
                    f"<pre style='font-family:\"{MONO_FAMILY}\",monospace; margin-top:2px; margin-bottom:6px'>"
                    f"{linkify(html.escape(content))}</pre>")
            else:
                parts.append(f"<p style='margin-top:2px; margin-bottom:4px'>{linkify(html.escape(content))}</p>")
        notes = self.tr("Notes")  # outside the f-string, where lupdate finds it
        parts.append(f"<h4 style='margin-bottom:2px'>{html.escape(notes)}</h4>")
        parts += [f"<p style='margin-top:2px'>{linkify(html.escape(n))}</p>" for n in numbers.notes()]
        return written("<html><body>" + "".join(parts) + "</body></html>", self._notation)  # W^[l], dZ^[l], α

    def _where(self, snap: Snapshot) -> str:
        L = snap.spec.depth
        stage = snap.stage
        m, it = snap.batch_size, snap.iteration + 1
        if stage is None:
            return self.tr("Ready · next: {stage} · iteration {i} · batch of m = {m}").format(
                stage=snap.next_stage.label, i=it, m=m)
        if stage.layer:
            kind = self.tr("Forward") if stage.kind == "forward" else self.tr("Backward")
            return self.tr("{kind} · layer {l} of {L} · iteration {i} · batch of m = {m}").format(
                kind=kind, l=stage.layer, L=L, i=it, m=m)
        kind = self.tr("Loss") if stage.kind == "loss" else self.tr("Update")
        return self.tr("{kind} · iteration {i} · batch of m = {m}").format(kind=kind, i=it, m=m)

    def _table(self, state: ViewState, numbers: StageNumbers) -> str:
        rows = []
        bold = QFont(self.browser.font())
        bold.setBold(True)
        labels = [name if name.startswith("BP") else numbers.label(name) for name in EQUATIONS]
        # the label column fits its longest label in the font shown (larger in presentation mode)
        width = max(64, max(QFontMetrics(bold).horizontalAdvance(text) for text in labels) + 10)
        for name, label in zip(EQUATIONS, labels, strict=True):
            equation, meaning = numbers.general(name)
            lit = name in self._highlighted
            style = f" bgcolor='{HIGHLIGHT}' style='color:{DARK_TEXT}'" if lit else ""
            text = f"<span style='font-size:{self._equation_pt:.1f}pt'>{linkify(html.escape(equation))}</span>"
            if lit:
                text = f"<b>{text}</b>"
            if lit or name == "loss":  # which loss is in use is always said
                more = numbers.detail(name) if lit else ""
                text += f"<br><small>{linkify(html.escape('. '.join(filter(None, (meaning, more)))))}</small>"
            label = f"<b>{html.escape(label)}</b>" if lit else html.escape(label)
            rows.append(f"<tr><td{style} width='{width}'>{label}</td><td{style}>{text}</td></tr>")
        return "<table width='100%' cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"

    # ----- the parameters before an update, so the update can be shown with exact numbers --------
    def _remember_parameters(self, snap: Snapshot) -> None:
        if snap.stage is not None and snap.stage.kind == "update":
            return
        params = {l: (snap.get("W", l), snap.get("b", l)) for l in range(1, snap.spec.depth + 1)}
        self._before_update = (snap.iteration, params)

    def _parameters_before_update(self, snap: Snapshot) -> dict[int, tuple] | None:
        """Wˡ, bˡ as last seen before this update; StageNumbers uses them only if W − η∂L/∂W gives
        exactly the new W (otherwise it recovers them from the update rule and says so)."""
        if snap.stage != Stage("update") or self._before_update is None:
            return None
        iteration, params = self._before_update
        return params if iteration == snap.iteration else None

if __name__ == "__main__":
    from bpstudio.app.widgets.preview import run_preview

    run_preview(EquationPanel)
