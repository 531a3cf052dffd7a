"""The embedded engine: the SearchDocument table, searched with PostgreSQL full-text or SQLite FTS5.

Both flavours share everything but three questions, answered in SQL by a flavour class: which documents
match each query term and how well (:meth:`match`), and how to highlight a page of hits
(:meth:`highlight`). Ranking puts documents that match more of the query's terms first (so "school
admissions appeal" prefers the page about appeals), then the engine's own weighted rank (title and
service names weigh most), then an LGSL code typed exactly.
"""

from itertools import islice

from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Expression, Max

from ..facets import facet_labels
from ..models import SearchDocument, SearchFacetValue
from ..query import MARK_END, MARK_START, FacetCount, SearchHit, SearchResults
from ..synonyms import STOPWORDS, QueryTerm, analyse_query, synonym_groups, title_bonus, words
from .base import SearchEngine, SearchEngineUnavailable, suggest_spelling

FTS_TABLE = "library_search_fts"
FTS_COLUMNS = ("title", "service_names", "keywords", "summary", "body")


REBUILD_BATCH = 500


def batched(iterable, size):
    """``batched("abcde", 2)`` → ``["a", "b"], ["c", "d"], ["e"]`` (itertools.batched is Python 3.12)."""
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def document_fields(entry):
    return {
        "kind": entry.kind,
        "locale": entry.locale,
        "page_id": entry.page_id,
        "service_id": entry.service_id,
        "title": entry.title,
        "slug": entry.slug,
        "url": entry.url,
        "summary": entry.summary,
        "service_names": entry.service_names,
        "keywords": entry.keywords,
        "body": entry.body,
        "lgsl_codes": entry.lgsl_codes,
        "facets": entry.facets,
    }


def facet_values(document, entry):
    return [
        SearchFacetValue(document=document, facet=facet, value=value)
        for facet, values in entry.facets.items()
        for value in dict.fromkeys(values)
    ]


class DatabaseEngine(SearchEngine):
    name = "database"
    supports_facets = True
    supports_highlighting = True
    supports_suggestions = True
    supports_autocomplete = True

    @property
    def flavour(self):
        return PostgresFlavour() if connection.vendor == "postgresql" else SqliteFlavour()

    @property
    def supports_typo_tolerance(self):
        return connection.vendor == "postgresql"

    # ----- indexing -----------------------------------------------------------------------------

    def ping(self):
        try:
            connection.ensure_connection()
        except DatabaseError as error:
            raise SearchEngineUnavailable(str(error)) from error

    def upsert(self, entries):
        try:
            with transaction.atomic():
                for entry in entries:
                    self._save(entry)
        except DatabaseError as error:
            raise SearchEngineUnavailable(str(error)) from error

    def _save(self, entry):
        document, _ = SearchDocument.objects.update_or_create(key=entry.key, defaults=document_fields(entry))
        document.facet_values.all().delete()
        SearchFacetValue.objects.bulk_create(facet_values(document, entry))

    def delete(self, keys):
        try:
            SearchDocument.objects.filter(key__in=list(keys)).delete()
        except DatabaseError as error:
            raise SearchEngineUnavailable(str(error)) from error

    def rebuild(self, entries, progress=None):
        """Rewrite every document in one transaction: searches see the old index until it commits.

        The old rows go in two statements and the new ones are inserted in bulk, ``REBUILD_BATCH`` at a
        time (the full-text columns and SQLite's FTS table follow in the database).
        """
        count = 0
        with transaction.atomic():
            # Plain DELETEs: QuerySet.delete() would load every row to send post_delete for each (some
            # receivers listen to every model), and nothing listens for these. Not TRUNCATE, whose lock
            # would make searches wait for the rebuild.
            with connection.cursor() as cursor:
                for model in (SearchFacetValue, SearchDocument):
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
            for batch in batched(entries, REBUILD_BATCH):
                documents = SearchDocument.objects.bulk_create(
                    SearchDocument(key=entry.key, **document_fields(entry)) for entry in batch
                )
                SearchFacetValue.objects.bulk_create(
                    value
                    for document, entry in zip(documents, batch, strict=True)
                    for value in facet_values(document, entry)
                )
                count += len(batch)
                if progress:
                    for entry in batch:
                        progress(entry)
        return count

    # ----- searching ----------------------------------------------------------------------------

    def search(self, query):
        documents = SearchDocument.objects.filter(locale=query.locale)
        terms = analyse_query(query.text)
        suggestion = self.suggestion(query) if terms else ""
        if suggestion:
            terms = with_corrections(terms, query.text, suggestion)
        if terms:
            scores = self.flavour.match(documents, terms)
            candidates = documents.filter(pk__in=list(scores))
        else:
            scores = {}
            candidates = documents

        filtered = apply_filters(candidates, query.filters)
        rows = list(filtered.values_list("pk", "title", "lgsl_codes"))
        typed_codes = {w for w in words(query.text) if w.isascii() and w.isdigit()}

        def score(row):
            # Terms matched first, then an LGSL code typed exactly, then how much of the title is what
            # was asked, then the engine's own weighted rank (under 1).
            pk, title, codes = row
            coverage, rank = scores.get(pk, (0, 0.0))
            code_bonus = 1 if typed_codes & set(codes) else 0
            return 10 * (coverage + code_bonus) + title_bonus(terms, title) + rank

        if terms:
            rows.sort(key=lambda row: (-score(row), row[1].lower()))
        else:
            rows.sort(key=lambda row: row[1].lower())
        total = len(rows)
        page_rows = rows[query.offset : query.offset + query.page_size]
        by_pk = SearchDocument.objects.in_bulk([row[0] for row in page_rows])
        marks = self.flavour.highlight(list(by_pk), terms) if terms and by_pk else {}

        hits = []
        for row in page_rows:
            document = by_pk[row[0]]
            title_marked, snippet_marked = marks.get(document.pk, ("", ""))
            hits.append(
                SearchHit(
                    key=document.key,
                    kind=document.kind,
                    title=document.title,
                    url=document.url,
                    score=round(score(row), 4),
                    title_marked=title_marked,
                    snippet_marked=snippet_marked,
                    summary=document.summary,
                    slug=document.slug,
                    page_id=document.page_id,
                    service_id=document.service_id,
                    lgsl_codes=document.lgsl_codes,
                    facets=document.facets,
                )
            )
        return SearchResults(
            query=query,
            hits=hits,
            total=total,
            facets=self.facet_counts(candidates, query),
            suggestion=suggestion,
        )

    def facet_counts(self, candidates, query):
        """Counts for each facet wanted, under every filter except the facet's own.

        So ticking "pattern" under Type still shows how many processes there are, as GOV.UK finders do.
        """
        counts = {}
        for facet in query.facets:
            others = {name: values for name, values in query.filters.items() if name != facet}
            rows = (
                SearchFacetValue.objects.filter(facet=facet, document__in=apply_filters(candidates, others))
                .values("value")
                .annotate(count=Count("document", distinct=True))
                .order_by("-count", "value")
            )
            selected = set(query.filters.get(facet, ()))
            values = {row["value"]: row["count"] for row in rows}
            for value in selected - set(values):
                values[value] = 0  # a ticked box stays on the page even when nothing matches
            labels = facet_labels(facet, values, query.locale)
            counts[facet] = [
                FacetCount(value=value, label=labels.get(value, value), count=count, selected=value in selected)
                for value, count in values.items()
            ]
        return counts

    def suggestion(self, query):
        return suggest_spelling(query.text, vocabulary(query.locale))

    def autocomplete(self, prefix, locale, limit=8):
        prefix = " ".join(words(prefix))
        if len(prefix) < 2:
            return []
        documents = SearchDocument.objects.filter(locale=locale)
        starts = documents.filter(title__istartswith=prefix).order_by("title")
        within = documents.filter(title__icontains=f" {prefix}").exclude(title__istartswith=prefix).order_by("title")
        seen = []
        for document in [*starts[:limit], *within[:limit]]:
            if len(seen) < limit:
                seen.append({"title": document.title, "url": document.url, "kind": document.kind})
        return seen


def with_corrections(terms, text, suggestion):
    """Let a misspelt word also match its correction, so "recyling" finds "recycling" on any database."""
    corrected = dict(zip(words(text), words(suggestion), strict=False))
    out = []
    for term in terms:
        extra = []
        for phrase in term.alternatives[:1]:
            fixed = tuple(corrected.get(w, w) for w in phrase)
            if fixed != phrase:
                extra.append(fixed)
        # The correction stands in for what was typed; the misspelling stays in case it is a real word.
        out.append(QueryTerm(tuple(extra) + term.alternatives) if extra else term)
    return out


def apply_filters(documents, filters):
    """Any selected value within a facet, every facet with a selection."""
    for facet, values in filters.items():
        documents = documents.filter(
            pk__in=SearchFacetValue.objects.filter(facet=facet, value__in=values).values("document_id")
        )
    return documents


_vocabulary_cache = {}


def vocabulary(locale):
    """Every word in the locale's documents and the synonym list, for "did you mean"."""
    documents = SearchDocument.objects.filter(locale=locale)
    state = documents.aggregate(count=Count("pk"), latest=Max("updated_at"))
    cache_key = (connection.alias, locale, state["count"], state["latest"])
    if cache_key not in _vocabulary_cache:
        known = set()
        for row in documents.values_list("title", "service_names", "keywords", "summary", "body").iterator():
            for text in row:
                known.update(words(text))
        for group in synonym_groups():
            for phrase in group:
                known.update(phrase)
        _vocabulary_cache.clear()
        _vocabulary_cache[cache_key] = known
    return _vocabulary_cache[cache_key]


# ----- PostgreSQL ---------------------------------------------------------------------------------


class StoredVector(Expression):
    """The search document's generated ``search_vector`` column, which the model does not declare
    (SQLite has no such column)."""

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_vector", []


class PostgresFlavour:
    config = "english"

    def vector(self):
        """The stored, GIN-indexed ``search_vector`` column (migration 0003): the weighted vector of
        title and service names (A), keywords and summary (B) and body (D)."""
        return StoredVector()

    def term_query(self, term):
        from django.contrib.postgres.search import SearchQuery

        # Every word of an alternative, anywhere: "bulky waste" finds "Bulky household waste collections".
        queries = [
            SearchQuery(" ".join(phrase), search_type="plain", config=self.config) for phrase in term.alternatives
        ]
        combined = queries[0]
        for other in queries[1:]:
            combined = combined | other
        return combined

    def full_query(self, terms):
        combined = self.term_query(terms[0])
        for term in terms[1:]:
            combined = combined | self.term_query(term)
        return combined

    def match(self, documents, terms):
        """``{pk: (terms matched, rank)}``; typos caught by trigram similarity on the title."""
        from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
        from django.db.models import Case, IntegerField, Q, Value, When

        text = " ".join(term.typed for term in terms)
        annotated = documents.annotate(search=self.vector()).annotate(
            rank=SearchRank(self.vector(), self.full_query(terms), normalization=Value(1)),
            similarity=TrigramWordSimilarity(text, "title"),
            **{
                f"term_{i}": Case(When(search=self.term_query(term), then=1), default=0, output_field=IntegerField())
                for i, term in enumerate(terms)
            },
        )
        matched = annotated.filter(Q(search=self.full_query(terms)) | Q(similarity__gte=0.5))
        names = [f"term_{i}" for i in range(len(terms))]
        scores = {}
        for row in matched.values_list("pk", "rank", "similarity", *names):
            pk, rank, similarity, *covered = row
            rank = float(rank or 0) + 0.5 * float(similarity or 0) * (1 if not any(covered) else 0.2)
            scores[pk] = (sum(covered), rank / (1 + rank))
        return scores

    def highlight(self, pks, terms):
        from django.contrib.postgres.search import SearchHeadline
        from django.db.models import TextField, Value
        from django.db.models.functions import Concat

        query = self.full_query(terms)
        rows = SearchDocument.objects.filter(pk__in=pks).annotate(
            title_marked=SearchHeadline(
                "title", query, config=self.config, start_sel=MARK_START, stop_sel=MARK_END, highlight_all=True
            ),
            snippet_marked=SearchHeadline(
                Concat("summary", Value(" "), "body", output_field=TextField()),
                query,
                config=self.config,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        return {pk: (title, snippet) for pk, title, snippet in rows.values_list("pk", "title_marked", "snippet_marked")}


# ----- SQLite FTS5 --------------------------------------------------------------------------------


def fts_phrase(phrase):
    """Every word of an alternative, anywhere: ``("bulky" AND "waste")``; stopwords skipped as PostgreSQL does."""
    meaningful = [word for word in phrase if word not in STOPWORDS] or list(phrase)
    return "(" + " AND ".join('"' + word.replace('"', "") + '"' for word in meaningful) + ")"


class SqliteFlavour:
    # bm25 weights per FTS column, in FTS_COLUMNS order: the title and service names weigh most.
    weights = (10.0, 8.0, 4.0, 3.0, 1.0)

    def term_match(self, term):
        return "(" + " OR ".join(fts_phrase(phrase) for phrase in term.alternatives) + ")"

    def full_match(self, terms):
        return " OR ".join(self.term_match(term) for term in terms)

    def _rows(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def match(self, documents, terms):
        locale_sql, locale_params = documents.values("pk").query.sql_with_params()
        weights = ", ".join(str(w) for w in self.weights)
        scores = {}
        rows = self._rows(
            f"SELECT rowid, -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "  # noqa: S608  (constants only)
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({locale_sql})",
            [self.full_match(terms), *locale_params],
        )
        for pk, rank in rows:
            scores[pk] = [0, max(float(rank), 0.0) / (1 + max(float(rank), 0.0))]
        for term in terms:
            for (pk,) in self._rows(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [self.term_match(term)],
            ):
                if pk in scores:
                    scores[pk][0] += 1
        return {pk: tuple(value) for pk, value in scores.items()}

    def highlight(self, pks, terms):
        placeholders = ", ".join(["%s"] * len(pks))
        rows = self._rows(
            f"SELECT rowid, highlight({FTS_TABLE}, 0, %s, %s), "  # noqa: S608
            f"snippet({FTS_TABLE}, 3, %s, %s, ' … ', 32), snippet({FTS_TABLE}, 4, %s, %s, ' … ', 32) "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
            [MARK_START, MARK_END] * 3 + [self.full_match(terms), *pks],
        )
        marks = {}
        for pk, title, summary, body in rows:
            snippet = summary if MARK_START in (summary or "") or MARK_START not in (body or "") else body
            marks[pk] = (title, snippet)
        return marks
