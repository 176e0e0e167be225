"""Edits: a Meeting in, a new Meeting out (then lay it out again).

`shift`, `move`, `resize`, `insert` and `remove` change what the user said;
`running_late` re-times what is left of a meeting that is late, and `late_from_log`
does so from the actual times of an `ActualLog`. Each either returns a valid agenda or
raises one :class:`EditError` subclass that says why not.
"""

from ._actual import Actual, ActualLog, InvalidLog
from ._address import Address, find
from ._errors import AddressError, BelowMinimum, EditError, InvalidEdit, Overflow
from ._from_log import LateFromLog, late_from_log
from ._late import Cut, Lateness, LateResult, running_late
from ._operations import Absorb, insert, move, remove, resize, shift

__all__ = [
    "Absorb",
    "Actual",
    "ActualLog",
    "Address",
    "AddressError",
    "BelowMinimum",
    "Cut",
    "EditError",
    "InvalidEdit",
    "InvalidLog",
    "LateFromLog",
    "LateResult",
    "Lateness",
    "Overflow",
    "find",
    "insert",
    "late_from_log",
    "move",
    "remove",
    "resize",
    "running_late",
    "shift",
]
