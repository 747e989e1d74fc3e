"""What the Lesson panel writes: a step's text, what the step waits for, and the feedback on a prediction (Qt
rich text), in ``language`` — the UI's: lesson files carry their own translations, the panel's sentences reach
the app's translator through ``engine.i18n``."""

from __future__ import annotations

import html

from bpstudio.engine.i18n import translate
from bpstudio.engine.lessons import Step
from bpstudio.engine.mistakes import Mistake
from bpstudio.engine.text.convention import written
from bpstudio.engine.text.explain import format_number
from bpstudio.session.lesson_progress import LessonProgress

RIGHT_COLOUR = "#1b7f2a"
WRONG_COLOUR = "#b3261e"
ANSWER_DIGITS = 6  # the engine's number, as the feedback writes it


def step_html(step: Step, language: str, notation: str) -> str:
    """The step's text (plain text keeps its paragraphs), with a note in the row convention."""
    text = step.text.get(language)
    body = text if "<" in text else "".join(f"<p>{line}</p>" for line in text.split("\n\n"))
    if notation == "row":  # lessons are written as TEACHING.md is, samples as columns
        note = translate("LessonPanel", "This lesson is written in the column convention (samples as columns); the "
                         "panels show the row convention, so its matrices appear transposed there: entry [i, j] of "
                         "the lesson is [j, i] on screen. Ctrl+Shift+T switches back.")
        body = f"<p><i>{html.escape(note, quote=False)}</i></p>" + body
    return written(body, notation)  # the deeplearning.ai notation renames the symbols: W^[l], dZ^[l], α


def waiting_text(course: LessonProgress) -> str:
    """What Next waits for: the prediction, the engine."""
    step = course.step
    assert step is not None
    wait = step.wait_for
    parts = []
    if step.predict is not None and not course.answered_here:
        parts.append(translate("LessonPanel", "Next is enabled once you have checked your prediction."))
    if wait is not None:
        if course.index in course.reached:
            parts.append(translate("LessonPanel", "✓ The engine has got there."))
        elif wait.iterations is not None:
            parts.append(translate("LessonPanel", "Waiting until {count} iterations are done.").format(
                count=wait.iterations))
        else:
            assert wait.stage is not None
            parts.append(translate("LessonPanel", "Waiting for the stage {stage} of iteration {iteration}.").format(
                stage=wait.stage.label, iteration=wait.iteration))
    return " ".join(parts)


def answer_html(course: LessonProgress, right: bool | None, language: str, notation: str) -> str:
    """The engine's number for the step's prediction (``right``: the learner's was; None: said before)."""
    step, value = course.step, course.expected_value()
    assert step is not None and step.predict is not None and value is not None
    if right:
        text = translate("LessonPanel", "Right! The engine computes {name} = {value}.")
    else:
        text = translate("LessonPanel", "The engine computes {name} = {value}.")
    message = text.format(name=step.predict.name(notation), value=format_number(value, ANSWER_DIGITS))
    if step.predict.explanation is not None:
        message += " " + step.predict.explanation.get(language)
    message = written(message, notation)
    return feedback_html(RIGHT_COLOUR if right else None, message)


def wrong_html(step: Step, answer: float, language: str, mistakes: tuple[Mistake, ...] = ()) -> str:
    """A wrong answer: the typical mistakes that give that number, if any (named, with what the learner did), then
    the step's hint."""
    assert step.predict is not None
    hint = step.predict.hint.get(language) if step.predict.hint else translate(
        "LessonPanel", "Work it out factor by factor with the numbers in the panels.")
    number = format_number(answer, ANSWER_DIGITS)
    if not mistakes:
        return feedback_html(WRONG_COLOUR, translate("LessonPanel", "Not quite ({answer}). Hint: {hint}").format(
            answer=number, hint=hint))
    if len(mistakes) == 1:
        head = translate("LessonPanel", "Not quite ({answer}): that is what the typical mistake “{name}” "
                         "gives.").format(answer=number, name=mistakes[0].title)
    else:
        head = translate("LessonPanel", "Not quite ({answer}): that is what each of these typical "
                         "mistakes gives.").format(answer=number)
    parts = [feedback_html(WRONG_COLOUR, head)]
    for m in mistakes:
        said = m.what_you_did if len(mistakes) == 1 else translate("LessonPanel", "{name}: {did}").format(
            name=m.title, did=m.what_you_did)
        parts.append(html.escape(said, quote=False))
    parts.append(html.escape(translate("LessonPanel", "Hint: {hint}").format(hint=hint), quote=False))
    return (" " if len(mistakes) == 1 else "<br>").join(parts)  # one paragraph: the Lesson dock is often short


def feedback_html(colour: str | None, text: str) -> str:
    escaped = html.escape(text, quote=False)
    return f'<span style="color:{colour}">{escaped}</span>' if colour else escaped
