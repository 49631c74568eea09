# Lists, per article, the relations missed or added, and counts them by kind.
# usage: python3 scripts/eval/reldiff.py BIN CORPUS_DIR
import sys, json, subprocess, os, glob
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval'))
import score as S
binp, corpus = sys.argv[1], sys.argv[2]
from collections import Counter
kinds=Counter()
for txt in sorted(glob.glob(corpus + '/*.txt')):
    name = os.path.basename(txt)[:-4]
    gold = json.load(open(txt[:-4] + '.gold.json'))
    pred = json.loads(subprocess.run([binp, 'extract', '--format', 'json', txt], capture_output=True, text=True).stdout)
    ga, pa = S.as_list(gold, "agencies"), S.as_list(pred, "agencies")
    gall, pall = S.as_list(gold, "seizures"), S.as_list(pred, "seizures")
    gidx = [i for i, s in enumerate(gall) if isinstance(s, dict)]
    pidx = [i for i, s in enumerate(pall) if isinstance(s, dict)]
    gidx.sort(key=lambda i: not S.seizure_values(gall[i]))
    tp, fp, fn, pairs = S.greedy_match([gall[i] for i in gidx], [pall[i] for i in pidx], S.seizure_same)
    gold_keys = {i: "seizure#%d" % i for i in gidx}
    pred_keys = {i: "unmatched#%d" % i for i in pidx}
    for a, b in pairs:
        pred_keys[pidx[b]] = gold_keys[gidx[a]]
    alias = {}
    for g in ga:
        canon = S.norm(g.get("name") if isinstance(g, dict) else g)
        for n in S.names_of(g):
            alias[n] = canon
    for p in pa:
        pn = S.names_of(p)
        for g in ga:
            if pn & S.names_of(g):
                for n in pn:
                    alias.setdefault(n, S.norm(g.get("name") if isinstance(g, dict) else g))
    gr, pr = S.relations(gold, alias, gold_keys), S.relations(pred, alias, pred_keys)
    out=[]
    for r in sorted(gr-pr, key=str): out.append("  FN %s"%(r,)); kinds['FN '+r[0]]+=1
    for r in sorted(pr-gr, key=str): out.append("  FP %s"%(r,)); kinds['FP '+r[0]]+=1
    if out: print(name); print("\n".join(out))
for k,v in sorted(kinds.items()): print(k, v)
