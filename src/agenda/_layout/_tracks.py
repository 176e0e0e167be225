"""Parallel blocks: tracks that run side by side, each from its block's start.

A parallel block's children are its tracks; each track's items follow one another
from the block's start. A block with minutes lasts that long and a track that runs
past its end overflows (a problem naming both); a track that ends earlier leaves a
gap. A block without minutes lasts as long as its longest track.

Identity: a track's children take the block's path plus their own key (not the
track's), so that moving a talk from one room to another keeps its calendar UID
and schedule GUID; tracks and their children share one namespace of keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._identity import item_path
from .._model import Item
from ._sizing import Siblings, natural_seconds

if TYPE_CHECKING:
    from ._place import _Layout

__all__ = ["place_parallel"]


def place_parallel(lay: _Layout, block: Item, depth: int, number: str,
                   path: tuple[str, ...], cursor: int) -> int:
    """Place the tracks of `block` (its slot is already open) from `cursor`; return
    where the block ends."""
    lay.has_parallel = True
    total = block.minutes * 60 if block.minutes is not None else None
    keys: dict[str, str] = {}
    outer_room, outer_track = lay.room, lay.track
    block_room = block.room if block.room is not None else outer_room
    end = cursor if total is None else cursor + total
    for k, track in enumerate(block.items, start=1):
        tnumber = f"{number}.{k}"
        tpath = item_path(path, track, track.title)  # a track's title is its key, unnumbered
        holder = keys.setdefault(track.key, tnumber)
        if holder != tnumber:
            lay.report("duplicate-identity", {"key": track.key, "other": holder},
                       track, tnumber, tpath)
        lay.room = track.room if track.room is not None else block_room
        lay.track = track.title
        try:
            track_end = _place_track(lay, track, depth + 1, tnumber, tpath, path, cursor,
                                     total, keys)
        finally:
            lay.room, lay.track = outer_room, outer_track
        if total is None:
            end = max(end, track_end)
        elif track_end > end:
            lay.report("track-overflow", {
                "start": lay.clock(cursor), "end": lay.clock(track_end),
                "over": (track_end - end) // 60, "block": number, "block_title": block.title,
                "block_end": lay.clock(end)}, track, tnumber, tpath)
    return end


def _place_track(lay: _Layout, track: Item, depth: int, number: str, path: tuple[str, ...],
                 block_path: tuple[str, ...], cursor: int, total: int | None,
                 keys: dict[str, str]) -> int:
    """Place one track from the block's start; return where it ends."""
    if track.parallel:  # a track that is itself parallel: an ordinary parallel block
        return lay.place_block(track, depth, number, path, cursor, iter(()))
    index = lay.open_slot(track, depth, number, path, cursor, cursor)
    if track.items:
        if track.minutes is not None:
            window: int | None = track.minutes * 60
        elif total is not None and natural_seconds(track) is None:
            window = total  # its items without minutes share the block's time
        else:
            window = None
        inside = Siblings(depth + 1, f"{number}.", block_path, (track, number, path), 0, keys)
        end = lay.place_children(track.items, inside, cursor, window, None)
        if track.minutes is not None:
            end = cursor + track.minutes * 60
    elif track.minutes is not None:
        end = cursor + track.minutes * 60
    elif total is not None:
        end = cursor + total  # a lone item fills its block
    else:
        lay.report("missing-minutes", {"or_end": ""}, track, number, path)
        end = cursor
    lay.ends[index] = end
    return end
