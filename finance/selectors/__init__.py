"""Reads for the finance pages, tables and exports, one module per purpose. Each returns plain
rows with totals computed from the lines, in a fixed number of queries whatever the size of
the tree:

- figures: the reporting tree and its figures at a period (what the others read first);
- report_tables: Table 2.1, Appendix A, an area's rows, Appendix B's explanations;
- entry: an area's entry form;
- template: the revenue import's template and the tree it matches rows to;
- audit: a period's audit log and a line's history;
- dashboard: the member dashboard, and the periods and budget profiles its pages offer.
"""
