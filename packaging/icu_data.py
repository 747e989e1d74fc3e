"""Trim the ICU data library a Linux bundle carries for Qt (libicudata.so.NN, 32 MB) to what BP Studio can use.

Qt Core links ICU for collation, case mapping, time-zone names and legacy text codecs; the data library holds
every locale and every charset converter there is. BP Studio speaks English and Chinese and reads and writes
UTF-8 only, so this keeps the root, English and Chinese locales (and every table shared by all: Unicode
properties, normalisation, likely subtags, zone data, collation of root and Chinese, Chinese word breaking)
and leaves out the other locales, the legacy charset converters (Shift-JIS, EBCDIC …), transliteration,
spelled-out numbers and spoof checking: 32 MB → about 7 MB. The data is taken out of the library, filtered with
ICU's own ``icupkg`` and linked back into a library of the same name and symbol.

    python packaging/icu_data.py dist/bpstudio     (needs icupkg from icu-devtools, gcc and readelf)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = ("root", "pool", "res_index")  # plus every en* and zh* locale
LOCALE = re.compile(r"^(?:[^/]+/)?([a-z]{2,3}(?:_[A-Za-z0-9]*)*)\.res$")
DROPPED_TREES = ("translit", "rbnf")


def unwanted(item: str) -> bool:
    tree, name = (item.split("/", 1)[0] if "/" in item else ""), item.rsplit("/", 1)[-1]
    if tree in DROPPED_TREES or name == "unames.icu":
        return True
    if name.endswith((".cnv", ".spp", ".cfu")):  # legacy charsets, StringPrep profiles, spoof checks
        return True
    locale = LOCALE.match(item)
    return bool(locale) and locale.group(1) not in KEEP_LOCALES and not locale.group(1).startswith(("en", "zh"))


def data_of(library: Path) -> tuple[str, bytes]:
    """The name of the data symbol (icudtNN_dat) and its bytes, read from the library's .rodata."""
    symbols = subprocess.run(["readelf", "-s", "-W", str(library)], capture_output=True, text=True, check=True)
    match = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\w+\s+\d+\s+(icudt\d+_dat)\s*$",
                      symbols.stdout, re.M)
    if match is None:
        raise SystemExit(f"icu_data: no icudtNN_dat symbol in {library}")
    address, size, symbol = int(match[1], 16), int(match[2], 0), match[3]
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True)
    for line in sections.stdout.splitlines():
        parts = line.replace("[ ", "[").split()
        if ".rodata" in parts:
            i = parts.index(".rodata")
            start, offset = int(parts[i + 2], 16), int(parts[i + 3], 16)
            blob = library.read_bytes()[address - start + offset:][:size]
            return symbol, blob
    raise SystemExit(f"icu_data: no .rodata in {library}")


def trim(library: Path) -> tuple[int, int]:
    symbol, blob = data_of(library)
    name = symbol.removesuffix("_dat") + "l"  # icudt73l: the package name icupkg insists on
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        (work / "out").mkdir()
        full = work / "in" / f"{name}.dat"
        full.write_bytes(blob)
        items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout.split()
        (work / "remove.txt").write_text("\n".join(i for i in items if unwanted(i)) + "\n")
        trimmed = work / "out" / f"{name}.dat"
        subprocess.run(["icupkg", "-r", str(work / "remove.txt"), str(full), str(trimmed)], check=True,
                       capture_output=True)
        (work / "data.S").write_text(
            "    .section .rodata\n    .balign 16\n"
            f"    .globl {symbol}\n    .type {symbol}, @object\n{symbol}:\n"
            f"    .incbin \"{trimmed}\"\n    .size {symbol}, . - {symbol}\n"
            "    .section .note.GNU-stack,\"\",@progbits\n")
        built = work / library.name
        subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(built),
                        str(work / "data.S")], check=True)
        before = library.stat().st_size
        shutil.copyfile(built, library)
        return before, library.stat().st_size


def main(bundle: str) -> int:
    missing = [tool for tool in ("icupkg", "gcc", "readelf") if shutil.which(tool) is None]
    libraries = sorted(p for p in Path(bundle).rglob("libicudata.so.*") if p.is_file() and not p.is_symlink())
    if missing or not libraries:
        why = f"{', '.join(missing)} not found (apt install icu-devtools gcc binutils)" if missing else "no ICU data"
        print(f"icu_data: {why}: the bundle keeps Qt's full ICU data")
        return 0
    for library in libraries:
        before, after = trim(library)
        print(f"icu_data: {library.name} {before / 1e6:.1f} MB → {after / 1e6:.1f} MB (root, English and Chinese)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist/bpstudio"))
