"""Exports: a matrix as TSV, a NumPy literal or CSV (each reads back to exactly the matrix), and the
canvas, a matrix box and the plots as PNG (of the requested size, not blank) and SVG (well-formed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QMenu

from bpstudio.app.matrices.matrix_view import MatrixView
from bpstudio.app.network.network_canvas import NetworkCanvas
from bpstudio.app.training.data_view import DataView
from bpstudio.app.training.gradient_plot import GradientPlot
from bpstudio.app.training.loss_plot import LossPlot
from bpstudio.app.widgets.export_menu import add_picture_actions
from bpstudio.app.widgets.matrix_export import matrix_numpy_literal, matrix_tsv, python_name, save_matrix_csv
from bpstudio.app.widgets.picture_export import save_png, save_svg
from bpstudio.app.widgets.preview import example_state, example_training


@pytest.fixture(scope="module")
def state():
    return example_state("seed003_2-2-1", stages=4, layer=1)  # through the loss and backward 2


@pytest.fixture(scope="module")
def awkward():
    """Values whose short decimal forms would not read back exactly, plus both signs, zero and tiny ones."""
    rng = np.random.default_rng(5)
    a = rng.normal(size=(4, 3)) / 3
    a[0, 0], a[1, 1], a[2, 2], a[3, 0] = 0.0, -1e-300, 1 / 3, 12345.678901234567
    return a


def shown(qtbot, widget, width, height):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def colours(image: QImage) -> int:
    """Distinct pixel colours on a coarse grid (enough to tell a picture from a blank)."""
    return len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)})


def svg_root(path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag.rsplit("}", 1)[-1] == "svg"
    return root


# ----- matrices ---------------------------------------------------------------------------------
def parse_tsv(text: str) -> np.ndarray:
    return np.array([[float(x) for x in line.split("\t")] for line in text.splitlines()])


def test_tsv_of_a_snapshots_weights_parses_back_exactly(state, awkward):
    W = state.snapshot.get("W", 1)
    for array in (W, awkward, state.snapshot.get("b", 2)):
        text = matrix_tsv(array)
        assert text.count("\n") == array.shape[0] and text.endswith("\n")
        back = parse_tsv(text)
        assert back.shape == array.shape
        np.testing.assert_array_equal(back, array)


def test_tsv_with_fewer_digits_rounds(awkward):
    back = parse_tsv(matrix_tsv(awkward, digits=3))
    np.testing.assert_allclose(back, awkward, rtol=5e-3)
    assert "12300" in matrix_tsv(awkward, digits=3) or "1.23e+04" in matrix_tsv(awkward, digits=3)


def test_numpy_literal_evaluates_to_the_array(state, awkward):
    W = state.snapshot.get("W", 1)
    for name, array in (("W1", W), ("dW2", awkward), ("one row", awkward[:1])):
        text = matrix_numpy_literal(array, name)
        assert text.startswith(f"{python_name(name)} = np.array([")
        value = eval(text.split(" = ", 1)[1], {"np": numpy})
        assert value.shape == array.shape
        np.testing.assert_array_equal(value, array)
        namespace = {"np": numpy}
        exec(text, namespace)  # a statement that pastes into Python as it is
        np.testing.assert_array_equal(namespace[python_name(name)], array)


def test_numpy_literal_of_nan_and_inf():
    a = np.array([[np.nan, np.inf], [-np.inf, 1.5]])
    value = eval(matrix_numpy_literal(a, "z1").split(" = ", 1)[1], {"np": numpy})
    np.testing.assert_array_equal(value, a)  # NaN == NaN here: array_equal's equal_nan for floats


def test_python_names():
    assert python_name("W1") == "W1"
    assert python_name("∂L/∂W2") == "L_W2"
    assert python_name("class") == "m_class"
    assert python_name("2x") == "m_2x"


def test_csv_reads_back_with_loadtxt(tmp_path, state, awkward):
    for i, array in enumerate((state.snapshot.get("W", 1), awkward)):
        path = tmp_path / f"m{i}.csv"
        save_matrix_csv(path, array)
        np.testing.assert_array_equal(np.loadtxt(path, delimiter=",", ndmin=2), array)
    path = tmp_path / "with_header.csv"
    save_matrix_csv(path, awkward, header=["from unit 1", "from unit 2", "from unit 3"])
    assert path.read_text().startswith("# from unit 1,")
    np.testing.assert_array_equal(np.loadtxt(path, delimiter=",", ndmin=2), awkward)


def test_csv_replaces_a_file_whole_and_leaves_no_temporary(tmp_path, awkward):
    path = tmp_path / "m.csv"
    path.write_text("old contents that are longer than one line\n" * 50)
    save_matrix_csv(path, awkward[:1])
    np.testing.assert_array_equal(np.loadtxt(path, delimiter=",", ndmin=2), awkward[:1])
    assert [p.name for p in tmp_path.iterdir()] == ["m.csv"]
    with pytest.raises(OSError):
        save_matrix_csv(tmp_path / "no such folder" / "m.csv", awkward)
    assert [p.name for p in tmp_path.iterdir()] == ["m.csv"]


# ----- the matrix view's context menu -----------------------------------------------------------
def test_matrix_view_menu_copies_and_saves(qtbot, state, tmp_path):
    view = shown(qtbot, MatrixView("W"), 300, 200)
    view.set_state(state, 1)
    menu = view.export_menu.menu()
    qtbot.addWidget(menu)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    texts = [a.text() for a in menu.actions()]
    for text in ("Copy as TSV (for a spreadsheet)", "Copy as NumPy literal", "Save as CSV…",
                 "Save picture as PNG…", "Save picture as SVG…"):
        assert text in texts
    assert all(actions[n].isEnabled() for n in ("copyTsvAction", "copyNumpyAction", "saveCsvAction"))
    W = state.snapshot.get("W", 1)
    clipboard = QApplication.clipboard()
    clipboard.clear()
    actions["copyTsvAction"].trigger()
    np.testing.assert_array_equal(parse_tsv(clipboard.text()), W)
    actions["copyNumpyAction"].trigger()
    assert clipboard.text().startswith("W1 = np.array([")
    np.testing.assert_array_equal(eval(clipboard.text().split(" = ", 1)[1], {"np": numpy}), W)
    assert view.export_menu.matrix.save_csv(str(tmp_path / "W1.csv"))
    np.testing.assert_array_equal(np.loadtxt(tmp_path / "W1.csv", delimiter=",", ndmin=2), W)
    assert view.export_menu.pictures.save_png(str(tmp_path / "W1.png"), width=900)
    assert QImage(str(tmp_path / "W1.png")).width() == 900


def test_matrix_view_menu_is_disabled_while_not_computed(qtbot):
    early = example_state("seed003_2-2-1", stages=0, layer=1)
    view = shown(qtbot, MatrixView("delta"), 300, 200)
    view.set_state(early, 1)
    assert view.mode == "empty"
    menu = view.export_menu.menu()
    qtbot.addWidget(menu)
    matrix = [a for a in menu.actions() if a.objectName() in ("copyTsvAction", "copyNumpyAction", "saveCsvAction")]
    assert len(matrix) == 3 and not any(a.isEnabled() for a in matrix)
    assert not view.export_menu.matrix.copy_tsv()


def test_right_click_on_the_table_reaches_the_views_menu(qtbot, state, monkeypatch):
    view = shown(qtbot, MatrixView("W"), 300, 200)
    view.set_state(state, 1)
    requested = []
    view.customContextMenuRequested.connect(requested.append)
    monkeypatch.setattr(view.export_menu, "popup", lambda pos: None)  # no modal menu in a test
    viewport = view.table.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), viewport.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(viewport, event)
    assert len(requested) == 1


# ----- pictures -----------------------------------------------------------------------------------
@pytest.fixture
def canvas(qtbot, state):
    canvas = shown(qtbot, NetworkCanvas(), 800, 450)
    canvas.set_state(state)
    return canvas


@pytest.fixture(scope="module")
def spiral_log():
    return example_training("spiral_softmax", iterations=200, probes=50)[2]


def test_canvas_png_at_1920_keeps_its_shape(canvas, tmp_path):
    path = tmp_path / "network.png"
    size = save_png(canvas, path, 1920)
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size.width(), size.height()) == (1920, round(1920 * 450 / 800))
    assert colours(image) > 20  # units, weights in two colours, text: far from blank


def test_canvas_png_of_another_shape_is_centred_on_the_background(canvas, tmp_path):
    path = tmp_path / "square.png"
    save_png(canvas, path, 1000, 1000)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1000, 1000)
    background = canvas.backgroundBrush().color().rgb()
    assert image.pixel(500, 5) == image.pixel(500, 994) == background  # bands above and below
    assert colours(image) > 20


def test_canvas_menu_keeps_the_layer_entries_and_adds_pictures(canvas, qtbot):
    menu = canvas.context_menu(1)
    qtbot.addWidget(menu)
    texts = [a.text() for a in menu.actions()]
    assert "Remove layer 1" in texts and "Save picture as PNG…" in texts and "Save picture as SVG…" in texts
    empty = canvas.context_menu(None)  # outside any column: zoom and the pictures only
    qtbot.addWidget(empty)
    assert [a.objectName() for a in empty.actions() if not a.isSeparator()] == [
        "zoomInNetwork", "zoomOutNetwork", "zoomFitNetwork", "savePngAction", "saveSvgAction"]


def test_canvas_svg_parses(canvas, tmp_path):
    path = tmp_path / "network.svg"
    save_svg(canvas, path)
    root = svg_root(path)
    assert root.get("viewBox") == "0 0 800 450"
    text = path.read_text()
    assert "loss" in text and "0.59" in text  # labels are text, not pixels


def test_loss_plot_png_at_1000_by_600(qtbot, spiral_log, tmp_path):
    plot = shown(qtbot, LossPlot(), 800, 400)
    plot.set_log(spiral_log)
    path = tmp_path / "loss.png"
    save_png(plot, path, 1000, 600)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1000, 600)
    assert colours(image) > 5
    # the plots only, not the switches above them
    assert plot.picture_rect() == plot.loss_plot.geometry().united(plot.accuracy_plot.geometry())


def test_plot_svgs_parse(qtbot, spiral_log, tmp_path):
    loss = shown(qtbot, LossPlot(), 800, 400)
    loss.set_log(spiral_log)
    save_svg(loss, tmp_path / "loss.svg")
    svg_root(tmp_path / "loss.svg")
    gradients = shown(qtbot, GradientPlot(), 600, 400)
    gradients.set_log(spiral_log)
    save_svg(gradients, tmp_path / "gradients.svg")
    root = svg_root(tmp_path / "gradients.svg")
    assert root.get("viewBox") == f"0 0 {gradients.plot.width()} {gradients.plot.height()}"
    save_png(gradients, tmp_path / "gradients.png", 1200)
    assert QImage(str(tmp_path / "gradients.png")).width() == 1200


def test_plots_offer_pictures_on_a_right_click(qtbot, monkeypatch):
    plot = shown(qtbot, LossPlot(), 600, 300)
    menu = plot.picture_menu.menu()
    qtbot.addWidget(menu)
    assert [a.text() for a in menu.actions()] == ["Save picture as PNG…", "Save picture as SVG…"]
    shown_at = []
    monkeypatch.setattr(plot.picture_menu, "popup", shown_at.append)
    for widget in (plot.loss_plot, plot.accuracy_plot):
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.PreventContextMenu  # right drags zoom
        for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            qtbot.mouseClick(widget.viewport(), button, pos=QPoint(100, 80))
            qtbot.wait(20)  # pyqtgraph tells a click from a double click on the next event
    assert len(shown_at) == 2  # the right clicks only
    for widget in (GradientPlot(), DataView()):
        qtbot.addWidget(widget)
        assert widget.picture_menu.pictures is not None


def test_a_plain_widget_gets_a_picture_menu(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    label = shown(qtbot, QLabel("δ² = (W³)ᵀ δ³ ⊙ f′(z²)"), 300, 60)
    export = add_picture_actions(label, "label").pictures
    assert label.findChild(QMenu) is None  # menus are built on request
    assert export.save_png(str(tmp_path / "label.png"), width=600)
    image = QImage(str(tmp_path / "label.png"))
    assert (image.width(), image.height()) == (600, 120) and colours(image) > 1
    assert export.save_svg(str(tmp_path / "label.svg"))
    svg_root(tmp_path / "label.svg")


def test_bad_sizes_are_refused(canvas, tmp_path):
    with pytest.raises(ValueError):
        save_png(canvas, tmp_path / "x.png", 0)
    with pytest.raises(ValueError):
        save_png(canvas, tmp_path / "x.png", 100000)
    assert not (tmp_path / "x.png").exists()
