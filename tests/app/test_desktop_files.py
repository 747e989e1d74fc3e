"""The desktop integration: the app icon (SVG and its PNG renderings), the .desktop file, the AppStream metainfo
and the shared-mime-info type for projects agree with each other and with the app."""

from __future__ import annotations

import configparser
import importlib.machinery
import importlib.util
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

import bpstudio
from bpstudio.app.window.launch import DESKTOP_ID, app_icon
from bpstudio.engine.resource_files import ICON_SIZES, icon_path, icons_dir

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
MIME = LINUX / f"{DESKTOP_ID}.mime.xml"
MIME_TYPE = "application/x-bpstudio-project"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive: Name[zh_CN], MimeType
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_icon_files_are_resources_of_the_package():
    assert icons_dir().is_dir()
    assert icon_path() == icons_dir() / "bpstudio.svg"
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["bpstudio.resources"]
    assert {"icons/*.svg", "icons/*.png"} <= set(package_data)
    with pytest.raises(ValueError):
        icon_path(17)


def test_svg_icon_renders():
    renderer = QSvgRenderer(str(icon_path()))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(512, 512)
    text = icon_path().read_text(encoding="utf-8")
    for needless in ("<text", "<filter", "<image", "font-family"):  # shapes only: renders the same everywhere
        assert needless not in text


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_size(size):
    image = QImage(str(icon_path(size)))
    assert not image.isNull(), icon_path(size)
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner is transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_png_icons_are_renderings_of_the_current_svg(qapp):
    """scripts/render-icons was run after the SVG last changed (a loose match: Qt versions antialias a little
    differently)."""
    loader = importlib.machinery.SourceFileLoader("render_icons", str(ROOT / "scripts" / "render-icons"))
    spec = importlib.util.spec_from_loader("render_icons", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    fresh = module.render(icon_path(), 64)
    stored = QImage(str(icon_path(64))).convertToFormat(QImage.Format.Format_ARGB32)
    total = 0
    for y in range(64):
        for x in range(64):
            a, b = fresh.pixelColor(x, y), stored.pixelColor(x, y)
            total += abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) + abs(
                a.alpha() - b.alpha())
    assert total / (64 * 64 * 4) < 2.0


def test_app_icon_has_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    available = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= available


def test_desktop_file_keys():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "BP Studio"
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key] and entry[f"{key}[zh_CN]"], key
    assert entry["Exec"] == "bpstudio %f"
    assert entry["Icon"] == DESKTOP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "BP Studio"  # Qt's WM_CLASS class on X11 is the application name
    assert "Education" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")
    assert entry["MimeType"].split(";") == [MIME_TYPE, ""]


def test_mime_type_for_projects():
    root = ET.parse(MIME).getroot()
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.bpsproj"]
    assert mime_type.find(f"{MIME_NS}icon").get("name") == DESKTOP_ID
    assert any(c.get(XML_LANG) == "zh_CN" for c in mime_type.findall(f"{MIME_NS}comment"))


def test_metainfo_matches_the_app_and_the_desktop_file():
    root = metainfo()
    entry = desktop_entry()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == entry["Name"]
    assert any(s.get(XML_LANG) == "zh-CN" for s in root.findall("summary"))
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == bpstudio.__version__
    assert root.findtext("provides/binary") == entry["Exec"].split()[0]
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findtext("developer/name") == "BP Studio"
    assert root.findall("description/p") and root.findall("description/ul/li")
    images = [i.text for i in root.findall("screenshots/screenshot/image")]
    assert len(images) == 3
    for url in images:  # each is a screenshot in this repository, at the address it will be published at
        relative = url.split("/main/", 1)[1]
        assert (ROOT / relative).is_file(), url


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip() and not done.stderr.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    for line in done.stdout.splitlines():  # infos and pedantic notes may stay; no errors or warnings
        assert not line.startswith(("E:", "W:")), done.stdout
