"""The colours and style sheets the panels share, each written once: a red means a refusal everywhere."""

from __future__ import annotations

ERROR_RED = "#b3261e"  # a refusal, a failed check, a diverged run
ERROR_GROUND = "#fdecea"  # behind an error message, and under a bad row of a table
INFO_BLUE = "#174ea6"
PASS_GREEN = "#137333"
WAIT_AMBER = "#8a5300"
HINT_GREY = "#5f6368"
DARK_TEXT = "#1a1a1a"  # on the pale grounds of our own (a highlight, a pass/fail row), in either theme
HIGHLIGHT = "#ffe9a8"  # the current stage, the equations it uses


def text_style(colour: str, bold: bool = False) -> str:
    """A label's text in ``colour``: "QLabel { color: #5f6368; }"."""
    return f"QLabel {{ color: {colour};{' font-weight: bold;' if bold else ''} }}"


HINT_STYLE = text_style(HINT_GREY)
SECTION_STYLE = "QLabel { font-weight: bold; }"
ERROR_STYLE = f"QLabel {{ color: {ERROR_RED}; background: {ERROR_GROUND}; border: 1px solid #f3b5ae; padding: 4px; }}"
INFO_STYLE = f"QLabel {{ color: {INFO_BLUE}; background: #e8f0fe; border: 1px solid #aecbfa; padding: 4px; }}"
READ_ONLY_STYLE = "QSpinBox { background: #ececec; color: #3c4043; }"
