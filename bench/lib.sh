# lib.sh - timing helpers of the benchmark, sourced by bench/run.sh (and by
# any further check that wants the same measurements).
#
#   bench_tool [-n] KEY LABEL FILE RUNS CMD [ARG...]
#       register a tool: CMD ARG... is run RUNS times; "{}" in an argument is
#       replaced by FILE; MB/s are computed from FILE's size.  Its standard
#       output is kept (the first line with a '=' is its summary), or with -n
#       sent to /dev/null.
#   bench_measure          run every registered tool, interleaved: round r
#                          runs each tool that still has runs left, in order.
#   bench_median KEY wall|cpu|rss    median of a tool's runs (rss: the largest)
#   bench_mbps KEY [wall|cpu]  megabytes (10^6 bytes) per second from the
#                          median wall-clock (default) or CPU seconds
#   bench_found KEY        the tool's own one-line summary of its last run
#
# Each run is timed by bash's `time` (wall clock and user+system CPU, to the
# millisecond) around /usr/bin/time (peak RSS).  A run that fails stops the
# benchmark with the tool's message.

BENCH_KEYS=()
declare -A BENCH_LABEL BENCH_FILE BENCH_RUNS BENCH_CMD BENCH_WALL BENCH_CPU BENCH_RSS BENCH_OUT \
	BENCH_STDOUT
BENCH_TMP=${BENCH_TMP:-$(mktemp -d)}

bench_tool()
{
	local discard=0 key label file runs cmd="" a
	[[ $1 == -n ]] && discard=1 && shift
	key=$1 label=$2 file=$3 runs=$4
	shift 4
	for a in "$@"; do
		cmd+=" $(printf '%q' "${a//\{\}/$file}")"
	done
	BENCH_KEYS+=("$key")
	BENCH_LABEL[$key]=$label
	BENCH_FILE[$key]=$file
	BENCH_RUNS[$key]=$runs
	BENCH_CMD[$key]=$cmd
	BENCH_STDOUT[$key]=$BENCH_TMP/$key.out
	((discard)) && BENCH_STDOUT[$key]=/dev/null
	BENCH_WALL[$key]=""
	BENCH_CPU[$key]=""
	BENCH_RSS[$key]=""
}

# Run one tool once and record wall seconds, CPU seconds (user + system, of
# the tool and its threads and children) and peak RSS (KiB).  Bash's `time`
# gives both times to the millisecond; GNU time gives the peak RSS.
bench_once()
{
	local key=$1 wall u s rss TIMEFORMAT='%3R %3U %3S'
	local out=${BENCH_STDOUT[$key]} err=$BENCH_TMP/$key.err tf=$BENCH_TMP/$key.time
	local tt=$BENCH_TMP/$key.times
	eval "set -- ${BENCH_CMD[$key]}"
	if ! { time /usr/bin/time -f '%M' -o "$tf" "$@" >"$out" 2>"$err"; } 2>"$tt"; then
		echo "bench: ${BENCH_LABEL[$key]} failed: $*" >&2
		tail -n 5 "$err" >&2
		tail -n 2 "$tf" >&2
		return 1
	fi
	read -r wall u s <"$tt"
	rss=$(tail -n 1 "$tf")
	BENCH_WALL[$key]+=" $wall"
	BENCH_CPU[$key]+=" $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')"
	BENCH_RSS[$key]+=" $rss"
	BENCH_OUT[$key]=""
	[[ $out == /dev/null ]] || BENCH_OUT[$key]=$(grep -m1 '=' "$out" || head -c 200 "$out")
}

bench_measure()
{
	local max=0 r key
	for key in "${BENCH_KEYS[@]}"; do
		((BENCH_RUNS[$key] > max)) && max=${BENCH_RUNS[$key]}
	done
	for ((r = 1; r <= max; r++)); do
		for key in "${BENCH_KEYS[@]}"; do
			((r <= BENCH_RUNS[$key])) || continue
			printf '  round %d/%d: %s\n' "$r" "$max" "${BENCH_LABEL[$key]}" >&2
			bench_once "$key" || return 1
		done
	done
}

bench_median()
{
	local key=$1 what=$2 vals
	case $what in
	wall) vals=${BENCH_WALL[$key]} ;;
	cpu) vals=${BENCH_CPU[$key]} ;;
	rss)
		tr ' ' '\n' <<<"${BENCH_RSS[$key]}" | awk 'NF && $1 > m { m = $1 } END { print m + 0 }'
		return
		;;
	esac
	tr ' ' '\n' <<<"$vals" | awk 'NF' | sort -g |
		awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2];
		      else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_bytes()
{
	stat -c %s "${BENCH_FILE[$1]}"
}

bench_mbps()
{
	local key=$1
	awk -v b="$(bench_bytes "$key")" -v t="$(bench_median "$key" "${2:-wall}")" \
		'BEGIN { if (t > 0) printf "%.4f", b / 1e6 / t; else print "inf" }'
}

bench_found()
{
	printf '%s' "${BENCH_OUT[$1]}"
}
