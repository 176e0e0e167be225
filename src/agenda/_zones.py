"""Time zones, held: one zone object per name for the life of the process.

pendulum's `Timezone` subclasses `zoneinfo.ZoneInfo` but gets only its weak cache,
so a zone that nobody holds is read and parsed from its TZif file again on every
``pendulum.from_timestamp(ts, tz=name)``. Holding each zone here makes every later
lookup of the name (ours and pendulum's own) return the same parsed object.

`moment` and `wall` turn UTC seconds into the date-times the rest of the package
hands out: `moment` a pendulum `DateTime` (the public face), `wall` a standard
library `datetime` in the same zone for hot paths that only format it.
"""

from __future__ import annotations

import datetime as _dt
import functools

import pendulum
from pendulum.tz.exceptions import InvalidTimezone
from pendulum.tz.timezone import FixedTimezone, Timezone

__all__ = ["moment", "wall", "zone"]


# Names the zone database holds that are no IANA zone: the machine's own zone, a
# placeholder, and the copies of the database under other rules.
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})
_NOT_ZONE_FOLDERS = ("right/", "posix/")


@functools.cache
def zone(name: str) -> Timezone | FixedTimezone:
    """The zone called `name`, parsed once and held.

    Raises pendulum's `InvalidTimezone` (a `ValueError`) for every name that is not a
    zone: unknown, a folder of the database (``Asia``), too long for a file name, or
    one of its files that is no place (``posixrules``, ``right/...``).
    """
    if name in _NOT_ZONES or name.startswith(_NOT_ZONE_FOLDERS):
        raise InvalidTimezone(name)
    try:
        return pendulum.timezone(name)
    except OSError:  # IsADirectoryError for a folder, ENAMETOOLONG for a long name
        raise InvalidTimezone(name) from None


def wall(utc: int, name: str) -> _dt.datetime:
    """The instant `utc` as an aware standard-library date-time in zone `name`."""
    return _dt.datetime.fromtimestamp(utc, zone(name))


def moment(utc: int, name: str) -> pendulum.DateTime:
    """The instant `utc` as a pendulum date-time in zone `name`: what
    ``pendulum.from_timestamp(utc, tz=name)`` gives, without its conversions."""
    tz = zone(name)
    local = _dt.datetime.fromtimestamp(utc, tz)
    # pendulum marks every time in a zone without transitions (UTC) as fold=1.
    fold = 1 if isinstance(tz, FixedTimezone) or name == "UTC" else local.fold
    return pendulum.DateTime(local.year, local.month, local.day, local.hour, local.minute,
                             local.second, tzinfo=tz, fold=fold)
