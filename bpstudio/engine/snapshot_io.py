"""Snapshot files (.npz): the full state after a stage, one array per key, never pickled.

Keys: ``L{l}/W``, ``L{l}/b``, ``L{l}/z``, ``L{l}/a``, ``L{l}/delta``, ``L{l}/dW``, ``L{l}/db``
(column convention; those not yet computed in the iteration are absent), ``input``, ``target``,
``loss`` (0-d, NaN before the loss stage), optional ``grad_a`` and ``losses``, and ``meta``:
a JSON string with the format version, project, stage, iteration and epoch. See docs/formats.md.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .atomic_file import write_atomically
from .errors import FormatError
from .i18n import translate
from .readonly import read_only
from .snapshot import Snapshot

if TYPE_CHECKING:
    from .project import Project

SNAPSHOT_FORMAT = "bpstudio-snapshot"
SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class LoadedSnapshot:
    arrays: dict[str, np.ndarray]
    loss: float | None
    meta: dict[str, Any]


def save_snapshot(path: str | os.PathLike[str], snap: Snapshot, project: dict | None = None) -> Path:
    """Write atomically (temporary file, then rename) so a crash never leaves half a file."""
    meta = {"format": SNAPSHOT_FORMAT, "version": SNAPSHOT_VERSION, "stage": snap.stage.name if snap.stage else None,
            "next_stage": snap.next_stage.name, "position": snap.position, "iteration": snap.iteration,
            "epoch": snap.epoch, "batch": snap.batch, "network": snap.spec.to_dict(), "project": project}
    payload: dict[str, np.ndarray] = {**snap.arrays, "loss": np.array(np.nan if snap.loss is None else snap.loss),
                                      "meta": np.array(json.dumps(meta, ensure_ascii=False))}
    return write_atomically(path, lambda fh: np.savez_compressed(fh, **payload), binary=True)  # type: ignore[arg-type]


def load_snapshot(path: str | os.PathLike[str]) -> LoadedSnapshot:
    try:
        # open the file ourselves: given a path, np.load leaks its handle when the archive is bad
        with open(path, "rb") as fh:
            data = np.load(fh, allow_pickle=False)
            if isinstance(data, np.ndarray):  # a .npy file: one bare array, so no meta (refused below)
                arrays = {}
            else:
                with data:
                    arrays = {k: data[k] for k in data.files}
    except FileNotFoundError:
        raise FormatError(translate("SnapshotIo", "{path}: no such file").format(path=path)) from None
    except ValueError as exc:  # object arrays refuse to load without pickle
        raise FormatError(translate("SnapshotIo", "{path}: not a BP Studio snapshot ({reason})").format(
            path=path, reason=exc)) from None
    except (OSError, zipfile.BadZipFile, EOFError, KeyError) as exc:
        raise FormatError(translate(
            "SnapshotIo", "{path}: not a readable snapshot (truncated or not an .npz file: {reason})").format(
            path=path, reason=exc)) from None
    if "meta" not in arrays:
        raise FormatError(translate("SnapshotIo", "{path}: not a BP Studio snapshot (no meta entry)").format(path=path))
    try:
        meta = json.loads(str(arrays.pop("meta")[()]))
    except (ValueError, TypeError) as exc:
        raise FormatError(translate("SnapshotIo", "{path}: the meta entry is not JSON ({reason})").format(
            path=path, reason=exc)) from None
    if not isinstance(meta, dict) or meta.get("format") != SNAPSHOT_FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else meta
        raise FormatError(translate("SnapshotIo", "{path}: not a BP Studio snapshot (format is {found!r})").format(
            path=path, found=found))
    version = meta.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= SNAPSHOT_VERSION:
        raise FormatError(translate(
            "SnapshotIo", "{path}: snapshot format version {version!r} is not supported "
            "(this BP Studio reads up to {most})").format(path=path, version=version, most=SNAPSHOT_VERSION))
    loss_arr = arrays.pop("loss", None)
    loss = None if loss_arr is None or np.isnan(loss_arr) else float(loss_arr)
    return LoadedSnapshot({k: read_only(v, copy=False) for k, v in arrays.items()}, loss, meta)


def project_at_snapshot(loaded: LoadedSnapshot) -> Project:
    """The project a snapshot was taken from, at the snapshot's stage (for opening it in the window): its
    weights are the snapshot's and the stage's numbers are recomputed, equal to the saved ones. Momentum
    velocities are not in snapshots; with momentum the training after it differs."""
    from .project import project_from_dict
    from .project_state import ProjectState

    meta = loaded.meta
    if not isinstance(meta.get("project"), dict):
        raise FormatError(translate(
            "SnapshotIo", "this snapshot holds no project, so it cannot be opened: read it with load_snapshot"))
    project = project_from_dict(meta["project"], "snapshot")
    depth = project.network.depth
    params = tuple((loaded.arrays[f"L{l}/W"], loaded.arrays[f"L{l}/b"]) for l in range(1, depth + 1))
    iteration, epoch, batch, position = (int(meta[k]) for k in ("iteration", "epoch", "batch", "position"))
    if position == 2 * depth + 2:  # after the update the weights are the next iteration's start
        per = project.stepper().batches_per_epoch
        iteration, batch, position = iteration + 1, batch + 1, 0
        if batch == per:
            epoch, batch = epoch + 1, 0
    return project.with_state(ProjectState(iteration, epoch, batch, position, params))
