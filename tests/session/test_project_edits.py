"""An edited project is checked as the loader would check it: what an edit makes can always be opened again."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bpstudio.engine import LayerSpec, ValidationError, load_project, loads_project, save_project
from bpstudio.engine.resource_files import example_path
from bpstudio.session.project_edits import edit_project, validate_project


def test_an_edit_over_the_loaders_iteration_budget_is_refused_as_the_loader_would(tmp_path):
    spiral = load_project(example_path("spiral_softmax"))
    wide = replace(spiral.network, layers=(LayerSpec(1200, "relu"), LayerSpec(1200, "relu"), spiral.network.layers[-1]))
    big = replace(spiral, network=wide, training=replace(spiral.training, batch_size=0))
    with pytest.raises(ValidationError) as refused:
        validate_project(big)
    assert refused.value.field == "network.layers" and "million multiply-adds" in str(refused.value)
    with pytest.raises(ValidationError) as refused_on_load:  # the same words as opening such a file
        loads_project(json.dumps(big.to_dict()))
    assert str(refused_on_load.value) == str(refused.value)
    small = edit_project(spiral, training=replace(spiral.training, batch_size=0)).project  # within the budget
    validate_project(small)
    save_project(tmp_path / "small.bpsproj", small)
    assert load_project(tmp_path / "small.bpsproj").training.batch_size == 0
