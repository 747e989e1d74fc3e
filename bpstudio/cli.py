"""Command line: ``bpstudio`` opens the app; subcommands run the engine headless.

    bpstudio [gui] [PROJECT]          open the app (on the built-in example by default)
    bpstudio run PROJECT ...          train for N stages / iterations / epochs, export a snapshot
    bpstudio gradcheck PROJECT ...    backprop vs finite differences; exit 1 on failure
    bpstudio trace PROJECT ...        the stage trace of one iteration, with equations and numbers
    bpstudio torch PROJECT ...        a standalone PyTorch program that trains as BP Studio does (--gradients:
                                      a script checking one batch's loss and gradients)
    bpstudio numpy PROJECT ...        a standalone NumPy script that trains and prints the same loss curve
    bpstudio example PROJECT ...      a worked example of one iteration (Markdown, HTML or LaTeX) to hand out
    bpstudio chain PROJECT --entry E  the chain rule behind one number (W2[1,2] …): every path to the loss
    bpstudio exercises PROJECT ...    exercise sheets with answer keys: N variants with nice numbers, each with a code
    bpstudio exercise CODE            open the studio on exactly the exercise variant a code names
    bpstudio examples                 list the built-in example projects

PROJECT is a .bpsproj path, the name of a built-in example (see ``bpstudio examples``) or an exercise's code.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bpstudio.engine import BPStudioError, Project, Stepper, gradient_check, load_project, save_project, save_snapshot
from bpstudio.engine.atomic_file import write_text_atomically
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.resource_files import examples_dir
from bpstudio.engine.text.trace import trace_iteration

from . import __version__
from .cli_chain import add_chain_parser, cmd_chain
from .cli_exercises import add_exercise_parsers, cmd_exercise, cmd_exercises


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be ≥ 0")
    return value


def _at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be ≥ 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bpstudio", description="BP Studio: see every number backpropagation produces.")
    p.add_argument("--version", action="version", version=f"BP Studio {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="check this installation headless (engine, one window iteration, exports, translations) "
                        "and exit 0, or 1 naming what failed")
    sub = p.add_subparsers(dest="command")

    g = sub.add_parser("gui", help="open the app (the default without a subcommand)")
    g.add_argument("project", nargs="?", help="a .bpsproj file or built-in example name")
    g.add_argument("--language", choices=("system", "en", "zh_CN"),
                   help="the UI language for this start (default: as chosen in View ▸ Language)")

    r = sub.add_parser("run", help="run a project headless and export a snapshot")
    r.add_argument("project", help="a .bpsproj file or built-in example name")
    how = r.add_mutually_exclusive_group()
    how.add_argument("--stages", type=_positive, help="advance this many single stages")
    how.add_argument("--iterations", type=_positive, help="complete this many iterations")
    how.add_argument("--epochs", type=_positive, help="complete this many epochs (default: the project's epochs)")
    r.add_argument("--snapshot", type=Path, help="write the state after the last stage to this .npz file")
    r.add_argument("--save-project", type=Path, help="write the project with the trained weights to this file")
    r.add_argument("--report", type=_positive, default=10, help="loss lines to print while running (default 10)")

    c = sub.add_parser("gradcheck", help="compare backprop gradients with finite differences")
    c.add_argument("project", help="a .bpsproj file or built-in example name")
    c.add_argument("--iterations", type=_positive, default=0, help="train this many iterations first")
    c.add_argument("--tolerance", type=float, default=1e-7, help="largest accepted relative error (default 1e-7)")
    c.add_argument("--max-entries", type=_at_least_one,
                   help="check at most this many entries per array (seeded sample)")
    c.add_argument("--worst", type=_positive, default=5, help="how many of the worst entries to list")

    t = sub.add_parser("trace", help="print every stage of one iteration with its equation and numbers")
    t.add_argument("project", help="a .bpsproj file or built-in example name")
    t.add_argument("--iterations", type=_positive, default=0, help="train this many iterations first")
    t.add_argument("--precision", type=_positive, default=4, help="digits after the decimal point (default 4)")

    e = sub.add_parser("torch", help="write a standalone PyTorch program that trains the project as BP Studio does "
                                     "(nn.Module, SGD, the same batches) and prints the same loss curve")
    e.add_argument("project", help="a .bpsproj file or built-in example name")
    e.add_argument("-o", "--out", type=Path, help="write the program to this file (default: print it)")
    e.add_argument("--epochs", type=_at_least_one, help="epochs the program trains (default: the project's)")
    e.add_argument("--iterations", type=_positive, default=0, help="train this many iterations first")
    e.add_argument("--gradients", action="store_true",
                   help="instead, a script that computes one batch's loss and gradients with autograd and compares "
                        "them with BP Studio's")

    n = sub.add_parser("numpy", help="write a standalone NumPy script that trains the project and prints the same "
                                     "loss curve as BP Studio, bit for bit")
    n.add_argument("project", help="a .bpsproj file or built-in example name")
    n.add_argument("-o", "--out", type=Path, help="write the script to this file (default: print it)")
    n.add_argument("--epochs", type=_at_least_one, help="epochs the script trains (default: the project's)")
    n.add_argument("--iterations", type=_positive, default=0, help="train this many iterations first")

    w = sub.add_parser("example", help="write a worked example of one iteration: every stage with its numbers")
    w.add_argument("project", help="a .bpsproj file or built-in example name")
    w.add_argument("--format", dest="fmt", metavar="FORMAT",
                   help="md, html or tex (default: from the --out suffix, else md)")
    w.add_argument("--out", type=Path, help="write to this file (default: print it)")
    w.add_argument("--iteration", type=_positive, default=0,
                   help="train this many complete iterations first; the example is of the next one (default 0)")
    w.add_argument("--digits", type=_positive, default=4, help="digits after the decimal point (default 4)")
    w.add_argument("--entry", default="", help='end with the chain rule behind this entry, e.g. "W2[1,2]"')
    w.add_argument("--sample", type=_positive, default=1, help="… for this sample of the batch (default 1)")
    w.add_argument("--notation", choices=("column", "row", "deeplearning"), default="column",
                   help="column: W is n_out × n_in, samples as columns (default); row: the same numbers "
                        "transposed; deeplearning: column, written as Ng's course does (W^[l], dZ^[l], α)")

    add_chain_parser(sub)
    add_exercise_parsers(sub)
    sub.add_parser("examples", help="list the built-in example projects")
    return p


def _trained(name: str, iterations: int) -> tuple[Project, Stepper]:
    """The project (a path or a built-in example's name) and its stepper, after ``iterations`` iterations."""
    project = resolve_project(name)
    stepper = project.stepper()
    if iterations:
        stepper.run_iterations(iterations)
    return project, stepper


def cmd_run(args: argparse.Namespace) -> int:
    project, stepper = _trained(args.project, 0)
    if args.stages is not None:
        for _ in range(args.stages):
            stepper.step()
        last = stepper.snapshot().stage
        print(f"advanced {args.stages} stage(s); last stage: {last.name if last else '—'}")
    else:
        epochs = args.epochs if args.epochs is not None else project.training.epochs
        total = args.iterations if args.iterations is not None else epochs * stepper.batches_per_epoch
        chunks = max(1, min(args.report, total)) if total else 0
        print(f"{'iteration':>10}  {'epoch':>6}  {'batch loss':>14}")
        done = 0
        for i in range(chunks):
            target = total * (i + 1) // chunks
            done += stepper.run_iterations(target - done)
            snap = stepper.snapshot()
            loss = "—" if snap.loss is None else f"{snap.loss:.8g}"
            print(f"{snap.iteration + 1:>10}  {snap.epoch + 1:>6}  {loss:>14}")
        print(f"completed {done} iteration(s)")
    snap = stepper.snapshot()
    if args.snapshot:
        save_snapshot(args.snapshot, snap, project.to_dict())
        print(f"snapshot written to {args.snapshot}")
    if args.save_project:
        save_project(args.save_project, project.with_parameters(stepper.parameters))
        print(f"project written to {args.save_project}")
    return 0


def cmd_gradcheck(args: argparse.Namespace) -> int:
    project, stepper = _trained(args.project, args.iterations)
    x, y = stepper.current_batch()
    result = gradient_check(stepper.plan, stepper.parameters, x, y, tolerance=args.tolerance,
                            max_entries_per_array=args.max_entries)
    print(f"gradient check of {project.name}: batch of {x.shape[1]}, loss {result.loss:.8g}, "
          f"tolerance {args.tolerance:g}")
    print(f"{'layer':>5}  {'param':>5}  {'entries':>7}  {'max rel. error':>14}  result")
    counts = Counter((e.layer, e.name) for e in result.entries)
    for layer, name, err, ok in result.per_parameter():
        print(f"{layer:>5}  {name:>5}  {counts[(layer, name)]:>7}  {err:>14.3e}  {'pass' if ok else 'FAIL'}")
    print("worst entries:")
    print(f"  {'entry':<14}  {'backprop':>16}  {'numeric':>16}  {'rel. error':>10}")
    for e in result.worst(args.worst):
        label = f"{e.name}{e.layer}[{e.index[0]},{e.index[1]}]"
        print(f"  {label:<14}  {e.backprop:>16.9e}  {e.numeric:>16.9e}  {e.rel_error:>10.2e}")
    if result.kinks:
        print(f"{result.kinks} entr{'y' if result.kinks == 1 else 'ies'} not checkable: the finite-difference steps "
              f"cross a ReLU kink (some z changes sign)")
    print("PASSED" if result.passed else f"FAILED: max relative error {result.max_error:.3e} ≥ {args.tolerance:g}")
    return 0 if result.passed else 1


def cmd_trace(args: argparse.Namespace) -> int:
    project, stepper = _trained(args.project, args.iterations)
    print(f"{project.name}\n")
    print(trace_iteration(stepper, args.precision))
    return 0


def cmd_torch(args: argparse.Namespace) -> int:
    from bpstudio.engine.text.torch_export import torch_script
    from bpstudio.engine.text.torch_training import torch_training_script

    project, stepper = _trained(args.project, args.iterations)
    if args.gradients:
        return _script_out(args.out, torch_script(stepper, project.name), "PyTorch script")
    return _script_out(args.out, torch_training_script(stepper, project.name, args.epochs), "PyTorch training program")


def _script_out(out, text: str, what: str) -> int:
    """An exported script to stdout, or to ``out`` (atomically) with a line saying how to run it."""
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomically(out, text)
        print(f"{what} written to {out} (run it with: python {out})")
    return 0


def cmd_numpy(args: argparse.Namespace) -> int:
    from bpstudio.engine.text.numpy_export import numpy_script

    project, stepper = _trained(args.project, args.iterations)
    return _script_out(args.out, numpy_script(stepper, project.name, args.epochs), "NumPy script")


def cmd_example(args: argparse.Namespace) -> int:
    from bpstudio.engine.text.worked_example import FORMATS, format_for, worked_example

    fmt = args.fmt or (format_for(str(args.out)) if args.out else "md")
    if fmt not in FORMATS:  # checked before the project is loaded and trained
        print(f"bpstudio example: error: --format must be one of {', '.join(FORMATS)}, got {fmt!r}",
              file=sys.stderr)
        return 2
    project, stepper = _trained(args.project, args.iteration)
    text = worked_example(stepper, project.name, fmt, args.digits, args.notation, args.entry, max(args.sample - 1, 0))
    if args.out:
        write_text_atomically(args.out, text)
        print(f"worked example of iteration {stepper.iteration + 1} written to {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_examples(_: argparse.Namespace) -> int:
    for path in sorted(examples_dir().glob("*.bpsproj")):
        try:
            print(f"{path.stem:<24} {load_project(path).name}")
        except BPStudioError as exc:  # a broken shipped example is a bug worth showing, not hiding
            print(f"{path.stem:<24} (unreadable: {exc})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen build starts its training processes through main
    args = build_parser().parse_args(argv)
    if args.self_test:
        from .self_test import run

        return run()
    if args.command in (None, "gui"):
        from bpstudio.app.window.launch import launch  # Qt is imported only for the app

        return launch(getattr(args, "project", None), getattr(args, "language", None))
    commands = {"run": cmd_run, "gradcheck": cmd_gradcheck, "trace": cmd_trace, "torch": cmd_torch,
                "numpy": cmd_numpy,
                "example": cmd_example, "examples": cmd_examples, "chain": cmd_chain, "exercises": cmd_exercises,
                "exercise": cmd_exercise}
    try:
        return commands[args.command](args)
    except BPStudioError as exc:
        print(f"bpstudio {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stdout = open(os.devnull, "w")  # so the interpreter's final flush stays quiet
        return 0
    except OSError as exc:
        print(f"bpstudio {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
