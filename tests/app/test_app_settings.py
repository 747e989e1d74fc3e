"""What the studio remembers between sessions (recent projects, window layout, digits) lives in one INI file
under the test session's throwaway config folder, never the user's."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from bpstudio.app.widgets import app_settings
from bpstudio.app.window.recent_menu import RecentFilesMenu
from bpstudio.engine import load_project
from bpstudio.engine.resource_files import example_path


def copies(tmp_path: Path, count: int, name: str = "seed003_2-2-1") -> list[Path]:
    paths = [tmp_path / f"project{i}.bpsproj" for i in range(count)]
    for path in paths:
        shutil.copyfile(example_path(name), path)
    return paths


def test_the_settings_file_is_under_the_temporary_config_folder():
    config = Path(os.environ["XDG_CONFIG_HOME"]).resolve()
    store = app_settings.settings()
    store.setValue("test/written", 1)
    store.sync()
    where = Path(store.fileName()).resolve()
    assert where == config / "BP Studio" / "BP Studio.ini" and where.is_file()
    assert not where.is_relative_to(Path.home() / ".config")


def test_recent_files_most_recent_first_once_each(tmp_path):
    a, b, c = copies(tmp_path, 3)
    assert app_settings.recent_files() == []
    for path in (a, b, c, a):
        app_settings.add_recent_file(path)
    assert app_settings.recent_files() == [a, c, b]
    app_settings.add_recent_file(tmp_path / "." / b.name)  # the same file, spelled differently
    assert app_settings.recent_files() == [b, a, c]


def test_recent_files_keep_eight_and_drop_missing_ones(tmp_path):
    paths = copies(tmp_path, 10)
    for path in paths:
        app_settings.add_recent_file(path)
    assert app_settings.recent_files() == paths[::-1][:8]
    paths[8].unlink()
    assert app_settings.recent_files() == [paths[9], *paths[7:1:-1]]
    app_settings.add_recent_file(paths[0])  # a missing file also leaves the stored list
    assert len(app_settings._stored_recent(app_settings.settings())) == 8
    assert app_settings.recent_files()[0] == paths[0]


def test_a_single_recent_file_survives_the_ini_round_trip(tmp_path):
    (a,) = copies(tmp_path, 1)
    app_settings.add_recent_file(a)
    app_settings.settings().sync()
    assert app_settings.recent_files() == [a]


def test_the_menu_lists_the_files_and_clears_the_list(qtbot, tmp_path):
    a, b = copies(tmp_path, 2)
    weird = tmp_path / "fish & chips.bpsproj"
    shutil.copyfile(a, weird)
    for path in (a, b, weird):
        app_settings.add_recent_file(path)
    menu = RecentFilesMenu()
    qtbot.addWidget(menu)
    assert menu.title() == "Open &recent"
    menu.aboutToShow.emit()
    entries = menu.file_actions()
    assert [e.text() for e in entries] == ["&1 fish && chips.bpsproj", "&2 project1.bpsproj", "&3 project0.bpsproj"]
    assert entries[1].toolTip() == str(tmp_path) and entries[1].statusTip() == str(b)
    with qtbot.waitSignal(menu.fileChosen) as chosen:
        entries[2].trigger()
    assert chosen.args == [a]
    assert menu.clear_action.isEnabled()
    menu.clear_action.trigger()
    assert app_settings.recent_files() == [] and menu.file_actions() == []
    assert not menu.clear_action.isEnabled()


def test_opening_from_the_menu_opens_the_project_and_keeps_it_on_top(open_window, tmp_path):
    w = open_window()
    mine = tmp_path / "mine.bpsproj"
    shutil.copyfile(example_path("xor_tanh"), mine)
    (other,) = copies(tmp_path, 1)
    app_settings.add_recent_file(mine)
    app_settings.add_recent_file(other)
    w.menus.recent.aboutToShow.emit()
    assert w.menus.recent.menuAction() in w.menus.file.actions()
    w.menus.recent.file_actions()[1].trigger()  # mine.bpsproj
    assert w.files.path == mine and w.state.project.name == load_project(mine).name
    assert app_settings.recent_files() == [mine, other]
    w.files.open_path(example_path("seed000_output_layer"))  # built-in examples are not listed
    assert app_settings.recent_files() == [mine, other]
    w.close()


def test_a_project_that_cannot_be_opened_is_not_listed(open_window, tmp_path):
    w = open_window()
    bad = tmp_path / "bad.bpsproj"
    bad.write_text("{ not json", encoding="utf-8")
    w.files.open_path(bad)
    assert app_settings.recent_files() == []
    w.close()


def test_a_saved_project_is_listed(open_window, tmp_path, monkeypatch):
    w = open_window()
    path = tmp_path / "saved.bpsproj"
    monkeypatch.setattr("bpstudio.app.window.project_files.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(path), ""))
    w.files.save_as_action.trigger()
    assert path.is_file() and app_settings.recent_files() == [path]
    w.close()


def test_the_dock_layout_and_size_come_back_in_the_next_window(open_window):
    w = open_window()
    assert w.equation_dock.isVisible()
    w.equation_dock.hide()
    default = w.size()
    w.resize(w.width() - 150, w.height() - 50)
    size = w.size()
    assert size != default
    w.close()
    again = open_window()
    assert again.equation_dock.isHidden() and again.stage_dock.isVisible()
    assert again.size() == size
    again.close()


def test_a_cancelled_close_stores_nothing(open_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from bpstudio.app.window.project_files import ProjectFiles

    w = open_window()
    w.actions_.finish.trigger()  # unsaved work: closing asks
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: QMessageBox.StandardButton.Cancel)
    w.close()
    assert w.isVisible() and app_settings.settings().value(app_settings.STATE_KEY) is None
    monkeypatch.setattr(ProjectFiles, "ask", lambda self: QMessageBox.StandardButton.Discard)
    w.close()
    assert app_settings.settings().value(app_settings.STATE_KEY) is not None


def test_the_digits_are_a_preference(open_window):
    w = open_window()
    assert w.matrices.precision() == app_settings.DEFAULT_PRECISION
    w.window_actions.more_digits.trigger()
    w.window_actions.more_digits.trigger()
    assert app_settings.precision() == app_settings.DEFAULT_PRECISION + 2
    w.close()
    again = open_window()
    assert again.matrices.precision() == app_settings.DEFAULT_PRECISION + 2
    assert again.equations._precision == app_settings.DEFAULT_PRECISION + 2
    again.close()


@pytest.mark.parametrize("stored", ["99", "many", ""])
def test_a_bad_stored_precision_falls_back_to_the_default(stored):
    app_settings.settings().setValue(app_settings.PRECISION_KEY, stored)
    assert app_settings.precision() == app_settings.DEFAULT_PRECISION


@pytest.mark.parametrize("geometry, state", [
    ("not bytes at all", 42),
    (QByteArray(b"\x00\x01garbage"), QByteArray(b"more garbage")),
])
def test_a_corrupted_stored_layout_is_ignored(open_window, geometry, state):
    store = app_settings.settings()
    store.setValue(app_settings.GEOMETRY_KEY, geometry)
    store.setValue(app_settings.STATE_KEY, state)
    store.sync()
    w = open_window()
    assert w.equation_dock.isVisible() and w.state is not None
    w.close()
    assert isinstance(app_settings.settings().value(app_settings.GEOMETRY_KEY), QByteArray)  # rewritten whole
