"""Rendered web pages: chrome left out, talks found in paragraphs and tables, page-level facts.

Every page is written here; the assertions are on the talk records.
"""

from __future__ import annotations

import datetime as dt

from pipeline.extract import extract
from pipeline.readers import read


def talks_of(html: str) -> list[dict]:
    talks, _ = extract(read(html.encode(), "html"))
    return talks


def page(body: str, title: str = "Seminar") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
            "<style>td { color: red }</style><script>var x = 'Title: not a talk';</script></head><body>"
            "<nav><a href='/'>Home</a> <a href='/past'>Past talks</a></nav>"
            f"<main>{body}</main><footer>© 2026 Some Lab · Imprint</footer></body></html>")


PARAGRAPH_TALKS = page("""
<h1>Next seminars</h1>
<p>Thurs. March 25th, 2021, 16h00-17h00 (Paris time), room online (<a href="https://meet.example/1">link here</a>).<br>
<a href="https://example.org/uhler">Caroline Uhler</a> (MIT)<br>
<strong>Title:</strong> Causality and Autoencoders<br>
<strong>Abstract:</strong> Massive data collection holds the promise of a better understanding.</p>
<p>Thurs. April 29th, 2021, 16h00-17h00 (Paris time), room TBA.<br>
<a href="https://example.org/carleo">Giuseppe Carleo</a> (EPFL)<br>
<strong>Title:</strong> TBA<br><strong>Abstract:</strong> TBA</p>
""", title="Data Science Colloquium - Some Data Science Chair")


def test_date_and_speaker_lines_before_the_title_label_belong_to_that_talk() -> None:
    talks = talks_of(PARAGRAPH_TALKS)
    assert len(talks) == 2
    one, two = sorted(talks, key=lambda t: t["date"])
    assert one["title"] == "Causality and Autoencoders"
    assert [(p.name, p.affiliations) for p in one["speakers"]] == [("Caroline Uhler", ["MIT"])]
    assert one["start"] == "2021-03-25T16:00:00+01:00"  # still winter time in Paris on 25 March
    assert two["start"] == "2021-04-29T16:00:00+02:00"
    assert one["abstract"] == "Massive data collection holds the promise of a better understanding."
    assert two["title"] is None and two["abstract"] is None  # 'TBA' is no value
    assert [p.name for p in two["speakers"]] == ["Giuseppe Carleo"]
    assert one["series"] == two["series"] == "Data Science Colloquium"  # from the page's <title>
    assert not any("carleo" in lk.url for lk in one["links"])  # the next talk's links stay with it


TABLE = page("""
<p>We host a weekly seminar on theoretical aspects of quantum science.</p>
<details><summary>Spring 2026</summary><table>
<thead><tr><th>Date</th><th>Time</th><th>Place</th><th>Speaker</th><th>Title</th></tr></thead>
<tbody>
<tr><td>Apr. 28, 2026</td><td>2:00 PM</td><td>Goel 132</td>
    <td><a href="https://example.org/tan">Jake Tan</a> <span class="aff">University of Cambridge</span></td>
    <td>1 Qubit</td></tr>
<tr><td>Mar. 10, 2026</td><td>2:00 PM</td><td>Online</td>
    <td><a href="https://example.org/chen">Chi-Fang (Anthony) Chen</a> <span>UC Berkeley</span></td><td>-</td></tr>
</tbody></table></details>
<details><summary>Fall 2024</summary><table><tr><th>Date</th><th>Speaker</th></tr>
<tr><td colspan="2">Seminar schedule coming soon.</td></tr></table></details>
""", title="Seminar | Harvard Quantum Lab")


def test_table_rows_speaker_cell_and_host_institution_zone() -> None:
    talks = sorted(talks_of(TABLE), key=lambda t: t["date"])
    assert [t["date"] for t in talks] == [dt.date(2026, 3, 10), dt.date(2026, 4, 28)]
    chen, tan = talks
    assert [(p.name, p.affiliations) for p in tan["speakers"]] == [("Jake Tan", ["University of Cambridge"])]
    assert chen["speakers"][0].name == "Chi-Fang (Anthony) Chen" and chen["title"] is None
    # the page is Harvard's (its <title>); the speaker's Cambridge, UK is not the venue
    assert tan["timezone"] == "America/New_York" and tan["start"] == "2026-04-28T14:00:00-04:00"
    assert chen["start"] == "2026-03-10T14:00:00-04:00"  # daylight time began on 8 March 2026
    assert any("host institution" in w for w in tan["warnings"])
    assert (tan["location"], chen["location"]) == ("Goel 132", "Online")


def test_chrome_is_left_out() -> None:
    doc = read(PARAGRAPH_TALKS.encode(), "html")
    text = doc.text()
    assert "Home" not in text and "Imprint" not in text and "not a talk" not in text and "color" not in text


JSON_LD = page("""
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "Colloquium"},
  {"@type": "EducationEvent", "name": "Sheaves for Working Topologists",
   "startDate": "2024-04-11T14:15:00+02:00", "endDate": "2024-04-11T15:15:00+02:00",
   "location": {"@type": "Place", "name": "Room HG G 3",
                "address": {"@type": "PostalAddress", "addressLocality": "Zurich", "addressCountry": "CH"}},
   "performer": {"@type": "Person", "name": "Prof. John Smith",
                 "affiliation": {"@type": "Organization", "name": "ETH Zurich"}},
   "description": "We explain sheaves.", "url": "/talks/sheaves",
   "superEvent": {"@type": "EventSeries", "name": "Topology Colloquium"}}]}
</script>
<h1>Colloquium</h1><p>Title: Something else entirely<br>Speaker: Jane Roe<br>Date: 1 May 2024</p>
""")


def test_json_ld_event_yields_exactly_what_it_declares() -> None:
    doc = read(JSON_LD.encode(), "html", origin={"final_url": "https://math.example.org/colloquium/"})
    [t], _ = extract(doc)
    assert t["title"] == "Sheaves for Working Topologists"
    assert [(p.name, p.honorific, p.affiliations) for p in t["speakers"]] == [("John Smith", "Prof.", ["ETH Zurich"])]
    assert (t["date"], t["start"], t["end"]) == (dt.date(2024, 4, 11), "2024-04-11T14:15:00+02:00",
                                                 "2024-04-11T15:15:00+02:00")
    assert t["timezone"] == "Europe/Zurich"  # the declared place, and its offset agrees
    assert t["location"] == "Room HG G 3" and t["series"] == "Topology Colloquium"
    assert t["abstract"] == "We explain sheaves."
    assert [lk.url for lk in t["links"]] == ["https://math.example.org/talks/sheaves"]  # made absolute


MICRODATA = page("""
<div itemscope itemtype="https://schema.org/Event">
  <h2 itemprop="name">Quantum Games</h2>
  <time itemprop="startDate" datetime="2024-03-08T14:15:00+01:00">8 March, 14:15</time>
  <span itemprop="performer" itemscope itemtype="https://schema.org/Person">
    <span itemprop="name">Maria Garcia</span></span>
  <span itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="name">Room 101</span></span>
</div>
""")


def test_microdata_event() -> None:
    [t] = talks_of(MICRODATA)
    assert (t["title"], t["start"], t["location"]) == ("Quantum Games", "2024-03-08T14:15:00+01:00", "Room 101")
    assert [p.name for p in t["speakers"]] == ["Maria Garcia"]
    assert t["timezone"] is None  # no city declared: the offset stays, no zone is invented


def test_fetch_record_gives_base_url_and_charset(tmp_path) -> None:
    from conftest import read_jsonl, run_ingest

    html = page("<p>Title: Entropy of random walks<br>Speaker: Jane Doe<br>Date: 5 March 2024, 16:00<br>"
                "<a href='slides/entropy.pdf'>Slides</a></p><p>Café in the lobby</p>")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_bytes(html.replace("charset='utf-8'", "").encode("cp1252"))
    (raw / "page.html.fetch.json").write_text(
        '{"url": "https://example.org/sem/", "final_url": "https://example.org/sem/index.html", '
        '"charset": "windows-1252", "status": 200}', "utf-8")
    assert run_ingest(raw, "--out", tmp_path / "out", "--quiet") == 0
    [t] = read_jsonl(tmp_path / "out" / "talks.jsonl")
    assert [lk["url"] for lk in t["links"]] == ["https://example.org/sem/slides/entropy.pdf"]
    sources = read_jsonl(tmp_path / "out" / "sources.jsonl")
    assert [s["path"] for s in sources] == ["page.html"]  # the sidecar is not a source


def test_organiser_list_gives_hosts() -> None:
    html = page("<p>The colloquium is organized by:</p><ul><li>Giulio Biroli (ENS): director ;</li>"
                "<li>Stéphane Mallat (Collège de France) ;</li><li>Gabriel Peyré (CNRS and ENS).</li></ul>"
                "<p>Title: Sheaves<br>Speaker: Jane Doe (MIT)<br>Date: 5 March 2024</p>")
    [t] = talks_of(html)
    assert t["hosts"] == ["Giulio Biroli", "Stéphane Mallat", "Gabriel Peyré"]
    assert [p.name for p in t["speakers"]] == ["Jane Doe"]


def test_declared_event_with_junk_values_gives_no_invented_record() -> None:
    html = page('<script type="application/ld+json">{"@type": "Event", "startDate": "not a date", '
                '"performer": [null, 5, {"name": ""}], "location": []}</script>'
                '<script type="application/ld+json">{"@type": "Event", "name": </script>')
    assert talks_of(html) == []
