"""``bpstudio chain PROJECT --entry "W2[1,2]"``: the graph of one number, printed with its numbers.

The state is the one the panels show once the backward pass of the iteration is done (after ``--iterations``
whole iterations first): the chain of ``--entry`` for ``--sample`` (1-based) runs from it through every later z
and a to that sample's loss; for a parameter the per-sample values and their batch mean close it.
"""

from __future__ import annotations

import argparse
import sys

from bpstudio.engine.chain_graph import MAX_UNITS, graph_from_snapshot
from bpstudio.engine.entry_ref import parse_entry
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stepper import Stepper
from bpstudio.engine.text.chain_text import chain_text


def _sample(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be ≥ 1")
    return value


def add_chain_parser(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("chain", help="print the chain rule behind one number: every path to the loss, with numbers")
    c.add_argument("project", help="a .bpsproj file or built-in example name")
    c.add_argument("--entry", required=True,
                   help='the entry as the panels label it, 1-based: "W2[1,2]", "b1[2]", "z2[1]", "a1[3]", '
                        '"delta2[1]", "dW2[1,2]" (in --notation row: the displayed row/column)')
    c.add_argument("--sample", type=_sample, default=None,
                   help="which sample of the batch, 1-based (default 1, or the entry's own column for z/a/delta)")
    c.add_argument("--iterations", type=int, default=0, help="train this many whole iterations first")
    c.add_argument("--notation", choices=("column", "row", "deeplearning"), default="column",
                   help="column (default), row or deeplearning (W^[l], dZ^[l])")
    c.add_argument("--digits", type=int, default=4, help="digits after the decimal point (default 4)")
    c.add_argument("--units", type=_sample, default=MAX_UNITS,
                   help=f"on large networks, units shown per layer (default {MAX_UNITS})")


def after_backward(stepper: Stepper) -> Snapshot:
    """The state once this iteration's backward pass is done (before its update)."""
    snap = stepper.snapshot()
    if stepper.complete:
        snap = stepper.step()
    while snap.next_stage.kind != "update":
        snap = stepper.step()
    return snap


def cmd_chain(args: argparse.Namespace) -> int:
    ref = parse_entry(args.entry, args.notation)  # checked before the project is loaded and trained
    project = resolve_project(args.project)
    stepper = project.stepper()
    if args.iterations:
        stepper.run_iterations(args.iterations)
    snap = after_backward(stepper)
    sample = None if args.sample is None else args.sample - 1
    graph = graph_from_snapshot(snap, ref, sample, project.training, args.units)
    print(f"{project.name} — {project.network.sizes}, iteration {snap.iteration + 1}\n")
    sys.stdout.write(chain_text(graph, args.digits, args.notation))
    return 0
