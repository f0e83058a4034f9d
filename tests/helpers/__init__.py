"""Helpers shared by several test modules (and by ``bench/``), kept out of the test modules so
that no test module imports another. ``conftest.py`` puts ``tests/`` on ``sys.path``: import them
as ``from helpers.daemon import make_workspace``."""
