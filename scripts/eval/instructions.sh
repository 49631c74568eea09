#!/bin/bash
# instructions.sh TEST_BINARY: the instructions of one extraction pass over
# the dev corpus (BenchmarkExtract), under cachegrind with GOGC=off and one
# core: (I(12 passes) - I(2 passes)) / 10, so start-up and the benchmark's
# set-up cancel out. A steadier measure of the extractor's cost than MB/s on
# a shared machine.
#
#   go test -c -o /tmp/extract.test ./loaders/extract
#   scripts/eval/instructions.sh /tmp/extract.test
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/../../loaders/extract"
refs() {
	GOGC=off GOMAXPROCS=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
		"$bin" -test.run '^$' -test.bench 'BenchmarkExtract$' -test.benchtime "$1x" 2>&1 |
		sed -n 's/.*I *refs: *//p' | tr -d ,
}
a=$(refs 2)
b=$(refs 12)
awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f M instructions a pass\n", (b - a) / 10 / 1e6 }'
