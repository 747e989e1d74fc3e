"""The output layer and the loss chosen together: what else has to change when one of them is edited.

Qt-free. Cross-entropy needs a softmax output, binary cross-entropy a sigmoid one, softmax at least 2 units;
refusing one edit until another is made sends a learner in a circle. So an edit of the loss, the output
activation or (for 2 classes) the output size brings the other two along, the way a learner means it:
for two classes, 1 output unit is "0/1 targets" (sigmoid, binary cross-entropy) and 2 units are "one-hot
targets" (softmax, cross-entropy). What is left invalid is refused by the usual checks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bpstudio.engine import NetworkSpec, Project, ValidationError, get_activation, get_loss

from .data_edits import target_classes

FUSED = {"cross_entropy": "softmax", "binary_cross_entropy": "sigmoid"}


@dataclass(frozen=True)
class OutputChoice:
    network: NetworkSpec
    also: tuple[tuple[str, object], ...]  # what changed besides the edit asked for: ("units", 2), ("activation",
    # "softmax"), ("loss", "cross_entropy")


def classes_of(project: Project) -> int | None:
    """How many classes the targets stand for (None for values, or data that cannot say)."""
    try:
        return target_classes(project.data)
    except ValidationError:
        return None


def output_sizes(project: Project) -> tuple[int, ...]:
    """The output sizes the data allows: (1, 2) for two classes (0/1 or one-hot), else the current one."""
    return (1, 2) if classes_of(project) == 2 else (project.network.layers[-1].units,)


def choose_output(project: Project, *, units: int | None = None, activation: str | None = None,
                  loss: str | None = None) -> OutputChoice:
    """``project``'s network with the output ``units``, ``activation`` or ``loss`` asked for (one of them), and
    what that brings along. Not validated."""
    net, classes = project.network, classes_of(project)
    out = net.layers[-1]
    n, act, lss = out.units, get_activation(out.activation).name, get_loss(net.loss).name
    if loss is not None:
        lss = get_loss(loss).name
        if lss in FUSED:
            act = FUSED[lss]
        if classes == 2:
            n = 2 if lss == "cross_entropy" else 1 if lss == "binary_cross_entropy" else n
    elif activation is not None:
        act = get_activation(activation).name
        if act == "softmax":
            lss = "cross_entropy" if lss == "binary_cross_entropy" else lss
            n = 2 if n < 2 and classes == 2 else n
        elif act == "sigmoid":
            lss = "binary_cross_entropy" if lss == "cross_entropy" else lss
        elif lss in FUSED:
            lss = "squared_error"
    elif units is not None:
        n = units
        if classes == 2 and (n, out.units) == (2, 1) and (act, lss) == ("sigmoid", "binary_cross_entropy"):
            act, lss = "softmax", "cross_entropy"  # 0/1 targets become one-hot: their usual output
        elif classes == 2 and n == 1 and act == "softmax":
            act, lss = "sigmoid", "binary_cross_entropy" if lss == "cross_entropy" else lss
    also: list[tuple[str, object]] = []
    if n != out.units and units is None:
        also.append(("units", n))
    if act != get_activation(out.activation).name and activation is None:
        also.append(("activation", act))
    if lss != get_loss(net.loss).name and loss is None:
        also.append(("loss", lss))
    layers = (*net.layers[:-1], replace(out, units=n, activation=act))
    return OutputChoice(replace(net, layers=layers, loss=lss), tuple(also))
