#!/usr/bin/env python3
"""Checks every rule of the blind28 brief. Run from anywhere: python3 build/check.py"""
import csv, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.dirname(HERE)
MAIN = '/work/main'
REGIONS = f'{MAIN}/src/main/resources/demo/regions.csv'
DEMO = f'{MAIN}/src/main/resources/demo/reports.tsv'
TEMPLATES = f'{MAIN}/src/test/java/cn/minqing/search/RelevanceDistractors.java'
CATS = ['water', 'road', 'irrigation', 'farm-sales', 'land', 'subsidy', 'medical', 'elderly', 'education',
        'housing', 'sanitation', 'security', 'employment', 'power', 'telecom', 'other']
CLASS_RANGE = {'typo': (17, 21), 'colloquial': (23, 29), 'place': (10, 14), 'relax': (12, 16), 'none': (4, 6)}
errors = []

def err(msg):
    errors.append(msg)

def tsv(name, header):
    path = os.path.join(SET, name)
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if lines[0] != '\t'.join(header):
        err(f'{name}: header {lines[0]!r} != {header}')
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cols = line.split('\t')
        if len(cols) != len(header):
            err(f'{name}:{n}: {len(cols)} columns, want {len(header)}')
            continue
        rows.append(dict(zip(header, cols)))
    return rows

def cjk(c):
    return '\u4e00' <= c <= '\u9fff'

def bigrams(text):
    out = set()
    for a, b in zip(text, text[1:]):
        if cjk(a) and cjk(b):
            out.add(a + b)
    return out

def parse_rel(s, what):
    out = collections.OrderedDict()
    if s == '':
        return out
    for item in s.split(','):
        key, _, g = item.rpartition(':')
        if g not in ('1', '2') or not key:
            err(f'{what}: bad item {item!r}')
            continue
        if key in out:
            err(f'{what}: {key} listed twice')
        out[key] = int(g)
    return out

# ---------- regions ----------
with open(REGIONS, encoding='utf-8') as f:
    regions = list(csv.DictReader(f))
villages = {r['code']: r['name'] for r in regions if r['level'] == 'village'}
region_names = {r['name'] for r in regions}

# ---------- reports ----------
reports = tsv('reports.tsv', ['id', 'category', 'village', 'title', 'description'])
R = {}
for i, r in enumerate(reports, 1):
    want = f'NA{i:03d}'
    if r['id'] != want:
        err(f'report id {r["id"]} != {want}')
    R[r['id']] = r
    if r['category'] not in CATS:
        err(f'{r["id"]}: category {r["category"]}')
    if r['village'] not in villages:
        err(f'{r["id"]}: {r["village"]} is not a village code')
    if not 1 <= len(r['title']) <= 14:
        err(f'{r["id"]}: title length {len(r["title"])}')
    if not 20 <= len(r['description']) <= 120:
        err(f'{r["id"]}: description length {len(r["description"])}')
if not 150 <= len(reports) <= 160:
    err(f'{len(reports)} reports, want 150-160')
cat_count = collections.Counter(r['category'] for r in reports)
for c in CATS:
    if not 7 <= cat_count[c] <= 11:
        err(f'category {c}: {cat_count[c]} reports, want 7-11')
vil_count = collections.Counter(r['village'] for r in reports)
for v in villages:
    if vil_count[v] < 3:
        err(f'village {v} {villages[v]}: {vil_count[v]} reports, want >= 3')
text = {k: r['title'] + r['description'] for k, r in R.items()}
all_text = ''.join(text.values())

# ---------- report typos ----------
typos = tsv('build/typos.tsv', ['id', 'wrong', 'right'])
typo_of = {}
for t in typos:
    if t['id'] not in R:
        err(f'typos: unknown {t["id"]}')
        continue
    if t['id'] in typo_of:
        err(f'typos: {t["id"]} twice')
    typo_of[t['id']] = t
    if t['wrong'] not in text[t['id']]:
        err(f'typos: {t["id"]} lacks wrong form {t["wrong"]}')
    if t['right'] in text[t['id']]:
        err(f'typos: {t["id"]} also holds right form {t["right"]}')
    if t['wrong'] == t['right'] or len(t['wrong']) != len(t['right']):
        err(f'typos: {t["id"]} wrong/right {t["wrong"]}/{t["right"]} not a same-length substitution')
share = len(typo_of) / len(reports)
if not 0.17 <= share <= 0.23:
    err(f'typo reports {len(typo_of)} = {share:.0%}, want about 20%')

# ---------- queries ----------
queries = tsv('queries.tsv', ['qid', 'query', 'class', 'relevant'])
Q = {}
for i, q in enumerate(queries, 1):
    want = f'NAQ{i:02d}'
    if q['qid'] != want:
        err(f'query id {q["qid"]} != {want}')
    if q['class'] not in CLASS_RANGE:
        err(f'{q["qid"]}: class {q["class"]}')
    q['rel'] = parse_rel(q['relevant'], q['qid'])
    for k in q['rel']:
        if k not in R:
            err(f'{q["qid"]}: unknown report {k}')
    if q['class'] == 'none':
        if q['rel']:
            err(f'{q["qid"]}: none query with judgments')
    elif 2 not in q['rel'].values():
        err(f'{q["qid"]}: no grade-2 report')
    Q[q['qid']] = q
if not 70 <= len(queries) <= 80:
    err(f'{len(queries)} queries, want 70-80')
cls_count = collections.Counter(q['class'] for q in queries)
for c, (lo, hi) in CLASS_RANGE.items():
    if not lo <= cls_count[c] <= hi:
        err(f'class {c}: {cls_count[c]} queries, want {lo}-{hi}')

def g2(q):
    return [k for k, g in q['rel'].items() if g == 2 and k in R]

# typo queries
qtypos = tsv('build/query_typos.tsv', ['qid', 'wrong', 'right'])
seen = set()
misspelt = correct = 0
for t in qtypos:
    q = Q.get(t['qid'])
    if not q or q['class'] != 'typo':
        err(f'query_typos: {t["qid"]} is not a typo query')
        continue
    seen.add(t['qid'])
    if t['wrong']:
        misspelt += 1
        if t['wrong'] not in q['query'] or t['right'] in q['query']:
            err(f'{t["qid"]}: wrong form {t["wrong"]} missing or right form {t["right"]} present')
        if t['wrong'] in all_text:
            err(f'{t["qid"]}: wrong form {t["wrong"]} also occurs in a report (must differ from the reports\')')
    else:
        correct += 1
        if t['right'] not in q['query']:
            err(f'{t["qid"]}: correct query lacks {t["right"]}')
        hits = [k for k in g2(q) if k in typo_of and typo_of[k]['right'] == t['right']]
        if not hits:
            err(f'{t["qid"]}: no grade-2 report misspells {t["right"]}')
for q in queries:
    if q['class'] == 'typo' and q['qid'] not in seen:
        err(f'{q["qid"]}: typo query missing from build/query_typos.tsv')
tot = misspelt + correct
if tot and not 0.55 <= misspelt / tot <= 0.78:
    err(f'typo queries: {misspelt} misspelt of {tot}, want about two thirds')

# colloquial: grade-2 reports share no bigram with the query
for q in queries:
    if q['class'] != 'colloquial':
        continue
    qb = bigrams(q['query'].replace(' ', ''))
    for k in g2(q):
        shared = qb & bigrams(text[k])
        if shared:
            err(f'{q["qid"]} {q["query"]}: grade-2 {k} shares {sorted(shared)}')

# ---------- demo cases and templates (part B) ----------
demo_titles, demo_text = set(), []
if os.path.exists(DEMO):
    with open(DEMO, encoding='utf-8') as f:
        lines = f.read().split('\n')
    head = lines[0].split('\t')
    ti = head.index('title') if 'title' in head else None
    for line in lines[1:]:
        if not line.strip():
            continue
        cols = line.split('\t')
        if ti is not None and ti < len(cols):
            demo_titles.add(cols[ti])
        demo_text.append(' '.join(cols))
tmpl_titles, tmpl_text = set(), []
if os.path.exists(TEMPLATES):
    with open(TEMPLATES, encoding='utf-8') as f:
        src = ''.join(f.readlines()[:80])
    for m in re.finditer(r'new\s+\w+\s*\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"', src):
        tmpl_titles.add(m.group(2))
        tmpl_text.append(' '.join(m.groups()))
    if not tmpl_text:
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"', src)
        tmpl_text = strings

# relax: heading verbatim in no report
for q in queries:
    if q['class'] != 'relax':
        continue
    h = q['query'].replace(' ', '')
    if h in all_text:
        err(f'{q["qid"]}: heading {h} occurs verbatim in a report')
    for t in demo_text + tmpl_text:
        if h in t:
            err(f'{q["qid"]}: heading {h} occurs verbatim in a demo case/template')

# none: no bigram with any report, demo case or template
for q in queries:
    if q['class'] != 'none':
        continue
    qb = bigrams(q['query'].replace(' ', ''))
    for k, t in text.items():
        if qb & bigrams(t):
            err(f'{q["qid"]}: shares {sorted(qb & bigrams(t))} with {k}')
    for t in demo_text + tmpl_text:
        if qb & bigrams(t):
            err(f'{q["qid"]}: shares {sorted(qb & bigrams(t))} with demo/template {t[:30]}')

# ---------- aliases and place queries ----------
aliases = tsv('aliases.tsv', ['alias', 'region_code', 'kind'])
A = {}
for a in aliases:
    if a['region_code'] not in villages:
        err(f'alias {a["alias"]}: {a["region_code"]} is not a village')
    if a['alias'] in region_names:
        err(f'alias {a["alias"]} is an official region name')
    if not a['kind']:
        err(f'alias {a["alias"]}: no kind')
    A[a['alias']] = a['region_code']
used = set()
for q in queries:
    found = [a for a in A if a in q['query']]
    if q['class'] != 'place':
        continue
    found = sorted(found, key=len, reverse=True)[:1]
    if not found:
        err(f'{q["qid"]}: place query names no alias')
        continue
    a = found[0]
    used.add(a)
    code = A[a]
    rest = q['query'].replace(a, '').replace(' ', '').replace('嘎查', '')
    mine = [k for k, r in R.items() if r['village'] == code]
    if rest == '':
        if set(q['rel']) != set(mine) or any(g != 2 for g in q['rel'].values()):
            err(f'{q["qid"]}: place-only query must grade all {len(mine)} reports of {code} 2')
    else:
        for k in q['rel']:
            if k in R and R[k]['village'] != code:
                err(f'{q["qid"]}: {k} is not in {code}')
for a in A:
    if a not in used:
        err(f'alias {a} used by no place query')

# ---------- duplicates ----------
dups = tsv('duplicates.tsv', ['later', 'earlier'])
if not 10 <= len(dups) <= 16:
    err(f'{len(dups)} duplicate pairs, want about 13')
for d in dups:
    l, e = d['later'], d['earlier']
    if l not in R or e not in R:
        err(f'duplicates: unknown {l}/{e}')
        continue
    if l <= e:
        err(f'duplicates: {l} not later than {e}')
    if R[l]['village'] != R[e]['village']:
        err(f'duplicates: {l}/{e} in different villages')
    if R[l]['category'] != R[e]['category']:
        err(f'duplicates: {l}/{e} in different categories')
    if R[l]['description'] == R[e]['description'] or R[l]['title'] == R[e]['title']:
        err(f'duplicates: {l}/{e} use the same words')
    for q in queries:
        if q['rel'].get(l, 0) != q['rel'].get(e, 0):
            err(f'{q["qid"]}: duplicate {l} graded {q["rel"].get(l, 0)}, earlier {e} {q["rel"].get(e, 0)}')

# ---------- part B ----------
def part_b(name, titles):
    path = os.path.join(SET, name)
    if not os.path.exists(path):
        err(f'{name} missing')
        return 0, 0
    rows = tsv(name, ['qid', 'relevant'])
    n2 = n1 = 0
    seenq = set()
    for row in rows:
        q = Q.get(row['qid'])
        if not q:
            err(f'{name}: unknown {row["qid"]}')
            continue
        if row['qid'] in seenq:
            err(f'{name}: {row["qid"]} twice')
        seenq.add(row['qid'])
        if q['class'] in ('place', 'none'):
            err(f'{name}: {row["qid"]} is a {q["class"]} query')
        rel = parse_rel(row['relevant'], f'{name} {row["qid"]}')
        if not rel:
            err(f'{name}: {row["qid"]} listed with no titles (omit it)')
        for t, g in rel.items():
            if t not in titles:
                err(f'{name}: {row["qid"]}: title {t!r} not found')
            n2 += g == 2
            n1 += g == 1
    return n2, n1

if not demo_titles:
    err('demo reports not readable')
if not tmpl_titles:
    err('template titles not parsed')
part_b('demo.tsv', demo_titles)
part_b('generated.tsv', tmpl_titles)

# ---------- summary ----------
print(f'reports {len(reports)}, typo reports {len(typo_of)} ({share:.0%}), queries {len(queries)} {dict(cls_count)}')
print(f'categories {dict(sorted(cat_count.items()))}')
print(f'typo queries: {misspelt} misspelt, {correct} correct; aliases {len(A)}; duplicates {len(dups)}')
print(f'demo titles {len(demo_titles)}, template titles {len(tmpl_titles)}')
if errors:
    print(f'{len(errors)} problem(s):')
    for e in errors:
        print('  ' + e)
    sys.exit(1)
print('OK')
