"""The shipped lexicons read through ``dateline.data``: the fast (libyaml) loader gives what PyYAML's pure
Python safe loader gives, value for value and type for type."""

from __future__ import annotations

import pickle
from importlib import resources

import yaml

from dateline.data import load_yaml, read_text


def test_every_shipped_yaml_file_loads_as_the_pure_python_safe_loader_reads_it() -> None:
    names = sorted(p.name for p in resources.files("dateline.data").iterdir() if p.name.endswith(".yaml"))
    assert len(names) >= 10
    for name in names:
        expected = yaml.safe_load(read_text(name))
        # pickle compares types and order too (1 vs 1.0 vs True, key order), which == does not.
        assert pickle.dumps(load_yaml(name)) == pickle.dumps(expected), name
