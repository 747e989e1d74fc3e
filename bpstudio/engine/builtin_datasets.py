"""The real datasets shipped with BP Studio (resources/datasets), read through the CSV importer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .csv_import import CsvTable, build_dataset, read_csv
from .datasets import Dataset
from .errors import ValidationError, require
from .i18n import translate
from .resource_files import resource_dir


@dataclass(frozen=True)
class Shipped:
    file: str  # in resources/datasets
    label: str | int  # the label column: its name, or its index when the file has no header
    scale: float = 1.0  # every input is divided by it (the digits' pixels 0 … 16 become 0 … 1)
    image: tuple[int, int] | None = None  # the inputs are the pixels of an image of this shape (rows, columns)


BUILTIN = {
    "iris": Shipped("iris.csv", "species"),
    "digits": Shipped("digits.csv.gz", 64, scale=16.0, image=(8, 8)),
}
IMAGE_INPUTS = {64: (8, 8)}  # a network with this many inputs shows its first-layer weights as pictures


def builtin_dataset(name: str, outputs: int, standardize: bool = False, field: str = "data") -> Dataset:
    """A real dataset shipped with BP Studio (see resources/datasets/README.md for sources and licences)."""
    table, shipped = _builtin_table(name, field)
    try:
        imported = build_dataset(table, None, shipped.label, "classes", standardize, outputs)
    except ValidationError as exc:
        raise ValidationError(field, exc.message) from None
    classes = len(imported.classes or ())
    require(imported.dataset.y.shape[1] == outputs, field, translate(
        "Datasets", "{name} has {classes} classes, so the output layer needs {classes} units, but it has "
        "{outputs}"), name=name, classes=classes, outputs=outputs)
    x = imported.dataset.x if standardize or shipped.scale == 1.0 else imported.dataset.x / shipped.scale
    return Dataset(x, imported.dataset.y, imported.dataset.labels, name)


def builtin_classes(name: str, field: str = "data") -> int:
    """The number of classes of a shipped dataset, known before the output layer is chosen."""
    table, shipped = _builtin_table(name, field)
    column = table.column(shipped.label)
    return len({row[column] for row in table.rows})


def image_shape(input_size: int) -> tuple[int, int] | None:
    """The picture a network's inputs make (64 inputs: an 8×8 image, as the digits are), or None."""
    return IMAGE_INPUTS.get(input_size)


def _builtin_table(name: str, field: str) -> tuple[CsvTable, Shipped]:
    require(name in BUILTIN, f"{field}.dataset", translate(
        "Datasets", "unknown dataset {name!r}; choose one of {choices}"), name=name, choices=", ".join(BUILTIN))
    return _read(BUILTIN[name].file), BUILTIN[name]


@lru_cache(maxsize=len(BUILTIN))
def _read(file: str) -> CsvTable:
    """A shipped file's table, read once (a table is immutable; the digits take a tenth of a second to read)."""
    return read_csv(resource_dir() / "datasets" / file)
