"""Plant a bug (issue 16, item 2): in the Code panel the learner switches on one typical mistake; the program shows
the buggy line, marked; the matrix boxes mark exactly the entries that differ from the correct value (both from the
engine); the gradient check fails and names the parameters; training misbehaves; switched off, every number is
exactly the untouched engine's again. In the column and the row notation."""

from __future__ import annotations

import numpy as np
import pytest
from window_helpers import settle

from bpstudio.app.matrices.planted_marks import WRONG_BACKGROUND
from bpstudio.app.network import network_texts
from bpstudio.engine import Project, load_project
from bpstudio.engine.mistakes import MISTAKES, why_not
from bpstudio.engine.project import project_from_dict
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import QUANTITIES, key
from bpstudio.engine.text import convention as conv

SEED003 = "seed003_2-2-1"


def square_project() -> Project:
    """3-3-3, sigmoid then softmax with squared error: W for Wᵀ, the product order and softmax's Jacobian apply."""
    d = load_project(example_path("softmax_cross_entropy_small")).to_dict()
    rng = np.random.default_rng(5)
    x = rng.normal(size=(6, 3)).round(2)
    d["network"] = {"input_size": 3, "layers": [{"units": 3, "activation": "sigmoid"},
                                                {"units": 3, "activation": "softmax"}], "loss": "squared_error"}
    d["data"] = {"x": x.tolist(), "y": np.eye(3)[[0, 1, 2, 0, 1, 2]].tolist()}
    d["init"] = {"method": "xavier", "scale": 1.0}
    d["training"]["batch_size"] = 0
    d.pop("parameters", None)
    d.pop("state", None)
    return project_from_dict(d)


def project_for(mistake: str) -> Project:
    seed = load_project(example_path(SEED003))
    if not why_not(mistake, seed.network, 4):
        return seed
    if mistake == "two_forgotten":  # the only one that needs L = ‖y − a‖²
        return load_project(example_path("seed004_chain_1-1-1"))
    return square_project()


@pytest.fixture(autouse=True)
def canvas_texts_back_in_columns():
    """The canvas texts' notation is one for the app: leave it as other tests expect it."""
    yield
    network_texts.set_notation("column")


@pytest.fixture
def opened(qtbot):
    from bpstudio.app.window.main_window import MainWindow
    made = []

    def open_(project: Project):
        w = MainWindow(project, threaded=False)
        qtbot.addWidget(w)
        made.append(w)
        w.resize(1280, 800)
        w.show()
        settle(qtbot, w)
        w.chain.code.toggle.trigger()
        qtbot.waitUntil(lambda: w.chain.code.view.isVisible(), timeout=3000)
        return w

    yield open_
    for w in made:
        w.close()


def plant(qtbot, w, mistake: str) -> None:
    combo = w.chain.code.view.bug_bar.combo
    index = combo.findData(mistake)
    assert index >= 0 and combo.model().item(index).isEnabled(), mistake
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a pick from the list does
    settle(qtbot, w)


def marked_boxes(qtbot, w) -> dict[str, int]:
    """Every box of every layer: the entries it marks, checked against the engine's own comparison."""
    snap, got = w.state.snapshot, {}
    for layer in range(1, snap.spec.depth + 1):
        w.select_layer(layer)
        settle(qtbot, w)
        for view in w.matrices.views():
            model, made = view.model, key(view.quantity, layer)
            wrong = snap.planted.wrong(made, snap.arrays.get(made)) if snap.planted is not None else None
            expected = conv.orient(wrong, w.matrices.notation()) if wrong is not None else None
            shown = model.marks.shown
            assert (shown is None) == (expected is None or not expected.any()), made
            if shown is None:
                continue
            assert np.array_equal(shown, expected), made
            r, c = map(int, np.argwhere(shown)[0])
            index = model.index(r, c)
            assert model.data(index, 8) is WRONG_BACKGROUND and model.data(index, 6).underline()  # background, font
            assert model.data(index, 3).startswith("Planted bug: the correct value is")  # 3: tooltip
            right = np.argwhere(~shown)
            if len(right):
                assert model.data(model.index(*map(int, right[0])), 8) is not WRONG_BACKGROUND
            got[made] = int(shown.sum())
    return got


@pytest.mark.parametrize("mistake", [m.id for m in MISTAKES])
def test_each_planted_bug_is_marked_and_fails_the_gradient_check(qtbot, opened, mistake):
    w = opened(project_for(mistake))
    code = w.chain.code.view
    plant(qtbot, w, mistake)
    assert w.state.snapshot.planted.mistake == mistake
    text = code.editor.toPlainText().splitlines()
    assert code.buggy and all("✗ planted bug" in text[i] for i in code.buggy)
    assert set(code.buggy) <= {m.cursor.blockNumber() for m in code.editor.extraSelections()}
    w.actions_.finish.trigger()  # the whole iteration, the buggy way
    settle(qtbot, w)
    note = code.bug_bar.note
    assert note.isVisible() and note.text().startswith("Planted: ")
    marked = marked_boxes(qtbot, w)
    snap = w.state.snapshot
    if mistake in ("half_dropped", "sum_for_mean"):  # only the loss is wrong: the bar compares it
        assert not marked and snap.loss != snap.planted.loss and "Batch loss" in note.text()
    else:
        assert marked, mistake
    view = w.training.gradcheck_view
    w.window_actions.check_gradients.trigger()
    settle(qtbot, w)
    qtbot.waitUntil(lambda: view.where_label.isVisible(), timeout=10_000)
    summary = view.summary_label.text()
    assert "disagree" in summary and "failing: " in summary, summary
    assert "planted bug" in view.where_label.text()
    fails = [view.parameter_model.index(r, 0).data() for r in range(view.parameter_model.rowCount())
             if view.parameter_model.index(r, 3).data() == "fail"]
    assert fails and all(name in summary for name in fails)


def test_switching_off_restores_the_exact_numbers_in_both_notations(qtbot, opened):
    w, untouched = opened(load_project(example_path(SEED003))), opened(load_project(example_path(SEED003)))
    for t in (w, untouched):
        t.actions_.finish.trigger()
        settle(qtbot, t)
        t.actions_.step.trigger()
        settle(qtbot, t)
    plant(qtbot, w, "no_fprime_bp2")
    w.notation_menu.set_notation("row")
    settle(qtbot, w)
    assert "delta1 = (delta2 @ W2.T)" in w.chain.code.view.editor.toPlainText()  # the buggy line, rows
    for _ in range(4):
        w.actions_.step.trigger()
        settle(qtbot, w)
    assert marked_boxes(qtbot, w)  # the row notation marks too
    plant(qtbot, w, "")
    assert w.state.snapshot.planted is None and not w.chain.code.view.buggy
    assert "✗" not in w.chain.code.view.editor.toPlainText()
    a, b = w.state.snapshot, untouched.state.snapshot
    assert (a.position, a.iteration) == (b.position, b.iteration)
    assert a.arrays.keys() == b.arrays.keys()
    for k, v in b.arrays.items():
        assert a.arrays[k].tobytes() == v.tobytes(), k
    assert not marked_boxes(qtbot, w)
    for q in QUANTITIES:  # nothing stays marked in any box
        assert w.matrices.model(q).marks.shown is None
    w.notation_menu.set_notation("column")


def test_training_with_a_planted_bug_visibly_misbehaves(qtbot, opened):
    w = opened(load_project(example_path(SEED003)))
    w.chain.code.dock.hide()
    action = w.chain.code.plant_action
    assert action.shortcut().toString() == "Ctrl+Shift+B" and action.toolTip()
    assert action in w.menuBar().actions()[4].menu().actions()  # Train ▸ Plant a bug…
    combo, opened_list = w.chain.code.view.bug_bar.combo, []
    combo.showPopup = lambda: opened_list.append(True)  # (offscreen, a real popup cannot grab the keyboard)
    action.trigger()  # the Code panel in front, the list of mistakes open
    qtbot.waitUntil(lambda: bool(opened_list), timeout=3000)
    assert w.chain.code.dock.isVisible() and combo.isVisible()
    plant(qtbot, w, "update_sign")
    for _ in range(30):
        w.actions_.finish.trigger()
        settle(qtbot, w)
    losses = w.controller.latest.log.rows[:, 2]
    assert losses[-1] > losses[0] and np.all(np.diff(losses) > 0)  # the loss curve climbs at every update
    plant(qtbot, w, "")
    assert w.controller.latest.log.rows[-1, 0] == 0  # the project's own log, as it was


def test_a_matrix_drawn_as_a_picture_marks_its_wrong_entries_too(qtbot, opened):
    """Past 40 rows a box is a picture: the wrong entries are amber over it, the line below counts them, and the
    entry under the mouse gives its correct value."""
    d = load_project(example_path(SEED003)).to_dict()
    d["network"]["layers"][0]["units"] = 48
    d["init"] = {"method": "xavier", "scale": 1.0}
    d.pop("parameters")
    w = opened(project_from_dict(d))
    plant(qtbot, w, "no_fprime_bp2")
    w.actions_.finish.trigger()
    settle(qtbot, w)
    w.select_layer(1)
    settle(qtbot, w)
    view = next(v for v in w.matrices.views() if v.quantity == "delta")
    picture, mask = view.image_page, view.model.marks.shown
    assert view.mode == "image" and picture is not None and mask is not None and mask.shape == (48, 4)
    wrong = picture.wrong.image
    assert picture.wrong.isVisible() and wrong.shape == (48, 4, 4)
    assert np.array_equal(wrong[..., 3] > 0, mask)
    assert (wrong[mask][:, :3] == (255, 196, 0)).all()
    assert picture.readout.text().startswith(f"{int(mask.sum())} wrong (planted bug) · max |x| = ")
    r, c = map(int, np.argwhere(mask)[0])
    assert picture.hover_entry(r, c).startswith("Planted bug: the correct value is")
    plant(qtbot, w, "")  # the project's own engine again, where it was
    w.actions_.finish.trigger()
    settle(qtbot, w)
    w.select_layer(1)
    settle(qtbot, w)
    assert view.model.array is not None and view.model.marks.shown is None
    assert not picture.wrong.isVisible() and "planted" not in picture.readout.text()
    assert not picture.hover_entry(r, c).startswith("Planted bug")
