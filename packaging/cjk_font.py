"""Put a Chinese font into a bundle, cut down to the characters it can meet, so the Chinese UI shows on systems
without a CJK font (the app loads fonts it finds in resources/fonts; Qt falls back to them).

The subset holds every character of the app's translations and lessons and all of GB 2312 (the 6 763 common
hanzi, with its punctuation and full-width forms), so names a user types show too: 1.3 MB instead of 5.2 MB.

    python packaging/cjk_font.py BUNDLE_RESOURCES_DIR [FONT]   (needs fontTools; FONT: WenQuanYi Micro Hei)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LICENCE = Path(__file__).resolve().parent / "linux" / "wqy-microhei-LICENSE.txt"


def characters() -> str:
    chars = set(map(chr, range(0x20, 0x7F)))
    chars |= set((ROOT / "resources" / "i18n" / "bpstudio_zh_CN.ts").read_text("utf-8"))
    for lesson in (ROOT / "resources" / "lessons").glob("*.json"):
        chars |= set(lesson.read_text("utf-8"))
    for high in range(0xA1, 0xF8):  # GB 2312: symbols (rows 1-9) and both levels of hanzi (rows 16-87)
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(sorted(c for c in chars if c.isprintable()))


def main(resources: str, font: str = str(FONT)) -> int:
    source = Path(font)
    if not source.is_file():
        print(f"cjk_font: {source} not found (apt install fonts-wqy-microhei): the bundle relies on the system's")
        return 0
    from fontTools import subset

    target = Path(resources) / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    out = target / "wqy-microhei-subset.ttf"
    options = subset.Options()
    options.font_number = 0  # WenQuanYi Micro Hei (1 is its monospaced sibling)
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the family name and the licence notice
    options.notdef_outline = True
    with subset.load_font(str(source), options) as ttf:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters())
        subsetter.subset(ttf)
        subset.save_font(ttf, str(out), options)
    if LICENCE.is_file():
        (target / "wqy-microhei-LICENSE.txt").write_text(LICENCE.read_text("utf-8"), "utf-8")
    before, after = source.stat().st_size / 1e6, out.stat().st_size / 1e6
    print(f"cjk_font: {out.name}, {after:.1f} MB ({source.name}: {before:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
