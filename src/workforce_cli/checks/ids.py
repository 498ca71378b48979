"""The rules of identity and references (WF301-WF306): unique ids, themes, dependencies.

WF301 (a plan id used by two files) is a rule across files: the loader raises it while it
joins the files, and it is documented here.
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli.checks.rule import raised_rule, rule
from workforce_cli.diagnostics import Diagnostic, did_you_mean
from workforce_cli.model import Plan
from workforce_cli.model.walk import YamlPath
from workforce_cli.read.sources import LoadedPlan

DUPLICATE_PLAN_ID = raised_rule(
    "WF301",
    """
    Two files have the same plan `id`.

    Why: commands, staffing files and reports name a plan by its id (`--plan`, `plan:`);
    with two files of one id, which plan is meant cannot be told. Plan ids are unique
    across the repository.

    Fails:

        # file: plans/recruitment.yaml
        wfplan: 1
        id: example
        title: Recruitment plan
        # file: plans/retention.yaml
        wfplan: 1
        id: example
        title: Retention plan

    Passes:

        # file: plans/recruitment.yaml
        wfplan: 1
        id: example-recruitment
        title: Recruitment plan
        # file: plans/retention.yaml
        wfplan: 1
        id: example-retention
        title: Retention plan
    """,
)


@rule("WF302")
def duplicate_item_id(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    An action or milestone id is used twice in a plan. Actions and milestones share one
    set of ids, so a milestone may not take its action's id either.

    Why: `wfplan done ID`, `depends_on` and `wfplan diff` find an action or milestone by
    its id; two of one id would make them pick one by chance.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: induction
            title: Improve induction
            milestones:
              - {id: induction, title: Induction pack ready, due: Dec 2021}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: induction
            title: Improve induction
            milestones:
              - {id: induction-pack, title: Induction pack ready, due: Dec 2021}
    """
    source = loaded.source
    seen: dict[str, YamlPath] = {}
    for item_id, path in _items(loaded.plan):
        if item_id in seen:
            line, _ = source.locate(seen[item_id])
            yield source.diagnostic(
                "WF302",
                f'id "{item_id}" is already used at line {line}',
                path,
                hint="actions and milestones share one set of ids within a plan; "
                "rename one of them",
            )
        else:
            seen[item_id] = path


@rule("WF303")
def duplicate_theme_target_measure_id(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A theme, target or measure id is used twice in a plan (each kind has its own set of
    ids: a theme and a target may share one).

    Why: actions name their theme by id, and the report and `wfplan diff` match targets
    and measures by id; two of one id would mix their figures.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        themes:
          - {id: recruitment, title: Recruitment}
          - {id: recruitment, title: Retention}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        themes:
          - {id: recruitment, title: Recruitment}
          - {id: retention, title: Retention}
    """
    plan, source = loaded.plan, loaded.source
    for kind, item_ids in (
        ("themes", [t.id for t in plan.themes]),
        ("targets", [t.id for t in plan.targets]),
        ("measures", [m.id for m in plan.measures]),
    ):
        first: dict[str, int] = {}
        for i, item_id in enumerate(item_ids):
            if item_id in first:
                line, _ = source.locate((kind, first[item_id], "id"))
                yield source.diagnostic(
                    "WF303",
                    f'{kind[:-1]} id "{item_id}" is already used at line {line}',
                    (kind, i, "id"),
                    hint=f"each of a plan's {kind} needs its own id",
                )
            else:
                first[item_id] = i


@rule("WF304")
def unknown_theme(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    An action's `theme:` names a theme the plan does not have.

    Why: the report groups actions by theme; an action under a misspelt theme would fall
    out of its group. The hint names the closest theme.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        themes:
          - {id: recruitment, title: Recruitment}
        actions:
          - {id: a1, title: Run a recruitment campaign, theme: recruitmnt, due: Dec 2021}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        themes:
          - {id: recruitment, title: Recruitment}
        actions:
          - {id: a1, title: Run a recruitment campaign, theme: recruitment, due: Dec 2021}
    """
    themes = [t.id for t in loaded.plan.themes]
    for a, action in enumerate(loaded.plan.actions):
        if action.theme is not None and action.theme not in themes:
            hint = did_you_mean(action.theme, themes) or (
                f"themes of this plan: {', '.join(themes)}"
                if themes
                else "add the theme under `themes:`"
            )
            yield loaded.source.diagnostic(
                "WF304",
                f'action "{action.id}" names unknown theme "{action.theme}"',
                ("actions", a, "theme"),
                hint=hint,
            )


@rule("WF305")
def unknown_dependency(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    An action's `depends_on` names an id that is neither an action nor a milestone of
    the plan.

    Why: `wfplan status` shows an action as blocked while what it depends on is not done;
    a dependency on a misspelt id would never be met, nor noticed.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - {id: a1, title: Agree the pay scales, due: Sep 2021}
          - {id: a2, title: Advertise the posts, due: Dec 2021, depends_on: [a3]}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - {id: a1, title: Agree the pay scales, due: Sep 2021}
          - {id: a2, title: Advertise the posts, due: Dec 2021, depends_on: [a1]}
    """
    known = dict(_items(loaded.plan))
    for a, action in enumerate(loaded.plan.actions):
        for d, dependency in enumerate(action.depends_on):
            if dependency not in known:
                yield loaded.source.diagnostic(
                    "WF305",
                    f'action "{action.id}" depends on unknown id "{dependency}"',
                    ("actions", a, "depends_on", d),
                    hint=did_you_mean(dependency, known)
                    or "depends_on lists ids of actions or milestones of this plan",
                )


@rule("WF306")
def dependency_cycle(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    Actions depend on each other in a circle: `a1` on `a2` and `a2` on `a1`, or longer
    (a milestone counts as its action). Each cycle is reported once, at its first action.

    Why: none of the actions in a cycle can ever start, so every one of them would show as
    blocked for ever.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - {id: a1, title: Agree the pay scales, due: Sep 2021, depends_on: [a2]}
          - {id: a2, title: Advertise the posts, due: Dec 2021, depends_on: [a1]}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - {id: a1, title: Agree the pay scales, due: Sep 2021}
          - {id: a2, title: Advertise the posts, due: Dec 2021, depends_on: [a1]}
    """
    plan = loaded.plan
    known = {item_id for item_id, _ in _items(plan)}
    # A milestone depends on whatever its action depends on; edges run action -> dependency.
    owner_of = {m.id: a.id for a in plan.actions for m in a.milestones}
    edges: dict[str, list[str]] = {
        a.id: [owner_of.get(d, d) for d in a.depends_on if d in known] for a in plan.actions
    }
    index = {a.id: i for i, a in enumerate(plan.actions)}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    reported: set[frozenset[str]] = set()
    # Depth first, with an explicit stack (a chain of 10,000 actions must not recurse): each
    # entry is an action on the current path and an iterator over what it depends on.
    for action in plan.actions:
        if action.id in state:
            continue
        path: list[str] = [action.id]
        on_path: dict[str, int] = {action.id: 0}
        stack = [iter(edges.get(action.id, []))]
        state[action.id] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(nxt) == 1:
                cycle = path[on_path[nxt] :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield loaded.source.diagnostic(
                        "WF306",
                        f"dependency cycle: {_shown(cycle)}",
                        ("actions", index[cycle[0]], "depends_on"),
                        hint="remove one of these depends_on entries",
                    )
            elif state.get(nxt) is None:
                state[nxt] = 1
                on_path[nxt] = len(path)
                path.append(nxt)
                stack.append(iter(edges.get(nxt, [])))


def _shown(cycle: list[str]) -> str:
    """`a -> b -> a`; a long cycle with its middle left out."""
    if len(cycle) <= 12:
        return " -> ".join([*cycle, cycle[0]])
    hidden = len(cycle) - 8
    return " -> ".join([*cycle[:5], f"({hidden:,} more)", *cycle[-3:], cycle[0]])


RULES = (
    DUPLICATE_PLAN_ID,
    duplicate_item_id,
    duplicate_theme_target_measure_id,
    unknown_theme,
    unknown_dependency,
    dependency_cycle,
)


def _items(plan: Plan) -> Iterator[tuple[str, YamlPath]]:
    """Every action and milestone id with its path, in file order (duplicates included)."""
    for a, action in enumerate(plan.actions):
        yield action.id, ("actions", a, "id")
        for i, milestone in enumerate(action.milestones):
            yield milestone.id, ("actions", a, "milestones", i, "id")
