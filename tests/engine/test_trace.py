"""trace_iteration writes each stage's equation with the current numbers substituted."""

from __future__ import annotations

import re

import numpy as np

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec, trace_iteration
from bpstudio.engine.text.notation import format_number

PARAMS = [(np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.35], [0.35]])),
          (np.array([[0.40, 0.45]]), np.array([[0.60]]))]


def seed003(learning_rate: float = 0.5) -> Stepper:
    spec = NetworkSpec(2, (LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")), "squared_error")
    return Stepper(spec, np.array([[0.05], [0.10]]), np.array([[0.01]]), TrainingSpec(learning_rate=learning_rate),
                   InitSpec("explicit"), PARAMS)


def test_trace_contains_the_substituted_numbers() -> None:
    reference = seed003()
    snaps = {}
    for _ in range(len(reference.stages)):
        s = reference.step()
        assert s.stage is not None
        snaps[s.stage.name] = s
    text = trace_iteration(seed003())
    assert text.startswith("Network 2-2-1, activations sigmoid, sigmoid, loss squared_error")
    assert "Iteration 1, batch of 1 sample(s), learning rate 0.5" in text
    for name in ("BP1", "BP2", "BP3", "BP4"):
        assert name in text
    for header in ("[forward 1]", "[forward 2]", "[loss]", "[backward 2]", "[backward 1]", "[update]"):
        assert text.count(header) == 1
    # the order of the stages is the order of the iteration
    positions = [text.index(h) for h in ("[forward 1]", "[forward 2]", "[loss]", "[backward 2]", "[backward 1]",
                                         "[update]")]
    assert positions == sorted(positions)
    loss = snaps["loss"].loss
    assert loss is not None
    assert f"L = {format_number(loss, 4)}" in text  # the panels' formatter
    assert "L = 0.2748" in text  # ½(0.75136507 − 0.01)² = 0.2748110831…, at 4 digits
    a1 = snaps["forward 1"].get("a", 1)
    z2 = snaps["forward 2"].get("z", 2)
    d2 = snaps["backward 2"].get("delta", 2)
    assert f"{a1[0, 0]:.4f}" in text and f"{a1[1, 0]:.4f}" in text  # 0.5933, 0.5969
    assert f"{z2[0, 0]:.4f}" in text  # 1.1059
    assert f"δ² (1×1) = [[{d2[0, 0]:.4f}]]" in text  # 0.1385
    assert "BP1: δ² = ∇ₐL ⊙ σ′(z²)" in text
    assert "BP2: δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹)" in text
    assert "BP4: ∂L/∂W¹ = (1/m) δ¹ (a⁰)ᵀ" in text
    assert "(η = 0.5)" in text
    W2 = snaps["update"].get("W", 2)
    assert f"W² = [[{W2[0, 0]:.4f}, {W2[0, 1]:.4f}]]" in text  # 0.3589, 0.4087


def test_trace_leaves_the_stepper_where_finish_iteration_would() -> None:
    traced, plain = seed003(), seed003()
    trace_iteration(traced)
    plain.finish_iteration()
    assert traced.complete
    for (Wa, ba), (Wb, bb) in zip(traced.parameters, plain.parameters, strict=True):
        assert np.array_equal(Wa, Wb) and np.array_equal(ba, bb)
    second = trace_iteration(traced)
    assert "Iteration 2," in second
    plain.finish_iteration()
    assert f"L = {format_number(plain.snapshot().loss, 4)}" in second


def test_trace_from_the_middle_describes_only_the_rest() -> None:
    st = seed003()
    st.step()
    st.step()
    text = trace_iteration(st)
    assert "[forward 1]" not in text and "[forward 2]" not in text
    assert "[loss]" in text and "[update]" in text


def test_trace_of_a_fused_output_and_precision() -> None:
    spec = NetworkSpec(1, (LayerSpec(3, "softmax"),), "cross_entropy")
    st = Stepper(spec, np.array([[1.0, 2.0]]), np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]),
                 TrainingSpec(learning_rate=0.25), InitSpec("explicit"),
                 [(np.array([[0.1], [0.2], [0.3]]), np.zeros(3))])
    text = trace_iteration(st, precision=6)
    assert "BP1 (fused softmax + cross_entropy): δ¹ = a¹ − y" in text
    snap = st.snapshot()
    st.step_back()
    loss = st.snapshot().loss
    assert loss is not None
    assert f"L = {format_number(loss, 6)}" in text
    assert re.search(r"\(η = 0\.25\)", text)
    W = snap.get("W", 1)
    assert f"{W[2, 0]:.6f}".rstrip("0") in text


def test_large_matrices_are_summarised() -> None:
    spec = NetworkSpec(10, (LayerSpec(10, "tanh"), LayerSpec(1, "identity")))
    rng = np.random.default_rng(0)
    st = Stepper(spec, rng.normal(size=(10, 3)), rng.normal(size=(1, 3)), init=InitSpec("small_uniform"))
    text = trace_iteration(st)
    W1 = st.parameters[0][0]
    assert W1.size == 100
    assert "[10 × 10 matrix: min" in text
    assert f"min {W1.min():.4g}" in text
