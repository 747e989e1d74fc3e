"""Runs kept side by side: each finished or paused run's loss and accuracy curves, with the settings it ran with,
labelled by what differed from the other runs kept (project format version 5, ``runs``).

The label is found generically: every field of the network's, the training's and the initialiser's settings is
read with ``dataclasses.fields``, so a setting added to them later (an optimiser and its hyper-parameters) shows up
in the labels with no change here. A ``KeptRuns`` is the one list of a project: edits of the project keep it (they
copy the project with ``dataclasses.replace``), a project opened or made anew brings its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any, TypeVar

import numpy as np

from .errors import ValidationError, require
from .i18n import QT_TRANSLATE_NOOP, translate
from .spec import InitSpec, NetworkSpec, TrainingSpec, reject_unknown_keys
from .text.indices import superscript as sup

Array = np.ndarray
Settings = TypeVar("Settings", TrainingSpec, InitSpec)
COLUMNS = ("iteration", "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")
MAX_RUNS = 20  # a project keeps at most this many (the oldest goes first)
MAX_ROWS = 2000  # rows kept per run: a longer log is thinned evenly, its last row kept
OUTCOMES = ("finished", "paused", "diverged")
KEYS = {"network", "training", "init", "outcome", "visible", "columns", "rows"}
# the short names of the settings people compare; any other field is named by its own name
NAMES = {"learning_rate": "η", "momentum": "μ", "l2": "λ", "activation": "f",
         "batch_size": QT_TRANSLATE_NOOP("KeptRuns", "batch"), "method": QT_TRANSLATE_NOOP("KeptRuns", "init"),
         "scale": QT_TRANSLATE_NOOP("KeptRuns", "init scale"), "layers": QT_TRANSLATE_NOOP("KeptRuns", "layers"),
         "epochs": QT_TRANSLATE_NOOP("KeptRuns", "epochs"), "seed": QT_TRANSLATE_NOOP("KeptRuns", "seed"),
         "shuffle": QT_TRANSLATE_NOOP("KeptRuns", "shuffle"), "loss": QT_TRANSLATE_NOOP("KeptRuns", "loss"),
         "units": QT_TRANSLATE_NOOP("KeptRuns", "units"), "optimizer": QT_TRANSLATE_NOOP("KeptRuns", "optimizer"),
         "beta1": "β₁", "beta2": "β₂", "alpha": "α", "eps": "ε"}


@dataclass(frozen=True)
class KeptRun:
    network: NetworkSpec
    training: TrainingSpec
    init: InitSpec
    rows: Array  # (n, len(COLUMNS)), NaN where a value was not measured
    outcome: str = "finished"
    visible: bool = True

    def column(self, name: str) -> Array:
        return self.rows[:, COLUMNS.index(name)]

    def same_settings(self, other: KeptRun) -> bool:
        return (self.network, self.training, self.init) == (other.network, other.training, other.init)

    def to_dict(self) -> dict[str, Any]:
        return {"network": self.network.to_dict(), "training": asdict(self.training), "init": asdict(self.init),
                "outcome": self.outcome, "visible": self.visible, "columns": list(COLUMNS),
                "rows": [[None if not np.isfinite(v) else float(v) for v in row] for row in self.rows]}


def kept_from_log(network: NetworkSpec, training: TrainingSpec, init: InitSpec, log_rows: Array,
                  names: Sequence[str], outcome: str = "finished") -> KeptRun:
    """A run kept from a training log's rows (``names``: the log's columns), thinned to ``MAX_ROWS``."""
    rows = np.column_stack([np.asarray(log_rows)[:, list(names).index(c)] for c in COLUMNS]) if len(log_rows) \
        else np.empty((0, len(COLUMNS)))
    if len(rows) > MAX_ROWS:
        keep = np.unique(np.r_[np.linspace(0, len(rows) - 1, MAX_ROWS).round().astype(int), len(rows) - 1])
        rows = rows[keep]
    rows = np.array(rows, dtype=np.float64)
    rows.flags.writeable = False
    return KeptRun(network, training, init, rows, outcome)


class KeptRuns:
    """The runs a project keeps, in the order kept (mutable: the window keeps, hides and deletes)."""

    def __init__(self, runs: Sequence[KeptRun] = ()) -> None:
        self._runs = list(runs)[-MAX_RUNS:]

    def __iter__(self) -> Iterator[KeptRun]:
        return iter(tuple(self._runs))

    def __len__(self) -> int:
        return len(self._runs)

    def __getitem__(self, index: int) -> KeptRun:
        return self._runs[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KeptRuns):
            return NotImplemented
        return self is other or (len(self) == len(other) and all(
            a.same_settings(b) and (a.outcome, a.visible) == (b.outcome, b.visible)
            and np.array_equal(a.rows, b.rows, equal_nan=True) for a, b in zip(self, other, strict=True)))

    def keep(self, run: KeptRun) -> int:
        """Keep ``run``; the same run paused and then carried on (same settings, its rows a continuation of the
        last kept's) replaces that one. Returns its index."""
        last = self._runs[-1] if self._runs else None
        if last is not None and last.same_settings(run) and len(last.rows) and len(run.rows) \
                and len(run.rows) >= len(last.rows) and np.array_equal(last.rows[0], run.rows[0], equal_nan=True):
            self._runs[-1] = KeptRun(run.network, run.training, run.init, run.rows, run.outcome, last.visible)
            return len(self._runs) - 1
        self._runs.append(run)
        del self._runs[:-MAX_RUNS]
        return len(self._runs) - 1

    def set_visible(self, index: int, visible: bool) -> None:
        r = self._runs[index]
        self._runs[index] = KeptRun(r.network, r.training, r.init, r.rows, r.outcome, visible)

    def delete(self, index: int) -> None:
        del self._runs[index]

    def clear(self) -> None:
        self._runs.clear()

    def labels(self) -> list[str]:
        return run_labels(self._runs)

    def to_list(self) -> list[dict[str, Any]]:
        return [run.to_dict() for run in tuple(self._runs)]

    def csv(self) -> str:
        """Every run's rows, one line each, with the run's number and label first (empty where not measured)."""
        lines = [",".join(("run", "label", *COLUMNS))]
        for n, (run, label) in enumerate(zip(self._runs, self.labels(), strict=True), 1):
            text = '"' + label.replace('"', '""') + '"'
            for row in run.rows:
                lines.append(",".join((str(n), text, *("" if not np.isfinite(v) else repr(float(v)) for v in row))))
        return "\n".join(lines) + "\n"


def settings_of(run: KeptRun) -> dict[tuple[str, str], object]:
    """Every setting of a run, by (section, name): the network's layer sizes as one, each layer's other fields by
    layer, and every field of the network, training and initialiser specs (new fields included)."""
    net = run.network
    out: dict[tuple[str, str], object] = {("network", "layers"): "-".join(str(n) for n in net.sizes)}
    for l, layer in enumerate(net.layers, 1):
        for f in fields(layer):
            if f.name != "units":
                out[("layer", f"{f.name}{l}")] = getattr(layer, f.name)
    for section, spec in (("network", net), ("training", run.training), ("init", run.init)):
        for f in fields(spec):
            value = getattr(spec, f.name)
            if f.name not in ("layers", "input_size") and not is_dataclass(value):
                out[(section, f.name)] = value
    return out


def _name(section: str, name: str) -> str:
    if section == "layer":  # "activation2" → f²
        base = name.rstrip("0123456789")
        short = NAMES.get(base, base.replace("_", " "))
        return translate("KeptRuns", short) + sup(int(name[len(base):]))
    if section == "init" and name == "method":
        return translate("KeptRuns", NAMES["method"])
    if section == "init" and name == "scale":
        return translate("KeptRuns", NAMES["scale"])
    known = NAMES.get(name)
    return translate("KeptRuns", known) if known is not None else name.replace("_", " ")


def _value(name: str, value: object) -> str:
    if name == "batch_size" and value == 0:
        return translate("KeptRuns", "all")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def differences(runs: Sequence[KeptRun]) -> list[list[tuple[str, str]]]:
    """For each run, (name, value) of every setting whose value is not the same in all ``runs``."""
    settings = [settings_of(run) for run in runs]
    order: list[tuple[str, str]] = []
    for s in settings:
        order += [k for k in s if k not in order]
    missing = object()
    differ = [k for k in order if len({repr(s.get(k, missing)) for s in settings}) > 1]
    return [[(_name(*k), _value(k[1], s[k])) for k in differ if k in s] for s in settings]


def run_labels(runs: Sequence[KeptRun]) -> list[str]:
    """"2: η 0.1, batch 16": each run's number and what differed from the others ("same settings" when nothing)."""
    out = []
    for n, diff in enumerate(differences(runs), 1):
        said = ", ".join(f"{name} {value}" for name, value in diff) or translate("KeptRuns", "same settings")
        out.append(translate("KeptRuns", "{n}: {settings}").format(n=n, settings=said))
    return out


def runs_from_list(d: object, where: str = "runs") -> KeptRuns:
    """The ``runs`` section, checked and bounded before anything is made of it."""
    if not isinstance(d, list):
        raise ValidationError(where, translate("KeptRuns", "must be a list of runs"))
    require(len(d) <= MAX_RUNS, where, translate("KeptRuns", "a project keeps at most {most} runs, got {count}"),
            most=MAX_RUNS, count=len(d))
    return KeptRuns([_run(item, f"{where}[{i}]") for i, item in enumerate(d)])


def _run(d: object, where: str) -> KeptRun:
    if not isinstance(d, dict):
        raise ValidationError(where, translate("KeptRuns", "must be an object"))
    reject_unknown_keys(d, KEYS, where)
    network = NetworkSpec.from_dict(d.get("network"), f"{where}.network")
    training = settings_section(d.get("training", {}), TrainingSpec, f"{where}.training").validate(f"{where}.training")
    init = settings_section(d.get("init", {}), InitSpec, f"{where}.init").validate(f"{where}.init")
    outcome, visible = d.get("outcome", "finished"), d.get("visible", True)
    require(outcome in OUTCOMES, f"{where}.outcome", translate("KeptRuns", "must be one of {choices}"),
            choices=", ".join(OUTCOMES))
    require(isinstance(visible, bool), f"{where}.visible", translate("KeptRuns", "must be true or false"))
    require(d.get("columns") == list(COLUMNS), f"{where}.columns", translate("KeptRuns", "must be {columns}"),
            columns=list(COLUMNS))
    rows = d.get("rows")
    require(isinstance(rows, list) and len(rows) <= MAX_ROWS, f"{where}.rows", translate(
        "KeptRuns", "must be a list of at most {most} rows"), most=MAX_ROWS)
    assert isinstance(rows, list)
    require(all(isinstance(r, list) and len(r) == len(COLUMNS) for r in rows), f"{where}.rows", translate(
        "KeptRuns", "must be rows of {count} numbers (null for none)"), count=len(COLUMNS))
    try:
        read = np.array([[np.nan if v is None else _number(v) for v in r] for r in rows], dtype=np.float64)
    except (TypeError, ValueError):
        raise ValidationError(f"{where}.rows", translate("KeptRuns", "must hold numbers or null")) from None
    read = read.reshape(len(rows), len(COLUMNS))
    read.flags.writeable = False
    return KeptRun(network, training, init, read, outcome, visible)


def settings_section(d: object, kind: type[Settings], where: str) -> Settings:
    """A ``training`` or ``init`` section as a ``kind`` (not yet validated); a key none of its fields is an error."""
    if not isinstance(d, dict):
        raise ValidationError(where, translate("KeptRuns", "must be an object"))
    reject_unknown_keys(d, {f.name for f in fields(kind)}, where)
    return kind(**d)


def _number(v: object) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise TypeError(v)
    return float(v)
