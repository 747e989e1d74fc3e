"""Where the shipped resources are: package data in a wheel or bundle, ./resources in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    return Path(str(resources.files("bpstudio.resources")))


def examples_dir() -> Path:
    return resource_dir() / "examples"


def example_path(name: str) -> Path:
    return examples_dir() / (name if name.endswith(".bpsproj") else f"{name}.bpsproj")


def schema_path() -> Path:
    return resource_dir() / "schema" / "project.schema.json"


def translations_dir() -> Path:
    """The compiled translations (``bpstudio_<lang>.qm``) and their sources (``.ts``)."""
    return resource_dir() / "i18n"
