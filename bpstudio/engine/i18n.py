"""Translation hook for the engine's user-visible text, without importing Qt.

Engine text is written ``translate("Context", "English text with {named} fields").format(named=...)``.
From a script or the CLI ``translate`` returns the English text; the app installs Qt's
``QCoreApplication.translate`` with ``set_translator`` so the same call yields the chosen language.
``pyside6-lupdate`` finds these calls by their name, like ``tr()`` in the app (scripts/update-translations).
``QT_TRANSLATE_NOOP("Context", "text")`` marks text kept in a table and translated where it is shown
(lupdate knows that name, not ``translate_noop``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from threading import local

Translator = Callable[[str, str], str]


def translate_noop(context: str, text: str) -> str:
    """Marks ``text`` for translation where it is defined; returns it unchanged (lupdate reads the call)."""
    return text


_translator: Translator = translate_noop  # English: the text as written
_local = local()  # a thread's own language while ``translating``


def translate(context: str, text: str) -> str:
    """``text`` in the language installed by ``set_translator`` (English when none is), or in this thread's
    language while ``translating`` is in force."""
    override = getattr(_local, "translator", None)
    return (override or _translator)(context, text)


def set_translator(translator: Translator | None) -> None:
    """Install ``translator(context, text)`` for engine text; ``None`` restores English."""
    global _translator
    _translator = translator if translator is not None else translate_noop


QT_TRANSLATE_NOOP = translate_noop  # the name lupdate looks for


@contextmanager
def translating(translator: Translator | None) -> Iterator[None]:
    """Engine text in another language for a while, in this thread only (an exercise sheet in Chinese written by a
    worker thread of an English window, or by the command line); ``None``: English."""
    before = getattr(_local, "translator", None)
    _local.translator = translator if translator is not None else translate_noop
    try:
        yield
    finally:
        _local.translator = before
