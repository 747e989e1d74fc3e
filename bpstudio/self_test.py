"""``bpstudio --self-test``: does this installation work? Headless (offscreen), in a few seconds.

Checks the shipped resources, the engine against seed 000's worked example and a gradient check, a short
training run, one iteration stepped through the real window and its engine thread (the panel against a
headless engine), exports written and read back, the Chinese translation, the lessons and an exercise sheet.
Prints one line a check and exits 0, or 1 naming what failed. Settings and autosaves go to a throwaway folder,
never the user's. The packaging build script runs it against the built bundle.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import numpy as np

Check = Callable[[Path], str]


def _resources(tmp: Path) -> str:
    from bpstudio.engine.resource_files import examples_dir, resource_dir, schema_path, translations_dir

    examples = sorted(examples_dir().glob("*.bpsproj"))
    lessons = sorted((resource_dir() / "lessons").glob("*.json"))
    for path in (schema_path(), translations_dir() / "bpstudio_zh_CN.qm", resource_dir() / "datasets" / "iris.csv",
                 resource_dir() / "datasets" / "digits.csv.gz"):
        assert path.is_file(), f"missing {path}"
    assert len(examples) >= 6, f"{len(examples)} examples in {examples_dir()}"
    assert lessons, "no lessons"
    return f"{len(examples)} examples, {len(lessons)} lessons, translations, schema, datasets in {resource_dir()}"


def _engine(tmp: Path) -> str:
    from bpstudio.engine import gradient_check
    from bpstudio.engine.examples import resolve_project
    from bpstudio.engine.resource_files import example_path
    from bpstudio.engine.stages import BACKWARD

    project = resolve_project(str(example_path("seed000_output_layer")))
    stepper = project.stepper()
    snap = stepper.step()
    while not (snap.stage is not None and snap.stage.kind == BACKWARD):
        snap = stepper.step()
    delta = snap.get("delta", snap.stage.layer)
    assert delta is not None and np.allclose(delta[:, 0], [-0.032, 0.063], atol=1e-12), f"δᴸ = {delta}"
    seed003 = resolve_project("seed003_2-2-1").stepper()
    x, y = seed003.current_batch()
    check = gradient_check(seed003.plan, seed003.parameters, x, y)
    assert check.passed, f"gradient check: largest relative error {check.max_error:.3e}"
    return (f"seed 000's δᴸ = [−0.032, 0.063]; seed 003's gradients agree with finite differences "
            f"(largest relative error {check.max_error:.1e})")


def _training(tmp: Path) -> str:
    from bpstudio.engine import backprop
    from bpstudio.engine.examples import resolve_project

    stepper = resolve_project("xor_tanh").stepper()
    first = stepper.step()
    while first.loss is None:
        first = stepper.step()
    stepper.finish_iteration()
    stepper.run_iterations(300)
    loss, _ = backprop.full_gradients(stepper.plan, list(stepper.parameters), stepper.x, stepper.y)
    assert np.isfinite(loss) and loss < first.loss, f"loss {first.loss:.4g} → {loss:.4g}"
    return f"xor_tanh: 300 iterations, loss {first.loss:.4f} → {loss:.4f}"


def _window(tmp: Path) -> str:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from bpstudio.app.window.main_window import MainWindow
    from bpstudio.app.window.project_files import ProjectFiles
    from bpstudio.engine.examples import resolve_project

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    project = resolve_project("seed003_2-2-1")
    discard = mock.patch.object(ProjectFiles, "ask", return_value=QMessageBox.StandardButton.Discard)
    window = MainWindow(project)  # the engine in its worker thread, as the app runs it
    window.show()
    try:
        _wait(app, lambda: window.state is not None and not window.controller.busy, "the first state")
        window.actions_.finish.trigger()  # F5: a whole iteration, forward, loss, backward, update
        _wait(app, lambda: window.state is not None and window.state.snapshot.stage is not None
              and window.state.snapshot.stage.kind == "update" and not window.controller.busy
              and not window.render_pending, "one iteration")
        expected = project.stepper().finish_iteration()
        shown = window.matrices.model("W", 1)
        engine = expected.get("W", 1)
        assert engine is not None
        values = np.array([[shown.value(r, c) for c in range(shown.columnCount())] for r in range(shown.rowCount())])
        assert values.shape == engine.shape and np.array_equal(values, engine), f"W¹ shown {values}, engine {engine}"
        picture = tmp / "window.png"
        assert window.grab().save(str(picture)) and picture.stat().st_size > 10_000, "the window did not render"
        return "one iteration through the window's engine thread: W¹ after the update = the engine's, bit for bit"
    finally:
        with discard:  # closing never waits on a question
            window.close()
        app.processEvents()


def _wait(app, done: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.005)


def _exports(tmp: Path) -> str:
    from bpstudio.engine import load_snapshot, save_snapshot
    from bpstudio.engine.atomic_file import write_text_atomically
    from bpstudio.engine.examples import resolve_project
    from bpstudio.engine.text.worked_example import worked_example

    project = resolve_project("seed003_2-2-1")
    markdown = tmp / "worked.md"
    write_text_atomically(markdown, worked_example(project.stepper(), project.name, "md"))
    text = markdown.read_text("utf-8")
    assert "BP4" in text and "0.0136" in text, "the worked example lacks its numbers"
    snap = project.stepper().finish_iteration()
    path = save_snapshot(tmp / "snapshot.npz", snap, project.to_dict())
    loaded = load_snapshot(path)
    assert all(np.array_equal(loaded.arrays[k], v) for k, v in snap.arrays.items()), "snapshot differs"
    return f"worked example ({len(text)} characters) and snapshot ({path.stat().st_size} bytes) written and read back"


def _translations(tmp: Path) -> str:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from bpstudio.app.look.language import CHINESE, ENGLISH, install_language
    from bpstudio.engine.i18n import translate

    QApplication.instance() or QApplication(sys.argv)
    try:
        assert install_language(CHINESE) == CHINESE, "the Chinese translation did not load"
        menu = QCoreApplication.translate("MainWindow", "&File")
        stage = translate("Stages", "loss")
        assert menu == "文件(&F)" and stage != "loss", f"{menu!r}, {stage!r}"
    finally:
        install_language(ENGLISH)
    return "中文（简体） loads: File → 文件(&F)"


def _lessons(tmp: Path) -> str:
    from bpstudio.engine.lessons import expected_value, load_lesson, shipped_lessons

    lessons = [load_lesson(p) for p in shipped_lessons()]
    predictions = [(lesson, s.predict) for lesson in lessons for s in lesson.steps if s.predict is not None]
    values = [expected_value(lesson, p) for lesson, p in predictions]
    assert values and all(np.isfinite(values)), "a lesson's answer is not a number"
    return f"{len(lessons)} lessons load; their {len(values)} predictions resolve to engine numbers"


def _exercises(tmp: Path) -> str:
    from bpstudio.engine.examples import resolve_project
    from bpstudio.engine.exercise_variant import variant_from_code
    from bpstudio.engine.text.exercise_sheets import SheetRequest, variants, write_sheets

    request = SheetRequest(resolve_project("seed003_2-2-1").network, count=3, formats=("md",))
    files = write_sheets(tmp / "exercises", request)  # (each key answer is checked against the engine)
    key = next(f for f in files if f.name.startswith("answer-key")).read_text("utf-8")
    made = variants(request)
    assert all(v.code.text in key for v in made), "the answer key lacks a variant's code"
    again = variant_from_code(made[-1].code.text)
    assert all(np.array_equal(a, b) for p, q in zip(again.params, made[-1].params, strict=True)
               for a, b in zip(p, q, strict=True)), "a variant's code does not give its numbers back"
    return f"{len(made)} exercise variants and their key written; a code gives its variant back"


CHECKS: list[tuple[str, Check]] = [("resources", _resources), ("engine", _engine), ("training", _training),
                                   ("window", _window), ("exports", _exports), ("translations", _translations),
                                   ("lessons", _lessons), ("exercises", _exercises)]


def run(out=None) -> int:
    """Run every check; 0 when all pass."""
    out = out or sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless even on a desktop: nothing appears
    home = Path(tempfile.mkdtemp(prefix="bpstudio-self-test-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(home / var.lower())
    from PySide6.QtCore import QSettings, qInstallMessageHandler

    from bpstudio.app.window import autosave

    from . import __version__

    # XDG_* covers Linux; on Windows (registry) and macOS (~/Library) the settings and the autosave go here too
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    autosave.data_dir = lambda: home / "data" / "bpstudio"

    def quiet(kind, context, message: str) -> None:  # the offscreen platform's notes are no failure
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)

    print(f"BP Studio {__version__} self-test (Python {sys.version.split()[0]}, {sys.platform})", file=out)
    failed, started = [], time.perf_counter()
    for name, check in CHECKS:
        tmp = home / name
        tmp.mkdir()
        t0 = time.perf_counter()
        try:
            detail = check(tmp)
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check runs
            failed.append(name)
            print(f"FAIL {name}: {exc}", file=out)
            traceback.print_exc(file=out)
        else:
            print(f"ok   {name} ({time.perf_counter() - t0:.2f} s): {detail}", file=out)
    total = time.perf_counter() - started
    if failed:
        print(f"self-test FAILED: {', '.join(failed)} ({total:.1f} s)", file=out)
        return 1
    print(f"self-test passed: {len(CHECKS)} checks in {total:.1f} s", file=out)
    return 0
