"""Publishing: releases into a folder any web server can serve, or a CalDAV calendar.

The stage that composes the timetable, the feeds (each against its previous version),
the changelog and the printable table; the only part of the library that talks to a
network.
"""

from .caldav import CalDAVError, CalDAVResult, Conflict, publish_caldav
from .changelog import Changelog
from .site import Release, SiteError, publish_site

__all__ = ["CalDAVError", "CalDAVResult", "Changelog", "Conflict", "Release", "SiteError",
           "publish_caldav", "publish_site"]
