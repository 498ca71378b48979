"""The rules of reading a file (WF001-WF014): size, encoding, YAML, the `wfplan: 1` line.

`read/loader.py` and `read/yaml.py` raise these codes while they read, before any model
exists; the rules here are their documentation.
"""

from __future__ import annotations

from workforce_cli.checks.rule import raised_rule

FILE_TOO_LARGE = raised_rule(
    "WF001",
    """
    The file is over the size limit, 2 MiB unless `--max-file-size` or `max_file_size` in
    the configuration sets another. It is refused unread.

    Why: the largest real plan is about 30 KB. A file a hundred times that size is not a
    plan but an export or a data dump saved in the plan folder, and reading it would cost
    time and memory for every command. Split a plan that really is that large, or move its
    staffing snapshots into staffing files; a programme that keeps one plan of many MB lifts
    the limit (`--max-file-size 25MB`, or `max_file_size = "25MB"` in wfplan.toml).

    Fails:

        # example: padded to 3 MiB
        wfplan: 1
        id: example
        title: Example plan

    Passes:

        wfplan: 1
        id: example
        title: Example plan
    """,
)

NOT_UTF8 = raised_rule(
    "WF002",
    """
    The file's bytes are not UTF-8 text. The diagnostic points at the first byte that
    cannot be decoded.

    Why: plans are shared between Windows, Mac and CI machines. A file saved in a
    Windows code page shows `é` or `£` as different characters on each, and a wrong guess
    would change what the plan says. Save it as UTF-8 (a byte-order mark is accepted).

    Fails:

        # example: saved as windows-1252
        wfplan: 1
        id: example
        title: Café and £ budget plan

    Passes:

        wfplan: 1
        id: example
        title: Café and £ budget plan
    """,
)

EMPTY_FILE = raised_rule(
    "WF003",
    """
    The file is empty, or holds only comments and blank lines.

    Why: a file in the plan folders is read as a plan. An empty one is usually a plan that
    was never written, or one whose content was lost in a bad merge; either way there is
    nothing to track.

    Fails:

        # The 2025 plan goes here

    Passes:

        # The 2025 plan
        wfplan: 1
        id: example
        title: Example plan
    """,
)

YAML_SYNTAX = raised_rule(
    "WF004",
    """
    The file is not valid YAML: an unclosed bracket or quote, a tab used for indentation,
    indentation that does not line up, or a comment with no space before its `#`.

    Why: nothing in a file that is not YAML can be read with certainty, so nothing of it
    is checked until the syntax is put right. The diagnostic points at where the parser
    gave up, with a hint for the common slips.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        themes: [{id: recruitment, title: Recruitment}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        themes: [{id: recruitment, title: Recruitment}]
    """,
)

DUPLICATE_KEY = raised_rule(
    "WF005",
    """
    A key appears twice in one mapping.

    Why: YAML readers disagree about duplicate keys: most keep the last value silently, so
    one of the two lines would be ignored without anyone noticing. Which one was meant is
    for the author to say.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        title: Recruitment and retention plan

    Passes:

        wfplan: 1
        id: example
        title: Recruitment and retention plan
    """,
)

YAML_TAG = raised_rule(
    "WF006",
    """
    A value carries a YAML tag (`!!python/object`, `!!binary`, `!custom`, ...).

    Why: plans hold text, numbers, dates, lists and mappings; a tag asks the reader to
    build something else, and some readers would run code to do it. wfplan never
    constructs tagged values, and refuses the file rather than guess.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        notes: !!python/object/apply:os.system ["echo hello"]

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        notes: echo hello
    """,
)

YAML_ALIAS = raised_rule(
    "WF007",
    """
    The file uses a YAML anchor (`&name`) or alias (`*name`).

    Why: an alias makes one line stand for text written elsewhere, which a reviewer of a
    change to the plan cannot see, and a few nested aliases can expand to gigabytes (an
    "alias bomb"). Write each value where it is used.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        owner: &hr HR business partner
        themes:
          - {id: recruitment, title: Recruitment, notes: *hr}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        owner: HR business partner
        themes:
          - {id: recruitment, title: Recruitment, notes: HR business partner}
    """,
)

NOT_A_WFPLAN_FILE = raised_rule(
    "WF008",
    """
    The file is YAML but not a wfplan file: it is not a mapping, it has no `wfplan: 1`
    line, or it names a format version this wfplan does not read.

    Why: the plan folders are searched for every `*.yaml` and `*.yml` file. A stray
    configuration file should be moved, not half-read as a plan; and a file written for a
    newer format must not be read with the rules of an older one.

    Fails:

        id: example
        title: Example plan

    Passes:

        wfplan: 1
        id: example
        title: Example plan
    """,
)

NOT_A_REGULAR_FILE = raised_rule(
    "WF009",
    """
    A path in the plan folders is not a regular file: a named pipe, a device, or a link to
    one. It is not read.

    Why: reading a named pipe or a device waits for ever or reads without end; plan
    folders hold plan files only.

    Fails:

        # example: a named pipe
        wfplan: 1

    Passes:

        wfplan: 1
        id: example
        title: Example plan
    """,
)

CONTROL_CHARACTER = raised_rule(
    "WF010",
    """
    The file holds a control character (U+0000-U+001F other than tab, newline and carriage
    return, or U+007F-U+009F): usually pasted from another program, invisible in editors.

    Why: YAML text cannot hold it, and readers differ on what to do with one.

    Fails:

        # example: each ^G is the control character U+0007
        wfplan: 1
        id: example
        title: Example plan^G

    Passes:

        wfplan: 1
        id: example
        title: Example plan
    """,
)

NESTED_TOO_DEEP = raised_rule(
    "WF011",
    """
    Lists and mappings nested more than 200 deep.

    Why: a plan nests a few levels deep; a file nested hundreds deep is not a plan (or has
    unclosed brackets), and reading it would exhaust the parser's stack.

    Fails:

        # example: nested 201 deep in notes
        wfplan: 1
        id: example
        title: Example plan

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        themes: [{id: recruitment, title: Recruitment}]
    """,
)

SEVERAL_DOCUMENTS = raised_rule(
    "WF012",
    """
    More than one YAML document (`---`) in one file.

    Why: a plan is one document; a second one would be ignored by some readers and read by
    others. Put each plan in a file of its own.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        ---
        wfplan: 1
        id: example-2
        title: Another plan

    Passes:

        wfplan: 1
        id: example
        title: Example plan
    """,
)

COMPLEX_KEY = raised_rule(
    "WF013",
    """
    A mapping key that is a list or a mapping rather than plain text.

    Why: every key of a plan is a word (`title`, `due`); a complex key cannot be one, and
    most tools cannot read it.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        ? [owner, lead]
        : HR business partner

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        owner: HR business partner
    """,
)

NUMBER_OUT_OF_RANGE = raised_rule(
    "WF014",
    """
    A number that is not finite (`.inf`, `.nan`), is 10^15 or more, or is written with more
    than 100 characters.

    Why: no figure in a plan is that large, and such a number would break every total and
    rate computed from it; it is usually text that should be quoted.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        measures:
          - id: caseload
            title: Average caseload per social worker
            better: lower
            baseline: {as_of: Feb 2021, value: .inf}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        measures:
          - id: caseload
            title: Average caseload per social worker
            better: lower
            baseline: {as_of: Feb 2021, value: 22}
    """,
)

RULES = (
    FILE_TOO_LARGE,
    NOT_UTF8,
    EMPTY_FILE,
    YAML_SYNTAX,
    DUPLICATE_KEY,
    YAML_TAG,
    YAML_ALIAS,
    NOT_A_WFPLAN_FILE,
    NOT_A_REGULAR_FILE,
    CONTROL_CHARACTER,
    NESTED_TOO_DEEP,
    SEVERAL_DOCUMENTS,
    COMPLEX_KEY,
    NUMBER_OUT_OF_RANGE,
)
