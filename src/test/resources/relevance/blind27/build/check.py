#!/usr/bin/env python3
"""Checks for blind27 (part A and, when present, part B). Run: python3 build/check.py"""
import csv, os, re, sys
from collections import Counter, defaultdict

BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAIN = '/work/main'
REGIONS = MAIN + '/src/main/resources/demo/regions.csv'
DEMO = MAIN + '/src/main/resources/demo/reports.tsv'
DISTRACTORS = MAIN + '/src/test/java/cn/minqing/search/RelevanceDistractors.java'
CATS = ['water', 'road', 'irrigation', 'farm-sales', 'land', 'subsidy', 'medical', 'elderly',
        'education', 'housing', 'sanitation', 'security', 'employment', 'power', 'telecom', 'other']
errors = []
def err(msg): errors.append(msg)

def rows(name, header):
    path = os.path.join(BASE, name)
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if lines[0].split('\t') != header:
        err(f'{name}: header {lines[0]!r}')
    out = []
    for n, line in enumerate(lines[1:], 2):
        cols = line.split('\t')
        if len(cols) != len(header):
            err(f'{name}:{n}: {len(cols)} columns')
            continue
        if any(c != c.strip() for c in cols):
            err(f'{name}:{n}: stray whitespace')
        out.append(dict(zip(header, cols)))
    return out

def norm(s):
    return re.sub(r'[^0-9A-Za-z\u4e00-\u9fff\U00020000-\U0002ffff]', '', s)

def bigrams(s):
    s = norm(s)
    return {s[i:i + 2] for i in range(len(s) - 1)}

# typos in reports: id -> (wrong form, right form)
TYPOS = {
    'A002': ('自来税', '自来水'), 'A006': ('水废', '水费'), 'A016': ('应化', '硬化'),
    'A022': ('水杯', '水陂'), 'A023': ('滴管', '滴灌'), 'A028': ('山糖', '山塘'),
    'A033': ('脐成', '脐橙'), 'A035': ('烟页', '烟叶'), 'A042': ('油查', '油茶'),
    'A046': ('复恳', '复垦'), 'A053': ('黄龙饼', '黄龙病'), 'A054': ('地保', '低保'),
    'A060': ('补帖', '补贴'), 'A064': ('卫生是', '卫生室'), 'A069': ('一保', '医保'),
    'A072': ('养老斤', '养老金'), 'A082': ('笑车', '校车'), 'A091': ('维屋', '围屋'),
    'A093': ('为房', '危房'), 'A095': ('般迁', '搬迁'), 'A102': ('拉圾', '垃圾'),
    'A106': ('西土', '稀土'), 'A107': ('侧所', '厕所'), 'A112': ('纠分', '纠纷'),
    'A121': ('托欠', '拖欠'), 'A127': ('公钱', '工钱'), 'A131': ('电鸭', '电压'),
    'A134': ('停店', '停电'), 'A140': ('信好', '信号'), 'A141': ('宽待', '宽带'),
    'A144': ('快地', '快递'),
}
# typo-class queries: misspelt ones -> (wrong, right); correctly spelt ones -> None
QTYPOS = {
    'AQ01': ('脐澄', '脐橙'), 'AQ02': ('黄龙并', '黄龙病'), 'AQ03': ('取肖', '取消'),
    'AQ04': ('山堂', '山塘'), 'AQ05': ('脱欠', '拖欠'), 'AQ06': ('停云', '停运'),
    'AQ07': ('到张', '到账'), 'AQ08': ('宽代', '宽带'), 'AQ09': ('改早', '改造'),
    'AQ10': ('尾谁', '尾水'), 'AQ11': ('纪念被', '纪念碑'), 'AQ12': ('快第', '快递'),
    'AQ13': ('太底', '太低'),
    'AQ14': None, 'AQ15': None, 'AQ16': None, 'AQ17': None, 'AQ18': None, 'AQ19': None,
}

# ---------- regions ----------
with open(REGIONS, encoding='utf-8') as f:
    regions = list(csv.DictReader(f))
villages = {r['code']: r['name'] for r in regions if r['level'] == 'village'}
region_names = {r['name'] for r in regions}

# ---------- reports ----------
reports = rows('reports.tsv', ['id', 'category', 'village', 'title', 'description'])
rep = {}
for i, r in enumerate(reports, 1):
    if r['id'] != f'A{i:03d}':
        err(f"report {r['id']}: expected A{i:03d}")
    rep[r['id']] = r
    if r['category'] not in CATS:
        err(f"{r['id']}: category {r['category']}")
    if r['village'] not in villages:
        err(f"{r['id']}: village {r['village']} is not a village of regions.csv")
    if not 1 <= len(r['title']) <= 14:
        err(f"{r['id']}: title length {len(r['title'])}")
    if not 20 <= len(r['description']) <= 120:
        err(f"{r['id']}: description length {len(r['description'])}")
text = {k: v['title'] + ' ' + v['description'] for k, v in rep.items()}
if not 150 <= len(reports) <= 160:
    err(f'{len(reports)} reports')
cc = Counter(r['category'] for r in reports)
for c in CATS:
    if not 7 <= cc[c] <= 11:
        err(f'category {c}: {cc[c]} reports')
vc = Counter(r['village'] for r in reports)
for v in villages:
    if vc[v] < 3:
        err(f'village {v} {villages[v]}: {vc[v]} reports')
titles = Counter(r['title'] for r in reports)
for t, n in titles.items():
    if n > 1:
        err(f'title {t} used {n} times')

# ---------- typos in reports ----------
for k, (wrong, right) in TYPOS.items():
    if k not in rep:
        err(f'typo {k}: no such report'); continue
    if wrong not in text[k]:
        err(f'typo {k}: {wrong} absent')
    if right in text[k]:
        err(f'typo {k}: right form {right} present')
share = len(TYPOS) / len(reports)
if not 0.17 <= share <= 0.23:
    err(f'typo share {share:.2f}')

# ---------- queries ----------
queries = rows('queries.tsv', ['qid', 'query', 'class', 'relevant'])
CLASS_RANGE = {'typo': (17, 21), 'colloquial': (24, 28), 'place': (10, 14), 'relax': (12, 16), 'none': (4, 6)}
grades = {}
qtext = {}
qclass = {}
for i, q in enumerate(queries, 1):
    qid = q['qid']
    if qid != f'AQ{i:02d}':
        err(f'query {qid}: expected AQ{i:02d}')
    qtext[qid] = q['query']
    qclass[qid] = q['class']
    if q['class'] not in CLASS_RANGE:
        err(f'{qid}: class {q["class"]}')
    g = {}
    if q['relevant']:
        for item in q['relevant'].split(','):
            m = re.fullmatch(r'(A\d{3}):([12])', item)
            if not m:
                err(f'{qid}: bad item {item!r}'); continue
            if m.group(1) not in rep:
                err(f'{qid}: unknown report {m.group(1)}')
            if m.group(1) in g:
                err(f'{qid}: {m.group(1)} listed twice')
            g[m.group(1)] = int(m.group(2))
    grades[qid] = g
    if q['class'] == 'none':
        if g: err(f'{qid}: none query with judgments')
    elif 2 not in g.values():
        err(f'{qid}: no grade-2 report')
if not 70 <= len(queries) <= 80:
    err(f'{len(queries)} queries')
ccl = Counter(qclass.values())
for c, (lo, hi) in CLASS_RANGE.items():
    if not lo <= ccl[c] <= hi:
        err(f'class {c}: {ccl[c]} queries')
alltext = ' '.join(text.values())
for qid, qt in qtext.items():
    if qtext and list(qtext.values()).count(qt) > 1:
        err(f'{qid}: query text repeated')

# typo queries
typo_q = [k for k, c in qclass.items() if c == 'typo']
if set(typo_q) != set(QTYPOS):
    err(f'typo queries {sorted(set(typo_q) ^ set(QTYPOS))} not in QTYPOS')
mis = [k for k, v in QTYPOS.items() if v]
if not 0.55 <= len(mis) / max(1, len(QTYPOS)) <= 0.8:
    err(f'misspelt typo queries: {len(mis)} of {len(QTYPOS)}')
report_wrong = {w for w, _ in TYPOS.values()}
for k, v in QTYPOS.items():
    if k not in qtext: continue
    if v:
        wrong, right = v
        if wrong not in qtext[k]: err(f'{k}: wrong form {wrong} absent')
        if right in qtext[k]: err(f'{k}: right form {right} present')
        if wrong in alltext: err(f'{k}: wrong form {wrong} occurs in a report')
        if wrong in report_wrong: err(f'{k}: wrong form shared with reports')
    else:
        hits = [r for r, gr in grades[k].items() if gr == 2 and r in TYPOS and TYPOS[r][1] in qtext[k]]
        if not hits: err(f'{k}: correct query without a misspelt grade-2 report')

# colloquial: grade-2 reports share no two-character sequence with the query
for k, c in qclass.items():
    if c != 'colloquial': continue
    qb = bigrams(qtext[k])
    for r, gr in grades[k].items():
        if gr == 2:
            common = qb & bigrams(text[r])
            if common: err(f'{k} {qtext[k]}: grade-2 {r} shares {sorted(common)}')
# relax: the heading occurs verbatim in no report
for k, c in qclass.items():
    if c == 'relax':
        for r, t in text.items():
            if norm(qtext[k]) in norm(t): err(f'{k} {qtext[k]}: verbatim in {r}')
# none: no two-character sequence shared with any report (demo and templates below)
none_q = [k for k, c in qclass.items() if c == 'none']
for k in none_q:
    for r, t in text.items():
        common = bigrams(qtext[k]) & bigrams(t)
        if common: err(f'{k} {qtext[k]}: shares {sorted(common)} with {r}')

# ---------- aliases and place queries ----------
aliases = rows('aliases.tsv', ['alias', 'region_code', 'kind'])
amap = {}
for a in aliases:
    if a['alias'] in amap: err(f"alias {a['alias']} twice")
    amap[a['alias']] = a['region_code']
    if a['region_code'] not in villages: err(f"alias {a['alias']}: {a['region_code']} not a village")
    if a['alias'] in region_names: err(f"alias {a['alias']} is an official name")
    if not a['kind']: err(f"alias {a['alias']}: no kind")
used = set()
for k, c in qclass.items():
    if c != 'place': continue
    parts = qtext[k].split()
    place = parts[0]
    if place not in amap:
        err(f'{k}: place {place} not in aliases.tsv'); continue
    used.add(place)
    code = amap[place]
    for r in grades[k]:
        if rep[r]['village'] != code: err(f'{k}: {r} is in {rep[r]["village"]}, not {code}')
    if len(parts) == 1:
        want = {r: 2 for r in rep if rep[r]['village'] == code}
        if grades[k] != want: err(f'{k}: place-only query must grade every report of {code} 2')
    for other in amap:
        if other != place and other in qtext[k]: err(f'{k}: names two places')
for a in amap:
    if a not in used: err(f'alias {a} used by no place query')
for k, c in qclass.items():
    if c != 'place':
        for a in amap:
            if a in qtext[k]: err(f'{k}: non-place query names {a}')

# ---------- duplicates ----------
dups = rows('duplicates.tsv', ['later', 'earlier'])
for d in dups:
    a, b = d['later'], d['earlier']
    if a not in rep or b not in rep:
        err(f'duplicate {a} {b}: unknown id'); continue
    if a <= b: err(f'duplicate {a} {b}: later is not later')
    if rep[a]['village'] != rep[b]['village']: err(f'duplicate {a} {b}: villages differ')
    if rep[a]['category'] != rep[b]['category']: err(f'duplicate {a} {b}: categories differ')
    if rep[a]['title'] == rep[b]['title'] or rep[a]['description'] == rep[b]['description']:
        err(f'duplicate {a} {b}: same words')
    for k in grades:
        if grades[k].get(a, 0) != grades[k].get(b, 0):
            err(f'duplicate {a} {b}: graded {grades[k].get(a, 0)}/{grades[k].get(b, 0)} by {k}')
if not 11 <= len(dups) <= 15:
    err(f'{len(dups)} duplicate pairs')

# ---------- part B: demo cases and generated templates ----------
demo_rows = [l.split('\t') for l in open(DEMO, encoding='utf-8').read().splitlines()[1:]]
demo_titles = Counter(r[1] for r in demo_rows)
for t, n in demo_titles.items():
    if n > 1: err(f'demo title {t} is not unique')
with open(DISTRACTORS, encoding='utf-8') as f:
    head80 = ''.join(f.readlines()[:80])          # only the TEMPLATES list (lines 1-80) is read
templates = re.findall(r'new Template\("([^"]+)", "([^"]+)", "([^"]+)"\)', head80)
fills = re.findall(r'List\.of\(("[^)]*)\)', head80)
fill_words = re.findall(r'"([^"]+)"', ' '.join(fills))
tmpl_titles = {t[1] for t in templates}
if len(templates) < 20: err(f'only {len(templates)} templates parsed')
judgeable = {k for k, c in qclass.items() if c not in ('place', 'none')}

def part_b(name, known):
    path = os.path.join(BASE, name)
    if not os.path.exists(path):
        err(f'{name} missing'); return {}
    out = {}
    for r in rows(name, ['qid', 'relevant']):
        k = r['qid']
        if k not in judgeable: err(f'{name}: {k} is not a judgeable query')
        if k in out: err(f'{name}: {k} twice')
        g = {}
        for item in r['relevant'].split(','):
            m = re.fullmatch(r'([^:,]+):([12])', item)
            if not m: err(f'{name} {k}: bad item {item!r}'); continue
            if m.group(1) not in known: err(f'{name} {k}: unknown title {m.group(1)}')
            if m.group(1) in g: err(f'{name} {k}: {m.group(1)} twice')
            g[m.group(1)] = int(m.group(2))
        if not g: err(f'{name} {k}: empty')
        out[k] = g
    return out
demo_j = part_b('demo.tsv', set(demo_titles))
gen_j = part_b('generated.tsv', tmpl_titles)
# none queries share no two-character sequence with demo cases or templates either
others = [' '.join(r[1:]) for r in demo_rows] + [t[1] + ' ' + re.sub(r'\{[^}]*\}', ' ', t[2]) for t in templates]
others += fill_words
for k in none_q:
    for t in others:
        common = bigrams(qtext[k]) & bigrams(t)
        if common: err(f'{k} {qtext[k]}: shares {sorted(common)} with demo/template text {t[:20]}')

# ---------- summary ----------
for e in errors:
    print('FAIL', e)
print(f'reports {len(reports)}, queries {len(queries)} {dict(ccl)}, typos {len(TYPOS)} ({share:.0%}), '
      f'aliases {len(aliases)}, duplicates {len(dups)}, demo queries {len(demo_j)}, template queries {len(gen_j)}')
print('OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
