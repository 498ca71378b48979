"""The YAML reader: YAML 1.2 scalars, refused constructs, positions."""

from __future__ import annotations

from typing import Any

import pytest

from workforce_cli.model import YamlFloat
from workforce_cli.read import yaml as yamlio


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),  # YAML 1.1 would say False
        ("on", "on"),
        ("yes", "yes"),
        ("80:20", "80:20"),  # YAML 1.1 would say 4820 (base 60)
        ("2021-02-18", "2021-02-18"),  # no implicit timestamps
        ("2025-02-30", "2025-02-30"),
        ("2021", 2021),
        ("-3", -3),
        ("0o17", 15),
        ("0x1F", 31),
        ("22.31", 22.31),
        ("1e3", 1000.0),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("92%", "92%"),
        ("18.2.21", "18.2.21"),
        ("Feb-21", "Feb-21"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core(text: str, value: Any) -> None:
    assert yamlio.resolve_plain(text) == value
    assert type(yamlio.resolve_plain(text)) is type(value)


def test_a_trailing_zero_keeps_its_text() -> None:
    value = yamlio.resolve_plain("87.20")
    assert isinstance(value, YamlFloat)
    assert (value, value.text) == (87.2, "87.20")


def test_quoted_scalars_are_text() -> None:
    node = yamlio.compose("a: '2021'\nb: \"no\"\nc: |\n  12\n")
    assert node is not None
    data, problems = yamlio.to_data(node)
    assert (data, problems) == ({"a": "2021", "b": "no", "c": "12\n"}, [])


def test_locate_points_at_values_keys_and_missing_keys() -> None:
    text = "id: x\nactions:\n  - id: a1\n    title: One\n  - {id: a2, due: Dec 2021}\n"
    root = yamlio.compose(text)
    assert yamlio.locate(root, ("actions", 1, "due")) == (5, 19)
    assert yamlio.locate(root, ("actions", 0, "title"), key=True) == (4, 5)
    assert yamlio.locate(root, ("actions", 0, "milestones")) == (3, 5)  # the action itself
    assert yamlio.locate(root, ("nowhere", 3)) == (1, 1)


@pytest.mark.parametrize(
    ("text", "code", "position"),
    [
        ("a: !custom 1\n", "WF006", (1, 4)),
        ("a: &x 1\nb: *x\n", "WF007", (2, 1)),
        ("a: 1\na: 2\n", "WF005", (2, 1)),
        ("? [a, b]\n: 1\n", "WF013", (1, 3)),
    ],
)
def test_refused_constructs(text: str, code: str, position: tuple[int, int]) -> None:
    node = yamlio.compose(text)
    assert node is not None
    _, problems = yamlio.to_data(node)
    assert [(p.code, (p.line, p.col)) for p in problems] == [(code, position)]


def test_syntax_errors_carry_a_position() -> None:
    with pytest.raises(yamlio.YamlFailure) as caught:
        yamlio.compose("a: 'unclosed\n")
    problem = caught.value.problem
    assert (problem.code, problem.line, problem.col) == ("WF004", 2, 1)
    assert problem.message == (
        "YAML syntax error: found unexpected end of stream while scanning a quoted scalar "
        "(it starts at line 1)"
    )
    assert problem.hint == "a quote or bracket opened earlier is never closed"
