"""Fuzz every loader: mutate real valid files (bit flips, truncation, inserted bytes, JSON values replaced with
huge integers, NaN, deep nesting, wrong types, duplicate keys; .npy headers and members rewritten in snapshots)
and check the contract of issue 13: each case is accepted (a loaded object) or refused with BP Studio's own
error (``BPStudioError`` with a message); any other exception is a failure.

    .venv/bin/python benchmarks/fuzz_loaders.py [CASES]     (default 10 000 per loader)

Each loader runs in a process of its own, so the peak memory (ru_maxrss) is its own. Exit code 1 on any failure.
The mutators are also used by tests/engine/test_fuzz_loaders.py.
"""

from __future__ import annotations

import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bpstudio.engine import BPStudioError, load_project, load_snapshot, save_snapshot
from bpstudio.engine.csv_import import build_dataset, read_csv
from bpstudio.engine.examples import resolve_project
from bpstudio.engine.lessons import load_lesson, shipped_lessons
from bpstudio.engine.npz_read import Npz, NpzFault
from bpstudio.engine.resource_files import examples_dir, resource_dir
from bpstudio.engine.snapshot_io import project_at_snapshot

LOADERS = ("project", "snapshot", "csv", "lesson")
ODD_VALUES: tuple[str, ...] = (
    "9" * 4301, "18446744073709551616", "-18446744073709551617", "NaN", "Infinity", "-Infinity", "1e999", "-1", "0",
    "1e308", "true", "null", "\"text\"", "\"\\ud800\"", "{}", "[]", "[[]]", "[1, 2]", "{\"a\": 1}", "0.5",
    "[" * 5000 + "]" * 5000, "\"" + "x" * 300 + "\"", "2147483648", "1000000", "100000",
)


# ----- the valid files mutated ------------------------------------------------------------------
def seed_files(kind: str, workdir: Path) -> list[bytes]:
    if kind == "project":
        return [p.read_bytes() for p in sorted(examples_dir().glob("*.bpsproj"))] + [_project_with_state()]
    if kind == "lesson":
        return [p.read_bytes() for p in shipped_lessons()]
    if kind == "csv":
        files = [p.read_bytes() for p in sorted((resource_dir() / "datasets").glob("*.csv"))]
        return [f[:4000] for f in files] + [b"x1,x2,label\n0,0,a\n0,1,b\n1,0,b\n1,1,a\n", b"1;2;3\n4;5;6\n"]
    out = []
    for name, stages in (("seed003_2-2-1", 9), ("seed003_2-2-1", 6), ("xor_tanh", 3)):
        project = resolve_project(name)
        stepper = project.stepper()
        for _ in range(stages):
            stepper.step()
        path = workdir / "seed.npz"
        save_snapshot(path, stepper.snapshot(), project.to_dict())
        out.append(path.read_bytes())
    return out


def _project_with_state() -> bytes:
    from bpstudio.engine.project_state import ProjectState

    project = resolve_project("xor_tanh")
    stepper = project.stepper()
    stepper.run_iterations(3)
    snap = stepper.snapshot()
    state = ProjectState(snap.iteration, snap.epoch, snap.batch, 0, stepper.parameters)
    return json.dumps(project.with_state(state).to_dict()).encode()


# ----- mutators -------------------------------------------------------------------------------------------
def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    how = rng.randrange(5)
    if how == 0 and b:  # flip bits
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
    elif how == 1:  # truncate
        del b[rng.randrange(len(b) + 1):]
    elif how == 2:  # insert bytes
        i = rng.randrange(len(b) + 1)
        b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    elif how == 3 and b:  # delete a run
        i = rng.randrange(len(b))
        del b[i:i + rng.randint(1, 16)]
    else:  # a byte repeated
        i = rng.randrange(len(b) + 1)
        b[i:i] = bytes([rng.choice(b"{[\",:0\x00\xff")]) * rng.randint(1, 64)
    return bytes(b)


def _paths(value: object, at: tuple = ()) -> list[tuple]:
    out = [at]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:8]):
            out += _paths(v, (*at, i))
    return out


def mutate_json(text: str, rng: random.Random) -> str:
    """A value replaced by an odd one, a key duplicated or removed, or the text mutated as bytes."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return mutate_bytes(text.encode(), rng).decode("utf-8", "replace")
    paths = [p for p in _paths(doc) if p]
    if not paths or rng.random() < 0.15:
        return mutate_bytes(text.encode(), rng).decode("utf-8", "replace")
    path = rng.choice(paths)
    parent = doc
    for k in path[:-1]:
        parent = parent[k]
    last = path[-1]
    marker = "\"@@ODD@@\""
    how = rng.randrange(10)
    if how == 0 and isinstance(parent, dict):
        del parent[last]
        return json.dumps(doc)
    if how == 1 and isinstance(parent, dict):  # the key twice
        out = json.dumps(doc)
        key = json.dumps(last)
        return out.replace(key + ": ", key + ": " + json.dumps(parent[last]) + ", " + key + ": ", 1)
    parent[last] = "@@ODD@@"
    return json.dumps(doc).replace(marker, rng.choice(ODD_VALUES), 1)


def _npy(array: np.ndarray, shape: object = None, descr: str | None = None) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, array, allow_pickle=False)
    data = buf.getvalue()
    if shape is None and descr is None:
        return data
    header = {"descr": descr or array.dtype.str, "fortran_order": False, "shape": array.shape if shape is None
              else shape}
    text = repr(header).encode("latin1")
    text += b" " * (-(len(text) + 11) % 64) + b"\n"
    head = b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text
    return head + data[data.index(b"\n", 10) + 1:]


def mutate_npz(data: bytes, rng: random.Random) -> bytes:
    """Rewrite a member (shape, dtype, the meta JSON, the loss), drop one, set a zip flag, or mutate the bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > 50_000_000:
                return mutate_bytes(data, rng)
            members = {i.filename: z.read(i) for i in z.infolist()}
    except Exception:  # noqa: BLE001 - a broken archive (an earlier mutation) is mutated as bytes
        return mutate_bytes(data, rng)
    how = rng.randrange(8)
    names = sorted(members)
    if not names or "meta.npy" not in members:
        return mutate_bytes(data, rng)
    name = rng.choice(names)
    try:  # read as the loader does (a previous mutation may have made a bomb)
        with Npz(io.BytesIO(data), 50_000_000) as npz:
            arrays = {f"{n}.npy": npz.read(m) for n, m in npz.members.items() if m.nbytes < 50_000_000}
        arrays[name]
        arrays["meta.npy"].item()
    except (NpzFault, KeyError, ValueError):
        return mutate_bytes(data, rng)
    if how == 0:  # a shape from outer space
        shape = rng.choice([(100000, 100000), (True, 2), (2**40, 2**40), (-1, 2), (3,), (), (0, 0), (1, 1, 1)])
        members[name] = _npy(arrays[name], shape=shape)
    elif how == 1:
        descr = rng.choice(["|V0", "<U5", "|O", "<i8", ">f8", "<f4", "|b1", "<c16"])
        members[name] = _npy(arrays[name], descr=descr)
    elif how == 2:
        meta = mutate_json(str(arrays["meta.npy"][()]), rng)
        members["meta.npy"] = _npy(np.array(meta))
    elif how == 3:
        members["loss.npy"] = _npy(rng.choice([np.array("text"), np.array([1.0, 2.0]), np.array(np.inf)]))
    elif how == 4:
        del members[name]
    elif how == 5:  # a member that expands far more than it is (a small zip bomb)
        members[rng.choice(names)] = _npy(np.zeros(rng.choice([10, 1000, 2_000_000])))
    else:
        return _flagged(data, rng) if how == 6 else mutate_bytes(data, rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in members.items():
            z.writestr(n, b)
    return out.getvalue()


def _flagged(data: bytes, rng: random.Random) -> bytes:
    """A general-purpose flag bit set in a local or central header (encrypted, patched data, …)."""
    b = bytearray(data)
    sig = rng.choice([b"PK\x03\x04", b"PK\x01\x02"])
    starts = [i for i in range(len(b) - 4) if b[i:i + 4] == sig]
    if starts:
        i = rng.choice(starts) + (6 if sig == b"PK\x03\x04" else 8)
        b[i] |= rng.choice([1, 8, 32, 64])
    return bytes(b)


def mutate(kind: str, data: bytes, rng: random.Random) -> bytes:
    if kind == "snapshot":
        return mutate_npz(data, rng)
    if kind == "csv":
        if rng.random() < 0.2:
            return data + b"," + b"x" * rng.choice([131_073, 200_000]) + b"\n"
        return mutate_bytes(data, rng)
    return mutate_json(data.decode("utf-8", "surrogatepass"), rng).encode("utf-8", "surrogatepass")


# ----- loading ------------------------------------------------------------------------------------------
def load(kind: str, path: Path) -> object:
    """What opening the file does: the object, checked as its first use needs it."""
    if kind == "project":
        project = load_project(path)
        project.stepper().step()
        return project
    if kind == "snapshot":
        loaded = load_snapshot(path)
        if isinstance(loaded.meta.get("project"), dict):
            project_at_snapshot(loaded).stepper()
        return loaded
    if kind == "csv":
        table = read_csv(path)
        try:
            build_dataset(table, None, len(table.header) - 1)
        except BPStudioError:
            pass
        return table
    return load_lesson(path)


def run_case(kind: str, data: bytes, path: Path) -> tuple[str, str]:
    """("accepted" | "refused" | "failure", detail)."""
    path.write_bytes(data)
    try:
        load(kind, path)
    except BPStudioError as exc:
        return ("refused", str(exc)) if str(exc).strip() else ("failure", "an empty message")
    except Exception as exc:  # noqa: BLE001 - any other exception is what the fuzz looks for
        return "failure", f"{type(exc).__name__}: {exc}"[:300]
    return "accepted", ""


def fuzz(kind: str, cases: int, seed: int = 0, report: Callable[[str], None] = print) -> dict[str, object]:
    rng = random.Random(seed)
    counts = {"accepted": 0, "refused": 0, "failure": 0}
    slowest = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seeds = seed_files(kind, work)
        path = work / {"project": "case.bpsproj", "snapshot": "case.npz", "csv": "case.csv"}.get(kind, "case.json")
        for i in range(cases):
            data = seeds[i % len(seeds)]
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                data = mutate(kind, data, rng)
            start = time.perf_counter()
            outcome, detail = run_case(kind, data, path)
            slowest = max(slowest, time.perf_counter() - start)
            counts[outcome] += 1
            if outcome == "failure":
                report(f"{kind} case {i}: {detail}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"loader": kind, "cases": cases, **counts, "peak_mb": round(peak), "slowest_ms": round(slowest * 1000)}


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "--one":  # a child: one loader, its result as JSON on the last line
        print(json.dumps(fuzz(argv[1], int(argv[2]))))
        return 0
    cases = int(argv[0]) if argv else 10_000
    rows = []
    for kind in LOADERS:
        out = subprocess.run([sys.executable, __file__, "--one", kind, str(cases)], capture_output=True, text=True,
                             check=False)
        lines = out.stdout.strip().splitlines()
        for line in lines[:-1]:
            print(line)
        if out.returncode or not lines:
            print(out.stderr)
            rows.append({"loader": kind, "cases": cases, "accepted": 0, "refused": 0, "failure": cases,
                         "peak_mb": 0, "slowest_ms": 0})
            continue
        rows.append(json.loads(lines[-1]))
    print("| loader | cases | accepted | refused | failures | peak memory | slowest case |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['loader']} | {r['cases']:,} | {r['accepted']:,} | {r['refused']:,} | {r['failure']:,} | "
              f"{r['peak_mb']} MB | {r['slowest_ms']} ms |")
    return 1 if any(r["failure"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
