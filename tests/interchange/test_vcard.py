"""vCard 3.0 and 4.0 -> people."""

from __future__ import annotations

import pytest

from careerdesk.domain import records as r
from careerdesk.domain.errors import FileRefused
from careerdesk.interchange import vcard
from tests.interchange import samples
from tests.interchange.conftest import Sources


def _people(path: object) -> dict[str, r.Person]:
    return {p.name: p for p in vcard.read(path).sections["people"]}  # type: ignore[arg-type]


def test_vcard_3_with_folded_lines_escapes_and_accents(sources: Sources) -> None:
    people = _people(sources.vcard3)
    helene = people["Hélène Lefèvre"]
    assert helene.title == "Director, FP&A"
    # ORG's first unit after the company, its escaped comma read as a comma.
    assert helene.department == "Finance, Planning & Analysis"
    assert helene.notes == ("Met at the budget kickoff; wants the variance pack earlier.\n"
                            "Ask about the FP&A rotation, and the Lyon offsite.\n\n"
                            "E-mail: helene@example.com")
    assert helene.tags == ["Finance", "Decision makers"]


def test_name_from_n_when_fn_is_empty_and_company_as_department(sources: Sources) -> None:
    kenji = _people(sources.vcard3)["Kenji Ito"]
    assert kenji.department == "Contoso"
    assert kenji.title is None and kenji.notes is None


def test_vcard_4_and_its_group_card(sources: Sources) -> None:
    people = _people(sources.vcard4)
    assert list(people) == ["Aisha Bello"]  # KIND:group is not a person
    aisha = people["Aisha Bello"]
    assert aisha.department == "Product Analytics"
    assert aisha.title == "Staff Data Scientist"
    assert aisha.notes == ("Mentor since the rotation. Likes written agendas, short meetings.\n\n"
                           "E-mail: aisha@northwind.example, aisha.b@example.net")
    assert aisha.tags == ["mentors", "product"]


def test_quoted_printable_from_an_old_phone(sources: Sources) -> None:
    assert list(_people(sources.vcard21)) == ["Jörg Müller"]


def test_uids_from_uid_or_from_the_content(sources: Sources) -> None:
    first = [p.uid for p in vcard.read(sources.vcard3).sections["people"]]
    again = [p.uid for p in vcard.read(sources.vcard3).sections["people"]]
    assert first == again and len(set(first)) == 2
    # The same UID in another file is the same person.
    moved = sources.write("moved.vcf", samples.VCARD_3.replace("TITLE:Director\\, FP&A",
                                                               "TITLE:VP Finance"))
    assert vcard.read(moved).sections["people"][0].uid == first[0]


def test_logical_lines_unfold_with_space_or_tab() -> None:
    lines = vcard.logical_lines("BEGIN:VCARD\r\nNOTE:a\r\n b\r\n\tc\r\nEND:VCARD")
    assert lines == [(1, "BEGIN:VCARD"), (2, "NOTE:abc"), (5, "END:VCARD")]


def test_parameters_with_quoted_colons_and_groups() -> None:
    prop = vcard.parse_line('item2.EMAIL;TYPE=work,pref;LABEL="a:b;c":x@y.z', 3, "f.vcf")
    assert (prop.name, prop.params["TYPE"], prop.params["LABEL"], prop.raw) == (
        "EMAIL", ["work", "pref"], ["a:b;c"], "x@y.z")


def test_structured_values_split_on_unescaped_separators() -> None:
    prop = vcard.parse_line(r"ORG:ACME\; Sons;R\,D;", 1, "f.vcf")
    assert prop.parts(";") == ["ACME; Sons", "R,D", ""]


@pytest.mark.parametrize(("text", "message"), [
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n", "line 1: this card has no END:VCARD"),
    ("FN:A\r\n", 'line 1: expected BEGIN:VCARD, got "FN:A"'),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nORG:X\r\nEND:VCARD\r\n",
     "line 1: FN: a card needs a name (FN or N)"),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nthis line has no colon\r\nEND:VCARD\r\n",
     'line 4: expected NAME:value, got "this line has no colon"'),
    ("BEGIN:VCARD\r\nVERSION:5.0\r\nFN:A\r\nEND:VCARD\r\n",
     'line 2: VERSION: expected 3.0 or 4.0, got "5.0"'),
    ("END:VCARD\r\n", "line 1: END:VCARD without a BEGIN:VCARD"),
])
def test_broken_cards_are_refused_naming_the_line(sources: Sources, text: str, message: str) -> None:
    path = sources.write("broken.vcf", text)
    with pytest.raises(FileRefused) as refused:
        vcard.read(path)
    assert str(refused.value) == f"{path}: {message}"


def test_not_utf8_is_refused(sources: Sources) -> None:
    path = sources.folder / "latin1.vcf"
    path.write_bytes("BEGIN:VCARD\r\nFN:Jörg\r\nEND:VCARD\r\n".encode("latin-1"))
    with pytest.raises(FileRefused, match="not UTF-8 text"):
        vcard.read(path)
