"""The Lesson dock: pick a guided lesson (the shipped ones, or a teacher's file), follow its steps, predict
numbers before the engine reveals them. Lessons are data files read by ``engine.lessons``; the answer of a
prediction comes from the engine (a Stepper on the lesson's preset), never from the file.

``install_lessons(window)`` adds the dock and the Lessons menu (F1 shows the panel; Alt+PgDown / Alt+PgUp
next / previous step); MainWindow calls it once, at the end of its constructor.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bpstudio.app.look import language
from bpstudio.app.widgets.step_actions import make_action
from bpstudio.engine import BPStudioError
from bpstudio.engine.lessons import (
    AnswerError,
    Lesson,
    Step,
    expected_value,
    lessons_dir,
    load_lesson,
    parse_answer,
    shipped_lessons,
    value_in,
)
from bpstudio.engine.text.explain import format_number

from .lesson_highlight import Highlighter

if TYPE_CHECKING:
    from bpstudio.app.engine_link.engine_controller import EngineResult
    from bpstudio.app.window.main_window import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

RIGHT_COLOUR = "#1b7f2a"
WRONG_COLOUR = "#b3261e"
ANSWER_DIGITS = 6  # the engine's number, as the feedback writes it
PANEL_WIDTH = 420  # at least, when the dock is first shown
HEIGHT_SHARE = 0.4  # of the window's height for the bottom row
WIDTH_SHARE = 0.42  # of the bottom row's width


def lesson_language() -> str:
    """The language lesson texts are shown in: the UI's language (View ▸ Language, installed when the app
    starts: Chinese on a Chinese system unless another is chosen), so a lesson speaks as the menus around it."""
    return language.current_language()


class LessonPanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("lessonPanel")
        self.window_ = window
        self.highlighter = Highlighter(window)
        self.lesson: Lesson | None = None
        self.index = 0
        self.finished = False
        self.loaded = False  # the engine shows the lesson's project (results before that are the old one's)
        self.answered: set[int] = set()  # steps whose prediction was right or revealed
        self.reached: set[int] = set()  # steps whose wait_for the engine has reached
        self.tries: dict[int, int] = {}
        self.expected: dict[int, float] = {}
        self.last_result: EngineResult | None = None
        self.paths: list[Path] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        pick = QHBoxLayout()
        self.picker = QComboBox()
        self.picker.setObjectName("lessonPicker")
        self.picker.setToolTip(self.tr("The lessons that come with BP Studio, in order"))
        self.picker.setAccessibleName(self.tr("Lesson"))
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(12)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("lessonStart")
        self.start_button.setToolTip(self.tr("Start the chosen lesson: its network is opened (unsaved work is asked "
                                             "about first)"))
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.setObjectName("lessonOpen")
        self.open_button.setToolTip(self.tr("Open a lesson file of your own (JSON, see docs/lessons.md)"))
        pick.addWidget(self.picker, 1)
        pick.addWidget(self.start_button)
        pick.addWidget(self.open_button)
        layout.addLayout(pick)

        self.title = QLabel(self.tr("No lesson started"))
        self.title.setObjectName("lessonTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setAccessibleName(self.tr("Lesson title"))
        self.progress = QLabel()
        self.progress.setObjectName("lessonProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setToolTip(self.tr("Where you are in the lesson"))
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.setObjectName("lessonPrevious")
        self.prev_button.setToolTip(self.tr("The previous step (Alt+PgUp)"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setObjectName("lessonNext")
        self.next_button.setToolTip(self.tr("The next step, once this one is done (Alt+PgDown)"))
        heading = QHBoxLayout()  # one row: the panel is often short (at the bottom of the window)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.progress)
        heading.addWidget(self.prev_button)
        heading.addWidget(self.next_button)
        layout.addLayout(heading)

        self.text = QTextBrowser()
        self.text.setObjectName("lessonText")
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(self.tr("Step text"))
        self.text.setToolTip(self.tr("What to look at and what to press"))
        self.text.setMinimumHeight(56)
        # takes the height left over (its own preferred height would push the prediction out of sight)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout.addWidget(self.text, 1)

        self.waiting = QLabel()
        self.waiting.setObjectName("lessonWaiting")
        self.waiting.setWordWrap(True)
        self.waiting.setAccessibleName(self.tr("What the step waits for"))
        layout.addWidget(self.waiting)

        self.predict_box = QGroupBox()  # its title asks the question
        self.predict_box.setObjectName("lessonPredict")
        box = QVBoxLayout(self.predict_box)
        row = QHBoxLayout()
        self.answer = QLineEdit()
        self.answer.setObjectName("lessonAnswer")
        self.answer.setPlaceholderText(self.tr("e.g. 0.063, -0.032, 6.3e-2 or 1/2"))
        self.answer.setToolTip(self.tr("Type your prediction and press Enter to check it"))
        self.answer.setAccessibleName(self.tr("Your prediction"))
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("lessonCheck")
        self.check_button.setToolTip(self.tr("Compare your number with the engine's (Enter)"))
        self.reveal_button = QPushButton(self.tr("Show answer"))
        self.reveal_button.setObjectName("lessonReveal")
        self.reveal_button.setToolTip(self.tr("Show the engine's number"))
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.reveal_button)
        box.addLayout(row)
        self.feedback = QLabel()
        self.feedback.setObjectName("lessonFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setAccessibleName(self.tr("Feedback on your prediction"))
        box.addWidget(self.feedback)
        layout.addWidget(self.predict_box)

        box.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        self.start_button.clicked.connect(self.start_chosen)
        self.open_button.clicked.connect(self.open_dialog)
        self.check_button.clicked.connect(self.check)
        self.answer.returnPressed.connect(self.check)
        self.reveal_button.clicked.connect(self.reveal)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        window.controller.stateChanged.connect(self.engine_changed)
        self.fill_picker()
        self._refresh()

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
            self.window_.show_error(self.tr("Could not open the lesson {name}: {error}").format(
                name=Path(path).name, error=exc))
            return False
        return self.start(lesson)

    def start(self, lesson: Lesson) -> bool:
        """Open the lesson's preset as the window opens a project (unsaved work is asked about first)."""
        w = self.window_
        if not w.files.confirm_discard():
            return False
        self.lesson = lesson
        self.index = 0
        self.finished = False
        self.loaded = False
        self.answered, self.reached, self.tries, self.expected = set(), set(), {}, {}
        w.open_project(lesson.project)  # untitled: Save asks where, the lesson file stays as it is
        self._enter_step()
        return True

    # ----- engine results ----------------------------------------------------------------------
    @Slot(object)
    def engine_changed(self, result: EngineResult) -> None:
        self.last_result = result
        if self.lesson is None:
            return
        if not self.loaded:
            if result.project is not self.lesson.project:
                return
            self.loaded = True
        self._check_reached()

    def _check_reached(self) -> None:
        step = self.step
        if step is None or step.wait_for is None or self.index in self.reached or not self.loaded:
            return
        result = self.last_result
        if result is not None and step.wait_for.reached(result.snapshot):
            self.reached.add(self.index)
            self._show_predicted_layer()
            self._refresh()

    # ----- steps -------------------------------------------------------------------------------
    @property
    def step(self) -> Step | None:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    def can_go_next(self) -> bool:
        step = self.step
        if step is None or self.finished:
            return False
        if step.wait_for is not None and self.index not in self.reached:
            return False
        return step.predict is None or self.index in self.answered

    @Slot()
    def next(self) -> None:
        if not self.can_go_next():
            return
        assert self.lesson is not None
        if self.index == len(self.lesson.steps) - 1:
            self.finished = True
            self.highlighter.clear()
            self._refresh()
            return
        self.index += 1
        self._enter_step()

    @Slot()
    def previous(self) -> None:
        if self.lesson is None or self.index == 0:
            return
        self.finished = False
        self.index -= 1
        self._enter_step()

    def _enter_step(self) -> None:
        step = self.step
        assert step is not None
        self.answer.clear()
        self.feedback.clear()
        if self.index in self.answered:
            self._show_answer_text(right=None)
        self.highlighter.show(step.highlight)
        if step.wait_for is None:
            self._show_predicted_layer()
        self._check_reached()
        self._refresh()
        if step.predict is not None and self.index not in self.answered:
            self.answer.setFocus()

    def _show_predicted_layer(self) -> None:
        """Show the layer of the quantity asked about in the matrix panels."""
        step = self.step
        state = self.window_.state
        if step is None or step.predict is None or not step.predict.layer or state is None or not self.loaded:
            return
        if step.predict.quantity not in ("loss", "grad_a") and step.predict.layer <= state.depth:
            self.window_.select_layer(step.predict.layer)

    def refresh(self) -> None:
        """Show the step again (after the notation changed, say)."""
        self._refresh()

    def _refresh(self) -> None:
        lesson, step = self.lesson, self.step
        language = lesson_language()
        self.prev_button.setEnabled(lesson is not None and self.index > 0)
        self.next_button.setEnabled(self.can_go_next())
        if lesson is None or step is None:
            self.progress.setText(self.tr("Choose a lesson and press Start."))
            self.text.setHtml(self.tr("<p>Each lesson opens its own network, tells you what to press, points at "
                                      "the panel that matters and asks you to predict numbers before the engine "
                                      "computes them.</p>"))
            self.predict_box.hide()
            self.waiting.clear()
            return
        last = len(lesson.steps)
        self.next_button.setText(self.tr("Finish") if self.index == last - 1 else self.tr("Next ▶"))
        self.title.setText(lesson.title.get(language))
        if self.finished:
            self.progress.setText(self.tr("Lesson complete ✓ ({count} steps)").format(count=last))
        else:
            self.progress.setText(self.tr("Step {number} of {count}").format(number=self.index + 1, count=last))
        body = _html(step.text.get(language))
        notation = self.window_.matrices.notation()  # as the panels show the numbers now
        if notation == "row":  # lessons are written as TEACHING.md is, samples as columns
            note = self.tr("This lesson is written in the column convention (samples as columns); the panels show "
                           "the row convention, so its matrices appear transposed there: entry [i, j] of the "
                           "lesson is [j, i] on screen. Ctrl+Shift+T switches back.")
            body = f"<p><i>{html.escape(note, quote=False)}</i></p>" + body
        self.text.setHtml(body)
        self.waiting.setText(self._waiting_text())
        predict = step.predict
        self.predict_box.setVisible(predict is not None)
        if predict is not None:
            label = predict.label.get(language) if predict.label else predict.name(notation)
            self.predict_box.setTitle(self.tr("Predict {name}, then press Check:").format(name=label))
            done = self.index in self.answered
            self.answer.setEnabled(not done)
            self.check_button.setEnabled(not done)
            self.reveal_button.setVisible(not done and self.tries.get(self.index, 0) > 0)

    def _waiting_text(self) -> str:
        step = self.step
        assert step is not None
        wait = step.wait_for
        parts = []
        if step.predict is not None and self.index not in self.answered:
            parts.append(self.tr("Next is enabled once you have checked your prediction."))
        if wait is not None:
            if self.index in self.reached:
                parts.append(self.tr("✓ The engine has got there."))
            elif wait.iterations is not None:
                parts.append(self.tr("Waiting until {count} iterations are done.").format(count=wait.iterations))
            else:
                assert wait.stage is not None
                parts.append(self.tr("Waiting for the stage {stage} of iteration {iteration}.").format(
                    stage=wait.stage.label, iteration=wait.iteration))
        return " ".join(parts)

    # ----- predictions -------------------------------------------------------------------------
    def expected_value(self) -> float | None:
        step = self.step
        if step is None or step.predict is None or self.lesson is None:
            return None
        if self.index not in self.expected:
            self.expected[self.index] = expected_value(self.lesson, step.predict)
        return self.expected[self.index]

    @Slot()
    def check(self) -> None:
        step = self.step
        if step is None or step.predict is None or self.index in self.answered:
            return
        try:
            answer = parse_answer(self.answer.text())
        except AnswerError as exc:
            self._feedback(WRONG_COLOUR, str(exc))
            return
        expected = self.expected_value()
        assert expected is not None
        if step.predict.accepts(answer, expected):
            self.answered.add(self.index)
            self._show_answer_text(right=True)
        else:
            self.tries[self.index] = self.tries.get(self.index, 0) + 1
            hint = step.predict.hint.get(lesson_language()) if step.predict.hint else self.tr(
                "Work it out factor by factor with the numbers in the panels.")
            self._feedback(WRONG_COLOUR, self.tr("Not quite ({answer}). Hint: {hint}").format(
                answer=format_number(answer, ANSWER_DIGITS), hint=hint))
        self._refresh()

    @Slot()
    def reveal(self) -> None:
        step = self.step
        if step is None or step.predict is None or self.index in self.answered:
            return
        self.answered.add(self.index)
        self._show_answer_text(right=False)
        self._refresh()

    def _show_answer_text(self, right: bool | None) -> None:
        step = self.step
        assert step is not None and step.predict is not None
        value = self.expected_value()
        assert value is not None
        number = format_number(value, ANSWER_DIGITS)
        if right:
            text = self.tr("Right! The engine computes {name} = {value}.")
        else:
            text = self.tr("The engine computes {name} = {value}.")
        message = text.format(name=step.predict.name(self.window_.matrices.notation()), value=number)
        if step.predict.explanation is not None:
            message += " " + step.predict.explanation.get(lesson_language())
        self._feedback(RIGHT_COLOUR if right else None, message)

    def _feedback(self, colour: str | None, text: str) -> None:
        escaped = html.escape(text, quote=False)
        self.feedback.setText(f'<span style="color:{colour}">{escaped}</span>' if colour else escaped)

    def shown_value(self) -> float | None:
        """The predicted entry as the window shows it now (None when not computed yet)."""
        step, state = self.step, self.window_.state
        if step is None or step.predict is None or state is None:
            return None
        return value_in(state.snapshot, step.predict)


def _html(text: str) -> str:
    """Step text is Qt rich text; plain text keeps its line breaks."""
    if "<" in text:
        return text
    return "".join(f"<p>{line}</p>" for line in text.split("\n\n"))


class Lessons(QObject):
    """The Lesson dock, the Lessons menu and the step keys."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = LessonPanel(window)
        self.dock = QDockWidget(translate("Lessons", "Lesson"), window)
        self.dock.setObjectName("lessonDock")
        scroll = QScrollArea()  # a short dock scrolls rather than squeezing the panels around it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)
        self.dock.setWidget(scroll)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        # a column of its own at the bottom, beside the plots (not a tab of any dock: a step may raise those; not
        # beside the centre, whose panels need their width)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock, Qt.Orientation.Horizontal)
        self.dock.hide()  # F1 or the Lessons menu shows it
        self.dock.visibilityChanged.connect(self._dock_visible)
        self._sized = False

        self.show_action = make_action(window, translate("Lessons", "Lesson panel"), ["F1"], translate(
            "Lessons", "Show the guided lessons"), "showLessons")
        self.show_action.triggered.connect(self.show_panel)
        self.next_action = make_action(window, translate("Lessons", "Next lesson step"), ["Alt+PgDown"], translate(
            "Lessons", "Go to the next step of the lesson, once this one is done"), "nextLessonStep")
        self.next_action.triggered.connect(self.panel.next)
        self.previous_action = make_action(window, translate("Lessons", "Previous lesson step"), ["Alt+PgUp"],
                                           translate("Lessons", "Go back to the previous step of the lesson"),
                                           "previousLessonStep")
        self.previous_action.triggered.connect(self.panel.previous)
        self.open_action = make_action(window, translate("Lessons", "Open lesson file…"), [], translate(
            "Lessons", "Open a lesson file of your own (JSON, see docs/lessons.md)"), "openLesson")
        self.open_action.triggered.connect(self._open)

        self.menu = window.menuBar().addMenu(translate("Lessons", "&Lessons"))
        self.menu.setObjectName("lessonsMenu")
        self.menu.setToolTipsVisible(True)
        self.menu.addAction(self.show_action)
        self.menu.addSeparator()
        self.start_actions: list[QAction] = []
        for i, path in enumerate(self.panel.paths):
            action = QAction(self.panel.picker.itemText(i), self)
            action.setObjectName(f"startLesson_{path.stem}")
            action.setToolTip(translate("Lessons", "Start this lesson (its network is opened)"))
            action.triggered.connect(lambda _=False, p=path: self._start(p))
            self.menu.addAction(action)
            self.start_actions.append(action)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.previous_action)
        self.menu.addAction(self.next_action)
        for action in (self.show_action, self.next_action, self.previous_action):
            window.addAction(action)

    @Slot()
    def show_panel(self) -> None:
        first = not self.dock.isVisible() and not self._sized
        self.dock.show()
        self.dock.raise_()
        if first:  # room for the text and the prediction, the first time it is shown
            self._sized = True
            QTimer.singleShot(0, self._give_room)
        self.panel.picker.setFocus()

    @Slot(bool)
    def _dock_visible(self, visible: bool) -> None:
        """No outline left behind when the Lesson dock is closed; back when it is shown again."""
        step = self.panel.step
        if not visible:
            self.panel.highlighter.clear()
        elif step is not None and not self.panel.finished and self.panel.highlighter.panel is None:
            self.panel.highlighter.show(step.highlight)

    def _give_room(self) -> None:
        """Much of the bottom row's width, and a taller bottom row where the other docks allow it."""
        w, t = self.window, self.window.training
        width = t.loss_dock.width() + t.data_dock.width() + self.dock.width()
        lesson = max(PANEL_WIDTH, int(width * WIDTH_SHARE))
        loss = max(200, (width - lesson) * 2 // 3)
        w.resizeDocks([t.loss_dock, t.data_dock, self.dock], [loss, width - lesson - loss, lesson],
                      Qt.Orientation.Horizontal)
        w.resizeDocks([self.dock], [max(self.dock.height(), int(w.height() * HEIGHT_SHARE))], Qt.Orientation.Vertical)

    def _start(self, path: Path) -> None:
        self.show_panel()
        self.panel.picker.setCurrentIndex(self.panel.paths.index(path))
        self.panel.start_path(path)

    @Slot()
    def _open(self) -> None:
        self.show_panel()
        self.panel.open_dialog()


def install_lessons(window: MainWindow) -> Lessons:
    """The Lesson dock and the Lessons menu (one call, at the end of MainWindow's constructor)."""
    return Lessons(window)
