"""The shortcuts taken for speed when reading a corpus give exactly what the long way gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.nodes import MappingNode

from tests.conftest import PLANS, write
from workforce_cli.read import loader as loading
from workforce_cli.read import yaml as yamlio
from workforce_cli.read.yaml_scalars import BadNumber


def test_walk_without_alias_bookkeeping_gives_the_same_data() -> None:
    for path in sorted(PLANS.glob("*.yaml")):
        root = yamlio.compose(path.read_text("utf-8"))
        assert root is not None
        assert yamlio.to_data(root, aliases=False) == yamlio.to_data(root), path.name


@given(st.text(alphabet="abnoNOTtrueflsFLSEy~.0123456789+-:é ", min_size=1, max_size=8))
def test_plain_words_read_as_the_core_schema_says(word: str) -> None:
    try:
        root = yamlio.compose(f"k: {word}\n")
    except yamlio.YamlFailure:
        return
    assert isinstance(root, MappingNode)
    value = root.value[0][1]
    if value.style or not isinstance(value.value, str):
        return
    data, problems = yamlio.to_data(root, aliases=False)
    expected = yamlio.resolve_plain(value.value)
    if isinstance(expected, BadNumber):  # .inf, .nan, 1E100: refused, with a line
        assert [(p.code, p.line) for p in problems] == [("WF014", 1)]
        return
    assert problems == []
    assert data["k"] == expected
    assert type(data["k"]) is type(expected)


def test_positions_from_the_first_parse_match_a_fresh_compose(tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", "wfplan: 1\nid: a\ntitle: A\n")
    b = write(tmp_path / "b.yaml", "wfplan: 1\n\n\nid: b\ntitle: B\n")
    for path in (a, b, *sorted(PLANS.glob("*.yaml"))):
        source, _, _ = loading.read_source(path)
        composed = yamlio.compose(source.text)  # the nodes, with their own marks
        for step in (("title",), ("id",), ("actions", 0, "title"), ("nowhere", 2)):
            for key in (False, True):
                expected = yamlio.locate(composed, step, key=key)
                assert source.locate(step, key=key) == expected, (path, step)
    source, _, _ = loading.read_source(b)
    assert source.locate(("id",), key=True) == (4, 1)
