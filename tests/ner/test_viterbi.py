"""BIO-consistent decoding."""
import numpy as np

from thai_polnews.ner.labels import id2label
from thai_polnews.ner.viterbi import BIOConstraints, allowed_transitions, decode_batch, viterbi

TAGS = id2label()
ID = {t: i for i, t in TAGS.items()}


def probs(rows):
    """Log-probabilities that put ``p`` on the named tag of each row, the rest spread evenly."""
    out = np.full((len(rows), len(TAGS)), 0.0, dtype=np.float32)
    for r, weights in enumerate(rows):
        rest = (1.0 - sum(weights.values())) / (len(TAGS) - len(weights))
        out[r] = rest
        for tag, p in weights.items():
            out[r, ID[tag]] = p
    return np.log(out)


def test_i_only_after_its_own_b():
    ok = allowed_transitions(TAGS)
    assert ok[ID["B-PERSON"], ID["I-PERSON"]] and ok[ID["I-PERSON"], ID["I-PERSON"]]
    assert not ok[ID["B-LOCATION"], ID["I-PERSON"]] and not ok[ID["O"], ID["I-PERSON"]]
    assert ok[ID["I-PERSON"], ID["B-LOCATION"]] and ok[ID["O"], ID["O"]]


def test_mixed_labels_inside_a_name_become_one_reading():
    lp = probs([{"B-LOCATION": 0.5, "B-PERSON": 0.4}, {"I-PERSON": 0.9}, {"I-PERSON": 0.9}])
    assert [TAGS[i] for i in viterbi(lp, allowed_transitions(TAGS), np.ones(len(TAGS), bool))] == ["B-PERSON", "I-PERSON", "I-PERSON"]


def test_a_text_cannot_start_inside_a_span_unless_a_window_continues_it():
    lp = probs([{"I-ORGANIZATION": 0.6, "B-ORGANIZATION": 0.3}, {"I-ORGANIZATION": 0.9}])
    fresh, cont = decode_batch([lp, lp], BIOConstraints.of(TAGS), [False, True])
    assert TAGS[fresh[0]] == "B-ORGANIZATION" and TAGS[cont[0]] == "I-ORGANIZATION"
    assert decode_batch([lp[:0]], BIOConstraints.of(TAGS), [False]) == [[]]


def test_batched_decoding_equals_row_by_row_viterbi():
    import numpy as np

    from thai_polnews.ner.viterbi import BIOConstraints, decode_batch, viterbi

    id2tag = {0: "O", 1: "B-PERSON", 2: "I-PERSON", 3: "B-LOCATION", 4: "I-LOCATION"}
    c = BIOConstraints.of(id2tag)
    rng = np.random.default_rng(3)
    rows = [np.log(rng.dirichlet(np.ones(5) * 0.3, size=n)).astype(np.float32) for n in (0, 1, 7, 30, 2, 15)]
    continues = [False, True, False, True, False, False]
    expected = [viterbi(lp, c.transitions, c.anything if k else c.starts) for lp, k in zip(rows, continues)]
    assert decode_batch(rows, c, continues) == expected
    assert [len(p) for p in expected] == [0, 1, 7, 30, 2, 15]
    assert decode_batch([], c, []) == []
