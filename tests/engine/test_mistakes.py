"""The library of typical mistakes: every mistake, on every example project and on networks the examples lack,
either says why it cannot be planted there (NumPy's own error where the buggy program would fail) or, planted,
changes numbers, makes the gradient check fail naming parameters, runs the same stepped and fast, and is what
its buggy line in the reference program computes. The engine with nothing planted is untouched bit for bit."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec
from bpstudio.engine import backprop as bp
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.gradcheck import gradient_check
from bpstudio.engine.mistake_ops import CORRECT, iteration
from bpstudio.engine.mistakes import MISTAKES, available, batch_of, buggy_value, evaluate, evaluate_all, why_not
from bpstudio.engine.planted import PlantedStepper
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.snapshot import key
from bpstudio.engine.text.planted_code import planted_lines
from bpstudio.engine.text.reference_code import program_text, reference_lines

EXAMPLES = sorted(p.stem for p in example_path("seed003_2-2-1").parent.glob("*.bpsproj"))
OTHER = [  # square layers (W for Wᵀ, the product order), softmax without cross-entropy, momentum
    (NetworkSpec(3, (LayerSpec(3, "sigmoid"), LayerSpec(3, "softmax")), "squared_error"), TrainingSpec(0.5, 4)),
    (NetworkSpec(2, (LayerSpec(2, "tanh"), LayerSpec(2, "tanh"), LayerSpec(2, "sigmoid")), "squared_error"),
     TrainingSpec(0.2, 0, momentum=0.9, l2=0.01)),
    (NetworkSpec(3, (LayerSpec(4, "relu"), LayerSpec(3, "softmax")), "cross_entropy"), TrainingSpec(0.3, 5)),
]
CASES = EXAMPLES + [f"other{i}" for i in range(len(OTHER))]
ITERATIONS = 3


def fresh(name: str) -> Stepper:
    if not name.startswith("other"):
        return resolve_project(name).stepper()
    i = int(name[5:])
    spec, training = OTHER[i]
    rng = np.random.default_rng(i)
    x = rng.normal(size=(spec.input_size, 11))
    n = spec.layers[-1].units
    y = np.eye(n)[:, rng.integers(0, n, 11)]
    return Stepper(spec, x, y, training, InitSpec("xavier"))


def _differs(snap) -> set[str]:
    got = set()
    for k, v in snap.arrays.items():
        wrong = snap.planted.wrong(k, v)
        if wrong is not None and wrong.any():
            got.add(k)
    if snap.loss is not None and snap.planted.loss is not None and snap.loss != snap.planted.loss:
        got.add("loss")
    return got


@pytest.mark.parametrize("name", CASES)
def test_every_mistake_is_planted_or_says_why_not(name: str) -> None:
    original = fresh(name)
    m = batch_of(original.training, original.samples)
    before = original.snapshot()
    for mistake, reason in available(original.spec, m):
        lines = reference_lines(original.spec, original.training, "column")
        if reason:
            assert reason.strip() and reason == why_not(mistake.id, original.spec, m)
            if "NumPy" in reason:  # the buggy program fails with that very error
                buggy, changed = planted_lines(lines, mistake.id, original.spec, "column")
                assert changed
                with pytest.raises(ValueError) as failed:
                    _run(program_text(buggy, comments=False), original.parameters, [original.current_batch()])
                assert str(failed.value) in reason
            continue
        planted = PlantedStepper(original, mistake.id)
        marked: set[str] = set()
        batches = []
        for _ in range(ITERATIONS):
            for _ in planted.stages:
                snap = planted.step()
                marked |= _differs(snap)
            batches.append((snap.arrays["input"], snap.arrays["target"]))
        assert marked, f"{mistake.id} changed nothing on {name}"
        x, y = planted.current_batch()
        check = gradient_check(planted.plan, planted.parameters, x, y)
        failing = [(l, n) for l, n, _, ok in check.per_parameter() if not ok]
        assert not check.passed and failing, f"{mistake.id} passes the gradient check on {name}"
        fast = PlantedStepper(original, mistake.id)
        fast.run_iterations(ITERATIONS)
        for (W, b), (V, c) in zip(planted.parameters, fast.parameters, strict=True):
            assert W.tobytes() == V.tobytes() and b.tobytes() == c.tobytes()
        buggy, changed = planted_lines(lines, mistake.id, original.spec, "column")
        assert changed and all(buggy[i].role in (mistake.roles + ("BP1",)) for i in changed)
        space = _run(program_text(buggy, comments=False), original.parameters, batches)
        for l, (W, b) in enumerate(planted.parameters, start=1):
            np.testing.assert_allclose(space[f"W{l}"], W, rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(space[f"b{l}"], b, rtol=1e-9, atol=1e-12)
    after = original.snapshot()  # the original stepper was never touched
    assert (after.position, after.iteration) == (before.position, before.iteration)
    for k, v in before.arrays.items():
        assert after.arrays[k].tobytes() == v.tobytes()


def _run(text: str, params, batches) -> dict:
    space: dict = {"batches": batches}
    for l, (W, b) in enumerate(params, start=1):
        space[f"W{l}"], space[f"b{l}"] = W.copy(), b.copy()
    with np.errstate(all="ignore"):
        exec(compile(text, "<buggy program>", "exec"), space)  # noqa: S102 - the program under test
    return space


@pytest.mark.parametrize("convention", ["row", "deeplearning"])
@pytest.mark.parametrize("name", ["seed003_2-2-1", "other1"])
def test_the_other_notations_plant_the_same_bug(name: str, convention: str) -> None:
    """The row program (samples as rows) and the deeplearning.ai program (dZ1, dAL) run the same mistake."""
    row = convention == "row"
    original = fresh(name)
    m = batch_of(original.training, original.samples)
    for mistake, reason in available(original.spec, m):
        if reason:
            continue
        planted = PlantedStepper(original, mistake.id)
        planted.finish_iteration()
        batch = [original.current_batch()]
        lines, changed = planted_lines(reference_lines(original.spec, original.training, convention), mistake.id,
                                       original.spec, convention)
        assert changed
        given = [(W.T, b.T) if row else (W, b) for W, b in original.parameters]
        space = _run(program_text(lines, comments=False), given, batch)
        for l, (W, b) in enumerate(planted.parameters, start=1):
            np.testing.assert_allclose(space[f"W{l}"], W.T if row else W, rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(space[f"b{l}"], b.T if row else b, rtol=1e-9, atol=1e-12)


def test_the_correct_operations_are_the_engine_bit_for_bit() -> None:
    st = fresh("seed003_2-2-1")
    x, y = st.current_batch()
    got = iteration(st.plan, st.parameters, x, y, st.training)
    snap = st.finish_iteration()
    for k, v in snap.arrays.items():
        if k in got:
            assert np.asarray(got[k]).tobytes() == v.tobytes(), k
    assert got["loss"] == snap.loss
    assert CORRECT.bp1 is bp.output_delta and CORRECT.update is bp.update_layers


def test_evaluate_gives_the_buggy_value_of_an_entry() -> None:
    st = fresh("seed003_2-2-1")
    x, y = st.current_batch()
    p = st.parameters
    zs, acts = bp.forward(st.plan, p, x)
    sig = lambda v: 1.0 / (1.0 + np.exp(-v))  # noqa: E731
    by_hand = (acts[2] - y) * sig(acts[2]) * (1.0 - sig(acts[2]))  # σ′ taken at a
    assert buggy_value("fprime_of_a", st.plan, p, x, y, key("delta", 2), (0, 1)) == pytest.approx(by_hand[0, 1])
    right = bp.full_gradients(st.plan, p, x, y)[1]
    m = x.shape[1]
    assert buggy_value("no_mean", st.plan, p, x, y, key("dW", 1), (1, 0)) == pytest.approx(m * right[0][0][1, 0])
    assert buggy_value("mean_twice", st.plan, p, x, y, key("db", 2), (0, 0)) == pytest.approx(right[1][1][0, 0] / m)
    loss = bp.batch_loss(st.plan, p, x, y)
    assert buggy_value("half_dropped", st.plan, p, x, y, "loss") == pytest.approx(2 * loss)
    assert buggy_value("sum_for_mean", st.plan, p, x, y, "loss") == pytest.approx(m * loss)
    new = evaluate("update_sign", st.plan, p, x, y, st.training)
    assert np.allclose(new[key("W", 1)], p[0][0] + st.training.learning_rate * right[0][0])
    assert "error" in evaluate("w_not_transposed", st.plan, p, x, y)  # W2 is 1×2: NumPy refuses W2 @ δ2
    assert buggy_value("w_not_transposed", st.plan, p, x, y, key("delta", 1), (0, 0)) is None
    assert replace(st.plan, mistake="").mistake == "" and len(MISTAKES) == 16
    every = evaluate_all(st.plan, p, x, y, st.training)  # seed 003: all but W for Wᵀ, softmax, the product order
    assert set(every) == {m.id for m in MISTAKES} - {"w_not_transposed", "softmax_elementwise", "order_swapped",
                                                     "two_forgotten"}  # and ½‖y − a‖² has no 2 to forget
    assert every["no_mean"][key("dW", 1)][1, 0] == pytest.approx(m * right[0][0][1, 0])
