"""``bpstudio exercises PROJECT --count 30 --seed 7 --out DIR``: exercise sheets with answer keys, and
``bpstudio exercise CODE``: the studio on exactly that variant (engine/exercise_variant, engine/text/exercise_sheets).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bpstudio.engine.exercise_code import EXAMPLE, PARTS
from bpstudio.engine.exercise_variant import exercise_network, variant_from_code
from bpstudio.engine.i18n import Translator, translating
from bpstudio.engine.text.exercise_sheets import MAX_COUNT, SheetRequest, write_sheets
from bpstudio.engine.text.worked_example import FORMATS


def _count(text: str) -> int:
    value = int(text)
    if not 1 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_COUNT}")
    return value


def _seed(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be ≥ 0")
    return value


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(f"choose among {', '.join(FORMATS)} (comma-separated), got {text!r}")
    return chosen


def add_exercise_parsers(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("exercises", help="write exercise sheets with answer keys: N variants of a small network with "
                                         "nice numbers, each with a code that opens it in the studio")
    e.add_argument("project", help="a .bpsproj file or built-in example name (its network is used when it is small "
                                   "enough to compute by hand, else a 2-2-1 network with its activations and loss)")
    e.add_argument("--count", type=_count, default=30, help="how many variants (default 30)")
    e.add_argument("--seed", type=_seed, default=7, help="the sheet's seed: the same seed writes the same files "
                                                        "(default 7)")
    e.add_argument("--out", type=Path, required=True, help="the folder to write exercises.* and answer-key.* into")
    e.add_argument("--parts", default=PARTS,
                   help="what the student computes, letters of ZALDWBU: Z z, A a, L the loss, D δ, W ∂L/∂W, "
                        "B ∂L/∂b, U the updated weights (default: all)")
    e.add_argument("--format", dest="formats", type=_formats, default=FORMATS,
                   help="md, html, tex, or several comma-separated (default: all three)")
    e.add_argument("--notation", choices=("column", "row"), default="column", help="column (default) or row")
    e.add_argument("--language", choices=("en", "zh_CN"), default="en",
                   help="the sheets' language (default en); Chinese LaTeX compiles with xelatex")

    o = sub.add_parser("exercise", help="open the studio on exactly the exercise variant a code names, to check "
                                        "your work step by step")
    o.add_argument("code", help=f"the code printed on the sheet, e.g. {EXAMPLE}")
    o.add_argument("--language", choices=("system", "en", "zh_CN"), help="the UI language for this start")


def cmd_exercises(args: argparse.Namespace) -> int:
    from bpstudio.engine.examples import resolve_project

    project = resolve_project(args.project)
    request = SheetRequest(project.network, args.count, args.seed, args.parts, args.notation, args.formats,
                           args.language)
    with translating(_translator(args.language)):
        paths = write_sheets(args.out, request)
    network = "-".join(map(str, exercise_network(project.network).sizes))
    print(f"{args.count} exercise variant(s) of network {network} (seed {args.seed}) written:")
    for path in paths:
        print(f"  {path}")
    return 0


def cmd_exercise(args: argparse.Namespace) -> int:
    variant_from_code(args.code)  # a bad code is refused here, with its reason, before any window opens
    from bpstudio.app.window.launch import launch

    return launch(args.code, args.language)


def _translator(language: str) -> Translator | None:
    if language == "en":
        return None
    from bpstudio.app.look.language import engine_translator  # Qt's translation files, read without a window

    translator = engine_translator(language)
    if translator is None:
        print(f"bpstudio exercises: warning: no {language} translation found; writing English", file=sys.stderr)
    return translator
