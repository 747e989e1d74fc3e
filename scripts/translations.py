"""Work on resources/i18n/bpstudio_<lang>.ts without Qt Linguist.

    .venv/bin/python scripts/translations.py check [--lang zh_CN]
        count what is untranslated and list translations whose {fields}, & mnemonics or keys differ
    .venv/bin/python scripts/translations.py todo OUT_DIR [--chunks N] [--lang zh_CN]
        write the untranslated texts as JSON lists (context, source, translation="") to fill in
    .venv/bin/python scripts/translations.py merge FILE.json ... [--lang zh_CN]
        put filled-in translations into the .ts (then run scripts/update-translations --compile)

tests/app/test_translations.py applies the same checks as ``check``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELD = re.compile(r"\{[^{}]*\}")
MNEMONIC = re.compile(r"&(?!&)\S")
KEY = re.compile(r"\b(?:(?:Ctrl|Shift|Alt)\+)+(?:F\d{1,2}|[A-Z0-9=+\-]|PgUp|PgDown|Left|Right|Up|Down|Enter|Tab)"
                 r"|\bF(?:[1-9]|1[0-2])\b")


def ts_path(lang: str) -> Path:
    return ROOT / "resources" / "i18n" / f"bpstudio_{lang}.ts"


def read(lang: str) -> ET.ElementTree:
    return ET.parse(ts_path(lang))


def messages(tree: ET.ElementTree):
    """(context name, source, translation element) for every message."""
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message.find("translation")


def untranslated(tree: ET.ElementTree) -> list[tuple[str, str]]:
    return [(c, s) for c, s, t in messages(tree)
            if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip()]


def problems(source: str, translation: str) -> list[str]:
    """Why a translation would break the app or the keyboard: {fields} that differ (``format`` would fail
    or lose a number), a mnemonic lost, a shortcut named in the source missing from the translation."""
    found = []
    if sorted(FIELD.findall(source)) != sorted(FIELD.findall(translation)):
        found.append(f"fields {sorted(set(FIELD.findall(source)))} ≠ {sorted(set(FIELD.findall(translation)))}")
    if MNEMONIC.search(source) and not MNEMONIC.search(translation):
        found.append("the & mnemonic is lost")
    missing = [k for k in KEY.findall(source) if k not in translation]
    if missing:
        found.append(f"keys {missing} not named")
    return found


def check(lang: str) -> int:
    tree = read(lang)
    todo = untranslated(tree)
    bad = [(c, s, t.text or "", problems(s, t.text or "")) for c, s, t in messages(tree)
           if t is not None and t.get("type") is None and (t.text or "").strip()]
    bad = [b for b in bad if b[3]]
    total = sum(1 for _ in messages(tree))
    print(f"{lang}: {total} texts, {len(todo)} untranslated, {len(bad)} with problems")
    for context, source, translation, why in bad:
        print(f"  [{context}] {source!r} → {translation!r}: {'; '.join(why)}")
    return 1 if todo or bad else 0


def todo(lang: str, out: Path, chunks: int) -> None:
    items = [{"context": c, "source": s, "translation": ""} for c, s in untranslated(read(lang))]
    out.mkdir(parents=True, exist_ok=True)
    size = -(-len(items) // max(1, chunks)) if items else 0
    for i in range(max(1, chunks)):
        part = items[i * size:(i + 1) * size] if size else []
        if part:
            (out / f"todo_{i + 1}.json").write_text(json.dumps(part, ensure_ascii=False, indent=1), "utf-8")
    print(f"{len(items)} untranslated texts written to {out}")


def merge(lang: str, files: list[Path]) -> None:
    wanted: dict[tuple[str, str], str] = {}
    for f in files:
        for item in json.loads(f.read_text("utf-8")):
            if item.get("translation", "").strip():
                wanted[(item["context"], item["source"])] = item["translation"]
    tree = read(lang)
    done = 0
    for context, source, t in messages(tree):
        if (context, source) in wanted and t is not None:
            t.text = wanted[(context, source)]
            t.attrib.pop("type", None)
            done += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_path(lang).write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    print(f"{done} translations merged into {ts_path(lang).name}")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=("check", "todo", "merge"))
    p.add_argument("paths", nargs="*", type=Path)
    p.add_argument("--lang", default="zh_CN")
    p.add_argument("--chunks", type=int, default=1)
    args = p.parse_args(argv)
    if args.command == "check":
        return check(args.lang)
    if args.command == "todo":
        todo(args.lang, args.paths[0] if args.paths else Path("translations-todo"), args.chunks)
    else:
        merge(args.lang, args.paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
