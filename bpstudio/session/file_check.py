"""A file the user asked to open, checked before anything else happens (before unsaved work is asked about), and
what it is not said in plain words: "a picture, not a project", never a parser's "Expecting value" or "'utf-8'
codec can't decode byte 0xfb". A file that is a project but has a wrong value keeps the engine's own message,
which already names the field."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from bpstudio.engine import BPStudioError, Project, load_project, load_snapshot
from bpstudio.engine.errors import FormatError
from bpstudio.engine.i18n import translate
from bpstudio.engine.project import PROJECT_FORMAT
from bpstudio.engine.snapshot_io import project_at_snapshot

SNIFF_BYTES = 4096  # enough of a file to tell a picture, an archive or a table from a project
MAGIC = {b"\x89PNG": "picture", b"\xff\xd8\xff": "picture", b"GIF8": "picture", b"%PDF": "pdf",
         b"PK\x03\x04": "archive", b"\x93NUMPY": "array"}


def _kind(head: bytes) -> str:
    """What the start of a file looks like: picture, pdf, archive, array, empty, binary, json, table or text."""
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return kind
    if not head.strip():
        return "empty"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sniffed bytes
            return "binary"
        text = head[:exc.start].decode("utf-8")
    if "\x00" in text:
        return "binary"
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in "{[":
        return "json"
    first = stripped.splitlines()[0] if stripped else ""
    return "table" if first.count(",") >= 1 or first.count(";") >= 1 or first.count("\t") >= 1 else "text"


def _not_a(name: str, kind: str) -> str:
    """"x is not a BP Studio project: …" for a file whose kind is known not to be one."""
    why = {
        "picture": translate("FileCheck", "it is a picture (an image file)."),
        "pdf": translate("FileCheck", "it is a PDF document."),
        "archive": translate("FileCheck", "it is a compressed archive. A snapshot (.npz) opens with File ▸ Open "
                                          "snapshot."),
        "array": translate("FileCheck", "it is a NumPy array file (.npy)."),
        "empty": translate("FileCheck", "the file is empty."),
        "binary": translate("FileCheck", "it is not a text file (it holds binary data, like a picture or a program)."),
        "table": translate("FileCheck", "it looks like a table of numbers (CSV). To train on it, use Choose CSV file… "
                                        "on the Data tab."),
        "text": translate("FileCheck", "it is a text file, but not in the JSON form projects are saved in."),
        "json": translate("FileCheck", "it holds JSON, but not a BP Studio project (projects are saved with "
                                       "File ▸ Save and start with \"format\": \"bpstudio-project\")."),
    }[kind]
    return translate("FileCheck", "{name} is not a BP Studio project: {why}").format(name=name, why=why)


def read_project_file(path: Path) -> Project:
    """The project in ``path``; a ``FormatError`` in plain words when the file is not one, or the engine's
    message (naming the field) when it is a project with a value BP Studio cannot take."""
    name = path.name
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise FormatError(translate("FileCheck", "{name} cannot be opened: there is no such file (moved or "
                                                 "deleted?).").format(name=name)) from None
    except IsADirectoryError:
        raise FormatError(translate("FileCheck", "{name} is a folder, not a project file.").format(name=name)) from None
    except OSError as exc:
        raise FormatError(translate("FileCheck", "{name} cannot be read: {reason}").format(
            name=name, reason=exc.strerror or exc)) from None
    kind = _kind(head)
    if kind != "json":
        raise FormatError(_not_a(name, kind))
    try:
        return load_project(path)
    except BPStudioError as exc:
        try:
            top = json.loads(path.read_bytes().decode("utf-8"))
        except (ValueError, OSError, RecursionError):
            raise FormatError(_not_a(name, "text")) from None
        if not isinstance(top, dict) or top.get("format") != PROJECT_FORMAT:
            raise FormatError(_not_a(name, "json")) from None
        raise FormatError(translate("FileCheck", "{name} is a BP Studio project, but it cannot be opened: "
                                                 "{error}").format(name=name, error=_without_path(exc, path))) from None


def read_snapshot_file(path: Path) -> Project:
    """The project at the stage a snapshot (.npz) holds; a ``FormatError`` in plain words when it is not one."""
    name = path.name
    if path.is_file() and not zipfile.is_zipfile(path):
        try:
            with open(path, "rb") as fh:
                kind = _kind(fh.read(SNIFF_BYTES))
        except OSError:
            kind = "binary"
        hint = translate("FileCheck", " It looks like a project: open it with File ▸ Open project.") \
            if kind == "json" else ""
        raise FormatError(translate("FileCheck", "{name} is not a BP Studio snapshot: snapshots are .npz files "
                                                 "saved with File ▸ Export.{hint}").format(name=name, hint=hint))
    try:
        return project_at_snapshot(load_snapshot(path))
    except BPStudioError as exc:
        raise FormatError(translate("FileCheck", "{name} cannot be opened as a snapshot: {error}").format(
            name=name, error=_without_path(exc, path))) from None


def _without_path(exc: Exception, path: Path) -> str:
    """The engine's message without the path it starts with (the sentence names the file already)."""
    text = str(exc)
    for prefix in (f"{path}: ", f"{path.name}: "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text
