# How many of the gold's part / same-haul / context marks (in notes) the extractor links.
# usage: python3 scripts/eval/links.py BIN CORPUS_DIR
import sys, json, subprocess, os, glob, re
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval'))
import score as S
binp, corpus = sys.argv[1], sys.argv[2]
tot = {'part': [0, 0], 'same': [0, 0], 'ctx': [0, 0]}
extra = {'part': 0, 'same': 0, 'ctx': 0}
def tag(n):
    n = (n or '').lower()
    if 'part of' in n and 'not part of' not in n: return 'part'
    if 'same haul' in n or 'restat' in n or 'same figure' in n: return 'same'
    if re.search(r'previous|annual|yearly|earlier|historic', n): return 'ctx'
    return None
def ptag(p):
    if p.get('part_of') is not None: return 'part'
    if p.get('same_as') is not None: return 'same'
    if p.get('context'): return 'ctx'
    return None
for txt in sorted(glob.glob(corpus + '/*.txt')):
    gold = json.load(open(txt[:-4] + '.gold.json'))
    pred = json.loads(subprocess.run([binp, 'extract', '--format', 'json', txt], capture_output=True, text=True).stdout)
    for k, same in (('arrests', lambda g, p: S.num(g.get('count')) is not None and S.num(g['count']) == S.num(p.get('count'))), ('seizures', S.seizure_same)):
        g = [x for x in S.as_list(gold, k) if isinstance(x, dict)]
        p = [x for x in S.as_list(pred, k) if isinstance(x, dict)]
        _, _, _, pairs = S.greedy_match(g, p, same)
        matched = {a: b for a, b in pairs}
        for gi, x in enumerate(g):
            t = tag(x.get('note'))
            if not t: continue
            tot[t][1] += 1
            if gi in matched and ptag(p[matched[gi]]) == t: tot[t][0] += 1
        for gi, pi in pairs:
            t = ptag(p[pi])
            if t and tag(g[gi].get('note')) != t: extra[t] += 1
for t in tot: print(f"{t:5} linked right {tot[t][0]} of {tot[t][1]} gold marks; marked where gold does not: {extra[t]}")
