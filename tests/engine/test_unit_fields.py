"""Every unit's map over the input plane: the activations of the one forward loop at the grid's points."""

from __future__ import annotations

import numpy as np

from bpstudio.engine import load_project
from bpstudio.engine.decision_field import decision_field, input_plane, network_field
from bpstudio.engine.examples import wide_project
from bpstudio.engine.resource_files import example_path
from bpstudio.engine.unit_fields import MAPPED_UNITS, UNIT_RESOLUTION, unit_fields


def trained(name: str, iterations: int = 50):
    project = load_project(example_path(name))
    stepper = project.stepper()
    stepper.run_iterations(iterations)
    train, _ = project.split()
    return project, stepper, input_plane(train.x)


def test_a_units_map_is_its_activation_at_each_grid_point_computed_by_hand():
    project, stepper, plane = trained("spiral_softmax")
    fields = unit_fields(stepper.plan, stepper.parameters, plane)
    (W1, b1), (W2, b2), (W3, b3) = stepper.parameters
    assert fields.xs.shape == fields.ys.shape == (UNIT_RESOLUTION,)
    assert [a.shape for a in fields.layers] == [(24, 24, 16), (24, 24, 16), (24, 24, 3)]
    for r, c in ((0, 0), (5, 17), (23, 23), (12, 3)):
        x = np.array([[fields.xs[c]], [fields.ys[r]]])
        a1 = np.maximum(W1 @ x + b1, 0.0)  # ReLU
        a2 = np.maximum(W2 @ a1 + b2, 0.0)
        z3 = W3 @ a2 + b3
        a3 = np.exp(z3 - z3.max()) / np.exp(z3 - z3.max()).sum()
        for l, a in ((1, a1), (2, a2), (3, a3)):
            np.testing.assert_allclose(fields.layers[l - 1][r, c], a[:, 0], rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(fields.unit(2, 7)[r, c], a2[7, 0], rtol=1e-12, atol=1e-15)
    train, _ = project.split()
    lo, hi = train.x.min(axis=0), train.x.max(axis=0)
    assert fields.xs[0] < lo[0] and fields.xs[-1] > hi[0] and fields.ys[0] < lo[1] and fields.ys[-1] > hi[1]


def test_the_output_units_maps_are_the_decision_field_on_the_same_grid():
    _, stepper, plane = trained("spiral_softmax")
    field = network_field(stepper.plan, stepper.parameters, plane)
    assert field.kind == "plane" and field.units is not None
    coarse = decision_field(stepper.plan, stepper.parameters, plane.extent, UNIT_RESOLUTION)
    assert coarse is not None
    np.testing.assert_array_equal(field.units.layers[-1], coarse.outputs)
    np.testing.assert_array_equal(field.outputs, decision_field(stepper.plan, stepper.parameters, plane.extent).outputs)
    assert not field.units.layers[0].flags.writeable


def test_more_than_two_inputs_hold_the_others_at_their_means_and_any_two_can_be_chosen():
    project, stepper, plane = trained("iris_softmax", 10)
    train, _ = project.split()
    np.testing.assert_allclose(plane.held, train.x.mean(axis=0))
    assert plane.inputs == 4  # across and up: the two inputs that vary most (petal length and width)
    assert plane.features == (2, 3) == tuple(sorted(np.argsort(train.x.var(axis=0))[-2:]))
    chosen = plane.choosing(3, 1)
    assert chosen.features == (3, 1)
    assert plane.choosing(2, 2) is plane and plane.choosing(0, 9) is plane
    field = network_field(stepper.plan, stepper.parameters, chosen)
    assert field.kind == "plane" and field.units is not None  # 4 inputs: the decision field is a slice
    units = field.units
    assert field.outputs is units.layers[-1] and field.xs is units.xs and field.ys is units.ys
    assert units.xs[0] < train.x[:, 3].min() and units.ys[-1] > train.x[:, 1].max()
    (W1, b1), _ = stepper.parameters
    r, c = 7, 19
    x = np.array(chosen.held)[:, None]
    x[3, 0], x[1, 0] = units.xs[c], units.ys[r]
    np.testing.assert_allclose(units.layers[0][r, c], np.tanh(W1 @ x + b1)[:, 0], rtol=1e-12, atol=1e-15)


def test_one_input_maps_are_lines_and_wide_layers_have_none():
    project, stepper, plane = trained("sine_regression", 5)
    fields = unit_fields(stepper.plan, stepper.parameters, plane)
    assert fields.ys is None and all(a.shape[:2] == (1, UNIT_RESOLUTION) for a in fields.layers if a is not None)
    assert fields.layers[0].shape == (1, UNIT_RESOLUTION, 16)  # 16 units: mapped
    wide = wide_project(samples=64, batch_size=16, init="xavier", learning_rate=0.05, shuffle=False)  # 784-128-64-10
    stepper = wide.stepper()
    train, _ = wide.split()
    fields = unit_fields(stepper.plan, stepper.parameters, input_plane(train.x))
    assert MAPPED_UNITS == 16 and fields.layers[0] is None and fields.layers[1] is None  # drawn as blocks
    assert fields.layers[2].shape == (UNIT_RESOLUTION, UNIT_RESOLUTION, 10)


def test_maps_of_inputs_drawn_as_one_block_are_coarser():
    """784 inputs: the maps come on a 12 × 12 grid (a quarter of the work of 24 × 24); a few inputs: 24 × 24."""
    from bpstudio.engine.decision_field import network_field
    from bpstudio.engine.unit_fields import COARSE_RESOLUTION

    wide = wide_project(samples=64, batch_size=16, init="xavier", learning_rate=0.05, shuffle=False)
    stepper = wide.stepper()
    train, _ = wide.split()
    units = network_field(stepper.plan, stepper.parameters, input_plane(train.x)).units
    assert units is not None and COARSE_RESOLUTION == 12
    assert units.layers[2].shape == (12, 12, 10) and len(units.xs) == 12
    project, stepper, plane = trained("sine_regression", 1)
    units = network_field(stepper.plan, stepper.parameters, plane).units
    assert units is not None and len(units.xs) == UNIT_RESOLUTION
