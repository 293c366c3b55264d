"""Relation scoring on small hand-made records, and the rules over the seeds with gold entities."""
from __future__ import annotations

import json

from thai_polnews.evaluation import evaluate
from thai_polnews.relations.scoring import relation_report, relation_scores

TEXT = "สหาย A x พบ B"
GOLD = {
    "id": "d", "text": TEXT,
    "entities": [{"start": 5, "end": 6, "label": "PERSON"}, {"start": 7, "end": 8, "label": "POSITION"},
                 {"start": 12, "end": 13, "label": "ORGANIZATION"}],
    "relations": [{"type": "holds_position", "person": 0, "position": 1},
                  {"type": "event", "event": "election", "person": 0, "position": 1}],
}


def test_perfect_match_and_per_event_counts():
    s = relation_scores([(GOLD, GOLD)])
    assert s["per_type"]["holds_position"]["f1"] == 1.0
    assert s["per_event"]["election"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "correct": 1, "predicted": 1, "gold": 1}
    assert s["per_event"]["appointment"]["gold"] == 0 and s["micro"]["correct"] == 2


def test_roles_match_by_entity_offsets_not_indices():
    # the predicted entity list has an extra entity first: indices differ, offsets match
    pred = dict(GOLD, entities=[{"start": 0, "end": 4, "label": "ORGANIZATION"}] + GOLD["entities"],
                relations=[{"type": "holds_position", "person": 1, "position": 2},
                           {"type": "event", "event": "appointment", "person": 1, "position": 2}])
    s = relation_scores([(GOLD, pred)])
    assert s["per_type"]["holds_position"]["correct"] == 1
    assert s["per_type"]["event"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "correct": 0, "predicted": 1, "gold": 1}


def test_a_wrong_entity_boundary_fails_the_relation_end_to_end():
    pred = dict(GOLD, entities=[{"start": 5, "end": 6, "label": "PERSON"}, {"start": 7, "end": 9, "label": "POSITION"}],
                relations=[{"type": "holds_position", "person": 0, "position": 1}])
    s = relation_scores([(GOLD, pred)])
    assert s["per_type"]["holds_position"]["correct"] == 0 and s["per_type"]["holds_position"]["predicted"] == 1


def test_report_given_gold_entities_runs_the_rules_and_evaluate_includes_it():
    empty = dict(GOLD, relations=[])
    report = relation_report([(GOLD, empty)])
    assert report["end_to_end"]["micro"]["predicted"] == 0
    given = report["given_gold_entities"]["per_type"]["holds_position"]
    assert given["correct"] == 1 and given["predicted"] == 1
    assert "relations" in evaluate([GOLD], [empty])


def test_rules_on_seeds_with_gold_entities(root):
    gold = [json.loads(l) for l in (root / "annotations" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    report = relation_report([(g, g) for g in gold])["given_gold_entities"]
    # measured 1.000 for every type on the seeds when the rules were fixed
    assert report["per_type"]["holds_position"]["f1"] >= 0.9
    assert report["facts"]["f1"] >= 0.9
    assert report["micro"]["gold"] == 47


def test_rules_on_the_relation_development_set_with_gold_entities(root):
    gold = [json.loads(l) for l in (root / "annotations" / "relations_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    report = relation_report([(g, g) for g in gold])["given_gold_entities"]
    # measured when the rules were last changed (105 records, 213 events): holds_position 0.997, facts 1.000, events 1.000
    # (the set was written alongside the rules; end-to-end and held-out figures are lower)
    assert report["per_type"]["event"]["gold"] >= 100
    assert report["per_type"]["event"]["f1"] >= 0.95
    assert report["per_type"]["holds_position"]["f1"] >= 0.95
    assert report["facts"]["f1"] >= 0.95
