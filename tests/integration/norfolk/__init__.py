"""The Norfolk 2017-18 demo data set against the papers it was typed from: the tests that check
its reproduction (tables, notes, sources). They share one load of it (tests/conftest.py)."""
