#!/usr/bin/env python3
"""Writes the blind26 TSVs from the hand-written sources (working keys -> Z ids).

Ids are given in a fixed shuffled order (seed 26) so that neither categories nor villages
run in blocks; in every duplicate pair the later report gets the higher id."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from source_reports import REPORTS, DUPLICATES, ALIASES, CADRE  # noqa: E402
from source_queries import QUERIES  # noqa: E402

order = list(range(len(REPORTS)))
random.Random(26).shuffle(order)
key_to_id = {}
for n, idx in enumerate(order, start=1):
    key_to_id[REPORTS[idx][0]] = "Z%03d" % n
# the later report of a duplicate pair takes the higher id
for later, earlier in DUPLICATES:
    if key_to_id[later] < key_to_id[earlier]:
        key_to_id[later], key_to_id[earlier] = key_to_id[earlier], key_to_id[later]

by_id = sorted(REPORTS, key=lambda r: key_to_id[r[0]])


def write(path, header, rows):
    with open(os.path.join(ROOT, path), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


write("reports.tsv", ["id", "category", "village", "title", "description"],
      [[key_to_id[k], c, v, t, d] for k, c, v, t, d, _ in by_id])
write("build/report_typos.tsv", ["id", "wrong", "right"],
      [[key_to_id[r[0]], r[5][0], r[5][1]] for r in by_id if r[5]])
write("build/cadre_reports.tsv", ["id"], sorted([[key_to_id[k]] for k in CADRE]))
write("build/keys.tsv", ["key", "id"], [[r[0], key_to_id[r[0]]] for r in by_id])
write("duplicates.tsv", ["later", "earlier"],
      sorted([[key_to_id[a], key_to_id[b]] for a, b in DUPLICATES]))
write("aliases.tsv", ["alias", "region_code", "kind"], [list(a) for a in ALIASES])

qrows, mrows = [], []
for n, (cls, query, rel, meta) in enumerate(QUERIES, start=1):
    qid = "ZQ%02d" % n
    pairs = []
    for item in rel.split():
        k, g = item.split(":")
        pairs.append((key_to_id[k], g))
    pairs.sort(key=lambda p: (-int(p[1]), p[0]))
    qrows.append([qid, query, cls, ",".join("%s:%s" % p for p in pairs)])
    if meta is None:
        m = []
    elif isinstance(meta, str):
        m = [meta]
    else:
        m = list(meta)
    mrows.append([qid, cls] + m + [""] * (3 - len(m)))
write("queries.tsv", ["qid", "query", "class", "relevant"], qrows)
write("build/query_meta.tsv", ["qid", "class", "a", "b", "c"], mrows)
print("wrote %d reports, %d queries" % (len(REPORTS), len(QUERIES)))
