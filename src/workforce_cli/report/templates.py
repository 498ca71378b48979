"""Jinja2 rendering of reports: the shipped templates and a user's own.

Shipped templates live in `templates/` (found through `resources.templates_dir()`, so an
installed wfplan finds them). A user's template is code read from a file, so it runs in
Jinja2's sandbox: it sees the documented context and the filters below, and cannot reach
Python internals through attribute access. Every environment uses `StrictUndefined`, so a
misspelt variable is an error with the template's file and line, never a silent blank.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

from workforce_cli import __version__, output, resources
from workforce_cli.errors import UsageError, cache_folder

_HTML_SUFFIXES = (".html", ".htm", ".html.j2", ".htm.j2", ".svg", ".xml")


class TemplateProblem(UsageError):
    """A template that cannot be compiled or rendered: `FILE:LINE: message`, exit 2."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        file = file.removeprefix("./")
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


# --- filters --------------------------------------------------------------------------


_PILLS: dict[tuple[str, str], Markup] = {}
"""Pills drawn so far: a report draws the same few (a rating and its word) thousands of times."""


def pill(rating: str, word: str) -> Markup:
    """A RAG rating in HTML: the colour from its class, and always the word as well."""
    if type(rating) is not str or type(word) is not str:
        return Markup(f'<span class="rag rag-{escape(rating)}">{escape(word)}</span>')
    drawn = _PILLS.get((rating, word))
    if drawn is None:
        drawn = Markup(f'<span class="rag rag-{escape(rating)}">{escape(word)}</span>')
        if len(_PILLS) < 1000:
            _PILLS[rating, word] = drawn
    return drawn


def css_string(value: object) -> Markup:
    """Text as a quoted CSS string (for `content:` in the print header): every character
    that is not a letter, digit or space is a hex escape, so nothing can end the string or
    the style element."""
    text = " ".join(str(value).split())
    body = "".join(
        c if (c.isalnum() and c.isascii()) or c == " " else f"\\{ord(c):06x}" for c in text
    )
    return Markup(f'"{body}"')


GLOBALS: dict[str, Any] = {"pill": pill}
"""Functions every template can call (a macro would cost a Jinja2 frame per table cell)."""

FILTERS: dict[str, Any] = {
    "md": output.md,
    "percent": output.percent,
    "number": output.number,
    "signed": output.signed,
    "days": output.days,
    "css_string": css_string,
}


# --- environments -------------------------------------------------------------------------


class OutsideFolder(jinja2.TemplateNotFound):
    """A template path that resolves (through a link) to a file outside its folder."""

    def __init__(self, name: str) -> None:
        super().__init__(
            name,
            f"{name} leads out of the template folder (a link to a file elsewhere); "
            "templates include only files inside their folder",
        )


class ConfinedLoader(jinja2.FileSystemLoader):
    """Jinja2's file loader, refusing any file that resolves outside the folder it was found
    in. Jinja2 already refuses `..` in a name; this also refuses symbolic links that lead out,
    so a template (or a file a pull request adds beside it) cannot read other files."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        roots = [Path(p).resolve() for p in self.searchpath]
        if not any(real.is_relative_to(root) for root in roots):
            raise OutsideFolder(template)
        return source, filename, uptodate


# --- faster lookups and escaping ----------------------------------------------------------
#
# A report of a corpus plan outputs some 4,000 values, each looked up as `row.title` and
# escaped. Jinja2 tries `getattr(row, "title")` first, which fails on a dict (the whole context
# is dicts) by raising AttributeError; and markupsafe's `escape` builds a `Markup` object for
# each value, only for it to be joined into the text. The two below give the same result, at
# a fraction of the cost; they were half of the time of rendering the shipped HTML template.

_DICT_ATTRIBUTES = frozenset(dir(dict))
"""The names `getattr` finds on a dict (`items`, `keys`...): these still go Jinja2's way."""


class _DictKeys:
    """`a.b` on a plain dict looks the key up at once: a dict has no attribute of that name,
    which Jinja2 would try first. (The sandbox checks only what getattr finds; a dict's key
    is returned unchecked there too.)"""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)  # type: ignore[attr-defined]
        return super().getattr(obj, attribute)  # type: ignore[misc]


class _Environment(_DictKeys, jinja2.Environment):
    pass


class _SandboxedEnvironment(_DictKeys, jinja2.sandbox.SandboxedEnvironment):
    pass


def _escape_chain(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


_escape_text: Callable[[str], str] = _escape_chain
try:
    # markupsafe's own escaping of text, in C: what its `escape` wraps in a Markup.
    from markupsafe._speedups import _escape_inner

    _escape_text = _escape_inner
except ImportError:  # markupsafe without its compiled part: the same replacements
    pass


def escape_output(value: object) -> object:
    """What `markupsafe.escape` gives, as text where it is text (the compiled template only
    joins it into the output): `&<>'"` as `&amp;` `&lt;` `&gt;` `&#39;` `&#34;`."""
    kind = type(value)
    if kind is str:
        return _escape_text(value)  # type: ignore[arg-type]
    if kind is Markup:
        return value
    if kind is int or kind is float:
        return str(value)
    return escape(value)


class _Template(jinja2.Template):
    @classmethod
    def from_code(
        cls,
        environment: jinja2.Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The compiled code calls the `escape` it imported from Jinja2 on every value it
        # outputs with autoescaping on, and nowhere else.
        names = template.root_render_func.__globals__
        if names.get("escape") is escape:
            names["escape"] = escape_output
        return template


_Environment.template_class = _Template
_SandboxedEnvironment.template_class = _Template


def _environment(search: list[Path], autoescape: bool, sandboxed: bool) -> jinja2.Environment:
    kind = _SandboxedEnvironment if sandboxed else _Environment
    env = kind(
        loader=ConfinedLoader([str(p) for p in search]),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The shipped templates as Jinja2 compiled them, kept in the cache folder between runs:
    compiling the HTML report's template is about a third of `wfplan report` on one plan.

    Jinja2 keys an entry by the template's name and file and checks it against a checksum of
    the template's text and the Python and Jinja2 versions; the key here adds the settings of
    the environment and wfplan's version, so a compiled template is only ever used by the
    environment that compiled it. An entry that cannot be read or written is compiled again
    (nothing is written where PYTHONDONTWRITEBYTECODE asks Python to write no bytecode).
    A user's template is compiled at every run: it is code from a plan repository, not
    wfplan's own."""

    def __init__(self, folder: Path, env: jinja2.Environment) -> None:
        super().__init__(str(folder), "%s.jinja")
        self.settings = repr(
            (
                __version__,
                jinja2.__version__,
                type(env).__name__,
                env.autoescape,
                env.trim_blocks,
                env.lstrip_blocks,
                env.keep_trailing_newline,
                env.optimized,
                env.undefined.__name__,
                sorted(env.filters),
                sorted(env.tests),
                sorted(env.globals),
            )
        )

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{name}\0{self.settings}", filename)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or damaged: compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if sys.dont_write_bytecode:
            return
        try:
            Path(self.directory).mkdir(mode=0o700, parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def is_html(name: str) -> bool:
    return name.lower().endswith(_HTML_SUFFIXES)


def builtin(name: str) -> jinja2.Template:
    """A template shipped with wfplan, such as `report.html.j2`."""
    env = _environment([resources.templates_dir()], is_html(name), sandboxed=False)
    folder = cache_folder()
    if folder is not None:
        env.bytecode_cache = CompiledTemplates(folder / "templates", env)
    return _compile(env, name)


def user(path: Path, html: bool) -> jinja2.Template:
    """A user's template file, sandboxed; it may include files beside it or shipped partials.

    HTML escaping is on when the report is HTML or the file is named like HTML.
    """
    if not path.is_file():
        raise UsageError(f"template not found: {path}")
    # The folder as given (not resolved), so errors name the file as the user wrote it.
    search = [path.parent, resources.templates_dir()]
    env = _environment(search, html or is_html(path.name), sandboxed=True)
    return _compile(env, path.name)


def _compile(env: jinja2.Environment, name: str) -> jinja2.Template:
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateProblem(err.filename or name, err.lineno, err.message or str(err)) from None
    except OutsideFolder as err:
        raise UsageError(err.message or str(err)) from None
    except jinja2.TemplateNotFound as err:
        raise UsageError(f"template not found: {err.name}") from None
    except UnicodeDecodeError:
        raise UsageError(f"template {name} is not UTF-8 text") from None


def render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """The template rendered with `context`; any failure is a `TemplateProblem` at its line."""
    try:
        return template.render(context)
    except jinja2.TemplateSyntaxError as err:
        # an {% include %} of a broken file fails at render time
        raise TemplateProblem(err.filename or "?", err.lineno, err.message or str(err)) from None
    except jinja2.TemplateError as err:
        file, line = _where(err, template)
        raise TemplateProblem(file, line, _message(err)) from None
    except RecursionError as err:
        # `{% macro m() %}{{ m() }}{% endmacro %}`: the user's loop, reported at its line.
        file, line = _where(err, template)
        raise TemplateProblem(
            file,
            line,
            "the template calls itself without end (a macro or include that never stops recursing)",
        ) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as err:
        # Template code can fail like any code ({{ 1 / 0 }}, {{ "x" + 1 }}): the user's
        # mistake, reported at its line, not a crash of wfplan.
        file, line = _where(err, template)
        raise TemplateProblem(file, line, _message(err)) from None


def _where(err: BaseException, template: jinja2.Template) -> tuple[str, int | None]:
    """The innermost template frame of the traceback (Jinja2 rewrites frames to template lines)."""
    files = {template.filename} if template.filename else set()
    loader = template.environment.loader
    roots = (
        [Path(p).resolve() for p in loader.searchpath]
        if isinstance(loader, jinja2.FileSystemLoader)
        else []
    )
    found: tuple[str, int | None] = (template.filename or template.name or "?", None)
    for frame in traceback.extract_tb(err.__traceback__):
        path = Path(frame.filename).resolve()
        if frame.filename in files or any(path.is_relative_to(root) for root in roots):
            found = (frame.filename, frame.lineno)
    return found


def _message(err: BaseException) -> str:
    if isinstance(err, jinja2.UndefinedError):
        return f"{err.message} (the report context is documented in docs/templates.md)"
    if isinstance(err, jinja2.TemplateNotFound) and err.message == err.name:
        # Jinja2's words for a name with `..` in it are the name alone.
        return f"{err.name}: not found (templates include only files inside their folder)"
    if isinstance(err, jinja2.TemplateError):
        return err.message or type(err).__name__
    return f"{type(err).__name__}: {err}"
