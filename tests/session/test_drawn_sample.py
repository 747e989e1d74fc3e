"""A drawn digit as the project's only sample: x = pixels / 16, y one-hot, the weights of now; refused otherwise."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import ValidationError
from bpstudio.engine.examples import resolve_project
from bpstudio.session.drawn_sample import drawn_pixels, drawn_project


def test_the_drawn_project_holds_the_drawing_the_digit_and_the_weights_of_now():
    project = resolve_project("digits_softmax")
    stepper = project.stepper()
    stepper.run_iterations(3)
    snapshot = stepper.snapshot()
    pixels = [16 if i % 9 == 0 else 0 for i in range(64)]
    drawn = drawn_project(project, snapshot, pixels, 4)
    assert drawn.network == project.network and drawn.training == project.training
    assert drawn.data == {"x": [[p / 16 for p in pixels]], "y": [[float(k == 4) for k in range(10)]]}
    assert drawn.init.method == "explicit" and drawn.parameters is not None
    for (W, b), layer in zip(drawn.parameters, (1, 2), strict=True):
        np.testing.assert_array_equal(W, snapshot.get("W", layer))
        np.testing.assert_array_equal(b, snapshot.get("b", layer))
    assert drawn_pixels(drawn) == pixels and drawn_pixels(project) is None
    one = drawn.stepper()
    one.step()  # forward 1: z¹ = W¹x + b¹ on the drawing
    z1 = snapshot.get("W", 1) @ (np.array(pixels) / 16)[:, None] + snapshot.get("b", 1)
    np.testing.assert_allclose(one.snapshot().get("z", 1), z1, rtol=0, atol=1e-12)


def test_a_drawing_is_refused_by_a_network_without_64_inputs_or_a_digit_beyond_its_outputs():
    digits = resolve_project("digits_softmax")
    snapshot = digits.stepper().snapshot()
    with pytest.raises(ValidationError, match="from 0 to 9"):
        drawn_project(digits, snapshot, [0] * 64, 10)
    xor = resolve_project("seed003_2-2-1")
    with pytest.raises(ValidationError, match="64 pixels, but the network has 2 inputs"):
        drawn_project(xor, xor.stepper().snapshot(), [0] * 64, 0)
