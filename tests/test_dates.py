"""Dates and times as announcements write them: pipeline.normalize.dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.dates import find_dates, find_time, infer_order, parse_date_fallback, year_hints

D = dt.date
T = dt.time


def first(text: str, **kw) -> dt.date | None:
    found = find_dates(text, **kw)
    return found[0].date if found else None


# ---------------------------------------------------------------- numeric dates


@pytest.mark.parametrize("text, expected", [
    ("24/11/2020", D(2020, 11, 24)),         # a field above 12 decides: day first
    ("11/24/2020", D(2020, 11, 24)),         # ... or month first
    ("24.11.2020", D(2020, 11, 24)),
    ("24-11-2020", D(2020, 11, 24)),
    ("15-09-2020", D(2020, 9, 15)),
    ("8/21/2020", D(2020, 8, 21)),
    ("1-12-2025", D(2025, 12, 1)),           # dashes/dots: day first by default
    ("10.11.2020", D(2020, 11, 10)),
    ("12/03/20", D(2020, 12, 3)),            # slash without page order: the US habit, month first
    ("10.11.20", D(2020, 11, 10)),           # two-digit year
    ("Date: 15.09.2020, 14:00", D(2020, 9, 15)),
])
def test_numeric_dates(text, expected):
    assert first(text) == expected


@pytest.mark.parametrize("text, order, expected", [
    ("10-11-2020", "DMY", D(2020, 11, 10)),
    ("10-11-2020", "MDY", D(2020, 10, 11)),
    ("06/11/2020", "DMY", D(2020, 11, 6)),
    ("06/11/2020", "MDY", D(2020, 6, 11)),
    ("24/11/2020", "MDY", D(2020, 11, 24)),  # an impossible reading never wins over the page order
    ("11/24/2020", "DMY", D(2020, 11, 24)),
])
def test_numeric_dates_follow_page_order(text, order, expected):
    assert first(text, order=order) == expected


@pytest.mark.parametrize("text, expected", [
    ("2020-11-24", D(2020, 11, 24)),
    ("Tuesday 2020-11-24", D(2020, 11, 24)),
    ("2020-11-24T14:00:00+01:00", D(2020, 11, 24)),
    ("posted 2021-3-5", D(2021, 3, 5)),
])
def test_iso_dates(text, expected):
    found = find_dates(text)
    assert [d.date for d in found] == [expected]
    assert found[0].warnings == ()


def test_iso_date_is_not_read_in_another_order():
    assert first("2020-11-10", order="MDY") == D(2020, 11, 10)


def test_ambiguous_numeric_date_warns_only_without_page_order():
    (d,) = find_dates("1-12-2025")
    assert d.date == D(2025, 12, 1)
    assert any("ambiguous" in w and "day-month" in w for w in d.warnings)
    (d,) = find_dates("1-12-2025", order="DMY")
    assert d.warnings == ()


@pytest.mark.parametrize("text", ["2020-13-01", "31/02/2020", "32.01.2020", "00/10/2020", "12/10/1850"])
def test_impossible_numeric_dates_are_dropped(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text", [
    "call 020-555-1234", "version 1.2.3", "ratio 3/4", "pages 12-14", "2019-2020",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


# ---------------------------------------------------------------- textual dates


@pytest.mark.parametrize("text, expected", [
    # English
    ("24 November 2020", D(2020, 11, 24)),
    ("Thurs. March 25th, 2021", D(2021, 3, 25)),
    ("July 25th, 2012", D(2012, 7, 25)),
    ("Monday 1 December 2025", D(2025, 12, 1)),
    ("Nov 24, 2020", D(2020, 11, 24)),
    ("Sept. 7, 2021", D(2021, 9, 7)),
    ("Tue, 24 Nov 2020 14:00:00 +0100", D(2020, 11, 24)),
    ("Thursday the 5th of November 2020", D(2020, 11, 5)),
    ("Thursday, 5th of November, 2020", D(2020, 11, 5)),
    ("Tuesday November 24th 2020", D(2020, 11, 24)),
    ("Weds 25 Nov 2020", D(2020, 11, 25)),
    # French
    ("Le 1er Juin 2017", D(2017, 6, 1)),
    ("10 nov. 2017", D(2017, 11, 10)),
    ("mardi 24 novembre 2020", D(2020, 11, 24)),
    ("1er décembre 2025", D(2025, 12, 1)),
    ("15 mars 2021", D(2021, 3, 15)),
    ("jeudi 4 févr. 2021", D(2021, 2, 4)),
    ("le 3 mai 2019 à 14h", D(2019, 5, 3)),
    # German
    ("Dienstag, 24. November 2020", D(2020, 11, 24)),
    ("am Dienstag, den 24. November 2020 um 14 Uhr", D(2020, 11, 24)),
    ("den 3. März 2021", D(2021, 3, 3)),
    ("Mittwoch, 2. Dezember 2020", D(2020, 12, 2)),
    ("12. Okt. 2021", D(2021, 10, 12)),
    # Spanish / Portuguese 'de'
    ("24 de noviembre de 2020", D(2020, 11, 24)),
])
def test_textual_dates(text, expected):
    found = find_dates(text)
    assert [d.date for d in found] == [expected]
    assert found[0].year_given
    assert not any("weekday" in w for w in found[0].warnings)


def test_textual_date_span_covers_weekday_and_year():
    text = "Seminar on Thurs. March 25th, 2021 at 4pm"
    (d,) = find_dates(text)
    assert text[d.start:d.end] == "Thurs. March 25th, 2021"
    assert d.weekday == 4


def test_several_dates_left_to_right():
    text = "Talks: 10 nov. 2017, then 2017-12-08 and 15/01/2018."
    assert [d.date for d in find_dates(text)] == [D(2017, 11, 10), D(2017, 12, 8), D(2018, 1, 15)]


@pytest.mark.parametrize("text", ["may be 5 minutes late", "In March we start", "May 2021 schedule"])
def test_month_words_without_a_day_are_not_dates(text):
    assert find_dates(text, default_year=2021) == []


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize("text, expected, real", [
    ("Monday 2 December 2025", D(2025, 12, 2), "Tuesday"),
    ("Friday, 24 November 2020", D(2020, 11, 24), "Tuesday"),
    ("mercredi 24 novembre 2020", D(2020, 11, 24), "Tuesday"),
    ("Thursday, March 26th, 2021", D(2021, 3, 26), "Friday"),
])
def test_weekday_mismatch_warns(text, expected, real):
    (d,) = find_dates(text)
    assert d.date == expected
    assert any("weekday does not match" in w and real in w for w in d.warnings)


def test_weekday_decides_an_ambiguous_date_without_page_order():
    # 6 Nov 2020 is a Friday, 11 June 2020 a Thursday
    (d,) = find_dates("Friday, 06/11/2020")
    assert d.date == D(2020, 11, 6)
    assert not any("weekday does not match" in w for w in d.warnings)
    (d,) = find_dates("Friday, 11/06/2020")
    assert d.date == D(2020, 11, 6)


def test_page_order_wins_over_weekday_and_the_mismatch_is_reported():
    (d,) = find_dates("Friday, 06/11/2020", order="MDY")
    assert d.date == D(2020, 6, 11)
    assert any("weekday does not match" in w for w in d.warnings)


# ---------------------------------------------------------------- infer_order


@pytest.mark.parametrize("text, expected", [
    ("Seminar 15-09-2020. Next talk 10-11-2020.", "DMY"),
    ("Talks on 8/21/2020 and 9/4/2020", "MDY"),
    ("Friday, 11/06/2020", "MDY"),           # 6 Nov 2020 is a Friday
    ("Friday, 06/11/2020", "DMY"),
    ("Tuesday 9/22 and Tuesday 9/29", "MDY"),  # bare month/day next to a weekday
    ("10-11-2020 and 11-12-2020", None),     # nothing decides
    ("No dates here.", None),
    ("2020-11-24 and 2020-12-01", None),     # ISO says nothing about the others
])
def test_infer_order(text, expected):
    assert infer_order(text) == expected


def test_infer_order_majority():
    assert infer_order("15-09-2020, 20-10-2020, 3/25/2021") == "DMY"


def test_page_order_applied_to_ambiguous_dates():
    page = "Programme\n15-09-2020: opening\n10-11-2020: second talk"
    order = infer_order(page)
    assert [d.date for d in find_dates(page, order=order)] == [D(2020, 9, 15), D(2020, 11, 10)]
    assert all(d.warnings == () for d in find_dates(page, order=order))


# ---------------------------------------------------------------- missing years


@pytest.mark.parametrize("text, expected", [
    ("24 November", D(2020, 11, 24)),
    ("November 24th", D(2020, 11, 24)),
    ("on the 3rd of June", D(2020, 6, 3)),
    ("Tuesday, 24 Nov", D(2020, 11, 24)),
])
def test_default_year_fills_a_missing_year(text, expected):
    (d,) = find_dates(text, default_year=2020)
    assert d.date == expected
    assert d.year_given is False


@pytest.mark.parametrize("text", ["24 November", "November 24th", "Tuesday 9/3"])
def test_no_year_and_no_default_gives_nothing(text):
    assert find_dates(text, allow_bare_md=True) == []


def test_written_year_wins_over_default():
    (d,) = find_dates("24 November 2019", default_year=2020)
    assert d.date == D(2019, 11, 24) and d.year_given


def test_a_clock_time_after_a_date_is_not_its_year():
    (d,) = find_dates("Tuesday 24 November 1530-1630 hrs", default_year=2020)
    assert d.date == D(2020, 11, 24) and not d.year_given


# ---------------------------------------------------------------- bare month/day


def test_bare_month_day_needs_allow_bare_md():
    assert find_dates("Tuesday 9/3", default_year=2019) == []
    (d,) = find_dates("Tuesday 9/3", default_year=2019, allow_bare_md=True)
    assert d.date == D(2019, 9, 3) and d.weekday == 2 and not d.year_given


def test_bare_month_day_needs_a_weekday():
    assert find_dates("9/3", default_year=2019, allow_bare_md=True) == []
    assert find_dates("ratio 3/4 of the talks", default_year=2019, allow_bare_md=True) == []


def test_bare_month_day_follows_page_order():
    (d,) = find_dates("Tuesday 3/9", order="DMY", default_year=2019, allow_bare_md=True)
    assert d.date == D(2019, 9, 3)


@pytest.mark.parametrize("text, expected", [
    ("Tuesday 24.11.", D(2020, 11, 24)),
    ("Di, 24.11. 14 Uhr", D(2020, 11, 24)),
])
def test_bare_day_month_with_dots(text, expected):
    assert find_dates(text, default_year=2020) == []
    (d,) = find_dates(text, default_year=2020, allow_bare_md=True)
    assert d.date == expected and d.weekday == 2


# ---------------------------------------------------------------- fallback and year hints


def test_parse_date_fallback_needs_day_month_and_year():
    assert parse_date_fallback("November the 24th, 2020") == D(2020, 11, 24)
    assert parse_date_fallback("24 Nov.") is None
    assert parse_date_fallback("no date at all") is None


def test_year_hints():
    assert year_hints("Fall 2024 Colloquium (see also 2023)") == [2024, 2023]
    assert year_hints("Seminars 2023/2024") == [2023, 2024]
    assert year_hints("Room 12345, tel. 1234") == []


# ---------------------------------------------------------------- times


@pytest.mark.parametrize("text, start, end", [
    ("14:00-15:00", T(14), T(15)),
    ("11:00-1200", T(11), T(12)),
    ("14:00-1500", T(14), T(15)),
    ("4-5pm", T(16), T(17)),
    ("between 1pm and 2pm EDT", T(13), T(14)),
    ("16h00-17h00", T(16), T(17)),
    ("14h-15h", T(14), T(15)),
    ("de 14h à 15h", T(14), T(15)),
    ("9h30-10h30", T(9, 30), T(10, 30)),
    ("4:00 pm- 5.00 pm", T(16), T(17)),
    ("12pm-1pm", T(12), T(13)),
    ("12-1pm", T(12), T(13)),
    ("11am-12pm", T(11), T(12)),
    ("11-12pm", T(11), T(12)),
    ("9am-10am EST (2pm-3pm UTC)", T(9), T(10)),
    ("10:30 a.m. - 11:30 a.m.", T(10, 30), T(11, 30)),
    ("3 p.m.-4 p.m.", T(15), T(16)),
    ("11.30am–12.30pm", T(11, 30), T(12, 30)),
    ("4.15-5.15pm", T(16, 15), T(17, 15)),
    ("7:30-8:30 pm", T(19, 30), T(20, 30)),
    ("4:00-4:50 pm", T(16), T(16, 50)),
    ("14.00-15.00", T(14), T(15)),
    ("14:00 - 15:30 Uhr", T(14), T(15, 30)),
    ("14:00 to 15:00", T(14), T(15)),
    ("10:00 -11:30 AM", T(10), T(11, 30)),
    ("noon-1pm", T(12), T(13)),
    ("12 noon - 1:00 pm", T(12), T(13)),
    ("11am to noon", T(11), T(12)),
    ("8:00-9:00", T(8), T(9)),
    ("12:30-13:30", T(12, 30), T(13, 30)),
    ("22:00-24:00", T(22), T(0)),
    ("24 November 2020, 4-5 pm", T(16), T(17)),
    ("2020-11-24 14:00-15:00", T(14), T(15)),
    ("15.09.2020 10-11am", T(10), T(11)),
])
def test_time_ranges(text, start, end):
    tr = find_time(text)
    assert tr is not None
    assert (tr.start, tr.end) == (start, end)
    assert tr.warnings == ()


@pytest.mark.parametrize("text, start", [
    ("2:00 PM", T(14)),
    ("13:00 hr", T(13)),
    ("Talk at 5 pm", T(17)),
    ("3:30 p.m.", T(15, 30)),
    ("4.30pm", T(16, 30)),
    ("10am", T(10)),
    ("17.00", T(17)),
    ("16h", T(16)),
    ("14h30", T(14, 30)),
    ("14 Uhr", T(14)),
    ("12 noon", T(12)),
    ("9:00", T(9)),
    ("Nov 24, 2020 4:00pm", T(16)),
    ("Date: 15.09.2020, 14:00", T(14)),
    ("10-11-2020 14:00", T(14)),
    ("Tuesday 2020-11-24 at 16:00", T(16)),
    ("2020-11-24T14:00:00", T(14)),
    ("Tue 9/3 4pm", T(16)),
])
def test_single_times(text, start):
    tr = find_time(text)
    assert tr is not None
    assert (tr.start, tr.end) == (start, None)
    assert tr.warnings == ()


def test_range_span_is_the_written_range():
    text = "Seminar: 11:00 – 12:00 CET, room 5"
    tr = find_time(text)
    assert text[tr.span[0]:tr.span[1]] == "11:00 – 12:00"
    text = "between 1pm and 2pm EDT"
    tr = find_time(text)
    assert text[tr.span[0]:tr.span[1]] == "1pm and 2pm"


@pytest.mark.parametrize("text, start, end", [
    ("4:00-4:50", T(16), T(16, 50)),
    ("4:00-5:00", T(16), T(17)),
    ("1:30-2:30", T(13, 30), T(14, 30)),
    ("12:00-1:00", T(12), T(13)),
    ("11:00-1:00", T(11), T(13)),
    ("1:00", T(13), None),
])
def test_no_am_pm_small_hours_read_as_afternoon_with_warning(text, start, end):
    tr = find_time(text)
    assert (tr.start, tr.end) == (start, end)
    assert any("no am/pm" in w for w in tr.warnings)


@pytest.mark.parametrize("text", [
    "15-09-2020", "2020-11-24", "15.09.2020", "24.11.2020", "10.11.20", "1-12-2025",
    "8/21/2020", "Tuesday 9/3", "Room 4-5", "pages 4-5", "2019-2020", "1400-1500 AD",
    "lasts 2 hrs", "durée 1h30", "a 2h break", "Tuesday afternoon", "in Section 3",
])
def test_not_times(text):
    assert find_time(text) is None


@pytest.mark.parametrize("text, start", [
    ("Room 2.14, 14:00", T(14)),             # a dotted room number yields to a clear time
    ("Tuesday 24.11. at 14.00", T(14)),       # '24.11.' is a day and a month
    ("on 1.12. 16:00", T(16)),
    ("Building 3.05, 10am", T(10)),
])
def test_dates_and_room_numbers_are_not_taken_for_times(text, start):
    tr = find_time(text)
    assert tr is not None and tr.start == start


def test_dotted_time_alone_is_still_a_time():
    tr = find_time("Talk starts at 17.30.")
    assert tr.start == T(17, 30)


def test_no_time_at_all():
    assert find_time("Abstract: we study things.") is None
    assert find_time("") is None
