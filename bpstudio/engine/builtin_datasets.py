"""The real datasets shipped with BP Studio (resources/datasets), read through the CSV importer."""

from __future__ import annotations

from .csv_import import CsvTable, build_dataset, read_csv
from .datasets import Dataset
from .errors import ValidationError, require
from .i18n import translate
from .resource_files import resource_dir

BUILTIN = {"iris": ("iris.csv", "species")}  # name: (file in resources/datasets, label column)


def builtin_dataset(name: str, outputs: int, standardize: bool = False, field: str = "data") -> Dataset:
    """A real dataset shipped with BP Studio (see resources/datasets/README.md for sources and licences)."""
    table, label = _builtin_table(name, field)
    try:
        imported = build_dataset(table, None, label, "classes", standardize, outputs)
    except ValidationError as exc:
        raise ValidationError(field, exc.message) from None
    classes = len(imported.classes or ())
    require(imported.dataset.y.shape[1] == outputs, field, translate(
        "Datasets", "{name} has {classes} classes, so the output layer needs {classes} units, but it has "
        "{outputs}"), name=name, classes=classes, outputs=outputs)
    return Dataset(imported.dataset.x, imported.dataset.y, imported.dataset.labels, name)


def builtin_classes(name: str, field: str = "data") -> int:
    """The number of classes of a shipped dataset, known before the output layer is chosen."""
    table, label = _builtin_table(name, field)
    column = table.column(label)
    return len({row[column] for row in table.rows})


def _builtin_table(name: str, field: str) -> tuple[CsvTable, str]:
    require(name in BUILTIN, f"{field}.dataset", translate(
        "Datasets", "unknown dataset {name!r}; choose one of {choices}"), name=name, choices=", ".join(BUILTIN))
    file, label = BUILTIN[name]
    return read_csv(resource_dir() / "datasets" / file), label
