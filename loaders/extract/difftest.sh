#!/bin/sh
# difftest.sh checks that the extractor's output is unchanged since a base
# commit: it builds opgraph at BASE (default fe0dd56, before loaders was split
# into packages) and at the working tree, runs `opgraph extract --format json`
# of both on every dev article (../shared/corpus/dev, skipped when absent),
# every seed and 3,000 generated articles (`opgraph-bench gen --seed 1`), and
# compares output and exit status byte for byte. It prints the counts and
# exits 1 on any difference, naming the files.
#
#   loaders/extract/difftest.sh [BASE]
set -eu
base=${1:-fe0dd56}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/base"
git -C "$root" archive "$base" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go build -o "$tmp/before" ./cmd/opgraph)
(cd "$root" && go build -o "$tmp/after" ./cmd/opgraph && go build -o "$tmp/bench" ./cmd/opgraph-bench)
"$tmp/bench" gen --articles 3000 --seed 1 --out "$tmp/gen" >/dev/null

# compare NAME FILES...: both builds on each file; prints "NAME: n files, d differ".
compare() {
	name=$1
	shift
	n=0
	d=0
	for f in "$@"; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		"$tmp/before" extract --format json "$f" >"$tmp/b.out" 2>/dev/null && eb=0 || eb=$?
		"$tmp/after" extract --format json "$f" >"$tmp/a.out" 2>/dev/null && ea=0 || ea=$?
		if [ "$eb" != "$ea" ] || ! cmp -s "$tmp/b.out" "$tmp/a.out"; then
			d=$((d + 1))
			echo "differs: $f (exit $eb before, $ea after)"
		fi
	done
	echo "$name: $n files, $d differ"
	total_diff=$((total_diff + d))
}

total_diff=0
dev="$root/../shared/corpus/dev"
if [ -d "$dev" ]; then
	compare dev "$dev"/*.txt
else
	echo "dev: skipped, no corpus at $dev"
fi
compare seeds "$root"/seeds/*
compare generated "$tmp"/gen/articles/*.txt
[ "$total_diff" -eq 0 ]
