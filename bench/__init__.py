"""Benchmarks: plain scripts, each with ``main()``; ``python -m bench`` runs them all in turn."""
