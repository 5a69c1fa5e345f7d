"""Plain-text announcements and e-mails.

Plain text keeps its line structure: blank lines separate blocks, `#` lines are headings,
bullets are list items. Markdown-looking text goes through the Markdown reader instead (the
sniffer decides). E-mails are read with the standard `email` package: the text/plain part
is preferred, the HTML part is the fallback, declared charsets and quoted-printable are
decoded, and quoted forwards (`> `) are unquoted because announcements are often forwarded.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from pipeline.document import Block, Document
from pipeline.normalize.text import decode_bytes, repair
from pipeline.readers import ReaderError
from pipeline.readers.htmlblocks import html_to_blocks

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*([-*•◦▪]|\d{1,2}[.)])\s+(.*)$")


def text_to_blocks(text: str) -> list[Block]:
    """Split plain text into blocks at blank lines, headings and bullets."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block(kind="paragraph", text="\n".join(para)))
            para.clear()

    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        h = _HEADING.match(line.strip())
        if h:
            flush()
            blocks.append(Block(kind="heading", text=h.group(2).replace("**", ""), level=len(h.group(1))))
            continue
        if re.fullmatch(r"\s*([-=_*~#])\1{3,}\s*", line):
            flush()
            blocks.append(Block(kind="rule"))
            continue
        b = _BULLET.match(line)
        if b and not re.match(r"^\s*\d{1,2}[.)]\s+\d", line):
            flush()
            blocks.append(Block(kind="item", text=b.group(2).strip(), level=1))
            continue
        para.append(line.strip())
    flush()
    return blocks


def read_text(text: str) -> Document:
    """Read an already decoded plain-text announcement."""
    return Document(blocks=text_to_blocks(repair(text)))


def _unquote(text: str) -> str:
    return re.sub(r"(?m)^(?:\s?>)+ ?", "", text)


def _part_text(part: EmailMessage) -> tuple[str, list[str]]:
    payload = part.get_payload(decode=True) or b""
    return decode_bytes(payload, part.get_content_charset())


def read_email(data: bytes) -> Document:
    """Read an RFC 822 message: headers to metadata, the best body part to blocks."""
    try:
        return _read_email(data)
    except RecursionError:
        # the email package parses and walks nested MIME parts recursively
        raise ReaderError("e-mail parts are nested too deeply to read") from None


def _read_email(data: bytes) -> Document:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    meta = {k.lower(): str(v) for k, v in (("subject", msg.get("subject")), ("from", msg.get("from")),
                                           ("date", msg.get("date")), ("to", msg.get("to")))
            if v is not None}
    warnings: list[str] = []
    plain = html = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = part
        elif ctype == "text/html" and html is None:
            html = part
    blocks: list[Block] = []
    if plain is not None:
        text, warnings = _part_text(plain)
        blocks = text_to_blocks(repair(_unquote(text)))
    if not blocks and html is not None:
        # no text/plain part, or an empty one: the HTML part carries the message
        text, warnings = _part_text(html)
        blocks = html_to_blocks(repair(text))
    doc = Document(blocks=blocks, meta={"email": meta}, warnings=warnings)
    return doc
