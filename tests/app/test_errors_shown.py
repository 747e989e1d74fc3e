"""Nothing unexplained: a failed save (project, autosave, export) says so in the window; an exception nothing
caught is shown in a box with its details and the work stays; text from files is shown as text, never as HTML."""

from __future__ import annotations

import sys
import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bpstudio.app.forms.csv_import_dialog import CsvImportDialog
from bpstudio.app.window import export_actions, project_files
from bpstudio.app.window.error_box import ErrorBox
from bpstudio.engine.lesson_steps import Text
from bpstudio.engine.lessons import load_lesson, shipped_lessons

HEADING = "<h1>Big"  # (no closing tag: a file name holds no slash; Qt reads it as HTML all the same)


def boom(*_args, **_kwargs):
    raise ValueError("a value the writer did not expect")


def test_a_save_failing_for_any_reason_says_so_in_the_window(window, tmp_path, monkeypatch):
    window.actions_.finish.trigger()
    monkeypatch.setattr(project_files, "save_project", boom)
    assert not window.files.save_to(tmp_path / "mine.bpsproj")
    assert "Could not save mine.bpsproj: a value the writer did not expect" in window.messages.text()
    assert window.files.dirty and not (tmp_path / "mine.bpsproj").exists()


def test_an_export_failing_for_any_reason_says_so_in_the_window(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(export_actions, "write_text_atomically", boom)
    window.exports.torch_to(tmp_path / "net.py")
    qtbot.waitUntil(lambda: "Could not save net.py" in window.messages.text(), timeout=10_000)
    window.messages.hide()
    monkeypatch.setattr(export_actions, "save_snapshot", boom)
    assert not window.exports.snapshot_to(tmp_path / "stage.npz")
    assert "Could not save stage.npz: a value the writer did not expect" in window.messages.text()


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_exception_is_shown_with_its_details_and_the_work_stays(qtbot, window, capsys):
    w = window
    w.actions_.step.trigger()
    before = (w.state.snapshot.iteration, w.state.snapshot.position)
    errors = ErrorBox(w).install()
    try:
        assert sys.excepthook == errors.report

        def broken_slot() -> None:
            raise ZeroDivisionError("a slot divided by zero")

        QTimer.singleShot(0, broken_slot)  # raised where Qt calls Python: only sys.excepthook sees it
        qtbot.waitUntil(lambda: errors.box is not None and errors.box.isVisible(), timeout=5_000)
    finally:
        errors.uninstall()
    assert sys.excepthook != errors.report
    box = errors.box
    assert box.windowTitle() == "Unexpected error" and box.textFormat() == Qt.TextFormat.PlainText
    assert "ZeroDivisionError: a slot divided by zero" in box.text()
    assert "Traceback" in box.detailedText() and "broken_slot" in box.detailedText()
    assert "ZeroDivisionError" in capsys.readouterr().err  # still on stderr, for a bug report
    box.close()
    assert (w.state.snapshot.iteration, w.state.snapshot.position) == before  # the work is as it was
    w.actions_.step.trigger()  # and the app goes on
    assert w.state.snapshot.position == before[1] + 1


def _one_line_high(label) -> bool:
    """Not an <h1> (read as HTML it is 86 px tall): about one line of the label's font, wide enough for it all."""
    return label.heightForWidth(3000) < 2 * label.fontMetrics().lineSpacing()


def test_a_file_name_with_html_is_shown_as_text_in_the_message_bar(window, tmp_path):
    path = tmp_path / f"{HEADING}.bpsproj"
    path.write_text("not a project", encoding="utf-8")
    window.files.open_path(path)
    assert HEADING in window.messages.text() and "is not a BP Studio project" in window.messages.text()
    assert window.messages.label.textFormat() == Qt.TextFormat.PlainText and _one_line_high(window.messages.label)


def test_a_csv_with_html_is_shown_as_text_in_the_import_message(qtbot):
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.load_text(f"x,y\n{HEADING},a\n1,b\n2,a\n", f"{HEADING}.csv")  # the cell is quoted
    assert dialog.message_label.textFormat() == Qt.TextFormat.PlainText
    assert HEADING in dialog.message() and _one_line_high(dialog.message_label)


def test_a_lesson_title_with_html_is_shown_as_text(window):
    lesson = load_lesson(shipped_lessons()[0])
    panel = window.lessons.panel
    assert panel.start(replace(lesson, title=Text({"en": HEADING})))
    assert panel.title.text() == HEADING and _one_line_high(panel.title)


@pytest.mark.qt_no_exception_capture
def test_errors_from_another_thread_or_repeating_make_one_box_in_the_windows_thread(qtbot, window, capsys):
    errors = ErrorBox(window).install()
    try:
        def fail(n: int) -> None:
            try:
                raise ValueError(f"failure {n}")
            except ValueError:
                sys.excepthook(*sys.exc_info())  # as PySide does for an error in a slot of that thread

        worker = threading.Thread(target=lambda: [fail(n) for n in range(3)])
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: errors.box is not None and errors.more == 2, timeout=5_000)
    finally:
        errors.uninstall()
    assert errors.box.thread() is QApplication.instance().thread()
    assert "ValueError: failure 0" in errors.box.text() and "2 more errors" in errors.box.informativeText()
    assert [b for b in window.findChildren(QMessageBox) if b.isVisible()] == [errors.box]
    assert capsys.readouterr().err.count("ValueError: failure") == 3
    errors.box.close()
