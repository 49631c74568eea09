# Precision of predicted items by the rule that read them (first evidence), on a corpus.
# usage: python3 scripts/eval/calib.py BIN CORPUS_DIR
import sys, json, subprocess, os, glob
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval'))
import score as S
from collections import defaultdict
binp, corpus = sys.argv[1], sys.argv[2]
stats = defaultdict(lambda: [0, 0])
def rule(x):
    ev = x.get('evidence') or [{}]
    return ev[0].get('rule') or '?'
for txt in sorted(glob.glob(corpus + '/*.txt')):
    gold = json.load(open(txt[:-4] + '.gold.json'))
    pred = json.loads(subprocess.run([binp, 'extract', '--format', 'json', txt], capture_output=True, text=True).stdout)
    def run(kind, g, p, same):
        _, _, _, pairs = S.greedy_match(g, p, same)
        hit = {b for _, b in pairs}
        for i, x in enumerate(p):
            k = kind + ':' + rule(x)
            stats[k][1] += 1
            if i in hit: stats[k][0] += 1
    run('agency', S.as_list(gold,'agencies'), S.as_list(pred,'agencies'), lambda g,p: bool(S.names_of(g)&S.names_of(p)))
    gar=[a for a in S.as_list(gold,'arrests') if isinstance(a,dict) and S.num(a.get('count')) is not None]
    par=[a for a in S.as_list(pred,'arrests') if isinstance(a,dict) and S.num(a.get('count')) is not None]
    run('arrest', gar, par, lambda g,p: S.num(g['count'])==S.num(p['count']))
    g=S.as_list(gold,'seizures'); g=sorted(g,key=lambda s: not S.seizure_values(s))
    run('seizure', g, S.as_list(pred,'seizures'), S.seizure_same)
    run('person', S.as_list(gold,'people'), S.as_list(pred,'people'), S.person_same)
    gp = [S.place_key(x if isinstance(x,str) else x.get('name')) for x in S.as_list(gold,'places')]
    pp = S.as_list(pred,'places')
    run('place', gp, pp, lambda a,b: a==S.place_key(b['name']) or (S.place_core(a)!='' and S.place_core(a)==S.place_core(S.place_key(b['name']))))
    go=[o for o in S.as_list(gold,'operations') if isinstance(o,dict) and o.get('name')]
    po=[o for o in S.as_list(pred,'operations') if isinstance(o,dict) and o.get('name')]
    run('operation', go, po, lambda g,p: bool({S.op_norm(x) for x in [g['name']]+(g.get('aliases') or [])} & {S.op_norm(x) for x in [p['name']]+(p.get('aliases') or [])}))
for k in sorted(stats):
    tp, n = stats[k]
    print(f"{k:40} {tp:4}/{n:<4} {tp/n:.2f}")
