"""vCard 3.0 and 4.0 files (one or many cards) -> people.

Read by hand: the few properties careerdesk uses do not justify a dependency, and the
format's traps are few and well specified (RFC 6350, RFC 2426):

- Long lines are folded: a line break followed by a space or a tab continues the line.
- Text escapes ``\\,`` ``\\;`` ``\\\\`` and ``\\n``; ``N`` and ``ORG`` are lists split on
  unescaped ``;``, ``CATEGORIES`` on unescaped ``,``.
- Property names may carry a group (``item1.EMAIL``) and parameters, whose quoted values
  may hold ``:`` and ``;``.
- Old vCard 2.1 exports (still made by phones) use ``ENCODING=QUOTED-PRINTABLE`` with a
  ``CHARSET`` and ``=`` soft line breaks; those are decoded as well.

A person is: name from ``FN`` (or ``N``), title from ``TITLE``, department from the
first unit of ``ORG`` after the company (the company when there is no unit), notes
from ``NOTE`` and the e-mail addresses, tags from ``CATEGORIES``. The uid comes from
the card's ``UID``, or from its name, organisation and first e-mail when it has none.
Group cards (vCard 4.0 ``KIND:group``) are not people and are skipped.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass, field
from pathlib import Path

from careerdesk.domain import records as r
from careerdesk.interchange.careerdesk_json import Interchange
from careerdesk.interchange.foreign import (
    Owned,
    UidMaker,
    checked,
    decode,
    read_bytes,
    refuse,
    stable_uid,
    unique,
)
from careerdesk.interchange.schema import show

SOURCE = "vcard"
VERSIONS = {"2.1", "3.0", "4.0"}

OWNED = Owned({"people": frozenset({"name", "title", "department"})})

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPE = re.compile(r"\\(.)", re.S)
_ESCAPED = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":"}


@dataclass
class Property:
    line: int
    name: str
    params: dict[str, list[str]]
    raw: str

    def text(self) -> str:
        return unescape(self.raw)

    def parts(self, separator: str) -> list[str]:
        return [unescape(p) for p in split_unescaped(self.raw, separator)]


@dataclass
class Card:
    line: int
    properties: list[Property] = field(default_factory=list)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> Property | None:
        found = self.all(name)
        return found[0] if found else None


def read(path: Path) -> Interchange:
    text = decode(read_bytes(path), path)
    cards = parse(text, path)
    if not cards:
        raise refuse(path, "", "no BEGIN:VCARD in this file; is it a vCard file?")
    uid_for = UidMaker(f"{SOURCE}-content")
    people: dict[str, r.Person] = {}
    for card in cards:
        kind = card.first("KIND")
        if kind is not None and kind.text().strip().casefold() in {"group", "location"}:
            continue
        person = _person(card, path, uid_for)
        checked(person, path, f"line {card.line}")
        people.setdefault(person.uid, person)
    return Interchange(sections={"people": list(people.values())})


def _person(card: Card, path: Path, uid_for: UidMaker) -> r.Person:
    name = _name(card)
    if not name:
        raise refuse(path, f"line {card.line}: FN", "a card needs a name (FN or N)")
    org_prop = card.first("ORG")
    org = [x.strip() for x in org_prop.parts(";")] if org_prop else []
    units = [x for x in org[1:] if x]
    department = units[0] if units else (org[0] if org and org[0] else None)
    title_prop = card.first("TITLE")
    emails = unique(p.text() for p in card.all("EMAIL"))
    notes = [p.text().strip() for p in card.all("NOTE")]
    if emails:
        notes.append("E-mail: " + ", ".join(emails))
    tags = unique(t for p in card.all("CATEGORIES") for t in p.parts(","))
    uid_prop = card.first("UID")
    own_id = uid_prop.text().strip() if uid_prop else ""
    uid = stable_uid(SOURCE, own_id) if own_id else uid_for(
        name.casefold(), ";".join(org).casefold(), emails[0].casefold() if emails else "")
    return r.Person(uid=uid, name=name,
                    title=(title_prop.text().strip() or None) if title_prop else None,
                    department=department, notes="\n\n".join(n for n in notes if n) or None,
                    tags=tags)


def _name(card: Card) -> str:
    formatted = card.first("FN")
    if formatted is not None and formatted.text().strip():
        return " ".join(formatted.text().split())
    structured = card.first("N")
    if structured is None:
        return ""
    # N is family; given; additional; prefixes; suffixes, each possibly a comma list.
    parts = [*structured.parts(";"), "", "", ""][:3]
    family, given, additional = (p.replace(",", " ") for p in parts)
    return " ".join(" ".join((given, additional, family)).split())


# ---------------------------------------------------------------- the file's grammar


def parse(text: str, path: Path | str) -> list[Card]:
    """The cards of a file; nested cards (2.1's AGENT) are stepped over."""
    cards: list[Card] = []
    card: Card | None = None
    nested = 0
    for line_number, line in logical_lines(text):
        if not line.strip():
            continue
        prop = parse_line(line, line_number, path)
        value = prop.raw.strip().upper()
        if prop.name == "BEGIN" and value == "VCARD":
            if card is None:
                card = Card(line_number)
            else:
                nested += 1
        elif prop.name == "END" and value == "VCARD":
            if card is None:
                raise refuse(path, f"line {line_number}", "END:VCARD without a BEGIN:VCARD")
            if nested:
                nested -= 1
            else:
                _check_version(card, path)
                cards.append(card)
                card = None
        elif card is None:
            raise refuse(path, f"line {line_number}",
                         f"expected BEGIN:VCARD, got {show(line[:40])}")
        elif not nested:
            card.properties.append(prop)
    if card is not None:
        raise refuse(path, f"line {card.line}", "this card has no END:VCARD")
    return cards


def _check_version(card: Card, path: Path | str) -> None:
    version = card.first("VERSION")
    if version is not None and version.raw.strip() not in VERSIONS:
        raise refuse(path, f"line {version.line}: VERSION",
                     f"expected 3.0 or 4.0, got {show(version.raw.strip())}")


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of the physical line each starts on."""
    out: list[tuple[int, str]] = []
    soft_break = False
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if out and (soft_break or (line[:1] in (" ", "\t") and out[-1][1].strip())):
            start, previous = out[-1]
            if soft_break:  # quoted-printable: "=" at the end joins the next line as it is
                out[-1] = (start, previous[:-1] + line)
            else:
                out[-1] = (start, previous + line[1:])
        else:
            out.append((number, line))
        current = out[-1][1]
        soft_break = current.endswith("=") and _is_quoted_printable(current)
    return out


def _is_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def parse_line(line: str, number: int, path: Path | str) -> Property:
    """``item1.EMAIL;TYPE="work,pref":x@y`` -> EMAIL, {TYPE: [work, pref]}, ``x@y``."""
    colon = _unquoted_index(line, ":")
    if colon < 0:
        raise refuse(path, f"line {number}", f"expected NAME:value, got {show(line[:40])}")
    head, raw = line[:colon], line[colon + 1:]
    pieces = split_unquoted(head, ";")
    name = pieces[0].rsplit(".", 1)[-1].strip().upper()
    if not name:
        raise refuse(path, f"line {number}", f"a property without a name: {show(line[:40])}")
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, equals, value = piece.partition("=")
        if not equals:  # vCard 2.1's bare parameters: "TEL;WORK;VOICE:"
            key, value = "TYPE", piece
        values = [v.strip().strip('"') for v in split_unquoted(value, ",")]
        params.setdefault(key.strip().upper(), []).extend(values)
    encoding = [v.upper() for v in params.get("ENCODING", [])]
    if "QUOTED-PRINTABLE" in encoding:
        raw = _decode_quoted_printable(raw, params.get("CHARSET", ["utf-8"])[0], path,
                                       f"line {number}: {name}")
    return Property(number, name, params, raw)


def _decode_quoted_printable(raw: str, charset: str, path: Path | str, where: str) -> str:
    try:
        codecs.lookup(charset)
    except LookupError:
        raise refuse(path, where, f"unknown CHARSET {show(charset)}") from None
    data = quopri.decodestring(raw.encode("utf-8"))
    try:
        return data.decode(charset)
    except UnicodeDecodeError:
        raise refuse(path, where, f"the text is not valid {charset}") from None


def _unquoted_index(text: str, char: str) -> int:
    quoted = False
    for i, c in enumerate(text):
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            return i
    return -1


def split_unquoted(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    while (i := _unquoted_index(text, separator)) >= 0:
        parts.append(text[:i])
        text = text[i + 1:]
    parts.append(text)
    return parts


def split_unescaped(text: str, separator: str) -> list[str]:
    """Splits on ``separator`` unless a backslash escapes it; escapes stay for ``unescape``."""
    parts, current, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if c == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(0)), text)
