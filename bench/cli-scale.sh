#!/bin/bash
# cli-scale.sh - how the timeline command scales: threads and memory.
#
#   bench/cli-scale.sh [--threads-only] [--realtime] [BUILD_DIR]   (default: build)
#
# 1. Threads: 3,000 JSONL documents (news prose from the shared corpora,
#    about 4.6 KB each) through `--format jsonl`, -j 1 against -j 2, the
#    median of 5 interleaved runs each; checks that both outputs are the same
#    bytes.  Next to the wall-clock speed-up it prints what a busy machine
#    does not change: the serial share (main-thread CPU outside jobs, from
#    `timeline --stats`) and the speed-up Amdahl's law allows with it; and
#    what the machine was doing: load average, CPU pressure, and the share
#    of a core each run actually got.
# 2. Memory: peak RSS (GNU time) of
#    a. a 1 GB JSONL stream, generated on the fly into a pipe (no file), with
#       --format jsonl, and
#    b. a 100 MB plain-text file with --format json (the file is deleted
#       afterwards).
#    --threads-only leaves part 2 out (it takes minutes).
#    --realtime also times part 1 at real-time priority (chrt -f 1; root),
#    which takes the cores from the other processes for a few seconds: the
#    speed-up the command gets on an idle machine.
# Needs ../shared (corpora and tools/make-bench-text.py), /usr/bin/time and
# python3.  Writes its scratch files under a temporary directory.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
threads_only=0 realtime=0
while [ $# -gt 0 ]; do
	case $1 in
	--threads-only) threads_only=1 ;;
	--realtime) realtime=1 ;;
	-*) echo "usage: bench/cli-scale.sh [--threads-only] [--realtime] [BUILD_DIR]" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
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

# ---- 1. threads ----
# The wall-clock speed-up depends on what else the machine runs, so next to
# it the script prints what does not: the serial share.  `--stats` reads the
# thread CPU clocks: the main thread's CPU outside jobs (reading, handing
# out, ordering, writing) against the CPU in jobs (parsing, analysis,
# rendering).  By Amdahl's law a serial share s bounds the speed-up on N
# cores to 1 / (s + (1 - s) / N); "cores got" (CPU seconds / wall seconds)
# says how much of the machine a run actually had.
"$cli" -j 1 -i jsonl -f jsonl "$work/docs.jsonl" >"$work/j1"
"$cli" -j 2 -i jsonl -f jsonl "$work/docs.jsonl" >"$work/j2"
cmp -s "$work/j1" "$work/j2" && same=yes || same=NO
echo "pressure before: $(sed -n 's/^some //p' /proc/pressure/cpu 2>/dev/null || echo n/a) (share of time runnable tasks waited for a core)"
# one timed run: wall, user and system seconds, and the --stats line
timed() { # TAG J ROUND [PREFIX...]
	local TIMEFORMAT='%3R %3U %3S' tag=$1 j=$2 r=$3
	shift 3
	{ time "$@" "$cli" --stats -j "$j" -i jsonl -f jsonl "$work/docs.jsonl" >/dev/null 2>"$work/stats.$tag$j.$r"; } 2>"$work/time.$tag$j.$r"
}
rounds=5
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall() { for r in $(seq $rounds); do cut -d' ' -f1 "$work/time.$1.$r"; done | median; }
got() { for r in $(seq $rounds); do awk '{ printf "%.3f\n", ($2 + $3) / $1 }' "$work/time.$1.$r"; done | median; }
# the main-thread share from a --stats line ("... main thread 0.012 s (2.1%: ...")
share() { for r in $(seq $rounds); do sed -n 's/.*main thread [0-9.]* s (\([0-9.]*\)%.*/\1/p' "$work/stats.$1.$r"; done | median; }
cpu() { for r in $(seq $rounds); do sed -n 's/^timeline: cpu \([0-9.]*\) s.*/\1/p' "$work/stats.$1.$r"; done | median; }
report() { # TAG LABEL
	local t1 t2
	t1=$(wall "${1}1") t2=$(wall "${1}2")
	printf '%s: -j 1 %.3f s, -j 2 %.3f s (median of %d, interleaved): speed-up %.2fx (goal >= 1.5x on 2 cores)\n' \
		"$2" "$t1" "$t2" "$rounds" "$(echo "$t1 / $t2" | bc -l)"
	printf '  cpu: -j 1 %.3f s, -j 2 %.3f s (all threads); cores got: -j 1 %.2f, -j 2 %.2f of 2\n' \
		"$(cpu "${1}1")" "$(cpu "${1}2")" "$(got "${1}1")" "$(got "${1}2")"
}
for r in $(seq $rounds); do # interleaved, so that a change of load hits both alike
	timed "" 1 "$r"
	timed "" 2 "$r"
done
echo "outputs: $(wc -l <"$work/j1") lines; -j 1 and -j 2 identical: $same"
report "" "threads, as the machine is"
s1=$(share 1) s2=$(share 2)
printf 'serial share (main-thread CPU outside jobs): -j 1 %.1f%%, -j 2 %.1f%%; Amdahl bound for -j 2: %.2fx\n' \
	"$s1" "$s2" "$(echo "1 / ($s1 / 100 + (1 - $s1 / 100) / 2)" | bc -l)"
echo "last -j 2 run: $(cat "$work/stats.2.$rounds")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); pressure: $(sed -n 's/^some //p' /proc/pressure/cpu 2>/dev/null || echo n/a)"
# With --realtime the same runs are made again at real-time priority
# (SCHED_FIFO 1, chrt): they take the cores from the other processes for the
# second or so each run lasts, which is how the command runs on an idle
# machine.  Only these short runs: never the long ones below.
if [ "$realtime" = 1 ]; then
	if chrt -f 1 true 2>/dev/null; then
		for r in $(seq $rounds); do
			timed rt 1 "$r" chrt -f 1
			timed rt 2 "$r" chrt -f 1
		done
		report rt "threads, real-time priority (chrt -f 1)"
		echo "  serial share: -j 1 $(share rt1)%, -j 2 $(share rt2)%; last -j 2 run: $(cat "$work/stats.rt2.$rounds")"
	else
		echo "threads, real-time priority: not permitted here (chrt -f 1 failed)"
	fi
fi

[ "$threads_only" = 1 ] && exit 0

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
