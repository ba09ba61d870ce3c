"""Readers: figures one app offers to another's pages through the registry, so neither imports
the other (the iBCF page's carry-forward reads the reserves statement). No database."""

from ascweb.registry import RESERVE_ROWS, Reader, Registry, registry


def test_a_reader_answers_for_the_app_that_offers_it_and_the_default_without_one():
    offered = Registry()
    assert offered.read(RESERVE_ROWS, "P10", [1], default={}) == {}
    offered.add_reader(Reader(RESERVE_ROWS, lambda period, ids: {i: f"{period} reserve {i}" for i in ids}))
    assert offered.read(RESERVE_ROWS, "P10", [1, 2], default={}) == {1: "P10 reserve 1", 2: "P10 reserve 2"}


def test_the_reserves_app_offers_its_rows():
    from reserves import selectors

    assert registry.readers[RESERVE_ROWS].read is selectors.reserve_rows
