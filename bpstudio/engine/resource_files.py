"""Where the shipped resources are: package data in a wheel or bundle, ./resources in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    folder = resources.files("bpstudio.resources")
    if isinstance(folder, Path):
        return folder
    # a reader that is not a plain folder (a namespace or zip import): the package's own location
    import bpstudio.resources as package

    return Path(package.__file__).parent if getattr(package, "__file__", None) else Path(str(folder))


def examples_dir() -> Path:
    return resource_dir() / "examples"


def example_path(name: str) -> Path:
    return examples_dir() / (name if name.endswith(".bpsproj") else f"{name}.bpsproj")


def schema_path() -> Path:
    return resource_dir() / "schema" / "project.schema.json"


def translations_dir() -> Path:
    """The compiled translations (``bpstudio_<lang>.qm``) and their sources (``.ts``)."""
    return resource_dir() / "i18n"


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icons_dir() -> Path:
    """The app icon: ``bpstudio.svg`` and its renderings ``bpstudio-<size>.png`` (scripts/render-icons)."""
    return resource_dir() / "icons"


def icon_path(size: int | None = None) -> Path:
    """The SVG icon, or its PNG rendering of ``size`` × ``size`` pixels (one of ``ICON_SIZES``)."""
    if size is None:
        return icons_dir() / "bpstudio.svg"
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; there are {', '.join(map(str, ICON_SIZES))}")
    return icons_dir() / f"bpstudio-{size}.png"
