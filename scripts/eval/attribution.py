# How often the agency given to an arrest figure is right, split by where
# the agency is named: in the figure's own sentence, or only earlier (carried
# from context). Counts only figures whose count the annotation also has.
# usage: python3 scripts/eval/attribution.py BIN CORPUS_DIR [CORPUS_DIR ...]
import sys, json, subprocess, os, glob, collections
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval'))
import score as S
binp, corpora = sys.argv[1], sys.argv[2:]
cnt = collections.Counter()
for corpus in corpora:
    for txt in sorted(glob.glob(corpus + '/*.txt')):
        if not os.path.exists(txt[:-4] + '.gold.json'):
            continue  # a text without an annotation
        gold = json.load(open(txt[:-4] + '.gold.json'))
        pred = json.loads(subprocess.run([binp, 'extract', '--format', 'json', txt], capture_output=True, text=True).stdout)
        written = {a['name']: [a['name']] + (a.get('aliases') or []) for a in pred.get('agencies') or []}
        # the scorer's aliases: a predicted name that shares a name with a gold agency is that agency
        alias = {}
        for g in S.as_list(gold, 'agencies'):
            for n in S.names_of(g):
                alias[n] = S.norm(g.get('name'))
        for p in S.as_list(pred, 'agencies'):
            for g in S.as_list(gold, 'agencies'):
                if S.names_of(p) & S.names_of(g):
                    for n in S.names_of(p):
                        alias.setdefault(n, S.norm(g.get('name')))
        key = lambda n: alias.get(S.norm(n), S.norm(n))
        count = lambda a: str(int(S.num(a['count'])))
        golds = [a for a in S.as_list(gold, 'arrests') if S.num(a.get('count')) is not None]
        right = {(count(a), key(a['agency'])) for a in golds if a.get('agency')}
        counts = {count(a) for a in golds}
        for a in S.as_list(pred, 'arrests'):
            if S.num(a.get('count')) is None or not a.get('agency') or count(a) not in counts:
                continue
            sentence = (a.get('evidence') or [{}])[0].get('sentence', '')
            where = 'in its sentence' if any(n in sentence for n in written.get(a['agency'], [a['agency']])) else 'carried from before'
            cnt[where, (count(a), key(a['agency'])) in right] += 1
for where in ('in its sentence', 'carried from before'):
    ok, bad = cnt[where, True], cnt[where, False]
    print('%-20s %3d right of %3d' % (where, ok, ok + bad))
