#!/bin/bash
# cli-scale.sh - how the timeline command scales: threads and memory.
#
#   bench/cli-scale.sh [BUILD_DIR]      (default: build)
#
# 1. Threads: 3,000 JSONL documents (news prose from the shared corpora,
#    about 3 KB each) through `--format jsonl`, -j 1 against -j 2, the median
#    of 3 runs each; checks that both outputs are the same bytes.
# 2. Memory: peak RSS (GNU time) of
#    a. a 1 GB JSONL stream, generated on the fly into a pipe (no file), with
#       --format jsonl, and
#    b. a 100 MB plain-text file with --format json (the file is deleted
#       afterwards).
# Needs ../shared (corpora and tools/make-bench-text.py), /usr/bin/time and
# python3.  Writes its scratch files under a temporary directory.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cli=$build/timeline
shared=${TL_SHARED:-$root/../shared}
py=/usr/bin/python3
[ -x "$py" ] || py=python3
[ -x "$cli" ] || { echo "cli-scale.sh: $cli: build first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "cli-scale.sh: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
[ -f "$shared/tools/make-bench-text.py" ] || { echo "cli-scale.sh: $shared/tools not found" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "timeline: $("$cli" --version)"

# ---- inputs ----
"$py" "$shared/tools/make-bench-text.py" 10 "$work/prose.txt" "$shared"/corpora/* >/dev/null
"$py" - "$work/prose.txt" "$work/docs.jsonl" <<'PY'
import json, sys
paras = [p for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if p.strip()]
out = open(sys.argv[2], "w", encoding="utf-8")
i = k = 0
while k < 3000:
    text = []
    while sum(map(len, text)) < 3000:
        text.append(paras[i % len(paras)]); i += 1
    doc = {"id": "doc%04d" % k, "text": "\n\n".join(text)}
    if k % 2:
        doc["dct"] = "2021-%02d-%02d" % (k % 12 + 1, k % 28 + 1)
    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    k += 1
PY
size=$(stat -c %s "$work/docs.jsonl")
echo "input: 3000 JSONL documents, $((size / 1000)) kB"

# median of 3 wall-clock runs, in seconds
median3() {
	local t=()
	for _ in 1 2 3; do
		local s e
		s=$(date +%s.%N)
		"$@" >/dev/null
		e=$(date +%s.%N)
		t+=("$(echo "$e - $s" | bc -l)")
	done
	printf '%s\n' "${t[@]}" | sort -g | sed -n 2p
}

# ---- 1. threads ----
"$cli" -j 1 -i jsonl -f jsonl "$work/docs.jsonl" >"$work/j1"
"$cli" -j 2 -i jsonl -f jsonl "$work/docs.jsonl" >"$work/j2"
cmp -s "$work/j1" "$work/j2" && same=yes || same=NO
t1=$(median3 "$cli" -j 1 -i jsonl -f jsonl "$work/docs.jsonl")
t2=$(median3 "$cli" -j 2 -i jsonl -f jsonl "$work/docs.jsonl")
printf 'threads: -j 1 %.3f s, -j 2 %.3f s: speed-up %.2fx (goal >= 1.5x on 2 cores); %s lines; outputs identical: %s\n' \
	"$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)" "$(wc -l <"$work/j1")" "$same"
# CPU time says whether the threads add work; the wall-clock speed-up also
# depends on what else the machine runs (see the load average above).
for j in 1 2; do
	/usr/bin/time -f "%U %S" -o "$work/time" "$cli" -j $j -i jsonl -f jsonl "$work/docs.jsonl" >/dev/null
	read -r u s <"$work/time"
	printf 'cpu: -j %d: %.2f s user + %.2f s system\n' "$j" "$u" "$s"
done

# ---- 2a. a 1 GB JSONL stream, generated into a pipe ----
gen() { # write the 3,000 documents again and again, whole lines, up to 1 GB
	"$py" -c '
import sys
lines = open(sys.argv[1], "rb").read().splitlines(keepends=True)
left, out, i = 1_000_000_000, sys.stdout.buffer, 0
while left >= len(lines[i % len(lines)]):
    out.write(lines[i % len(lines)])
    left -= len(lines[i % len(lines)])
    i += 1
' "$work/docs.jsonl"
}
gen | /usr/bin/time -f "%M %e" -o "$work/time" "$cli" -i jsonl -f jsonl >/dev/null
read -r rss secs <"$work/time"
printf '1 GB JSONL stream, --format jsonl: peak RSS %.1f MiB (goal < 64 MiB), %.1f s, %.1f MB/s\n' \
	"$(echo "$rss / 1024" | bc -l)" "$secs" "$(echo "1000 / $secs" | bc -l)"

# ---- 2b. a 100 MB text file, one merged JSON timeline ----
"$py" "$shared/tools/make-bench-text.py" 100 "$work/b100.txt" "$shared"/corpora/* >/dev/null
/usr/bin/time -f "%M %e" -o "$work/time" "$cli" -f json "$work/b100.txt" >"$work/b100.json"
read -r rss secs <"$work/time"
printf '100 MB text, --format json: peak RSS %.1f MiB (goal < 64 MiB), %.1f s, %.1f MB/s; output %d MB, %s events\n' \
	"$(echo "$rss / 1024" | bc -l)" "$secs" "$(echo "100 / $secs" | bc -l)" \
	"$(($(stat -c %s "$work/b100.json") / 1000000))" \
	"$("$py" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$work/b100.json")"
rm -f "$work/b100.txt" "$work/b100.json"
