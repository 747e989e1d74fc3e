"""The graph of one number (issue 15, item 1): for every entry of every parameter of every example project, the
graph assembled from path products and layer-wise sums equals the engine's ∂L/∂W and ∂L/∂b entries; z, a and δ
entries equal their δ- and ∂L/∂a-based values; the listed paths are the real paths and the folds are exact."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from bpstudio.engine import Stepper
from bpstudio.engine.chain_graph import MAX_PATHS, build_chain_graph, graph_from_snapshot, parameters_used
from bpstudio.engine.chain_passes import path_count
from bpstudio.engine.entry_ref import EntryRef
from bpstudio.engine.examples import resolve_project, wide_project
from bpstudio.engine.resource_files import examples_dir
from bpstudio.engine.snapshot import Snapshot

EXAMPLES = sorted(examples_dir().glob("*.bpsproj"))
TOL = 1e-12


def close(x: float, y: float) -> bool:
    return abs(x - y) <= TOL * max(1.0, abs(y))


def after_backward(stepper: Stepper, iterations: int = 1) -> Snapshot:
    """The snapshot once ``iterations`` − 1 whole iterations and the next one's backward pass are done."""
    stepper.run_iterations(iterations - 1)
    snap = stepper.snapshot()
    for _ in range(2 * stepper.spec.depth + 1):
        snap = stepper.step()
    return snap


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_parameter_entry_equals_the_engine(path: Path) -> None:
    project = resolve_project(str(path))
    snap = after_backward(project.stepper(), iterations=2)
    checked = 0
    for l in range(1, project.network.depth + 1):
        for q, dq in (("W", "dW"), ("b", "db")):
            engine = snap.get(dq, l)
            assert engine is not None
            for (j, k), value in np.ndenumerate(engine):
                for name in (q, dq):  # dW and db name the same numbers
                    g = graph_from_snapshot(snap, EntryRef(name, l, j, k), training=project.training)
                    assert close(g.mean, float(value)), (path.name, name, l, j, k, g.mean, value)
                    assert all(close(f.total, g.total) for f in g.folds)
                    assert close(g.nodes[g.start].grad, g.total)
                    if g.paths:
                        assert close(g.path_sum(), g.total)
                checked += 1
    assert checked == sum(W.size + b.size for W, b in project.stepper().parameters)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_z_a_delta_entries_equal_their_delta_based_values(path: Path) -> None:
    project = resolve_project(str(path))
    snap = after_backward(project.stepper())
    L, m = project.network.depth, snap.batch_size
    for l in range(1, L + 1):
        z, a, delta = snap.get("z", l), snap.get("a", l), snap.get("delta", l)
        above = snap.arrays["grad_a"] if l == L else snap.get("W", l + 1).T @ snap.get("delta", l + 1)
        for j in range(z.shape[0]):
            for s in sorted({0, m - 1}):
                gz = graph_from_snapshot(snap, EntryRef("z", l, j, s))
                gd = graph_from_snapshot(snap, EntryRef("delta", l, j, s))
                ga = graph_from_snapshot(snap, EntryRef("a", l, j, s))
                assert gz.nodes[gz.start].value == z[j, s] and ga.nodes[ga.start].value == a[j, s]
                assert close(gz.total, delta[j, s]) and close(gd.total, delta[j, s])
                assert close(ga.total, above[j, s])
                assert close(float(gz.per_sample[s]), delta[j, s])


def test_seed004_chain_is_3blue1brown_s_three_factors() -> None:
    project = resolve_project("seed004_chain_1-1-1")
    snap = after_backward(project.stepper())
    g = graph_from_snapshot(snap, EntryRef("W", 2, 0, 0), sample=0, training=project.training)
    a1, a2, y = snap.get("a", 1)[0, 0], snap.get("a", 2)[0, 0], snap.arrays["target"][0, 0]
    assert g.path_count == 1 and len(g.paths) == 1
    path = g.paths[0]
    assert path.nodes == ("W2[0,0]", "z2[0]", "a2[0]", "L")
    assert [e.kind for e in g.edges] == ["dz/dw", "da/dz", "dL/da"]
    assert path.factors[0] == a1 and close(path.factors[1], a2 * (1 - a2))
    assert close(path.factors[2], float(snap.arrays["grad_a"][0, 0]))
    assert close(path.product, a1 * a2 * (1 - a2) * float(snap.arrays["grad_a"][0, 0]))
    assert abs(float(snap.arrays["grad_a"][0, 0]) - (2 * (a2 - y) if project.network.loss.endswith("no_half")
                                                     else a2 - y)) < 1e-15


def test_seed003_one_path_per_weight_and_case_2_where_paths_meet() -> None:
    project = resolve_project("seed003_2-2-1")
    snap = after_backward(project.stepper())
    g = graph_from_snapshot(snap, EntryRef("W", 1, 0, 1), sample=1)
    assert g.path_count == 1 and g.paths[0].nodes == ("W1[0,1]", "z1[0]", "a1[0]", "z2[0]", "a2[0]", "L")
    project = resolve_project("spiral_softmax")  # 2-16-16-3: z²ⱼ reaches the loss through 3 × 3 paths
    snap = after_backward(project.stepper())
    g = graph_from_snapshot(snap, EntryRef("z", 2, 4, 0))
    assert g.path_count == 9 == len(g.paths) == len({p.nodes for p in g.paths})
    assert close(g.path_sum(), float(snap.get("delta", 2)[4, 0]))
    for p in g.paths:
        assert close(p.product, math.prod(p.factors))
    # where the paths meet: ∂L/∂a²ⱼ is the sum over the three z³ it feeds
    a_node = g.nodes["a2[4]"]
    outgoing = [e for e in g.edges if e.source == "a2[4]"]
    assert close(a_node.grad, sum(e.value * g.nodes[e.target].grad for e in outgoing))


def test_softmax_outputs_are_coupled_by_the_jacobian() -> None:
    project = resolve_project("softmax_cross_entropy_small")
    snap = after_backward(project.stepper())
    n = project.network.sizes[-1]
    g = graph_from_snapshot(snap, EntryRef("z", 1, 0, 0))
    assert g.path_count == n == len(g.paths)  # z₁ → every aₚ → L
    a = snap.get("a", 1)[:, 0]
    jac = {e.target: e.value for e in g.edges if e.kind == "da/dz"}
    assert len(jac) == n
    for p in range(n):
        assert close(jac[f"a1[{p}]"], a[p] * ((p == 0) - a[0]))
    assert close(g.path_sum(), float(snap.get("delta", 1)[0, 0]))


def test_large_networks_fold_paths_and_stay_exact() -> None:
    project = wide_project(samples=16)
    snap = after_backward(project.stepper())
    g = graph_from_snapshot(snap, EntryRef("W", 1, 5, 300), sample=3, max_units=4)
    assert g.path_count == 64 * 10 * 10 > MAX_PATHS and g.paths == ()
    assert close(g.mean, float(snap.get("dW", 1)[5, 300]))
    for f in g.folds:
        assert close(f.total, g.total)
        if f.rest_count:
            assert len(f.shown) == 4
            shown = sum(g.nodes[i].contribution for i in f.shown)
            assert close(shown + f.rest_sum, f.total)
            shown_sizes = [abs(g.nodes[i].contribution) for i in f.shown]
            assert shown_sizes == sorted(shown_sizes, reverse=True)
    hidden = [f for f in g.folds if f.layer == 2]
    assert [f.rest_count for f in hidden] == [60, 60]


def test_path_count_is_counted_not_enumerated() -> None:
    assert path_count((784, 128, 64, 10), 1, "z", True) == 64 * 10 * 10
    assert path_count((2, 2, 1), 1, "z", False) == 1
    assert path_count((2, 3), 1, "z", True) == 3
    assert path_count((2, 3), 1, "a", True) == 1
    assert path_count((4, 100, 100, 100, 100, 100, 10), 1, "z", False) == 100 ** 4 * 10


def test_the_weights_of_the_forward_pass_after_the_update() -> None:
    project = resolve_project("seed003_2-2-1")
    stepper = project.stepper()
    before = after_backward(stepper)
    after = stepper.step()  # the update
    params, how = parameters_used(after, project.training)
    assert how == "recovered"
    for (W, b), l in zip(params, range(1, 3), strict=True):
        np.testing.assert_allclose(W, before.get("W", l), rtol=0, atol=1e-15)
        np.testing.assert_allclose(b, before.get("b", l), rtol=0, atol=1e-15)
    g = graph_from_snapshot(after, EntryRef("dW", 2, 0, 1), training=project.training)
    assert g.weights == "recovered" and close(g.mean, float(after.get("dW", 2)[0, 1]))


def test_a_wrong_entry_is_refused() -> None:
    project = resolve_project("seed003_2-2-1")
    snap = after_backward(project.stepper())
    with pytest.raises(ValueError):
        graph_from_snapshot(snap, EntryRef("W", 3, 0, 0))
    with pytest.raises(ValueError):
        graph_from_snapshot(snap, EntryRef("W", 2, 0, 2))
    with pytest.raises(ValueError):
        build_chain_graph(resolve_project("seed003_2-2-1").stepper().plan, [(snap.get("W", l), snap.get("b", l))
                          for l in (1, 2)], snap.arrays["input"], snap.arrays["target"], EntryRef("b", 1, 0), 99)
    assert math.isfinite(graph_from_snapshot(snap, EntryRef("b", 1, 1, 0)).mean)
