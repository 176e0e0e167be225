"""Edits: a Meeting in, a new Meeting out (then lay it out again).

`shift`, `move`, `resize`, `insert` and `remove` change what the user said;
`running_late` re-times what is left of a meeting that is late. Each either returns
a valid agenda or raises one :class:`EditError` subclass that says why not.
"""

from ._address import Address, find
from ._errors import AddressError, BelowMinimum, EditError, InvalidEdit, Overflow
from ._late import Cut, Lateness, LateResult, running_late
from ._operations import Absorb, insert, move, remove, resize, shift

__all__ = [
    "Absorb",
    "Address",
    "AddressError",
    "BelowMinimum",
    "Cut",
    "EditError",
    "InvalidEdit",
    "LateResult",
    "Lateness",
    "Overflow",
    "find",
    "insert",
    "move",
    "remove",
    "resize",
    "running_late",
    "shift",
]
