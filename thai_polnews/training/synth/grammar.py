"""A compositional slot grammar: template lines whose slots expand to sub-templates.

Template syntax (one template per line of a grammar TSV, see ``data/synth/README.md``):

* ``{name}`` expands the symbol ``name``; ``{name?}`` does so half of the time;
  ``{name*2-4}`` expands it two to four times in a row.
* ``{a|b|c}`` picks one inline alternative; alternatives may hold slots; ``{|a}``
  is an optional ``a``.
* ``{@producer}`` / ``{@producer:arg}`` calls a Python producer (names, places,
  codes, dates, numbers) from the table in ``producers.py``.
* ``[ORG ...]`` marks what its content expands to as one entity span
  (labels ``PER LOC ORG POS CODE DATE``); spans never nest.
* ``{/}`` ends a sentence, ``{//}`` ends a paragraph (a newline).
* ``\\`` escapes the next character.

Templates are compiled once into node objects whose ``emit`` writes into a
``TextBuilder``; every random choice goes through the document's ``random.Random``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Callable, Dict, FrozenSet, Iterable, List, Optional, Protocol, Sequence, Tuple, Union

from .builder import TextBuilder


class Context(Protocol):
    """What template nodes need of the document being written (``context.Context`` is one):
    its random source and its text builder. A protocol, so that the grammar imports
    nothing that imports the grammar."""

    rng: Random
    out: TextBuilder

SPAN_LABELS: Dict[str, str] = {
    "PER": "PERSON",
    "LOC": "LOCATION",
    "ORG": "ORGANIZATION",
    "POS": "POSITION",
    "CODE": "DOC_CODE",
    "DATE": "DATE",
}

_SLOT = re.compile(
    r"^(?:(?P<call>@[a-z_][a-z0-9_]*)(?::(?P<arg>[A-Za-z0-9_\-]+))?"
    r"|(?P<ref>[a-z][a-z0-9_.]*)(?P<opt>\?)?(?:\*(?P<lo>\d+)-(?P<hi>\d+))?"
    r"|(?P<brk>//?))$"
)


class GrammarError(ValueError):
    """A template that does not parse, or a grammar that references unknown names."""


class Node:
    """A compiled piece of template."""

    __slots__ = ()

    def emit(self, ctx: "Context") -> None:
        raise NotImplementedError

    def children(self) -> Sequence["Node"]:
        return ()


class Lit(Node):
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def emit(self, ctx: "Context") -> None:
        ctx.out.text(self.text)


class Seq(Node):
    __slots__ = ("nodes",)

    def __init__(self, nodes: List[Node]) -> None:
        self.nodes = nodes

    def emit(self, ctx: "Context") -> None:
        for node in self.nodes:
            node.emit(ctx)

    def children(self) -> Sequence[Node]:
        return self.nodes


class Choice(Node):
    """Pick one option, uniformly or by cumulative weights."""

    __slots__ = ("options", "cum", "total")

    def __init__(self, options: List[Node], weights: Optional[List[float]] = None) -> None:
        self.options = options
        self.cum: Optional[List[float]] = None
        self.total = float(len(options))
        if weights is not None and len(set(weights)) > 1:
            running, cum = 0.0, []
            for w in weights:
                running += w
                cum.append(running)
            self.cum, self.total = cum, running

    def emit(self, ctx: "Context") -> None:
        r = ctx.rng.random()
        if self.cum is None:
            self.options[int(r * len(self.options))].emit(ctx)
        else:
            i = bisect.bisect_right(self.cum, r * self.total)
            self.options[min(i, len(self.options) - 1)].emit(ctx)

    def children(self) -> Sequence[Node]:
        return self.options


class Ref(Node):
    """A slot that expands a named symbol (resolved after all files are read)."""

    __slots__ = ("name", "optional", "lo", "hi", "target", "where")

    def __init__(self, name: str, optional: bool, lo: int, hi: int, where: str) -> None:
        self.name, self.optional, self.lo, self.hi = name, optional, lo, hi
        self.target: Optional[Node] = None
        self.where = where

    def emit(self, ctx: "Context") -> None:
        if self.optional and ctx.rng.random() < 0.5:
            return
        times = self.lo if self.lo == self.hi else ctx.rng.randint(self.lo, self.hi)
        for _ in range(times):
            self.target.emit(ctx)  # type: ignore[union-attr]

    def children(self) -> Sequence[Node]:
        return (self.target,) if self.target is not None else ()


class Call(Node):
    """A slot filled by a Python producer."""

    __slots__ = ("name", "arg", "func", "where")

    def __init__(self, name: str, arg: Optional[str], where: str) -> None:
        self.name, self.arg, self.where = name, arg, where
        self.func: Optional[Callable[["Context", Optional[str]], None]] = None

    def emit(self, ctx: "Context") -> None:
        self.func(ctx, self.arg)  # type: ignore[misc]


class Break(Node):
    """End of a sentence (1) or of a paragraph (2)."""

    __slots__ = ("kind",)

    def __init__(self, kind: int) -> None:
        self.kind = kind

    def emit(self, ctx: "Context") -> None:
        ctx.out.brk(self.kind)


class Span(Node):
    """Everything its content writes becomes one entity with ``label``."""

    __slots__ = ("label", "body", "where")

    def __init__(self, label: str, body: Node, where: str) -> None:
        self.label, self.body, self.where = label, body, where

    def emit(self, ctx: "Context") -> None:
        ctx.out.open_span()
        self.body.emit(ctx)
        ctx.out.close_span(self.label)

    def children(self) -> Sequence[Node]:
        return (self.body,)


def parse_template(template: str, where: str = "<template>") -> Node:
    """Compile one template string."""
    node, pos = _parse_seq(template, 0, where, stop="")
    if pos != len(template):
        raise GrammarError(f"{where}: unexpected {template[pos]!r} at column {pos}")
    return node


def _parse_seq(s: str, pos: int, where: str, stop: str) -> Tuple[Node, int]:
    """Parse until one of the characters in ``stop`` (not consumed) or the end."""
    nodes: List[Node] = []
    buf: List[str] = []

    def flush() -> None:
        if buf:
            nodes.append(Lit("".join(buf)))
            buf.clear()

    while pos < len(s):
        ch = s[pos]
        if ch in stop:
            break
        if ch == "\\":
            if pos + 1 >= len(s):
                raise GrammarError(f"{where}: dangling escape at the end")
            buf.append(s[pos + 1])
            pos += 2
        elif ch == "{":
            flush()
            node, pos = _parse_brace(s, pos + 1, where)
            nodes.append(node)
        elif ch == "[":
            flush()
            node, pos = _parse_span(s, pos + 1, where)
            nodes.append(node)
        elif ch in "}]":
            raise GrammarError(f"{where}: unmatched {ch!r} at column {pos}")
        else:
            buf.append(ch)
            pos += 1
    flush()
    if len(nodes) == 1:
        return nodes[0], pos
    return Seq(nodes), pos


def _parse_brace(s: str, pos: int, where: str) -> Tuple[Node, int]:
    close = _matching(s, pos, "{", "}", where)
    inner = s[pos:close]
    m = _SLOT.match(inner)
    if m:
        return _slot_node(m, where), close + 1
    options: List[Node] = []
    while True:
        node, pos = _parse_seq(s, pos, where, stop="|}")
        options.append(node)
        if s[pos] == "}":
            return Choice(options), pos + 1
        pos += 1


def _slot_node(m: "re.Match[str]", where: str) -> Node:
    if m.group("brk"):
        return Break(len(m.group("brk")))
    if m.group("call"):
        return Call(m.group("call")[1:], m.group("arg"), where)
    lo = int(m.group("lo") or 1)
    hi = int(m.group("hi") or lo)
    if hi < lo:
        raise GrammarError(f"{where}: repeat range {lo}-{hi} is empty")
    return Ref(m.group("ref"), bool(m.group("opt")), lo, hi, where)


def _parse_span(s: str, pos: int, where: str) -> Tuple[Node, int]:
    m = re.match(r"([A-Z]+) ", s[pos:])
    if not m or m.group(1) not in SPAN_LABELS:
        raise GrammarError(f"{where}: span must start with one of {sorted(SPAN_LABELS)} and a space")
    label = SPAN_LABELS[m.group(1)]
    body, end = _parse_seq(s, pos + m.end(), where, stop="]")
    if end >= len(s):
        raise GrammarError(f"{where}: unclosed [{m.group(1)} span")
    return Span(label, body, where), end + 1


def _matching(s: str, pos: int, open_ch: str, close_ch: str, where: str) -> int:
    """Index of the brace closing the one opened just before ``pos``."""
    depth = 1
    while pos < len(s):
        ch = s[pos]
        if ch == "\\":
            pos += 2
            continue
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    raise GrammarError(f"{where}: unclosed {open_ch!r}")


@dataclass(frozen=True)
class Rule:
    """One template line: the symbol it belongs to, its text, weight and origin."""

    symbol: str
    template: str
    weight: float
    where: str


def read_rules(path: Path) -> List[Rule]:
    """Rules of one grammar TSV: ``symbol<TAB>template[<TAB>weight]``.

    An empty symbol column continues the previous symbol; ``#`` lines are comments.
    """
    rules: List[Rule] = []
    symbol = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{number}"
        cols = raw.split("\t")
        if len(cols) not in (2, 3):
            raise GrammarError(f"{where}: expected 2 or 3 tab-separated columns, got {len(cols)}")
        symbol = cols[0].strip() or symbol
        if not symbol:
            raise GrammarError(f"{where}: continuation line before any symbol")
        weight = float(cols[2]) if len(cols) == 3 and cols[2].strip() else 1.0
        rules.append(Rule(symbol, cols[1], weight, where))
    return rules


class Grammar:
    """Symbols compiled from rules, with references and producers resolved."""

    def __init__(self, rules: Iterable[Rule], producers: Dict[str, "ProducerSpec"]) -> None:
        grouped: Dict[str, List[Tuple[Node, float]]] = {}
        self.rules: List[Rule] = []
        for rule in rules:
            self.rules.append(rule)
            grouped.setdefault(rule.symbol, []).append((parse_template(rule.template, rule.where), rule.weight))
        self.symbols: Dict[str, Node] = {
            name: Choice([n for n, _ in alts], [w for _, w in alts]) if len(alts) > 1 else alts[0][0]
            for name, alts in grouped.items()
        }
        self.producers = producers
        self._resolve()
        self._check_flat()

    @classmethod
    def from_dir(cls, directory: Path, producers: Dict[str, "ProducerSpec"]) -> "Grammar":
        rules: List[Rule] = []
        for path in sorted(directory.glob("*.tsv")):
            rules.extend(read_rules(path))
        return cls(rules, producers)

    def symbol(self, name: str) -> Node:
        try:
            return self.symbols[name]
        except KeyError:
            raise GrammarError(f"unknown symbol {name!r}") from None

    def _walk(self) -> Iterable[Node]:
        seen = set()
        stack: List[Node] = list(self.symbols.values())
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            if not isinstance(node, Ref):
                stack.extend(node.children())

    def _resolve(self) -> None:
        for node in list(self._walk()):
            if isinstance(node, Ref):
                if node.name not in self.symbols:
                    raise GrammarError(f"{node.where}: unknown symbol {{{node.name}}}")
                node.target = self.symbols[node.name]
            elif isinstance(node, Call):
                spec = self.producers.get(node.name)
                if spec is None:
                    raise GrammarError(
                        f"{node.where}: unknown producer @{node.name} (known: {', '.join(sorted(self.producers))})"
                    )
                if not spec.accepts(node.arg):
                    raise GrammarError(f"{node.where}: @{node.name} does not take the argument {node.arg!r}")
                node.func = spec.func
            elif isinstance(node, Choice):
                for option in node.options:
                    if isinstance(option, Lit) and (option.text in self.symbols or option.text.startswith("@")):
                        raise GrammarError(
                            f"inline alternative {option.text!r} is literal text; write {{{option.text}}} to expand it"
                        )

    def _check_flat(self) -> None:
        """Entity spans must not contain anything that makes entities or breaks."""
        memo: Dict[int, bool] = {}

        def makes_entities(node: Node, stack: frozenset) -> bool:
            key = id(node)
            if key in memo:
                return memo[key]
            if key in stack:
                return False
            if isinstance(node, (Span, Break)):
                result = True
            elif isinstance(node, Call):
                result = self.producers[node.name].makes_entities
            else:
                result = any(makes_entities(c, stack | {key}) for c in node.children())
            memo[key] = result
            return result

        for node in self._walk():
            if isinstance(node, Span) and makes_entities(node.body, frozenset()):
                raise GrammarError(f"{node.where}: a {node.label} span contains entities or sentence breaks")


@dataclass(frozen=True)
class ProducerSpec:
    """A Python producer, whether it can write entity spans, and the arguments it takes.

    ``args`` is a set of accepted arguments (``None`` in it: no argument), a regex
    an argument must match, or ``None`` when the producer takes no argument.
    """

    func: Callable[["Context", Optional[str]], None]
    makes_entities: bool = True
    args: Union[None, FrozenSet[Optional[str]], "re.Pattern[str]"] = None

    def accepts(self, arg: Optional[str]) -> bool:
        if self.args is None:
            return arg is None
        if isinstance(self.args, frozenset):
            return arg in self.args
        return arg is not None and self.args.fullmatch(arg) is not None
