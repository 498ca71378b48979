"""wfplan: workforce action plans as code.

The package follows the data: it comes in (`read/`: bytes to data with positions, checked
against the pydantic models of `model/`), is checked (`checks/`: one rule per diagnostic
code), is understood by a feature (`status/`, `staffing/`, `report/`, `diff/`, `edit/`,
`importing/`, each an engine, plain result values and a `render` module with its formats),
and goes out through `commands/` and `cli/`. Imports run one way: cli -> commands ->
features -> checks -> read -> model; `dates`, `output`, `diagnostics`, `errors`, `config`,
`safewrite` and `resources` are the foundation any of them may use.
"""

__version__ = "0.1.0"
