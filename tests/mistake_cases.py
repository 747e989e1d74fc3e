"""For each typical mistake of the library, a lesson step whose predicted entry that mistake changes: found by
searching the entries of z, a, the loss, ∇ₐL, δ, ∂L/∂W, ∂L/∂b and the updated W, b of three networks (a square
sigmoid–softmax one where every mistake but one can happen, seed 003, then seed 004 for the 2 of ‖y − a‖²) for
one whose buggy value, rounded to four decimals as a learner types it, is clearly not the right answer. Shared
by the Qt-free and the window tests."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, TrainingSpec
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.lessons import Lesson, expected_value, lesson_from_dict
from bpstudio.engine.mistakes import MISTAKES, buggy_value
from bpstudio.engine.project import Project
from bpstudio.engine.snapshot import key


def square_project() -> Project:
    """3-3-3, sigmoid then softmax, ½‖y − a‖², batches of 4 with momentum, biases not zero: every mistake of the
    library but the 2 of ‖y − a‖² can happen here (W for Wᵀ and the product order need square W)."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=(8, 3)).round(2)
    y = np.eye(3)[rng.integers(0, 3, 8)]
    params = tuple((rng.normal(size=(3, 3)).round(2), rng.normal(size=(3, 1)).round(2)) for _ in range(2))
    return Project(NetworkSpec(3, (LayerSpec(3, "sigmoid"), LayerSpec(3, "softmax")), "squared_error"),
                   {"x": x.tolist(), "y": y.tolist()}, TrainingSpec(0.5, 4, momentum=0.5), InitSpec("xavier"),
                   params, name="Square")


PROJECTS = {"square": square_project, "seed003_2-2-1": lambda: resolve_project("seed003_2-2-1"),
            "seed004_chain_1-1-1": lambda: resolve_project("seed004_chain_1-1-1")}  # L = ‖y − a‖²: the 2 of ∇ₐL
AFTER = {"z": "forward", "a": "forward", "loss": "loss", "grad_a": "loss", "delta": "backward", "dW": "backward",
         "db": "backward", "W": "update", "b": "update"}


def predict_json(quantity: str, layer: int, row: int, col: int) -> dict:
    """A prediction as a lesson file writes it (1-based), read after the stage that computes it."""
    after = {"stage": AFTER[quantity]} | ({"layer": layer} if AFTER[quantity] in ("forward", "backward") else {})
    where = {} if quantity == "loss" else {"layer": layer, "row": row + 1, "col": col + 1}
    return {"quantity": quantity, **where, "after": after,
            "hint": {"en": "Look at the equation panel.", "zh_CN": "看看公式面板。"}}


def lesson_of(project: Project, predictions: list[dict]) -> Lesson:
    steps = [{"text": {"en": f"Predict number {i + 1}.", "zh_CN": f"预测第 {i + 1} 个数。"}, "predict": p}
             for i, p in enumerate(predictions)]
    return lesson_from_dict({"format": "bpstudio-lesson", "version": 1,
                             "title": {"en": "Typical mistakes", "zh_CN": "典型错误"},
                             "preset": project.to_dict(), "steps": steps}, "mistakes.json")


@dataclass(frozen=True)
class Case:
    mistake: str
    project: str
    predict: dict  # as in a lesson file
    buggy: float  # the library's buggy value of the entry
    right: float  # the engine's

    @property
    def typed(self) -> str:
        return f"{self.buggy:.4f}"


def _entries(project: Project):
    st = project.stepper()
    L = project.network.depth
    x, y = st.current_batch()
    yield "loss", 0, (), "loss"
    for l in range(1, L + 1):
        for q in ("z", "a", "delta", "dW", "db", "W", "b"):
            shape = (st.spec.sizes[l], x.shape[1]) if q in ("z", "a", "delta") else st.parameters[l - 1][
                0 if q in ("dW", "W") else 1].shape
            for index in np.ndindex(*shape):
                yield q, l, index, key(q, l)
    for index in np.ndindex(st.spec.sizes[L], x.shape[1]):
        yield "grad_a", L, index, "grad_a"


def find_case(mistake: str) -> Case | None:
    """The first entry (networks, then quantities in order) where ``mistake`` gives a number well outside the
    tolerance of the right one (twice the default: 0.001 or 1 %), and at most one other mistake gives the same
    four decimals (flipping ∇ₐL and flipping the update give the same new weights: both are then named)."""
    for name, make in PROJECTS.items():
        project = make()
        st = project.stepper()
        x, y = st.current_batch()
        for q, l, index, made in _entries(project):
            training = st.training if q in ("W", "b") else None
            got = buggy_value(mistake, st.plan, st.parameters, x, y, made, index, training)
            right = buggy_value("", st.plan, st.parameters, x, y, made, index, training)
            if got is None or right is None or not np.isfinite(got) or abs(got) < 0.01 \
                    or abs(got - right) < 2 * max(1e-3, 1e-2 * abs(right)):
                continue
            others = [buggy_value(m.id, st.plan, st.parameters, x, y, made, index, training) for m in MISTAKES
                      if m.id != mistake]
            if sum(o is not None and round(o, 4) == round(got, 4) for o in others) > 1:
                continue
            row, col = (index + (0, 0))[:2] if index else (0, 0)
            case = Case(mistake, name, predict_json(q, l, row, col), got, right)
            lesson = lesson_of(project, [case.predict])
            assert expected_value(lesson, lesson.steps[0].predict) == right  # the lesson asks for this entry
            return case
    return None
