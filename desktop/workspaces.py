"""The workspace of an item: the class its instrument names, imported when first needed.

An instrument's descriptor names its workspace as ``"module:Class"`` (see
:class:`~chengyu_accord.cost_sharing.instrument.Instrument`); the class is an
:class:`~chengyu_accord.widgets.workspace.InstrumentWorkspace` built as
``cls(item_id, parent)``.
"""

from __future__ import annotations

from importlib import import_module

from chengyu_accord.cost_sharing.instrument import instrument_for
from chengyu_accord.widgets.workspace import InstrumentWorkspace


def workspace_class(kind: str) -> type[InstrumentWorkspace]:
    """The workspace class of an item kind (KeyError for an unknown kind)."""
    module, _, name = instrument_for(kind).workspace.partition(":")
    return getattr(import_module(module), name)


def workspace_for(kind: str, item_id: str, parent=None) -> InstrumentWorkspace:
    """A new workspace for an item of ``kind``."""
    workspace = workspace_class(kind)(item_id, parent)
    workspace.kind = kind
    return workspace
