"""The gradient-check view shows a GradCheckResult's own numbers: one row per parameter array, the worst
entries, pass in green and fail in red, and a summary that counts them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QTableView

from bpstudio.app.training.gradcheck_rows import FAIL_COLOUR, PASS_COLOUR, format_error, format_gradient
from bpstudio.app.training.gradcheck_view import WORST_COUNT, GradCheckView, preview_view
from bpstudio.engine import gradient_check, load_project
from bpstudio.engine.backprop import Plan
from bpstudio.engine.gradcheck import TOLERANCE, GradCheckEntry, GradCheckResult
from bpstudio.engine.resource_files import example_path

DISPLAY, USER, BACKGROUND = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.BackgroundRole


def failing_example() -> GradCheckResult:
    """A hand-made result with two disagreeing entries (a forgotten f′(z) in layer 1)."""
    entries = []
    for layer, name, shape in ((1, "W", (2, 2)), (1, "b", (2, 1)), (2, "W", (1, 2)), (2, "b", (1, 1))):
        for r in range(shape[0]):
            for c in range(shape[1]):
                numeric = 0.01 * (1 + r + 2 * c + 3 * layer) * (-1) ** (r + c)
                backprop = numeric * (1 + 3e-11 * (r + c + 1))
                if layer == 1 and name == "W" and c == 1:
                    backprop = numeric * 4.2
                entries.append(GradCheckEntry(layer, name, (r, c), backprop, numeric,
                                              abs(backprop - numeric) / max(abs(backprop), abs(numeric))))
    return GradCheckResult(0.6931, tuple(entries), TOLERANCE)


@pytest.fixture(scope="module")
def passing() -> GradCheckResult:
    project = load_project(example_path("xor_tanh"))
    stepper = project.stepper()
    x, y = stepper.current_batch()
    return gradient_check(Plan.of(project.network), stepper.parameters, x, y)


@pytest.fixture
def view(qtbot) -> GradCheckView:
    v = GradCheckView()
    qtbot.addWidget(v)
    v.resize(400, 560)
    v.show()
    return v


def cells(table: QTableView, role=DISPLAY) -> list[list[object]]:
    m = table.model()
    return [[m.data(m.index(r, c), role) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_formats():
    assert format_error(3.2e-10) == "3.2e-10"
    assert format_error(0.7634) == "7.6e-1"
    assert format_error(0.0) == "0"
    assert format_gradient(0.0020583726) == "0.00205837"
    assert format_gradient(1.5e-9) == "1.5e-9"


def test_parameter_table_equals_per_parameter(view, passing):
    assert passing.passed
    view.show_result(passing, "iteration 1, batch 1 of 1")
    per = passing.per_parameter()
    assert len(per) == 4  # W¹ b¹ W² b²
    counts = {}
    for e in passing.entries:
        counts[(e.layer, e.name)] = counts.get((e.layer, e.name), 0) + 1
    shown = cells(view.parameter_table)
    values = cells(view.parameter_table, USER)
    for (layer, name, err, ok), row, value in zip(per, shown, values, strict=True):
        symbol = name + "¹²"[layer - 1]
        assert row == [symbol, str(counts[(layer, name)]), format_error(err), "pass"]
        assert value == [symbol, counts[(layer, name)], err, ok]
    assert [r[0] for r in shown] == ["W¹", "b¹", "W²", "b²"]
    n = len(passing.entries)
    assert view.summary_label.text() == (f"All {n} gradients agree (largest relative error "
                                         f"{format_error(passing.max_error)})")
    assert view.where_label.text().startswith("Checked at iteration 1, batch 1 of 1 · loss ")
    assert {c.name() for row in cells(view.parameter_table, BACKGROUND) for c in row} == {PASS_COLOUR.name()}


def test_pass_and_fail_rows_have_different_colours(view):
    result = failing_example()
    assert not result.passed
    view.show_result(result)
    per = result.per_parameter()
    shown = cells(view.parameter_table)
    backgrounds = cells(view.parameter_table, BACKGROUND)
    assert [row[3] for row in shown] == ["pass" if ok else "fail" for *_, ok in per]
    assert shown[0][3] == "fail" and shown[1][3] == "pass"
    for (*_, ok), row in zip(per, backgrounds, strict=True):
        assert {c.name() for c in row} == {(PASS_COLOUR if ok else FAIL_COLOUR).name()}
    assert PASS_COLOUR.name() != FAIL_COLOUR.name()
    bad = sum(1 for e in result.entries if e.rel_error >= result.tolerance)
    assert bad == 2
    assert view.summary_label.text() == (f"2 of {len(result.entries)} disagree (largest relative error "
                                         f"{format_error(result.max_error)}, tolerance 1e-7); failing: W¹")


def test_worst_entries_match_result_worst(view):
    result = failing_example()
    view.show_result(result)
    worst = result.worst(WORST_COUNT)
    shown = cells(view.worst_table)
    values = cells(view.worst_table, USER)
    assert len(shown) == len(worst) == WORST_COUNT
    for e, row, value in zip(worst, shown, values, strict=True):
        symbol = e.name + "¹²"[e.layer - 1]
        index = (e.index[0] + 1, e.index[1] + 1)  # 1-based, as the panels show
        assert row == [symbol, f"({index[0]}, {index[1]})", format_gradient(e.backprop), format_gradient(e.numeric),
                       format_error(e.rel_error)]
        assert value == [symbol, index, e.backprop, e.numeric, e.rel_error]
    assert shown[0][:2] == ["W¹", "(1, 2)"] and shown[1][:2] == ["W¹", "(2, 2)"]
    first = view.worst_model.data(view.worst_model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert first.startswith("w¹₁₂: backprop ")
    assert cells(view.worst_table, BACKGROUND)[0][0].name() == FAIL_COLOUR.name()
    assert cells(view.worst_table, BACKGROUND)[2][0].name() == PASS_COLOUR.name()


def test_a_single_entry_and_no_entries(view):
    one = GradCheckResult(0.5, (GradCheckEntry(1, "b", (0, 0), 0.25, 0.25, 0.0),), 1e-7)
    view.show_result(one)
    assert view.summary_label.text() == "The 1 gradient agrees (relative error 0)"
    view.show_result(GradCheckResult(0.5, (), 1e-7))
    assert view.summary_label.text() == "There are no weights or biases to check."
    assert view.parameter_model.rowCount() == 0 and view.parameter_table.isHidden()


def test_busy_error_and_request(qtbot, view, passing):
    with qtbot.waitSignal(view.checkRequested, timeout=1000):
        view.check_button.click()
    view.show_busy()
    assert not view.check_button.isEnabled() and view.check_button.text() == "Checking…"
    view.show_error("The loss is not finite")
    assert view.check_button.isEnabled() and view.check_button.text() == "Check gradients"
    assert view.error_label.isVisible() and view.error_label.text() == "The loss is not finite"
    view.show_busy()
    view.show_result(passing)
    assert view.check_button.isEnabled() and not view.error_label.isVisible()
    assert view.parameter_table.isVisible() and view.worst_table.isVisible()
    view.clear()
    assert view.parameter_model.rowCount() == 0 and not view.parameter_table.isVisible()
    assert view.summary_label.text().startswith("Not checked yet")


def test_every_control_and_column_explains_itself(view):
    assert "fourth-order central difference" in view.check_button.toolTip()
    assert "< 1e-7" in view.check_button.toolTip()
    for button in view.findChildren(QAbstractButton):
        if button.isVisibleTo(view):
            assert button.toolTip(), button
    for model in (view.parameter_model, view.worst_model):
        for c in range(model.columnCount()):
            assert model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    for table in (view.parameter_table, view.worst_table):
        assert table.toolTip()


def test_runs_alone_as_a_preview(qtbot):
    v = preview_view()
    qtbot.addWidget(v)
    assert v.summary_label.text().startswith("All 9 gradients agree")
    with qtbot.waitSignal(v.checkRequested, timeout=1000):
        v.check_button.click()  # checks again
    assert v.check_button.isEnabled()


def test_kink_entries_are_said_apart_not_failed(view):
    entries = (GradCheckEntry(1, "W", (0, 0), 0.5, 0.25, 0.5, kink=True),
               GradCheckEntry(1, "W", (0, 1), 0.3, 0.3 + 1e-12, 3e-12),
               GradCheckEntry(1, "b", (0, 0), 0.1, 0.1, 0.0))
    view.show_result(GradCheckResult(0.2, entries, 1e-7))
    text = view.summary_label.text()
    assert text.startswith("All 2 gradients agree") and "1 more not checkable" in text and "ReLU kink" in text
    assert [row[0] for row in cells(view.worst_table)] == ["W¹", "b¹"]  # the kink is not among the worst
