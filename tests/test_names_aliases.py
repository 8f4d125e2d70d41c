"""Other names as wiki leads and releases give them: brackets, other scripts, lists, nicknames."""

from __future__ import annotations

from test_extract import _extract


def _names_of(result, name: str) -> set[str]:  # type: ignore[no-untyped-def]
    return next(e.names for e in result.entities if name in e.names)


def test_names_in_the_brackets_after_a_group_are_its_other_names(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor,
                      "Harakat al-Nur (HaN; Arabic: حركة النور; literally Movement of the Light, or Party of the Dawn) "
                      "is a militant group founded in 1999 in Tripoli.\n")
    names = _names_of(result, "Harakat al-Nur")
    assert {"HaN", "حركة النور", "Movement of the Light", "Party of the Dawn"} <= names


def test_a_date_or_a_possessive_in_the_brackets_is_no_alias(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor,
                      "Tomas Veder (Anna Veder's brother; born 3 May 1970) was arrested in Ghent with Karel Brand.\n")
    assert "Anna Veder" not in _names_of(result, "Tomas Veder")


def test_quoted_nicknames_in_brackets_belong_to_the_name_before(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, 'The dead were Lena Marsh ("Vika," "Sol") and Ivo Kant ("Brisk").\n')
    assert {"Vika", "Sol"} <= _names_of(result, "Lena Marsh")
    assert "Brisk" in _names_of(result, "Ivo Kant")


def test_every_name_of_an_also_known_as_list_is_an_alias(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Omar Fadel, also known as Abu Jandal, Omar al-Masri or Tariq Hamid, "
                                 "ran the training camp.\n")
    assert {"Abu Jandal", "Omar al-Masri", "Tariq Hamid"} <= _names_of(result, "Omar Fadel")


def test_an_alias_list_runs_over_footnotes_and_words_about_spellings(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, 'Karim Haddou is also known as "Abu Tarek" or "Abou Tariq",[4] both spellings of '
                                 'Abu Tariq, and "the Accountant".\n')
    assert {"Abu Tarek", "Abou Tariq", "Abu Tariq", "the Accountant"} <= _names_of(result, "Karim Haddou")


def test_brackets_set_off_by_a_comma_that_say_alias_give_another_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Members:\n-   Dana Ann Roe, (_alias_ Sara Jane Holt) a friend of Marsh's. "
                                 "Roe became involved later.\n")
    assert "Sara Jane Holt" in _names_of(result, "Dana Ann Roe")


def test_a_given_name_form_in_brackets_is_one_person_under_both_forms(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The members were James Kilmore, Ann Holt and William Marsh.\nMembers:\n"
                                 "-   Jim (James) Kilmore, a teacher, was arrested in 1975.\n"
                                 "-   William (Willie) Marsh, killed in 1974.\n")
    assert {"James Kilmore", "Jim (James) Kilmore"} <= _names_of(result, "James Kilmore")
    assert {"William Marsh", "William (Willie) Marsh"} <= _names_of(result, "William Marsh")
    people = {n for e in result.entities for n in e.names}
    assert "Willie" not in people and "Jim" not in people


def test_descriptions_of_the_unit_a_page_is_about_are_its_names(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The Harbour Lane Gang was a Red Legion active service unit (ASU) that bombed "
                                 "shops in Leeds in 1981.\nIn March the Leeds ASU planted two devices. A guard was shot "
                                 "by the Leeds Red Legion gang in April. The Red Legion unit then left the city.\n")
    names = _names_of(result, "Harbour Lane Gang")
    assert {"ASU", "Leeds ASU", "Leeds Red Legion gang", "Red Legion unit"} <= names


def test_a_unit_description_on_a_page_about_someone_else_stays_apart(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Tomas Veder is a Belgian bomb maker. He trained the Harbour Lane Gang in 1980.\n"
                                 "In 1981 the Ghent Red Legion cell was arrested.\n")
    assert "Ghent Red Legion cell" not in _names_of(result, "Harbour Lane Gang")


def test_two_surnames_written_with_a_slash_are_kept_as_written(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Dana Holt hid for years under the name Dana Pryce. "
                                 "The police arrested Holt/Pryce in 1999 in Leeds.\n")
    assert "Holt/Pryce" in _names_of(result, "Dana Holt")


def test_a_shorter_name_with_the_surname_spelt_another_way_is_the_same_person(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Sarah Jane Halvorson was sentenced to six years in 2003. "
                                 "In 2009 Sarah Halvorsen was released on parole.\n")
    assert "Sarah Halvorsen" in _names_of(result, "Sarah Jane Halvorson")


def test_an_institution_written_with_its_acronym_after_it_is_also_named_without(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The Norwegian General Police Security Service PST watched the group in 2004. "
                                 "Later the General Police Security Service PST arrested two of its members.\n")
    names = {n for e in result.entities for n in e.names if "Security Service" in n}
    assert "General Police Security Service" in names or "Norwegian General Police Security Service" in names
    assert any(n.startswith("General") for n in names)  # a title word heading an institution's name stays


def test_a_group_written_short_and_long_is_one_group(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The Varesini Mafia clan was a faction of the mafia in Varese. "
                                 "Varesini affiliates ran the docks. In 1981 the Varesini clan fought the Milanese. "
                                 "The victory of the Varesini marked a new era.\n")
    assert {"Varesini", "Varesini clan", "Varesini Mafia clan"} <= _names_of(result, "Varesini Mafia clan")
    assert not any(e.type == "person" and "Varesini" in e.names for e in result.entities)


def test_a_transcribed_name_keeps_its_lower_case_words(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Popular Guerrilla Movement 12 May (Greek: Λαϊκή Αντάρτικη Κίνηση, "
                                 "Laiki Antartiki Kinisi dodeka Maiou) was a Greek urban guerrilla group.\n")
    assert "Laiki Antartiki Kinisi dodeka Maiou" in _names_of(result, "Popular Guerrilla Movement 12 May")


def test_an_acronym_after_the_is_a_group_even_when_things_happen_in_it(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Ivo Kant served in the UDLF for ten years. The UDLF always believed that one "
                                 "bomb in Leeds was worth ten elsewhere. Kant was sent to Leeds by the UDLF.\n")
    assert any(e.type == "organization" and "UDLF" in e.names for e in result.entities)


def test_a_court_captions_party_in_capitals_is_a_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "UNITED STATES OF AMERICA,\n\nPlaintiff - Appellee,\n\nv.\n\nDANIEL K. HARWOOD,\n\n"
                                 "Defendant - Appellant.\n\nDaniel Harwood appeals his sentence for the robbery.\n")
    assert "DANIEL K. HARWOOD" in _names_of(result, "Daniel Harwood")


def test_a_rulers_number_ending_a_sentence_does_not_glue_the_next_name(extractor) -> None:  # type: ignore[no-untyped-def]
    for ruler in ("Margaret I.", "Charles II."):
        result = _extract(extractor, f"The chapel was rebuilt in the reign of {ruler} Edmund Roe's letters to "
                                     "the abbot describe the work.\n")
        people = {n for e in result.entities for n in e.names}
        assert "Edmund Roe" in people and not any(f"{ruler} Edmund" in n for n in people)


def test_a_saints_square_and_a_rite_are_no_people(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Two bombs went off in St. Anselm's Square, where Ann Roe lived. "
                                 "Father Tom Holt was celebrating Mass in another room.\n")
    people = {n for e in result.entities if e.type == "person" for n in e.names}
    assert "St. Anselm" not in people and "Mass" not in people and "Ann Roe" in people


def test_a_verse_reference_and_a_class_of_members_are_no_people(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The name is taken from scripture (cf. Psalm 2 : 130). The bomb was left in a pub, "
                                 "a haunt of Labour MPs, where Ann Roe worked.\n")
    people = {n for e in result.entities if e.type == "person" for n in e.names}
    assert "Psalm" not in people and "Labour MPs" not in people and "Ann Roe" in people


def test_a_gang_named_after_its_group_noun_and_its_numbered_acronym_are_a_group(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, 'Both men were charged over their involvement in the gang Los Lobos Negros ("LLN-18"). '
                                 "Other LLN-18 members pled guilty. Ivo Kant was one of the members of LLN-18.\n")
    groups = {n for e in result.entities if e.type == "organization" for n in e.names}
    assert {"Los Lobos Negros", "LLN-18"} <= groups


def test_an_acronym_of_the_tail_of_a_long_name_gives_the_tail_as_a_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The FREE ALLIED FORCES OF THE PELAGIAN LIBERATION FRONT (PLF) was a militant group "
                                 "active in the 1980s. The PLF robbed two banks.\n")
    names = _names_of(result, "PLF")
    assert {"PELAGIAN LIBERATION FRONT", "FREE ALLIED FORCES OF THE PELAGIAN LIBERATION FRONT"} <= names


def test_a_nickname_in_lower_case_after_known_as_is_an_alias(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Tarek Omrani preached in a mosque in Wolfsburg. He became known as the "
                                 '"sheikh without a voice" because he never spoke in his videos.\n')
    assert "sheikh without a voice" in _names_of(result, "Tarek Omrani")


def test_a_quoted_phrase_in_lower_case_elsewhere_is_no_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, 'Tarek Omrani called the raid "a waste of police time" in a video.\n')
    assert not any("waste" in n for e in result.entities for n in e.names)


def test_a_group_named_central_is_the_group(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "In 2016 the ATLF Central replaced the leader of the Sahel branch. Relations "
                                 "between the branch and the ATLF declined after that.\n")
    assert {"ATLF", "ATLF Central"} <= _names_of(result, "ATLF")


def test_an_untyped_acronym_of_a_groups_initials_is_that_group(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Reporters of the Kanto Cable Network interviewed Ivo Kant in 1989. Weeks later "
                                 "sect officials pressured KCN to drop the story.\n")
    assert "KCN" in _names_of(result, "Kanto Cable Network")


def test_a_national_department_written_with_its_country_is_the_department() -> None:
    from linkchart.extract.within_doc import group_key

    assert group_key("U.S. Department of the Interior") == group_key("Interior Department")
    assert group_key("Department of Justice") == group_key("Justice Department") != group_key("Department of State")


def test_a_quoted_nickname_between_given_name_and_surname(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, 'Ramiro "El Toro" Vargas ran the cartel with Ismael \'El Gordo\' Ruiz. '
                                 "Vargas was extradited in 2017.\n")
    vargas = _names_of(result, "Ramiro Vargas")
    assert {"El Toro", "Vargas"} <= vargas and "Ismael Ruiz" not in vargas
    assert "El Gordo" in _names_of(result, "Ismael Ruiz")


def test_initials_a_person_goes_by_are_an_alias(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Khalid Omar Nasser, often referred to by his initials KON, planned the attack.\n")
    assert "KON" in _names_of(result, "Khalid Omar Nasser")


def test_a_faction_named_before_its_acronym_is_a_group(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The Black Dawn Faction (BDF) was founded by Ilias Roemer in 1971.\n")
    assert {"Black Dawn Faction", "BDF"} <= _names_of(result, "BDF")


def test_also_called_code_named_and_real_name_state_aliases(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The Black Dawn Faction, also called the Roemer-Kant Gang, was founded in 1970.\n\n"
                                 'Karim Belkadi, code-named "Falcon", ran the cell from a flat.\n\n'
                                 "Tarek Hamdi, whose real name is Samir Boulos, fled to Turkey.\n\n"
                                 "The Harakat al-Fajr, which translates as the Dawn Movement, recruited in Mosul.\n")
    assert "Roemer-Kant Gang" in _names_of(result, "Black Dawn Faction")
    assert "Falcon" in _names_of(result, "Karim Belkadi")
    assert "Samir Boulos" in _names_of(result, "Tarek Hamdi")
    assert "Dawn Movement" in _names_of(result, "Harakat al-Fajr")


def test_a_group_name_spelt_two_ways_and_its_association_are_one_group(extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.extract.within_doc import group_key

    result = _extract(extractor, "Karim Sabri founded the Katiba al-Sahel in 2003. Members of the Katibat al-Sahel "
                                 "met at the Dar al-Nur association.\n")
    assert "Katibat al-Sahel" in _names_of(result, "Katiba al-Sahel")
    assert group_key("Dar al-Nur association") == group_key("Dar al-Nur")


def test_an_acronym_spelling_the_words_before_the_kept_name_gives_the_whole_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Deputies of the Marlow County Sheriff's Office (MSO) arrested Ivo Kant in 2004.\n")
    names = _names_of(result, "MSO")
    assert "Marlow County Sheriff's Office" in names
    office = next(e for e in result.entities if "MSO" in e.names)
    assert office.name == "Marlow County Sheriff's Office"


def test_an_acronym_that_spells_other_words_names_nothing_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Deputies of the Marlow County Sheriff's Office (KTW) arrested Ivo Kant in 2004.\n")
    assert not any("Marlow County Sheriff's Office" in e.names for e in result.entities)


def test_an_acronym_that_spells_a_run_cut_in_pieces_makes_it_one_groups_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The raid was claimed by the Popular Front for the Freedom of Kerr – Foreign "
                                 "Operations (PFFK-FO), with help from Ivo Kant.\n")
    assert "Popular Front for the Freedom of Kerr – Foreign Operations" in _names_of(result, "PFFK-FO")
    groups = {n for e in result.entities if e.type == "organization" for n in e.names}
    assert "Popular Front" not in groups


def test_an_acronym_may_count_the_arabic_article_of_the_name_it_spells(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Al-Qaeda in the Sahel Belt (AQSB) was formed in 2007 by Tarik Hamdi. In 2010 AQSB "
                                 "kidnapped two engineers.\n")
    assert "Al-Qaeda in the Sahel Belt" in _names_of(result, "AQSB")
    assert not any(e.name == "Al-Qaeda" for e in result.entities)  # the parent group is not named here


def test_also_known_as_after_a_bracket_of_dates_names_the_name_set_off_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The strike against the Northern Military Council (1971–1979), also known as the "
                                 "Regime of the Majors, failed in 1975.\n")
    assert "Regime" in _names_of(result, "Northern Military Council")
    assert not any(e.type == "person" for e in result.entities)


def test_a_pseudonym_used_in_a_participle_clause_is_its_doers(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "In 2001 Ann Roe, using the alias Mary Hale, bought a car in Leeds.\n")
    assert "Mary Hale" in _names_of(result, "Ann Roe")
