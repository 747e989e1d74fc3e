"""Snapshot files (.npz): the full state after a stage, one array per key, never pickled.

Keys: ``L{l}/W``, ``L{l}/b``, ``L{l}/z``, ``L{l}/a``, ``L{l}/delta``, ``L{l}/dW``, ``L{l}/db``
(column convention; those not yet computed in the iteration are absent), ``input``, ``target``,
``loss`` (0-d, NaN before the loss stage), optional ``grad_a`` and ``losses``, the optimizer's moments
``L{l}/vW``, ``L{l}/vb``, ``L{l}/sW``, ``L{l}/sb`` (version 2, when it keeps them) and ``meta``: a JSON string with
the format version, project, stage, iteration, epoch and (version 2) ``moments``: the optimizer they belong to and
Adam's t. See docs/formats.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .atomic_file import write_atomically
from .errors import FormatError
from .i18n import translate
from .snapshot import Snapshot, key
from .snapshot_read import SNAPSHOT_FORMAT, SNAPSHOT_VERSION, LoadedSnapshot, load_snapshot, saved_moments

__all__ = ["SNAPSHOT_FORMAT", "SNAPSHOT_VERSION", "LoadedSnapshot", "load_snapshot", "project_at_snapshot",
           "save_snapshot"]

if TYPE_CHECKING:
    from .project import Project



def save_snapshot(path: str | os.PathLike[str], snap: Snapshot, project: dict | None = None) -> Path:
    """Write atomically (temporary file, then rename) so a crash never leaves half a file."""
    meta = {"format": SNAPSHOT_FORMAT, "version": SNAPSHOT_VERSION, "stage": snap.stage.name if snap.stage else None,
            "next_stage": snap.next_stage.name, "position": snap.position, "iteration": snap.iteration,
            "epoch": snap.epoch, "batch": snap.batch, "network": snap.spec.to_dict(), "project": project}
    moments: dict[str, np.ndarray] = {}
    if snap.moments is not None:
        m = snap.moments
        meta["moments"] = {"optimizer": m.optimizer, "t": m.t}
        for name, pairs in (("v", m.v), ("s", m.s)):
            for l, (W, b) in enumerate(pairs or (), start=1):
                moments[key(name + "W", l)], moments[key(name + "b", l)] = W, b
    payload: dict[str, np.ndarray] = {**snap.arrays, **moments, "meta": np.array(json.dumps(meta, ensure_ascii=False)),
                                      "loss": np.array(np.nan if snap.loss is None else snap.loss)}
    return write_atomically(path, lambda fh: np.savez_compressed(fh, **payload), binary=True)  # type: ignore[arg-type]


def project_at_snapshot(loaded: LoadedSnapshot) -> Project:
    """The project a snapshot was taken from, at the snapshot's stage (for opening it in the window): its
    weights and optimizer moments are the snapshot's and the stage's numbers are recomputed, equal to the saved
    ones (a version 1 snapshot holds no moments: with momentum or Adam the training after it starts them at zero)."""
    from .project import project_from_dict
    from .project_state import ProjectState

    meta = loaded.meta
    if not isinstance(meta.get("project"), dict):
        raise FormatError(translate(
            "SnapshotIo", "this snapshot holds no project, so it cannot be opened: read it with load_snapshot"))
    project = project_from_dict(meta["project"], "snapshot")
    if project.network.to_dict() != meta["network"]:
        raise FormatError(translate(
            "SnapshotIo", "this snapshot's project has another network than its arrays, so it cannot be opened"))
    depth = project.network.depth
    params = tuple((loaded.arrays[key("W", l)], loaded.arrays[key("b", l)]) for l in range(1, depth + 1))
    iteration, epoch, batch, position = (int(meta[k]) for k in ("iteration", "epoch", "batch", "position"))
    if position == 2 * depth + 2:  # after the update the weights are the next iteration's start
        per = project.stepper().batches_per_epoch
        iteration, batch, position = iteration + 1, batch + 1, 0
        if batch == per:
            epoch, batch = epoch + 1, 0
    return project.with_state(ProjectState(iteration, epoch, batch, position, params, saved_moments(loaded, depth)))
