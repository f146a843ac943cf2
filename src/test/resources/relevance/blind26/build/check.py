#!/usr/bin/env python3
"""Checks every rule of the blind26 brief on the written files. Exit 1 on any failure.

Reads: ../reports.tsv queries.tsv aliases.tsv duplicates.tsv demo.tsv generated.tsv,
build/report_typos.tsv build/query_meta.tsv build/cadre_reports.tsv, and from the main repo
regions.csv, the category codes (V2__categories.sql lines 1-25), demo/reports.tsv and the
TEMPLATES list (RelevanceDistractors.java lines 1-80)."""
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MAIN = os.environ.get("MINQING_MAIN", "/work/main")
REGIONS = os.path.join(MAIN, "src/main/resources/demo/regions.csv")
CATEGORIES = os.path.join(MAIN, "src/main/resources/db/migration/V2__categories.sql")
DEMO = os.path.join(MAIN, "src/main/resources/demo/reports.tsv")
DISTRACTORS = os.path.join(MAIN, "src/test/java/cn/minqing/search/RelevanceDistractors.java")

errors = []


def err(msg):
    errors.append(msg)


def read_tsv(path, header):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    got = lines[0].split("\t") if lines else []
    if got != header:
        err("%s: header %r, expected %r" % (os.path.basename(path), got, header))
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            err("%s:%d: %d columns, expected %d" % (os.path.basename(path), n, len(cells), len(header)))
            continue
        if any(c != c.strip() for c in cells):
            err("%s:%d: stray whitespace" % (os.path.basename(path), n))
        rows.append(cells)
    return rows


def bigrams(s):
    return {s[i:i + 2] for i in range(len(s) - 1)}


def shared_bigrams(query, *texts):
    return sorted(b for b in bigrams(query) if any(b in t for t in texts))


# ---------------------------------------------------------------- reference data
villages = {}
with open(REGIONS, encoding="utf-8") as f:
    next(f)
    for line in f:
        code, name, level = line.rstrip("\n").split(",")[:3]
        if level == "village":
            villages[code] = name
with open(CATEGORIES, encoding="utf-8") as f:
    sql = "".join(f.readlines()[:25])
categories = re.findall(r"\(\s*'([a-z-]+)'\s*,\s*'", sql)
if len(categories) != 16:
    err("expected 16 category codes, parsed %d" % len(categories))

# ---------------------------------------------------------------- reports
reports = read_tsv(os.path.join(ROOT, "reports.tsv"), ["id", "category", "village", "title", "description"])
rep = {}
for i, (rid, cat, vil, title, desc) in enumerate(reports, start=1):
    if rid != "Z%03d" % i:
        err("reports: id %s at row %d, expected Z%03d" % (rid, i, i))
    rep[rid] = (cat, vil, title, desc)
    if cat not in categories:
        err("%s: unknown category %s" % (rid, cat))
    if vil not in villages:
        err("%s: %s is not a village of regions.csv" % (rid, vil))
    if not 1 <= len(title) <= 14:
        err("%s: title of %d characters" % (rid, len(title)))
    if not 20 <= len(desc) <= 120:
        err("%s: description of %d characters" % (rid, len(desc)))
if not 150 <= len(reports) <= 160:
    err("%d reports, expected 150-160" % len(reports))
cat_count = Counter(r[1] for r in reports)
for c in categories:
    if not 7 <= cat_count[c] <= 11:
        err("category %s has %d reports, expected 7-11" % (c, cat_count[c]))
vil_count = Counter(r[2] for r in reports)
for v in villages:
    if vil_count[v] < 3:
        err("village %s %s has %d reports, expected >= 3" % (v, villages[v], vil_count[v]))
texts = {rid: (t, d) for rid, (c, v, t, d) in rep.items()}
titles = Counter(r[3] for r in reports)
for t, n in titles.items():
    if n > 1:
        err("title %s used %d times" % (t, n))

# ---------------------------------------------------------------- report typos
typos = read_tsv(os.path.join(HERE, "report_typos.tsv"), ["id", "wrong", "right"])
typo_of = {}
for rid, wrong, right in typos:
    if rid not in rep:
        err("report_typos: unknown id %s" % rid)
        continue
    if rid in typo_of:
        err("report_typos: %s listed twice" % rid)
    typo_of[rid] = (wrong, right)
    t, d = texts[rid]
    if wrong == right or len(wrong) != len(right):
        err("%s: typo %s -> %s is not a same-length substitution" % (rid, wrong, right))
    if wrong not in t + d:
        err("%s: typo %s absent" % (rid, wrong))
    if right in t or right in d:
        err("%s: right form %s present beside typo %s" % (rid, right, wrong))
share = len(typo_of) / len(reports)
if not 0.17 <= share <= 0.23:
    err("typo share %.1f%%, expected about 20%%" % (100 * share))
report_wrong_forms = {w for w, _ in typo_of.values()}

# ---------------------------------------------------------------- aliases
aliases = read_tsv(os.path.join(ROOT, "aliases.tsv"), ["alias", "region_code", "kind"])
alias_to = {}
for alias, code, kind in aliases:
    if alias in alias_to:
        err("aliases: %s twice" % alias)
    alias_to[alias] = code
    if code not in villages:
        err("aliases: %s maps to %s, not a village" % (alias, code))
    if alias in villages.values():
        err("aliases: %s is an official village name" % alias)
    for rid, (t, d) in texts.items():
        if alias in t or alias in d:
            err("aliases: %s written in report %s" % (alias, rid))
    if not kind:
        err("aliases: %s without kind" % alias)

# ---------------------------------------------------------------- queries
queries = read_tsv(os.path.join(ROOT, "queries.tsv"), ["qid", "query", "class", "relevant"])
meta = {r[0]: r[1:] for r in read_tsv(os.path.join(HERE, "query_meta.tsv"), ["qid", "class", "a", "b", "c"])}
cadre = {r[0] for r in read_tsv(os.path.join(HERE, "cadre_reports.tsv"), ["id"])}
for c in cadre:
    if c not in rep:
        err("cadre_reports: unknown id %s" % c)
CLASSES = {"typo": (17, 21), "colloquial": (24, 28), "place": (10, 14), "relax": (12, 16), "none": (4, 6)}
grades = {}
qtext = {}
qclass = {}
for i, (qid, query, cls, relevant) in enumerate(queries, start=1):
    if qid != "ZQ%02d" % i:
        err("queries: id %s at row %d" % (qid, i))
    qtext[qid], qclass[qid] = query, cls
    if cls not in CLASSES:
        err("%s: unknown class %s" % (qid, cls))
    if meta.get(qid, [None])[0] != cls:
        err("%s: query_meta class differs" % qid)
    g = {}
    if relevant:
        for item in relevant.split(","):
            m = re.fullmatch(r"(Z\d{3}):([12])", item)
            if not m:
                err("%s: bad judgment %r" % (qid, item))
                continue
            if m.group(1) not in rep:
                err("%s: unknown report %s" % (qid, m.group(1)))
            if m.group(1) in g:
                err("%s: %s judged twice" % (qid, m.group(1)))
            g[m.group(1)] = int(m.group(2))
    grades[qid] = g
    if cls == "none":
        if g:
            err("%s: none query with judgments" % qid)
    elif 2 not in g.values():
        err("%s: no grade-2 report" % qid)
if not 70 <= len(queries) <= 80:
    err("%d queries, expected 70-80" % len(queries))
class_count = Counter(qclass.values())
for c, (lo, hi) in CLASSES.items():
    if not lo <= class_count[c] <= hi:
        err("class %s has %d queries, expected %d-%d" % (c, class_count[c], lo, hi))
if len(set(qtext.values())) != len(qtext):
    err("queries: a query text is repeated")

all_text = [s for t, d in texts.values() for s in (t, d)]

# typo class
misspelt = correct = 0
for qid, q in qtext.items():
    if qclass[qid] != "typo":
        continue
    kind, a, b = meta[qid][1], meta[qid][2], meta[qid][3]
    g2 = [r for r, v in grades[qid].items() if v == 2]
    if kind == "wrong":
        misspelt += 1
        wrong, right = a, b
        if wrong not in q or right in q:
            err("%s: misspelt form %s / right form %s not as declared" % (qid, wrong, right))
        if wrong in report_wrong_forms:
            err("%s: wrong form %s is also a report's wrong form" % (qid, wrong))
        if any(wrong in s for s in all_text):
            err("%s: wrong form %s occurs in a report" % (qid, wrong))
    elif kind == "correct":
        correct += 1
        right = a
        if right not in q:
            err("%s: right form %s not in query" % (qid, right))
        if any(w in q for w in report_wrong_forms):
            err("%s: correctly spelt query holds a report's wrong form" % qid)
        if not any(r in typo_of and typo_of[r][1] == right for r in g2):
            err("%s: no grade-2 report misspells %s" % (qid, right))
    else:
        err("%s: typo meta %r" % (qid, kind))
if not (misspelt >= 1.6 * correct and misspelt <= 2.6 * correct):
    err("typo class: %d misspelt vs %d correct, expected about two thirds misspelt" % (misspelt, correct))

# colloquial: grade-2 reports share no two-character sequence with the query
villager_dir = 0
for qid, q in qtext.items():
    if qclass[qid] != "colloquial":
        continue
    for r, v in grades[qid].items():
        if v == 2:
            s = shared_bigrams(q, *texts[r])
            if s:
                err("%s %s: grade-2 %s shares %s" % (qid, q, r, "/".join(s)))
    direction = meta[qid][1]
    if direction == "villager":
        villager_dir += 1
        if not any(r in cadre for r, v in grades[qid].items() if v == 2):
            err("%s: villager-worded query without a cadre-worded grade-2 report" % qid)
    elif direction != "cadre":
        err("%s: colloquial direction %r" % (qid, direction))
if not 3 <= villager_dir <= 7:
    err("colloquial: %d villager-worded queries, expected a few" % villager_dir)

# relax: the heading occurs verbatim in no report
for qid, q in qtext.items():
    if qclass[qid] == "relax":
        for rid, (t, d) in texts.items():
            if q in t or q in d or q in t + d:
                err("%s: relax heading %s occurs in %s" % (qid, q, rid))

# place: aliases and the village rule
used_aliases = set()
for qid, q in qtext.items():
    present = [a for a in alias_to if a in q]
    if qclass[qid] != "place":
        if present:
            err("%s: non-place query holds alias %s" % (qid, present))
        continue
    alias, mode = meta[qid][1], meta[qid][2]
    if alias not in alias_to or alias not in q:
        err("%s: alias %s missing from query or aliases.tsv" % (qid, alias))
        continue
    if present != [alias]:
        err("%s: aliases in query %s" % (qid, present))
    used_aliases.add(alias)
    code = alias_to[alias]
    for r in grades[qid]:
        if rep[r][1] != code:
            err("%s: %s is not in %s" % (qid, r, code))
    if mode == "only":
        if q != alias:
            err("%s: place-only query holds more than the alias" % qid)
        village_reports = {r for r, x in rep.items() if x[1] == code}
        if set(grades[qid]) != village_reports or set(grades[qid].values()) != {2}:
            err("%s: place-only query must grade every %s report 2" % (qid, code))
    elif mode == "need":
        if q == alias:
            err("%s: place+need query without a need" % qid)
    else:
        err("%s: place mode %r" % (qid, mode))
for a in alias_to:
    if a not in used_aliases:
        err("alias %s used by no query" % a)

# duplicates
dups = read_tsv(os.path.join(ROOT, "duplicates.tsv"), ["later", "earlier"])
if not 11 <= len(dups) <= 15:
    err("%d duplicate pairs, expected about 13" % len(dups))
seen = Counter()
for later, earlier in dups:
    if later not in rep or earlier not in rep:
        err("duplicates: unknown id in %s %s" % (later, earlier))
        continue
    seen[later] += 1
    seen[earlier] += 1
    if not later > earlier:
        err("duplicates: %s is not later than %s" % (later, earlier))
    if rep[later][1] != rep[earlier][1]:
        err("duplicates: %s and %s in different villages" % (later, earlier))
    if rep[later][2] == rep[earlier][2] or rep[later][3] == rep[earlier][3]:
        err("duplicates: %s and %s share wording" % (later, earlier))
    for qid in grades:
        if grades[qid].get(later) != grades[qid].get(earlier):
            err("duplicates: %s and %s judged differently for %s" % (later, earlier, qid))
for r, n in seen.items():
    if n > 1:
        err("duplicates: %s in %d pairs" % (r, n))

# ---------------------------------------------------------------- part B
PART_A = "--part-a" in sys.argv  # before part B: do not open the demo cases or the templates
demo_titles, demo_text = set(), []
if not PART_A:
    with open(DEMO, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        ti, di = head.index("title"), head.index("description")
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) > max(ti, di):
                demo_titles.add(cells[ti])
                demo_text += [cells[ti], cells[di]]
templates, template_text = set(), []
if not PART_A:
    with open(DISTRACTORS, encoding="utf-8") as f:
        src = "".join(f.readlines()[:80])
    for m in re.finditer(r'new\s+Template\(\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)', src):
        templates.add(m.group(2))
        template_text += [m.group(2), m.group(3)]
    if not templates:
        for m in re.finditer(r'"([^"]*)"', src):
            template_text.append(m.group(1))
        err("could not parse TEMPLATES titles")

# none: no shared two-character sequence with any report, demo case or template
for qid, q in qtext.items():
    if qclass[qid] == "none":
        s = shared_bigrams(q, *(all_text + demo_text + template_text))
        if s:
            err("%s: none query %s shares %s" % (qid, q, "/".join(s)))

for name, known in (() if PART_A else (("demo.tsv", demo_titles), ("generated.tsv", templates))):
    path = os.path.join(ROOT, name)
    if not os.path.exists(path):
        err("%s missing" % name)
        continue
    seen_q = set()
    for qid, relevant in read_tsv(path, ["qid", "relevant"]):
        if qid not in qclass:
            err("%s: unknown query %s" % (name, qid))
            continue
        if qid in seen_q:
            err("%s: %s twice" % (name, qid))
        seen_q.add(qid)
        if qclass[qid] in ("place", "none"):
            err("%s: %s is a %s query" % (name, qid, qclass[qid]))
        if not relevant:
            err("%s: %s has an empty row" % (name, qid))
        got = set()
        for item in relevant.split(","):
            m = re.fullmatch(r"(.+):([12])", item)
            if not m:
                err("%s: %s bad item %r" % (name, qid, item))
                continue
            if m.group(1) not in known:
                err("%s: %s title %r not found" % (name, qid, m.group(1)))
            if m.group(1) in got:
                err("%s: %s title %r twice" % (name, qid, m.group(1)))
            got.add(m.group(1))

# ---------------------------------------------------------------- report
print("reports %d (typos %d = %.1f%%), queries %d %s, aliases %d, duplicate pairs %d, "
      "demo titles %d, templates %d" % (len(reports), len(typo_of), 100 * share, len(queries),
                                         dict(class_count), len(alias_to), len(dups),
                                         len(demo_titles), len(templates)))
if errors:
    for e in errors:
        print("FAIL", e)
    print("%d failures" % len(errors))
    sys.exit(1)
print("all checks pass")
