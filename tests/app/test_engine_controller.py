"""The engine thread: commands in order, throttled results, errors as messages, cancel, clean shutdown."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.app.engine_link.engine_controller import EngineController
from bpstudio.engine import LayerSpec, NetworkSpec, Project, TrainingSpec, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.commands import Step


def example() -> Project:
    return load_project(example_path("seed003_2-2-1"))


def big_project(samples: int = 256) -> Project:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(samples, 64)).round(3).tolist()
    y = np.eye(10)[rng.integers(0, 10, samples)].tolist()
    spec = NetworkSpec(64, (LayerSpec(256, "relu"), LayerSpec(256, "relu"), LayerSpec(10, "softmax")), "cross_entropy")
    return Project(spec, {"x": x, "y": y}, TrainingSpec(learning_rate=0.01, batch_size=16))


@pytest.fixture
def threaded(controllers):
    return controllers


def wait_idle(qtbot, c: EngineController, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: not c.busy, timeout=timeout)


def test_results_match_a_stepper_in_the_same_order(qtbot, threaded):
    c = threaded(example())
    seen = []
    c.stateChanged.connect(seen.append)
    wait_idle(qtbot, c)
    for _ in range(4):
        c.step()
    wait_idle(qtbot, c)
    reference = example().stepper()
    for _ in range(4):
        expected = reference.step()
    final = seen[-1].snapshot
    assert final.stage == expected.stage and final.position == 4
    for k, v in expected.arrays.items():
        np.testing.assert_array_equal(final.arrays[k], v)
    assert not final.arrays["L1/W"].flags.writeable  # immutable snapshots cross the thread


def test_a_burst_of_commands_is_coalesced_but_ends_on_the_latest(qtbot, threaded):
    c = threaded(big_project())
    shown = []
    c.stateChanged.connect(shown.append)
    wait_idle(qtbot, c)
    shown.clear()
    for _ in range(60):
        c.step()
    wait_idle(qtbot, c)
    assert shown[-1].ident == c.latest.ident
    assert shown[-1].snapshot.iteration == 60 // 8  # 3 layers: 8 stages an iteration
    assert len(shown) < 60  # refreshes were throttled, not one per result


def test_engine_errors_arrive_as_messages_and_change_nothing(qtbot, threaded):
    c = threaded(example())
    errors = []
    c.errorOccurred.connect(lambda message, ident: errors.append(message))
    c.step()
    wait_idle(qtbot, c)
    before = c.latest.snapshot
    c.set_parameter(2, "W", (5, 0), 1.0)
    c.set_parameter(1, "W", (0, 0), float("nan"))
    wait_idle(qtbot, c)
    assert len(errors) == 2
    assert "L2/W" in errors[0] and "outside shape (1, 2)" in errors[0]
    assert "finite number" in errors[1]
    c.refresh()
    wait_idle(qtbot, c)
    after = c.latest.snapshot
    assert after.position == before.position == 1
    np.testing.assert_array_equal(after.arrays["L1/W"], before.arrays["L1/W"])


def test_an_invalid_project_is_refused_and_the_old_one_kept(qtbot, threaded):
    from dataclasses import replace

    c = threaded(example())
    errors = []
    c.errorOccurred.connect(lambda message, ident: errors.append(message))
    wait_idle(qtbot, c)
    old = c.latest.project
    bad = replace(old, network=NetworkSpec(3, old.network.layers, old.network.loss))  # data has 2 features
    c.set_project(bad)
    c.step()
    wait_idle(qtbot, c)
    assert errors and "input size is 3" in errors[0]
    assert c.latest.project is old and c.latest.snapshot.position == 1


def test_training_settings_change_keeps_the_current_weights(qtbot, threaded):
    from dataclasses import replace

    c = threaded(example())
    c.finish_iteration()
    wait_idle(qtbot, c)
    trained = c.latest.snapshot.arrays["L1/W"]
    project = c.latest.project
    rows = len(c.log)
    c.set_project(replace(project, training=replace(project.training, learning_rate=0.1)))
    wait_idle(qtbot, c)
    np.testing.assert_array_equal(c.latest.snapshot.arrays["L1/W"], trained)
    snap = c.latest.snapshot  # counted on from where it was: the same stage, its numbers, the curves
    assert c.latest.project.training.learning_rate == 0.1 and snap.position == len(c.latest.stages)
    assert snap.iteration == 0 and snap.get("delta", 1) is not None and len(c.log) == rows == 2
    c.set_project(replace(project, training=replace(project.training, batch_size=2)))  # other batches
    wait_idle(qtbot, c)
    np.testing.assert_array_equal(c.latest.snapshot.arrays["L1/W"], trained)
    assert c.latest.snapshot.position == 0 and len(c.log) == 1  # a fresh count from these weights


def test_a_long_run_can_be_cancelled(qtbot, threaded):
    c = threaded(big_project())
    wait_idle(qtbot, c)
    c.run_iterations(1_000_000)
    qtbot.wait(200)
    assert c.busy
    c.cancel()
    wait_idle(qtbot, c)
    assert "Stopped after" in c.latest.info
    assert 0 < c.latest.snapshot.iteration < 1_000_000


def test_shutdown_while_busy_is_clean(qtbot):
    c = EngineController(big_project(), threaded=True)
    c.run_iterations(1_000_000)
    qtbot.wait(100)
    thread = c._thread
    c.shutdown()
    assert thread.isFinished()


def test_a_command_sent_right_after_cancel_still_runs(qtbot, threaded):
    c = threaded(big_project())
    wait_idle(qtbot, c)
    c.run_iterations(10_000_000)
    qtbot.wait(100)
    c.cancel()
    c.step()  # the next key press must not undo the Esc
    wait_idle(qtbot, c, timeout=10_000)
    assert "Stopped after" not in c.latest.info  # the latest result is the step's
    assert isinstance(c.latest.command, Step) and c.latest.snapshot.position == 1
    assert c.latest.snapshot.iteration < 10_000_000


def test_a_cancel_does_not_touch_commands_sent_after_it(qtbot, threaded):
    c = threaded(big_project())
    wait_idle(qtbot, c)
    c.cancel()  # cancels nothing sent later
    c.finish_iteration()
    wait_idle(qtbot, c)
    assert c.latest.snapshot.position == 8  # ran to the end: it was sent after the cancel
