"""The short cuts of report rendering give what the long way gives: Markdown escaping of
plain text, HTML escaping of each value, and Jinja2's lookup of `row.key` in a dict, in the
shipped environment and in the sandbox a user's template runs in."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from workforce_cli.output import WORD_JOINER, md, visible
from workforce_cli.report import templates

# Plain words, and every character md or HTML treats specially, mixed.
PLAIN = "abcXYZ019 ,.;:'\"()!?/%+=#-"
SPECIAL = "_*`[]<>|~&@\\\t\n\r\x1b\u00a0\u2028é£—"
PIECES = [*PLAIN, *SPECIAL, "  ", "&amp;", "@jo", "1.", "1)", "- "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)


def md_the_long_way(value: object) -> str:
    """`md` as it was before its short cut for plain text: every substitution, always."""
    if value is None:
        return ""
    text = visible(re.sub(r"\s+", " ", str(value)).strip())
    text = re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", text)
    text = re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", text)
    text = re.sub(r"(?<![\w.+-])@(?=[\w-])", "@" + WORD_JOINER, text)
    match = re.match(r"^(#|[-+=](?=\s|$)|\d+(?=[.)](?:\s|$)))", text)
    if match and match.group(1)[0].isdigit():
        return text[: match.end()] + "\\" + text[match.end() :]
    return "\\" + text if match else text


@given(TEXT)
def test_md_of_any_text_is_md_the_long_way(text: str) -> None:
    assert md(text) == md_the_long_way(text)


@pytest.mark.parametrize(
    "text",
    ["Recruit 20 social workers (phase 2)", "1. Recruit", "# Heading", "- item", "+", "12", ""],
)
def test_md_of_plain_text(text: str) -> None:
    assert md(text) == md_the_long_way(text)


class Shown:
    def __html__(self) -> str:
        return "<b>as HTML</b>"

    def __str__(self) -> str:
        return "as text"


VALUES: list[Any] = [
    "plain",
    "<script>alert('x') & \"y\"</script>",
    Markup("<b>kept</b>"),
    12,
    -3,
    2.5,
    float("nan"),
    True,
    None,
    Shown(),
    ["a<b"],
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_escape_output_is_markupsafe_escape(value: Any) -> None:
    assert str(templates.escape_output(value)) == str(escape(value))


@given(st.text())
def test_escape_output_of_any_text(text: str) -> None:
    assert templates.escape_output(text) == str(escape(text))
    # the replacements used where markupsafe has no compiled part
    assert templates._escape_chain(text) == str(escape(text))


def test_a_template_renders_what_stock_jinja2_renders(tmp_path: Path) -> None:
    source = (
        "{{ row.title }}|{{ row.items }}|{{ row.get('title') }}|{{ row['items'] }}|"
        "{{ row.n + 1 }}|{{ row.html }}|{{ rows|map(attribute='title')|join(',') }}|"
        "{{ obj.real }}|{% for k, v in row.items() %}{{ k }}{% endfor %}"
    )
    context = {
        "row": {"title": "A & <B>", "items": "shadowed", "n": 1, "html": Markup("<i>x</i>")},
        "rows": [{"title": "one"}, {"title": "two"}],
        "obj": 3,
    }
    for autoescape in (True, False):
        stock = jinja2.Environment(autoescape=autoescape, undefined=jinja2.StrictUndefined)
        expected = stock.from_string(source).render(context)
        for sandboxed in (False, True):
            env = templates._environment([tmp_path], autoescape, sandboxed)
            assert env.from_string(source).render(context) == expected
    # `items` is the dict's method, as in Jinja2, not the key of that name.
    assert expected.split("|")[1].startswith("<built-in method items of dict object")


@pytest.mark.parametrize("sandboxed", [False, True])
def test_a_missing_key_is_still_an_error(tmp_path: Path, sandboxed: bool) -> None:
    env = templates._environment([tmp_path], True, sandboxed)
    with pytest.raises(jinja2.UndefinedError, match="'dict object' has no attribute 'titel'"):
        env.from_string("{{ row.titel }}").render(row={"title": "x"})


def test_the_sandbox_still_refuses_what_it_refused(tmp_path: Path) -> None:
    env = templates._environment([tmp_path], True, sandboxed=True)
    for source in ("{{ row.__class__ }}", "{{ row.__class__.__subclasses__() }}"):
        with pytest.raises(jinja2.exceptions.SecurityError, match="'__class__' of 'dict'"):
            env.from_string(source).render(row={"title": "x"})


def test_pills_are_escaped_and_the_same_each_time() -> None:
    first = templates.pill("red", "<Red>")
    assert first == Markup('<span class="rag rag-red">&lt;Red&gt;</span>')
    assert templates.pill("red", "<Red>") == first
    assert templates.pill("red", Markup("<b>R</b>")) == Markup(
        '<span class="rag rag-red"><b>R</b></span>'
    )
