#!/usr/bin/env bash
# run.sh - throughput of libtimeline next to its peers, in one command.
#
#   bench/run.sh [--size MB] [--runs N] [--scale] [--dp-kb KB] [--no-peers]
#                [--build-dir DIR] [--no-build] [--profile]
#
# 1. builds the benchmark text: ../shared/tools/make-bench-text.py SIZE
#    bench/data/news-SIZEMB.txt ../shared/corpora/* (deterministic, kept);
# 2. builds the project in Release (-O2, with -g for profiles) in build-bench/;
# 3. times, interleaved, RUNS runs of: the timeline CLI (--format json to
#    /dev/null), bench_extract (the library alone, on one thread and, on a
#    machine with more than one core, on one thread a core), wc -w, chrono-node (npm,
#    into bench/node_modules) and Python's dateparser (Debian's, on a slice of
#    DP-KB kilobytes because it is slow);
# 4. prints the median MB/s of each, the CLI's speed over each, and peak RSS;
# 5. with --scale, also times the CLI and bench_extract on 100 MB against
#    10 MB and prints the time ratio and the 100 MB peak RSS.
# 6. with --profile, instead of timing: runs bench_extract and the CLI (-j 1)
#    under valgrind --tool=callgrind on the first 2 MB of the text and prints
#    the functions that cost the most instructions (bench/out/callgrind.*).
# Missing peers (no node, no network, no dateparser) are skipped with a note.
# The table is also written to bench/out/last.txt.  Exit status: 0 when every
# measurement ran (targets missed are reported, not failed), 1 otherwise.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$BENCH/.." && pwd)
SHARED=${TL_SHARED:-$SRC/../shared}
SIZE=10
RUNS=5
SCALE=0
DP_KB=200
PEERS=1
BUILD=$SRC/build-bench
DO_BUILD=1
DCT=2021-11-05
PROFILE=0

usage()
{
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
	exit "${1:-0}"
}

while (($#)); do
	case $1 in
	--size) SIZE=$2; shift ;;
	--runs) RUNS=$2; shift ;;
	--scale) SCALE=1 ;;
	--dp-kb) DP_KB=$2; shift ;;
	--no-peers) PEERS=0 ;;
	--build-dir) BUILD=$(realpath -m "$2"); shift ;;
	--no-build) DO_BUILD=0 ;;
	--profile) PROFILE=1 ;;
	-h | --help) usage 0 ;;
	*) echo "run.sh: unknown option '$1'" >&2; usage 2 ;;
	esac
	shift
done
[[ $SIZE =~ ^[0-9]+(\.[0-9]+)?$ && $RUNS =~ ^[1-9][0-9]*$ && $DP_KB =~ ^[1-9][0-9]*$ ]] ||
	{ echo "run.sh: --size, --runs and --dp-kb take positive numbers" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "run.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
[[ -f $SHARED/tools/make-bench-text.py && -d $SHARED/corpora ]] ||
	{ echo "run.sh: $SHARED/tools and corpora are missing (set TL_SHARED)" >&2; exit 1; }

BENCH_TMP=$(mktemp -d)
trap 'rm -rf "$BENCH_TMP"' EXIT
# shellcheck source=lib.sh
. "$BENCH/lib.sh"

note() { printf '%s\n' "$*" >&2; }

# ---- 1. benchmark text ------------------------------------------------------
mkdir -p "$BENCH/data" "$BENCH/out"
corpora=()
for d in "$SHARED"/corpora/*/; do
	compgen -G "$d*.tml" >/dev/null && corpora+=("${d%/}")
done
make_text()  # SIZE_MB -> path
{
	local f=$BENCH/data/news-$1MB.txt
	[[ -s $f ]] || python3 "$SHARED/tools/make-bench-text.py" "$1" "$f" "${corpora[@]}" >&2
	printf '%s' "$f"
}
TEXT=$(make_text "$SIZE")
# dateparser's slice: the first DP_KB kilobytes, cut at a paragraph boundary
SLICE=$BENCH/data/news-$SIZE-MB-first-${DP_KB}KB.txt
python3 - "$TEXT" "$SLICE" "$DP_KB" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read(int(sys.argv[3]) * 1000)
cut = data.rfind(b"\n\n")
open(sys.argv[2], "wb").write(data[: cut + 2] if cut > 0 else data)
EOF

# ---- 2. Release build --------------------------------------------------------
if ((DO_BUILD)); then
	note "building in $BUILD (Release, -O2)"
	cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -g -DNDEBUG" \
		-DTL_BUILD_TESTS=OFF >"$BENCH_TMP/cmake.log" 2>&1 ||
		{ cat "$BENCH_TMP/cmake.log" >&2; exit 1; }
	cmake --build "$BUILD" -j2 --target timeline_cli bench_extract >"$BENCH_TMP/build.log" 2>&1 ||
		{ cat "$BENCH_TMP/build.log" >&2; exit 1; }
fi
CLI=$BUILD/timeline
EXTRACT=$BUILD/bench_extract
[[ -x $CLI && -x $EXTRACT ]] || { echo "run.sh: no $CLI or $EXTRACT" >&2; exit 1; }

# ---- profile (instead of timing) ----------------------------------------------
if ((PROFILE)); then
	command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null ||
		{ echo "run.sh: --profile needs valgrind (apt-get install valgrind)" >&2; exit 1; }
	PTEXT=$BENCH/data/news-$SIZE-MB-first-2MB.txt
	python3 - "$TEXT" "$PTEXT" <<'EOF2'
import sys
data = open(sys.argv[1], "rb").read(2_000_000)
cut = data.rfind(b"\n\n")
open(sys.argv[2], "wb").write(data[: cut + 2] if cut > 0 else data)
EOF2
	for what in bench_extract cli; do
		cg=$BENCH/out/callgrind.$what
		if [[ $what == cli ]]; then
			cmd=("$CLI" -j 1 --format json --dct "$DCT" "$PTEXT")
		else
			cmd=("$EXTRACT" --dct "$DCT" "$PTEXT")
		fi
		note "profiling $what on $(stat -c %s "$PTEXT") bytes (callgrind, slow)"
		valgrind --tool=callgrind --callgrind-out-file="$cg" "${cmd[@]}" >/dev/null 2>"$cg.log" ||
			{ tail -n 5 "$cg.log" >&2; exit 1; }
		printf '\n== %s: %s\n' "$what" "$(grep -o 'refs: .*' "$cg.log" | head -n 1)"
		printf -- '-- self (instructions in the function itself)\n'
		callgrind_annotate "$cg" 2>/dev/null | sed -n '/file:function/,/^$/p' | sed -n '3,17p'
		printf -- '-- inclusive (with what it calls)\n'
		callgrind_annotate --inclusive=yes "$cg" 2>/dev/null | sed -n '/file:function/,/^$/p' |
			grep -v -e 'below main' -e 'ld-linux' -e '???:0x' | sed -n '3,22p'
	done
	exit 0
fi

# ---- 3. peers ----------------------------------------------------------------
SKIPPED=()
HAVE_CHRONO=0
HAVE_DP=0
if ((PEERS)); then
	want=$(sed -n 's/.*"chrono-node": *"\([^"]*\)".*/\1/p' "$BENCH/package.json")
	have=""
	[[ -f $BENCH/node_modules/chrono-node/package.json ]] &&
		have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
			"$BENCH/node_modules/chrono-node/package.json" | head -n 1)
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		SKIPPED+=("chrono-node: node or npm is not installed")
	elif [[ $have != "$want" ]] &&
		! (cd "$BENCH" && npm install --no-package-lock --no-audit --no-fund --silent \
			>"$BENCH_TMP/npm.log" 2>&1); then
		SKIPPED+=("chrono-node: npm install failed ($(tail -n 1 "$BENCH_TMP/npm.log"))")
	else
		HAVE_CHRONO=1
	fi
	if /usr/bin/python3 -c 'import dateparser' 2>/dev/null; then
		HAVE_DP=1
	else
		SKIPPED+=("dateparser: apt-get install python3-dateparser")
	fi
else
	SKIPPED+=("chrono-node and dateparser: --no-peers")
fi

# ---- 4. measure -------------------------------------------------------------
DP_RUNS=$((RUNS < 3 ? RUNS : 3))
bench_tool -n cli "timeline CLI (json)" "$TEXT" "$RUNS" "$CLI" --format json --dct "$DCT" {}
bench_tool lib "bench_extract (library)" "$TEXT" "$RUNS" "$EXTRACT" --dct "$DCT" {}
NCPU=$(nproc)
((NCPU > 1)) &&
	bench_tool libj "bench_extract -j $NCPU" "$TEXT" "$RUNS" "$EXTRACT" --jobs "$NCPU" --dct "$DCT" {}
bench_tool wc "wc -w" "$TEXT" "$RUNS" env LC_ALL=C.UTF-8 wc -w {}
((HAVE_CHRONO)) &&
	bench_tool chrono "chrono-node $want" "$TEXT" "$RUNS" node "$BENCH/chrono_bench.js" {} "$DCT"
((HAVE_DP)) &&
	bench_tool dp "dateparser (slice)" "$SLICE" "$DP_RUNS" \
		/usr/bin/python3 -W ignore "$BENCH/dateparser_bench.py" {} "$DCT"
if ((SCALE)); then
	BIG=$(make_text 100)
	if [[ $SIZE != 10 ]]; then
		TEN=$(make_text 10)
		bench_tool -n cli10 "timeline CLI 10 MB" "$TEN" "$RUNS" "$CLI" --format json --dct "$DCT" {}
		bench_tool lib10 "bench_extract 10 MB" "$TEN" "$RUNS" "$EXTRACT" --dct "$DCT" {}
	fi
	SRUNS=$((RUNS < 3 ? RUNS : 3))
	bench_tool -n cli100 "timeline CLI 100 MB" "$BIG" "$SRUNS" "$CLI" --format json --dct "$DCT" {}
	bench_tool lib100 "bench_extract 100 MB" "$BIG" "$SRUNS" "$EXTRACT" --dct "$DCT" {}
fi

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
note "measuring (interleaved; $RUNS runs each, dateparser $DP_RUNS)"
bench_measure

# ---- 5. report ---------------------------------------------------------------
fmt_mbps() { awk -v m="$1" 'BEGIN { printf(m < 1 ? "%.3f" : "%.1f", m) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = b > 0 ? a / b : 0; printf(r < 10 ? "%.2f" : "%.0f", r) }'; }
report()
{
	local key cw cc
	cw=$(bench_mbps cli wall)
	cc=$(bench_mbps cli cpu)
	printf 'libtimeline benchmark, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
	printf 'machine: %s cores, %s; load average at the start: %s\n' "$(nproc)" \
		"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" "$LOAD0"
	printf 'commit: %s\n' "$(git -C "$SRC" describe --always --dirty 2>/dev/null || echo '?')"
	printf 'text: %s (%s bytes); DCT %s; medians of %s runs, interleaved\n\n' \
		"${TEXT#"$SRC"/}" "$(stat -c %s "$TEXT")" "$DCT" "$RUNS"
	printf '%-26s %8s %4s %8s %8s %8s %8s %7s %7s %9s\n' tool "input MB" runs "wall s" \
		"MB/s" "CPU s" "MB/s CPU" "CLI x" "CLI x" "peak RSS"
	printf '%-26s %8s %4s %8s %8s %8s %8s %7s %7s %9s\n' "" "" "" "" "(wall)" "" "" \
		"(wall)" "(CPU)" ""
	for key in "${BENCH_KEYS[@]}"; do
		printf '%-26s %8.2f %4d %8.3f %8s %8.3f %8s %7s %7s %6.1f Mi\n' \
			"${BENCH_LABEL[$key]}" \
			"$(awk -v b="$(bench_bytes "$key")" 'BEGIN { print b / 1e6 }')" \
			"${BENCH_RUNS[$key]}" "$(bench_median "$key" wall)" \
			"$(fmt_mbps "$(bench_mbps "$key" wall)")" "$(bench_median "$key" cpu)" \
			"$(fmt_mbps "$(bench_mbps "$key" cpu)")" \
			"$(ratio "$cw" "$(bench_mbps "$key" wall)")" \
			"$(ratio "$cc" "$(bench_mbps "$key" cpu)")" \
			"$(awk -v k="$(bench_median "$key" rss)" 'BEGIN { print k / 1024 }')"
	done
	printf '\nMB/s (wall): bytes over the median wall-clock time of the whole process;\n'
	printf 'MB/s CPU: over the median user+system CPU time (all threads), which a busy\n'
	printf 'machine disturbs less.  "CLI x": the CLI'"'"'s MB/s over the tool'"'"'s.\n'
	((HAVE_DP)) && printf 'dateparser ran on the first %s KB only (%s bytes); its MB/s come from that slice.\n' \
		"$DP_KB" "$(stat -c %s "$SLICE")"
	for s in "${SKIPPED[@]+"${SKIPPED[@]}"}"; do
		printf 'skipped %s\n' "$s"
	done
	printf '\nwhat each tool reported of its last run:\n'
	for key in "${BENCH_KEYS[@]}"; do
		[[ -n ${BENCH_OUT[$key]:-} ]] && printf '  %-26s %s\n' "${BENCH_LABEL[$key]}" "${BENCH_OUT[$key]}"
	done
	printf '\ntargets (reported, not enforced), on wall-clock / CPU time:\n'
	target "CLI >= 100 MB/s" "$cw >= 100" "$cc >= 100"
	target "library >= 150 MB/s (one thread)" "$(bench_mbps lib wall) >= 150" "$(bench_mbps lib cpu) >= 150"
	((NCPU > 1)) && target "library >= 150 MB/s ($NCPU threads, wall only)" "$(bench_mbps libj wall) >= 150"
	target "CLI >= 0.5x wc -w" "$cw >= 0.5 * $(bench_mbps wc wall)" "$cc >= 0.5 * $(bench_mbps wc cpu)"
	((HAVE_CHRONO)) && target "CLI >= 20x chrono-node" "$cw >= 20 * $(bench_mbps chrono wall)" \
		"$cc >= 20 * $(bench_mbps chrono cpu)"
	if ((SCALE)); then
		local k10=cli k10l=lib what r rl
		[[ $SIZE != 10 ]] && k10=cli10 k10l=lib10
		for what in wall cpu; do
			r=$(awk -v a="$(bench_median cli100 $what)" -v b="$(bench_median $k10 $what)" \
				'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
			rl=$(awk -v a="$(bench_median lib100 $what)" -v b="$(bench_median $k10l $what)" \
				'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
			target "$what time of 100 MB / 10 MB <= 11 (CLI $r, library $rl)" "$r <= 11"
		done
		target "CLI peak RSS on 100 MB < 64 MiB (is $(awk -v k="$(bench_median cli100 rss)" \
			'BEGIN { printf "%.1f", k / 1024 }') MiB)" "$(bench_median cli100 rss) < 65536"
	fi
}
# target NAME WALL-CONDITION [CPU-CONDITION]
target()
{
	local w c=""
	w=$(awk "BEGIN { print (($2) ? \"met\" : \"MISSED\") }")
	[[ -n ${3:-} ]] && c=" / $(awk "BEGIN { print (($3) ? \"met\" : \"MISSED\") }")"
	printf '  [%s%s] %s\n' "$w" "$c" "$1"
}
report | tee "$BENCH/out/last.txt"
