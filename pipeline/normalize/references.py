"""References and links: DOI, arXiv id, year and title of a cited work; link kinds.

A link labelled with a journal or pointing at a DOI/arXiv/publisher page counts as a
reference; a recording or slide link is a talk link of the matching kind.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

from pipeline.models import Link, Reference
from pipeline.normalize.text import clean_inline

DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>\]]+)", re.I)
ARXIV = re.compile(r"(?:arxiv\s*[:.]?\s*|arxiv\.org/(?:abs|pdf)/)"
                   r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.I)
YEAR = re.compile(r"(?<![\d.:/])((?:19|20)\d{2})(?!\d|\.\d)")
QUOTED_TITLE = re.compile(r"[\"“”„«]\s*(.{8,}?)\s*[\"”“»]")
PAPER_HOSTS = re.compile(r"(doi\.org|arxiv\.org|pubs\.acs\.org|aip\.scitation\.org|journals\.aps\.org|nature\.com|"
                         r"science\.org|sciencedirect\.com|springer\.com|wiley\.com|ieeexplore|acm\.org|"
                         r"openreview\.net|proceedings\.|pnas\.org|biorxiv\.org|chemrxiv|iopscience|tandfonline|"
                         r"academic\.oup\.com|jstor\.org|ssrn\.com|papers\.nips\.cc|mlr\.press|aclanthology)", re.I)
JOURNAL_WORDS = re.compile(r"\b(journal|review|letters|proceedings|transactions|nature|science|physical|chemistry|"
                           r"arxiv|preprint|conference|annals|acta|bulletin|paper|article)\b", re.I)
VIDEO = re.compile(r"(youtube\.com|youtu\.be|vimeo\.com|drive\.google\.com/file|bilibili|video|recording|"
                   r"watch|mediasite|panopto|\.mp4\b)", re.I)
SLIDES = re.compile(r"(slides?|speakerdeck|slideshare|\.pptx?\b|/slides|docs\.google\.com/presentation)", re.I)
REGISTRATION = re.compile(r"(regist|rsvp|eventbrite|signup|sign-up|zoom\.us|teams\.microsoft|meet\.google|webex|"
                          r"gotomeet|bigbluebutton|jitsi)", re.I)


_REF_SIGNS = re.compile(r"\bet al\b|\bdoi\b|arxiv|\(\s*(?:19|20)\d{2}\s*\)|"
                        r"\b(?:J\.|Journal|Phys\.?|Rev\.?|Lett\.?|Proc\.?|"
                        r"Proceedings|Trans\.|ICLR|ICML|NeurIPS|NIPS|AAAI|IJCAI|CVPR|ICCV|ECCV|ACL|EMNLP|Nature|Science|"
                        r"Chem\.?|preprint|vol\.|pp\.)\b", re.I)


def looks_like_reference(text: str) -> bool:
    """A cited work: authors 'et al.', a DOI/arXiv id, a year with a venue, a journal abbreviation."""
    return bool(_REF_SIGNS.search(text) and YEAR.search(text)) or bool(DOI.search(text) or ARXIV.search(text))


def _strip_trailing(s: str) -> str:
    s = s.rstrip(".,;:)]}>'\"")
    return s


_LATEX_ESCAPE = re.compile(r"\\([_&%#$])")


def parse_reference(text: str, url: str | None = None) -> Reference | None:
    """A Reference from its written form (and an optional link target)."""
    t = clean_inline(text)
    if not t:
        return None
    t = re.sub(r"^\[\d+\]\s*|^\d{1,2}[.)]\s+", "", t)
    t = _LATEX_ESCAPE.sub(r"\1", t)  # '10.1007/978-3-030-99524-9\_24' as LaTeX typeset it
    if not t:
        return None  # a bare entry number ('[1]') cites nothing
    url = _LATEX_ESCAPE.sub(r"\1", url) if url else url
    both = t + " " + (url or "")
    doi = DOI.search(both)
    arx = ARXIV.search(both)
    years = [int(y) for y in YEAR.findall(t)]
    title = None
    q = QUOTED_TITLE.search(t)
    if q:
        title = q.group(1).strip().rstrip(".,")
    return Reference(
        text=t,
        title=title,
        year=years[-1] if years else None,
        doi=_strip_trailing(doi.group(1)) if doi else None,
        arxiv=arx.group(1) if arx else None,
        url=url,
    )


def is_paper_link(url: str, label: str | None) -> bool:
    """A link to a paper: a DOI/arXiv/publisher URL, or a label naming a journal."""
    return bool(PAPER_HOSTS.search(url) or DOI.search(url) or (label and JOURNAL_WORDS.search(label)))


def link_kind(url: str, label: str | None) -> str:
    """video / slides / paper / registration / other, from the label and the URL."""
    lab = label or ""
    if VIDEO.search(lab) or re.search(r"youtube|youtu\.be|vimeo|watch|zoom\.us/rec/", url, re.I):
        return "video"
    if SLIDES.search(lab) or SLIDES.search(url):  # the whole URL: its host and path, never parsed (it may not parse)
        return "slides"
    if is_paper_link(url, label):
        return "paper"
    if REGISTRATION.search(url) or REGISTRATION.search(lab):
        return "registration"
    if re.search(r"drive\.google\.com/file", url):
        return "video"
    return "other"


def absolute_url(href: str, base: str | None) -> str | None:
    """An absolute http(s) URL, or None when `href` is relative and no base is known.

    The result always makes a valid `Link`: the scheme in lower case, blanks percent-encoded,
    a host present. A URL that cannot be parsed (`http://[::1`), a relative base and any other
    scheme give None.
    """
    href = href.strip().strip("<>")
    if not href or href.startswith("#"):
        return None
    if re.match(r"^https?://", href, re.I):
        url = href
    elif re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
        return None  # mailto:, tel:, javascript:, ...
    elif href.startswith("//"):
        url = "https:" + href
    elif base:
        try:
            url = urljoin(base, href)
        except ValueError:  # a base that does not parse ('http://[')
            return None
    else:
        return None
    return _http_url(url)


_BLANK = re.compile(r"\s")
_HTTP = re.compile(r"^(https?)://", re.I)


def _http_url(url: str) -> str | None:
    """`url` as a valid absolute http(s) URL (lower-case scheme, blanks escaped), or None."""
    m = _HTTP.match(url)
    if not m:
        return None
    url = m.group(1).lower() + _BLANK.sub(lambda b: quote(b.group(0)), url[len(m.group(1)):])
    try:
        if not urlsplit(url).netloc:
            return None  # 'http:///x': no host
    except ValueError:  # 'http://[::1': not a URL
        return None
    return url


def make_link(url: str, label: str | None) -> Link:
    """A talk link; `url` must be absolute http(s) (from `absolute_url`), else pydantic raises a ValueError."""
    return Link(url=url, label=clean_inline(label), kind=link_kind(url, label))
