"""The debate report (argmap/analyze/debate.py): what counts as dropped and as a clash."""

from __future__ import annotations

from helpers import parse_clean

from argmap.analyze.debate import debate_report

LINKED = """\
    actor ann: Ann
    actor bob: Bob

    [Tax cut]: Cut taxes. @ann
      - [Deficit]: The deficit would grow. @bob
      & [Debt]: Debt is bad. @bob
        {answer}
    """


def _dropped(text: str, actor: str = "ann") -> set[str]:
    (report,) = debate_report(parse_clean(text), actor=actor).actors
    return {e.relation for e in report.dropped}


def test_an_unanswered_linked_attack_is_dropped_once_per_premise() -> None:
    assert _dropped(LINKED.replace("{answer}", "")) == {"r1", "r2"}


def test_an_undercut_of_one_co_premise_answers_the_whole_linked_reason() -> None:
    # `_` under the `&` line undercuts r2, and so the one inference r1 & r2 draw together
    assert _dropped(LINKED.replace("{answer}", "_ [Growth]: Growth pays for it. @ann")) == set()


def test_an_attack_on_one_co_premise_answers_the_whole_linked_reason() -> None:
    # the reason needs [Deficit] and [Debt] both: attacking [Debt] answers the attack of [Deficit] too
    assert _dropped(LINKED.replace("{answer}", "- [No debt]: Debt is fine. @ann")) == set()


def test_a_contradiction_is_one_point_of_clash() -> None:
    text = """\
        actor ann: Ann
        actor bob: Bob

        [Tax cut]: Cut taxes. @ann
          >< [Spend more]: Spend more instead. @bob
          - [Deficit]: The deficit would grow. @bob
        """
    (ann,) = debate_report(parse_clean(text), actor="ann").actors
    assert [(e.relation, e.attacker, e.target) for e in ann.clashes] == [
        ("r1", "[Tax cut]", "[Spend more]"), ("r2", "[Deficit]", "[Tax cut]")]
    # the exchanges themselves keep both directions of the contradiction
    assert {(e.attacker, e.target) for e in ann.attacks_made + ann.attacks_received if e.relation == "r1"} == {
        ("[Tax cut]", "[Spend more]"), ("[Spend more]", "[Tax cut]")}
