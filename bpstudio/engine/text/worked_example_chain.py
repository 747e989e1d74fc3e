"""The worked example's last section when an entry is chosen: the chain rule behind that one number (issue 15,
items 1 and 5), from the state after the iteration's backward pass — its nodes, the local derivative on every
edge, the product along each path (or each layer's fold on a large network), their sum and the batch mean."""

from __future__ import annotations

from bpstudio.engine.chain_graph import ChainGraph
from bpstudio.engine.i18n import translate

from . import chain_text as ct
from .notation import format_number
from .worked_example_formats import Block, Heading, Para, Table


def chain_blocks(graph: ChainGraph, digits: int = 4, notation: str = "column") -> list[Block]:
    n = lambda v: format_number(v, digits)  # noqa: E731
    title = ct.entry_title(graph, notation)
    start = ct.node_name(graph, graph.nodes[graph.start], notation)
    loss = ct.loss_name(graph)
    blocks: list[Block] = [Heading(translate("WorkedExample", "The chain rule behind {entry}").format(entry=title))]
    blocks.append(Para(translate(
        "WorkedExample", "Sample {s} of the batch of {m}: every path from {x} through the z and a of later layers to "
        "its loss {L}. Each edge carries its local derivative; the product along a path is what that path "
        "contributes, and where paths meet their contributions add up (the chain rule's sum).").format(
            s=graph.sample + 1, m=graph.batch_size, x=start, L=loss)))
    blocks.append(Table((translate("WorkedExample", "node"), translate("WorkedExample", "value"),
                         f"∂{loss}/∂ node"),
                        tuple((ct.node_name(graph, v, notation), n(v.value), n(v.grad)) for v in graph.nodes.values())))
    blocks.append(Table((translate("WorkedExample", "edge"), translate("WorkedExample", "local derivative"),
                         translate("WorkedExample", "value")),
                        tuple((ct.edge_symbol(graph, e, notation), ct.edge_formula(graph, e, notation), n(e.value))
                              for e in graph.edges)))
    if graph.paths:
        blocks.append(Table((translate("WorkedExample", "path"), translate("WorkedExample", "product of its edges")),
                            tuple((ct.path_text(graph, p.nodes, notation),
                                   " × ".join(n(f) for f in p.factors) + f" = {n(p.product)}") for p in graph.paths)))
        blocks.append(Para(translate("WorkedExample", "Sum over the {count} path(s): ∂{L}/∂{x} = {value}.").format(
            count=len(graph.paths), L=loss, x=start, value=n(graph.path_sum()))))
    else:
        blocks.append(Para(translate(
            "WorkedExample", "{count:,} paths lead to the loss: too many to list. Each crosses every later layer at "
            "one unit, so each layer's contributions add up to the same total; the largest are shown.").format(
                count=graph.path_count)))
        blocks.append(Table((translate("WorkedExample", "layer"), translate("WorkedExample", "contributions")),
                            tuple((f"{f.quantity}{f.layer}", ct.fold_text(graph, f, digits, notation).split(": ", 1)[1])
                                  for f in graph.folds)))
        blocks.append(Para(f"∂{loss}/∂{start} = {n(graph.total)}."))
    if graph.ref.parameter:
        blocks.append(Para(translate(
            "WorkedExample", "Per sample: {values}. The batch loss is the mean of the per-sample losses, so the "
            "panel's entry is their mean: {entry} = (1/m) Σₛ ∂Lₛ/∂{x} = {value}.").format(
                values=", ".join(n(v) for v in graph.per_sample[:16]) + (" …" if graph.batch_size > 16 else ""),
                entry=title, x=start, value=n(graph.mean))))
    return blocks
