# Turns build/demo_nums.tsv (qid, demo line number:grade) into demo.tsv (qid, title:grade).
import os
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
demo = open('/work/main/src/main/resources/demo/reports.tsv', encoding='utf-8').read().splitlines()[1:]
titles = [l.split('\t')[1] for l in demo]
out = ['qid\trelevant']
for l in open(os.path.join(BASE, 'build/demo_nums.tsv'), encoding='utf-8').read().splitlines()[1:]:
    qid, items = l.split('\t')
    out.append(qid + '\t' + ','.join(titles[int(n) - 1] + ':' + g for n, g in (i.split(':') for i in items.split(','))))
open(os.path.join(BASE, 'demo.tsv'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
