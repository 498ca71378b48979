"""editing.Document: text edits at node positions, and nothing else changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, PLANS
from workforce_cli.edit.document import Document, EditError, indents, plain_ok, scalar
from workforce_cli.model.walk import milestones
from workforce_cli.read import loader as loading
from workforce_cli.read import yaml as yamlio

YAML_FILES = sorted(
    p for folder in (PLANS, EXAMPLES) for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")
)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_read_and_write_without_an_edit_is_byte_identical(path: Path) -> None:
    raw = path.read_bytes()
    try:
        document = Document.parse(raw)
    except (UnicodeDecodeError, yamlio.YamlFailure, EditError):
        return  # not YAML (bad bytes, syntax, empty): never edited, as it never validates
    assert document.encode() == raw


def test_every_kind_of_file_is_covered() -> None:
    raw = {p.name: p.read_bytes() for p in YAML_FILES}
    assert any(b.startswith(b"\xef\xbb\xbf") for b in raw.values())
    assert any(b"\r\n" in b for b in raw.values())
    assert len([p for p in YAML_FILES if p.parent == PLANS]) >= 5


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.name)
def test_setting_every_id_and_status_to_itself_changes_nothing(path: Path) -> None:
    plan = loading.load([path]).plans[0].plan
    document = Document.read(path)
    for ref in milestones(plan):
        values = [("id", ref.id)]
        if "status" in ref.item.model_fields_set:
            values.append(("status", ref.item.status.value))
        document.upsert(document.mapping(ref.path), values)
    assert len(document.edits) >= len(list(milestones(plan)))
    assert document.encode() == path.read_bytes()


def _edited(text: str, path: tuple[str | int, ...], values: list[tuple[str, str]]) -> str:
    document = Document.parse(text.encode())
    document.upsert(document.mapping(path), values)
    return document.result()


BLOCK = """\
actions:
  - id: a1
    title: A   # the action
    due: Dec 2021      # first deadline
    status: in_progress    # started
    # a comment that belongs to notes
    notes: x
"""


def test_replace_keeps_the_comment_column() -> None:
    out = _edited(BLOCK, ("actions", 0), [("status", "done")])
    assert out.splitlines()[4] == "    status: done           # started"
    assert out.replace("status: done           #", "status: in_progress    #") == BLOCK


def test_a_longer_value_pushes_the_comment_one_space_away() -> None:
    out = _edited(BLOCK, ("actions", 0), [("due", "Wednesday 31 December 2021")])
    assert out.splitlines()[3] == "    due: Wednesday 31 December 2021 # first deadline"


def test_insert_goes_after_the_key_it_follows_not_after_the_comments() -> None:
    out = _edited(BLOCK, ("actions", 0), [("status", "done"), ("done_on", "2021-11-30")])
    lines = out.splitlines()
    assert lines[4:7] == [
        "    status: done           # started",
        "    done_on: 2021-11-30",
        "    # a comment that belongs to notes",
    ]


def test_missing_status_and_done_on_go_after_due_together() -> None:
    text = "- id: m1\n  title: x\n  due: Dec 2021\n  notes: y\n"
    out = _edited(text, (0,), [("status", "done"), ("done_on", "2021-11-30")])
    assert out == (
        "- id: m1\n  title: x\n  due: Dec 2021\n  status: done\n  done_on: 2021-11-30\n  notes: y\n"
    )


def test_flow_mapping_gets_the_keys_inside_its_braces() -> None:
    text = "- {id: m1, title: x, due: Dec 2021}   # flow\n"
    out = _edited(text, (0,), [("status", "done"), ("done_on", "30/11/2021")])
    assert (
        out == "- {id: m1, title: x, due: Dec 2021, status: done, done_on: 30/11/2021}   # flow\n"
    )


def test_flow_mapping_value_replaced_and_removed() -> None:
    text = "- {id: m1, due: Dec 2021, status: done, done_on: 2021-11-30, notes: n}\n"
    document = Document.parse(text.encode())
    mapping = document.mapping((0,))
    document.upsert(mapping, [("status", "blocked")])
    document.remove(mapping, "done_on")
    assert document.result() == "- {id: m1, due: Dec 2021, status: blocked, notes: n}\n"


def test_remove_a_block_key_keeps_the_comment_lines_around_it() -> None:
    text = "m:\n  # above\n  done_on: 2021-11-30  # on it\n  # below\n  x: 1\n"
    document = Document.parse(text.encode())
    document.remove(document.mapping(("m",)), "done_on")
    assert document.result() == "m:\n  # above\n  # below\n  x: 1\n"


def test_remove_the_key_on_the_dash_line_moves_the_next_key_up() -> None:
    text = "- done_on: 2021\n  id: m1\n"
    document = Document.parse(text.encode())
    document.remove(document.mapping((0,)), "done_on")
    assert document.result() == "- id: m1\n"


def test_crlf_lines_stay_crlf_and_new_lines_get_crlf() -> None:
    text = BLOCK.replace("\n", "\r\n")
    out = _edited(text, ("actions", 0), [("status", "done"), ("done_on", "2021-11-30")])
    assert "    done_on: 2021-11-30\r\n" in out
    assert "\n" not in out.replace("\r\n", "")


def test_bom_is_kept() -> None:
    document = Document.parse(b"\xef\xbb\xbfa: 1\nb: x\n")
    document.upsert(document.mapping(()), [("b", "y")])
    assert document.encode() == b"\xef\xbb\xbfa: 1\nb: y\n"


def test_no_final_newline_stays_so() -> None:
    out = _edited("id: m1\ndue: 2021", (), [("status", "done")])
    assert out == "id: m1\ndue: 2021\nstatus: done"


def test_quoted_value_keeps_its_quotes() -> None:
    out = _edited("a: 'x'\nb: \"y\"\n", (), [("a", "it's"), ("b", "z")])
    assert out == "a: 'it''s'\nb: \"z\"\n"


def test_non_ascii_text_before_the_edit_does_not_shift_positions() -> None:
    text = "title: Helen Ellis – “Acting” 😀\nstatus: not_started\n"
    assert _edited(text, (), [("status", "done")]) == text.replace("not_started", "done")


def test_a_path_that_leads_nowhere_is_an_edit_error() -> None:
    document = Document.parse(b"actions:\n  - id: a1\n")
    with pytest.raises(EditError, match="no item 3"):
        document.mapping(("actions", 3))
    with pytest.raises(EditError, match="not a mapping"):
        document.mapping(("actions",))


@pytest.mark.parametrize(
    ("value", "block", "flow"),
    [
        ("2021-11-30", "2021-11-30", "2021-11-30"),
        ("Dec 2021", "Dec 2021", "Dec 2021"),
        ("no", "no", "no"),
        ("2021", '"2021"', '"2021"'),
        ("1.5", '"1.5"', '"1.5"'),
        ("null", '"null"', '"null"'),
        ("true", '"true"', '"true"'),
        ("Team: A", '"Team: A"', '"Team: A"'),
        ("A, B", "A, B", '"A, B"'),
        ("# x", '"# x"', '"# x"'),
        ("x # y", '"x # y"', '"x # y"'),
        ("- x", '"- x"', '"- x"'),
        ("+9 weeks", "+9 weeks", "+9 weeks"),
        ("'quoted'", "\"'quoted'\"", "\"'quoted'\""),
        ("two\nlines", '"two\\nlines"', '"two\\nlines"'),
        (" padded", '" padded"', '" padded"'),
        ("", '""', '""'),
        (
            "Children in Care & Resources",
            "Children in Care & Resources",
            "Children in Care & Resources",
        ),
    ],
)
def test_scalar_reads_back_as_the_same_text(value: str, block: str, flow: str) -> None:
    assert scalar(value, flow=False) == block
    assert scalar(value, flow=True) == flow
    for text in (block, flow):
        root = yamlio.compose(f"k: {text}\n")
        assert root is not None
        assert yamlio.to_data(root)[0] == {"k": value}
    assert plain_ok(value, flow=False) == (block == value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n  b: 1\nl:\n  - x\n", (2, 2)),
        ("a:\n    b: 1\nl:\n- x\n", (4, 0)),
        ("l:\n  - k: 1\n    m:\n      n: 1\n", (2, 2)),
        ("a: 1\n", (2, 2)),
    ],
)
def test_indents_are_the_files_own(text: str, expected: tuple[int, int]) -> None:
    assert indents(Document.parse(text.encode()).root) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nr:\nb: 2\n", "a: 1\nr: late\nb: 2\n"),
        ("a: 1\nr:   # none\nb: 2\n", "a: 1\nr: late # none\nb: 2\n"),
        ("{a: 1, r: }\n", "{a: 1, r: late}\n"),
    ],
)
def test_an_empty_value_is_filled_in(text: str, expected: str) -> None:
    assert _edited(text, (), [("r", "late")]) == expected
