"""CSV import: a table of samples → inputs and targets, or a message naming the row and column at fault.

Reading and building are separate so the UI can preview the table and let the user pick the feature
and label columns before anything is built. Nothing is half-loaded: every check runs before a
``Dataset`` exists. Rows and columns in messages are counted from 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import os
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .datasets import Dataset
from .errors import ValidationError, require
from .i18n import translate

MAX_BYTES = 50_000_000
MAX_CLASSES = 100
MAX_CELL = csv.field_size_limit()  # characters in one cell (the csv module's limit, 131 072)
# a number as a spreadsheet writes it; Python's float() also takes "1_000", "nan", "infinity" and other scripts' digits
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]  # column names (made up as "column 1" … when the file has no header row)
    rows: tuple[tuple[str, ...], ...]  # the cells as text, every row as wide as the header
    first_data_line: int  # the file line of rows[0], for messages
    lines: tuple[int, ...] = ()  # the file line of every row (blank lines are skipped, so they may jump)

    def line(self, r: int) -> int:
        """The file line of rows[r], counted from 1 as a spreadsheet shows it."""
        return self.lines[r] if self.lines else self.first_data_line + r

    def column(self, name_or_index: str | int) -> int:
        if isinstance(name_or_index, int):
            require(0 <= name_or_index < len(self.header), "columns", translate(
                "CsvImport", "there is no column {number} (the file has {count})"),
                number=name_or_index + 1, count=len(self.header))
            return name_or_index
        require(name_or_index in self.header, "columns",
                translate("CsvImport", "there is no column named {name!r}"), name=name_or_index)
        return self.header.index(name_or_index)


@dataclass(frozen=True)
class ImportedData:
    dataset: Dataset
    features: tuple[str, ...]
    label: str
    classes: tuple[str, ...] | None  # class names in target order; None for a numeric (regression) target
    mean: np.ndarray | None  # per feature, when standardised
    std: np.ndarray | None


def read_csv(path: str | os.PathLike[str]) -> CsvTable:
    path = Path(path)
    try:
        require(path.stat().st_size <= MAX_BYTES, "file", translate("CsvImport", "{file} is larger than {most} MB"),
                file=path.name, most=MAX_BYTES // 1_000_000)
        text = _gunzipped(path) if path.suffix == ".gz" else path.read_text(encoding="utf-8-sig")
    except (gzip.BadGzipFile, EOFError, zlib.error):
        raise ValidationError("file", translate("CsvImport", "{file} is not a complete gzip file").format(
            file=path.name)) from None
    except FileNotFoundError:
        raise ValidationError("file", translate("CsvImport", "{path}: no such file").format(path=path)) from None
    except UnicodeDecodeError as exc:  # counted from 1, as the rows are
        raise ValidationError("file", translate(
            "CsvImport", "{file} is not UTF-8 text: byte {byte} cannot start or continue a character. Save it "
            "as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again").format(
            file=path.name, byte=exc.start + 1)) from None
    except IsADirectoryError:
        raise ValidationError("file", translate("CsvImport", "{file} is a folder, not a file").format(
            file=path.name)) from None
    except PermissionError:
        raise ValidationError("file", translate("CsvImport", "{file} cannot be read: permission denied").format(
            file=path.name)) from None
    except OSError as exc:
        raise ValidationError("file", translate("CsvImport", "{file} cannot be read ({reason})").format(
            file=path.name, reason=exc.strerror)) from None
    return parse_csv(text)


def _gunzipped(path: Path) -> str:
    """A gzipped CSV file's text; no more than ``MAX_BYTES`` are unpacked, however small the file."""
    with gzip.open(path, "rb") as file:
        data = file.read(MAX_BYTES + 1)
    require(len(data) <= MAX_BYTES, "file", translate("CsvImport", "{file} is larger than {most} MB"),
            file=path.name, most=MAX_BYTES // 1_000_000)
    return data.decode("utf-8-sig")


def parse_csv(text: str) -> CsvTable:
    """Split into cells. The first row is a header when any of its cells is not a number."""
    lines = raw_rows(text)
    numbered = [(i + 1, [c.strip() for c in row]) for i, row in enumerate(lines)]
    numbered = [(n, row) for n, row in numbered if any(row)]  # blank lines are not samples
    require(numbered, "file", translate("CsvImport", "the file is empty: no rows"))
    first_line, first = numbered[0]
    has_header = any(not _parses(c) for c in first)  # "nan" in a first data row is data, not a name
    width = len(first)
    body = numbered[1:] if has_header else numbered
    require(body, "file", translate("CsvImport", "the file has a header but no data rows"))
    for n, row in body:
        if len(row) != width:
            raise ValidationError(f"row {n}", _ragged(len(row), width, has_header).format(
                count=len(row), width=width, line=first_line))
    header = tuple(c or f"column {i + 1}" for i, c in enumerate(first)) if has_header else tuple(
        f"column {i + 1}" for i in range(width))
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise ValidationError(f"row {first_line}", translate(
            "CsvImport", "the column name {name!r} appears twice").format(name=dup), column=dup)
    return CsvTable(header, tuple(tuple(row) for _, row in body), body[0][0], tuple(n for n, _ in body))


def _ragged(count: int, width: int, has_header: bool) -> str:
    """The message for a row of ``count`` cells in a table ``width`` wide, with fields to fill."""
    if count > width:
        if has_header:
            return translate("CsvImport",
                             "has {count} values, more than the {width} columns of row {line} (the header)")
        return translate("CsvImport", "has {count} values, more than the {width} columns of row {line}")
    if has_header:
        return translate("CsvImport",
                         "has {count} values, fewer than the {width} columns of row {line} (the header)")
    return translate("CsvImport", "has {count} values, fewer than the {width} columns of row {line}")


def raw_rows(text: str, partial: bool = False) -> list[list[str]]:
    """The file's rows as cells, unchecked (a preview can show a ragged file). Semicolons or tabs separate
    the cells when the first line has them and no comma (spreadsheets that write decimal commas do that).
    A line the csv module cannot split (a cell over ``MAX_CELL`` characters, a NUL) is a ValidationError naming
    it; with ``partial`` (a preview), the rows before it."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ","
    if "," not in first:
        delimiter = max(";\t", key=first.count) if any(d in first for d in ";\t") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        if partial:
            return rows
        if "field larger than field limit" in str(exc):
            message = translate("CsvImport", "a cell is longer than {most:,} characters").format(most=MAX_CELL)
        else:
            message = translate("CsvImport", "cannot be split into cells ({reason})").format(reason=exc)
        raise ValidationError(f"row {reader.line_num}", message) from None
    return rows


def build_dataset(table: CsvTable, features: Sequence[str | int] | None, label: str | int, kind: str = "auto",
                  standardize: bool = False, outputs: int | None = None) -> ImportedData:
    """Inputs from the feature columns, targets from the label column.

    ``kind``: "classes" (one-hot, or 0/1 for two classes when ``outputs`` is 1), "numeric" (the
    value itself, for regression), or "auto" (numeric labels that are whole numbers, and any text,
    are classes; other numbers are a regression target).
    """
    label_col = table.column(label)
    feature_cols = [table.column(f) for f in features] if features is not None else [
        i for i in range(len(table.header)) if i != label_col]
    require(feature_cols, "features", translate("CsvImport", "choose at least one feature column"))
    require(label_col not in feature_cols, "features", translate(
        "CsvImport", "{name!r} is the label; it cannot also be a feature"), name=table.header[label_col])
    x = np.empty((len(table.rows), len(feature_cols)))
    for r, row in enumerate(table.rows):
        for j, c in enumerate(feature_cols):
            x[r, j] = _number(row[c], table.line(r), table.header[c])
    labels = [row[label_col] for row in table.rows]
    name = table.header[label_col]
    for r, value in enumerate(labels):
        if value == "":
            raise ValidationError(f"row {table.line(r)}", translate(
                "CsvImport", "column {name!r} is empty (no label)").format(name=name), column=name)
        if NOT_FINITE.fullmatch(value) or (NUMBER.fullmatch(value) and not math.isfinite(float(value))):
            # a missing value as numpy writes it (or an overflow), never a class of its own
            raise ValidationError(f"row {table.line(r)}", translate(
                "CsvImport", "column {name!r} is {value!r} (NaN or infinity), not a label").format(
                name=name, value=value), column=name)
    numeric = all(_is_number(v) for v in labels)
    if kind == "auto":
        kind = "classes" if not numeric or all(float(v).is_integer() for v in labels) else "numeric"
    if kind == "numeric":
        if not numeric:
            bad = next(r for r, v in enumerate(labels) if not _is_number(v))
            raise ValidationError(f"row {table.line(bad)}", translate(
                "CsvImport", "column {name!r} holds {value!r}, not a number").format(
                name=name, value=labels[bad]), column=name)
        y = np.array([[_number(v, table.line(r), name)] for r, v in enumerate(labels)])
        classes = label_index = None
    elif kind == "classes":
        if numeric:  # "1" and "1.0" are one class, named as first written, in the order of their values
            spelling: dict[float, str] = {}
            for v in labels:
                spelling.setdefault(float(v), v)
            labels = [spelling[float(v)] for v in labels]
            names = [spelling[k] for k in sorted(spelling)]
        else:
            names = sorted(set(labels))
        if len(names) < 2:
            raise ValidationError(f"column {name!r}", translate(
                "CsvImport", "has only one class ({value!r}): nothing to tell apart").format(value=names[0]),
                column=name)
        if len(names) > MAX_CLASSES:
            raise ValidationError(f"column {name!r}", translate(
                "CsvImport", "has {count} different values; at most {most} classes").format(
                count=len(names), most=MAX_CLASSES), column=name)
        index = {v: i for i, v in enumerate(names)}
        label_index = np.array([index[v] for v in labels])
        if outputs == 1 and len(names) == 2:
            y = label_index.astype(np.float64)[:, None]
        else:
            y = np.eye(len(names))[label_index]
        classes = tuple(names)
    else:
        raise ValidationError("kind", translate(
            "CsvImport", "must be auto, classes or numeric, got {kind!r}").format(kind=kind))
    mean = std = None
    if standardize:
        mean, std = x.mean(axis=0), x.std(axis=0)
        constant = [table.header[c] for c, s in zip(feature_cols, std, strict=True) if s == 0]
        if constant:
            raise ValidationError(f"column {constant[0]!r}", translate(
                "CsvImport", "has the same value in every row, so it cannot be standardised"), column=constant[0])
        x = (x - mean) / std
    dataset = Dataset(x, y, label_index, "csv")
    return ImportedData(dataset, tuple(table.header[c] for c in feature_cols), name, classes, mean, std)


def _parses(text: str) -> bool:
    """A number, finite or not (so a first row holding "nan" is data, not a header)."""
    return bool(NUMBER.fullmatch(text) or NOT_FINITE.fullmatch(text))


def _is_number(text: str) -> bool:
    return bool(NUMBER.fullmatch(text)) and math.isfinite(float(text))


def _number(text: str, line: int, column: str) -> float:
    if text == "":
        message = translate("CsvImport", "column {name!r} is empty")
    elif NOT_FINITE.fullmatch(text):
        message = translate("CsvImport", "column {name!r} is {value!r} (NaN or infinity), not a number")
    elif not NUMBER.fullmatch(text):
        message = translate("CsvImport", "column {name!r} holds {value!r}, not a number")
    elif not math.isfinite(value := float(text)):  # 1e999 overflows to infinity
        message = translate("CsvImport", "column {name!r} holds {value!r}, too large for a number")
    else:
        return value
    raise ValidationError(f"row {line}", message.format(name=column, value=text), column=column)
