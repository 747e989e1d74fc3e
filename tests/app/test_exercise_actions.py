"""File ▸ Export ▸ Exercise sheets… and File ▸ Open exercise… in the window (issue 17, item 2): the dialog writes
the sheets it was asked for, in the language chosen, and a code opens exactly its variant, whose numbers are the
key's."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from bpstudio.app.look.language import engine_translator
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.i18n import translate, translating
from bpstudio.engine.text.exercise_sheets import SheetRequest, write_sheets
from bpstudio.engine.text.notation import format_number


def menu_texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in menu.actions()]


def test_the_file_menu_offers_both(window):
    file_menu = window.menus.file
    assert "Open exerc&ise…" in menu_texts(file_menu)
    export = next(a.menu() for a in file_menu.actions() if a.menu() is not None and a.text() == "E&xport")
    assert "Exercise sheets with answer keys…" in menu_texts(export)


def test_the_dialog_writes_the_chosen_parts_in_chinese_and_the_window_stays_english(qtbot, window, tmp_path):
    ex = window.menus.exercises
    seen = {}

    def fill() -> None:
        d = ex.dialog
        seen["note"] = d.note.text()
        d.count.setValue(3)
        d.seed.setValue(12)
        d.parts["Z"].setChecked(False)
        d.parts["A"].setChecked(False)
        d.formats["tex"].setChecked(False)
        d.language.setCurrentIndex(d.language.findData("zh_CN"))
        d.folder.setText(str(tmp_path))
        seen["note after"] = d.note.text()
        d.accept()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(ex.written, timeout=30_000) as done:
        ex.export_action.trigger()
    assert "the project's network, 2-2-1" in seen["note"]
    assert re.search(r"BP1-12-1-2S2S1-Q-LDWBU-[A-Z2-9]", seen["note after"])
    assert sorted(p.name for p in done.args[0]) == ["answer-key.html", "answer-key.md", "exercises.html",
                                                    "exercises.md"]
    key = (tmp_path / "answer-key.html").read_text(encoding="utf-8")
    sheet = (tmp_path / "exercises.md").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in key and "答案" in key and "Answers" not in key
    assert "练习" in sheet and "Tasks" not in sheet and sheet.count("BP1-12-") == 6  # heading and check line
    assert translate("Exercises", "Answers") == "Answers"  # the window's own language is untouched
    assert "3" in window.statusBar().currentMessage() and str(tmp_path) in window.statusBar().currentMessage()


def test_a_big_project_is_told_its_variants_use_a_small_network(qtbot, open_window):
    w = open_window("iris_softmax")
    ex = w.menus.exercises
    seen = {}

    def look() -> None:
        d = ex.dialog
        save = d.buttons.button(QDialogButtonBox.StandardButton.Save)
        seen["note"] = d.note.text()
        d.parts["U"].setChecked(False)
        seen["code"] = d.note.text()
        for box in d.parts.values():
            box.setChecked(False)
        seen["none"] = (d.note.text(), save.isEnabled())
        d.parts["L"].setChecked(True)
        d.folder.setText("")
        seen["no folder"] = save.isEnabled()
        d.reject()

    QTimer.singleShot(0, look)
    ex.export_action.trigger()
    assert "4-8-3, is too big to compute by hand: the variants use 2-2-2" in seen["note"]
    assert "2T2M2-C-ZALDWB-" in seen["code"]
    assert "Choose at least one thing to compute." in seen["none"][0] and not seen["none"][1]
    assert not seen["no folder"]


def test_a_code_opens_exactly_its_variant_and_its_numbers_are_the_keys(qtbot, window, tmp_path):
    write_sheets(tmp_path, SheetRequest(resolve_project("seed003_2-2-1").network, count=1, seed=5, formats=("md",)))
    key = (tmp_path / "answer-key.md").read_text(encoding="utf-8")
    code = re.search(r"code (BP1-\S+)", key).group(1)
    ex = window.menus.exercises
    seen = {}

    def type_codes() -> None:
        d = ex.dialog
        open_button = d.buttons.button(QDialogButtonBox.StandardButton.Open)
        d.code_edit.setText(code[:-1] + ("A" if code[-1] != "A" else "B"))  # the check letter mistyped
        seen["bad"] = (d.status.text(), open_button.isEnabled())
        d.code_edit.setText("hello")
        seen["not a code"] = d.status.text()
        d.code_edit.setText(code.lower())
        seen["good"] = (d.status.text(), open_button.isEnabled())
        d.accept()

    QTimer.singleShot(0, type_codes)
    ex.open_action.trigger()
    assert seen["bad"] == ("the code's check letter does not match: a character was mistyped or left out", False)
    assert "is not an exercise code" in seen["not a code"]
    assert seen["good"][1] and "Exercise 1 of the sheet with seed 5: network 2-2-1" in seen["good"][0]
    qtbot.waitUntil(lambda: window.state.project.name == f"Exercise {code}", timeout=10_000)
    assert window.windowTitle().startswith(f"BP Studio — Exercise {code}")
    answers = key.split("### Answers", 1)[1].split("### Worked steps", 1)[0]
    for _ in range(6):  # forward 1, forward 2, loss, backward 2, backward 1, update
        window.actions_.step.trigger()
    qtbot.waitUntil(lambda: window.state.snapshot.position == 6, timeout=10_000)
    snap = window.state.snapshot
    for value in (snap.get("dW", 1), snap.get("db", 2), snap.get("W", 2), snap.get("z", 1), snap.get("a", 2)):
        assert all(format_number(v, 4) in answers for v in value.ravel())


def test_a_chinese_sheet_from_the_command_line_translator():
    translator = engine_translator("zh_CN")
    assert translator is not None
    with translating(translator):
        assert translate("Exercises", "Answers") == "答案"
        assert translate("Exercises", "Worked steps") != "Worked steps"
    assert translate("Exercises", "Answers") == "Answers"
