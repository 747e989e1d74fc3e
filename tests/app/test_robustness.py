"""Hostile input and edge cases: deep JSON, oversized networks, file permissions, the window's first state."""

from __future__ import annotations

import json
import os
import stat

import pytest

from bpstudio.engine import FormatError, ValidationError, load_project, loads_project, save_project, save_snapshot
from bpstudio.engine.resource_files import example_path
from bpstudio.session.divergence_texts import quantity_name

EXAMPLE = json.loads(example_path("seed003_2-2-1").read_text(encoding="utf-8"))


def test_deeply_nested_json_is_a_format_error_not_a_crash(capsys, tmp_path):
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises(FormatError, match="nested too deeply"):
        loads_project(text, "deep.bpsproj")
    path = tmp_path / "deep.bpsproj"
    path.write_text(text, encoding="utf-8")
    from bpstudio.cli import main

    assert main(["run", str(path), "--iterations", "1"]) == 2
    assert "nested too deeply" in capsys.readouterr().err


def test_a_network_too_large_to_hold_is_refused_before_any_memory_is_taken():
    d = json.loads(json.dumps(EXAMPLE))
    d["network"]["layers"][0]["units"] = 100_000
    d["network"]["input_size"] = 2
    d.pop("parameters")
    d["init"] = {"method": "xavier"}
    d["network"]["layers"].insert(1, {"units": 100_000, "activation": "tanh"})
    from bpstudio.engine import project_from_dict

    with pytest.raises(ValidationError) as info:
        project_from_dict(d)
    assert info.value.field == "network.layers" and "10,000,300,000 weights" in info.value.message


def test_saved_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        project = load_project(example_path("seed003_2-2-1"))
        p = save_project(tmp_path / "p.bpsproj", project)
        s = save_snapshot(tmp_path / "s.npz", project.stepper().step())
    finally:
        os.umask(old)
    for path in (p, s):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_the_window_shows_the_example_at_once_without_a_thread(qtbot):
    from bpstudio.app.window.main_window import MainWindow

    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    qtbot.addWidget(w)
    assert w.state is not None and w.state.snapshot.position == 0
    assert w.where.text() == "Ready · next: forward, layer 1 · iteration 1 · epoch 1"
    w.actions_.step.trigger()
    assert w.state.snapshot.position == 1


def test_opening_changes_title_and_undo_only_once_the_project_is_accepted(qtbot, tmp_path):
    from bpstudio.app.window.main_window import MainWindow

    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    qtbot.addWidget(w)
    w.show()
    w.form.layer_units_box(1).setValue(3)
    w.form.layer_units_box(1).editingFinished.emit()
    assert w.undo_stack.count() == 1
    d = json.loads(json.dumps(EXAMPLE))
    d["name"] = "Broken"
    d["data"] = {"x": [[0, 0], [1, 1]], "y": [[2], [0]]}
    path = tmp_path / "other.bpsproj"
    path.write_text(json.dumps(d), encoding="utf-8")
    w.files.open_path(path)  # accepted: now the title and a fresh undo history follow
    assert w.windowTitle() == "BP Studio — Broken (other.bpsproj)" and w.undo_stack.count() == 0
    w.files.open_path(tmp_path / "missing.bpsproj")
    assert "no such file" in w.messages.text() and w.windowTitle() == "BP Studio — Broken (other.bpsproj)"


def stages_kept_after(stepper, steps: int) -> int:
    """Take ``steps`` stages, then step back as far as the history allows; how far that was."""
    for _ in range(steps):
        stepper.step()
    kept = 0
    while stepper.can_step_back:
        stepper.step_back()
        kept += 1
    return kept


def test_step_back_history_is_bounded_by_memory_as_well_as_by_count():
    from bpstudio.engine.examples import wide_project

    project = wide_project(samples=16)
    W1_bytes = 128 * 784 * 8
    stepper = project.stepper(history_bytes=3 * W1_bytes)  # room for about one update's W¹ and ∂L/∂W¹
    kept = stages_kept_after(stepper, 3 * len(stepper.stages))
    assert 0 < kept <= 10  # far fewer than the 24 stages taken (the small ones cost little), and more than none
    roomy = project.stepper()
    assert stages_kept_after(roomy, 3 * len(roomy.stages)) == 3 * len(roomy.stages)
    assert roomy.snapshot().position == 0 and roomy.iteration == 0  # back to the very start, exactly


def test_divergence_is_announced_and_explanations_stay_honest(qtbot):
    import numpy as np
    from PySide6.QtCore import Qt

    from bpstudio.app.window.main_window import MainWindow
    from bpstudio.engine import project_from_dict

    d = json.loads(json.dumps(EXAMPLE))
    for layer in d["network"]["layers"]:
        layer["activation"] = "identity"
    d["training"]["learning_rate"] = 1e6
    w = MainWindow(project_from_dict(d), threaded=False)
    qtbot.addWidget(w)
    w.show()
    for _ in range(30):
        w.actions_.step.trigger()
        if "diverged" in w.messages.text():
            break
    assert "Training has diverged" in w.messages.text() and "infinite, or NaN" in w.messages.text()
    bad = [k for k in sorted(w.state.snapshot.changed) if not np.all(np.isfinite(w.state.snapshot.arrays[k]))]
    assert bad and f"{quantity_name(bad[0])} became too large" in w.messages.text()  # a², not "L2/a"
    model = w.matrices.model("z", w.state.layer)
    if model.computed:
        tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
        assert "changed since" not in tip


def test_an_edit_that_leaves_the_data_fit_alone_does_not_rebuild_the_data(monkeypatch):
    from dataclasses import replace

    from bpstudio.engine import Project
    from bpstudio.session.project_edits import edit_project

    project = load_project(example_path("spiral_softmax"))
    built = []
    original = Project.dataset
    monkeypatch.setattr(Project, "dataset", lambda self: built.append(1) or original(self))
    edit = edit_project(project, training=replace(project.training, learning_rate=0.05))
    assert edit.project.training.learning_rate == 0.05 and built == []
    layers = list(project.network.layers)
    layers[0] = replace(layers[0], units=8)  # hidden sizes do not touch the data either
    edit_project(project, network=replace(project.network, layers=tuple(layers)))
    assert built == []
    with pytest.raises(ValidationError):  # the output changes: the data is checked again, and refuses
        layers[-1] = replace(layers[-1], units=4)
        edit_project(project, network=replace(project.network, layers=tuple(layers)))
    assert built == [1]
