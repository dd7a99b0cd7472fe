"""LinkedIn's data export (zip, folder or one CSV) -> positions, experiences, skills, people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careerdesk.domain import records as r
from careerdesk.domain.enums import ExperienceKind
from careerdesk.domain.errors import FileRefused
from careerdesk.interchange import linkedin
from tests.interchange import samples
from tests.interchange.conftest import Sources


def test_positions_become_position_records_without_pay(sources: Sources) -> None:
    data = linkedin.read(sources.linkedin_zip)
    positions = {p.title: p for p in data.sections["compensation"]}
    assert set(positions) == {"Senior Data Analyst", "Data Analyst", "Junior Analyst"}
    current = positions["Senior Data Analyst"]
    assert current.date == date(2024, 1, 1)  # "Jan 2024"
    assert current.base is None and current.currency is None
    assert current.note == ("Northwind Logistics · Chicago, Illinois, United States\n\n"
                            "Own the finance analytics roadmap, forecasting\nand the variance pack.")


def test_earlier_roles_at_the_current_company_become_experiences(sources: Sources) -> None:
    (experience,) = linkedin.read(sources.linkedin_zip).sections["experiences"]
    assert isinstance(experience, r.Experience)
    assert experience.title == "Data Analyst"
    assert experience.kind == ExperienceKind.OTHER
    assert (experience.start, experience.end) == (date(2022, 3, 1), date(2023, 12, 31))
    assert experience.outcome == "Built the monthly variance pack."


def test_skills_once_each(sources: Sources) -> None:
    skills = linkedin.read(sources.linkedin_zip).sections["skills"]
    assert [s.name for s in skills] == ["SQL", "Forecasting", "Stakeholder Management"]


def test_connections_after_the_notes_preamble_become_people(sources: Sources) -> None:
    people = {p.name: p for p in linkedin.read(sources.linkedin_zip).sections["people"]}
    assert set(people) == {"Daniel Okafor", "Sofía Núñez"}  # the nameless row is skipped
    daniel = people["Daniel Okafor"]
    assert daniel.title == "Manager, Finance Analytics"  # a quoted field with a comma
    assert daniel.department == "Northwind Logistics"
    assert daniel.tags == ["linkedin"]
    assert daniel.notes == ("LinkedIn: https://www.linkedin.com/in/danielokafor\n"
                            "Connected on LinkedIn on 2020-03-12.")
    assert "E-mail: sofia@example.org" in (people["Sofía Núñez"].notes or "")


def test_profile_name_and_current_employer(sources: Sources) -> None:
    profile = linkedin.read(sources.linkedin_zip).profile
    assert (profile.name, profile.employer) == ("Priya Raman", "Northwind Logistics")


def test_the_folder_and_the_zip_read_the_same(sources: Sources) -> None:
    from_zip = linkedin.read(sources.linkedin_zip)
    from_folder = linkedin.read(sources.linkedin_folder)
    assert from_zip.sections == from_folder.sections


def test_missing_files_are_skipped(sources: Sources) -> None:
    (sources.linkedin_folder / "Positions.csv").unlink()
    (sources.linkedin_folder / "Profile.csv").unlink()
    data = linkedin.read(sources.linkedin_folder)
    assert "compensation" not in data.sections and data.profile.name is None
    assert len(data.sections["people"]) == 2


def test_one_csv_file_alone(sources: Sources) -> None:
    data = linkedin.read(sources.linkedin_folder / "Skills.csv")
    assert list(data.sections) == ["skills"]


def test_uids_are_stable(sources: Sources) -> None:
    def uids(path: Path) -> list[str]:
        data = linkedin.read(path)
        return [x.uid for s in ("compensation", "experiences", "people") for x in data.sections[s]]

    assert uids(sources.linkedin_zip) == uids(sources.linkedin_folder)


def _broken(sources: Sources, name: str, text: str) -> Path:
    folder = sources.linkedin_folder
    (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def test_a_bad_connection_date_names_file_line_and_column(sources: Sources) -> None:
    folder = _broken(sources, "Connections.csv",
                     samples.CONNECTIONS.replace("03 Jan 2023", "yesterday"))
    with pytest.raises(FileRefused) as refused:
        linkedin.read(folder)
    assert str(refused.value) == (f"{folder}: Connections.csv line 6: Connected On: "
                                  'expected a date like 12 Mar 2020, got "yesterday"')


def test_a_bad_start_month_in_the_zip(sources: Sources, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Positions.csv", samples.POSITIONS.replace("Mar 2022", "March '22"))
    with pytest.raises(FileRefused) as refused:
        linkedin.read(path)
    # Line 4: the description on line 2 holds a line break inside its quotes.
    assert str(refused.value) == (f"{path}: Positions.csv line 4: Started On: "
                                  "expected a month like Mar 2020, got \"March '22\"")


def test_a_role_that_ends_before_it_starts(sources: Sources) -> None:
    folder = _broken(sources, "Positions.csv", samples.POSITIONS.replace("Dec 2023", "Dec 2021"))
    with pytest.raises(FileRefused, match=r"Positions.csv line 4: Finished On: \"Dec 2021\" is "
                                          r"before Started On \"Mar 2022\""):
        linkedin.read(folder)


def test_a_file_without_its_columns(sources: Sources) -> None:
    folder = _broken(sources, "Skills.csv", "Skill\r\nSQL\r\n")
    with pytest.raises(FileRefused, match=r"Skills\.csv: no header line starting with 'Name'"):
        linkedin.read(folder)
    folder = _broken(sources, "Skills.csv", "Name\r\nSQL\r\n")
    _broken(sources, "Connections.csv", "First Name,Surname\r\nA,B\r\n")
    with pytest.raises(FileRefused, match=r"Connections\.csv line 1: no 'Last Name' column"):
        linkedin.read(folder)


def test_a_folder_with_nothing_of_linkedin(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="no LinkedIn export files"):
        linkedin.read(tmp_path)


@pytest.mark.parametrize(("text", "start"), [
    ("Sep 2019", date(2019, 9, 1)), ("September 2019", date(2019, 9, 1)),
    ("2019", date(2019, 1, 1)), ("2019-09", date(2019, 9, 1)),
])
def test_start_month_spellings(sources: Sources, text: str, start: date) -> None:
    folder = _broken(sources, "Positions.csv",
                     f"Company Name,Title,Started On,Finished On\nContoso,Analyst,{text},\n")
    (position,) = linkedin.read(folder).sections["compensation"]
    assert position.date == start
