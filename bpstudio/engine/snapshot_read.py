"""Loading a snapshot (.npz) as untrusted input: the meta entry is read and checked first, then every array's
.npy header (key, dtype, shape) is checked against the network the meta names, and the total against
``MAX_SNAPSHOT_BYTES``, before a single array is read, with bounded decompression (``npz_read``). A file that
is not a valid snapshot is a ``FormatError`` naming the problem. See docs/formats.md (snapshot limits)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import FormatError, ValidationError, whole
from .i18n import translate
from .json_read import parse_json
from .npz_read import Member, Npz, NpzFault
from .optimizers import Moments
from .readonly import read_only
from .snapshot import QUANTITIES
from .snapshot import key as array_key
from .spec import OPTIMIZERS, NetworkSpec

SNAPSHOT_FORMAT = "bpstudio-snapshot"
SNAPSHOT_VERSION = 2  # 2 added the optimizer's moments (L{l}/vW … L{l}/sb, meta.moments)
MAX_SNAPSHOT_BYTES = 1024 ** 3  # what a snapshot's arrays may expand to, together (1 GiB)
COUNTS = ("iteration", "epoch", "batch", "position")
MOMENT_KEYS = ("vW", "vb", "sW", "sb")  # the optimizer's v and s, for W and for b


@dataclass(frozen=True)
class LoadedSnapshot:
    arrays: dict[str, np.ndarray]
    loss: float | None
    meta: dict[str, Any]


def load_snapshot(path: str | os.PathLike[str]) -> LoadedSnapshot:
    try:
        # open the file ourselves: given a path, np.load leaks its handle when the archive is bad
        with open(path, "rb") as fh:
            if fh.read(6) == b"\x93NUMPY":  # a .npy file: one bare array, so no meta
                raise FormatError(translate("SnapshotIo", "{path}: not a BP Studio snapshot (no meta entry)").format(
                    path=path))
            with Npz(fh, MAX_SNAPSHOT_BYTES) as npz:
                for name, m in npz.members.items():  # numbers only (an object array would need pickle)
                    if name not in ("meta", "") and m.dtype != np.dtype(np.float64):
                        raise FormatError(translate(
                            "SnapshotIo", "{path}: not a BP Studio snapshot ({key} holds {dtype}, not float64 numbers)"
                        ).format(path=path, key=name, dtype=m.dtype.str))
                meta = _meta(npz, path)
                network = _network(meta, path)
                members = _checked_members(npz, network, path, meta.get("moments"))
                arrays = {name: npz.read(m) for name, m in members.items()}
    except FileNotFoundError:
        raise FormatError(translate("SnapshotIo", "{path}: no such file").format(path=path)) from None
    except NpzFault as exc:
        raise FormatError(translate(
            "SnapshotIo", "{path}: not a readable snapshot (truncated, damaged or not an .npz file: {reason})").format(
            path=path, reason=exc)) from None
    except OSError as exc:
        raise FormatError(translate("SnapshotIo", "{path}: cannot be read ({reason})").format(
            path=path, reason=exc)) from None
    loss_arr = arrays.pop("loss", None)
    loss = None if loss_arr is None or np.isnan(loss_arr) else float(loss_arr)
    return LoadedSnapshot({k: read_only(v.astype(np.float64, copy=False), copy=False) for k, v in arrays.items()},
                          loss, meta)


def _meta(npz: Npz, path: object) -> dict[str, Any]:
    m = npz.members.get("meta")
    if m is None:
        raise FormatError(translate("SnapshotIo", "{path}: not a BP Studio snapshot (no meta entry)").format(path=path))
    if m.dtype.kind != "U" or m.shape != ():
        raise FormatError(translate("SnapshotIo", "{path}: the meta entry is not one text (it is {dtype} of shape "
                                    "{shape})").format(path=path, dtype=m.dtype.str, shape=m.shape))
    source = translate("SnapshotIo", "{path}: the meta entry").format(path=path)
    meta = parse_json(str(npz.read(m)[()]), source, translate("SnapshotIo", "{source}: nested too deeply"))
    if not isinstance(meta, dict) or meta.get("format") != SNAPSHOT_FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else meta
        raise FormatError(translate("SnapshotIo", "{path}: not a BP Studio snapshot (format is {found!r})").format(
            path=path, found=found if isinstance(found, (str, int, float, type(None))) else type(found).__name__))
    version = meta.get("version")
    if not whole(version) or not 1 <= version <= SNAPSHOT_VERSION:
        raise FormatError(translate(
            "SnapshotIo", "{path}: snapshot format version {version!r} is not supported "
            "(this BP Studio reads up to {most})").format(path=path, version=version, most=SNAPSHOT_VERSION))
    for key in COUNTS:
        value = meta.get(key)
        if not whole(value) or value < 0:
            raise FormatError(translate("SnapshotIo", "{path}: meta.{key} must be a whole number ≥ 0, got "
                                        "{value}").format(path=path, key=key, value=_short(value)))
    moments = meta.get("moments")
    if moments is not None and not (isinstance(moments, dict) and set(moments) == {"optimizer", "t"} and
                                    moments["optimizer"] in OPTIMIZERS and whole(moments["t"]) and moments["t"] >= 0):
        raise FormatError(translate("SnapshotIo", "{path}: meta.moments must be {{\"optimizer\": one of {choices}, "
                                    "\"t\": a whole number ≥ 0}}").format(path=path, choices=", ".join(OPTIMIZERS)))
    if meta.get("project") is not None and not isinstance(meta["project"], dict):
        raise FormatError(translate("SnapshotIo", "{path}: meta.project must be a project object").format(path=path))
    return meta


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _network(meta: dict[str, Any], path: object) -> NetworkSpec:
    try:
        network = NetworkSpec.from_dict(meta.get("network"), "meta.network")
    except ValidationError as exc:
        raise FormatError(translate("SnapshotIo", "{path}: {error}").format(path=path, error=exc)) from None
    stages = 2 * network.depth + 2
    if meta["position"] > stages:
        raise FormatError(translate("SnapshotIo", "{path}: meta.position is {position}, but an iteration has "
                                    "{stages} stages").format(path=path, position=meta["position"], stages=stages))
    return network


def _checked_members(npz: Npz, network: NetworkSpec, path: object, meta_moments: object) -> dict[str, Member]:
    """Every member but meta, its key known, its dtype float64 and its shape the network's (the batch the same
    in all); the weights and biases of every layer present; their total within the limit."""
    sizes = network.sizes
    B = -1  # the batch: the samples' axis, the same in every array that has one
    shapes: dict[str, tuple[int, ...]] = {"input": (sizes[0], B), "target": (sizes[-1], B), "grad_a": (sizes[-1], B),
                                          "losses": (B,), "loss": ()}
    for l in range(1, network.depth + 1):
        n, before = sizes[l], sizes[l - 1]
        for q in (*QUANTITIES, *MOMENT_KEYS):
            weights, biases = (n, before), (n, 1)
            shapes[array_key(q, l)] = {"W": weights, "dW": weights, "vW": weights, "sW": weights, "b": biases,
                                       "db": biases, "vb": biases, "sb": biases}.get(q, (n, B))
    batch: int | None = None
    members = {k: m for k, m in npz.members.items() if k != "meta"}
    for name, m in members.items():
        expected = shapes.get(name)
        if expected is None:
            raise FormatError(translate("SnapshotIo", "{path}: {key} is not a snapshot entry").format(
                path=path, key=repr(name)))
        if B in expected and len(m.shape) == len(expected) and m.shape[-1] >= 1:
            batch = m.shape[-1] if batch is None else batch
            expected = tuple(batch if n == B else n for n in expected)
        if m.shape != expected:
            wanted = tuple("batch" if n == B else n for n in expected)
            raise FormatError(translate("SnapshotIo", "{path}: {key} has the shape {shape}, but the network needs "
                                        "{expected}").format(path=path, key=name, shape=m.shape,
                                                             expected=wanted))
    for l in range(1, network.depth + 1):
        for q in ("W", "b"):
            if array_key(q, l) not in members:
                raise FormatError(translate("SnapshotIo", "{path}: the entry {key} is missing").format(
                    path=path, key=array_key(q, l)))
    for name in ("v", "s"):
        found = [array_key(name + q, l) in members for l in range(1, network.depth + 1) for q in ("W", "b")]
        if any(found) and not (all(found) and isinstance(meta_moments, dict)):
            raise FormatError(translate("SnapshotIo", "{path}: the optimizer's {name} needs every layer's {name}W and "
                                        "{name}b and meta.moments").format(path=path, name=name))
    total = sum(m.nbytes for m in members.values())
    if total > MAX_SNAPSHOT_BYTES:
        raise FormatError(translate("SnapshotIo", "{path}: its arrays would need {size:,} MB; BP Studio opens "
                                    "snapshots of up to {most:,} MB").format(
            path=path, size=total // 2 ** 20, most=MAX_SNAPSHOT_BYTES // 2 ** 20))
    return members


def saved_moments(loaded: LoadedSnapshot, depth: int) -> Moments | None:
    """The optimizer's moments a snapshot holds (None for none: plain descent, or a version 1 snapshot)."""
    meta = loaded.meta.get("moments")
    if not isinstance(meta, dict):
        return None

    def pairs(name: str) -> tuple[tuple[np.ndarray, np.ndarray], ...] | None:
        if array_key(name + "W", 1) not in loaded.arrays:
            return None
        return tuple((loaded.arrays[array_key(name + "W", l)], loaded.arrays[array_key(name + "b", l)])
                     for l in range(1, depth + 1))

    return Moments(meta["optimizer"], pairs("v"), pairs("s"), meta["t"])
