"""The matrix panels show the engine's numbers, say how each was computed, and never show stale ones."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from bpstudio.app.matrices.matrix_model import MatrixModel
from bpstudio.app.matrices.matrix_panel import MatrixPanel
from bpstudio.app.matrices.matrix_view import TABLE_LIMIT, MatrixView
from bpstudio.app.widgets.diverging import LUT_SIZE, diverging_lut, nice_limit
from bpstudio.app.widgets.preview import example_state
from bpstudio.engine import Project, load_project
from bpstudio.engine.examples import wide_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import QUANTITIES, key
from bpstudio.engine.text.explain import explain, format_number
from bpstudio.session.view_state import ViewState

DISPLAY, TOOLTIP, BACKGROUND, FONT = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                      Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole)


@pytest.fixture
def panel(qtbot):
    p = MatrixPanel()
    qtbot.addWidget(p)
    p.resize(700, 450)
    p.show()
    return p


class Run:
    """A project stepped stage by stage, handing out ViewStates."""

    def __init__(self, project: Project):
        self.project = project
        self.stepper = project.stepper()

    def state(self, layer: int = 1) -> ViewState:
        return ViewState(self.project, self.stepper.snapshot(), layer, self.stepper.can_step_back)

    def step(self, layer: int = 1) -> ViewState:
        self.stepper.step()
        return self.state(layer)


def example(name: str = "seed003_2-2-1") -> Run:
    return Run(load_project(example_path(name)))


def big_run(seed: int = 1) -> Run:
    return Run(wide_project(samples=128, batch_size=64, seed=seed, init="xavier", shuffle=True))


def table_texts(model: MatrixModel) -> list[list[str]]:
    return [[model.data(model.index(r, c), DISPLAY) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def expected_texts(arr: np.ndarray, precision: int = 4) -> list[list[str]]:
    return [[format_number(v, precision) for v in row] for row in arr]


# ----- values ---------------------------------------------------------------------------
def test_every_cell_is_the_snapshot_value_at_every_stage(panel):
    run = example()
    depth = run.project.network.depth
    for _ in range(2 * depth + 3):
        state = run.step()
        for layer in range(1, depth + 1):
            panel.set_state(state.with_layer(layer))
            snap = state.snapshot
            for q in QUANTITIES:
                model = panel.model(q)
                assert model.layer == layer
                arr = snap.get(q, layer)
                if arr is None:
                    assert model.rowCount() == 0 and model.columnCount() == 0
                    continue
                assert (model.rowCount(), model.columnCount()) == arr.shape
                assert table_texts(model) == expected_texts(arr)
                for r in range(arr.shape[0]):
                    for c in range(arr.shape[1]):
                        assert model.data(model.index(r, c), Qt.ItemDataRole.UserRole) == arr[r, c]


def test_changing_precision_changes_the_text(panel, qtbot):
    run = example()
    for _ in range(5):  # through backward 1: everything of layer 1 exists
        state = run.step()
    panel.set_state(state)
    z = state.snapshot.get("z", 1)
    assert table_texts(panel.model("z")) == expected_texts(z, 4)
    a = panel.model("a")
    before = a.data(a.index(0, 1), DISPLAY)
    panel.precision_spin.setValue(8)
    assert panel.precision() == 8
    for q in QUANTITIES:
        assert table_texts(panel.model(q)) == expected_texts(state.snapshot.get(q, 1), 8)
    after = a.data(a.index(0, 1), DISPLAY)
    assert before == format_number(state.snapshot.get("a", 1)[0, 1], 4) != after
    assert after == format_number(state.snapshot.get("a", 1)[0, 1], 8)
    # tooltips follow the precision too
    assert a.data(a.index(0, 1), TOOLTIP).endswith("= " + after)
    panel.set_precision(2)
    assert panel.precision_spin.value() == 2
    assert table_texts(panel.model("W")) == expected_texts(state.snapshot.get("W", 1), 2)
    assert panel.precision_spin.toolTip()
    assert (panel.precision_spin.minimum(), panel.precision_spin.maximum()) == (1, 10)


def test_tooltip_of_z_writes_out_the_terms_and_the_result(panel):
    run = example()
    run.step()
    state = run.step(layer=2)  # forward 2
    panel.set_state(state)
    model = panel.model("z")
    tip = model.data(model.index(0, 0), TOOLTIP)
    snap = state.snapshot
    assert tip == explain(snap, state.plan, state.learning_rate, "z", 2, 0, 0, 4)
    assert "z²₁ = Σₖ w²₁ₖ a¹ₖ + b²₁" in tip
    assert "w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁" in tip
    assert "0.4×0.5866 + 0.45×0.5866 + 0.6" in tip
    assert tip.splitlines()[-1] == "  = " + format_number(snap.get("z", 2)[0, 0])
    assert model.data(model.index(0, 0), DISPLAY) == format_number(snap.get("z", 2)[0, 0])


def test_hovering_a_table_cell_fills_the_derivation_pane(panel):
    run = example()
    for _ in range(5):
        state = run.step()
    panel.set_state(state)
    view = panel.view("delta")
    view.table.entered.emit(view.model.index(1, 2))
    text = panel.derivation.toPlainText()
    assert text == explain(state.snapshot, state.plan, 0.5, "delta", 1, 1, 2)
    assert "BP2" in text
    panel.set_state(run.step())  # a new state: the old derivation's numbers are gone
    assert panel.derivation.toPlainText() == ""


# ----- not computed, changed --------------------------------------------------------------
def test_not_computed_quantities_show_no_stale_numbers(panel):
    run = example()
    depth = run.project.network.depth
    for _ in range(2 * depth + 2):  # a whole iteration: δ, ∂L/∂W, ∂L/∂b exist
        state = run.step()
    panel.set_state(state)
    assert panel.view("delta").mode == "table"
    assert panel.model("delta").rowCount() == 2
    state = run.step()  # forward 1 of the next iteration
    assert state.snapshot.stage.name == "forward 1" and state.snapshot.iteration == 1
    panel.set_state(state)
    for q in ("delta", "dW", "db"):
        view = panel.view(q)
        assert view.mode == "empty"
        assert view.model.rowCount() == 0 and view.model.columnCount() == 0
        assert not view.table.isVisible() and view.table.model().rowCount() == 0
        assert view.stack.currentWidget() is view.placeholder and view.placeholder.isVisible()
        assert "not computed yet" in view.placeholder.text()
        assert "backward 1" in view.placeholder.text()
        assert view.model.data(view.model.index(0, 0), DISPLAY) is None
    # the shape is still written in the title
    assert panel.view("delta").title_text() == "δ¹ = ∂L/∂z¹ · 2 × 4 = (n¹, m)"
    panel.set_state(state.with_layer(2))  # z² is not computed yet either
    assert panel.view("z").mode == "empty" and "forward 2" in panel.view("z").placeholder.text()


def test_changed_highlight_is_on_exactly_the_changed_quantities(panel):
    run = example("spiral_softmax")
    depth = run.project.network.depth
    seen = set()
    for _ in range(2 * depth + 3):
        state = run.step()
        for layer in range(1, depth + 1):
            panel.set_state(state.with_layer(layer))
            expected = {q for q in QUANTITIES if key(q, layer) in state.snapshot.changed}
            shown = {q for q in QUANTITIES if panel.view(q).highlighted}
            assert shown == expected, (state.snapshot.stage, layer)
            seen |= shown
            for q in QUANTITIES:
                model, view = panel.model(q), panel.view(q)
                assert model.changed == (q in expected)
                assert view.title.text().startswith("●") == (q in expected)
                if model.rowCount() and view.mode == "table":
                    font = model.data(model.index(0, 0), FONT)
                    assert (font is not None and font.bold()) == (q in expected)
    assert seen == set(QUANTITIES)


# ----- layout, titles, headers ------------------------------------------------------------
def test_titles_and_headers_follow_teaching_md(panel):
    run = example()
    for _ in range(4):  # through backward 2
        state = run.step(layer=2)
    panel.set_state(state)
    assert panel.view("z").title_text() == "z² · 1 × 4 = (n², m)"
    assert panel.view("W").title_text() == "W² · 1 × 2 = (n², n¹)"
    assert panel.view("b").title_text() == "b² · 1 × 1 = (n², 1)"
    assert panel.view("dW").title_text() == "∂L/∂W² · 1 × 2 = (n², n¹)"
    assert panel.view("db").title_text() == "∂L/∂b² · 1 × 1 = (n², 1)"
    assert panel.view("delta").title_text() == "δ² = ∂L/∂z² · 1 × 4 = (n², m)"
    assert panel.view("a").title_text() == "a² · 1 × 4 = (n², m)"
    W, z = panel.model("W"), panel.model("z")
    assert W.headerData(1, Qt.Orientation.Horizontal) == "from unit 2"
    assert W.headerData(0, Qt.Orientation.Vertical) == "unit 1"
    assert z.headerData(3, Qt.Orientation.Horizontal) == "#4"
    assert z.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "column 4: sample 4 of the batch"
    assert "layer 1" in W.headerData(1, Qt.Orientation.Horizontal, TOOLTIP)
    for q in QUANTITIES:
        assert panel.view(q).title.toolTip()


def test_colours_span_plus_minus_max_abs(panel):
    run = example()
    for _ in range(5):
        state = run.step()
    panel.set_state(state)
    lut = diverging_lut()
    model = panel.model("delta")
    arr = state.snapshot.get("delta", 1)
    hi = np.unravel_index(np.argmax(np.abs(arr)), arr.shape)
    colour = model.data(model.index(*hi), BACKGROUND).color()
    end = lut[-1] if arr[hi] > 0 else lut[0]
    assert (colour.red(), colour.green(), colour.blue()) == tuple(int(v) for v in end)
    lo = np.unravel_index(np.argmin(arr), arr.shape)
    assert arr[lo] < 0
    blue = model.data(model.index(*lo), BACKGROUND).color()
    assert blue.blue() > blue.red()  # negative is blue
    middle = lut[LUT_SIZE // 2]
    assert min(middle) > 240  # zero is white
    assert model.limit == pytest.approx(np.abs(arr).max())
    # readable text: white on the saturated ends, dark on the pale middle
    fg = model.data(model.index(*hi), Qt.ItemDataRole.ForegroundRole).color()
    assert fg.lightness() > 200


def test_widgets_are_reused_between_states(panel):
    run = example()
    panel.set_state(run.step())
    views = {q: panel.view(q) for q in QUANTITIES}
    tables = {q: v.table for q, v in views.items()}
    for _ in range(6):
        panel.set_state(run.step())
        assert {q: panel.view(q) for q in QUANTITIES} == views
        assert {q: v.table for q, v in views.items()} == tables


def test_each_layer_keeps_its_page_and_a_new_network_drops_old_pages(panel):
    run = example("spiral_softmax")
    state = run.step()
    panel.set_state(state)
    assert sorted(panel._grids) == [1, 2, 3]  # drawn ahead, while the panel is on show
    first = {q: panel.view(q) for q in QUANTITIES}
    panel.set_state(run.step(layer=2))
    assert panel.view("z") is panel._grids[2].views["z"] is not first["z"]
    assert panel.pages.currentWidget() is panel._grids[2]
    panel.set_state(run.step(layer=1))
    assert {q: panel.view(q) for q in QUANTITIES} == first
    with pytest.raises(KeyError):
        panel.view("z", 2)  # not on show
    seed000 = example("seed000_output_layer")
    panel.set_state(seed000.step())
    assert sorted(panel._grids) == [1]
    assert panel.layer_combo.count() == 1
    assert table_texts(panel.model("z")) == expected_texts(seed000.stepper.snapshot().get("z", 1))


# ----- a large network ------------------------------------------------------------------
def test_large_network_draws_images_with_symmetric_levels(panel, qtbot):
    run = big_run()
    for _ in range(7):  # through backward 1
        state = run.step()
    panel.set_state(state)
    W1 = panel.view("W")
    assert W1.mode == "image"
    assert W1.table.model() is None
    assert W1.image_page.image.image.shape == (128, 784)
    np.testing.assert_array_equal(W1.image_page.image.image, state.snapshot.get("W", 1))
    low, high = W1.image_page.image.getLevels()
    assert low == -high and high >= np.abs(state.snapshot.get("W", 1)).max()
    assert high == nice_limit(np.abs(state.snapshot.get("W", 1)).max())
    assert W1.image_page.colour_bar.levels() == (low, high)
    # pixel (r, c) covers [c + ½, c + 1½] × [r + ½, r + 1½]: the axes read 1-based indices
    item = W1.image_page.image
    assert item.mapRectToView(item.boundingRect()) == QRectF(0.5, 0.5, 784, 128)
    assert W1.image_page.view_box.viewRange() == [[0.5, 784.5], [0.5, 128.5]]
    assert panel.view("z").mode == "image" and panel.view("z").image_page.image.image.shape == (128, 64)
    assert panel.view("b").mode == "image"  # 128 rows: too tall for a table
    # the model behind an image still holds the numbers, and explains them
    assert panel.model("dW").text(127, 783) == format_number(state.snapshot.get("dW", 1)[127, 783])
    # layer 3: 10 × 64 is too wide for a table, 10 × 1 is a table
    panel.set_state(state.with_layer(3))
    assert panel.view("z").mode == "image" and panel.view("b").mode == "table"
    assert panel.view("W").image_page.image.image.shape == (10, 64)


def test_large_not_computed_quantity_keeps_its_axes_but_no_numbers(panel, qtbot):
    run = big_run()
    for _ in range(8):  # a whole iteration
        state = run.step()
    panel.set_state(state)
    view = panel.view("delta")
    assert view.mode == "image" and view.image_page.image.isVisible()
    state = run.step()  # forward 1 of the next iteration: δ¹ is gone
    panel.set_state(state)
    assert panel.view("delta") is view
    assert view.mode == "empty" and view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.image_page  # the same axes, refilled later
    assert not view.image_page.image.isVisible()
    assert view.image_page.message.isVisible() and view.image_page.message.toPlainText() == "not computed yet"
    assert view.image_page.readout.text() == "not computed yet — computed at stage backward 1"
    image = view.image_page
    image._mouse_moved(image.image.mapToScene(QPointF(3.5, 3.5)))  # hovering shows nothing stale
    assert panel.derivation.toPlainText() == ""
    assert view.title_text() == "δ¹ = ∂L/∂z¹ · 128 × 64 = (n¹, m)"


def test_image_hover_reads_out_value_and_derivation(panel, qtbot):
    run = big_run()
    for _ in range(7):
        state = run.step()
    panel.set_state(state)
    view = panel.view("z")
    view.grab()  # lay out the plot so scene coordinates mean something
    r, c = 17, 40
    scene_pos = view.image_page.image.mapToScene(QPointF(c + 0.5, r + 0.5))
    with qtbot.waitSignal(view.hovered) as blocker:
        view.image_page._mouse_moved(scene_pos)
    z = state.snapshot.get("z", 1)
    assert view.image_page.readout.text() == f"unit {r + 1}, sample {c + 1}: {format_number(z[r, c])}"
    assert blocker.args[0] == explain(state.snapshot, state.plan, 0.1, "z", 1, r, c)
    assert "… (784 terms)" in panel.derivation.toPlainText()
    assert view.image_page.graphics.toolTip() == blocker.args[0]
    assert view.hover_entry(3, 5).endswith("= " + format_number(z[3, 5]))
    assert view.image_page.readout.text().startswith("unit 4, sample 6: ")


def test_large_network_refresh_reuses_images_and_is_cheap(panel):
    import time

    run = big_run()
    for _ in range(7):
        state = run.step()
    panel.set_state(state)
    panel.grab()
    image = panel.view("W").image_page.image
    times = []
    for _ in range(9):  # update, then the forward and backward stages of the next iteration
        state = run.step()
        start = time.perf_counter()
        panel.set_state(state)
        panel.grab()
        times.append(time.perf_counter() - start)
        assert panel.view("W").image_page.image is image
    assert np.median(times) < 0.25  # generous: a regression guard, not the benchmark


def test_across_layers_mode_shows_one_view_per_layer(panel, qtbot):
    run = example("spiral_softmax")
    for _ in range(6):
        state = run.step(layer=2)
    panel.set_state(state)
    panel.set_mode("z")
    assert panel.mode() == "z"
    views = panel.views()
    assert len(views) == 3
    assert [v.layer for v in views] == [1, 2, 3]
    assert [v.quantity for v in views] == ["z"] * 3
    for layer, view in enumerate(views, start=1):
        assert view.isVisible()
        assert panel.view("z", layer) is view
        assert table_texts(view.model) == expected_texts(state.snapshot.get("z", layer))
        assert view.title_text().startswith(f"z{'¹²³'[layer - 1]} · ")
    assert panel.model("z").layer == 2  # without a layer: the selected one
    panel.set_mode("delta")
    assert [v.model.computed for v in panel.views()] == [False, True, True]
    assert "not computed yet" in panel.views()[0].placeholder.text()
    panel.set_mode("layer")
    assert len(panel.views()) == 7 and panel.view("z").layer == 2
    assert panel.mode_combo.count() == 1 + len(QUANTITIES)
    assert panel.mode_combo.itemText(0) == "Layer l: all quantities"
    assert panel.mode_combo.itemText(panel.mode_combo.findData("delta")) == "δ across layers"
    with pytest.raises(ValueError):
        panel.set_mode("nonsense")


def test_picking_a_layer_emits_layer_selected(panel, qtbot):
    run = example("spiral_softmax")
    state = run.step()
    panel.set_state(state)
    assert panel.layer_combo.count() == 3
    with qtbot.waitSignal(panel.layerSelected) as blocker:
        panel.layer_combo.setCurrentIndex(2)
        panel.layer_combo.activated.emit(2)
    assert blocker.args == [3]
    assert panel.view("W").layer == 3
    panel.set_state(state.with_layer(1))  # the window's answer: the combo follows the state
    assert panel.layer_combo.currentIndex() == 0


def test_double_click_on_a_weight_asks_to_edit_it(panel, qtbot):
    run = example()
    panel.set_state(run.step(layer=2))
    view = panel.view("W")
    rect = view.table.visualRect(view.model.index(0, 1))
    with qtbot.waitSignal(panel.parameterClicked) as blocker:
        # an item view only takes a double-click on the cell it saw pressed: press first, as a mouse does
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [2, "W", 0, 1]


def test_table_limit_and_model_on_its_own(qtbot):
    view = MatrixView("a")
    qtbot.addWidget(view)
    state = example_state("seed003_2-2-1", stages=1)
    view.set_state(state)
    assert view.mode == "table" and view.layer == 1
    assert TABLE_LIMIT == 40
    model = MatrixModel("W", layer=2)
    model.set_state(state, layer=2)
    assert model.computed and model.expected_shape() == (1, 2) and model.rowCount() == 1
    with pytest.raises(ValueError):
        MatrixModel("q")


def test_nice_limit():
    assert nice_limit(0.0) == 1.0 and nice_limit(float("nan")) == 1.0
    assert nice_limit(0.0811) == pytest.approx(0.1)
    assert nice_limit(0.1768) == pytest.approx(0.2)
    assert nice_limit(11.7) == pytest.approx(15.0)
    assert nice_limit(3.0) == pytest.approx(3.0)
