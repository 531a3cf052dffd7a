"""How fast this machine is, by two fixed workloads, so that runs on different machines can be compared.

The bench's targets are milliseconds "on this 2-core machine", but the machine under the bench is not always the
same one, nor always as fast: one session's machine ran the same code's search 2.8 times slower in one hour than
90 minutes later (bench/RESULTS.md, issue 17's sixth round). Each run records the time of

- a fixed pure-Python workload (dictionaries, strings and small integers, as a request's Python is), and
- a fixed PostgreSQL statement (an aggregate over a generated series), timed by the server itself,

each the best of a few tries. Lower is faster. Neither depends on the project's code, data or settings.

They are not enough alone: both work in little memory, and in that session Python's time moved 12% while the
search's moved 2.8-fold. Compare the Tantivy anchor's times too (bench.search_cpu), whose index is as large as
ours.
"""

import time

import psycopg

TRIES = 5
# The statement's own execution time, as the server reports it: no connection, parsing or client cost in it.
POSTGRES_STATEMENT = (
    "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) "
    "SELECT count(*), sum(length(i::text)) FROM generate_series(1, 300000) AS i"
)


def python_workload():
    """Counting words into a dictionary and joining strings: tens of milliseconds on a server core."""
    counts = {}
    total = 0
    for number in range(150_000):
        word = f"w{number % 997}"
        counts[word] = counts.get(word, 0) + 1
        total += len(word)
    return total + len(" ".join(sorted(counts)))


def python_ms(tries=TRIES):
    """The best of ``tries`` CPU times of :func:`python_workload`, in ms."""
    best = None
    for _ in range(tries):
        started = time.process_time()
        python_workload()
        spent = (time.process_time() - started) * 1000
        best = spent if best is None else min(best, spent)
    return round(best, 1)


def postgres_ms(url, tries=TRIES):
    """The best of ``tries`` execution times of :data:`POSTGRES_STATEMENT` on the server at ``url``, in ms."""
    with psycopg.connect(url, autocommit=True) as conn:
        times = [conn.execute(POSTGRES_STATEMENT).fetchone()[0][0]["Execution Time"] for _ in range(tries)]
    return round(min(times), 1)


def measure(url):
    """``{"python_ms": …, "postgres_ms": …}`` on this machine; ``postgres_ms`` is None when the server cannot be
    reached (the bench itself then fails at its first database)."""
    try:
        database = postgres_ms(url)
    except psycopg.OperationalError:
        database = None
    return {"python_ms": python_ms(), "postgres_ms": database}
