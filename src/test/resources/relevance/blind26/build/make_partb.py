#!/usr/bin/env python3
"""Writes demo.tsv and generated.tsv (part B) from source_partb.py; reads queries.tsv for the qids."""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from source_partb import DEMO, GENERATED  # noqa: E402

with open(os.path.join(ROOT, "queries.tsv"), encoding="utf-8") as f:
    qid_of = {r["query"]: r["qid"] for r in csv.DictReader(f, delimiter="\t")}
for name, table in (("demo.tsv", DEMO), ("generated.tsv", GENERATED)):
    rows = []
    for query, rel in table.items():
        items = [i.rsplit(":", 1) for i in rel.split()]
        items.sort(key=lambda p: -int(p[1]))
        rows.append((qid_of[query], ",".join("%s:%s" % tuple(p) for p in items)))
    rows.sort()
    with open(os.path.join(ROOT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("qid\trelevant\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(name, len(rows), "queries", sum(len(r[1].split(",")) for r in rows), "judgments")
