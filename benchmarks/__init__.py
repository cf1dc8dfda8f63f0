"""The benchmark suite: ``python -m benchmarks.run`` (``make bench``); corpora from ``benchmarks.make_corpus``."""
