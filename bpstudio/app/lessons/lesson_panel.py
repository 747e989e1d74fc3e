"""The Lesson panel: pick a guided lesson (the shipped ones, or a teacher's file), follow its steps, predict
numbers before the engine reveals them. Lessons are data files read by ``engine.lessons``; where the learner
is comes from ``session.lesson_progress``; the answer of a prediction comes from the engine, never the file.

The panel gets what it uses of the studio: the view state and the notation on screen (callables), a way to
open the lesson's project (it asks about unsaved work first) and where each panel is, to outline it; it asks
for a layer and reports errors by signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.look import language
from bpstudio.app.widgets.flow_layout import flow_row
from bpstudio.app.widgets.form_fields import fill, shrinkable_combo
from bpstudio.engine import BPStudioError, Project
from bpstudio.engine.lessons import AnswerError, Lesson, Step, lessons_dir, load_lesson, parse_answer, shipped_lessons
from bpstudio.engine.lessons import value_in as value_in_snapshot
from bpstudio.engine.text.convention import written
from bpstudio.session.commands import EngineResult
from bpstudio.session.lesson_progress import LessonProgress
from bpstudio.session.lesson_texts import WRONG_COLOUR, answer_html, feedback_html, step_html, waiting_text, wrong_html
from bpstudio.session.view_state import ViewState

from .lesson_highlight import Highlighter, PanelTargets

W = TypeVar("W", bound=QWidget)


def lesson_language() -> str:
    """The language lesson texts are shown in: the UI's language (View ▸ Language, installed when the app
    starts: Chinese on a Chinese system unless another is chosen), so a lesson speaks as the menus around it."""
    return language.current_language()


class LessonPanel(QWidget):
    layerRequested = Signal(int)  # noqa: N815 - Qt's naming: show this layer in the matrix panels
    errorOccurred = Signal(str)  # noqa: N815
    feedbackShown = Signal()  # noqa: N815 - a checked answer's feedback, to be scrolled into sight

    def __init__(self, state: Callable[[], ViewState | None], notation: Callable[[], str],
                 open_project: Callable[[Project], bool], targets: PanelTargets) -> None:
        super().__init__()
        self.setObjectName("lessonPanel")
        self._state = state
        self._notation = notation  # as the panels show the numbers now
        self._open_project = open_project  # False: the user kept their unsaved work
        self.highlighter = Highlighter(targets)
        self.course = LessonProgress()
        self.paths: list[Path] = []

        self.picker = _named(shrinkable_combo(12), "lessonPicker", self.tr("Lesson"),
                             self.tr("The lessons that come with BP Studio, in order"))
        self.start_button = _named(QPushButton(self.tr("Start")), "lessonStart", tip=self.tr(
            "Start the chosen lesson: its network is opened (unsaved work is asked about first)"))
        self.open_button = _named(QPushButton(self.tr("Open…")), "lessonOpen",
                                  tip=self.tr("Open a lesson file of your own (JSON, see docs/lessons.md)"))
        self.title = _named(QLabel(self.tr("No lesson started"), wordWrap=True, textFormat=Qt.TextFormat.PlainText),
                            "lessonTitle", self.tr("Lesson title"))  # a title from a lesson file: never HTML
        self.title.setStyleSheet("font-weight: bold;")
        self.progress = _named(QLabel(), "lessonProgress", self.tr("Progress"), self.tr("Where you are in the lesson"))
        self.prev_button = _named(QPushButton(self.tr("◀ Previous")), "lessonPrevious",
                                  tip=self.tr("The previous step (Alt+PgUp)"))
        self.next_button = _named(QPushButton(self.tr("Next ▶")), "lessonNext",
                                  tip=self.tr("The next step, once this one is done (Alt+PgDown)"))
        self.text = _named(QTextBrowser(), "lessonText", self.tr("Step text"),
                           self.tr("What to look at and what to press"))
        self.text.setOpenExternalLinks(True)
        self.text.setMinimumHeight(36)  # the rest for the feedback: a named mistake takes a few lines
        # takes the height left over (its own preferred height would push the prediction out of sight)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.waiting = _named(QLabel(wordWrap=True), "lessonWaiting", self.tr("What the step waits for"))
        self.predict_box = _named(QGroupBox(), "lessonPredict")  # its title asks the question
        self.answer = _named(QLineEdit(placeholderText=self.tr("e.g. 0.063, -0.032, 6.3e-2 or 1/2")), "lessonAnswer",
                             self.tr("Your prediction"), self.tr("Type your prediction and press Enter to check it"))
        self.check_button = _named(QPushButton(self.tr("Check")), "lessonCheck",
                                   tip=self.tr("Compare your number with the engine's (Enter)"))
        self.reveal_button = _named(QPushButton(self.tr("Show answer")), "lessonReveal",
                                    tip=self.tr("Show the engine's number"))
        self.feedback = _named(QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText), "lessonFeedback",
                               self.tr("Feedback on your prediction"))

        fill(QVBoxLayout(self.predict_box), _row(self.answer, self.check_button, self.reveal_button), self.feedback,
             margins=(6, 4, 6, 4))
        # the title and the step buttons on one row: the panel is often short (at the bottom of the window)
        fill(QVBoxLayout(self), _row(self.picker, self.start_button, self.open_button),
             _row(self.title, self.progress, self.prev_button, self.next_button), (self.text, 1), self.waiting,
             self.predict_box, margins=(6, 4, 6, 4), spacing=4)

        self.start_button.clicked.connect(self.start_chosen)
        self.open_button.clicked.connect(self.open_dialog)
        self.check_button.clicked.connect(self.check)
        self.answer.returnPressed.connect(self.check)
        self.reveal_button.clicked.connect(self.reveal)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.fill_picker()
        self.refresh()

    # ----- choosing a lesson -------------------------------------------------------------------
    def fill_picker(self) -> None:
        self.picker.clear()
        self.paths = []
        language = lesson_language()
        for path in shipped_lessons():
            try:
                title = load_lesson(path).title.get(language)
            except BPStudioError:  # a broken shipped file is left out (the tests refuse one)
                continue
            self.paths.append(path)
            self.picker.addItem(title, str(path))

    @Slot()
    def start_chosen(self) -> None:
        if self.picker.currentIndex() >= 0:
            self.start_path(self.paths[self.picker.currentIndex()])

    @Slot()
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open lesson"), str(lessons_dir()),
                                              self.tr("BP Studio lessons (*.json);;All files (*)"))
        if path:
            self.start_path(Path(path))

    def start_path(self, path: Path) -> bool:
        try:
            lesson = load_lesson(path)
        except BPStudioError as exc:
            self.errorOccurred.emit(self.tr("Could not open the lesson {name}: {error}").format(
                name=Path(path).name, error=exc))
            return False
        return self.start(lesson)

    def start(self, lesson: Lesson) -> bool:
        """Open the lesson's preset as the window opens a project (unsaved work is asked about first);
        untitled: Save asks where, the lesson file stays as it is."""
        before, self.course = self.course, LessonProgress()
        self.course.start(lesson)  # before the project opens: its first result is the lesson's
        if not self._open_project(lesson.project):
            self.course = before  # the work on screen stays, and so does the lesson under way
            return False
        self._enter_step()
        return True

    @property
    def step(self) -> Step | None:
        return self.course.step

    # ----- engine results ----------------------------------------------------------------------
    @Slot(object)
    def engine_changed(self, result: EngineResult) -> None:
        if self.course.engine_changed(result.project, result.snapshot):
            self._show_asked_layer()
            self.refresh()

    def _show_asked_layer(self) -> None:
        """Show the layer of the quantity asked about in the matrix panels."""
        layer, state = self.course.layer_asked(), self._state()
        if layer is not None and state is not None and layer <= state.depth:
            self.layerRequested.emit(layer)

    # ----- steps -------------------------------------------------------------------------------
    @Slot()
    def next(self) -> None:
        if self.course.next():
            self._enter_step()
        elif self.course.finished:
            self.highlighter.clear()
            self.refresh()

    @Slot()
    def previous(self) -> None:
        if self.course.previous():
            self._enter_step()

    def _enter_step(self) -> None:
        step = self.step
        assert step is not None
        self.answer.clear()
        self.feedback.clear()
        if self.course.answered_here:
            self.feedback.setText(answer_html(self.course, None, lesson_language(), self._notation()))
        self.highlighter.show(step.highlight)
        if step.wait_for is None:
            self._show_asked_layer()
        if self.course.check_reached():
            self._show_asked_layer()
        self.refresh()
        if step.predict is not None and not self.course.answered_here:
            self.answer.setFocus()

    def refresh(self) -> None:
        """Show the step as it is now (also after the notation changed)."""
        lesson, step, index = self.course.lesson, self.step, self.course.index
        language = lesson_language()
        self.prev_button.setEnabled(lesson is not None and index > 0)
        self.next_button.setEnabled(self.course.can_go_next())
        if lesson is None or step is None:
            self.progress.setText(self.tr("Choose a lesson and press Start."))
            self.text.setHtml(self.tr("<p>Each lesson opens its own network, tells you what to press, points at "
                                      "the panel that matters and asks you to predict numbers before the engine "
                                      "computes them.</p>"))
            self.predict_box.hide()
            self.waiting.clear()
            return
        last = len(lesson.steps)
        self.next_button.setText(self.tr("Finish") if self.course.last else self.tr("Next ▶"))
        self.title.setText(lesson.title.get(language))
        self.progress.setText(self.tr("Lesson complete ✓ ({count} steps)").format(count=last) if self.course.finished
                              else self.tr("Step {number} of {count}").format(number=index + 1, count=last))
        notation = self._notation()
        self.text.setHtml(step_html(step, language, notation))
        self.waiting.setText(waiting_text(self.course))
        predict = step.predict
        self.predict_box.setVisible(predict is not None)
        if predict is not None:
            label = written(predict.label.get(language), notation) if predict.label else predict.name(notation)
            self.predict_box.setTitle(self.tr("Predict {name}, then press Check:").format(name=label))
            done = self.course.answered_here
            self.answer.setEnabled(not done)
            self.check_button.setEnabled(not done)
            self.reveal_button.setVisible(not done and self.course.tries.get(index, 0) > 0)

    # ----- predictions -------------------------------------------------------------------------
    @Slot()
    def check(self) -> None:
        step = self.step
        if step is None or step.predict is None or self.course.answered_here:
            return
        try:
            answer = parse_answer(self.answer.text())
        except AnswerError as exc:
            self.feedback.setText(feedback_html(WRONG_COLOUR, str(exc)))
            return
        right = self.course.check(answer)
        self.feedback.setText(answer_html(self.course, True, lesson_language(), self._notation()) if right else
                              written(wrong_html(step, answer, lesson_language(),
                                                 self.course.mistakes_matching(answer, self.answer.text())),
                                      self._notation()))
        self.refresh()
        self.feedbackShown.emit()

    @Slot()
    def reveal(self) -> None:
        step = self.step
        if step is None or step.predict is None or self.course.answered_here:
            return
        self.course.reveal()
        self.feedback.setText(answer_html(self.course, False, lesson_language(), self._notation()))
        self.refresh()

    def shown_value(self) -> float | None:
        """The predicted entry as the window shows it now (None when not computed yet)."""
        step, state = self.step, self._state()
        if step is None or step.predict is None or state is None:
            return None
        return value_in_snapshot(state.snapshot, step.predict)


def _named(widget: W, name: str, accessible: str = "", tip: str = "") -> W:
    widget.setObjectName(name)
    if accessible:
        widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
    return widget


def _row(first: QWidget, *others: QWidget) -> QWidget:
    """``first`` takes the width left over; the row wraps in a narrow dock (nothing cut off at its right)."""
    first.setSizePolicy(QSizePolicy.Policy.Expanding, first.sizePolicy().verticalPolicy())
    return flow_row(first, *others)

