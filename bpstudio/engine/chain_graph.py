"""The computational graph of one number (issue 15, item 1): from a weight, bias, z, a or δ entry through the z and
a of every later layer to the loss, for one sample of the batch, with numbers on every node and edge.

Nodes carry their value, ``tangent`` = ∂node/∂x (the sum over the paths from the chosen number x to the node) and
``grad`` = ∂Lₛ/∂node (the sum over the paths from the node to sample s's loss); ``contribution`` = tangent · grad
is the sum of the products of every path through the node. Edges carry their local derivative: ∂z/∂w = aˡ⁻¹ₖ,
∂z/∂b = 1, ∂a/∂z = f′(z) (softmax: ∂aₚ/∂zᵢ = aₚ(1[p=i] − aᵢ), every output from every z), ∂z/∂a = w, ∂Lₛ/∂a.

Every layer the paths cross is a ``Fold``: its units' contributions add up to ``total`` = ∂Lₛ/∂x exactly. When
there are few paths (≤ ``MAX_PATHS``) they are listed with their products; otherwise each layer shows its
``MAX_UNITS`` largest contributions and the count and sum of the rest — the work stays linear in the weights.
For a parameter, ``per_sample`` holds ∂Lₛ/∂θ for every sample (forward sweep), and ``mean`` is the panel's
entry ∂L/∂θ = (1/m) Σₛ ∂Lₛ/∂θ (L is the mean of the per-sample losses). For z, a and δ the per-sample values
are ∂Lₛ/∂z (= δ) and ∂Lₛ/∂a.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from . import backprop as bp
from .chain_passes import Passes, path_count, run_passes, softmax_jacobian, tangents
from .entry_ref import EntryRef
from .snapshot import Snapshot
from .spec import TrainingSpec
from .stages import UPDATE

Array = np.ndarray
MAX_PATHS = 24  # paths listed one by one up to this many
MAX_UNITS = 5  # otherwise: units shown per layer, the largest contributions
LOSS = "L"


@dataclass(frozen=True)
class Node:
    id: str  # "W2[0,1]", "b2[0]", "z3[1]", "a3[1]", "L" (engine indices, 0-based)
    quantity: str  # W, b, z, a, loss
    layer: int
    unit: int  # row of the engine's array (the unit); 0 for the loss
    col: int  # k for a weight, else 0
    value: float  # for this sample: the parameter, zₛ, aₛ, or Lₛ
    tangent: float  # ∂node/∂x
    grad: float  # ∂Lₛ/∂node

    @property
    def contribution(self) -> float:
        return self.tangent * self.grad


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # dz/dw, dz/db, da/dz, dz/da, dL/da
    value: float  # the local derivative, for this sample


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    factors: tuple[float, ...]  # one local derivative per edge
    product: float


@dataclass(frozen=True)
class Fold:
    """One layer's z or a, crossed by every path: the shown units and the rest, whose contributions add up."""

    quantity: str  # z, a
    layer: int
    shown: tuple[str, ...]  # node ids, largest |contribution| first (the chosen unit first at its own layer)
    rest_count: int  # reachable units not shown
    rest_sum: float  # their contributions
    total: float  # Σ over every unit of the layer: ∂Lₛ/∂x


@dataclass(frozen=True)
class ChainGraph:
    ref: EntryRef
    sample: int
    batch_size: int
    activations: tuple[str, ...]  # f¹ … fᴸ by name
    loss: str
    fused: bool
    start: str  # the id of the node of x
    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    folds: tuple[Fold, ...]  # in the order the paths cross them
    paths: tuple[Path, ...]  # empty when there are more than MAX_PATHS
    path_count: int
    total: float  # ∂Lₛ/∂x for the chosen sample, assembled from the last fold
    per_sample: Array = field(repr=False)  # ∂Lₛ/∂x for every sample (forward sweep)
    weights: str = "current"  # current | recovered (before the update, W + η∂L/∂W) | updated

    @property
    def mean(self) -> float:
        """(1/m) Σₛ ∂Lₛ/∂x: for a parameter, the ∂L/∂W or ∂L/∂b entry of the panel."""
        return float(np.mean(self.per_sample))

    @property
    def listed(self) -> bool:
        """True when every path is listed (else the folds stand for them)."""
        return bool(self.paths) or self.path_count == 0

    def path_sum(self) -> float:
        return float(sum(p.product for p in self.paths))


def _start(ref: EntryRef) -> str:
    return "a" if ref.quantity == "a" else "z"


def build_chain_graph(plan: bp.Plan, params: Sequence[tuple[Array, Array]], x: Array, y: Array, ref: EntryRef,
                      sample: int | None = None, weights: str = "current", max_units: int = MAX_UNITS) -> ChainGraph:
    """The graph of ``ref`` for sample ``sample`` (default: the ref's own column for z/a/δ, else 0) of the batch
    (x, y) (column convention, samples as columns) under ``params`` (the weights the forward pass uses)."""
    sizes = plan.spec.sizes
    m = x.shape[1]
    s = (ref.col if ref.batch else 0) if sample is None else sample
    ref.check(sizes, m)
    if not 0 <= s < m:
        raise ValueError(f"sample {s + 1} outside the batch of {m}")
    ref = ref.with_sample(s)
    l, j, L = ref.layer, ref.row, plan.spec.depth
    passes = run_passes(plan, params, x, y, l)
    scale = passes.acts[l - 1][ref.col, :] if ref.parameter == "W" else np.ones(m)
    t_z, t_a = tangents(plan, passes, l, j, _start(ref), scale)
    per_sample = (t_a[L] * passes.grad_a).sum(axis=0)  # the last fold, every sample
    softmax_out = plan.activations[-1].df is None
    count = path_count(sizes, l, _start(ref), softmax_out)
    listed = count <= MAX_PATHS
    units = max(sizes) if listed else max_units
    nodes: dict[str, Node] = {}
    folds: list[Fold] = []
    start_id = ""
    if ref.parameter is not None:
        name = "W" if ref.parameter == "W" else "b"
        start_id = f"W{l}[{j},{ref.col}]" if name == "W" else f"b{l}[{j}]"
        W, b = passes.params[l - 1]
        value = float(W[j, ref.col] if name == "W" else b[j, 0])
        nodes[start_id] = Node(start_id, name, l, j, ref.col if name == "W" else 0, value, 1.0, float(per_sample[s]))
    for layer in range(l, L + 1):
        for q, tan, grads, vals in (("z", t_z, passes.g_z, passes.zs[layer - 1]),
                                    ("a", t_a, passes.g_a, passes.acts[layer])):
            if layer not in tan:
                continue
            only = j if layer == l and (q == "z" or _start(ref) == "a" or not (softmax_out and l == L)) else None
            folds.append(_fold(q, layer, tan[layer][:, s], grads[layer][:, s], vals[:, s], only, units, nodes))
            start_id = start_id or folds[-1].shown[0]
    nodes[LOSS] = Node(LOSS, "loss", L + 1, 0, 0, float(passes.losses[s]), float(per_sample[s]), 1.0)
    edges = _edges(plan, passes, ref, s, folds, start_id, nodes)
    paths = _paths(start_id, edges) if listed else ()
    return ChainGraph(ref, s, m, tuple(f.name for f in plan.activations), plan.loss.name, plan.fused, start_id,
                      nodes, edges, tuple(folds), paths, count, float(per_sample[s]), per_sample, weights)


def _fold(q: str, layer: int, tangent: Array, grad: Array, values: Array, only: int | None, units: int,
          nodes: dict[str, Node]) -> Fold:
    """The fold of one layer's z or a: ``only`` is the one unit the paths reach (at the chosen number's own
    layer), None when they reach every unit."""
    with np.errstate(invalid="ignore", over="ignore"):
        contrib = tangent * grad
    reach = [only] if only is not None else sorted(range(tangent.size), key=lambda i: (-abs(float(contrib[i])), i))
    shown, rest = reach[:units], reach[units:]
    ids = []
    for i in shown:
        nid = f"{q}{layer}[{i}]"
        nodes[nid] = Node(nid, q, layer, i, 0, float(values[i]), float(tangent[i]), float(grad[i]))
        ids.append(nid)
    return Fold(q, layer, tuple(ids), len(rest), float(contrib[rest].sum()) if rest else 0.0,
                float(contrib.sum()))


def _edges(plan: bp.Plan, passes: Passes, ref: EntryRef, s: int, folds: Sequence[Fold], start_id: str,
           nodes: dict[str, Node]) -> tuple[Edge, ...]:
    edges: list[Edge] = []
    first = folds[0]
    if ref.parameter == "W":
        edges.append(Edge(start_id, first.shown[0], "dz/dw", float(passes.acts[ref.layer - 1][ref.col, s])))
    elif ref.parameter == "b":
        edges.append(Edge(start_id, first.shown[0], "dz/db", 1.0))
    for lower, upper in zip(folds, folds[1:], strict=False):
        for src in lower.shown:
            a = nodes[src]
            for dst in upper.shown:
                b = nodes[dst]
                if lower.quantity == "z":  # z → a of the same layer
                    f = plan.activations[a.layer - 1]
                    if f.df is not None:
                        if a.unit == b.unit:
                            z, act = passes.zs[a.layer - 1][a.unit, s], passes.acts[a.layer][a.unit, s]
                            edges.append(Edge(src, dst, "da/dz", float(f.df(np.array(z), np.array(act)))))
                    else:
                        jac = softmax_jacobian(passes.acts[a.layer][:, s])
                        edges.append(Edge(src, dst, "da/dz", float(jac[b.unit, a.unit])))
                else:  # a → z of the next layer
                    edges.append(Edge(src, dst, "dz/da", float(passes.params[b.layer - 1][0][b.unit, a.unit])))
    for src in folds[-1].shown:
        edges.append(Edge(src, LOSS, "dL/da", float(passes.grad_a[nodes[src].unit, s])))
    return tuple(edges)


def _paths(start: str, edges: Sequence[Edge]) -> tuple[Path, ...]:
    out: dict[str, list[Edge]] = {}
    for e in edges:
        out.setdefault(e.source, []).append(e)
    paths: list[Path] = []

    def walk(node: str, trail: tuple[str, ...], factors: tuple[float, ...]) -> None:
        if node == LOSS:
            paths.append(Path(trail, factors, float(np.prod(factors)) if factors else 1.0))
            return
        for e in out.get(node, ()):
            walk(e.target, (*trail, e.target), (*factors, e.value))

    walk(start, (start,), ())
    return tuple(paths)


def parameters_used(snapshot: Snapshot, training: TrainingSpec | None = None
                    ) -> tuple[tuple[tuple[Array, Array], ...], str]:
    """The weights this iteration's forward pass used, and how they were found: "current" (before the update),
    "recovered" (after a plain update: W + η∂L/∂W, as the equation panel recovers them) or "updated" (after an
    update with momentum or L2, which cannot be undone from the snapshot: the graph uses the new weights)."""
    L = snapshot.spec.depth
    current = tuple((snapshot.arrays[f"L{l}/W"], snapshot.arrays[f"L{l}/b"]) for l in range(1, L + 1))
    if snapshot.stage is None or snapshot.stage.kind != UPDATE:
        return current, "current"
    grads = [(snapshot.get("dW", l), snapshot.get("db", l)) for l in range(1, L + 1)]
    if training is None or not training.plain:
        return current, "updated"
    lr = training.learning_rate
    old = []
    for (W, b), (dW, db) in zip(current, grads, strict=True):
        if dW is None or db is None:
            return current, "updated"
        old.append((W + lr * dW, b + lr * db))
    return tuple(old), "recovered"


def graph_from_snapshot(snapshot: Snapshot, ref: EntryRef, sample: int | None = None,
                        training: TrainingSpec | None = None, max_units: int = MAX_UNITS) -> ChainGraph:
    """``build_chain_graph`` on the snapshot's batch, with the weights its forward pass used."""
    params, how = parameters_used(snapshot, training)
    return build_chain_graph(bp.Plan.of(snapshot.spec), params, snapshot.arrays["input"], snapshot.arrays["target"],
                             ref, sample, how, max_units)
