# Lists, per article, the items the extractor missed (FN) or added (FP) against the annotations, by kind.
# usage: python3 scripts/eval/diff.py BIN CORPUS_DIR [kinds,comma,separated]
import sys, json, subprocess, os, glob
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval'))
import score as S
binp, corpus = sys.argv[1], sys.argv[2]
kinds = sys.argv[3].split(',') if len(sys.argv) > 3 else None
for txt in sorted(glob.glob(corpus + '/*.txt')):
    name = os.path.basename(txt)[:-4]
    gold = json.load(open(txt[:-4] + '.gold.json'))
    pred = json.loads(subprocess.run([binp, 'extract', '--format', 'json', txt], capture_output=True, text=True).stdout)
    out = []
    def show(kind, g, p, same):
        if kinds and kind not in kinds: return
        tp, fp, fn, pairs = S.greedy_match(g, p, same)
        mg = {a for a, _ in pairs}; mp = {b for _, b in pairs}
        for i, x in enumerate(g):
            if i not in mg: out.append(f"  {kind} FN {json.dumps(x, ensure_ascii=False)[:260]}")
        for i, x in enumerate(p):
            if i not in mp: out.append(f"  {kind} FP {json.dumps({k:v for k,v in x.items() if k not in ('evidence',)} if isinstance(x, dict) else x, ensure_ascii=False)[:260]}")
    show('agencies', S.as_list(gold,'agencies'), S.as_list(pred,'agencies'), lambda g,p: bool(S.names_of(g)&S.names_of(p)))
    gar=[a for a in S.as_list(gold,'arrests') if isinstance(a,dict) and S.num(a.get('count')) is not None]
    par=[a for a in S.as_list(pred,'arrests') if isinstance(a,dict) and S.num(a.get('count')) is not None]
    show('arrests', gar, par, lambda g,p: S.num(g['count'])==S.num(p['count']))
    g=S.as_list(gold,'seizures'); p=S.as_list(pred,'seizures'); g=sorted(g,key=lambda s: not S.seizure_values(s))
    show('seizures', g, p, S.seizure_same)
    show('people', S.as_list(gold,'people'), S.as_list(pred,'people'), S.person_same)
    go=[o for o in S.as_list(gold,'operations') if isinstance(o,dict) and o.get('name')]
    po=[o for o in S.as_list(pred,'operations') if isinstance(o,dict) and o.get('name')]
    show('operations', go, po, lambda g,p: bool({S.op_norm(x) for x in [g['name']]+(g.get('aliases') or [])} & {S.op_norm(x) for x in [p['name']]+(p.get('aliases') or [])}))
    for key in ('places','platforms','groups'):
        fn = S.place_key if key=='places' else S.norm
        gg = sorted({fn(x if isinstance(x,str) else (x or {}).get('name')) for x in S.as_list(gold,key)}-{''})
        pp = sorted({fn(x if isinstance(x,str) else (x or {}).get('name')) for x in S.as_list(pred,key)}-{''})
        show(key, gg, pp, lambda a,b: a==b or (S.place_core(a)!='' and S.place_core(a)==S.place_core(b)))
    if out:
        print(name); print('\n'.join(out))
