"""Time-zone labels, city gazetteer and offsets by date: pipeline.normalize.zones."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.zones import (
    ZoneLabel,
    city_zone,
    find_city_zone,
    find_zone_label,
    label_contradiction,
    localize,
    valid_zone,
)

D = dt.date
T = dt.time

# ---------------------------------------------------------------- labels


@pytest.mark.parametrize("text, zone, dst", [
    ("14:00 CET", "Europe/Amsterdam", False),
    ("14:00 CEST", "Europe/Amsterdam", True),
    ("16:00 (Central European Summer Time)", "Europe/Amsterdam", True),
    ("16:00 Central European Winter time", "Europe/Amsterdam", False),
    ("Central European Time", "Europe/Amsterdam", None),
    ("3pm ET", "America/New_York", None),
    ("3pm Eastern Time", "America/New_York", None),
    ("4 PM EST", "America/New_York", False),
    ("between 1pm and 2pm EDT", "America/New_York", True),
    ("10am PT", "America/Los_Angeles", None),
    ("10am Pacific Time", "America/Los_Angeles", None),
    ("11:00 CST", "America/Chicago", False),
    ("12:00 GMT", "Europe/London", False),
    ("12:00 BST", "Europe/London", True),
    ("14:00 (UTC)", "UTC", None),
    ("16:00 JST", "Asia/Tokyo", None),
    ("15:00 IST", "Asia/Kolkata", None),
    ("at 14:00 MEZ", "Europe/Berlin", False),
    ("10:00 AEST", "Australia/Sydney", False),
])
def test_named_labels(text, zone, dst):
    z = find_zone_label(text)
    assert z is not None
    assert (z.zone, z.dst, z.fixed) == (zone, dst, False)


def test_label_text_is_the_words_used():
    assert find_zone_label("16:00 (Central European Summer Time)").text == "Central European Summer Time"
    assert find_zone_label("14:00 CET, room 5").text == "CET"


def test_multi_word_label_across_a_line_break():
    z = find_zone_label("14:00 Central European\nSummer Time")
    assert (z.zone, z.dst) == ("Europe/Amsterdam", True)


@pytest.mark.parametrize("text, zone", [
    ("UTC+2", "Etc/GMT-2"),
    ("GMT-5", "Etc/GMT+5"),
    ("GMT+1", "Etc/GMT-1"),
    ("UTC + 1", "Etc/GMT-1"),
    ("UTC−3", "Etc/GMT+3"),                 # Unicode minus
    ("UTC+14", "Etc/GMT-14"),
    ("UTC-12", "Etc/GMT+12"),
    ("UTC+01:00", "Etc/GMT-1"),
    ("GMT+0", "UTC"),
    ("UTC+5:30", "Asia/Kolkata"),           # not whole hours: a zone that keeps that offset
    ("UTC+05:30", "Asia/Kolkata"),
    ("GMT+5:45", "Asia/Kathmandu"),
])
def test_written_offsets(text, zone):
    z = find_zone_label(f"Talk at 14:00 ({text})")
    assert z is not None and z.zone == zone
    assert valid_zone(z.zone)


@pytest.mark.parametrize("text", ["UTC+2:30", "UTC+15", "GMT-13"])
def test_offsets_no_zone_keeps_give_nothing(text):
    # never 'UTC' for 'UTC+2:30', never an Etc zone that does not exist
    assert find_zone_label(f"14:00 {text}") is None


def test_written_offset_is_fixed_and_never_contradicts():
    z = find_zone_label("14:00 UTC+2")
    assert z.fixed
    assert label_contradiction(z, D(2020, 12, 1), T(14)) is None


@pytest.mark.parametrize("text, zone", [
    ("UTC 12:00", "UTC"),                   # a clock time after UTC is not an offset
    ("14:00 UTC, 2020", "UTC"),
])
def test_utc_followed_by_numbers_is_not_an_offset(text, zone):
    z = find_zone_label(text)
    assert z.zone == zone and not z.fixed


@pytest.mark.parametrize("text, zone", [
    ("14:00 CEST (UTC+2)", "Europe/Amsterdam"),  # the first one written counts
    ("14:00 UTC+1 (CET)", "Etc/GMT-1"),
    ("9am-10am EST (2pm-3pm UTC)", "America/New_York"),
    ("14:00 UTC (15:00 CET)", "UTC"),
])
def test_first_label_wins(text, zone):
    assert find_zone_label(text).zone == zone


@pytest.mark.parametrize("text", ["14:00 CET/CEST", "(EST/EDT)", "GMT / BST", "CEST/CET"])
def test_standard_and_summer_pair_claims_neither(text):
    z = find_zone_label(text)
    assert z.dst is None
    assert label_contradiction(z, D(2020, 7, 1), T(14)) is None
    assert label_contradiction(z, D(2020, 12, 1), T(14)) is None


@pytest.mark.parametrize("text, zone", [
    ("14:00 (Paris time)", "Europe/Paris"),
    ("14:00 Amsterdam time", "Europe/Amsterdam"),
    ("9am New York time", "America/New_York"),
    ("17h heure de Paris", "Europe/Paris"),
    ("3pm time in Berlin", "Europe/Berlin"),
    ("10:00 Tokyo local time", "Asia/Tokyo"),
])
def test_city_time(text, zone):
    z = find_zone_label(text)
    assert (z.zone, z.dst) == (zone, None)


@pytest.mark.parametrize("text", [
    "Le séminaire est à 14h",               # French 'est' = 'is'
    "L'exposé est en anglais.",
    "Cet exposé présente",                   # French 'cet' = 'this'
    "cet après-midi à 14h",
    "Il est 14h",
    "c'est à 14h",
    "Was ist das?",
    "West lecture hall",
    "Art history seminar",
    "Sgt. Pepper",
    "et al. 2020",
    "LE SEMINAIRE EST ANNULE",             # a line of capitals: a French word
    "MATHEMATIQUES ET PHYSIQUE",
    "Talk time: 14:00",
    "Lunch time",
    "Summer time school",
    "no zone here",
])
def test_words_that_are_not_zones(text):
    assert find_zone_label(text) is None


@pytest.mark.parametrize("text, zone", [
    ("SEMINAR 15:00 CET, ROOM 5", "Europe/Amsterdam"),   # right after a clock time: a zone
    ("3PM ET", "America/New_York"),
    ("10 AM EST", "America/New_York"),
])
def test_capitals_after_a_time_are_zones(text, zone):
    assert find_zone_label(text).zone == zone


# ---------------------------------------------------------------- localize


@pytest.mark.parametrize("zone, day, expected", [
    # Europe: last Sunday of October / March
    ("Europe/Amsterdam", D(2020, 10, 24), "2020-10-24T14:00:00+02:00"),
    ("Europe/Amsterdam", D(2020, 10, 25), "2020-10-25T14:00:00+01:00"),
    ("Europe/Amsterdam", D(2020, 10, 26), "2020-10-26T14:00:00+01:00"),
    ("Europe/Amsterdam", D(2022, 3, 26), "2022-03-26T14:00:00+01:00"),
    ("Europe/Amsterdam", D(2022, 3, 27), "2022-03-27T14:00:00+02:00"),
    ("Europe/Amsterdam", D(2022, 3, 28), "2022-03-28T14:00:00+02:00"),
    ("Europe/London", D(2020, 10, 24), "2020-10-24T14:00:00+01:00"),
    ("Europe/London", D(2020, 10, 26), "2020-10-26T14:00:00+00:00"),
    ("Europe/London", D(2022, 3, 26), "2022-03-26T14:00:00+00:00"),
    ("Europe/London", D(2022, 3, 28), "2022-03-28T14:00:00+01:00"),
    # US: first Sunday of November / second Sunday of March
    ("America/New_York", D(2020, 10, 31), "2020-10-31T14:00:00-04:00"),
    ("America/New_York", D(2020, 11, 1), "2020-11-01T14:00:00-05:00"),
    ("America/New_York", D(2020, 11, 2), "2020-11-02T14:00:00-05:00"),
    ("America/New_York", D(2021, 3, 13), "2021-03-13T14:00:00-05:00"),
    ("America/New_York", D(2021, 3, 15), "2021-03-15T14:00:00-04:00"),
    # no summer time
    ("America/Phoenix", D(2020, 7, 1), "2020-07-01T14:00:00-07:00"),
    ("America/Phoenix", D(2020, 12, 1), "2020-12-01T14:00:00-07:00"),
    ("Asia/Tokyo", D(2020, 7, 1), "2020-07-01T14:00:00+09:00"),
    ("Asia/Tokyo", D(2020, 12, 1), "2020-12-01T14:00:00+09:00"),
    ("Asia/Kolkata", D(2020, 7, 1), "2020-07-01T14:00:00+05:30"),
    # southern hemisphere: summer in January
    ("Australia/Sydney", D(2021, 1, 15), "2021-01-15T14:00:00+11:00"),
    ("Australia/Sydney", D(2021, 7, 15), "2021-07-15T14:00:00+10:00"),
    # fixed offsets
    ("Etc/GMT-2", D(2020, 12, 1), "2020-12-01T14:00:00+02:00"),
    ("Etc/GMT+5", D(2020, 7, 1), "2020-07-01T14:00:00-05:00"),
    ("UTC", D(2020, 7, 1), "2020-07-01T14:00:00+00:00"),
])
def test_localize_offsets_by_date(zone, day, expected):
    assert localize(day, T(14), zone) == expected


def test_localize_without_zone_has_no_offset():
    assert localize(D(2015, 4, 27), T(12, 15), None) == "2015-04-27T12:15:00"


def test_localize_keeps_minutes():
    assert localize(D(2020, 11, 24), T(16, 50), "Europe/Amsterdam") == "2020-11-24T16:50:00+01:00"


def test_localize_ambiguous_hour_takes_the_first():
    assert localize(D(2020, 10, 25), T(2, 30), "Europe/Amsterdam") == "2020-10-25T02:30:00+02:00"


@pytest.mark.parametrize("label, zone", [
    ("CET", "Europe/Amsterdam"), ("EST", "America/New_York"), ("PT", "America/Los_Angeles"),
    ("JST", "Asia/Tokyo"), ("UTC+2", "Etc/GMT-2"), ("UTC+5:30", "Asia/Kolkata"),
])
def test_label_to_offset_end_to_end(label, zone):
    z = find_zone_label(f"14:00 {label}")
    assert z.zone == zone and valid_zone(z.zone)
    assert localize(D(2020, 11, 24), T(14), z.zone).startswith("2020-11-24T14:00:00")


# ---------------------------------------------------------------- contradictions


@pytest.mark.parametrize("text, day, real", [
    ("Central European Summer Time", D(2020, 11, 24), "CET, UTC+01:00"),
    ("CET", D(2024, 6, 11), "CEST, UTC+02:00"),
    ("EDT", D(2020, 11, 6), "EST, UTC-05:00"),
    ("EST", D(2020, 7, 6), "EDT, UTC-04:00"),
    ("BST", D(2020, 12, 1), "GMT, UTC+00:00"),
    ("CEST", D(2020, 10, 25), "CET, UTC+01:00"),     # the day summer time ends
    ("CET", D(2022, 3, 27), "CEST, UTC+02:00"),      # the day it starts
])
def test_label_contradicting_the_date_warns(text, day, real):
    w = label_contradiction(find_zone_label(text), day, T(14))
    assert w is not None
    assert text in w and day.isoformat() in w and real in w


@pytest.mark.parametrize("text, day", [
    ("CET", D(2020, 11, 24)),
    ("CEST", D(2024, 6, 11)),
    ("Central European Summer Time", D(2020, 7, 1)),
    ("Central European Winter time", D(2020, 11, 24)),
    ("EST", D(2020, 11, 6)),
    ("EDT", D(2020, 7, 6)),
    ("CET", D(2020, 10, 25)),
    ("CEST", D(2022, 3, 27)),
    ("ET", D(2020, 11, 6)),                 # regional labels claim neither
    ("ET", D(2020, 7, 6)),
    ("Central European Time", D(2020, 7, 1)),
    ("JST", D(2020, 7, 1)),
    ("UTC", D(2020, 7, 1)),
    ("(Paris time)", D(2020, 7, 1)),
])
def test_correct_labels_do_not_warn(text, day):
    assert label_contradiction(find_zone_label(text), day, T(14)) is None


def test_contradiction_without_time_uses_midday():
    z = ZoneLabel("Europe/Amsterdam", True, "CEST")
    assert label_contradiction(z, D(2020, 11, 24), None) is not None
    assert label_contradiction(z, D(2020, 7, 1), None) is None


# ---------------------------------------------------------------- cities


@pytest.mark.parametrize("text, city, zone", [
    ("Room J114, Bldg. J, School of Engineering Science, Toyonaka Campus", "Toyonaka", "Asia/Tokyo"),
    ("Indian Institute of Science, Bangalore", "Bangalore", "Asia/Kolkata"),
    ("Seminar Room, Utrecht University", "Utrecht", "Europe/Amsterdam"),
    ("Salle 314, Institut Henri Poincaré, Paris", "Paris", "Europe/Paris"),
    ("ETH Zürich, HG F 3", "Zürich", "Europe/Zurich"),
    ("Lecture Hall A, Max Planck Institute, Bonn", "Bonn", "Europe/Berlin"),
    ("Building 5, Room 3.14, University of Southampton", "Southampton", "Europe/London"),
    ("Bahen Centre, Toronto", "Toronto", "America/Toronto"),
    ("Department of Mathematics, New York University", "New York", "America/New_York"),
])
def test_city_zone_from_a_venue(text, city, zone):
    assert find_city_zone(text) == (city, zone)


@pytest.mark.parametrize("text, zone", [
    ("Room 101, MIT, Cambridge, MA", "America/New_York"),       # not Cambridge, England
    ("Centre for Mathematical Sciences, Cambridge, UK", "Europe/London"),
    ("Science Site, Durham, UK", "Europe/London"),             # a smaller town once the country is named
    ("Victoria University of Wellington, New Zealand", "Pacific/Auckland"),
    ("Purdue University, West Lafayette, IN", "America/Indiana/Indianapolis"),
    ("Physics Building, Paris, Texas", "America/Chicago"),
])
def test_country_or_state_named_in_the_venue_decides(text, zone):
    cz = find_city_zone(text)
    assert cz is not None and cz[1] == zone


@pytest.mark.parametrize("text", ["Zoom", "Online", "Room 5", "Seminar Room 2, Building C", "Lunch break"])
def test_no_city(text):
    assert find_city_zone(text) is None


def test_excluded_countries():
    assert find_city_zone("Cambridge")[1] == "Europe/London"
    assert find_city_zone("Cambridge", exclude_countries=frozenset({"GB"}))[1] != "Europe/London"


def test_city_zone_by_name():
    assert city_zone("Amsterdam") == "Europe/Amsterdam"
    assert city_zone("  tokyo ") == "Asia/Tokyo"
    assert city_zone("Nowhereville") is None


@pytest.mark.parametrize("name, ok", [
    ("Europe/Amsterdam", True), ("Etc/GMT-14", True), ("Etc/GMT-15", False),
    ("Mars/Olympus", False), ("", False),
])
def test_valid_zone(name, ok):
    assert valid_zone(name) is ok
