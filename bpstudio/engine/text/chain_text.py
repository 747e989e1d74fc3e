"""The graph of one number in words and symbols: node names, each edge's local derivative as a formula with its
number, and the whole chain as lines of text (the command line's ``bpstudio chain``, the worked example, the
dock's legend). Column convention: w²₁₂, z²₁, a²₁ (the sample said apart); row convention: the displayed
positions W²[2, 1], Z²[s, 1] (``convention.entry_name``). Lₛ is the loss of sample s; L is the batch mean.
"""

from __future__ import annotations

from bpstudio.engine.activations import get_activation
from bpstudio.engine.chain_graph import LOSS, ChainGraph, Edge, Fold, Node
from bpstudio.engine.i18n import translate
from bpstudio.engine.losses import get_loss

from . import convention as conv
from .notation import format_number, sub, sup

_PRIME = {"sigmoid": "σ′", "tanh": "tanh′", "relu": "ReLU′", "leaky_relu": "LeakyReLU′", "identity": "f′"}
_PRIME_VALUE = {"sigmoid": "a(1 − a)", "tanh": "1 − a²", "relu": "1[z > 0]", "leaky_relu": "1 or 0.01",
                "identity": "1"}
_LOSS_GRAD = {"squared_error": "a − y", "squared_error_no_half": "2(a − y)", "cross_entropy": "−y / a",
              "binary_cross_entropy": "−y/a + (1 − y)/(1 − a)"}


def loss_name(graph: ChainGraph) -> str:
    return f"L{sub(graph.sample + 1)}"


def node_name(graph: ChainGraph, node: Node, convention: str = conv.COLUMN) -> str:
    """w²₁₂, b²₁, z³₂, a³₂, L₁ (column) or W²[2, 1], Z³[1, 2] … (row: the sample is the row)."""
    if node.id == LOSS:
        return loss_name(graph)
    col = node.col if node.quantity in ("W", "b") else graph.sample
    return conv.entry_name(node.quantity, node.layer, node.unit, col, convention)


def _input_name(graph: ChainGraph, layer: int, k: int, convention: str) -> str:
    if layer == 0:
        return f"x{sub(k + 1)}" if not conv.transposed(convention) else f"X[{graph.sample + 1}, {k + 1}]"
    return node_name(graph, Node("", "a", layer, k, 0, 0.0, 0.0, 0.0), convention)


def edge_symbol(graph: ChainGraph, edge: Edge, convention: str = conv.COLUMN) -> str:
    """∂z²₁/∂w²₁₂ — the local derivative the edge carries."""
    top = graph.nodes[edge.target]
    bottom = graph.nodes[edge.source]
    return f"∂{node_name(graph, top, convention)}/∂{node_name(graph, bottom, convention)}"


def edge_formula(graph: ChainGraph, edge: Edge, convention: str = conv.COLUMN) -> str:
    """What the local derivative is: a¹₂ (∂z/∂w), 1 (∂z/∂b), σ′(z²₁) = a(1 − a), w³₁₂ (∂z/∂a), a − y (∂L/∂a),
    a³₂(1[2=1] − a³₁) (softmax)."""
    src, dst = graph.nodes[edge.source], graph.nodes[edge.target]
    if edge.kind == "dz/dw":
        return _input_name(graph, src.layer - 1, src.col, convention)
    if edge.kind == "dz/db":
        return "1"
    if edge.kind == "dz/da":
        return conv.entry_name("W", dst.layer, dst.unit, src.unit, convention)
    if edge.kind == "dL/da":
        return _LOSS_GRAD.get(graph.loss, "∂L/∂a")
    f = graph.activations[src.layer - 1]
    if f == "softmax":
        a_p, a_i = node_name(graph, dst, convention), _input_name(graph, src.layer, src.unit, convention)
        same = "1" if src.unit == dst.unit else "0"
        return f"{a_p}({same} − {a_i})"
    return f"{_PRIME.get(f, 'f′')}({node_name(graph, src, convention)}) = {_PRIME_VALUE.get(f, '')}".rstrip(" =")


def entry_title(graph: ChainGraph, convention: str = conv.COLUMN) -> str:
    """∂L/∂w²₁₂ for a parameter, ∂Lₛ/∂z²₁ (= δ) for z and δ, ∂Lₛ/∂a²₁ for a."""
    start = graph.nodes[graph.start]
    name = node_name(graph, start, convention)
    return f"∂L/∂{name}" if graph.ref.parameter else f"∂{loss_name(graph)}/∂{name}"


def path_text(graph: ChainGraph, nodes: tuple[str, ...], convention: str = conv.COLUMN) -> str:
    return " → ".join(node_name(graph, graph.nodes[n], convention) for n in nodes)


def fold_text(graph: ChainGraph, fold: Fold, digits: int = 4, convention: str = conv.COLUMN) -> str:
    """"z³: z³₂ 0.0123 + z³₁ −0.002 + 7 more 0.0001 = 0.0104" — one layer's share of the total."""
    n = lambda v: format_number(v, digits)  # noqa: E731
    parts = [f"{node_name(graph, graph.nodes[i], convention)} {n(graph.nodes[i].contribution)}" for i in fold.shown]
    if fold.rest_count:
        parts.append(translate("ChainText", "{count} more {sum}").format(count=fold.rest_count, sum=n(fold.rest_sum)))
    symbol = ("Z" if conv.transposed(convention) else "z") if fold.quantity == "z" else \
        ("A" if conv.transposed(convention) else "a")
    return f"{symbol}{sup(fold.layer)}: " + " + ".join(parts) + f" = {n(fold.total)}"


def chain_lines(graph: ChainGraph, digits: int = 4, convention: str = conv.COLUMN) -> list[str]:
    """The chain as the command line prints it: nodes, edges with their local derivatives, the paths with their
    products (or the folds), the sum, the per-sample values and, for a parameter, the batch mean."""
    n = lambda v: format_number(v, digits)  # noqa: E731
    title = entry_title(graph, convention)
    lines = [translate("ChainText", "The chain of {entry}, sample {s} of {m}").format(
        entry=title, s=graph.sample + 1, m=graph.batch_size)]
    if graph.weights == "recovered":
        lines.append(translate("ChainText", "(after the update: the weights the forward pass used, recovered as "
                               "W + η ∂L/∂W)"))
    elif graph.weights == "updated":
        lines.append(translate("ChainText", "(after an update with momentum or L2: the updated weights)"))
    lines.append(translate("ChainText", "Nodes (value, ∂{L}/∂node):").format(L=loss_name(graph)))
    for node in graph.nodes.values():
        name = node_name(graph, node, convention)
        lines.append(f"  {name} = {n(node.value)}    ∂{loss_name(graph)}/∂{name} = {n(node.grad)}")
    lines.append(translate("ChainText", "Edges (local derivatives):"))
    for e in graph.edges:
        lines.append(f"  {edge_symbol(graph, e, convention)} = {edge_formula(graph, e, convention)} = {n(e.value)}")
    return lines + summary_lines(graph, digits, convention)


def summary_lines(graph: ChainGraph, digits: int = 4, convention: str = conv.COLUMN) -> list[str]:
    """The paths with their products (or each layer's fold), the sum, and for a parameter the batch mean."""
    n = lambda v: format_number(v, digits)  # noqa: E731
    title = entry_title(graph, convention)
    lines: list[str] = []
    if graph.paths:
        lines.append(translate("ChainText", "{count} path(s) to the loss, each the product of its edges:").format(
            count=graph.path_count))
        for i, p in enumerate(graph.paths, start=1):
            product = " × ".join(n(f) for f in p.factors)
            lines.append(f"  {i}. {path_text(graph, p.nodes, convention)}:  {product} = {n(p.product)}")
        lines.append(translate("ChainText", "Sum over the paths (where they meet): {entry} = {value}").format(
            entry=f"∂{loss_name(graph)}/∂{node_name(graph, graph.nodes[graph.start], convention)}",
            value=n(graph.path_sum())))
    else:
        lines.append(translate("ChainText", "{count:,} paths to the loss: too many to list. Every path crosses each "
                               "layer at one unit, so each layer's contributions add up to the total:").format(
            count=graph.path_count))
        lines += ["  " + fold_text(graph, f, digits, convention) for f in graph.folds]
    if graph.fused and any(f.layer == len(graph.activations) and f.quantity == "z" for f in graph.folds):
        lines.append(translate("ChainText", "With {f} and {loss} the sum over the outputs collapses: ∂Lₛ/∂zᴸ = a − y."
                               ).format(f=get_activation(graph.activations[-1]).title, loss=get_loss(graph.loss).title))
    lines.append(translate("ChainText", "{entry} for sample {s}: {value}").format(
        entry=f"∂{loss_name(graph)}/∂{node_name(graph, graph.nodes[graph.start], convention)}", s=graph.sample + 1,
        value=n(graph.total)))
    if graph.ref.parameter:
        shown = ", ".join(n(v) for v in graph.per_sample[:12]) + (" …" if graph.batch_size > 12 else "")
        lines.append(translate("ChainText", "Per sample: {values}").format(values=shown))
        lines.append(translate("ChainText", "Mean over the batch of {m}: {entry} = (1/m) Σₛ ∂Lₛ/∂θ = {value} (the "
                               "panel's entry)").format(m=graph.batch_size, entry=title, value=n(graph.mean)))
    return lines


def chain_text(graph: ChainGraph, digits: int = 4, convention: str = conv.COLUMN) -> str:
    return "\n".join(chain_lines(graph, digits, convention)) + "\n"
