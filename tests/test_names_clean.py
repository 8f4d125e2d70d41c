"""Navbox and fact-box lines that name groups are kept; navigation buttons are not."""

from __future__ import annotations

from linkchart.ingest.clean import clean_text


def test_a_navbox_line_naming_a_group_is_kept_but_a_button_is_dropped() -> None:
    text = "Harbour cell\n\nRelated groups\n- Northern Quay Brigade\n- Contact us\nDelmonte clan\nShare\n"
    cleaned = clean_text(text)
    assert "Northern Quay Brigade" in cleaned and "Delmonte clan" in cleaned
    assert "Contact us" not in cleaned and "Share" not in cleaned


def test_see_also_keeps_the_groups_it_lists_and_references_stay_dropped() -> None:
    text = ("The cell bombed two depots in 1975 and was caught at a flat in Leeds after a long siege by police.\n\n"
            "See also\n\n- Northern Quay Brigade\n- Harbour bombings\n\nReferences\n\n- Institute for Port Studies report\n")
    cleaned = clean_text(text)
    assert "Northern Quay Brigade" in cleaned
    assert "Harbour bombings" not in cleaned and "Institute for Port Studies" not in cleaned
