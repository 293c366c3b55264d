"""Everything the generator reads from disk, loaded once per process."""
from __future__ import annotations

from typing import Dict, List, Tuple

from .codes import CodeMaker
from .grammar import Grammar, GrammarError, ProducerSpec
from .people import ForeignNames, Honorifics, Leaders, NameSampler
from .places import Gazetteer
from .resources import GRAMMAR_DIR, Weighted, read_table
from .world import World

TOPIC_PARTS = ("headline", "lead", "sent", "cap")


class Lexicon:
    """Name samplers, gazetteer, code maker, news sources and the grammar compiled with
    ``producers`` (``producers.PRODUCERS``; passed in, so that the producers, which read
    the lexicon through the document context, are not imported from here)."""

    def __init__(self, producers: Dict[str, ProducerSpec]) -> None:
        self.names = NameSampler()
        self.leaders = Leaders()
        self.honorifics = Honorifics()
        self.foreign = ForeignNames()
        self.places = Gazetteer()
        self.codes = CodeMaker()
        self.world = World()
        topics = read_table("topics")
        self.topics = Weighted([r["topic"] for r in topics], [float(r["weight"]) for r in topics])
        sources = read_table("news_sources")
        self.sources: List[Tuple[str, str, str]] = [(r["host"], r["latin"], r["th"]) for r in sources]
        self.agencies: List[Tuple[str, str]] = [(r["latin"], r["th"]) for r in sources if r["credit"] == "yes"]
        self.slug_words = [r["word"] for r in read_table("slug_words")]
        self.grammar = Grammar.from_dir(GRAMMAR_DIR, producers)
        missing = [
            f"{part}.{topic}" for topic in self.topics.items for part in TOPIC_PARTS
            if f"{part}.{topic}" not in self.grammar.symbols
        ]
        if missing:
            raise GrammarError(f"topics.tsv names topics without grammar symbols: {', '.join(missing)}")
