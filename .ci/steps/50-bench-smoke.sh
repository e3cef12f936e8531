#!/usr/bin/env bash
# 50-bench-smoke.sh - prove that the benchmark command works, on a tiny text.
# Not a measurement: it times nothing that CI judges.  The peers are skipped
# (with a note) when node/npm or python3-dateparser are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${TL_SHARED:-$PWD/../shared}
if [[ ! -d $shared/corpora || ! -f $shared/tools/make-bench-text.py ]]; then
	echo "bench smoke: skipped ($shared/corpora or tools missing)"
	exit 0
fi
if [[ ! -x /usr/bin/time ]]; then
	echo "bench smoke: skipped (GNU time is missing: apt-get install time)"
	exit 0
fi
export TL_SHARED=$shared
out=$(mktemp)
trap 'rm -f "$out"' EXIT
bench/run.sh --size 0.2 --runs 1 --dp-kb 4 --build-dir build-bench-smoke 2>&1 | tee "$out"
for row in 'timeline CLI (json)' 'bench_extract (library)' 'wc -w'; do
	grep -q "^$row  *[0-9]" "$out" || { echo "bench smoke: no '$row' row in the table"; exit 1; }
done
echo "bench smoke: ok"
