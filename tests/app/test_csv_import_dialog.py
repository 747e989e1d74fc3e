"""The CSV import dialog previews the file, builds each choice at once, and says where a bad file is wrong."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from bpstudio.app.forms.csv_import_dialog import PREVIEW_ROWS, CsvImportDialog
from bpstudio.app.forms.csv_preview import BAD
from bpstudio.engine.resource_files import resource_dir

GOOD = "width,height,kind\n1.5,2,cat\n3,4.25,dog\n5,6,cat\n"


@pytest.fixture
def dialog(qtbot) -> CsvImportDialog:
    d = CsvImportDialog()
    qtbot.addWidget(d)
    d.show()
    return d


def cells(d: CsvImportDialog) -> list[list[str]]:
    m = d.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def row_numbers(d: CsvImportDialog) -> list[str]:
    return [d.model.headerData(r, Qt.Orientation.Vertical) for r in range(d.model.rowCount())]


def test_a_good_table_is_previewed_and_summarised(qtbot, dialog):
    assert dialog.load_text(GOOD, "pets.csv")
    assert cells(dialog) == [["1.5", "2", "cat"], ["3", "4.25", "dog"], ["5", "6", "cat"]]
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["width", "height", "kind"]
    assert row_numbers(dialog) == ["2", "3", "4"]  # as in the file, under its header row
    assert dialog.label_box.currentText() == "kind"
    assert dialog.feature_columns() == [0, 1]
    assert dialog.message() == "3 rows · 2 features · 2 classes: cat, dog"
    assert not dialog.message_is_error() and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.data() == {"x": [[1.5, 2.0], [3.0, 4.25], [5.0, 6.0]], "y": [[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]],
                             "features": ["width", "height"], "classes": ["cat", "dog"]}


def test_iris_from_disk_shows_its_first_rows(dialog):
    path = resource_dir() / "datasets" / "iris.csv"
    assert dialog.load_path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert dialog.model.rowCount() == PREVIEW_ROWS
    assert cells(dialog)[0] == lines[1].split(",") and cells(dialog)[-1] == lines[PREVIEW_ROWS].split(",")
    assert dialog.message() == "150 rows · 4 features · 3 classes: setosa, versicolor, virginica"
    dialog.standardize_box.setChecked(True)
    assert dialog.message() == "150 rows · 4 features · 3 classes: setosa, versicolor, virginica · standardised"
    assert abs(sum(row[0] for row in dialog.data()["x"])) < 1e-9  # mean 0


def test_label_column_kind_and_features_rebuild_at_once(dialog, tmp_path):
    path = tmp_path / "growth.csv"
    path.write_text("age,weight,height\n1,10.5,70.25\n2,12.0,80.5\n3,14.5,90.0\n", encoding="utf-8")
    assert dialog.load_path(path)
    assert dialog.message() == "3 rows · 2 features · numeric target “height” (regression)"
    assert dialog.data()["y"] == [[70.25], [80.5], [90.0]] and "classes" not in dialog.data()
    dialog.label_box.setCurrentIndex(0)  # age: whole numbers, so classes under auto
    assert not dialog.feature_list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled  # the label is not a feature
    assert dialog.feature_columns() == [1, 2]
    assert dialog.message() == "3 rows · 2 features · 3 classes: 1, 2, 3"
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("numeric"))
    assert dialog.message() == "3 rows · 2 features · numeric target “age” (regression)"
    dialog.feature_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.message() == "3 rows · 1 feature · numeric target “age” (regression)"
    assert dialog.data()["features"] == ["height"]
    dialog.feature_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.message() == "⚠ Choose at least one feature column"
    assert dialog.message_is_error() and not dialog.ok_button.isEnabled() and dialog.data() is None


@pytest.mark.parametrize("text, message, marked", [
    ("a,b,c\n1,2,x\n3,4\n", "⚠ Row 3: has 2 values, fewer than the 3 columns of row 1 (the header)", (2, None)),
    ("a,b,c\n1,2,x\n3,4,y,9\n", "⚠ Row 3: has 4 values, more than the 3 columns of row 1 (the header)", (2, None)),
    ("a,b,c\n1,2,x\n3,four,y\n", "⚠ Row 3: column 'b' holds 'four', not a number", (1, 1)),
    ("a,b,c\n1,2,x\n3,nan,y\n", "⚠ Row 3: column 'b' is 'nan' (NaN or infinity), not a number", (1, 1)),
    ("a,b,c\n1,inf,x\n3,4,y\n", "⚠ Row 2: column 'b' is 'inf' (NaN or infinity), not a number", (0, 1)),
    ("a,b,c\n1,,x\n3,4,y\n", "⚠ Row 2: column 'b' is empty", (0, 1)),
    ("a,b,c\n1,2,x\n3,4,x\n", "⚠ Column 'c': has only one class ('x'): nothing to tell apart", (None, 2)),
    ("", "⚠ The file is empty: no rows", None),
    ("a,b,c\n", "⚠ The file has a header but no data rows", None),
])
def test_each_bad_table_is_explained_and_cannot_be_imported(dialog, text, message, marked):
    assert not dialog.load_text(text, "bad.csv")
    assert dialog.message() == message
    assert dialog.message_is_error() and not dialog.ok_button.isEnabled() and dialog.data() is None
    if marked is not None:
        row, column = marked
        m = dialog.model
        if row is not None and column is not None:
            assert m.data(m.index(row, column), Qt.ItemDataRole.BackgroundRole) == BAD
            assert m.data(m.index(row, column), Qt.ItemDataRole.ToolTipRole) == message[2:]
        elif column is not None:  # the whole column
            assert all(m.data(m.index(r, column), Qt.ItemDataRole.BackgroundRole) == BAD for r in range(m.rowCount()))
        else:  # the row, in the raw preview (numbered from the file's first line)
            assert row_numbers(dialog)[row] == "3"
            assert m.data(m.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
            assert m.data(m.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_a_bad_file_on_disk_shows_its_rows(dialog, tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("a,b\n1,2\n3,4,5\n", encoding="utf-8")
    assert not dialog.load_path(path)
    assert dialog.message() == "⚠ Row 3: has 3 values, more than the 2 columns of row 1 (the header)"
    assert cells(dialog) == [["a", "b", None], ["1", "2", None], ["3", "4", "5"]]
    assert not dialog.load_path(tmp_path / "missing.csv")
    assert dialog.message() == f"⚠ {tmp_path / 'missing.csv'}: no such file"
    assert dialog.model.rowCount() == 0 and not dialog.ok_button.isEnabled()
    # a good file afterwards is accepted again
    path.write_text("a,b\n1,x\n3,y\n", encoding="utf-8")
    assert dialog.load_path(path) and dialog.ok_button.isEnabled()


def test_enter_in_the_path_field_loads_without_importing(qtbot, dialog, tmp_path):
    path = tmp_path / "pets.csv"
    path.write_text(GOOD, encoding="utf-8")
    dialog.path_edit.setFocus()
    dialog.path_edit.setText(str(path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.message() == "3 rows · 2 features · 2 classes: cat, dog"


def test_ok_asks_whether_the_data_fits_and_stays_open_when_not(qtbot):
    d = CsvImportDialog(check=lambda data: f"the network cannot take {len(data['features'])} inputs")
    qtbot.addWidget(d)
    d.show()
    d.load_text(GOOD)
    d.ok_button.click()
    assert d.isVisible() and d.result() != QDialog.DialogCode.Accepted
    assert d.message() == "⚠ Cannot use this data: the network cannot take 2 inputs"


def test_every_control_has_a_tooltip(dialog):
    controls = [dialog.path_edit, dialog.browse_button, dialog.preview, dialog.label_box, dialog.kind_box,
                dialog.standardize_box, dialog.feature_list, dialog.ok_button]
    assert all(c.toolTip() for c in controls)
    for i in range(dialog.kind_box.count()):
        assert dialog.kind_box.itemData(i, Qt.ItemDataRole.ToolTipRole)


def test_a_file_that_is_not_utf8_is_named_as_it_is_with_the_byte_counted_from_1(qtbot, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("x,y\n1,caf\xe9\n".encode("latin-1"))
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.load_path(path)
    assert dialog.message_is_error()
    assert "latin.csv is not UTF-8 text: byte 10 cannot start" in dialog.message()  # x,y⏎1,caf then é
    assert not dialog.ok_button.isEnabled()


def test_a_cell_over_the_csv_limit_is_refused_and_the_rows_before_it_shown(dialog, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("a,b\n1,2\n3," + "x" * 131_073 + "\n", encoding="utf-8")
    assert not dialog.load_path(path)
    assert dialog.message() == "⚠ Row 3: a cell is longer than 131,072 characters"
    assert cells(dialog) == [["a", "b"], ["1", "2"]]
