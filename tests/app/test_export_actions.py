"""File ▸ Export from the window: the stage on screen as a snapshot, this iteration as a worked example, these
weights and this batch as a PyTorch script — each file checked for the engine's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.app.window.main_window import MainWindow
from bpstudio.engine import load_project, load_snapshot
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.text.notation import format_number


@pytest.fixture
def window(open_window):
    return open_window(threaded=True, stages=3)  # forward 1, forward 2, loss


def test_snapshot_of_the_stage_on_screen(window, tmp_path):
    path = tmp_path / "stage.npz"
    assert window.exports.snapshot_to(path)
    loaded = load_snapshot(path)
    for key, value in window.state.snapshot.arrays.items():
        np.testing.assert_array_equal(loaded.arrays[key], value)


def test_worked_example_of_this_iteration_leaves_the_engine_where_it_was(qtbot, window, tmp_path):
    path = tmp_path / "iteration.md"
    window.exports.example_to(path, "md")
    qtbot.waitUntil(path.exists, timeout=10_000)
    text = path.read_text(encoding="utf-8")
    z1 = window.state.snapshot.get("z", 1)
    assert all(format_number(v, window.matrices.precision()) in text for v in z1.ravel())
    assert "BP1" in text and "BP2" in text  # the whole iteration, not only the stages stepped so far
    qtbot.waitUntil(lambda: not window.controller.busy)
    assert window.controller.latest.snapshot.position == 3


@pytest.mark.parametrize("what", ["torch", "torch_gradients"])
def test_pytorch_exports_hold_these_weights_and_compile(qtbot, window, tmp_path, what):
    path = tmp_path / "net.py"
    window.exports.torch_to(path, what)
    qtbot.waitUntil(path.exists, timeout=10_000)
    text = path.read_text(encoding="utf-8")
    compile(text, str(path), "exec")
    W1 = window.state.snapshot.get("W", 1)
    assert all(repr(float(v)) in text for v in W1.ravel())
    if what == "torch":  # the training program: an nn.Module trained with SGD from these weights
        assert "class Net(nn.Module):" in text and "torch.optim.SGD(" in text and "START_ITERATION = 1\n" in text
    else:  # one batch's loss and gradients
        assert "loss.backward()" in text and "X_VALUES" in text and "torch.optim" not in text


def test_the_export_menu_offers_both_pytorch_exports(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "File" in a.text().replace("&", ""))
    export = next(a.menu() for a in menu.actions() if a.menu() and "Export" in a.text().replace("&", ""))
    texts = [a.text() for a in export.actions()]
    at = texts.index("NumPy script…")
    assert texts[at:at + 3] == ["NumPy script…", "PyTorch training program…", "PyTorch gradient check (this batch)…"]


def test_a_snapshot_opens_again_at_its_stage_with_the_same_numbers(qtbot, window, tmp_path):
    path = tmp_path / "stage.npz"
    assert window.exports.snapshot_to(path)
    expected = window.state.snapshot
    other = MainWindow(load_project(example_path("xor_tanh")), threaded=False)
    qtbot.addWidget(other)
    other.show()
    other.files.open_snapshot(path)
    snap = other.state.snapshot
    assert (snap.iteration, snap.position) == (expected.iteration, expected.position)
    for key, value in expected.arrays.items():
        np.testing.assert_array_equal(snap.arrays[key], value)
    assert other.files.dirty  # not in any project file yet
    other.files.open_snapshot(tmp_path / "missing.npz")
    assert other.messages.text().startswith("missing.npz cannot be opened as a snapshot")
    assert other.state.snapshot is snap
    other.close()


@pytest.mark.parametrize("damage", ["truncated", "flipped", "not a zip"])
def test_a_damaged_snapshot_is_refused_in_the_window_and_the_work_on_screen_stays(qtbot, window, tmp_path, damage):
    path = tmp_path / "stage.npz"
    assert window.exports.snapshot_to(path)
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":
        for i in range(len(data) // 3, len(data) // 3 + 64):
            data[i] ^= 0xFF
    else:
        data = bytearray(b"<h1>not a snapshot</h1>" * 10)
    path.write_bytes(bytes(data))
    before = window.state.snapshot
    window.files.open_snapshot(path)
    text = window.messages.text()
    assert text.startswith(("stage.npz is not a BP Studio snapshot", "stage.npz cannot be opened as a snapshot: "))
    assert window.state.snapshot is before
