"""Membership and leadership stated around a name: titles, appositions, rolls, founders, and the
group a page is about. Every sentence here is written for these tests."""

from __future__ import annotations

from tie_helpers import named_ties as _ties

from linkchart.ingest.clean import clean_text
from linkchart.ingest.document import load_document
from linkchart.settings import Settings


def _group_ties(ties: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {t for t in ties if t[1] in {"member_of", "leader_of"}}


def test_a_group_title_before_a_name_makes_him_its_leader(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "North Star Front commander Karim Haddad was arrested in Lille in 2015.\n")
    assert ("Karim Haddad", "leader_of", "North Star Front") in ties


def test_every_founder_named_after_by_leads_the_group(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The North Star Front was founded in 1998 by Karim Haddad, Samir Ouali and Nabil Dahmani.\n")
    assert {("Karim Haddad", "leader_of", "North Star Front"), ("Samir Ouali", "leader_of", "North Star Front"),
            ("Nabil Dahmani", "leader_of", "North Star Front")} <= ties


def test_members_including_a_list_are_each_members(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Police arrested several members of the North Star Front, including Karim Haddad and "
                            "Samir Ouali, in a raid on a farm.\n")
    assert {("Karim Haddad", "member_of", "North Star Front"), ("Samir Ouali", "member_of", "North Star Front")} <= ties


def test_a_role_noun_of_another_person_ties_nobody_near_it(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Karim Haddad was a senior North Star Front leader with ties to Samir Ouali.\n")
    assert ("Karim Haddad", "leader_of", "North Star Front") in ties
    assert not any(t[0] == "Samir Ouali" for t in _group_ties(ties))


def test_on_a_page_about_a_group_an_unowned_role_is_that_groups(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("North Star Front\n"
            "The North Star Front is a militant organisation founded in Marseille in 1998. "
            "Another senior member was Samir Ouali, who ran a garage in Lyon. "
            "The founder of the group is Karim Haddad, a former soldier.\n")
    ties = _ties(extractor, text, title="North Star Front")
    assert ("Samir Ouali", "member_of", "North Star Front") in ties
    assert ("Karim Haddad", "leader_of", "North Star Front") in ties


def test_on_a_page_about_a_person_an_unowned_role_ties_no_distant_group(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad\n"
            "Karim Haddad is a French militant who fought with the North Star Front in 2014. "
            "He grew up in Lyon and studied chemistry at a technical college. "
            "Another senior member was Samir Ouali, who ran a garage in Lyon.\n")
    ties = _ties(extractor, text, title="Karim Haddad")
    assert not any(t[0] == "Samir Ouali" for t in _group_ties(ties))


def test_a_negated_membership_is_no_tie(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Investigators found no evidence that Samir Ouali was ever a North Star Front member.\n")
    assert not _group_ties(ties)


def test_a_fact_box_row_in_a_bulleted_list_is_kept_as_text() -> None:
    text = clean_text("North Star Front\n- Leader: Karim Haddad, Samir Ouali\n- World\n")
    assert "Leader: Karim Haddad, Samir Ouali" in text
    assert "World" not in text


def test_a_roll_after_be_ties_every_listed_name_but_a_bracketed_one(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The known members of the North Star Front were: Karim Haddad, Samir Ouali (a cousin of "
                            "Tarek Benali) and Nabil Dahmani.\n")
    members = {t[0] for t in _group_ties(ties) if t[2] == "North Star Front"}
    assert {"Karim Haddad", "Samir Ouali", "Nabil Dahmani"} <= members
    assert "Tarek Benali" not in members


def test_only_a_member_leaves_a_group(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "In 2016 Samir Ouali left the North Star Front after a quarrel over money.\n")
    assert ("Samir Ouali", "member_of", "North Star Front") in ties


def test_a_title_of_several_words_names_the_groups_leader(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Karim Haddad met the North Star Front's Secretary General Samir Ouali in Lyon in 2013.\n")
    assert ("Samir Ouali", "leader_of", "North Star Front") in ties
    assert not any(t[0] == "Karim Haddad" for t in _group_ties(ties))


def test_a_new_leader_takes_control_of_the_group_named_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad founded the North Star Front in 1998. After his death his brother, Nabil Haddad, "
            "took control of the organisation.\n")
    ties = _ties(extractor, text)
    assert ("Nabil Haddad", "leader_of", "North Star Front") in ties


def test_a_judge_takes_no_tie_from_a_role_noun(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The known members of the North Star Front were Karim Haddad and Judge Helen Marsh.\n")
    members = {t[0] for t in _group_ties(ties)}
    assert "Karim Haddad" in members and "Helen Marsh" not in members


def test_a_group_said_to_be_someones_is_led_by_him(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "In 1994 Tarek Benali fought in Bosnia as a volunteer in Karim Haddad's North Star Front.\n")
    assert ("Karim Haddad", "leader_of", "North Star Front") in ties
    ties = _ties(extractor, "The bombing made Karim Haddad, Samir Ouali and their militant organization, the North Star "
                            "Front, known across Europe.\n")
    assert {("Karim Haddad", "leader_of", "North Star Front"), ("Samir Ouali", "leader_of", "North Star Front")} <= ties


def test_a_role_taken_as_something_is_a_role(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Samir Ouali served as the spokesman of the North Star Front until 2011.\n")
    assert ("Samir Ouali", "member_of", "North Star Front") in ties


def test_a_member_of_a_groups_unit_is_a_member_of_the_group(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Samir Ouali was a member of the North Star Front's Foreign Committee until 2011.\n")
    targets = {t[2] for t in _group_ties(ties) if t[0] == "Samir Ouali"}
    assert "North Star Front" in targets


def test_an_unsaid_group_is_the_one_named_just_before(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The North Star Front was founded by Karim Haddad in 1998. Samir Ouali and Nabil Dahmani "
                            "worked as its fund raisers in Lyon.\n")
    assert {("Samir Ouali", "member_of", "North Star Front"), ("Nabil Dahmani", "member_of", "North Star Front")} <= ties
    ties = _ties(extractor, "The North Star Front was founded by Karim Haddad in 1998. Samir Ouali and Nabil Dahmani "
                            "worked as fund raisers in Lyon.\n")
    assert {("Samir Ouali", "member_of", "North Star Front"), ("Nabil Dahmani", "member_of", "North Star Front")} <= ties


def test_a_victim_with_another_bodys_title_joins_no_group(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The North Star Front was founded by Karim Haddad in 1998. In 2003 Haddad shot police "
                            "chief Tom Baxter dead in Lyon.\n")
    assert not any(t[0] == "Tom Baxter" for t in _group_ties(ties))


def test_names_bulleted_under_a_members_heading_are_members(extractor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "front.txt"
    path.write_text("North Star Front\n\nThe North Star Front was a militant organisation active in Lyon from 1998 "
                    "to 2004.\n\nKnown members\n\n-   Karim Haddad, arrested in 2004\n-   Samir Ouali, Karim "
                    "Haddad's cousin\n\nSympathisers\n\n-   Nabil Dahmani, a shopkeeper from Lyon\n", encoding="utf-8")
    document = load_document(path, Settings())
    assert "Known members" in document.text and "Samir Ouali, Karim Haddad's cousin" in document.text
    result = extractor.extract(document)
    names = {e.local_id: e.name for e in result.entities}
    ties = {(names[r.source], r.type, names[r.target]) for r in result.relations}
    assert {("Karim Haddad", "member_of", "North Star Front"), ("Samir Ouali", "member_of", "North Star Front")} <= ties
    assert not any(t[0] == "Nabil Dahmani" for t in _group_ties(ties))  # 'Sympathisers' ends the roll


def test_the_counted_members_of_a_group_are_the_people_just_named(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("In May 2003 Karim Haddad, Samir Ouali and Nabil Dahmani drove to a depot near Lyon. On arrival the "
            "three members of the North Star Front set fire to two lorries.\n")
    ties = _ties(extractor, text)
    assert {(n, "member_of", "North Star Front") for n in ("Karim Haddad", "Samir Ouali", "Nabil Dahmani")} <= ties
    text = ("In May 2003 Karim Haddad and Samir Ouali drove to a depot near Lyon. On arrival the three members of "
            "the North Star Front set fire to two lorries.\n")
    assert not _group_ties(_ties(extractor, text))  # two named, three counted: someone else


def test_a_membership_verb_ties_only_the_group_it_governs(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Samir Ouali joined the North Star Front in 2001.\n")
    assert ("Samir Ouali", "member_of", "North Star Front") in ties
    ties = _ties(extractor, "Samir Ouali was involved in the kidnapping of a banker in Lyon under the protection "
                            "of the North Star Front.\n")
    assert not _group_ties(ties)


def test_the_person_a_group_has_ties_to_is_not_its_member(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The North Star Front kept close ties to Samir Ouali for a decade.\n")
    assert not _group_ties(ties)


def test_a_relative_clause_after_a_list_states_the_role_of_everyone_in_it(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The raid was planned by Karim Haddad, Samir Ouali and Nabil Dahmani, who were then leaders "
                            "of the North Star Front's foreign wing.\n")
    assert {(n, "leader_of", "North Star Front") for n in ("Karim Haddad", "Samir Ouali", "Nabil Dahmani")} <= ties


def test_the_group_on_a_page_about_a_person_is_the_one_just_named(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad\nKarim Haddad was a leader of the North Star Front in Lyon. He married Lena Haddad, another "
            "leader of this group.\n")
    ties = _ties(extractor, text, title="Karim Haddad")
    assert ("Lena Haddad", "leader_of", "North Star Front") in ties


def test_pledging_allegiance_or_serving_joins_a_group(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "In March 2015 Karim Haddad pledged allegiance to North Star Front leader Samir Ouali.\n")
    assert ("Karim Haddad", "member_of", "North Star Front") in ties
    ties = _ties(extractor, "Nabil Dahmani served in the North Star Front for six years.\n")
    assert ("Nabil Dahmani", "member_of", "North Star Front") in ties
    assert not _group_ties(_ties(extractor, "Nabil Dahmani never pledged allegiance to the North Star Front.\n"))


def test_a_membership_said_of_the_judge_is_not_the_defendants(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Judge Helen Marsh, a member of the Lyon Bar Association, sentenced Karim Haddad to life.\n")
    assert not any(t[0] == "Karim Haddad" for t in _group_ties(ties))
    ties = _ties(extractor, "Lena Roux, a former member of the North Star Front, moved to Paris with her friend "
                            "Samir Ouali.\n")
    assert ("Lena Roux", "member_of", "North Star Front") in ties
    assert not any(t[0] == "Samir Ouali" for t in _group_ties(ties))


def test_working_as_an_informant_for_a_unit_is_no_membership(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Samir Ouali was accused of being an informant for the Lyon Criminal Intelligence Unit.\n")
    assert not _group_ties(ties)
    ties = _ties(extractor, "Samir Ouali fought for the North Star Front in 2014.\n")
    assert ("Samir Ouali", "member_of", "North Star Front") in ties


def test_being_active_in_a_group_or_both_joining_it_is_membership(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Karim Haddad had been active in the North Star Front while in prison.\n")
    assert ("Karim Haddad", "member_of", "North Star Front") in ties
    assert not _group_ties(_ties(extractor, "Karim Haddad was never active in the North Star Front.\n"))
    ties = _ties(extractor, "Until 1982 Karim Haddad and Samir Ouali lived in Lyon, and later they both joined the "
                            "North Star Front.\n")
    assert {("Karim Haddad", "member_of", "North Star Front"), ("Samir Ouali", "member_of", "North Star Front")} <= ties


def test_a_plural_group_title_before_two_names_makes_both_members(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The IRA was active in 1975. IRA Volunteers Samir Ouali and Nabil Dahmani kidnapped a guard from the depot.\n"
    ties = _group_ties(_ties(extractor, text))
    assert {("Samir Ouali", "member_of", "IRA"), ("Nabil Dahmani", "member_of", "IRA")} <= ties


def test_a_group_named_elsewhere_owns_the_title_glued_to_a_name(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The IRA was active in 1975. "
            "Harbour Gang member and IRA Volunteer Samir Ouali shot a guard dead while being chased.\n")
    assert ("Samir Ouali", "member_of", "IRA") in _group_ties(_ties(extractor, text))


def test_what_each_defendant_did_is_said_of_every_defendant(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Judge Helen Marsh heard the case in Lyon.\n\n"
            "Karim Haddad, Samir Ouali and Nabil Dahmani were charged with arson in 2014.\n\n"
            "Prosecutors showed that each defendant associated himself with the North Star Front.\n")
    ties = _group_ties(_ties(extractor, text))
    assert {(name, "member_of", "North Star Front") for name in ("Karim Haddad", "Samir Ouali", "Nabil Dahmani")} <= ties
    assert not any(a == "Helen Marsh" for a, _, _ in ties)


def test_the_defendants_said_to_be_members_are_the_ones_charged(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Judge Helen Marsh sentenced Karim Haddad and Samir Ouali to prison terms in 2011.\n\n"
            "The defendants were members of the Harbour Gang, the court found.\n")
    ties = _group_ties(_ties(extractor, text))
    assert {("Karim Haddad", "member_of", "Harbour Gang"), ("Samir Ouali", "member_of", "Harbour Gang")} <= ties
    assert not any(a == "Helen Marsh" for a, _, _ in ties)


def test_the_one_a_member_is_likened_to_is_a_member_too(extractor) -> None:  # type: ignore[no-untyped-def]
    for text in ("Karim Haddad, like Samir Ouali, was a member of the Harbour Gang.\n",
                 "Karim Haddad, like his brother Samir Ouali, joined the Harbour Gang in 1990.\n"):
        ties = _group_ties(_ties(extractor, text))
        assert {("Karim Haddad", "member_of", "Harbour Gang"), ("Samir Ouali", "member_of", "Harbour Gang")} <= ties, text



def test_the_agent_of_a_passive_led_leads_the_group(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _group_ties(_ties(extractor, "The Harbour Syndicate, led by Tomas Keller and Rafael Mendes, ran the docks.\n"))
    assert {("Tomas Keller", "leader_of", "Harbour Syndicate"), ("Rafael Mendes", "leader_of", "Harbour Syndicate")} <= ties
    ties = _group_ties(_ties(extractor, "The Harbour Syndicate, a gang led by Tomas Keller, ran the docks.\n"))
    assert ("Tomas Keller", "leader_of", "Harbour Syndicate") in ties


def test_who_led_a_raid_on_a_group_does_not_lead_it(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _group_ties(_ties(extractor, "The raid on the Harbour Syndicate was led by Tomas Keller.\n"))
    assert not ties


def test_a_groups_accountant_or_bodyguard_is_one_of_it(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _group_ties(_ties(extractor, "Elio Marra, the Sarno clan's accountant, was arrested in Naples.\n"))
    assert ("Elio Marra", "member_of", "Sarno clan") in ties


def test_a_group_noun_said_of_a_group_passes_its_founders_on(extractor) -> None:  # type: ignore[no-untyped-def]
    for text in ("The Dawn Brigade was a rebel group founded in 2011 by Salim Masri, a teacher at the Furqan Mosque.\n",
                 "The Dawn Brigade was a rebel group that was founded by Salim Masri.\n"):
        assert ("Salim Masri", "leader_of", "Dawn Brigade") in _group_ties(_ties(extractor, text))


def test_its_is_the_group_last_the_subject_not_the_last_named(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The Dawn Brigade was a rebel group founded in 2011 by Salim Masri, a teacher at the Furqan Mosque in "
            "Aleppo. Its spokesman, Yusuf Darwani, announced a truce in 2014.\n")
    ties = _group_ties(_ties(extractor, text))
    assert ("Yusuf Darwani", "member_of", "Dawn Brigade") in ties
    assert not any(g == "Furqan Mosque" for _, _, g in ties)


def test_the_role_a_described_person_served_as_is_his(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _group_ties(_ties(extractor, "Mahmoud Tawfiq is a Jordanian militant who served as the deputy emir of the "
                                        "Crescent Guard Brigades until 2016.\n"))
    assert ("Mahmoud Tawfiq", "leader_of", "Crescent Guard Brigades") in ties


def test_the_one_a_member_serves_under_leads_the_group(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _group_ties(_ties(extractor, "Ivo Sarno served in the Harbour Brigade under Tomas Keller.\n"))
    assert ("Tomas Keller", "leader_of", "Harbour Brigade") in ties
    ties = _group_ties(_ties(extractor, "The Harbour Brigade was disbanded under Tomas Keller's successor.\n"))
    assert not any(who == "Tomas Keller" for who, _, _ in ties)
