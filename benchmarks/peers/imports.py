"""The floor's start-up: the standard-library modules the peer scripts import."""

import datetime  # noqa: F401
import json  # noqa: F401
import tomllib  # noqa: F401
import zoneinfo  # noqa: F401
