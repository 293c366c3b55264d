"""Guards the boundary model cannot break: no cut before a word that never starts a sentence or
between a count and its classifier; cuts that always fall (openers, link text, a credit after a
caption); long reported speech in quotes is not protected."""
import json
from pathlib import Path

import pytest

from thai_polnews.pipeline.sentences import allowed_gaps, newmm_tokens, sentence_spans
from thai_polnews.sentences.boundary import BoundaryModel
from thai_polnews.sentences.crf_weights import CRFWeights
from thai_polnews.sentences.features import line_chunks
from thai_polnews.sentences.guards import is_bound_gap, is_forced_start, protected_spans

ROOT = Path(__file__).resolve().parents[2]


def constant_model(margin: float) -> BoundaryModel:
    """A model whose every gap has cut score minus keep score ``margin``, no transition weights."""
    weights = CRFWeights(("B", "O"), ((0.0, 0.0), (0.0, 0.0)), ({"bias": margin}, {}))
    return BoundaryModel(weights)


def pieces(text, spans):
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("left, right, bound", [
    ("สหาย 4", "ท่านที่เป็นเลขาธิการ", True),          # a count and its classifier
    ("กว่า 11,000", "ครัวเรือนได้รับ", True),
    ("ปี 2025", "ท่านได้เสนอ", False),                  # a year, not a count
    ("กลุ่มประเทศG77", "ท่านได้หารือ", False),          # a Latin code, not a count
    ("ด้านเศรษฐกิจ", "และสังคม", True),                # a word that never starts a sentence
    ("สหายเหงียน", "กล่าวว่า", True),
    ("คณะกรรมการโฆษณาชวนเชื่อและการระดมมวลชนกลาง", "ไปดำรงตำแหน่งรองเลขาธิการ", True),
    ("ครั้งที่ 14", "การประชุมจะดำเนินไป", False),
    ("นายมานห์กล่าวว่า", "ในปี 2567 จังหวัดได้", True),     # a word that never ends a sentence
    ("ฮานอย (VOV) -", "ในการประชุมสมัยที่ 10", True),
    ("เป็นผู้อำนวยการกรมมหาดไทย;", "สหายโฮ เลอ หง็อก", True),  # a semicolon list stays one sentence
])
def test_bound_gaps(left, right, bound):
    assert is_bound_gap(left, newmm_tokens(left), newmm_tokens(right)) is bound


def test_model_that_cuts_everywhere_keeps_counts_and_continuations():
    text = "ได้มอบเกียรติบัตรให้แก่สหาย 4 ท่านที่เป็นเลขาธิการพรรค ดำเนินงานตามเป้าหมาย จนบรรลุผลสำเร็จ"
    got = pieces(text, sentence_spans(text, model=constant_model(5.0), method="boundary"))
    assert "ท่านที่เป็นเลขาธิการพรรค" not in got and not any(p.startswith("จน") for p in got)
    assert got[0] == "ได้มอบเกียรติบัตรให้แก่สหาย 4 ท่านที่เป็นเลขาธิการพรรค"


@pytest.mark.parametrize("line, start, forced", [
    ("ขององค์กรพรรคระดับรากหญ้า พร้อมกันนั้น แลกเปลี่ยน", "พร้อมกันนั้น", True),
    ("ผลงานโดดเด่นในปี 2567 ดูรายชื่อได้ ที่นี่", "ดูรายชื่อ", True),
    ("การประชุมที่สะพานคณะกรรมการพรรคประจำจังหวัด ภาพโดย: Van Ny", "ภาพโดย", True),
    ("ข่าว: ห่า ลิงห์ / ภาพ: TTXVN", "ภาพ", False),         # a credit line of its own stays whole
    ("ขององค์กรพรรคระดับรากหญ้า แลกเปลี่ยน", "แลกเปลี่ยน", False),
])
def test_forced_starts(line, start, forced):
    assert is_forced_start(line, line.index(" " + start) + 1) is forced


def test_model_that_never_cuts_still_cuts_at_forced_starts_but_not_where_guarded():
    text = "ขององค์กรพรรคระดับรากหญ้า พร้อมกันนั้น แลกเปลี่ยนประสบการณ์ (ดังนั้น ไม่ตัด) ภาพโดย: Van Ny"
    got = pieces(text, sentence_spans(text, model=constant_model(-50.0), method="boundary"))
    assert got == [
        "ขององค์กรพรรคระดับรากหญ้า",
        "พร้อมกันนั้น แลกเปลี่ยนประสบการณ์ (ดังนั้น ไม่ตัด)",
        "ภาพโดย: Van Ny",
    ]


def test_forced_gap_is_decoded_as_a_cut_even_first_and_last():
    model = constant_model(-50.0)
    chunks = line_chunks(newmm_tokens("ก ข ค"))
    assert model.cuts(chunks, 5, lambda k: True, lambda k: True) == [2, 4]
    assert model.cuts(chunks, 5, lambda k: k == 1, lambda k: True) == [4]
    assert model.cuts(chunks, 5, lambda k: True) == []


def test_long_reported_speech_in_quotes_is_not_protected_but_a_quoted_title_is():
    speech = "“" + "ด้วยหัวข้อนี้ คณะกรรมการพรรคในแต่ละมณฑลจึงมีวิธีการที่แตกต่างกัน " * 4 + "”"
    title = "“แนวทางแก้ไขเพื่อปรับปรุงศักยภาพความเป็นผู้นำ”"
    line = f"เขากล่าว {speech} และ {title}"
    spans = protected_spans(line)
    assert (line.index(title), line.index(title) + len(title)) in spans
    assert not any(s == line.index(speech) for s, _ in spans)


def test_guards_agree_with_the_gold_boundaries_of_the_training_files():
    """The nonstarter/classifier rules and the forced starts are drawn from the annotated files:
    none forbids a gold cut, and every forced start is one."""
    from spacy.vocab import Vocab

    from thai_polnews.sentences.lines import line_spans
    from thai_polnews.spans import clip_words, word_ends
    from thai_polnews.tokenizer import CachedThaiTokenizer

    tokenizer = CachedThaiTokenizer(Vocab())
    blocked, unforced = [], []
    for path in sorted((ROOT / "annotations" / "train").glob("*.jsonl")):
        for raw in open(path, encoding="utf-8"):
            record = json.loads(raw)
            if "sentences" not in record:
                continue
            text, starts = record["text"], {s for s, _ in record["sentences"]}
            words = tokenizer.words(text)
            ends = word_ends(words)
            for a, b in line_spans(text):
                chunks = line_chunks(clip_words(words, a, b, ends))
                for (ls, le, lw), (rs, _, rw) in zip(chunks, chunks[1:]):
                    if a + rs in starts and is_bound_gap(text[a + ls:a + le], lw, rw):
                        blocked.append((record["id"], text[a + rs:a + rs + 30]))
                    if a + rs not in starts and is_forced_start(text[a:b], rs):
                        unforced.append((record["id"], text[a + rs:a + rs + 30]))
    assert blocked == [] and unforced == []


def test_allowed_gaps_use_the_bound_guard():
    line = "ได้มอบเกียรติบัตรให้แก่สหาย 4 ท่านที่เป็นเลขาธิการ"
    chunks = line_chunks(newmm_tokens(line))
    allowed = allowed_gaps(line, chunks, 6)
    assert [ok for ok, c in zip(allowed, chunks[1:]) if line[c[0]:].startswith("ท่าน")] == [False]


def test_gap_features_see_the_first_word_of_the_chunk_after_the_right_one():
    from thai_polnews.sentences.features import gap_features

    line = "ได้รับความเสียหาย อำเภอที่ได้รับผลกระทบ ได้แก่ ลาวไก"
    chunks = line_chunks(newmm_tokens(line))
    assert "r2w=ได้แก่" in gap_features(chunks, 0, len(line))
    assert "r2=END" in gap_features(chunks, len(chunks) - 2, len(line))
