import pytest

from thai_polnews.evaluation import boundaries, evaluate, format_report, prf, sentence_scores

TEXT = "สหาย Phan Tan Canh ที่ จังหวัดไห่เซือง วันที่ 25 ธันวาคม 2023"


def ent(start, end, label, **attrs):
    return {"start": start, "end": end, "label": label, "text": TEXT[start:end], "attrs": attrs}


GOLD = {
    "id": "d1",
    "text": TEXT,
    "sentences": [[0, 22], [23, len(TEXT)]],
    "entities": [
        ent(5, 18, "PERSON", canonical="Phan Tan Canh"),
        ent(30, 38, "LOCATION", canonical="Hai Duong"),
        ent(46, 61, "DATE", value="2023-12-25"),
    ],
}


def test_perfect_prediction_scores_one():
    report = evaluate([GOLD], [GOLD])
    for label in ("PERSON", "LOCATION", "DATE"):
        assert report["entities"]["per_label"][label]["strict"]["f1"] == 1.0
    assert report["entities"]["micro"]["strict"]["f1"] == 1.0
    assert report["sentences"]["f1"] == 1.0
    assert report["attributes"]["DATE.value"]["accuracy"] == 1.0


def test_strict_partial_and_attribute_figures():
    pred = dict(GOLD, entities=[
        ent(5, 18, "PERSON", canonical="Phan Tan Canh"),
        ent(23, 38, "LOCATION", canonical="Hai Duong"),  # too wide: partial only
        ent(46, 61, "DATE", value="2023-12-24"),  # right span, wrong value
        ent(19, 22, "ORGANIZATION"),  # spurious
    ])
    report = evaluate([GOLD], [pred])
    per = report["entities"]["per_label"]
    assert per["PERSON"]["strict"]["f1"] == 1.0
    assert per["LOCATION"]["strict"]["f1"] == 0.0
    assert per["LOCATION"]["partial"]["f1"] == pytest.approx(0.5)
    assert per["ORGANIZATION"]["strict"]["precision"] == 0.0
    micro = report["entities"]["micro"]["strict"]
    assert (micro["correct"], micro["predicted"], micro["gold"]) == (2, 4, 3)
    assert report["attributes"]["DATE.value"]["accuracy"] == 0.0
    assert report["attributes"]["PERSON.canonical"]["accuracy"] == 1.0
    assert "macro" in format_report(report)


def test_macro_averages_labels_with_gold_only():
    report = evaluate([GOLD], [dict(GOLD, entities=GOLD["entities"][:1])])
    macro = report["entities"]["macro"]["strict"]["f1"]
    assert macro == pytest.approx((1.0 + 0.0 + 0.0) / 3)


def test_documents_pair_by_id_and_reject_mismatch():
    other = dict(GOLD, id="d2")
    report = evaluate([GOLD, other], [other, GOLD])
    assert report["documents"] == 2
    with pytest.raises(ValueError, match="no prediction"):
        evaluate([GOLD, other], [dict(GOLD, id="zz")])
    with pytest.raises(ValueError, match="text differs"):
        evaluate([GOLD], [dict(GOLD, text=TEXT + "x")])


def test_sentence_boundaries():
    assert boundaries([[0, 5], [6, 9], [10, 12]]) == {6, 10}
    gold = [{"sentences": [[0, 5], [6, 9], [10, 12]]}]
    pred = [{"sentences": [[0, 9], [10, 12]]}]
    assert sentence_scores(gold, pred) == prf(1, 1, 2)
    assert prf(0, 0, 0)["f1"] == 0.0
