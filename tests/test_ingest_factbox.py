"""Cleaning keeps the short lines of a fact box that carry names, and still drops buttons."""

from __future__ import annotations

from linkchart.ingest.clean import clean_text

LEAD = "Ann Varo (born 1971) is a Ruritanian militant who led a cell in the port city until her arrest.\n"


def test_a_value_continued_on_the_last_line_is_kept() -> None:
    text = LEAD + "\nMembers\nNorth: Tom Grell\nSouth: Pia Lund, Olaf Brenn\nEero Salm\n"
    cleaned = clean_text(text)
    assert cleaned.rstrip().endswith("Eero Salm")


def test_a_table_row_with_a_name_and_the_box_header_are_kept() -> None:
    text = "Ann Varo | |\n---|---|\nBorn |\nSpouse | Karl Varo |\nStatus | Active |\n\n" + LEAD
    cleaned = clean_text(text).splitlines()
    assert "Ann Varo | |" in cleaned
    assert "Spouse | Karl Varo |" in cleaned
    assert "Born |" not in cleaned and "---|---|" not in cleaned


def test_a_header_line_over_the_first_row_is_kept() -> None:
    text = "Ann Varo\n\nAnn Varo\nBornPortville, Ruritania\nSpouse(s) Karl Varo\n\n" + LEAD
    lines = clean_text(text).splitlines()
    assert lines.count("Ann Varo") == 2


def test_alias_bullets_under_a_field_label_are_kept() -> None:
    text = "Ann Varo\nOther names\n  • Red Ann\n  • Varotta\nDied 2009\n\n" + LEAD
    lines = clean_text(text).splitlines()
    assert "• Red Ann" in lines and "• Varotta" in lines


def test_buttons_and_menus_still_go() -> None:
    text = "Ruritania Weekly\nHome\nLog In\n- World\n- Contact Us\n\n" + LEAD + "Press Release\nShare This\n"
    lines = clean_text(text).splitlines()
    for widget in ("Home", "Log In", "- World", "- Contact Us", "Press Release", "Share This"):
        assert widget not in lines
    assert LEAD.strip() in lines


def test_rows_of_a_table_fact_box_are_not_joined_as_wrapped_prose() -> None:
    text = ("Varo Cell | |\n---|---|\nLeader | Ann Varo, Karl Varo and others |\n"
            "Headquarters | Portville, North Province, Ruritania |\n"
            "Motives | Independence of the northern provinces from the crown |\n\n" + LEAD)
    lines = clean_text(text).splitlines()
    assert "Headquarters | Portville, North Province, Ruritania |" in lines


def test_page_history_notices_go_however_long() -> None:
    notice = ("This is an old revision of this page, as edited by Quillwright (talk | contribs) at 10:12, "
              "3 May 2019 (added the trial of the two brothers and their cousin, per the regional court "
              "report). The present address (URL) is a permanent link to this revision, which may differ "
              "significantly from the current revision.")
    footer = 'Retrieved from "https://wiki.example.org/w/index.php?title=Varo_cell&oldid=4411"'
    history = "Revision as of 10:12, 3 May 2019 by Quillwright (talk | contribs)"
    text = "Varo cell\n\n" + notice + "\n\n" + history + "\n\n" + LEAD + "\n" + footer + "\n"
    cleaned = clean_text(text)
    assert "Quillwright" not in cleaned and "https://" not in cleaned
    assert LEAD.strip() in cleaned.splitlines()


def test_long_reporting_about_talks_and_contributions_is_kept() -> None:
    line = ("The court heard that Karl Varo had talked with his brother about contributions to the cell "
            "before the raid, and that the two had met in the port city several times that spring.")
    assert line in clean_text(LEAD + line + "\n").splitlines()


def test_a_writers_name_beside_publication_metadata_still_goes() -> None:
    text = ("Varo cell leader jailed\nPublished: 3 May 2020\nNora Pell\n\n" + LEAD
            + "Author | Nora Pell |\nUpdated: 4 May 2020\n")
    cleaned = clean_text(text)
    assert "Nora Pell" not in cleaned
    assert LEAD.strip() in cleaned.splitlines()
