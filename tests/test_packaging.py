"""The build helpers' choices: what the bundled Chinese font covers, what Qt's ICU data keeps, and that the
build scripts parse. (packaging/build.sh itself runs them on a real bundle and self-tests it.)"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import cjk_font  # noqa: E402
import icu_data  # noqa: E402


def test_the_font_subset_covers_every_translated_and_lesson_character_and_gb2312():
    chars = set(cjk_font.characters())
    ts = ET.parse(ROOT / "resources" / "i18n" / "bpstudio_zh_CN.ts")
    translated = set("".join(t.text or "" for t in ts.getroot().iter("translation")))
    lessons = set()
    for path in (ROOT / "resources" / "lessons").glob("*.json"):
        lessons |= set(json.dumps(json.loads(path.read_text("utf-8")), ensure_ascii=False))
    needed = {c for c in translated | lessons if ord(c) >= 0x2E80 and c.isprintable()}  # CJK and after
    assert needed and needed <= chars
    hanzi = [c for c in chars if 0x4E00 <= ord(c) <= 0x9FFF]
    assert len(hanzi) >= 6763  # all of GB 2312, for what users type
    assert "反" in chars and "δ" in chars and "(" in chars


@pytest.mark.parametrize("item, dropped", [
    ("root.res", False), ("en.res", False), ("en_GB.res", False), ("zh_Hans_CN.res", False), ("pool.res", False),
    ("coll/zh.res", False), ("coll/ucadata.icu", False), ("brkitr/cjdict.dict", False), ("uts46.nrm", False),
    ("zone/zh.res", False), ("likelySubtags.res", False), ("cnvalias.icu", False),
    ("de.res", True), ("coll/de_.res", True), ("lang/fr_CA.res", True), ("ibm-37_P100-1995.cnv", True),
    ("translit/Latin_ASCII.res", True), ("rbnf/en.res", True), ("confusables.cfu", True), ("rfc3491.spp", True),
])
def test_the_icu_data_keeps_root_english_and_chinese_and_drops_the_rest(item, dropped):
    assert icu_data.unwanted(item) is dropped


@pytest.mark.parametrize("script", ["build.sh", "make-deb.sh"])
def test_the_build_scripts_parse(script):
    subprocess.run(["bash", "-n", str(ROOT / "packaging" / script)], check=True)
