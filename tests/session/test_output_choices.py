"""Choosing the output layer and the loss together (session.output_choices) and Apply keeping one-hot targets."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bpstudio.engine import LayerSpec, NetworkSpec, load_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.data_edits import project_with_data
from bpstudio.session.output_choices import choose_output, output_sizes

MOONS = {"generator": "moons", "params": {"n": 50, "noise": 0.1, "seed": 1}}


def moons(units: int, activation: str, loss: str):
    xor = load_project(example_path("xor_tanh"))
    return replace(xor, network=NetworkSpec(2, (LayerSpec(4, "tanh"), LayerSpec(units, activation)), loss), data=MOONS)


def test_two_classes_allow_one_or_two_output_units():
    assert output_sizes(moons(1, "sigmoid", "binary_cross_entropy")) == (1, 2)
    assert output_sizes(load_project(example_path("spiral_softmax"))) == (3,)


def test_cross_entropy_brings_a_two_unit_softmax_output():
    choice = choose_output(moons(1, "sigmoid", "binary_cross_entropy"), loss="cross_entropy")
    assert choice.network.layers[-1] == LayerSpec(2, "softmax") and choice.network.loss == "cross_entropy"
    assert choice.also == (("units", 2), ("activation", "softmax"))


def test_softmax_brings_cross_entropy_and_two_units():
    choice = choose_output(moons(1, "sigmoid", "binary_cross_entropy"), activation="softmax")
    assert (choice.network.layers[-1], choice.network.loss) == (LayerSpec(2, "softmax"), "cross_entropy")


def test_one_output_unit_goes_back_to_sigmoid_and_binary_cross_entropy():
    choice = choose_output(moons(2, "softmax", "cross_entropy"), units=1)
    assert (choice.network.layers[-1], choice.network.loss) == (LayerSpec(1, "sigmoid"), "binary_cross_entropy")


def test_a_linear_output_takes_squared_error():
    choice = choose_output(moons(1, "sigmoid", "binary_cross_entropy"), activation="identity")
    assert choice.network.loss == "squared_error" and choice.also == (("loss", "squared_error"),)


def test_apply_keeps_one_hot_targets_one_hot():
    spiral = load_project(example_path("spiral_softmax"))  # 3 softmax units
    edit = project_with_data(spiral, MOONS)
    assert edit.project.network.layers[-1] == LayerSpec(2, "softmax")
    assert edit.project.network.loss == "cross_entropy"
    y = edit.project.dataset().y
    assert y.shape[1] == 2 and np.allclose(y.sum(axis=1), 1.0)
    xor = load_project(example_path("xor_tanh"))  # a 0/1 output stays 0/1
    assert project_with_data(xor, MOONS).project.network.layers[-1] == LayerSpec(1, "sigmoid")
