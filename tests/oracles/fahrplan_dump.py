"""Read a schedule JSON file with pyfahrplan (an independent consumer of the format)
and print what it sees, as JSON: every talk flattened as pyfahrplan flattens it, and
the talks its own filters find per room and per track.

Runs in its own environment, tests/oracles/pyfahrplan-venv (.ci/run makes it): its
pinned dependencies (attrs < 22, requests-cache 0.8) cannot live beside agenda's.
Nothing is fetched: the schedule is handed to pyfahrplan's Fahrplan directly, and
only its reading of the format (flattening, filters, the end of a talk) is used.
"""

import datetime as dt
import json
import sys
import types
from pathlib import Path

# pyfahrplan caches its downloads with requests_cache, whose pinned version (0.8) no
# longer imports on Python 3.11; nothing is downloaded here, so a stand-in will do.
sys.modules["requests_cache"] = types.SimpleNamespace(  # type: ignore[assignment]
    install_cache=lambda *args, **kwargs: None, clear=lambda: None)

from pyfahrplan.lib import Fahrplan, filter_talk, is_talk_in_past  # noqa: E402


def main(path: str) -> None:
    schedule = json.loads(Path(path).read_text("utf-8"))["schedule"]
    plan = Fahrplan.__new__(Fahrplan)  # no downloads: the schedule is given
    plan.fahrplans = [schedule]
    plan.flatten_fahrplans()
    talks = plan.flat_plans
    ends = {event["guid"]: dt.datetime.fromisoformat(event["end"])
            for day in schedule["conference"]["days"]
            for events in day["rooms"].values() for event in events}
    rooms = sorted({talk["room"] for talk in talks})
    tracks = sorted({talk["track"] for talk in talks if talk["track"]})
    print(json.dumps({
        "talks": talks,
        "by_room": {room: [t["talk_guid"] for t in talks if filter_talk(t, room=room)]
                    for room in rooms},
        "by_track": {track: [t["talk_guid"] for t in talks if filter_talk(t, track=track)]
                     for track in tracks},
        "by_day": {day["index"]: [t["talk_guid"] for t in talks if filter_talk(t, day=day["index"])]
                   for day in schedule["conference"]["days"]},
        # pyfahrplan's own end of each talk (its date plus its duration), probed one
        # second before and after the end the schedule's JSON states
        "ends": {t["talk_guid"]: [is_talk_in_past(t, end - dt.timedelta(seconds=1)),
                                   is_talk_in_past(t, end + dt.timedelta(seconds=1))]
                 for t in talks for end in [ends[t["talk_guid"]]]},
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
