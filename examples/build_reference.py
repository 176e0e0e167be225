"""Build the reference meeting with the Python API, check it and print its timetable.

Run: python examples/build_reference.py
"""

from __future__ import annotations

import datetime as dt

import attrs

import agenda
from agenda import Item, Kind, Meeting


def en(title: str, presenter: str | None = None, notes: str | None = None
       ) -> dict[str, dict[str, str]]:
    """The English texts of an item (the Korean ones are its fields)."""
    texts = {"title": title, "presenter": presenter, "notes": notes}
    return {"en": {field: text for field, text in texts.items() if text is not None}}


VICE_MINISTER = "Vice-minister"


def build() -> Meeting:
    regions = [Item(name, id=ident, kind=Kind.PRESENTATION, translations=en(ident.title()))
               for name, ident in [("부산", "busan"), ("강원", "gangwon"), ("충북", "chungbuk"),
                                   ("전남", "jeonnam")]]
    return Meeting(
        "글로벌 혁신특구 지자체-중기부 정책협의",
        dt.date(2024, 3, 13),
        dt.time(14, 0),
        "Asia/Seoul",
        [
            Item("사진촬영", minutes=2, id="photo", kind=Kind.PHOTO,
                 translations=en("Photo session")),
            Item("개회 및 참석자 소개", minutes=2, id="opening", kind=Kind.CEREMONY,
                 presenter="사회", notes="4층 회의실",
                 translations=en("Opening and introduction of the attendees", "Host",
                                 "4th-floor meeting room")),
            Item("차관 인사말씀", minutes=3, id="greeting", kind=Kind.CEREMONY, presenter="차관",
                 translations=en("Greeting by the vice-minister", VICE_MINISTER)),
            Item("지자체별 글로벌 혁신 특구 준비현황 발표", minutes=20, id="regional-reports",
                 kind=Kind.PRESENTATION,
                 notes="실증계획, 특구별 규제특례 부처협의 현황, 실증 안전성 확보방안 포함",
                 items=regions,
                 translations=en("Preparation of each region's Global Innovation Special Zone",
                                 notes="Demonstration plans, inter-ministry talks on each "
                                       "zone's regulatory exemptions, safety of the "
                                       "demonstrations")),
            Item("중기부·지자체 협업 방향", minutes=5, id="briefing", kind=Kind.BRIEFING,
                 presenter="특구정책과장",
                 notes="협업체계, 특구 인지도 확대, '25년 예산 편성 방향",
                 translations=en("Cooperation of the ministry and the regions",
                                 "Director, Zone Policy Division",
                                 "Working together, making the zones known, the 2025 budget")),
            Item("토론", minutes=25, id="discussion", kind=Kind.DISCUSSION,
                 translations=en("Discussion")),
            Item("차관 맺음말씀", minutes=3, id="closing", kind=Kind.CEREMONY, presenter="차관",
                 translations=en("Closing remarks by the vice-minister", VICE_MINISTER)),
        ],
        end=dt.time(15, 0),
        location="강원도 원주 의료기기테크노밸리 4층 회의실",
        category="정책 협의",
        weekday="수",
        id="gis-policy-2024-03-13",
        language="ko",
        translations={"en": {
            "title": "Global Innovation Special Zones: regions–ministry policy consultation",
            "location": "Wonju Medical Device Techno Valley, Gangwon, 4th-floor meeting room",
            "category": "Policy consultation",
        }},
    )


def main() -> None:
    meeting = build()
    # The API-built meeting is the same value as the reference spec file.
    assert meeting == agenda.reference_meeting(), "API and spec file disagree"
    problems = agenda.validate(meeting)
    assert not problems, problems
    timetable = agenda.layout(meeting)
    for slot in timetable:
        print(f"{slot.start:%H:%M}~{slot.end:%H:%M} ('{slot.minutes}) "
              f"{'  ' * slot.depth}{slot.title}")
    # A late start: the secretariat moves the whole meeting by ten minutes.
    late = agenda.layout(attrs.evolve(meeting, start=dt.time(14, 10), end=dt.time(15, 10)))
    print(f"late start: {late.start:%H:%M}~{late.end:%H:%M}")
    # The same timetable in English: the translations, with the same times and identities.
    english = agenda.translate(timetable, "en")
    print(english.meeting.title)
    for slot in english.top_level():
        print(f"{slot.start:%H:%M}–{slot.end:%H:%M} {slot.title}")


if __name__ == "__main__":
    main()
