"""Recruitment trees, exposure to radicalised people, and threshold contagion against rewired networks."""

from __future__ import annotations

import pytest
from analyse_helpers import network, org, pairs_network, rel

from linkchart.analyse import (
    build_graph,
    compare_rewired,
    exposure,
    radicalised,
    recruitment_trees,
    threshold_contagion,
)
from linkchart.model import ASSOCIATE, CO_RESIDED, COMMUNICATED_WITH, FAMILY, MEMBER_OF, RECRUITED_BY

# Seeds a, b; c needs both, d needs b and c, f needs c and d, e needs d and f.
CASCADE = [("a", "b"), ("a", "c"), ("b", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("c", "f"), ("d", "f"), ("e", "f")]


def shape(tree):
    return (tree.person.name, [shape(r) for r in tree.recruits])


def rounds(result):
    return [[p.name for p in r] for r in result.rounds]


def test_recruitment_trees_from_recruited_by_ties():
    ties = [
        rel("b", "a", RECRUITED_BY, text="A recruited B at the mosque."),
        rel("c", "a", RECRUITED_BY),
        rel("d", "b", RECRUITED_BY),
        rel("y", "x", RECRUITED_BY),
        rel("a", "x"),  # an ordinary tie plays no part
    ]
    trees = recruitment_trees(build_graph(network(ties)))
    assert [shape(t) for t in trees] == [("A", [("B", [("D", [])]), ("C", [])]), ("X", [("Y", [])])]
    b = trees[0].recruits[0]
    assert (b.recruited_by.source.name, b.recruited_by.target.name) == ("A", "B")
    assert b.recruited_by.evidence[0].text == "A recruited B at the mosque."
    assert trees[0].size() == 4


def test_a_recruitment_cycle_is_entered_at_its_busiest_recruiter():
    ties = [rel("p", "q", RECRUITED_BY), rel("q", "p", RECRUITED_BY), rel("r", "q", RECRUITED_BY)]
    trees = recruitment_trees(build_graph(network(ties)))
    assert [shape(t) for t in trees] == [("Q", [("P", []), ("R", [])])]


def test_exposure_counts_close_ties_to_radicalised_people():
    group = org("Group")
    ties = [
        rel("m1", "group", MEMBER_OF),
        rel("m2", "group", MEMBER_OF),
        rel("s", "m1", FAMILY),
        rel("s", "m2", ASSOCIATE),
        rel("t", "m1", CO_RESIDED),
        rel("t", "m2", COMMUNICATED_WITH),  # not a close tie
        rel("u", "s"),
    ]
    graph = build_graph(network(ties, entities=[group]))
    assert sorted(graph.vs[v]["name"] for v in radicalised(graph)) == ["M1", "M2"]
    exposed = exposure(graph)
    assert [(x.person.name, x.close_ties) for x in exposed] == [("S", 2), ("T", 1)]
    assert [t.target.name for t in exposed[0].ties] == ["M1", "M2"]
    assert exposed[0].ties[0].evidence
    chosen = exposure(graph, ["S"])
    assert [(x.person.name, x.close_ties) for x in chosen] == [("M1", 1), ("M2", 1), ("U", 1)]


def test_recruited_by_ties_mark_both_sides_radicalised():
    graph = build_graph(network([rel("b", "a", RECRUITED_BY), rel("c", "b")]))
    assert sorted(graph.vs[v]["name"] for v in radicalised(graph)) == ["A", "B"]


def test_threshold_contagion_rounds_by_hand():
    graph = build_graph(pairs_network(CASCADE))
    two = threshold_contagion(graph, ["A", "B"], threshold=2)
    assert rounds(two) == [["A", "B"], ["C"], ["D"], ["F"], ["E"]]
    assert two.reached == 6 and two.share == 1.0 and two.threshold == "2 ties"
    half = threshold_contagion(graph, ["A", "B"], threshold=0.5)
    assert rounds(half) == [["A", "B"], ["C"], ["D"], ["E", "F"]] and half.threshold == "50% of ties"
    simple = threshold_contagion(graph, ["A", "B"], threshold=1)
    assert rounds(simple) == [["A", "B"], ["C", "D"], ["E", "F"]]
    stalled = threshold_contagion(graph, ["A"], threshold=2)
    assert rounds(stalled) == [["A"]] and stalled.reached == 1


def test_only_close_ties_carry_contagion_unless_asked():
    ties = [rel("a", "b"), rel("a", "c", COMMUNICATED_WITH), rel("b", "c")]
    graph = build_graph(network(ties))
    assert threshold_contagion(graph, ["A", "B"]).reached == 2
    assert threshold_contagion(graph, ["A", "B"], close_ties_only=False).reached == 3


def test_thresholds_are_validated_and_random_seeds_are_reproducible():
    graph = build_graph(pairs_network(CASCADE))
    for bad, error in ((0, ValueError), (1.5, ValueError), (True, TypeError), ("2", TypeError)):
        with pytest.raises(error):
            threshold_contagion(graph, ["A"], threshold=bad)
    drawn = threshold_contagion(graph, 2, seed=5)
    assert len(drawn.seeds) == 2 and drawn.seeds == threshold_contagion(graph, 2, seed=5).seeds


def ring_lattice(n=30):
    """Everyone tied to the two nearest people on each side: highly clustered."""
    return pairs_network([(f"v{i}", f"v{(i + step) % n}") for i in range(n) for step in (1, 2)])


def test_clustered_ties_help_complex_contagion_against_rewired_networks():
    graph = build_graph(ring_lattice())
    result = compare_rewired(graph, ["v0", "v1"], threshold=2, trials=10, seed=3)
    assert result.observed.reached == 30
    assert result.mean_reached < 30 and result.clustering == pytest.approx(0.5)
    assert result.rewired_clustering < result.clustering
    assert result.verdict.startswith("clustered ties carry the spread further")
    again = compare_rewired(graph, ["v0", "v1"], threshold=2, trials=10, seed=3)
    assert again.rewired_reached == result.rewired_reached and again.rewired_rounds == result.rewired_rounds


def test_each_adopter_is_reported_with_the_ties_that_tipped_them():
    ties = [rel(a, b, text=f"{a.upper()} and {b.upper()} were friends.") for a, b in CASCADE]
    graph = build_graph(network(ties))
    result = threshold_contagion(graph, ["A", "B"], threshold=2)
    reached = {a.person.name: a for a in result.adoptions}
    assert [a.person.name for a in result.adoptions] == ["A", "B", "C", "D", "F", "E"]
    assert reached["A"].round == 0 and reached["A"].via == []
    # d is reached in round 2 through b (a seed) and c (round 1); e in round 4 through d and f.
    assert (reached["D"].round, [t.target.name for t in reached["D"].via]) == (2, ["B", "C"])
    assert [t.target.name for t in reached["E"].via] == ["D", "F"]
    assert reached["E"].via[0].evidence[0].text == "D and E were friends."


def test_exposure_counts_every_radicalised_persons_close_ties_by_type_and_time():
    group = org("Group")
    ties = [
        rel("old", "group", MEMBER_OF, date="2012"),
        rel("new", "group", MEMBER_OF, date="2014"),
        rel("late", "group", MEMBER_OF),  # undated
        rel("new", "old", FAMILY),
        rel("new", "late", CO_RESIDED),
        rel("new", "outsider", ASSOCIATE),
        rel("outsider", "old", ASSOCIATE),
        rel("outsider", "late", COMMUNICATED_WITH),  # not close
    ]
    rows = {x.person.name: x for x in exposure(build_graph(network(ties, entities=[group])))}
    new = rows["New"]
    assert new.radicalised and new.since == "2014" and new.close_ties == 2
    assert new.by_type == {CO_RESIDED: 1, FAMILY: 1}
    assert new.earlier == 1  # Old joined in 2012, before New; Late's date is unknown
    assert rows["Old"].earlier == 0 and rows["Late"].earlier is None
    outsider = rows["Outsider"]
    assert not outsider.radicalised and outsider.close_ties == 2 and outsider.earlier is None
    assert [t.target.name for t in outsider.ties] == ["New", "Old"]
    assert "Outsider" in {x.person.name for x in exposure(build_graph(network(ties, entities=[group])), include_members=False)}
    assert "New" not in {x.person.name for x in exposure(build_graph(network(ties, entities=[group])), include_members=False)}


def test_one_seed_at_threshold_two_says_nothing_can_spread():
    graph = build_graph(pairs_network(CASCADE))
    result = threshold_contagion(graph, ["a"], threshold=2)
    assert result.reached == 1 and result.notes and "nothing can spread" in result.notes[0]
    assert threshold_contagion(graph, ["a", "b"], threshold=2).notes == []


def test_no_conclusion_without_rewirings_or_without_spread():
    graph = build_graph(pairs_network(CASCADE))
    none = compare_rewired(graph, ["a", "b"], threshold=2, trials=0)
    assert none.verdict.startswith("no comparison") and "clustered" not in none.verdict
    few = compare_rewired(graph, ["a", "b"], threshold=2, trials=2)
    assert few.verdict.startswith("no comparison")
    stuck = compare_rewired(graph, ["a"], threshold=2, trials=10)
    assert stuck.verdict.startswith("no conclusion")
    with pytest.raises(ValueError, match="trials"):
        compare_rewired(graph, ["a", "b"], trials=-1)


def test_stated_recruiters_are_radicalised_and_listed():
    from linkchart.analyse.recruitment import recruiters
    from linkchart.model import ROLE, Event, Evidence

    said = Evidence("d1", "Vera Lind, a recruiter for the ring, met Ola Berg.", 0, 49)
    net = network([rel("vera lind", "ola berg")])
    net.events = [Event("evt-role", ROLE, "recruiter", ["vera-lind"], [said])]
    graph = build_graph(net)
    [found] = recruiters(graph)
    assert (found.person.name, found.role, found.evidence) == ("Vera Lind", "recruiter", [said])
    assert [graph.vs[v]["name"] for v in radicalised(graph)] == ["Vera Lind"]
    net.events[0].hedged = True  # "reportedly a recruiter" does not make her radicalised
    assert radicalised(build_graph(net)) == []
