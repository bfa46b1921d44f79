"""The open scenario: its file, its undo stack and its computed result.

Edits are the pure commands of :mod:`chengyu_accord.cost_sharing.edits` and of
each instrument. Scenarios are immutable, so :class:`EditCommand` simply keeps
the scenario before and after its edit: the edit is applied once, when pushed
(a refused edit never lands on the stack), and redo replays exactly that result.
A gesture (one slider drag) gives all its commands the same non-zero ``gesture``
number, and ``mergeWith`` folds them into one undo step.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from chengyu_accord.cost_sharing.edits import Edit
from chengyu_accord.cost_sharing.engine import is_cheap
from chengyu_accord.cost_sharing.fingerprint import compute_fingerprinted
from chengyu_accord.cost_sharing.results import ItemResult, ScenarioResult
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.widgets.labels import words

from .compute import ComputeRunner

_gestures = itertools.count(1)


def new_gesture() -> int:
    """A fresh number for one continuous gesture (a slider drag) whose edits merge into one step."""
    return next(_gestures)


def describe(edit: Edit) -> str:
    """The name of an edit as shown after "Undo"/"Redo", in the interface language."""
    return words(edit.label)


class EditCommand(QUndoCommand):
    """One undoable edit: the scenario before and after it; consecutive commands of one gesture merge."""

    MERGE_ID = 0x4143  # any constant: QUndoStack only merges commands with the same non-negative id

    def __init__(
        self, document: ScenarioDocument, edit: Edit, before: Scenario, after: Scenario, gesture: int = 0
    ) -> None:
        super().__init__(describe(edit))
        self.document = document
        self.edit = edit
        self.before, self.after = before, after
        self.gesture = gesture

    def redo(self) -> None:
        self.document._set_scenario(self.after, structural=self.edit.structural)

    def undo(self) -> None:
        self.document._set_scenario(self.before, structural=self.edit.structural)

    def id(self) -> int:
        return self.MERGE_ID if self.gesture else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Fold a later command of the same gesture in: keep our "before" (the value before the drag)."""
        if (
            not isinstance(other, EditCommand)
            or other.gesture != self.gesture
            or type(other.edit) is not type(self.edit)
        ):
            return False
        self.edit, self.after = other.edit, other.after
        return True

    def retranslate(self) -> None:
        self.setText(describe(self.edit))


class ScenarioDocument(QObject):
    """The scenario being worked on, with one undo stack for every edit and its computed result.

    Cheap instruments (measured under 16 ms) are computed at once, on the GUI thread. Others run in a
    :class:`~.compute.ComputeRunner`: ``changed`` is emitted at once with the last good result (marked by
    ``busy``), and again when the newest result arrives; a slider drag never queues stale computations.
    """

    changed = Signal(object, object)
    """(scenario, result) after every change, including undo, redo, new and open, and when a result arrives."""
    structure_changed = Signal()
    """Parties, figures or the basis changed (not just a number being tuned)."""
    file_state_changed = Signal()
    """The file path or the saved/unsaved state changed."""
    busy_changed = Signal(bool)
    """A computation off the GUI thread started (True) or the newest result is in (False)."""
    progress_changed = Signal(float)
    compute_failed = Signal(str)
    """The newest computation raised: one line; the scenario and the last good result stay."""
    compute_cancelled = Signal()

    def __init__(self, scenario: Scenario, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.runner = ComputeRunner(compute_fingerprinted, self)
        self.runner.finished.connect(self._on_result)
        self.runner.failed.connect(lambda _scenario, message: self._on_stopped(self.compute_failed, message))
        self.runner.cancelled.connect(lambda: self._on_stopped(self.compute_cancelled))
        self.runner.progress_changed.connect(self.progress_changed)
        self.scenario = scenario
        self.result: ScenarioResult = _placeholder(scenario)
        self.busy = False
        self.path = path
        self._unsaved_without_undo = False
        self._compute(scenario)

    @property
    def dirty(self) -> bool:
        """True when there are changes not yet saved to ``path``."""
        return self._unsaved_without_undo or not self.undo_stack.isClean()

    def push(self, edit: Edit, gesture: int = 0) -> None:
        """Apply an edit as an undoable step; raises EditError (and changes nothing) when it does not fit."""
        after = edit.apply(self.scenario)
        self.undo_stack.push(EditCommand(self, edit, self.scenario, after, gesture))

    def replace(self, scenario: Scenario, path: Path | None, *, dirty: bool = False) -> None:
        """Start over on another scenario (New, Open, restore): the undo history belongs to the old one."""
        self.undo_stack.clear()
        self.path = path
        self._unsaved_without_undo = dirty
        self._set_scenario(scenario, structural=True)
        self.file_state_changed.emit()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._unsaved_without_undo = False
        self.undo_stack.setClean()
        self.file_state_changed.emit()

    def recompute(self) -> None:
        """Compute the current scenario again (after a cancelled or failed computation)."""
        self._compute(self.scenario)

    def cancel(self) -> None:
        """Stop the running computation; the scenario stays as it is and the last result stays shown."""
        self.runner.cancel()

    def shutdown(self) -> None:
        self.runner.shutdown()

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_state_changed.emit()

    def _set_scenario(self, scenario: Scenario, *, structural: bool) -> None:
        self.scenario = scenario
        self._compute(scenario)
        if structural:
            self.structure_changed.emit()

    def _compute(self, scenario: Scenario) -> None:
        if is_cheap(scenario):
            self.runner.run_sync(scenario)
            return
        if [r.item_id for r in self.result.items] != [i.id for i in scenario.items]:
            self.result = _placeholder(scenario)
        self._set_busy(True)
        self.changed.emit(scenario, self.result)
        self.runner.submit(scenario)

    def _on_result(self, scenario: object, result: object) -> None:
        if scenario is not self.scenario:  # a result for a scenario already replaced (run_sync drops those too)
            return
        self.result = result  # type: ignore[assignment]
        self._set_busy(False)
        self.changed.emit(scenario, result)

    def _on_stopped(self, signal: Signal, *args: object) -> None:
        self._set_busy(False)
        signal.emit(*args)  # type: ignore[attr-defined]

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)


def _placeholder(scenario: Scenario) -> ScenarioResult:
    """A result with no tables for each item, shown (as updating) until the first result arrives."""
    return ScenarioResult(tuple(ItemResult(item.id, item.kind) for item in scenario.items))
