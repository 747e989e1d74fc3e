"""Text from a file (a project's name, a CSV's class names) as it may go into an exported document: control
characters (NUL, a carriage return, an escape …) and lone surrogates never reach a script, HTML, Markdown or
LaTeX, where they would break the file or be written raw."""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls but the tab and the newline
LINE_BREAKS = re.compile("[\n\t\u2028\u2029\x85]")
SURROGATE = re.compile("[\ud800-\udfff]")  # no character by itself: cannot be written as UTF-8


def one_line(text: str) -> str:
    """A name for a title or a comment: one line, control characters gone, runs of spaces as one."""
    text = CONTROL.sub(" ", LINE_BREAKS.sub(" ", SURROGATE.sub("\ufffd", text)))
    return " ".join(text.split())


def printable(document: str) -> str:
    """A whole exported document with every control character but the newline and the tab taken out."""
    return CONTROL.sub("", SURROGATE.sub("\ufffd", document))
