"""Project files (.bpsproj): JSON holding the network, hyper-parameters, data and optional weights.

Data is a named built-in generator with its parameters, or inline arrays with one sample
per row (as a person writes a table). Parameters, when present, are the explicit weights to
start from. The format is described in docs/formats.md and by resources/schema/project.schema.json.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from .atomic_file import write_text_atomically
from .budget import check_iteration
from .datasets import Dataset, split_dataset
from .errors import FormatError, ValidationError, require
from .i18n import translate
from .json_read import MAX_PROJECT_BYTES, encodable, parse_json, read_text_file  # noqa: F401 - lessons import them here
from .kept_runs import KeptRuns, runs_from_list
from .project_data import load_data, number_rows, sample_count, split_settings
from .project_state import ProjectState, state_from_dict
from .spec import InitSpec, NetworkSpec, TrainingSpec, reject_unknown_keys
from .stepper import Stepper, check_data, check_parameters

PROJECT_FORMAT = "bpstudio-project"
PROJECT_VERSION = 5  # 2 added "state" (where training had got to), 3 the gradient-flow columns of its log,
# 4 the optimizers (training.optimizer, beta1, beta2, alpha, eps; state.moments instead of state.velocity),
# 5 "runs" (the runs kept side by side); older files read as they are (a version 2 log gets those columns empty,
# an old velocity is SGD's v)
TOP_LEVEL = {"format", "version", "name", "description", "network", "init", "training", "data", "parameters",
             "state", "runs"}
Settings = TypeVar("Settings", TrainingSpec, InitSpec)


@dataclass(frozen=True)
class Project:
    network: NetworkSpec
    data: dict[str, Any]  # {"generator": name, "params": {...}} or {"x": rows, "y": rows}
    training: TrainingSpec = field(default_factory=TrainingSpec)
    init: InitSpec = field(default_factory=InitSpec)
    parameters: tuple[tuple[np.ndarray, np.ndarray], ...] | None = None
    name: str = "Untitled"
    description: str = ""
    state: ProjectState | None = None  # where training had got to when saved (None: at the start)
    runs: KeptRuns = field(default_factory=KeptRuns)  # kept side by side; edits (``replace``) keep the same list

    def dataset(self) -> Dataset:
        """All the samples, as rows (N, d) and targets (N, k): training and test together."""
        return load_data(self.data, self.network)

    def split(self) -> tuple[Dataset, Dataset | None]:
        """(training set, test set); the test set is None when ``data.test_fraction`` is 0."""
        fraction, seed = split_settings(self.data)
        return split_dataset(self.dataset(), fraction, seed)

    def stepper(self, **kwargs: Any) -> Stepper:
        """An engine that trains on the training set."""
        train, _ = self.split()
        stepper = Stepper(self.network, train.x.T, train.y.T, self.training, self.init, self.parameters, **kwargs)
        if self.state is not None:
            st = self.state
            stepper.resume(st.params, st.iteration, st.epoch, st.batch, st.position, st.moments)
        return stepper

    def to_dict(self, runs: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "format": PROJECT_FORMAT,
            "version": PROJECT_VERSION,
            "name": self.name,
            "description": self.description,
            "network": self.network.to_dict(),
            "init": asdict(self.init),  # the fields in their order: method, scale
            "training": asdict(self.training),  # learning_rate … l2, optimizer, beta1 … eps
            "data": self.data,
        }
        if self.parameters is not None:
            d["parameters"] = [{"W": W.tolist(), "b": b[:, 0].tolist()} for W, b in self.parameters]
        if self.state is not None:
            d["state"] = self.state.to_dict()
        if runs and len(self.runs):
            d["runs"] = self.runs.to_list()
        return d

    def __eq__(self, other: object) -> bool:
        # the generated __eq__ compares the parameter arrays with ==, which raises for arrays
        if not isinstance(other, Project):
            return NotImplemented
        return self.runs == other.runs and self.to_dict(runs=False) == other.to_dict(runs=False)

    def with_parameters(self, params: tuple[tuple[np.ndarray, np.ndarray], ...]) -> Project:
        return replace(self, init=InitSpec("explicit", self.init.scale),
                       parameters=check_parameters(self.network, params), state=None)

    def with_state(self, state: ProjectState | None) -> Project:
        return replace(self, state=state)


def project_from_dict(d: object, source: str = "project") -> Project:
    if not isinstance(d, dict):
        raise FormatError(translate(
            "Project", "{source}: not a BP Studio project (the top level is not an object)").format(
            source=source))
    if d.get("format") != PROJECT_FORMAT:
        raise FormatError(translate(
            "Project", "{source}: not a BP Studio project (format is {found!r}, expected {expected!r})").format(
            source=source, found=d.get("format"), expected=PROJECT_FORMAT))
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatError(translate("Project", "{source}: version must be a whole number ≥ 1, got {version!r}").format(
            source=source, version=version))
    if version > PROJECT_VERSION:
        raise FormatError(translate(
            "Project", "{source}: made by a newer BP Studio (format version {version}; this one reads up to {most})"
        ).format(source=source, version=version, most=PROJECT_VERSION))
    unknown = set(d) - TOP_LEVEL
    if unknown:
        raise ValidationError(sorted(unknown)[0], translate("Project", "is not a project field"))
    network = NetworkSpec.from_dict(d.get("network"), "network")
    training = _settings(d.get("training", {}), TrainingSpec, "training",
                         translate("Project", "is not a training setting")).validate()
    init = _settings(d.get("init", {}), InitSpec, "init",
                     translate("Project", "is not an initialisation setting")).validate()
    data = d.get("data")
    samples = sample_count(data)
    if samples is not None:  # before the samples are generated or converted
        check_iteration(network, samples, training.batch_size)
    ds = load_data(data, network)  # validates now, so a bad project never half-loads
    check_iteration(network, len(ds.x), training.batch_size)
    check_data(network, ds.x.T, ds.y.T)  # and as the stepper will (target ranges for the loss)
    params = None
    if d.get("parameters") is not None:
        raw = d["parameters"]
        if not isinstance(raw, list):
            raise ValidationError("parameters", translate("Project", "must be a list with one {W, b} per layer"))
        pairs = []
        for i, item in enumerate(raw):
            at = f"parameters[{i}]"
            require(isinstance(item, dict) and "W" in item and "b" in item, at,
                    translate("Project", "must be an object with W and b"))
            reject_unknown_keys(item, {"W", "b"}, at)
            # the same number checks as inline data: text or true/false is never read as a weight
            pairs.append((number_rows(item["W"], f"{at}.W"), number_rows(item["b"], f"{at}.b")))
        params = check_parameters(network, pairs)
    else:
        require(init.method != "explicit", "parameters",
                translate("Project", "init.method is explicit, so the weights must be given"))
    name, description = d.get("name", "Untitled"), d.get("description", "")
    for key, text in (("name", name), ("description", description)):
        require(isinstance(text, str), key, translate("Project", "must be text"))
        require(encodable(text), key, translate(
            "Project", "holds a lone surrogate (\\ud800 … \\udfff), which is not text and could never be saved"))
    assert isinstance(data, dict)
    state = state_from_dict(d["state"], network) if d.get("state") is not None else None
    runs = runs_from_list(d["runs"]) if d.get("runs") is not None else KeptRuns()
    project = Project(network, data, training, init, params, name, description, state, runs)
    if state is not None:
        project.stepper()  # the saved stage replays on these data: checked now, never half-opened later
    return project


def _settings(d: object, kind: type[Settings], where: str, not_a_field: str) -> Settings:
    """The ``training`` or ``init`` section as a ``kind``, not yet validated; ``not_a_field``: the message for a key
    that is none of its fields."""
    if not isinstance(d, dict):
        raise ValidationError(where, translate("Project", "must be an object"))
    extra = sorted(set(d) - {f.name for f in fields(kind)})
    if extra:
        raise ValidationError(f"{where}.{extra[0]}", not_a_field)
    return kind(**d)


def load_project(path: str | os.PathLike[str]) -> Project:
    return loads_project(read_text_file(path), str(path))


def loads_project(text: str, source: str = "project") -> Project:
    return project_from_dict(parse_json(text, source, translate(
        "Project", "{source}: not a BP Studio project (its JSON is nested too deeply)")), source)


def save_project(path: str | os.PathLike[str], project: Project, backup: bool = False) -> Path:
    """Write atomically: a temporary file in the same folder, then rename over the target. With
    ``backup``, the version being replaced is kept as ``<name>.bak`` first."""
    text = json.dumps(project.to_dict(), indent=2, ensure_ascii=False) + "\n"
    size = len(text.encode("utf-8"))
    if size > MAX_PROJECT_BYTES:  # never write a file that would not open again
        raise FormatError(translate(
            "Project", "{path}: the project would be {size} MB, more than the {most} MB BP Studio opens: export a "
            "snapshot of the weights instead").format(path=path, size=size >> 20, most=MAX_PROJECT_BYTES >> 20))
    return write_text_atomically(path, text, backup=backup)
