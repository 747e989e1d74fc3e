"""Building an edited project and checking it as the loader would, before anyone is asked to apply it.

Qt-free: the network form uses it, and so can a test or a script. An edit that changes a layer size
makes explicit starting weights unusable (their shapes no longer fit), so they are dropped and the
weights start from xavier; edits that keep the shapes keep the weights.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bpstudio.engine import InitSpec, NetworkSpec, Project, TrainingSpec, ValidationError
from bpstudio.engine.budget import check_iteration
from bpstudio.engine.project_data import sample_count
from bpstudio.engine.stepper import check_data, check_parameters

FALLBACK_INIT = "xavier"


@dataclass(frozen=True)
class Edit:
    project: Project
    dropped_parameters: bool = False  # the old explicit weights were dropped
    shapes_changed: bool = False  # ... because a layer size changed (else: another initialiser was chosen)


def validate_project(project: Project, valid: Project | None = None) -> None:
    """Everything ``project_from_dict`` checks, for a project built in memory. Raises ``ValidationError``.
    ``valid``: a project known to be valid; when the edit leaves the data and what the data must fit
    unchanged, the data is not rebuilt (thousands of inline samples take seconds to convert)."""
    project.network.validate()
    project.training.validate()
    project.init.validate()
    samples = sample_count(project.data)  # the cost of one iteration, as the loader bounds it (so what an edit
    samples = len(project.dataset().x) if samples is None else samples  # makes can be opened again)
    check_iteration(project.network, samples, project.training.batch_size)
    if not (valid is not None and _same_data_fit(project, valid)):
        ds = project.dataset()  # the data must fit the network: input width, target width, classes
        check_data(project.network, ds.x.T, ds.y.T)  # and the loss: targets in [0, 1], one-hot for cross-entropy
    if project.parameters is not None:
        check_parameters(project.network, project.parameters)
    elif project.init.method == "explicit":
        raise ValidationError("parameters", "init.method is explicit, so the weights must be given")


def _same_data_fit(a: Project, b: Project) -> bool:
    """The data checks depend on the data, the input and output sizes, the loss and the output activation."""
    na, nb = a.network, b.network
    return (a.data is b.data and na.input_size == nb.input_size and na.layers[-1] == nb.layers[-1]
            and na.loss == nb.loss)


def edit_project(old: Project, *, network: NetworkSpec | None = None, training: TrainingSpec | None = None,
                 init: InitSpec | None = None, drop_parameters: bool = False) -> Edit:
    """``old`` with the given parts replaced, validated. ``drop_parameters``: the user chose an initialiser
    other than explicit, so the explicit weights go. Raises ``ValidationError`` for an invalid result."""
    network, init, parameters, dropped = network or old.network, init or old.init, old.parameters, False
    shapes_changed = network.sizes != old.network.sizes
    if shapes_changed and (parameters is not None or init.method == "explicit"):
        parameters, init, dropped = None, InitSpec(FALLBACK_INIT, init.scale), True
    elif drop_parameters and parameters is not None:
        parameters, dropped = None, True
    # a saved "where training had got to" belongs to the file as opened; the engine carries on from its own
    new = replace(old, network=network, training=training or old.training, init=init, parameters=parameters,
                  state=None)
    validate_project(new, valid=old)
    return Edit(new, dropped, dropped and shapes_changed)


def continues_training(old: Project, new: Project) -> bool:
    """Whether ``new``, an edit of ``old``, goes on from the current weights (only training settings changed:
    η, momentum, L2, epochs …); otherwise the edit starts training over from the starting weights."""
    return (new.network == old.network and new.init == old.init and new.data == old.data
            and _same_parameters(new, old) and new.training.seed == old.training.seed)  # a new seed: new weights


def _same_parameters(a: Project, b: Project) -> bool:
    if a.parameters is None or b.parameters is None:
        return a.parameters is b.parameters
    return all((Wa == Wb).all() and (ba == bb).all()
               for (Wa, ba), (Wb, bb) in zip(a.parameters, b.parameters, strict=True))
