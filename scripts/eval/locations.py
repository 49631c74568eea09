# Share of matched arrests and seizures whose location agrees with the annotation (score.py does not score locations).
# usage: python3 scripts/eval/locations.py BIN CORPUS_DIR
import sys, json, subprocess, glob, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval')); import score as S
binp, corpus = sys.argv[1], sys.argv[2]
ok = tot = 0
for txt in sorted(glob.glob(corpus + '/*.txt')):
    gold = json.load(open(txt[:-4] + '.gold.json'))
    pred = json.loads(subprocess.run([binp, 'extract', '--format', 'json', txt], capture_output=True, text=True).stdout)
    for kind, same in (('arrests', lambda g,p: S.num(g.get('count'))==S.num(p.get('count'))), ('seizures', S.seizure_same)):
        g = [x for x in S.as_list(gold, kind) if isinstance(x, dict)]; p = S.as_list(pred, kind)
        _, _, _, pairs = S.greedy_match(g, p, same)
        for a, b in pairs:
            gl = g[a].get('location'); pl = p[b].get('location')
            if not gl: continue
            gls = gl if isinstance(gl, list) else [gl]
            tot += 1
            if pl and any(S.norm(pl) == S.norm(x) or S.norm(pl) in S.norm(x) or S.norm(x) in S.norm(pl) for x in gls): ok += 1
print(ok, tot, round(ok/tot, 3))
