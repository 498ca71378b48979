"""Reading one large plan: a text with thousands of brackets is composed once, not scanned
event by event first, and its nesting is still checked (WF011) exactly as the scan checks it."""

from __future__ import annotations

import pytest

from workforce_cli.read import yaml as yamlio
from workforce_cli.read import yaml_guard

HEAD = "wfplan: 1\nid: example\ntitle: Example plan\n"


def _many_brackets(actions: int) -> str:
    lines = [
        f"  - {{id: a{n}, title: Act, owner: [HR, Finance], due: 2030}}" for n in range(actions)
    ]
    return HEAD + "actions:\n" + "\n".join(lines) + "\n"


def test_a_plan_with_many_brackets_is_not_scanned_before_it_is_composed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _many_brackets(3_000)  # 6,000 opening brackets: past yaml_guard.SAFE_BRACKETS
    assert text.count("{") + text.count("[") > yaml_guard.SAFE_BRACKETS
    assert yaml_guard.composing_stack(text) is not None

    def scan(text: str) -> None:
        raise AssertionError("the event scan ran")

    monkeypatch.setattr(yaml_guard, "too_deep", scan)
    root = yamlio.compose(text)
    assert root is not None
    data, problems = yamlio.to_data(root, text=text)
    assert problems == []
    assert len(data["actions"]) == 3_000
    assert data["actions"][2_999]["owner"] == ["HR", "Finance"]


QUOTED = '[ "]", ' * 300 + "x" + "]" * 300  # 301 deep; the count sees 1 (quotes mislead it)


@pytest.mark.parametrize(
    "body",
    [
        "notes: " + QUOTED + "\nmore: " + "[]" * 6000,
        "notes: " + "{a: '}', b: " * 300 + "x" + "}" * 300 + "\nmore: " + "{}" * 6000,
        "a: [" + "{b: [x]}, " * 6000 + "]\nc: " + QUOTED,  # deep after many shallow ones
        "a: [" + "{b: [x]}, " * 6000 + "]\nc: " + QUOTED[:-1],  # and unclosed: still WF011
    ],
)
def test_nesting_found_on_the_tree_is_what_the_scan_finds(body: str) -> None:
    text = HEAD + body + "\n"
    assert yaml_guard.composing_stack(text) is not None
    expected = yaml_guard.too_deep(text)
    assert expected is not None and expected.code == "WF011"
    with pytest.raises(yamlio.YamlFailure) as failure:
        yamlio.compose(text)
    assert failure.value.problem == expected


def test_a_syntax_error_in_a_text_of_many_brackets_is_reported_as_before() -> None:
    text = _many_brackets(3_000) + "  - {id: broken, title: [unclosed\n"
    with pytest.raises(yamlio.YamlFailure) as failure:
        yamlio.compose(text)
    assert failure.value.problem.code == "WF004"
    assert failure.value.problem.line == text.count("\n") + 1


def test_texts_the_count_shows_deep_or_with_too_many_brackets_are_scanned() -> None:
    assert yaml_guard.composing_stack("a: " + "[" * 6000 + "]" * 6000) is None
    assert yaml_guard.composing_stack("a: " + "[" * 6000) is None
    most = yaml_guard.MAX_COMPOSED_BRACKETS
    assert yaml_guard.composing_stack("a: " + "[]" * most) is not None
    assert yaml_guard.composing_stack("a: " + "[]" * (most + 1)) is None
    assert yaml_guard.composing_stack("a:\n" + " " * 60 + "[]" * 6000) is None  # long lead
