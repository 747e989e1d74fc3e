"""Where a learner is in a guided lesson: the step, whether the engine has got where the step waits for,
which predictions were answered. The Lesson panel shows it and tells it what happens; no widgets here.

A prediction's answer comes from the engine (``engine.lessons.expected_value``: a Stepper on the lesson's
preset), never from the file; it is computed once per step, when first asked for.
"""

from __future__ import annotations

from bpstudio.engine import Project, Snapshot
from bpstudio.engine.lesson_mistakes import mistake_values, named
from bpstudio.engine.lessons import Lesson, Step, expected_value
from bpstudio.engine.mistakes import Mistake, mistake


class LessonProgress:
    def __init__(self) -> None:
        self._latest: Snapshot | None = None  # the engine's newest snapshot
        self.start(None)

    def start(self, lesson: Lesson | None) -> None:
        """Step 1 of ``lesson``, nothing done yet (its project is being opened)."""
        self.lesson = lesson
        self.index = 0
        self.finished = False
        self.loaded = False  # the engine shows the lesson's project (results before that are the old one's)
        self.answered: set[int] = set()  # steps whose prediction was right or revealed
        self.reached: set[int] = set()  # steps whose wait_for the engine has reached
        self.tries: dict[int, int] = {}  # wrong answers per step
        self._expected: dict[int, float] = {}
        self._mistakes: dict[int, dict[str, float]] = {}  # each typical mistake's number, by id, per step

    @property
    def step(self) -> Step | None:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    @property
    def last(self) -> bool:
        return self.lesson is not None and self.index == len(self.lesson.steps) - 1

    # ----- the engine --------------------------------------------------------------------------
    def engine_changed(self, project: Project, snapshot: Snapshot) -> bool:
        """The engine shows ``snapshot`` of ``project``; True when that reaches what the step waits for."""
        self._latest = snapshot
        if self.lesson is None:
            return False
        if not self.loaded:
            if project is not self.lesson.project:
                return False
            self.loaded = True
        return self.check_reached()

    def check_reached(self) -> bool:
        """True when the engine has just been found where the step waits for (once per step)."""
        step = self.step
        if step is None or step.wait_for is None or self.index in self.reached or not self.loaded:
            return False
        if self._latest is not None and step.wait_for.reached(self._latest):
            self.reached.add(self.index)
            return True
        return False

    def layer_asked(self) -> int | None:
        """The layer of the quantity the step asks about, to show in the matrix panels (None: no layer)."""
        step = self.step
        if step is None or step.predict is None or not step.predict.layer or not self.loaded:
            return None
        return None if step.predict.quantity in ("loss", "grad_a") else step.predict.layer

    # ----- steps -------------------------------------------------------------------------------
    def can_go_next(self) -> bool:
        step = self.step
        if step is None or self.finished:
            return False
        if step.wait_for is not None and self.index not in self.reached:
            return False
        return step.predict is None or self.index in self.answered

    def next(self) -> bool:
        """Go on when the step is done; True when that entered another step (not when it finished the lesson)."""
        if not self.can_go_next():
            return False
        assert self.lesson is not None
        if self.last:
            self.finished = True
            return False
        self.index += 1
        return True

    def previous(self) -> bool:
        if self.lesson is None or self.index == 0:
            return False
        self.finished = False
        self.index -= 1
        return True

    # ----- predictions -------------------------------------------------------------------------
    @property
    def answered_here(self) -> bool:
        return self.index in self.answered

    def expected_value(self) -> float | None:
        step = self.step
        if step is None or step.predict is None or self.lesson is None:
            return None
        if self.index not in self._expected:
            self._expected[self.index] = expected_value(self.lesson, step.predict)
        return self._expected[self.index]

    def check(self, answer: float) -> bool:
        """Whether ``answer`` is close enough to the engine's number; a wrong one counts as a try."""
        step = self.step
        expected = self.expected_value()
        assert step is not None and step.predict is not None and expected is not None
        if step.predict.accepts(answer, expected):
            self.answered.add(self.index)
            return True
        self.tries[self.index] = self.tries.get(self.index, 0) + 1
        return False

    def mistakes_matching(self, answer: float, text: str) -> tuple[Mistake, ...]:
        """The typical mistakes that give the wrong ``answer`` (typed as ``text``) at the precision typed, closest
        first (``engine.lesson_mistakes``); their numbers are computed once per step, at its first wrong answer."""
        step, expected = self.step, self.expected_value()
        if step is None or step.predict is None or expected is None or self.lesson is None:
            return ()
        if self.index not in self._mistakes:
            self._mistakes[self.index] = mistake_values(self.lesson, step.predict)
        return tuple(mistake(id_) for id_ in named(self._mistakes[self.index], answer, text, expected, step.predict))

    def reveal(self) -> None:
        self.answered.add(self.index)
