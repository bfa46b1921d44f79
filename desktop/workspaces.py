"""Which workspace shows which item kind.

Each instrument of the roadmap (cost sharing, ecological compensation, tax
split, integration fund) adds its item kind to the scenario and its workspace
class here. A workspace is a QWidget built as ``cls(item_id, parent)`` with:

- ``set_scenario(scenario, item_result)`` — redraw from the model;
- ``edit_requested(edit, gesture)`` — a Signal carrying pure edits for the undo stack;
- ``title()`` — the tab title;
- ``chart`` — a :class:`~chengyu_accord.widgets.chart.ChartWidget` (for export), or None.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from chengyu_accord.widgets.proportional_workspace import ProportionalSplitWorkspace

WORKSPACE_TYPES: dict[str, type[QWidget]] = {
    "proportional_split": ProportionalSplitWorkspace,
}


def workspace_for(kind: str, item_id: str, parent: QWidget | None = None) -> QWidget:
    """A new workspace for an item of ``kind``; KeyError names a kind without a workspace yet."""
    try:
        cls = WORKSPACE_TYPES[kind]
    except KeyError:
        raise KeyError(f"no workspace for item kind '{kind}' yet") from None
    return cls(item_id, parent)
