"""Identity and references within a plan.

WF302 duplicate action or milestone id. Actions and milestones share one namespace::

    actions:
      - id: induction            # passes
        milestones: [{id: induction-pack, ...}]
      - id: induction            # fails: WF302 id "induction" is already used at line 2

WF303 duplicate theme, target or measure id (each kind has its own namespace).

WF304 unknown theme: an action's `theme: recruitment` needs a theme with `id: recruitment`.

WF305 unknown dependency: `depends_on: [induction]` needs an action or milestone `induction`.

WF306 dependency cycle: `a` depends on `b` and `b` on `a` (reported once, at the first id).
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli.diagnostics import Diagnostic, did_you_mean
from workforce_cli.model.walk import YamlPath
from workforce_cli.read.sources import LoadedPlan


def check(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    plan, source = loaded.plan, loaded.source
    seen: dict[str, YamlPath] = {}
    for a, action in enumerate(plan.actions):
        entries = [(action.id, ("actions", a, "id"))] + [
            (m.id, ("actions", a, "milestones", i, "id")) for i, m in enumerate(action.milestones)
        ]
        for item_id, path in entries:
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
    themes = [t.id for t in plan.themes]
    for a, action in enumerate(plan.actions):
        if action.theme is not None and action.theme not in themes:
            hint = did_you_mean(action.theme, themes) or (
                f"themes of this plan: {', '.join(themes)}"
                if themes
                else "add the theme under `themes:`"
            )
            yield source.diagnostic(
                "WF304",
                f'action "{action.id}" names unknown theme "{action.theme}"',
                ("actions", a, "theme"),
                hint=hint,
            )
        for d, dependency in enumerate(action.depends_on):
            if dependency not in seen:
                yield source.diagnostic(
                    "WF305",
                    f'action "{action.id}" depends on unknown id "{dependency}"',
                    ("actions", a, "depends_on", d),
                    hint=did_you_mean(dependency, seen)
                    or "depends_on lists ids of actions or milestones of this plan",
                )
    yield from _cycles(loaded, seen)


def _cycles(loaded: LoadedPlan, known: dict[str, YamlPath]) -> Iterator[Diagnostic]:
    plan = loaded.plan
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
