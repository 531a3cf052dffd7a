"""The council synonym list (``synonyms.txt``) and query analysis shared by both search engines.

The database engine expands a query with :func:`analyse_query`; the Elasticsearch engine loads
:func:`synonym_rules` into a ``synonym_graph`` filter. Both read the same file, so an editor changes
one line to teach both engines that "bins" means "waste collection".
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")

# Words that carry no meaning in a query; PostgreSQL's english configuration drops the same ones and
# SQLite FTS5 has no list of its own, so the engines agree on what "apply for a school place" asks.
STOPWORDS = frozenset(
    """a an and are as at be by for from how i in into is it its me my of on or our that the their this to
    what when where which who why with you your do does can""".split()
)

WORD = re.compile(r"[\w']+", re.UNICODE)


def words(text):
    """Lower-cased words of ``text``, e.g. ``words("Blue Badge!") == ["blue", "badge"]``."""
    return [w.strip("'") for w in WORD.findall((text or "").lower()) if w.strip("'")]


@cache
def synonym_groups(path=SYNONYMS_FILE):
    """The groups of equivalent phrases, each a tuple of phrases (a phrase is a tuple of words)."""
    groups = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        phrases = tuple(dict.fromkeys(tuple(words(p)) for p in line.split(",") if words(p)))
        if len(phrases) > 1:
            groups.append(phrases)
    return tuple(groups)


def synonym_rules():
    """The groups in Solr format for Elasticsearch, e.g. ``["bins, refuse, waste collection", ...]``."""
    return [", ".join(" ".join(phrase) for phrase in group) for group in synonym_groups()]


@dataclass(frozen=True)
class QueryTerm:
    """One thing the user asked for, with the phrases that mean the same, e.g. bins → refuse, ..."""

    alternatives: tuple  # of phrases; each phrase a tuple of words; the first is what the user typed

    @property
    def typed(self):
        return " ".join(self.alternatives[0])


def analyse_query(text):
    """Split ``text`` into terms, expanding synonyms (longest phrase first) and dropping stopwords.

    >>> [t.typed for t in analyse_query("report missed bins in Essex")]
    ['report', 'missed', 'bins', 'essex']
    """
    tokens = words(text)
    phrase_groups = {}
    for group in synonym_groups():
        for phrase in group:
            phrase_groups.setdefault(phrase, []).append(group)
    longest = max((len(p) for p in phrase_groups), default=1)
    terms = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i : i + size])
            if phrase in phrase_groups:
                alternatives = [phrase]
                for group in phrase_groups[phrase]:
                    alternatives.extend(p for p in group if p not in alternatives)
                terms.append(QueryTerm(tuple(alternatives)))
                i += size
                break
        else:
            if tokens[i] not in STOPWORDS:
                terms.append(QueryTerm(((tokens[i],),)))
            i += 1
    return terms


@lru_cache(maxsize=65536)
def stem(word):
    """A light English stem for comparing titles with queries: ``stem("collections") == "collection"``."""
    for suffix, replacement in (("'s", ""), ("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", ""), ("ing", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + replacement
    return word


_english = snowballstemmer.stemmer("english")


def english_stem(word):
    """The Snowball English stem both database flavours index by: ``english_stem("flooding") == "flood"``."""
    return _english.stemWord(word)


def title_bonus(terms, title):
    """How much of the title is what was asked, from 0 up: words matched over the title's words.

    Per term the best alternative counts, the words the user typed twice as much as a synonym's, so
    "blue badge" prefers "Apply for a blue badge" to "Disabled parking permits", while "bins" prefers
    "Household waste collection" (mostly the synonym) to "Communal bins - permitted use".
    """
    return title_scorer(terms)(title)


def title_scorer(terms):
    """:func:`title_bonus` for ``terms``, as a function of the title: the query's words are stemmed once,
    not once per title (a search scores up to 200 titles)."""
    # Per term, per alternative: its weight and each meaningful word's (stem, six-letter start or None).
    wanted = [
        [
            (
                len(phrase) * (2 if i == 0 else 1),
                [(stem(w), w[:6] if len(w) >= 6 else None) for w in phrase if w not in STOPWORDS],
            )
            for i, phrase in enumerate(term.alternatives)
        ]
        for term in terms
    ]

    def score(title):
        length, title_stems, title_prefixes = title_words(title)
        matched = 0
        for alternatives in wanted:
            best = 0  # the best alternative found in the title; one weighing no more is not tested
            for weight, found in alternatives:
                # Stems, or a shared six-letter start: "register" matches "registration", "collect" "collection".
                if weight > best and all(
                    word_stem in title_stems or (prefix is not None and prefix in title_prefixes)
                    for word_stem, prefix in found
                ):
                    best = weight
            matched += best
        return matched / max(length, 1)

    return score


@lru_cache(maxsize=65536)
def title_words(title):
    """``(how many words, their stems, their six-letter starts)`` of a title, stopwords left out; kept per
    process (titles repeat from one search to the next)."""
    meaningful = [w for w in words(title) if w not in STOPWORDS]
    return len(meaningful), frozenset(stem(w) for w in meaningful), frozenset(w[:6] for w in meaningful if len(w) >= 6)
