"""A repeat rule in words, Korean and English."""

from __future__ import annotations

import datetime as dt

import pytest

from agenda._words.rules import rule_words

CASES = [
    ("FREQ=MONTHLY;BYDAY=2WE;COUNT=6", dt.date(2024, 3, 13),
     "매월 둘째 수요일, 6회", "every month on the second Wednesday, 6 times"),
    ("FREQ=WEEKLY;BYDAY=WE;UNTIL=20251029", dt.date(2025, 4, 30),
     "매주 수요일, 2025-10-29까지", "every week on Wednesday, until 2025-10-29"),
    ("FREQ=WEEKLY;COUNT=23", dt.date(2025, 3, 3),
     "매주 월요일, 23회", "every week on Monday, 23 times"),
    ("RRULE:FREQ=DAILY;INTERVAL=2", dt.date(2025, 3, 3), "2일마다", "every 2 days"),
    ("FREQ=YEARLY;COUNT=1", dt.date(2025, 3, 3), "매년 3월 3일, 1회",
     "every year on March 3, 1 time"),
    ("FREQ=MONTHLY;BYDAY=-1FR", dt.date(2025, 3, 28),
     "매월 마지막 금요일", "every month on the last Friday"),
    ("FREQ=MONTHLY", dt.date(2025, 1, 15), "매월 15일", "every month on day 15"),
    # UNTIL in UTC is read on the meeting's clock: 14:59:59Z is 23:59:59 in Seoul.
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20250601T145959Z", dt.date(2025, 3, 3),
     "2주마다 월요일, 수요일, 2025-06-01까지",
     "every 2 weeks on Monday and Wednesday, until 2025-06-01"),
    ("FREQ=WEEKLY;UNTIL=20250601T150000Z", dt.date(2025, 3, 3),
     "매주 월요일, 2025-06-02까지", "every week on Monday, until 2025-06-02"),
]


@pytest.mark.parametrize(("rule", "first", "ko", "en"), CASES, ids=[c[0] for c in CASES])
def test_a_rule_in_korean_and_english(rule: str, first: dt.date, ko: str, en: str) -> None:
    assert rule_words(rule, first, "Asia/Seoul", "ko") == ko
    assert rule_words(rule, first, "Asia/Seoul", "en") == en


def test_a_rule_that_says_more_than_the_words_is_given_as_written() -> None:
    rule = "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR"
    assert rule_words(rule, dt.date(2025, 3, 31), "Asia/Seoul", "ko") == rule
    assert rule_words(rule, dt.date(2025, 3, 31), "Asia/Seoul", "en") == rule
