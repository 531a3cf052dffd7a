"""Benchmarks: generate a realistic library, drive it with wrk, write RESULTS.md (``make bench``)."""
