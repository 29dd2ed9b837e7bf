"""Every edit of the map is one of these QUndoCommands. Each writes to the database in
`redo()` and `undo()`, so an edit is stored the moment it is made and undoing it is stored
too; the scene's items follow. Removals are soft deletes that undo restores.

`scene` is the MapScene: it knows the store, the hall and the map, and updates its items.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from hallsupervisor.domain.touchpoints.layout import MapElement
from hallsupervisor.storage import hall_maps
from hallsupervisor.storage import touchpoints as tp_storage

_t = QCoreApplication.translate

NUDGE_ID = 5101  # consecutive arrow-key nudges of the same items merge into one step


class AddElements(QUndoCommand):
    def __init__(self, scene, elements: list[MapElement], text: str):
        super().__init__(text)
        self.scene = scene
        self.elements = elements
        self.stored = False

    def redo(self) -> None:
        if not self.stored:
            hall_maps.add_elements(self.scene.store, self.scene.hall_id, self.scene.map_id,
                                   self.elements)
            self.stored = True
        else:
            hall_maps.restore_elements(self.scene.store, [e.id for e in self.elements])
        self.scene.add_element_items(self.elements, select=True)

    def undo(self) -> None:
        ids = [e.id for e in self.elements]
        hall_maps.remove_elements(self.scene.store, ids)
        self.scene.remove_element_items(ids)


class RemoveElements(QUndoCommand):
    def __init__(self, scene, elements: list[MapElement], text: str, parent=None):
        super().__init__(text, parent)
        self.scene = scene
        self.elements = elements

    def redo(self) -> None:
        ids = [e.id for e in self.elements]
        hall_maps.remove_elements(self.scene.store, ids)
        self.scene.remove_element_items(ids)

    def undo(self) -> None:
        hall_maps.restore_elements(self.scene.store, [e.id for e in self.elements])
        self.scene.add_element_items(self.elements, select=True)


class ChangeElements(QUndoCommand):
    """Moves, resizes, turns, aligns or relabels elements: {id: fields} before and after."""

    def __init__(self, scene, before: dict[str, dict], after: dict[str, dict], text: str,
                 *, merge: bool = False):
        super().__init__(text)
        self.scene = scene
        self.before = before
        self.after = after
        self.merge = merge

    def id(self) -> int:  # noqa: A003 - Qt's name
        return NUDGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (isinstance(other, ChangeElements) and other.merge and self.merge):
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        hall_maps.update_elements(self.scene.store, self.after)
        self.scene.update_element_items(self.after)

    def undo(self) -> None:
        hall_maps.update_elements(self.scene.store, self.before)
        self.scene.update_element_items(self.before)


class SetFlowPoints(QUndoCommand):
    def __init__(self, scene, before: list, after: list, text: str):
        super().__init__(text)
        self.scene = scene
        self.before = [tuple(p) for p in before]
        self.after = [tuple(p) for p in after]

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, points) -> None:
        hall_maps.set_flow_points(self.scene.store, self.scene.hall_id, self.scene.map_id,
                                  points)
        self.scene.set_flow_points(points)


def _unpin(scene, touchpoint_id: str) -> None:
    """Soft-deletes a touchpoint and takes its pin off the map."""
    tp_storage.remove_touchpoint(scene.store, touchpoint_id)
    scene.remove_pin(touchpoint_id)
    scene.touchpoints_changed.emit()


def _repin(scene, touchpoint_id: str) -> None:
    """Brings a deleted touchpoint back with its pin, selected."""
    tp_storage.restore_touchpoint(scene.store, touchpoint_id)
    scene.add_pin(tp_storage.get_touchpoint(scene.store, touchpoint_id), select=True)
    scene.touchpoints_changed.emit()


class AddTouchpoint(QUndoCommand):
    def __init__(self, scene, x_m: float, y_m: float, name: str, text: str):
        super().__init__(text)
        self.scene = scene
        self.x_m, self.y_m, self.name = x_m, y_m, name
        self.touchpoint_id: str | None = None

    def redo(self) -> None:
        if self.touchpoint_id is not None:
            _repin(self.scene, self.touchpoint_id)
            return
        store = self.scene.store
        self.touchpoint_id = tp_storage.add_touchpoint(
            store, self.scene.hall_id, self.scene.map_id, x_m=self.x_m, y_m=self.y_m,
            name=self.name,
        )
        self.scene.add_pin(tp_storage.get_touchpoint(store, self.touchpoint_id), select=True)
        self.scene.touchpoints_changed.emit()

    def undo(self) -> None:
        _unpin(self.scene, self.touchpoint_id)


class RemoveTouchpoint(QUndoCommand):
    def __init__(self, scene, touchpoint_id: str, text: str, parent=None):
        super().__init__(text, parent)
        self.scene = scene
        self.touchpoint_id = touchpoint_id

    def redo(self) -> None:
        _unpin(self.scene, self.touchpoint_id)

    def undo(self) -> None:
        _repin(self.scene, self.touchpoint_id)


class ChangeTouchpoints(QUndoCommand):
    """Moves or edits touchpoints: {id: fields} before and after (update_touchpoint's)."""

    def __init__(self, scene, before: dict[str, dict], after: dict[str, dict], text: str):
        super().__init__(text)
        self.scene = scene
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, changes: dict[str, dict]) -> None:
        store = self.scene.store
        with store.transaction():
            for touchpoint_id, fields in changes.items():
                tp_storage.update_touchpoint(store, touchpoint_id, **fields)
        for touchpoint_id in changes:
            self.scene.refresh_pin(tp_storage.get_touchpoint(store, touchpoint_id))
        self.scene.touchpoints_changed.emit()


class ChangeMap(QUndoCommand):
    """Map settings: size, grid, and the background's scale, place, opacity and lock."""

    def __init__(self, scene, before: dict, after: dict, text: str):
        super().__init__(text)
        self.scene = scene
        self.before = before
        self.after = after

    def redo(self) -> None:
        hall_maps.update_map(self.scene.store, self.scene.map_id, **self.after)
        self.scene.reload_map_settings()

    def undo(self) -> None:
        hall_maps.update_map(self.scene.store, self.scene.map_id, **self.before)
        self.scene.reload_map_settings()


class SetBackground(QUndoCommand):
    """Puts a floor-plan photo or scan behind the map (or takes it away)."""

    def __init__(self, scene, before: tuple | None, after: tuple | None, text: str):
        super().__init__(text)
        self.scene = scene
        # (data, format, fields) or None
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, state) -> None:
        store, map_id = self.scene.store, self.scene.map_id
        if state is None:
            hall_maps.set_background(store, map_id, None)
        else:
            data, image_format, fields = state
            hall_maps.set_background(store, map_id, data, image_format, **fields)
        self.scene.reload_background()
        self.scene.reload_map_settings()
