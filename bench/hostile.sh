#!/bin/bash
# bench/hostile.sh - is the engine linear on hostile input?  Times the
# hostile inputs of tests/test_hostile.c at 1 MB and 10 MB next to 10 MB of
# news prose, through the library alone (bench_extract --whole: each file is
# ONE document, the hardest case) and through the command (timeline -f json).
#
#   bench/hostile.sh [--runs N] [--timeout S] [--sizes "1 10"]
#
# Prints, for each input and size, the median CPU seconds (user + system) of
# N runs (default 5) and the ratio of the 10 MB time to the 1 MB time (about
# 10 when linear), then the slowest hostile 10 MB input against the news
# prose: the goal is at most 3x.  Exit status 0 when the goal is met, 1 when
# not (or a run failed or passed the timeout, default 120 s a run).
#
# Needs ../shared (make-bench-text.py and the corpora) and python3.  The
# inputs are generated into bench/data/hostile/ (ignored by git).
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${TL_SHARED:-$src/../shared}
runs=5
limit=120
sizes="1 10"
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift ;;
	--timeout) limit=$2; shift ;;
	--sizes) sizes=$2; shift ;;
	-h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "bench/hostile.sh: unknown option '$1'" >&2; exit 2 ;;
	esac
	shift
done
[ -f "$shared/tools/make-bench-text.py" ] ||
	{ echo "bench/hostile.sh: $shared/tools/make-bench-text.py not found (set TL_SHARED)" >&2; exit 2; }

build=$src/build-bench
data=$src/bench/data/hostile
mkdir -p "$data"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -g -DNDEBUG" \
	-DTL_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target timeline_cli bench_extract >/dev/null

# gen NAME MB: bench/data/hostile/NAME-MB.txt, made once.
gen() {
	local name=$1 mb=$2 f=$data/$1-$2.txt
	[ -s "$f" ] && { echo "$f"; return; }
	/usr/bin/python3 - "$name" "$mb" "$f" <<'PY'
import random, sys
name, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = mb * 1000000
units = {
    "may": "May ",
    "nov5": "Nov. 5, ",
    "line": "The committee met on March 3, 2020 and again two days later; by 5 p.m. EST on "
            "Nov. 6 the vote, delayed since the 1990s, was done. ",
    "nosentence": "in 2020 and 1999 and last week and ",
    "digits": "12345678901234567890",
    "brackets": "(((([[{{ from 1990 to ",
    "punct": ". ! ? , ; - -- \u2013 / : ",
}
if name == "soup":
    words = ("May Nov. 5 2021 last next week ago later the 1990s - to from every Monday p.m. "
             "EST , . T year days two third quarter early mid- 10^22 99999999999999999999 31 "
             "12:30 noon tonight spring fiscal century decade before after since until on in "
             "of and or yesterday tomorrow hours minutes weekly twice a half 2021-11-05 "
             "11/05/2021 05.11.2021 \u2013 first XXXX February 30 13 45 Q3 W44 BC AD 1st "
             "22nd").split() + ["\n"]
    rnd = random.Random(20211105)
    parts, size = [], 0
    while size < n:
        w = rnd.choice(words) + (" " if rnd.random() < 0.8 else ", ")
        parts.append(w)
        size += len(w.encode())
    text = "".join(parts)
else:
    unit = units[name]
    text = unit * (n // len(unit.encode()) + 1)
data = text.encode()[:n]
while data and (data[-1] & 0xC0) == 0x80:  # never end inside a character
    data = data[:-1]
if data and data[-1] >= 0xC0:
    data = data[:-1]
open(out, "wb").write(data)
PY
	echo "$f"
}

# news MB: the benchmark prose of bench/run.sh.
news() {
	local f=$src/bench/data/news-$1MB.txt
	[ -s "$f" ] || /usr/bin/python3 "$shared/tools/make-bench-text.py" "$1" "$f" "$shared"/corpora/* >&2
	echo "$f"
}

# cpu CMD...: median user+system CPU seconds of $runs runs, to the
# millisecond (getrusage() of the finished child, which counts in
# microseconds: GNU time prints hundredths, too coarse for the 1 MB inputs);
# "TIMEOUT" or "FAIL".
cpu() {
	local times=() t
	for ((r = 0; r < runs; r++)); do
		t=$(/usr/bin/python3 - "$limit" "$data/.err" "$@" <<'PY'
import resource, subprocess, sys
limit, err, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
try:
    with open(err, "wb") as e:
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=e, timeout=limit).returncode
except subprocess.TimeoutExpired:
    print("TIMEOUT")
    sys.exit()
if rc != 0:
    print("FAIL")
    sys.exit()
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f" % (u.ru_utime + u.ru_stime))
PY
		)
		case $t in TIMEOUT | FAIL) echo "$t"; return ;; esac
		times+=("$t")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-" }'; }

inputs="may nov5 line nosentence digits brackets punct soup"
status=0
echo "CPU seconds (user+system), median of $runs; 'lib' = bench_extract --whole, 'cli' = timeline -f json"
for tool in lib cli; do
	if [ $tool = lib ]; then
		run=("$build/bench_extract" --whole --dct 2021-11-05)
	else
		run=("$build/timeline" -q -f json --dct 2021-11-05)
	fi
	big=${sizes##* }
	base=$(cpu "${run[@]}" "$(news "$big")")
	printf '%-4s %-12s' "$tool" "news"
	for mb in $sizes; do printf ' %8s' "-"; done
	printf '   %s MB news: %s s\n' "$big" "$base"
	worst=0 worst_name=""
	for name in $inputs; do
		printf '%-4s %-12s' "$tool" "$name"
		prev=""
		declare -A t=()
		for mb in $sizes; do
			t[$mb]=$(cpu "${run[@]}" "$(gen "$name" "$mb")")
			printf ' %7ss' "${t[$mb]}"
		done
		small=${sizes%% *}
		printf '   %s/%s MB: x%s   vs news: x%s\n' "$big" "$small" "$(ratio "${t[$big]}" "${t[$small]}")" \
			"$(ratio "${t[$big]}" "$base")"
		case ${t[$big]} in
		TIMEOUT | FAIL) status=1; worst_name="$name (${t[$big]})"; worst=999999 ;;
		*) if awk -v a="${t[$big]}" -v b="$worst" 'BEGIN { exit !(a > b) }'; then
			   worst=${t[$big]}
			   worst_name=$name
		   fi ;;
		esac
		unset t
	done
	r=$(ratio "$worst" "$base")
	verdict=ok
	if [ "$r" = - ]; then verdict="no ratio"; elif awk -v r="$r" 'BEGIN { exit !(r > 3) }'; then verdict="OVER 3x"; status=1; fi
	echo "$tool: slowest hostile ${big} MB: $worst_name, $worst s = x$r the news prose ($verdict)"
done
exit $status
