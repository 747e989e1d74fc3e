"""The data panel's words: the sources it offers, a project's data in one line, what new data changed in the
network; and the numbers typed into its fields, read or refused with the reason."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication

from bpstudio.app.widgets.network_labels import activation_label, loss_label
from bpstudio.engine import Project, ValidationError
from bpstudio.engine.csv_import import NUMBER
from bpstudio.engine.text.indices import format_value
from bpstudio.session.data_edits import target_classes
from bpstudio.session.output_choices import output_sizes
from bpstudio.session.project_edits import Edit

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)


class Refused(Exception):
    """A typed value that cannot be used; the text says why."""


def sources() -> list[tuple[str, str, str]]:
    """(name, key, tooltip) of every source the panel offers."""
    return [
        (translate("DataPanel", "XOR"), "xor",
         translate("DataPanel", "Points around the unit square's corners; class 1 at (0, 1) and (1, 0).")),
        (translate("DataPanel", "Circles"), "circles",
         translate("DataPanel", "Two concentric rings: no straight line separates them.")),
        (translate("DataPanel", "Moons"), "moons", translate("DataPanel", "Two interleaved half-moons.")),
        (translate("DataPanel", "Spiral (k classes)"), "spiral",
         translate("DataPanel", "k interleaved spiral arms: needs hidden layers.")),
        (translate("DataPanel", "Blobs (k classes)"), "blobs",
         translate("DataPanel", "k Gaussian clusters on a circle of radius 2.")),
        (translate("DataPanel", "Sine (1-D regression)"), "sine",
         translate("DataPanel", "y = sin x + noise: one input, one real output.")),
        (translate("DataPanel", "Iris (real data, 150 flowers)"), "iris",
         translate("DataPanel", "Fisher's Iris: 4 measurements, 3 species.")),
        (translate("DataPanel", "Handwritten digits (real data, 8×8 pixels)"), "digits",
         translate("DataPanel", "1797 handwritten digits 0 … 9, each an image of 8×8 pixels: 64 inputs from 0 (white) "
                   "to 1 (ink), 10 classes.")),
        (translate("DataPanel", "One sample (typed)"), "sample",
         translate("DataPanel", "One sample x and its target y: a worked example.")),
        (translate("DataPanel", "CSV file…"), "csv",
         translate("DataPanel", "Import a table, choosing its feature and label columns.")),
    ]


def source_name(key: str) -> str:
    """The name the source box gives ``key``: "Moons"."""
    return next(name for name, k, _ in sources() if k == key)


def thumbnail_tip(key: str, n: int) -> str:
    """A data picture's tooltip: its name, what it is, and how big the data a click gives is."""
    shipped = {"iris": translate("DataPanel", "150 samples · 4 features · 3 classes"),
               "digits": translate("DataPanel", "1797 samples · 64 features (8×8 pixels) · 10 classes")}
    if key in shipped:
        size = shipped[key]
    elif key == "sine":
        size = translate("DataPanel", "{n} samples (Samples N) · 1 feature · 1 target value").format(n=n)
    elif key in ("spiral", "blobs"):
        size = translate("DataPanel", "{n} samples (Samples N) · 2 features · k classes").format(n=n)
    else:
        size = translate("DataPanel", "{n} samples (Samples N) · 2 features · 2 classes").format(n=n)
    tip = next(tip for _, k, tip in sources() if k == key)
    return translate("DataPanel", "{name}: {tip}\n{size}\nClick to use it.").format(
        name=source_name(key), tip=tip, size=size)


def dataset_undo_text(key: str) -> str:
    return translate("DataPanel", "Use the Iris data") if key == "iris" else translate(
        "DataPanel", "Use the handwritten digits")


def generator_undo_text(source: str, n: int) -> str:
    """"Use two moons data (200 samples)"."""
    name = {"xor": translate("DataPanel", "XOR"), "circles": translate("DataPanel", "two circles"),
            "moons": translate("DataPanel", "two moons"), "spiral": translate("DataPanel", "spiral"),
            "blobs": translate("DataPanel", "blobs"), "sine": translate("DataPanel", "sine")}[source]
    return translate("DataPanel", "Use {name} data ({n} samples)").format(name=name, n=n)


def data_summary(project: Project) -> str:
    """"200 samples: 160 training, 40 test · 2 features · 3 classes"."""
    try:
        train, test = project.split()
        classes = target_classes(project.data)
    except ValidationError as exc:
        return str(exc)
    n_test = len(test.x) if test else 0
    n = len(train.x) + n_test
    if n == 1:
        text = translate("DataPanel", "1 sample")
    elif n_test:
        text = translate("DataPanel", "{n} samples: {train} training, {test} test").format(
            n=n, train=n - n_test, test=n_test)
    else:
        text = translate("DataPanel", "{n} samples, all for training").format(n=n)
    d, k = train.x.shape[1], train.y.shape[1]
    parts = [text, translate("DataPanel", "1 feature") if d == 1 else
             translate("DataPanel", "{d} features").format(d=d)]
    if classes is not None:
        parts.append(translate("DataPanel", "{k} classes").format(k=classes))
    else:
        parts.append(translate("DataPanel", "1 target value") if k == 1 else
                     translate("DataPanel", "{k} target values").format(k=k))
    return " · ".join(parts)


def change_notes(old: Project, edit: Edit) -> list[str]:
    """What the new data changed besides the data: the input size, the output layer, the starting weights."""
    notes = []
    net, new_net = old.network, edit.project.network
    if new_net.input_size != net.input_size:
        notes.append(translate("DataPanel", "The input size is now {n}.").format(n=new_net.input_size))
    out = new_net.layers[-1]
    if (net.layers[-1], net.loss) != (out, new_net.loss):
        text = translate("DataPanel", "The output layer is now 1 {activation} unit with loss {loss}, to fit the "
                         "targets.") if out.units == 1 else \
            translate("DataPanel", "The output layer is now {n} {activation} units with loss {loss}, to fit the "
                      "targets.")
        notes.append(text.format(n=out.units, activation=activation_label(out.activation),
                                 loss=loss_label(new_net.loss)))
        if out.units == 1 and output_sizes(edit.project) == (1, 2):  # the other encoding, and how to get it
            notes.append(translate("DataPanel", "For one-hot targets (2 softmax units with cross-entropy), press + "
                                   "over the output layer on the diagram, or set its Units to 2 in the Network form."))
    if edit.dropped_parameters:
        notes.append(translate("DataPanel", "The explicit starting weights no longer fit: the weights now start "
                               "from {method}.").format(method=edit.project.init.method))
    return notes


def typed_noise(typed: str) -> float:
    text = typed.strip().replace(",", ".")
    value = float(text) if NUMBER.fullmatch(text) else math.nan
    if not math.isfinite(value) or value < 0:
        raise Refused(translate("DataPanel", "the noise σ must be a number ≥ 0, such as 0.1 (not “{text}”).").format(
            text=typed))
    return value


def typed_numbers(text: str, what: str) -> list[float]:
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    if not parts:
        raise Refused(translate("DataPanel", "type the {what} as numbers separated by commas, such as 0.05, 0.10.")
                      .format(what=what))
    for i, part in enumerate(parts, 1):
        if not NUMBER.fullmatch(part) or not math.isfinite(float(part)):
            raise Refused(translate("DataPanel", "in the {what}, value {i} “{part}” is not a number.")
                          .format(what=what, i=i, part=part))
    return [float(p) for p in parts]


def row_text(rows: object) -> str:
    """The first row of inline data, as typed into the fields: "0.05, 0.1"."""
    row = rows[0] if isinstance(rows, list) and rows else []
    return ", ".join(format_value(v) for v in (row if isinstance(row, list) else [row]))
