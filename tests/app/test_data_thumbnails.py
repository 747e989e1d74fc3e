"""Data by picture: the Data tab shows every generator and shipped dataset as a picture drawn from its samples;
a click gives the project that data, and the picture of the project's data is the one highlighted."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from window_helpers import settle

from bpstudio.app.forms.data_thumbnails import PICTURE, picture, picture_points
from bpstudio.engine.builtin_datasets import builtin_dataset
from bpstudio.engine.datasets import GENERATORS, generate


def test_every_generator_and_shipped_dataset_has_a_picture_with_its_name_and_size(window, qtbot):
    thumbnails = window.data_panel.thumbnails
    assert not thumbnails.drawn  # the window opens on the Network tab: the pictures wait until they are seen
    assert all(b.icon().isNull() for b in thumbnails.buttons.values())
    window.data_source_dock.raise_()
    qtbot.waitUntil(lambda: all(not b.icon().isNull() for b in thumbnails.buttons.values()))
    assert list(thumbnails.buttons) == [*GENERATORS, "iris", "digits"]
    assert thumbnails.buttons["moons"].toolTip().startswith("Moons: Two interleaved half-moons.")
    assert "1797 samples · 64 features (8×8 pixels) · 10 classes" in thumbnails.buttons["digits"].toolTip()
    assert "150 samples" in thumbnails.buttons["iris"].toolTip()
    window.data_panel.samples_box.setValue(300)
    assert "300 samples (Samples N)" in thumbnails.buttons["xor"].toolTip()
    for button in thumbnails.buttons.values():
        assert button.isVisible() and button.iconSize().width() == PICTURE


def test_the_pictures_are_the_engines_samples():
    x, labels = picture_points("moons")
    moons = generate("moons", {"n": 200, "noise": 0.1, "seed": 0}, 1)
    np.testing.assert_array_equal(x, moons.x)
    np.testing.assert_array_equal(labels, moons.labels)
    digits, _ = picture_points("digits")
    np.testing.assert_array_equal(digits, builtin_dataset("digits", 10).x)
    image = picture("digits").toImage()  # the first digit, a 0, fills the top left quarter: ink dark, paper white
    first = builtin_dataset("digits", 10).x[0].reshape(8, 8)
    cell = PICTURE / 2 / 8
    for r, c in [(0, 0), (0, 3), (3, 1), (4, 4)]:
        grey = QColor(image.pixel(int((c + 0.5) * cell), int((r + 0.5) * cell))).red()
        assert abs(grey - (255 - round(first[r, c] * 255))) <= 2, (r, c)


def test_clicking_a_picture_gives_the_project_that_data_and_highlights_it(window, qtbot):
    thumbnails = window.data_panel.thumbnails
    assert thumbnails.selected() is None  # seed003 learns XOR from a table written in the project: no picture
    qtbot.mouseClick(thumbnails.buttons["moons"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    data = window.state.project.data
    assert data["generator"] == "moons" and data["params"]["n"] == window.data_panel.samples_box.value()
    assert thumbnails.selected() == "moons" and window.data_panel.source() == "moons"
    assert [k for k, b in thumbnails.buttons.items() if b.isChecked()] == ["moons"]

    qtbot.mouseClick(thumbnails.buttons["digits"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    project = window.state.project
    assert project.data["dataset"] == "digits" and project.network.input_size == 64
    assert project.network.layers[-1].units == 10 and thumbnails.selected() == "digits"
    assert "1797 samples" in window.data_panel.summary()

    window.undo_stack.undo()
    settle(qtbot, window)
    assert window.state.project.data["generator"] == "moons" and thumbnails.selected() == "moons"


def test_a_refused_click_says_why_and_keeps_the_projects_picture_highlighted(window, qtbot):
    panel, thumbnails = window.data_panel, window.data_panel.thumbnails
    qtbot.mouseClick(thumbnails.buttons["moons"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    panel.noise_edit.setText("lots")
    qtbot.mouseClick(thumbnails.buttons["circles"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert panel.message_is_error() and "the noise σ must be a number ≥ 0" in panel.message()
    assert window.state.project.data["generator"] == "moons" and thumbnails.selected() == "moons"
